"""Thirty-first round (issue 14): the three leaks blind49–50 left, one general mechanism per
class. Tested on sentences composed for these tests (not taken from the gold texts), each with
the traps that must keep their old reading.

Classes: an act as the aim of an effort ("will contribute to the achievement of its
extension", "is striving for the ratification of", "a step toward the extension of") — a goal,
not a done act; an act held back by an idiom of putting off ("pumped the brakes on
withdrawing", "slow-walked ratifying", "dragged its feet on the extension of", "is stalling on
its withdrawal from") — not done (a ratification so held back is one withheld, as the
thirtieth round's "put off ratifying"); an act judged unlikely, doubtful or in doubt
('New START extension "unlikely"', "the extension of New START remains in doubt", "the
chances of ratification of the CTBT are slim") — a judgement on an act still to come, not the
act; an act a document mentions, refers to or envisages ("a joint statement that mentioned
ratifying the CTBT") — the document's subject, not the act.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D93 = "World news\n1993-11-20\n\n"
_D95 = "World news\n1995-06-01\n\n"
_D97 = "World news\n1997-04-30\n\n"
_D99 = "World news\n1999-10-01\n\n"
_D00 = "World news\n2000-04-12\n\n"
_D19 = "World news\n2019-06-01\n\n"
_D20 = "World news\n2020-12-01\n\n"
_D21 = "World news\n2021-02-10\n\n"

# (1) an act as the aim of an effort
NO_FACT += [
    ("contribute-to-achievement", _D93 + "The conference will contribute to the achievement "
     "of the NPT's indefinite extension, the envoy said."),
    ("striving-for-ratification", _D93 + "Kyiv is striving for the ratification of START I "
     "by the end of the year."),
    ("step-toward-extension", _D20 + "The agreement is a step toward the extension of New "
     "START, the envoy said."),
    ("pursuit-of-ratification", _D99 + "The White House launched a campaign in pursuit of "
     "the CTBT's ratification by the Senate."),
    ("help-attainment-of", _D20 + "Talks in Vienna could help the attainment of an extension "
     "of New START, officials said."),
]
FACTS += [
    # traps: the act achieved or its achievement celebrated; a past contribution to a done
    # act; an act done after work toward it
    ("achieved-extension", _D95 + "The conference in New York achieved the indefinite "
     "extension of the NPT in May 1995.", [w("npt_1968", "*", "extended")]),
    ("celebrated-achievement", _D95 + "Delegates celebrated the achievement of the NPT's "
     "indefinite extension in 1995.", [w("npt_1968", "*", "extended")]),
    ("contributed-to-extension", _D95 + "Strong support contributed to the indefinite "
     "extension of the NPT in 1995.", [w("npt_1968", "*", "extended")]),
    ("after-work-toward", _D97 + "After years of work toward it, the Senate ratified the "
     "Chemical Weapons Convention in April 1997.", [w("cwc_1993", "USA", "ratified")]),
]

# (2) an act held back by an idiom of putting off
NO_FACT += [
    ("hit-the-brakes-on", _D19 + "The Trump administration has hit the brakes on leaving the "
     "Open Skies Treaty, officials said."),
    ("slow-walking-withdrawal", "World news\n2018-11-01\n\nWashington is slow-walking its "
     "withdrawal from the INF Treaty, officials said."),
    ("dragged-feet-extension", _D20 + "Moscow has dragged its feet on the extension of New "
     "START."),
    ("put-brakes-on-leaving", "World news\n2018-03-01\n\nWashington put the brakes on leaving "
     "the JCPOA, the spokesman said."),
    ("stalling-on-withdrawal", "World news\n2007-05-01\n\nThe Kremlin is stalling on its "
     "withdrawal from the CFE Treaty."),
]
FACTS += [
    # a ratification held back is one withheld (the gold codes "has dragged its feet ever
    # since" after a signing as not ratified)
    ("slow-walked-ratifying", _D00 + "The Duma slow-walked ratifying the START II treaty for "
     "years.", [w("start2_1993", "RUS", "not_ratified")]),
    ("dragged-feet-ratification", _D99 + "The Senate has dragged its feet on ratification of "
     "the CTBT.", [w("ctbt_1996", "USA", "not_ratified")]),
    # traps: the act done after the feet were dragged
    ("dragged-then-ratified", _D00 + "The Duma, which had dragged its feet for years, "
     "ratified the START II treaty on Friday.", [w("start2_1993", "RUS", "ratified")]),
    ("withdrew-after-braking", _D21 + "The United States withdrew from the Open Skies Treaty "
     "in November 2020 after months of braking.", [w("open_skies_1992", "USA", "withdrew")]),
]

# (3) an act judged unlikely, doubtful or in doubt
NO_FACT += [
    ("extension-unlikely-quoted", _D19 + "New START extension \"unlikely,\" officials say."),
    ("ratification-looks-unlikely", _D99 + "Ratification of the CTBT by the Senate looks "
     "increasingly unlikely."),
    ("extension-remains-in-doubt", _D20 + "The extension of New START remains in doubt, the "
     "envoy said."),
    ("withdrawal-improbable", _D19 + "A U.S. withdrawal from the Open Skies Treaty is "
     "improbable, diplomats said."),
    ("chances-of-ratification-slim", _D99 + "The chances of ratification of the CTBT by the "
     "Senate are slim."),
    ("prospects-for-extension", _D20 + "The prospects for an extension of New START look "
     "dim."),
]
FACTS += [
    # traps: the act made something else unlikely; "unlikely" in another clause
    ("ratification-made-unlikely", _D97 + "The ratification of the CWC by the Duma made a new "
     "chemical arms race unlikely.", [w("cwc_1993", "RUS", "ratified")]),
    ("ratified-although-unlikely", _D99 + "The Senate ratified the Chemical Weapons "
     "Convention, although a swift deal on the CTBT is unlikely.",
     [w("cwc_1993", "USA", "ratified")]),
]

# (4) an act a document mentions, refers to or calls for
NO_FACT += [
    ("statement-mentioned-ratifying", _D00 + "Putin praised a joint statement "
     "that mentioned ratifying the CTBT."),
    ("declaration-referred-to", _D20 + "The declaration referred to the extension of New "
     "START, diplomats said."),
    ("communique-which-mentions", "World news\n2018-07-20\n\nThe communique, which mentions "
     "a withdrawal from the INF Treaty, was read out in Helsinki."),
    ("welcomed-statement-which-mentioned", _D00 + "Moscow welcomed the joint statement, which "
     "mentioned ratifying the CTBT."),
    ("memorandum-envisages", _D93 + "The memorandum envisages the ratification of START I by "
     "Kyiv."),
]
FACTS += [
    # traps: a violation a report mentions stays alleged; the act told done by its own verb
    # after a document is named
    ("statement-then-ratified", "World news\n2000-05-01\n\nAfter the joint statement, "
     "the Duma ratified the "
     "CTBT on 21 April.", [w("ctbt_1996", "RUS", "ratified")]),
    ("report-mentioned-violation", "World news\n2019-02-02\n\nThe report mentioned Russia's "
     "violation of the INF Treaty.", [w("inf_1987", "RUS", "violation_alleged")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
