"""Thirtieth round (issue 14): the four leaks blind45–46 left, one general mechanism per class.
Tested on sentences composed for these tests (not taken from the gold texts), each with the
traps that must keep their old reading.

Classes: a decision, vote or recommendation of a committee, commission or panel to do an act
("the Duma's defence committee voted to ratify") — a step toward the act, which the chamber
itself takes ("the Duma voted to ratify" is a ratification, as the gold coding has it); an act
put off, postponed, delayed or deferred ("voted to put off ratifying", "postponed the signing
of") — a ratification put off is one withheld, any other act put off is not done; a participial
clause ("..., meeting its commitments under START I") after a main clause whose act is still to
come ("will destroy", "plans to dismantle", "is to remove") — it shares that future; an act's
noun supported, favoured or backed ("supported the ratification of") — a stance on the act, not
the act. And one recall step: an exit told as no longer remaining in the agreement ("decided not
to remain a party to the NPT any longer", "no longer remains in the JCPOA") is a withdrawal.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D00 = "World news\n2000-04-12\n\n"
_D10 = "World news\n2010-12-20\n\n"
_D97 = "World news\n1997-04-30\n\n"
_D01 = "World news\n2001-06-01\n\n"
_D93 = "World news\n1993-11-20\n\n"

# (1) a committee's, commission's or panel's decision, vote or recommendation to do an act
NO_FACT += [
    ("committee-decided-to-ratify", _D10 + "The international affairs committee of the State "
     "Duma decided on Monday to ratify the New START treaty, its chairman said."),
    ("committee-appositive-voted", _D00 + "The defence committee of the State Duma, the lower "
     "house of parliament, voted today to ratify the START II treaty."),
    ("panel-agreed-to-ratify", _D93 + "A Ukrainian parliamentary panel agreed on Thursday "
     "to ratify the START I treaty, a deputy said."),
    ("commission-resolved", _D97 + "The Duma's foreign affairs commission resolved last week "
     "to ratify the Chemical Weapons Convention."),
    ("committee-decision-noun", _D10 + "The Senate Foreign Relations Committee's decision to "
     "ratify the New START treaty was welcomed in Moscow."),
]
FACTS += [
    # traps: the chamber's own vote or decision to ratify is the ratification; a decision
    # earlier in the sentence with the act told done; the act done after a committee's step;
    # the Senate's recommendation (advice and consent) as the gold codes it
    ("duma-voted-to-ratify", _D00 + "The State Duma voted on Friday to ratify the START II "
     "treaty.", [w("start2_1993", "RUS", "ratified")]),
    ("duma-decided-to-ratify", _D00 + "The State Duma decided on Friday to ratify the START II "
     "treaty.", [w("start2_1993", "RUS", "ratified")]),
    ("having-decided-ratified", _D00 + "Having decided in 1995, the Senate ratified the START "
     "II treaty in 1996.", [w("start2_1993", "USA", "ratified")]),
    ("after-committee-ratified", _D97 + "After the foreign affairs committee recommended it, "
     "the Duma ratified the Chemical Weapons Convention on Friday.",
     [w("cwc_1993", "RUS", "ratified")]),
    ("senate-recommended-that", _D97 + "The Senate late last night recommended that the U.S. "
     "ratify the Chemical Weapons Convention.", [w("cwc_1993", "USA", "ratified")]),
]

# (2) an act put off, postponed, delayed or deferred
NO_FACT += [
    ("postponed-signing-of", _D10 + "Russia postponed the signing of the New START treaty by "
     "a month, officials said."),
    ("delayed-its-withdrawal", "World news\n2019-02-10\n\nThe United States delayed its "
     "withdrawal from the INF Treaty by six months, officials said."),
    ("put-off-extending", "World news\n2020-12-01\n\nWashington put off extending New START "
     "until after the election, the envoy said."),
    ("deferred-suspension", "World news\n2007-06-01\n\nMoscow deferred the suspension of the "
     "CFE Treaty until the autumn, the ministry said."),
]
FACTS += [
    # a ratification put off is one withheld (the gold codes "postponed its ratification" as
    # not ratified)
    ("voted-to-put-off-ratifying", _D97 + "The Duma voted Friday to put off ratifying the "
     "Chemical Weapons Convention until later this year.",
     [w("cwc_1993", "RUS", "not_ratified")]),
    ("postponed-ratifying", _D93 + "The Ukrainian parliament postponed ratifying the START I "
     "treaty until the autumn.", [w("start1_1991", "UKR", "not_ratified")]),
    ("deferred-ratifying", "World news\n1999-10-01\n\nThe Senate deferred ratifying the CTBT "
     "for another year.", [w("ctbt_1996", "USA", "not_ratified")]),
    # traps: the act done after it was put off; a delay in another clause
    # (the two put-offs are themselves a ratification withheld, as the gold codes "has in the
    # past repeatedly postponed considering ratification"; before the change "ratifying" was
    # read as a second ratification, merged with the first)
    ("having-put-off-ratified", _D00 + "Having put off ratifying it twice, the Duma ratified "
     "the START II treaty in April.", [w("start2_1993", "RUS", "ratified"),
                                       w("start2_1993", "RUS", "not_ratified")]),
    ("delayed-vote-then-ratified", _D00 + "The Duma, which had delayed the vote for years, "
     "ratified the START II treaty on Friday.", [w("start2_1993", "RUS", "ratified")]),
    ("signed-after-postponement", _D10 + "After postponing the ceremony twice, Russia and the "
     "United States signed the New START treaty in Prague.",
     [w("new_start_2010", "RUS;USA", "signed")]),
]

# (3) a participial clause after a main clause whose act is still to come
NO_FACT += [
    ("will-destroy-meeting", _D01 + "Ukraine will dismantle its remaining strategic bombers by "
     "the end of 2001, meeting its commitments under START I, the ministry said."),
    ("plans-to-fulfilling", _D01 + "Kazakhstan plans to destroy its last missile silos next "
     "year, fulfilling its obligations under START I, officials said."),
    ("is-to-complying", _D93 + "Belarus is to remove the last of its missiles by 1996, "
     "complying with START I, the defence minister said."),
    ("would-honouring", _D10 + "Moscow said it would cut its deployed warheads by 2018, "
     "honouring its obligations under New START."),
]
FACTS += [
    # traps: the main act told done; a future in a relative clause of its own
    ("destroyed-meeting", _D01 + "Ukraine destroyed its last strategic bombers in 2001, "
     "meeting its commitments under START I, the ministry said.",
     [w("start1_1991", "UKR", "kept")]),
    ("has-destroyed-fulfilling", _D01 + "Ukraine, which will host talks next week, has "
     "dismantled its last silos, meeting its commitments under START I, the ministry said.",
     [w("start1_1991", "UKR", "kept")]),
]

# (4) an act's noun supported, favoured or backed
NO_FACT += [
    ("supported-the-ratification", "World news\n1970-03-10\n\nFor example, President Nixon "
     "supported the ratification of the Nuclear Non-Proliferation Treaty."),
    ("backed-ratification", "World news\n1999-10-01\n\nPresident Clinton backed ratification "
     "of the CTBT, his spokesman said."),
    ("favours-extension", "World news\n2020-12-01\n\nMoscow favours the extension of New "
     "START by five years, the ministry said."),
    ("supports-withdrawal", "World news\n2018-10-22\n\nBolton strongly supports the U.S. "
     "withdrawal from the INF Treaty, aides said."),
    ("support-for-ratification", "World news\n1999-10-01\n\nThe president's support for "
     "ratification of the CTBT was clear."),
]
FACTS += [
    # traps: a chamber's vote for the act is the act (as the gold codes it); support for a
    # treaty followed by its ratification in a relative clause
    ("council-voted-for", _D97 + "The Federation Council voted unanimously for ratification "
     "of the Chemical Weapons Convention.", [w("cwc_1993", "RUS", "ratified")]),
    ("supported-npt-which-ratified", "World news\n1970-03-10\n\nNixon supported the NPT, "
     "which the Senate ratified in 1969.", [w("npt_1968", "USA", "ratified")]),
    ("duma-backed-by-votes", _D00 + "The Duma backed the ratification of the START II treaty "
     "by 288 votes to 131 on Friday.", [w("start2_1993", "RUS", "ratified")]),
]


# (5) recall: an exit told as no longer remaining in the agreement ("decided not to remain a
# party to the NPT any longer", "no longer remains in the JCPOA")
FACTS += [
    ("not-remain-party-any-longer", "World news\n2003-01-11\n\nPyongyang said on Friday it "
     "had decided not to remain a party to the NPT any longer.",
     [w("npt_1968", "PRK", "withdrew")]),
    ("chose-not-stay-bound-any-longer", "World news\n2023-11-08\n\nMoscow chose not to stay "
     "bound by the CFE Treaty any longer, the ministry said.",
     [w("cfe_1990", "RUS", "withdrew")]),
    ("no-longer-remains-party", "World news\n2019-08-05\n\nThe United States no longer "
     "remains a party to the INF Treaty, the State Department said.",
     [w("inf_1987", "USA", "withdrew")]),
    ("no-longer-remains-in", "World news\n2018-06-01\n\nWashington no longer remains in the "
     "JCPOA, the spokesman said.", [w("jcpoa_2015", "USA", "withdrew")]),
]
NO_FACT += [
    # traps: a future under a condition, a threat, a modal; troops that no longer remain in an
    # area the agreement covers
    ("will-no-longer-remain-if", "World news\n2023-05-01\n\nRussia will no longer remain in "
     "the CFE Treaty if NATO expands, the minister warned."),
    ("threatened-not-to-remain", "World news\n2003-01-05\n\nNorth Korea threatened not to "
     "remain a party to the NPT any longer."),
    ("may-decide-not-to-remain", "World news\n2020-05-01\n\nWashington may decide not to "
     "remain in the Open Skies Treaty any longer, officials said."),
    ("troops-no-longer-remain-area", "World news\n2015-03-01\n\nRussian troops no longer "
     "remain in the area covered by the Minsk agreement, the monitors said."),
]

@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
