"""Fifteenth round (issue 14): recall beyond ceasefires. Most missed gold facts on the read
groups still have no candidate because the article's agreement is never found (it is only
described) or the act is told with no event word. The mechanisms here read a description by
what the record holds about it, tested on sentences composed for these tests (not taken from the
gold texts), each with the traps that must keep their old reading.

Mechanisms: a year written in a treaty noun phrase ("the 1987 pact", "this 1972 agreement", "the
accord signed in 1994") is its year of signature: the phrase is the one agreement of the record
signed that year with most of the article's actors among its parties, in any article and
whatever the article's own year (none if several fit as well, none if none has two of the
article's actors among its parties); an actor list closed by "and others" names only part of the
actors, so no actor set is read from it. A suspension told as "put on hold", "placed in
abeyance", "halting the agreement" or "halting the effect of the memorandum" (a treaty noun as
the object of "halt" or "freeze"); a described memorandum, protocol, convention or framework whose
words name several agreements is the one whose record name is of that kind. A described agreement
whose content words that are words of some agreement's names (at least two) are all words of
one agreement's names only is that agreement. In an article with no dateline, "reached an
agreement on" a description of one agreement is its conclusion (no date to check it against).
A joint document ("the document", "the peace plan", "the joint declaration") is the object of a
signing as a treaty noun is (not "a plan to", "a decree").

Traps: two agreements signed the same year between the same states, a year with no agreement of
the article's actors, "the United States and others agreed"; "halted flights", "froze
American assets", a threat to halt a memorandum, an agreement that "would not be put on hold";
words held by two agreements' names; "reached an agreement" under a dateline of another year;
"agreed to talks".
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- a year written in the description ------------------------------------------------------
    ("year-in-description", "Missile row\n2019-02-04\n\nRussia and the United States traded "
     "charges on Monday. Moscow said Washington had violated the 1987 pact.",
     [w("inf_1987", "USA", "violation_alleged", by="RUS")]),
    ("year-in-description-this", "Kashmir\n2025-04-30\n\nIndia and Pakistan exchanged fire "
     "again. Islamabad said New Delhi had breached this 1972 agreement.",
     [w("simla_1972", "IND", "violation_alleged", by="PAK")]),
    ("year-after-signed-in", "Kashmir\n2025-04-30\n\nIndia and Pakistan exchanged fire again. "
     "Pakistan said India had violated the accord signed in 1972.",
     # (the reduced relative with its year is the signing, by the parties, as before)
     [w("simla_1972", "IND", "violation_alleged", by="PAK"), w("simla_1972", "*", "signed",
                                                               "1972")]),
    # (the article names another agreement: a generic head with a year is still read by it)
    ("year-in-description-beside-a-name", "Missile row\n2019-02-04\n\nRussia and the United "
     "States argued over New START. Moscow said Washington had violated the 1987 pact too.",
     [w("inf_1987", "USA", "violation_alleged", by="RUS")]),
]

FACTS += [
    # --- a suspension told as "put on hold", "in abeyance", "halting" an agreement ---------------
    ("put-on-hold-by", "Kashmir\n2025-04-25\n\nIndia and Pakistan traded threats. The Simla "
     "Agreement has been put on hold by Pakistan.",
     [w("simla_1972", "PAK", "suspended")]),
    ("placed-in-abeyance-by", "Kashmir\n2025-04-25\n\nIndia and Pakistan traded threats. "
     "The Simla Agreement was placed in abeyance by Pakistan on Thursday.",
     [w("simla_1972", "PAK", "suspended", "2025-04")]),
    ("halting-a-memorandum", "Flight safety\n2017-04-07\n\nMoscow said on Friday it was "
     "halting the memorandum on air safety over Syria agreed with Washington.",
     [w("syria_air_safety_mou_2015", "RUS", "suspended", "2017-04")]),
    ("halting-the-effect-of", "Flight safety\n2017-04-07\n\nRussia is halting the effect of "
     "the memorandum on flight safety in Syria, the ministry said.",
     [w("syria_air_safety_mou_2015", "RUS", "suspended")]),
    # (words of two agreements, "incidents" and "safety": the memorandum is the one whose record
    # name is a memorandum)
    ("memorandum-read-by-its-kind", "Flight safety\n2017-04-07\n\nRussia froze the "
     "memorandum for preventing incidents and ensuring flight safety over Syria.",
     [w("syria_air_safety_mou_2015", "RUS", "suspended")]),
]

FACTS += [
    # --- a description whose words are the words of one agreement's names ------------------------
    ("described-by-name-words", "Chemical arms\n2016-11-02\n\nWashington said Damascus had "
     "violated the accord on Syria's chemical weapons.",
     [w("syria_cw_framework_2013", "SYR", "violation_alleged", by="USA")]),
    # --- in an article with no dateline, "reached an agreement on" a described agreement ---------
    ("reached-an-agreement-undated", "Talks end\n\nThe United States and Russia said they had "
     "reached an agreement on the elimination of Syrian chemical weapons.",
     [w("syria_cw_framework_2013", "USA;RUS", "signed")]),
]

FACTS += [
    # --- a joint document as the object of a signing ---------------------------------------------
    ("signed-the-peace-plan", "Caucasus\n2008-08-16\n\nFrance brokered the six-point "
     "ceasefire plan between Russia and Georgia. Georgia signed the document on Friday, and "
     "Russia signed the peace plan on Saturday.",
     [w("georgia_six_point_2008", "GEO", "signed", "2008-08"),
      w("georgia_six_point_2008", "RUS", "signed", "2008-08")]),
]

NO_FACT: list[tuple[str, str]] = [
    # traps: a decree, a document "on" something
    ("trap-signed-the-document-on", "Caucasus\n2008-08-16\n\nThe six-point ceasefire plan "
     "holds, Russia and Georgia said. Russia signed the document on naval procurement."),
    ("trap-signed-a-decree", "Caucasus\n2008-08-16\n\nThe six-point ceasefire plan holds, "
     "Russia and Georgia said. Russia signed a decree on its navy on Saturday."),
    # traps: words held by two agreements' names ("chemical weapons": the convention and the
    # Syria framework); a consent under a dateline of another year; consent to talks
    ("trap-words-of-two-agreements", "Chemical arms\n2016-11-02\n\nWashington said Damascus "
     "had violated the accord on chemical weapons."),
    ("trap-reached-an-agreement-other-year", "Talks end\n2020-05-01\n\nThe United States "
     "and Russia said they had reached an agreement on the elimination of Syrian chemical "
     "weapons."),
    ("trap-agreed-to-talks-undated", "Talks end\n\nThe United States and Russia agreed to "
     "talks on the elimination of Syrian chemical weapons."),
    # traps: "halted" and "froze" with no treaty noun as object; a threat to halt one
    ("trap-halted-flights", "Flight safety\n2017-04-07\n\nThe memorandum on air safety over "
     "Syria binds Russia and the United States. Russia froze American assets and halted flights "
     "to the region."),
    ("trap-threatened-to-halt", "Flight safety\n2017-04-07\n\nRussia threatened to halt the "
     "memorandum on air safety over Syria."),
    ("trap-agreement-not-on-hold", "Kashmir\n2025-04-25\n\nIndia and Pakistan traded "
     "threats. Pakistan said the Simla Agreement would not be put on hold."),
    # traps: two agreements of that year between the article's actors; a year in which the
    # article's actors signed nothing; a list closed by "and others"
    ("trap-two-signed-that-year", "Arsenal\n2014-03-02\n\nKyiv said Russia and the United "
     "States had given assurances. Ukraine said Russia had violated the accord signed in 1994."),
    ("trap-year-of-no-agreement-of-theirs", "Kashmir\n2025-04-30\n\nIndia and Pakistan "
     "exchanged fire. Pakistan said India had violated the 1987 pact."),
    ("trap-and-others-agreed", "Fuel deliveries\n2002-10-20\n\nNorth Korea and the United "
     "States quarrelled. Under the 1994 agreement the United States and others agreed to "
     "provide fuel oil."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fifteenth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_fifteenth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
