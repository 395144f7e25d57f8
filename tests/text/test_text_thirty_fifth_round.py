"""Thirty-fifth round (issue 14): the year of an article with no dateline, for the kind reader.

The kind reader (sixth and fourteenth rounds) reads "the ceasefire", "the moratorium", "the
memorandum", "the joint statement" in an article that names no agreement as the record's one
agreement of that kind signed in the article's year or the two years before, between the
article's actors. It needed the dateline's year; an article with none that writes years now
gives it the latest year written (1945 to the present), as the topic resolver reads a year
written in the article. A generic head that says no kind ("the agreement", "the deal") is not
read by such a year. Sentences composed for these tests (not taken from the gold texts), with
the traps that must stay empty: two agreements fit as well; the latest year written before the
agreement was signed, or years after the two-year window; talks and drafts; a generic head; a
year after the present (a plan, not the article's year).
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.record import load_shipped_record
from detente.text._extract import Extractor, _latest_year

FACTS: list[tuple[str, str, list[Want]]] = [
    ("moratorium", "Energy strikes\n\nIn March 2025 the United States brokered talks between "
     "Russia and Ukraine. Moscow accused Kyiv of violating the moratorium.",
     [w("energy_moratorium_2025", "UKR", "violation_alleged")]),
    ("memorandum", "Skies over Syria\n\nRussian and American jets shared the skies over Syria "
     "in 2015 and 2016. In April 2017 Russia suspended the memorandum.",
     [w("syria_air_safety_mou_2015", "RUS", "suspended")]),
    ("truce", "Border clashes\n\nIsrael and Lebanon ended their war in November 2024. Beirut "
     "accused Israel of breaching the truce.",
     [w("israel_lebanon_ceasefire_2024", "ISR", "violation_alleged")]),
    ("joint-statement", "Korea watch\n\nKim Jong Un and Donald Trump first met in June 2018. "
     "In 2019 Pyongyang accused Washington of violating the joint statement.",
     [w("singapore_2018", "USA", "violation_alleged")]),
]

NO_FACT: list[tuple[str, str]] = [
    # two ceasefires between Russia and Ukraine signed within the window (Minsk I and II), the
    # same number of the article's actors among their parties: none
    ("two-fit", "Donbas\n\nRussia and Ukraine fought on through 2015. Kyiv accused Moscow of "
     "violating the ceasefire."),
    # the latest year written is before the memorandum was signed (2015)
    ("year-before", "Skies over Syria\n\nRussian and American jets flew over Syria in 2012 and "
     "2013. Russia suspended the memorandum."),
    # the latest year written is past the two-year window of the 2025 ceasefire's kind
    ("year-after", "Gulf news\n\nIsrael and Iran traded threats in 2021 and 2022. Tehran "
     "accused Israel of violating the ceasefire."),
    # talks are never read for a kind noun
    ("talks", "Muscat talks\n\nIran and the United States held talks in Muscat in April 2025 on "
     "a framework. Washington accused Tehran of violating the framework."),
    # a draft discussed, an act denied
    ("draft", "Muscat talks\n\nIn 2025 Iran and the United States discussed a draft "
     "ceasefire. Tehran said it would not violate the ceasefire."),
    # a head that says no kind ("the agreement") is not read by a year written in the article
    ("generic-head", "Gulf news\n\nIsrael and Iran fought a twelve-day war in June 2025. "
     "Tehran accused Israel of violating the agreement."),
    # a bare moratorium in an article that states another moratorium's topic is that one's
    # (the twelfth round's reading), not the record's moratorium of the written year
    ("stated-moratorium", "Missiles\n\nIn 2025 the White House said the United States was "
     "abandoning the moratorium. The Kremlin recalled its moratorium on the deployment of "
     "intermediate-range missiles."),
    # a year after the present is a plan, not the article's year (the latest is 2012)
    ("future-year", "Skies over Syria\n\nRussian and American jets flew over Syria in 2012, "
     "and plans run to 2090. Russia suspended the memorandum."),
]


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_kind_read_by_a_written_year(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_kind_reading(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,until,year", [
    ("In 1987 and again in 1991; by 2090 more.", 2026, 1991),
    ("Signed in 1890 and in 1930.", 2026, None),
    ("No year at all.", 2026, None),
    # the bound is the record's present, not the calendar: a year up to it is read, one after
    # it is a plan
    ("Talks in 2024; the treaty expires in 2026.", 2026, 2026),
    ("Talks in 2024; the treaty expires in 2026.", 2025, 2024),
])
def test_latest_year(text: str, until: int, year: int | None) -> None:
    assert _latest_year(text, until) == year


def test_present_year_is_the_records_latest_dated_fact() -> None:
    rec = load_shipped_record()
    latest = max([a.signed.start.year for a in rec.agreements if a.signed] +
                 [ev.date.start.year for ev in rec.events])
    assert Extractor().present_year == latest
