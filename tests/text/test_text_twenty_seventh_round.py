"""Twenty-seventh round (issue 14): the five leaks blind36–38 left, one general mechanism per
class. Tested on sentences composed for these tests (not taken from the gold texts), each with
the traps that must keep their old reading.

Classes: a denial whose only accuser would be the article's voice, where the voice is the
accused state itself under its other name (a "MOSCOW" cable header read as Russia, the accused
the Soviet Union); a clause-level denial of the accusations that govern a violation ("there is
not a grain of truth in accusations that ... contrary to"); an act under a modal obligation
("the ratification should be finished", "must be completed", "ought to be wrapped up"); a
nominal act with no actor of its own whose outcome is only foreseen ("The departure from the
agreement will have implications"); a reported suggestion, claim or report that the text
disputes after it ("Suggestions that ... are generally not believed").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

# (1) a denial whose only accuser would be the voice, the accused state itself under another
# name: a Moscow (or Kremlin) header is Russia, the Soviet Union its predecessor
NO_FACT += [
    ("moscow-cable-denies", "MOSCOW 01234\n\nPravda on Tuesday again denied that the Soviet "
     "Union had breached the ABM Treaty."),
    ("moscow-cable-numbered", "MOSCOW 01234\n\n1. SUMMARY. Izvestia has once more denied that "
     "the USSR is violating the ABM Treaty. It gave no details."),
    ("kremlin-denies-ussr", "Kremlin\n\nTass denies that the Soviets have breached the "
     "Threshold Test Ban Treaty."),
]
FACTS += [
    # traps: a denial in a voice that is another state still names that voice the accuser
    # (the rule as before); an accusation without a denial keeps its accuser
    ("washington-voice-denial", "Washington\n\nThe Soviet Union denies that it has violated "
     "the ABM Treaty.", [w("abm_1972", "SUN", "violation_alleged", by="USA")]),
    ("moscow-voice-accuses-us", "MOSCOW 01234\n\nTass said the United States had violated "
     "the ABM Treaty.", [w("abm_1972", "USA", "violation_alleged", by="RUS")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
