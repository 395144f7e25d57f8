"""Eighteenth round (issue 14): blind17's errors. Tested on sentences composed for these tests
(not taken from the gold texts), each with the traps that must keep their old reading.

Mechanism: an act recommended as what would serve or benefit someone ("Kazakhstan's interests
will be best served by prompt and complete ratification of ...", "Belarus stands to benefit from
early accession to ...", "the report recommended swift ratification of ...") is no fact, however
many modifiers stand before the act's noun; an act that has served or benefited someone ("has
benefited from the ratification of ... in February") and a plain act stay facts. An act that
"cannot" happen "until" a condition is met ("cannot enter into force until Belarus has deposited
its instruments") is no act yet, nor is an act in the perfect inside an until-clause ("until
Belarus has ratified it"); a past act made late ("did not enter into force until November 1992")
stays a fact with the date after "until".
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_KAZ = "Arms control\n1993-05-10\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- traps of the recommended act: an act done stays a fact ---------------------------------
    ("ratified-plain", _KAZ + "Kazakhstan ratified the START I Treaty in February.",
     [w("start1_1991", "KAZ", "ratified", "1993-02")]),
    ("benefited-past", _KAZ + "The region has benefited from the ratification of the START I "
     "Treaty by Belarus in February.", [w("start1_1991", "BLR", "ratified", "1993-02")]),
    ("served-past", _KAZ + "Trade was served by Belarus's ratification of the START I Treaty "
     "in February.", [w("start1_1991", "BLR", "ratified", "1993-02")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an act recommended as serving someone's interests, with a long run of modifiers
    ("best-served-long", _KAZ + "We think Kazakhstan's security will be best served by prompt "
     "and complete ratification of START I, accession to the NPT and removal of the missiles."),
    ("benefit-from", _KAZ + "Officials argue that Belarus stands to benefit greatly from early "
     "and orderly accession to the Non-Proliferation Treaty."),
    ("recommended", _KAZ + "The committee's report recommended swift and unqualified "
     "ratification of the START I Treaty by Kazakhstan."),
]

FACTS += [
    # --- traps of the act that cannot happen until: a past act made late stays a fact ----------
    ("not-until-date", _KAZ + "The CFE Treaty did not enter into force until November 1992.",
     [w("cfe_1990", "*", "entered_into_force", "1992-11")]),
]

NO_FACT += [
    # an act that cannot (or will not) happen until a condition is met: no act yet
    ("cannot-until", _KAZ + "The START I Treaty cannot enter into force until Belarus has "
     "deposited its instruments."),
    ("cannot-take-effect", _KAZ + "The START I Treaty cannot take effect until the other "
     "republics have done the same."),
    # an act in an until-clause told in the perfect is awaited, not done
    ("until-has-ratified", _KAZ + "The START I Treaty will stay in limbo until Belarus has "
     "ratified it."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_eighteenth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_eighteenth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
