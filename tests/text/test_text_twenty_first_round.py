"""Twenty-first round (issue 14): blind21's and blind22's errors. Tested on sentences composed
for these tests (not taken from the gold texts), each with the traps that must keep their old
reading.

Mechanisms: a commitment, pledge, promise, assurance or intention THAT an act happen, its verb
in the bare (subjunctive) form ("restated his pledge that Belarus ratify the NPT"), is an
undertaking, not the act; an act told in the past after such a noun stays one. A treaty's
provision ("The treaty states that the cuts are to be made within seven years of
ratification") reports no act. An act's noun whose predicate says it is still needed or
required ("The ratification by the Duma is needed for the treaty to take effect") is an act
awaited. A commitment, pledge or promise renewed ("renewed
his commitment to the NPT") is no extension of the treaty.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_NPT94 = "World news\n1994-01-14\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # traps: the act itself told in the past after the noun of an undertaking
    ("pledge-then-acceded", _NPT94 + "Months after the pledge that it gave in Lisbon, Ukraine "
     "acceded to the NPT in December.", [w("npt_1968", "UKR", "signed", "1994-12")]),
    ("commitment-made-kept", _NPT94 + "The commitment that Kazakhstan made in May was kept: "
     "Kazakhstan ratified the NPT in February.", [w("npt_1968", "KAZ", "ratified", "1994-02")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an undertaking that an act happen (a bare verb under the noun of a commitment) is no act
    ("assurance-that-ratify", _NPT94 + "Lukashenko gave an assurance that Belarus ratify the "
     "NPT without delay."),
    ("intention-that-join", _NPT94 + "The minister restated the government's intention that "
     "Kazakhstan join the NPT as a non-nuclear state."),
    ("commitment-that-accede", _NPT94 + "The Ukrainian leader repeated his commitment that "
     "Ukraine accede to the NPT before the end of the year."),
    ("commitment-that-will", _NPT94 + "The president reaffirmed his commitment that Ukraine "
     "will accede to the NPT this year."),
]


_START93 = "World news\n1993-11-20\n\n"
_START96 = "World news\n1996-06-01\n\n"

FACTS += [
    # traps: the act reported before the provision, and a treaty's signing told plainly
    ("provision-after-act", _START93 + "Kazakhstan's parliament ratified START I on Tuesday. "
     "The START I treaty stipulates that all reductions be finished within seven years of "
     "ratification.", [w("start1_1991", "KAZ", "ratified", "1993-11")]),
    ("ratified-needed-trap", _START96 + "Russia's parliament ratified START II in April, as "
     "was needed for the treaty to enter into force.",
     [w("start2_1993", "RUS", "ratified", "1996-04")]),
    # (2) a treaty's own provision ("the treaty states that ... within N years of ratification")
    # gives no second act after the one reported
    ("treaty-states-ratification", _START93 + "Belarus's parliament ratified START I in "
     "February. The START I treaty states that the cuts are to be made within seven years of "
     "ratification.", [w("start1_1991", "BLR", "ratified", "1993-02")]),
    ("agreement-provides-withdrawal", _START93 + "Belarus's parliament ratified START I in "
     "February. The treaty provides that a party give six months' notice before withdrawal.",
     [w("start1_1991", "BLR", "ratified", "1993-02")]),
]

NO_FACT += [
    # (3) an act named as what is still needed ("the ratification by the Duma is needed for")
    ("ratification-needed", _START96 + "The ratification by the Russian parliament is needed "
     "for START II to enter into force."),
    ("ratification-required", _START96 + "A ratification of START II by the Duma is still "
     "required before the cuts can begin."),
]

_NS21 = "World news\n2021-02-05\n\n"

FACTS += [
    # trap: a treaty renewed is an extension
    ("treaty-renewed", _NS21 + "Russia and the United States renewed New START for five years "
     "on Wednesday.", [w("new_start_2010", "RUS;USA", "extended", "2021-02")]),
]

NO_FACT += [
    # (4) a commitment, pledge or promise renewed is no extension of the treaty it concerns
    ("renewed-commitment", _NPT94 + "The Ukrainian leader renewed his commitment to the NPT on "
     "Friday."),
    ("renewed-pledge", _NPT94 + "Kazakhstan renewed its pledge to the NPT at the conference."),
]

@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_twenty_first_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_twenty_first_round_no_fact(text: str) -> None:
    assert_no_fact(text)
