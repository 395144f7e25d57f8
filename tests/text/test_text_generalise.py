"""Mechanisms that must hold on prose the rules were not written on: sentences written for these
tests (not taken from the gold texts), one mechanism each — the trigger lexicon, negation and
modality, coreference, reported speech, relative dates and the officials table."""

from __future__ import annotations

from datetime import date

import pytest

from detente.text import Article, extract_text
from detente.text._dates import find_dates
from detente.text._extract import extract
from detente.text._lexicon import LEXICON, forms, lexicon_patterns

NON_FACTS = [
    "Russia did not withdraw from the INF Treaty.",
    "Russia never withdrew from the INF Treaty.",
    "Russia has not violated the New START treaty.",
    "The United States threatened to withdraw from the INF Treaty.",
    "Washington threatened to leave the Open Skies Treaty.",
    "If Iran violates the JCPOA, the United States will withdraw.",
    "Russia could suspend the New START treaty.",
    "Russia might pull out of the CFE Treaty.",
    "The United States may withdraw from the Open Skies Treaty.",
    "Iran would breach the JCPOA if sanctions returned.",
    "Congress urged the president to abandon the Iran nuclear deal.",
    "Trump called for scrapping the JCPOA.",
    "Moscow is considering quitting the CFE Treaty.",
    "Putin warned that Russia could leave the New START treaty.",
    "Russia refused to withdraw from the INF Treaty.",
    "Russia denied that it had violated the INF Treaty.",
    "The United States is expected to withdraw from the Open Skies Treaty.",
    "Should Russia violate the INF Treaty, the US would respond.",
    "Neither side withdrew from the ABM Treaty in 1995.",
    "Unless Russia returns to compliance, the United States will withdraw from the INF Treaty.",
    "The United States proposed to extend New START.",
    "Russia offered to extend New START by one year.",
    "Iran was not in breach of the JCPOA, the IAEA said.",
    "Iran is unlikely to withdraw from the NPT.",
    "The US is weighing withdrawal from the Open Skies Treaty.",
    "Biden wants to rejoin the JCPOA.",
    "Russia is poised to suspend the New START treaty.",
    "There is no evidence that Russia violated the New START treaty.",
    "A US withdrawal from the INF Treaty would be a mistake.",
    "Russia will not withdraw from the New START treaty, Lavrov said.",
    "Ukraine hoped Russia would abide by the Minsk II agreement.",
    "North Korea threatened to quit the NPT.",
    "Iran is reportedly planning to exit the JCPOA.",
    "Moscow announced its intention to withdraw from the Open Skies Treaty.",
    "Under the treaty, both parties were required to meet the central limits by 2018.",
    "The United States gave Russia six months to return to compliance with the INF Treaty.",
    "Moscow had repeatedly offered a five-year extension of New START.",
    "Russia had a final opportunity to honor the INF Treaty.",
    "Putin has said that rescinding the ratification of the CTBT would mirror Washington.",
]


@pytest.mark.parametrize("text", NON_FACTS)
def test_negated_hypothetical_threatened_or_urged_acts_are_never_facts(text: str) -> None:
    cands = extract_text(text)
    assert [c for c in cands if c.is_fact] == []


FACTS = [
    ("In 2018, the Trump administration abandoned the Iran nuclear deal.",
     ("jcpoa_2015", ("USA",), "withdrew", "2018")),
    ("Washington scrapped the INF Treaty in August 2019.",
     ("inf_1987", ("USA",), "withdrew", "2019-08")),
    ("The United States pulled out of the Open Skies Treaty in November 2020.",
     ("open_skies_1992", ("USA",), "withdrew", "2020-11")),
    ("In 2007, Russia halted its participation in the CFE Treaty.",
     ("cfe_1990", ("RUS",), "suspended", "2007")),
    ("Iran reduced its commitments under the JCPOA in May 2019.",
     ("jcpoa_2015", ("IRN",), "suspended", "2019-05")),
    ("Trump tore up the Iran nuclear deal in May 2018.",
     ("jcpoa_2015", ("USA",), "withdrew", "2018-05")),
    ("Pyongyang walked away from the Agreed Framework in 2003.",
     ("agreed_framework_1994", ("PRK",), "withdrew", "2003")),
    ("Iran has not lived up to its obligations under the JCPOA, Pompeo said in 2018.",
     ("jcpoa_2015", ("IRN",), "violation_alleged", "2018")),
    ("The Treaty of Conventional Armed Forces in Europe was signed in November 1990.",
     ("cfe_1990", ("*",), "signed", "1990-11")),
    ("Russia stopped observing the CFE limits in 2007.",
     ("cfe_1990", ("RUS",), "suspended", "2007")),
    ("In 2016, the International Atomic Energy Agency confirmed that Iran had met its "
     "commitments under the JCPOA.", ("jcpoa_2015", ("IRN",), "kept", "2016")),
]


@pytest.mark.parametrize(("text", "want"), FACTS)
def test_the_lexicon_reads_acts_phrased_in_other_words(
        text: str, want: tuple[str, tuple[str, ...], str, str]) -> None:
    facts = [c for c in extract_text(text) if c.is_fact]
    hits = [c for c in facts if (c.agreement, c.actors, c.type) == want[:3]]
    assert hits, facts
    assert (hits[0].date or "").startswith(want[3])


def test_an_actor_after_not_is_not_the_actor() -> None:
    cands = extract_text("Putin alleged on Monday that Washington and not Moscow was in "
                         "violation of the INF Treaty.")
    assert [(c.actors, c.alleged_by) for c in cands if c.is_fact] == [(("USA",), ("RUS",))]


def test_negated_ratification_is_a_non_ratification() -> None:
    cands = extract_text("The U.S. has signed but not ratified the Comprehensive Nuclear-Test-Ban "
                         "Treaty.")
    assert ("ctbt_1996", ("USA",), "not_ratified") in {
        (c.agreement, c.actors, c.type) for c in cands if c.is_fact}
    assert not any(c.type == "ratified" and c.is_fact for c in cands)


def test_a_parenthesised_short_name_decides_the_agreement() -> None:
    cands = extract_text("In June 2023 the United States suspended data exchanges under the "
                         "Strategic Arms Reduction Treaty (New START).")
    assert [c.agreement for c in cands if c.is_fact] == ["new_start_2010"]


def test_each_act_keeps_its_own_date_in_coordinated_clauses() -> None:
    cands = extract_text("Russia ratified the Comprehensive Nuclear-Test-Ban Treaty in 2000 and "
                         "de-ratified it in 2023.")
    dates = {c.type: c.date for c in cands if c.is_fact}
    assert dates == {"ratified": "2000", "deratified": "2023"}


def test_coreference_headline_dateline_and_agreement_named_later() -> None:
    art = Article("x", "Moscow Leaves Arms Treaty. Example Wire, June 18, 2021.\n\n"
                       "Russia on Friday completed its withdrawal from a landmark treaty that "
                       "allowed surveillance flights, the foreign ministry said.\n\n"
                       "The Open Skies Treaty was signed in 1992. Washington left the pact last "
                       "year, accusing Moscow of violations. Russia has denied breaching it.")
    got = {(c.agreement, c.actors, c.type, c.date, c.alleged_by, c.is_fact)
           for c in extract(art)}
    assert ("open_skies_1992", ("RUS",), "withdrew", "2021-06-18", (), True) in got
    assert ("open_skies_1992", ("*",), "signed", "1992", (), True) in got
    assert ("open_skies_1992", ("USA",), "withdrew", "2020", (), True) in got
    assert ("open_skies_1992", ("RUS",), "violation_alleged", "2020", ("USA",), True) in got
    denied = [g for g in got if g[2] == "violation_alleged" and g[3] is None]
    assert denied and not any(g[5] for g in denied)


def test_it_after_a_denied_act_and_the_single_agreement_of_an_article() -> None:
    cands = extract_text("The INF Treaty was signed in 1987.\n\nRussia has not taken the steps "
                         "to return to compliance. It remains in material breach of its "
                         "obligations.")
    assert any(c.is_fact and c.type == "violation_alleged" and c.actors == ("RUS",)
               and c.agreement == "inf_1987" for c in cands)


def test_first_person_inside_a_quotation_is_the_speaker() -> None:
    cands = extract_text('Putin spoke to his ministers on Saturday about the treaty.\n\n'
                         '"We are also suspending our participation in the INF Treaty," he said.')
    assert [(c.actors, c.type) for c in cands if c.is_fact] == [(("RUS",), "suspended")]


def test_an_undated_metonym_is_read_in_the_present() -> None:
    cands = extract_text("The Kremlin suspended the New START treaty.")
    assert [c.actors for c in cands] == [("RUS",)]


def test_officials_table_resolves_by_office() -> None:
    cands = extract_text("NATO Secretary General Stoltenberg said in 2019 that Russia had "
                         "violated the INF Treaty.")
    assert [(c.actors, c.alleged_by) for c in cands if c.is_fact] == [(("RUS",), ("NATO",))]


@pytest.mark.parametrize(("text", "ref", "want"), [
    ("The U.S. gave notice a month ago.", date(2019, 3, 4), "2019-02"),
    ("It happened three weeks ago.", date(2019, 3, 4), "2019-02-11"),
    ("Two years later it was ratified.", None, "1992"),
    ("It entered into force last night.", date(2023, 11, 7), "2023-11-06"),
])
def test_relative_dates(text: str, ref: date | None, want: str) -> None:
    assert [d.value for d in find_dates(text, ref, 1990)] == [want]


def test_lexicon_inflections_and_every_type_is_a_record_type() -> None:
    from detente.record import EventType

    assert forms("withdraw") == ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"]
    assert forms("pull out of")[2] == "pulled out of"
    assert "quitting" in forms("quit") and "scrapped" in forms("scrap")
    types = {t.value for t in EventType}
    assert {e.type for e in LEXICON} <= types
    assert len(lexicon_patterns()) == sum(1 for e in LEXICON if e.verbs or e.nouns)
