"""Thirty-second round (issue 14): blind53's leak, one general mechanism per class, and the
left-overs of the thirty-first round. Tested on sentences composed for these tests (not taken
from the gold texts), each with the traps that must keep their old reading.

Classes: a later act told as a future in the past under a reporting or intention verb
("announced that they would join the treaty", "declared it was going to accede to", "said it
was to sign") — an act still to come, not a fact, whatever the reporting verb: an announcement
that a state will sign, accede to, ratify or extend is not the signing, accession, ratification
or extension (an announced exit stays one, as the gold README codes "announced it will
withdraw": the notice is the act); the traps both ways: "announced that it had joined" and "it
joined, as it had said it would" are facts.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D93 = "World news\n1993-03-15\n\n"
_D96 = "World news\n1996-10-01\n\n"
_D99 = "World news\n1999-10-01\n\n"
_D07 = "World news\n2007-07-20\n\n"
_D20 = "World news\n2020-12-01\n\n"

# (1) a later act told as a future in the past under a reporting or intention verb
NO_FACT += [
    ("announced-would-join", _D93 + "Last year Beijing and Paris announced that they would "
     "join the Non-Proliferation Treaty."),
    ("declared-would-accede", _D93 + "Ukraine declared it would accede to the NPT as a "
     "non-nuclear state."),
    ("announced-would-ratify", _D96 + "The French government announced that France would "
     "ratify the CTBT."),
    ("announced-would-sign-ctbt", _D96 + "India announced on Tuesday it would sign the "
     "Comprehensive Test Ban Treaty."),
    ("declared-would-extend", _D20 + "The Kremlin declared that Moscow would extend New START "
     "by five years."),
    ("announced-going-to-join", _D93 + "China announced it was going to join the NPT."),
    ("declared-were-to-ratify", _D99 + "The two governments declared that they were to ratify "
     "the CTBT together."),
    ("announced-would-not-join", _D93 + "Israel announced that it would not join the NPT."),
    ("formally-announced-would-sign", _D93 + "Minsk formally announced that Belarus would "
     "sign the Non-Proliferation Treaty."),
    ("declaration-would-ratify", _D99 + "In a declaration on Monday, Moscow said that it "
     "would ratify the Chemical Weapons Convention."),
    ("promised-would-accede", _D93 + "Kazakhstan promised that it would accede to the NPT."),
]
FACTS += [
    # traps: an announcement of an act done; an act done as announced; an announced exit
    # stays a withdrawal (the notice is the act, as the gold codes "announced it will
    # withdraw"); a refusal to ratify stays one withheld
    ("announced-had-joined", _D93 + "China announced that it had joined the NPT.",
     [w("npt_1968", "CHN", "signed")]),
    ("joined-as-said-would", _D93 + "China joined the NPT last year, as it had said it "
     "would.", [w("npt_1968", "CHN", "signed")]),
    ("announced-has-ratified", _D96 + "Paris announced that France has ratified the CTBT.",
     [w("ctbt_1996", "FRA", "ratified")]),
    ("announced-would-withdraw", _D07 + "The Kremlin announced that Russia would withdraw "
     "from the CFE Treaty.", [w("cfe_1990", "RUS", "withdrew")]),
    ("announced-would-not-ratify", _D99 + "The Senate leadership announced that the Senate "
     "would not ratify the CTBT.", [w("ctbt_1996", "USA", "not_ratified")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
