"""Twenty-third round (issue 14): the error classes that recur across the first runs, read on
blind24–27. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: a bare verb in a comma list of verb phrases after an urged infinitive ("urge X to
meet its obligations, abide by the treaty") is urged too, not done. A ratification that failed,
was rejected or refused ("voted to reject ratification of", "ratification of X failed by a
vote") is a refusal to ratify, not a ratification. An acronym's numeral is written spaced or
hyphenated, roman or arabic ("START-II", "SALT-2"). A treaty told by its purpose ("the treaty to
abolish intermediate-range nuclear missiles") is the one agreement whose names hold all its
content words but one.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_D20 = "World news\n2020-05-10\n\n"
_D19 = "World news\n2019-10-14\n\n"

# (1) an urged act in a comma list of verb phrases
NO_FACT: list[tuple[str, str]] = [
    ("urge-list-ctbt", _D20 + "\"We urge Washington to honour its pledges, abide by its "
     "commitments under the CTBT and stop undermining strategic stability,\" the envoy said."),
    ("urged-list-newstart", _D20 + "Beijing urged Moscow to meet its obligations, comply with "
     "the New START treaty and resume the inspections."),
    ("call-list-openskies", _D19 + "We call on the United States to shoulder its "
     "responsibilities, honour its pledges, observe the Open Skies Treaty."),
    ("pressed-list-jcpoa", _D19 + "The Europeans pressed Tehran to let the inspectors back, "
     "respect the nuclear deal and return to the table."),
    ("would-like-to-urge", _D20 + "We would like to urge Russia to show restraint, fully "
     "implement the Minsk agreements and withdraw its heavy weapons."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    # traps: a done act after a list, and lists with no urge
    ("done-list", _D20 + "Iran has met its obligations, complied with the JCPOA and allowed "
     "the inspectors in, the IAEA said on Monday.", [w("jcpoa_2015", "IRN", "kept")]),
    ("agreed-list", _D19 + "Russia and Turkey agreed to set up a buffer zone, observe the Sochi "
     "memorandum and patrol the line jointly.",
     [w("sochi_idlib_2018", "RUS;TUR", "kept")]),
]


_D99 = "World news\n1999-10-14\n\n"
_D80 = "World news\n1980-01-04\n\n"

FACTS += [
    # (2) a ratification failed, rejected or refused is a refusal to ratify
    ("voted-to-reject-ratification", _D99 + "The Duma voted on Friday to reject ratification of "
     "the START II treaty.", [w("start2_1993", "RUS", "not_ratified")]),
    ("rejected-the-ratification", _D99 + "Ukraine's parliament rejected the ratification of the "
     "Budapest Memorandum in a stormy session.", [w("budapest_memo_1994", "UKR", "not_ratified")]),
    ("ratification-failed-by-vote", _D99 + "In Washington, the Senate's ratification of the CTBT "
     "failed by a vote of 48 to 51 on Wednesday.", [w("ctbt_1996", "USA", "not_ratified")]),
    ("ratification-defeated", _D80 + "The Senate's ratification of the SALT II treaty was "
     "defeated in committee.", [w("salt2_1979", "USA", "not_ratified")]),
    # traps: a ratification done, and one whose delay (not itself) was rejected
    ("voted-to-ratify", _D99 + "The Senate voted to ratify the Chemical Weapons Convention on "
     "Thursday.", [w("cwc_1993", "USA", "ratified")]),
    ("ratification-after-failed-talks", _D99 + "The Duma approved the ratification of the CTBT "
     "after talks with Washington failed.", [w("ctbt_1996", "RUS", "ratified")]),
]


_D00 = "World news\n2000-04-15\n\n"
_D85 = "World news\n1985-06-11\n\n"
_D93 = "World news\n1993-11-20\n\n"

FACTS += [
    # (3) an acronym's numeral spaced or hyphenated, roman or arabic
    ("start-hyphen-roman", _D00 + "The Duma ratified the START-II treaty on Friday, the agency "
     "reported.", [w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("salt-hyphen-arabic", _D85 + "Washington again accused Moscow of violating SALT-2 on "
     "Monday.", [w("salt2_1979", "SUN", "violation_alleged", None, "USA")]),
    ("start-hyphen-arabic", _D93 + "The Rada ratified START-1 on Thursday with thirteen "
     "conditions.", [w("start1_1991", "UKR", "ratified", "1993-11")]),
]
NO_FACT += [
    # trap: a sequel the record does not hold is no agreement of it
    ("start-three", _D00 + "Putin said Russia was ready to begin work on START-III at once."),
]


_D88 = "World news\n1988-05-28\n\n"

FACTS += [
    # (4) a treaty told by its purpose: the one agreement whose names hold all its words but one
    ("treaty-to-abolish", _D88 + "The Senate ratified the treaty to abolish intermediate-range "
     "nuclear missiles on Friday.", [w("inf_1987", "USA", "ratified", "1988-05")]),
    ("treaty-to-eliminate", _D88 + "Last week the Supreme Soviet ratified the treaty to "
     "eliminate all intermediate-range missiles.", [w("inf_1987", "SUN", "ratified")]),
]
NO_FACT += [
    # trap: words held by several agreements name none of them
    ("treaty-limiting-strategic", _D88 + "The Senate ratified the treaty to limit strategic "
     "nuclear missiles on Friday."),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
