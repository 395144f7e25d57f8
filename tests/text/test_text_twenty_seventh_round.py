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

_D84 = "World news\n1984-03-01\n\n"
_D19 = "World news\n2019-03-01\n\n"

# (2) a clause-level denial governing a violation: "there is no truth in accusations that",
# "not a grain / shred of truth in charges that"
NO_FACT += [
    ("grain-of-truth", _D84 + "Officials said there is not a grain of truth in charges that "
     "the Soviet Union is deploying radars contrary to the ABM Treaty."),
    ("no-truth-claims", _D19 + "There is no truth in claims that Iran is enriching uranium in "
     "breach of the JCPOA, Tehran said."),
    ("shred-of-truth", _D19 + "Moscow says there is not a shred of truth in accusations that "
     "Russia violated the INF Treaty."),
    ("moscow-officials-no-truth", "MOSCOW 04411\n\nOfficials in Moscow told Tass there is not "
     "a shred of truth in claims that the Soviet Union is building radars contrary to the ABM "
     "Treaty."),
    ("nothing-true", _D19 + "Nothing is true in the allegations that Pyongyang breached the "
     "Singapore statement, its envoy insisted."),
]
FACTS += [
    # traps: truth affirmed; the denial in another clause after "but"
    ("some-truth", _D19 + "Washington says there is truth in reports that Russia violated the "
     "INF Treaty.", [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
    ("no-truth-but-violated", _D19 + "Moscow said there was no truth in the story, but "
     "Washington insists Russia violated the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
]

_D97 = "World news\n1997-04-01\n\n"
_D00 = "World news\n2000-04-01\n\n"

# (3) a modal obligation: the act noun (or "it" for it) the subject of "should / must / ought
# to / has to / needs to be VERBed"
NO_FACT += [
    ("it-ought-to-be", _D97 + "Deputies debated the Chemical Weapons Convention on Tuesday. "
     "Duma deputies noted that the ratification process had begun and said it ought to be "
     "finished by autumn."),
    ("duma-must-be", _D97 + "Deputies debated the Chemical Weapons Convention on Tuesday. The "
     "Duma's ratification must be completed by autumn."),
    ("must-be-completed", _D00 + "Ratification of START II must be completed before the "
     "summit, Putin told the Duma."),
    ("has-to-be-wrapped", _D00 + "The Duma's ratification of the CTBT has to be wrapped up this "
     "spring, officials said."),
    ("ought-wrapped", _D00 + "Putin spoke about START II on Tuesday. He said ratification ought to "
     "be wrapped up before the summit."),
]
FACTS += [
    # traps: a ratification done, and a modal that concerns something else in the sentence
    ("ratified-then-should", _D00 + "The Duma ratified START II on Friday, and Putin said the "
     "cuts should be carried out quickly.", [w("start2_1993", "RUS", "ratified")]),
    ("completed-then-must", _D00 + "The Duma completed the ratification of the CTBT on "
     "Friday; the cuts must be carried out soon, Putin said.", [w("ctbt_1996", "RUS", "ratified")]),
]

_D21 = "World news\n2021-04-01\n\n"

# (4) a nominal act with no actor of its own whose outcome is only foreseen: "will / would /
# could have implications", "would mean"
NO_FACT += [
    ("departure-will-have", _D21 + "The departure from the Simla Agreement will have serious "
     "consequences; first, Pakistan will no longer be bound by its bilateral clause."),
    ("withdrawal-will-mean", _D19 + "The withdrawal from the New START treaty will mean that "
     "Russia is no longer bound by its limits."),
    ("exit-will-have", _D19 + "The exit from the JCPOA will have grave effects, since Iran "
     "would then be free to enrich uranium."),
    ("leaving-will-have", _D21 + "Leaving the Simla Agreement will have consequences; Pakistan "
     "will be free to seek mediation."),
]
FACTS += [
    # traps: an act with its own actor, told as done, whose outcome is foreseen; an act told
    # before the foreseen outcome
    ("us-withdrawal-will-have", _D19 + "Washington withdrew from the INF Treaty in February. "
     "The U.S. withdrawal from the INF Treaty will have consequences for Europe.",
     [w("inf_1987", "USA", "withdrew")]),
    # (written with the change: an act with its own date stays an act)
    ("dated-withdrawal-will-have", "World news\n2020-04-01\n\nThe withdrawal from the INF "
     "Treaty in August 2019 will have consequences; Washington is now free to deploy missiles.",
     [w("inf_1987", "USA", "withdrew")]),
]

_D86 = "World news\n1986-04-01\n\n"

# (5) a reported suggestion, claim or report that the text disputes after it
NO_FACT += [
    ("reports-doubted", _D86 + "Reports that Moscow has been complying with SALT II are widely "
     "doubted in Washington."),
    ("claims-not-believed", _D86 + "Claims that the Soviets have observed the ABM Treaty are "
     "not believed by the Pentagon."),
    ("suggestions-disputed", _D19 + "Suggestions that Iran has stuck to the JCPOA, and may "
     "still do so, are hotly disputed by Israel."),
    ("stories-dismissed", _D19 + "Stories that Russia had left the INF Treaty were dismissed "
     "by the Kremlin as fiction."),
]
FACTS += [
    # traps: a report believed; a dispute about something else
    ("reports-confirmed", _D19 + "Reports that Iran has stuck to the JCPOA were confirmed by "
     "the IAEA.", [w("jcpoa_2015", "IRN", "kept")]),
    ("complied-dispute-other", _D86 + "The Soviet Union has complied with SALT II, although "
     "its figures are disputed by the Pentagon.", [w("salt2_1979", "SUN", "kept")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
