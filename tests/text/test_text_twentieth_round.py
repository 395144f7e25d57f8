"""Twentieth round (issue 14): blind19's and blind20's errors. Tested on sentences composed for
these tests (not taken from the gold texts), each with the traps that must keep their old
reading.

Mechanisms: a line that announces a list ("Below is a short timeline of Syrian breaches of the
ceasefire") reports no act; an act told after "following" as a time word stays one.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_INF = "World news\n2019-08-05\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # traps of the announced list: "following" as a time word, and a plain allegation
    ("following-as-after", _INF + "Following the talks in Geneva, the United States withdrew "
     "from the INF Treaty on Friday.", [w("inf_1987", "USA", "withdrew", "2019-08")]),
]

NO_FACT: list[tuple[str, str]] = [
    # a line that announces a list, chronology or timeline to follow is no act
    ("below-timeline", _INF + "Below is a short timeline of Russian violations of the INF "
     "Treaty and the American responses."),
    ("following-list", _INF + "The following is a list of Russian breaches of the INF Treaty, "
     "as Washington sees them."),
    ("here-chronology", _INF + "Here is a brief chronology of the INF Treaty violations alleged "
     "by the United States."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_twentieth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_twentieth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
