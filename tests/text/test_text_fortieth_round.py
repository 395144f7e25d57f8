"""Fortieth round (issue 14): acts told in words the rules did not read at all.

The census of the read groups' misses with no trigger of the gold type in the sentence found
ratification told in its ordinary words: a legislature *approving* or *endorsing* a treaty,
*giving its approval (consent) to* it, or the treaty *approved by* the legislature. It is read
only with a legislature as the subject (or the passive's agent) and an agreement as the object.
Every sentence here was composed for these tests (none is taken from the gold texts); each
case failed before this round, and the traps beside them keep their reading.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, fact_params, facts, w

_1988 = "Arms\n\nMay 28, 1988\n\n"
_1997 = "Arms\n\nNovember 6, 1997\n\n"
_2011 = "Arms\n\nJanuary 27, 2011\n\n"

APPROVED: list[tuple[str, str, list[Want]]] = [
    ("senate-approved", _1988 + "The Senate overwhelmingly approved the INF Treaty on Friday "
     "after a long debate.", [w("inf_1987", "USA", "ratified", "1988")]),
    ("duma-approved-by-vote", _2011 + "On Wednesday the State Duma approved the New START "
     "treaty by a vote of 350 to 96.", [w("new_start_2010", "RUS", "ratified", "2011")]),
    ("senate-endorsed", _1997 + "The U.S. Senate endorsed the Chemical Weapons Convention "
     "in April.", [w("cwc_1993", "USA", "ratified", "1997")]),
    ("gave-its-approval-to", _1997 + "In April the U.S. Senate gave its approval to the "
     "Chemical Weapons Convention.", [w("cwc_1993", "USA", "ratified", "1997")]),
    ("approved-by-the-duma", _1997 + "The Chemical Weapons Convention was approved by the "
     "Russian Duma on October 31.", [w("cwc_1993", "RUS", "ratified", "1997-10")]),
]


@pytest.mark.parametrize("text,wants", fact_params(APPROVED))
def test_legislature_approval_is_ratification(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants, exact=False)


#: the same words where no legislature ratifies an agreement
@pytest.mark.parametrize("text", [
    # an executive's or a council's approval is no ratification
    _1997 + "President Yeltsin approved the Chemical Weapons Convention's budget in April.",
    _2011 + "The UN Security Council endorsed the New START treaty in a statement.",
    # a legislature approving something else
    _1988 + "The Senate approved the defense budget, which pays for inspections under the INF "
    "Treaty.",
    # the pronoun is the bill's, not the treaty's
    "Arms\n\nJuly 3, 2019\n\nThe State Duma passed the bill suspending the INF Treaty and the "
    "Federation Council endorsed it on June 26.",
    # approval awaited, not given
    _1997 + "The Chemical Weapons Convention was submitted to the Senate for approval.",
])
def test_no_ratification(text: str) -> None:
    got = [c for c in facts(text) if c.type == "ratified"]
    assert not got, [(c.agreement, c.actors, c.trigger) for c in got]
