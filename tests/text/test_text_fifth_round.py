"""After the seventh blind set's first run (issue 14): ratification named as absent, awaited or
as the purpose of a step is no ratification. Sentences composed for these tests (not taken from
the gold texts); controls with a real ratification stay facts."""

from __future__ import annotations

import pytest
from _text_cases import candidates, text_params

NOT_A_RATIFICATION = [
    ("non-ratification", "The non-ratification of the CTBT by the United States has been "
     "criticised for decades."),
    ("non-hyphenless", "Critics blamed the non ratification of the CTBT on the Senate."),
    ("lack-of", "Despite the lack of U.S. ratification, the TTBT limits were observed by both "
     "sides."),
    ("absence-of", "The absence of ratification by China has kept the CTBT from entering into "
     "force."),
    ("pending", "Pending ratification, Russia and the United States applied the New START "
     "treaty provisionally."),
    ("awaiting", "Awaiting ratification by the Duma, the New START treaty was not yet in force "
     "in late 2010."),
    ("submitted-for", "President Clinton submitted the CTBT to the Senate for ratification in "
     "1997."),
    ("sent-for", "The administration sent the New START treaty to the Senate for its "
     "ratification in May 2010."),
    ("without", "Washington observed the SALT II treaty for years without ratification."),
]

CONTROLS = [
    ("duma-ratified", "The Russian Duma ratified the New START treaty in January 2011.",
     ("new_start_2010", "RUS")),
    # (twenty-second round: an exchange of instruments of ratification is the entry into
    # force, see test_text_twenty_second_round.py; one party's deposit stays its ratification)
    ("instruments", "Russia deposited its instrument of ratification of New START in February "
     "2011.", ("new_start_2010", "RUS")),
    ("voted-for", "The Senate voted for ratification of New START in December 2010.",
     ("new_start_2010", "USA")),
    ("without-reservations", "Moscow signed the CTBT in 1996 and ratified it without "
     "reservations in 2000.", ("ctbt_1996", "RUS")),
]


@pytest.mark.parametrize("text", text_params(NOT_A_RATIFICATION))
def test_absent_or_awaited_ratification_is_no_ratification(text: str) -> None:
    got = [c for c in candidates(text) if c.type == "ratified"]
    assert not got, [(c.agreement, c.actors, c.trigger) for c in got]


@pytest.mark.parametrize(("text", "want"), [(t, w) for _, t, w in CONTROLS],
                         ids=[k for k, _, _ in CONTROLS])
def test_a_ratification_stays_a_fact(text: str, want: tuple[str, str]) -> None:
    got = [(c.agreement, set(c.actors)) for c in candidates(text)
           if c.type == "ratified" and c.is_fact]
    assert any(a == want[0] and want[1] in actors for a, actors in got), got
