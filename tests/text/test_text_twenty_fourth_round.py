"""Twenty-fourth round (issue 14): the error classes that recur across the first runs, read on
blind28–31. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: an act imminent ("is on the verge of ratifying", "nearing ratification of") is not
done.
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


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
