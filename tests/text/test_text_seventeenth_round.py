"""Seventeenth round (issue 14): blind16's errors, then recall. Tested on sentences composed
for these tests (not taken from the gold texts), each with the traps that must keep their old
reading.

Mechanisms: a ratification noun that a parliament resists ("the deputies balked at
ratification", "resisted ratification") or that is said to be still awaited ("ratification ...
is still pending") is no ratification; a ratification done stays one. An act that is only ahead
("in the run-up to the expiry of the deal") or that is dated after the article's own date (a
dateline of 10 July, "the expiry of the deal on 20 July") is not yet a fact; an act dated before
the dateline stays one. A signing dated to the day whose agreement, an anaphor, was signed in
another year is the record's one agreement signed that day ("The memorandum was signed on
October 20, 2015"); a name in the sentence keeps its agreement. A record name written as common
words ("the interim agreement") is, when the act's actors are no party of it, the record's one
other agreement with those words whose parties they are. A negated act followed by another
actor's bare auxiliary ("..., but Egypt has.") is that actor's act, asserted.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_DUMA = "Chemical arms\n1996-11-05\n\n"
_JPOA = "Nuclear talks\n2014-07-10\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- traps of the withheld ratification: a ratification done is still a fact ---------------
    ("ratified-done", _DUMA + "The State Duma ratified the Chemical Weapons Convention on "
     "Monday.", [w("cwc_1993", "RUS", "ratified", "1996-11")]),
    ("completed-ratification", _DUMA + "Russia has completed ratification of the Chemical "
     "Weapons Convention.", [w("cwc_1993", "RUS", "ratified")]),
    # a ratification a parliament resists is withheld (as a delayed one already was)
    ("resisted-ratification", _DUMA + "The State Duma has resisted ratification of the "
     "Chemical Weapons Convention for months.", [w("cwc_1993", "RUS", "not_ratified")]),
    # --- traps of the act ahead: an act dated before the dateline ------------------------------
    ("entry-before-dateline", _JPOA + "The JPOA entered into force on 20 January 2014, "
     "diplomats recalled.", [w("jpoa_2013", "*", "entered_into_force", "2014-01")]),
]

FACTS += [
    # --- a signing dated to the day: the record's agreement signed that day ---------------------
    ("signed-that-day", "Air safety\n2017-06-20\n\nThe ministry suspended the memorandum with "
     "the United States on preventing incidents at sea and in the air.\n\nThe memorandum was "
     "signed on October 20, 2015 by the defence ministries of the two countries.",
     [w("syria_air_safety_mou_2015", "*", "signed", "2015-10")]),
    # (trap: a signing dated with its agreement's own year keeps its agreement)
    ("signed-own-day", "Naval history\n1999-06-20\n\nThe Incidents at Sea Agreement was "
     "signed on May 25, 1972 in Moscow.", [w("incsea_1972", "*", "signed", "1972-05")]),
]

FACTS += [
    # --- a record name written as common words: the agreement of the actors' ------------------
    ("generic-interim", "Nuclear talks\n2015-03-10\n\nInspectors reported that Iran has "
     "complied with the interim agreement.", [w("jpoa_2013", "IRN", "kept")]),
    # (trap: the same words where the actor is a party of the first reading)
    ("generic-interim-own", "Arms talks\n1974-03-10\n\nInspectors reported that the Soviet "
     "Union has complied with the interim agreement.", [w("salt1_interim_1972", "SUN", "kept")]),
]

FACTS += [
    # --- a bare auxiliary after a negated act: the act, asserted, of its actor ------------------
    ("stranded-has", "Chemical arms\n1997-05-02\n\nLibya has not ratified the Chemical "
     "Weapons Convention, but Egypt has.",
     [w("cwc_1993", "LBY", "not_ratified"), w("cwc_1993", "EGY", "ratified")]),
    # (trap: the auxiliary negated in turn gives no act)
    ("stranded-not-either", "Chemical arms\n1997-05-02\n\nLibya has not ratified the "
     "Chemical Weapons Convention, and Egypt has not either.",
     [w("cwc_1993", "LBY", "not_ratified")]),
]

NO_FACT: list[tuple[str, str]] = [
    # --- a ratification a parliament resists or that is awaited -----------------------------
    ("balked-at-ratification", _DUMA + "The president sent the Chemical Weapons Convention to "
     "parliament, but the deputies balked at ratification."),
    ("ratification-pending", _DUMA + "Ratification of the Chemical Weapons Convention by the "
     "State Duma is still pending."),
    # --- an act only ahead, or dated after the article -------------------------------------------
    ("run-up-to-expiry", _JPOA + "Envoys met in Vienna in the run-up to the expiry of the "
     "JPOA."),
    ("ahead-of-expiry-dated", "Nuclear talks\n\nEnvoys met in Vienna ahead of the expiry of "
     "the JPOA on 20 July 2014."),
    ("expiry-after-dateline", _JPOA + "The expiration of the JPOA on 20 July leaves little "
     "time for a final deal."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_seventeenth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_seventeenth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
