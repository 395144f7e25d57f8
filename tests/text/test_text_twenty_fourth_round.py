"""Twenty-fourth round (issue 14): the error classes that recur across the first runs, read on
blind28–31. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: an act imminent ("is on the verge of ratifying", "nearing ratification of") is not
done; nor is an act scheduled or intended in the past tense ("was to be in effect from", "was
to be ratified by", "was scheduled to accede to"); nor an act a clause only enables ("while
letting 'rogue states' ... 'violate' the BWC") or fears ("for fear that Iran violated"). An
abstention from an act ("abstained from ratifying") is its refusal, and an act's noun as the
subject of a present requirement ("ratification requires the approval of two-thirds") is not
done. An agreement named as an adapted version of its parent with the parent's year ("an
updated version of the 1990 CFE Treaty") is the adaptation. A counted set of states with
members named as examples ("30 countries, including the United States and Russia, signed") is
the agreement's parties, not the members named.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_D00 = "World news\n2000-04-10\n\n"
_D19 = "World news\n2019-01-20\n\n"
_D96 = "World news\n1996-09-20\n\n"

# (1) an act imminent: on the verge / brink / point of, nearing, close to, about to, poised to
NO_FACT: list[tuple[str, str]] = [
    ("verge-of-ratifying", _D00 + "After years of delay the State Duma is now on the verge of "
     "ratifying START II, deputies said."),
    ("brink-of-withdrawing", _D19 + "Washington was on the brink of withdrawing from the INF "
     "Treaty last week, a senior official said."),
    ("verge-of-ratification", _D96 + "The Rada is on the verge of ratification of the "
     "Comprehensive Test Ban Treaty."),
    ("nearing-ratification", _D00 + "Moscow is nearing final ratification of the CTBT, the "
     "foreign ministry said on Monday."),
    ("point-of-signing", _D96 + "China was on the point of signing the CTBT in Geneva."),
    ("came-close-to-ratifying", _D00 + "In 1999 the Duma came close to ratifying START II."),
    ("close-to-suspending", _D19 + "Russia is close to suspending its participation in the "
     "INF Treaty, the envoy warned."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    # traps: the act done next to the cue, and a cue that ends before the act's clause
    ("verge-then-ratified", _D00 + "The Duma, which had been on the verge of rejecting START II, "
     "ratified the treaty on Friday.", [w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("nearly-after-ratifying", _D00 + "Nearly seven years after the signing, the Duma ratified "
     "START II on Friday.", [w("start2_1993", "RUS", "ratified", "2000-04")]),
]


_D14 = "World news\n2014-09-08\n\n"
_D99 = "World news\n1999-12-10\n\n"
_D94 = "World news\n1994-12-10\n\n"

# (2) an act scheduled or intended in the past tense
NO_FACT += [
    ("was-to-be-ratified", _D99 + "The CTBT was to be ratified by the Duma in April, officials "
     "recalled."),
    ("was-to-be-signed", _D94 + "The Budapest Memorandum was to be signed by the United "
     "States, Britain, Russia and Ukraine on Monday."),
    ("scheduled-to-accede", _D94 + "Ukraine was scheduled to accede to the NPT in November."),
    ("slated-to-ratify", _D99 + "The Senate was slated to ratify the Chemical Weapons "
     "Convention in the spring."),
]
FACTS += [
    ("truce-was-to-be-in-effect", _D14 + "Kiev and the rebels signed the Minsk protocol on "
     "Friday. The truce was to be in effect from 6 pm that day, but shelling continued.",
     [w("minsk1_2014", "UKR;DPR;LPR", "signed", "2014-09")]),
    # traps: the act done in the same words without the scheduling "to"
    ("truce-came-into-effect", _D14 + "Kiev and the rebels signed the Minsk protocol on Friday. "
     "The truce came into effect at 6 pm that day.",
     [w("minsk1_2014", "UKR;DPR;LPR", "signed", "2014-09"), w("minsk1_2014", "*",
                                                              "entered_into_force")]),
    ("was-ratified-by", _D99 + "The CTBT was ratified by the Duma in April, officials recalled.",
     [w("ctbt_1996", "RUS", "ratified", "1999-04")]),
]


_D01 = "World news\n2001-07-10\n\n"

# (3) an act only enabled, or feared
NO_FACT += [
    ("letting-quoted", _D01 + "The weak protocol, the officials said, would leave U.S. secrets "
     "exposed while letting \"rogue states,\" such as Libya, \"violate\" the BWC."),
    ("enabling-states", _D01 + "The draft, Washington argued, protects no one while enabling "
     "outlaw regimes such as North Korea to cheat on the Biological Weapons Convention."),
    ("permitting-to-breach", _D19 + "The deal's sunset clauses, permitting Tehran in ten years "
     "to breach the JCPOA's limits, alarmed Israel."),
    ("for-fear-that", _D19 + "Israel opposed the deal for fear that Iran violated the JCPOA in "
     "secret."),
    ("lest-breach", _D19 + "Washington kept its sanctions in place lest Iran breach the nuclear "
     "deal."),
]
FACTS += [
    # traps: the act done beside an enabling clause or a fear that ends before it
    ("violated-allowing", _D19 + "The IAEA said Iran violated the JCPOA, allowing inspectors "
     "to confirm the stockpile.", [w("jcpoa_2015", "IRN", "violation_alleged", None, "IAEA")]),
    ("for-fear-of-collapse", _D00 + "For fear of a collapse of the talks, the Duma ratified "
     "START II on Friday.", [w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("having-allowed-then-violated", _D19 + "Having allowed the inspectors to leave, Iran "
     "violated the JCPOA again, the US said.",
     [w("jcpoa_2015", "IRN", "violation_alleged", None, "USA")]),
]


_D07 = "World news\n2007-04-10\n\n"

# (4) an abstention is a refusal; a requirement is no act
FACTS += [
    ("abstained-from-ratifying", _D07 + "Georgia and Moldova abstained from ratifying the "
     "Adapted CFE Treaty.", [w("acfe_1999", "GEO;MDA", "not_ratified")]),
    ("abstain-from-ratification", _D07 + "The NATO allies still abstain from ratification of the "
     "Adapted CFE Treaty.", [w("acfe_1999", "NATO", "not_ratified")]),
    # trap: an abstention that ends before the act
    ("abstained-vote-then-ratified", _D99 + "The Rada, which had abstained from the first vote, "
     "ratified the CTBT on Friday.", [w("ctbt_1996", "UKR", "ratified", "1999-12")]),
]
NO_FACT += [
    ("ratification-requires", _D99 + "US ratification of the CTBT requires the approval of "
     "two-thirds of the Senate."),
    ("ratification-needs", _D00 + "Ratification of START II by the Duma still needs a simple "
     "majority of deputies."),
]
FACTS += [
    # trap: a past requirement beside a ratification that was done
    ("required-then-passed", _D99 + "The Senate ratified the Chemical Weapons Convention, which "
     "required two-thirds of the votes, on Thursday.", [w("cwc_1993", "USA", "ratified")]),
]


_D04 = "World news\n2004-06-10\n\n"

# (5) an adapted agreement told as a version of its parent, the parent's year written
FACTS += [
    ("updated-version-of-year", _D04 + "In 1999, Russia and Ukraine signed in Istanbul an "
     "updated version of the 1990 CFE Treaty.", [w("acfe_1999", "RUS;UKR", "signed", "1999")]),
    ("amended-version-of-year", _D04 + "Kazakhstan ratified the amended version of the 1990 "
     "Treaty on Conventional Armed Forces in Europe last week.",
     [w("acfe_1999", "KAZ", "ratified")]),
    ("redrafted-version-of-year", _D04 + "Belarus ratified a re-drafted version of the 1990 CFE "
     "Treaty on Monday.", [w("acfe_1999", "BLR", "ratified", "2004-06")]),
    # traps: the parent named with its year and no version, and a version of something else
    ("parent-with-year", _D04 + "NATO ratified the 1990 CFE Treaty in 1991.",
     [w("cfe_1990", "NATO", "ratified", "1991")]),
    ("version-of-the-talks", _D04 + "In 1991, after an updated version of the talks' agenda, "
     "NATO ratified the 1990 CFE Treaty.", [w("cfe_1990", "NATO", "ratified", "1991")]),
]


_D96b = "World news\n1996-10-10\n\n"

# (6) a counted set of states with examples is the parties
FACTS += [
    ("states-among-them", _D96b + "On 24 September 1996, 71 states, among them China and "
     "Russia, signed the CTBT in New York.", [w("ctbt_1996", "*", "signed", "1996-09")]),
    ("countries-including", _D04 + "In November 1999, thirty countries, including Germany "
     "and Ukraine, signed the Adapted CFE Treaty in Istanbul.",
     [w("acfe_1999", "*", "signed", "1999-11")]),
    # traps: the members named as the agents, no count; a count with no examples
    ("members-among-others", _D96b + "China and Russia, among other states, signed the CTBT on "
     "24 September 1996.", [w("ctbt_1996", "CHN;RUS", "signed", "1996-09")]),
    ("two-of-them", _D96b + "Of the states at the conference, China and Russia signed the "
     "CTBT on 24 September 1996.", [w("ctbt_1996", "CHN;RUS", "signed", "1996-09")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
