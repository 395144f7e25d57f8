"""Seventh round (issue 14): the eighth blind set's error kinds (read after its first run) and
the misses left on the earlier groups, fixed by general mechanisms and tested on sentences
composed for these tests (not taken from the gold texts), several phrasings per mechanism, with
precision traps beside them (negated, hypothetical, awaited or prevented acts must stay out).

Mechanisms: a reciprocal accusation stated as an exchange ("exchanged / traded accusations of
violations"); the coordinated agents after "signed by / between" ("between the US and the
former USSR"); a withdrawal *from a place* or *of an actor's forces* is no treaty withdrawal;
an act kept from happening ("prevented X from ratifying") or awaited in an until-clause is no
fact; a ratification delayed, bypassed or drawn out is withheld, a "ratification process" not
said to be complete is no act; an adaptation chosen by the dateline's year (an undated
ratification) and by its own date of signature ("the CFE Treaty signed in Istanbul in November
1999"); a reduced relative after a comma ("The deal, struck in Beijing on ..."); scare quotes in
a possessive modifier and in "remains committed"; a bare "violations" in an article about one
ceasefire; an actor's possessive before a generic treaty name ("Iran's nuclear deal"); the
passive of ending a treaty with its agent ("was abandoned by"); a failed compliance ("failed to
live up to") as an alleged violation, and a violation's reporter never taken for its actor.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, facts, text_params, w

from detente.text import Article, Extractor


def dated(dateline: str, body: str) -> str:
    """An article: a headline with its dateline, then the body (one paragraph per sentence)."""
    return f"Example headline. Example Wire, {dateline}.\n\n{body}"


FACTS: list[tuple[str, str, list[Want]]] = [
    # --- a reciprocal accusation stated as an exchange: each accuses the other -------------
    ("exchanged-accusations", dated("May 12, 2025", "India and Pakistan exchanged accusations "
                                    "of ceasefire violations on Sunday."),
     [w("india_pak_understanding_2025", "IND", "violation_alleged", "2025-05", "PAK"),
      w("india_pak_understanding_2025", "PAK", "violation_alleged", "2025-05", "IND")]),
    ("traded-charges", "Armenia and Azerbaijan traded charges of breaching the truce on "
     "March 3, 2021.",
     [w("nk_trilateral_2020", "ARM", "violation_alleged", "2021-03", "AZE"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", "2021-03", "ARM")]),
    ("traded-fresh-accusations", dated("July 20, 2023", "Moscow and Kyiv traded fresh "
                                       "accusations of violating the Black Sea Grain "
                                       "Initiative."),
     [w("bsgi_2022", "RUS", "violation_alleged", None, "UKR"),
      w("bsgi_2022", "UKR", "violation_alleged", None, "RUS")]),
    # --- the coordinated agents after "signed by / between" -----------------------------------
    ("signed-between-former", "The INF Treaty, signed between the US and the former USSR in "
     "1987, limited missiles of intermediate range.",
     [w("inf_1987", "USA;SUN", "signed", "1987")]),
    ("signed-by-pair", "The INF Treaty, signed by the United States and the Soviet Union in "
     "December 1987, removed a class of weapons.",
     [w("inf_1987", "USA;SUN", "signed", "1987-12")]),
    ("signed-in-place-by", "New START was signed in Prague by Russia and the United States on "
     "April 8, 2010.",
     [w("new_start_2010", "RUS;USA", "signed", "2010-04")]),
    # --- an adaptation by its own date of signature, and by the dateline's year ---------------
    ("adaptation-by-signing-date", "The summit produced the CFE Treaty signed in Istanbul in "
     "November 1999.",
     [w("acfe_1999", "*", "signed", "1999-11")]),
    ("base-by-its-own-date", "The CFE Treaty was signed in Paris in November 1990.",
     [w("cfe_1990", "*", "signed", "1990-11")]),
    # --- ratification withheld -----------------------------------------------------------------
    ("protracted-ratification-by", dated("April 2007", "Moscow blames the protracted "
                                         "ratification process of the CFE Treaty by NATO "
                                         "members for the crisis."),
     [w("acfe_1999", "NATO", "not_ratified")]),
    ("stalled-ratification", dated("May 2005", "The stalled ratification of the CFE Treaty by "
                                   "NATO members angered Moscow."),
     [w("acfe_1999", "NATO", "not_ratified")]),
    # --- a reduced relative after a comma ------------------------------------------------------
    ("reduced-relative-comma", "The deal, struck in Beijing on March 10, 2023, restored ties "
     "between Saudi Arabia and Iran under the Beijing trilateral statement.",
     [w("iran_saudi_beijing_2023", "*", "signed", "2023-03")]),
    # --- scare quotes --------------------------------------------------------------------------
    ("quoted-possessive-violations", dated("May 12, 2025", "India said it had answered "
                                           "Pakistan’s “repeated violations” of the truce."),
     [w("india_pak_understanding_2025", "PAK", "violation_alleged", None, "IND")]),
    ("quoted-remains-committed", dated("May 12, 2025", "India and Pakistan agreed to a "
                                       "ceasefire on May 10.\n\nIslamabad said Pakistan “remains "
                                       "committed” to the truce."),
     [w("india_pak_understanding_2025", "IND;PAK", "signed", "2025-05"),
      w("india_pak_understanding_2025", "PAK", "kept")]),
    ("committed-to-implementing", dated("May 12, 2025", "India and Pakistan agreed to a "
                                        "ceasefire on May 10.\n\nPakistan remains committed "
                                        "to faithfully implementing the ceasefire, its "
                                        "ministry said."),
     [w("india_pak_understanding_2025", "IND;PAK", "signed", "2025-05"),
      w("india_pak_understanding_2025", "PAK", "kept")]),
    # --- a bare "violations" in an article about one ceasefire ---------------------------------
    ("bare-violations-one-ceasefire", dated("May 12, 2025", "India and Pakistan agreed to a "
                                            "ceasefire on May 10.\n\nThe minister said both "
                                            "armies would stop firing at five.\n\nHe later "
                                            "accused Pakistan of “repeated violations” and "
                                            "promised a response."),
     [w("india_pak_understanding_2025", "IND;PAK", "signed", "2025-05"),
      w("india_pak_understanding_2025", "PAK", "violation_alleged")]),
    # --- an actor's possessive before a generic treaty name ------------------------------------
    ("possessive-generic-name", dated("March 12, 2023", "Riyadh and Tehran agreed on March 10 "
                                      "to restore ties under the Beijing trilateral statement."
                                      "\n\nRelations soured after Washington withdrew from "
                                      "Iran’s nuclear deal in May 2018."),
     [w("iran_saudi_beijing_2023", "SAU;IRN", "signed", "2023-03"),
      w("jcpoa_2015", "USA", "withdrew", "2018-05")]),
    # --- the passive of ending a treaty, with its agent ----------------------------------------
    ("passive-abandoned-by", "The INF Treaty was abandoned by the United States in August 2019.",
     [w("inf_1987", "USA", "withdrew", "2019-08")]),
    ("passive-denounced-by", "The CFE Treaty was denounced by Russia in May 2023.",
     [w("cfe_1990", "RUS", "withdrew", "2023-05")]),
    ("passive-scrapped-late-agent", "The ABM Treaty was scrapped in 2002 by Washington.",
     [w("abm_1972", "USA", "withdrew", "2002")]),
    ("passive-anaphor", "Moscow signed the INF Treaty in 1987. The treaty was abandoned by the "
     "United States in 2019.",
     [w("inf_1987", "SUN", "signed", "1987"), w("inf_1987", "USA", "withdrew", "2019")]),
    # --- failed compliance ---------------------------------------------------------------------
    ("failed-to-live-up", "The United States has repeatedly failed to live up to its "
     "obligations under the JCPOA, Iran said.",
     [w("jcpoa_2015", "USA", "violation_alleged", None, "IRN")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an exchange that is no accusation
    ("exchanged-prisoners-talk", "Russia and Ukraine exchanged views on the Black Sea Grain "
     "Initiative in July 2023."),
    # a withdrawal from a place, of an actor's forces
    ("withdrawing-from-region", "The Beijing trilateral statement came as the United States was "
     "slowly withdrawing from the wider Middle East in 2023."),
    ("withdrawal-of-national-bases", "The withdrawal of Russian military bases from Georgia "
     "stalled, officials said of the CFE Treaty in 2005."),
    # an act kept from happening
    ("prevent-from-ratifying", "The dispute does not prevent NATO from ratifying the adapted "
     "CFE Treaty, Putin said in April 2007."),
    ("barred-from-signing", "The crisis kept Kyiv from signing the Minsk Protocol in 2014."),
    # an act awaited in an until-clause
    ("until-ratify", "Russia will keep its moratorium on the CFE Treaty until all NATO "
     "countries ratify the adapted treaty."),
    ("until-withdraws", "NATO refused any step on the adapted CFE Treaty until Russia withdraws "
     "its troops."),
    # a ratification process under way
    ("ratification-process", "The ratification process of New START began in the Senate in "
     "2010."),
    # the passive of ending, negated, hypothetical, or of something else
    ("passive-not-abandoned", "The INF Treaty was not abandoned by Washington in 2018."),
    ("passive-would-be", "The INF Treaty would have been abandoned by the United States if "
     "Russia had kept cheating."),
    ("passive-plan-abandoned", "Moscow signed the INF Treaty in 1987.\n\nThe plan was abandoned "
     "by NATO in 2019."),
    ("passive-city-left", "Moscow signed the INF Treaty in 1987.\n\nThe city was left by its "
     "residents in 2019."),
    # failed compliance under a condition or a modal
    ("if-fails-to-live-up", "If Russia fails to live up to its obligations under New START, "
     "the United States will respond."),
    ("could-fail", "Washington could fail to abide by the INF Treaty, analysts said."),
    # a violation's reporter is not its actor
    ("reporter-not-accused", "The negotiators had failed to live up to their commitments "
     "under the JCPOA, Iran said in 2019."),
    # violations with their own object, in an article about one ceasefire
    ("violations-of-rights", dated("May 12, 2025", "India and Pakistan agreed to a ceasefire on "
                                   "May 10.\n\nRights groups accused both armies of violations "
                                   "of human rights.")),
    # a possessive with no generic name of the record
    ("possessive-no-name", "Tehran said Washington's nuclear deal was dead."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    # the trap is the text's last sentence (a first one may state a signing as context)
    last = len(Extractor().sentences(Article("probe", text))) - 1
    assert_no_fact(text, from_sentence=last)


def test_denied_exchange_is_no_fact() -> None:
    # a reciprocal accusation both sides deny stays out (the rule keeps denial scopes)
    got = facts("India and Pakistan denied exchanging accusations of ceasefire violations, "
                "officials said on May 12, 2025.")
    assert not [c for c in got if c.type == "violation_alleged" and c.alleged_by], got


def test_single_agent_left_to_the_passive_rule() -> None:
    # one agent after "signed by" is read by the passive rule, not the coordination helper
    got = {(c.agreement, c.actors) for c in facts("The CFE Treaty was signed by 22 states in "
                                                  "1990.")}
    assert got == {("cfe_1990", ("*",))}, got


E3_FACTS: list[tuple[str, str, list[Want]]] = [
    # "the Europeans", "the E3", "the three European powers": France, Germany and the UK
    ("europeans-accuse", "The Europeans accused Iran of breaching the JCPOA in January 2020.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2020-01", "FRA;DEU;GBR")]),
    ("europeans-accused", "Tehran said in May 2019 that the E3 had violated the JCPOA.",
     [w("jcpoa_2015", "FRA;DEU;GBR", "violation_alleged", "2019", "IRN")]),
    ("three-european-powers", "The three European powers said Iran had violated the JCPOA in "
     "January 2020.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2020-01", "FRA;DEU;GBR")]),
    ("europeans-failed", "The Europeans had failed to live up to their commitments under the "
     "JCPOA, Iran said in 2019.",
     [w("jcpoa_2015", "FRA;DEU;GBR", "violation_alleged", "2019", "IRN")]),
    # as allegers of an act under an agreement they are not all parties to
    ("europeans-not-parties", "The Europeans accused Russia of violating the INF Treaty in "
     "2018.",
     [w("inf_1987", "RUS", "violation_alleged", "2018", "FRA;DEU;GBR")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(E3_FACTS))
def test_european_trio(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


def test_european_trio_not_actor_of_a_treaty_they_are_not_all_party_to() -> None:
    got = facts("Moscow said the Europeans had violated the INF Treaty in 2018.")
    assert not [c for c in got if "FRA" in c.actors or "E3" in c.actors], got


CONTEXT_FACTS: list[tuple[str, str, list[Want]]] = [
    # an agreement described by its purpose ("meant / designed to prevent incidents at sea")
    ("purpose-participle", "Washington said the Russian flights in April 2016 were a violation "
     "of a 1970s agreement meant to prevent unsafe incidents at sea.",
     [w("incsea_1972", "RUS", "violation_alleged", "2016-04", "USA")]),
    ("designed-to", "The U.S. said Russia's flights in April 2016 violated an agreement "
     "designed to avoid incidents at sea.",
     [w("incsea_1972", "RUS", "violation_alleged", "2016-04", "USA")]),
    # the partner of a consent before the act: "agreed with Putin to extend"
    ("agreed-with-partner", "President Biden agreed with Putin to extend New START by five "
     "years in January 2021.",
     [w("new_start_2010", "USA;RUS", "extended", "2021-01")]),
    ("agreed-with-partner-ratify", "In 1992 Kazakhstan agreed with Russia to ratify START I "
     "together.",
     [w("start1_1991", "KAZ;RUS", "ratified", "1992")]),
    # the pronoun object of an act is the agreement of the sentence before, across paragraphs
    ("pronoun-object-next-paragraph", dated("August 3, 2019", "The United States formally left "
                                            "the INF Treaty on Friday.\n\nWashington accused "
                                            "Moscow of violating it for years."),
     [w("inf_1987", "USA", "withdrew", "2019-08"),
      w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("pronoun-object-suspend", dated("February 22, 2023", "Putin spoke about New START on "
                                     "Tuesday.\n\nHours later, Russia suspended it."),
     [w("new_start_2010", "RUS", "suspended")]),
]

CONTEXT_NO_FACT: list[tuple[str, str]] = [
    # the agreement named too far back: the pronoun is not resolved to it
    ("pronoun-too-far", dated("March 3, 2020", "Iran signed the JCPOA in 2015.\n\nWashington "
                              "said the weather was bad.\n\nThe inspectors said troops moved."
                              "\n\nAnalysts said Iran breached it.")),
    # the pronoun is a subject, not the act's object
    ("pronoun-subject", dated("August 3, 2019", "The United States left the INF Treaty on "
                              "Friday.\n\nMoscow said violating it was never its plan, and "
                              "denied it would withdraw.")),
    # a nearer noun phrase is the pronoun's antecedent, not the agreement named before
    ("pronoun-nearer-noun", "Russia signed New START in 2010.\n\nMoscow submitted a proposal "
     "on inspections in 2019 but later suspended it."),
    ("pronoun-nearer-plan", "Russia signed New START in 2010.\n\nWashington said the plan was "
     "flawed and Moscow then suspended it."),
    ("pronoun-nearer-missile", "Russia signed New START in 2010.\n\nMoscow tested a new "
     "missile in 2019, and Washington accused it of violating it."),
    # a purpose that names no agreement of the record
    ("purpose-no-word", "Officials said in 2016 that a violation of an agreement meant to "
     "improve trade had occurred."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(CONTEXT_FACTS))
def test_context_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(CONTEXT_NO_FACT))
def test_context_no_fact(text: str) -> None:
    last = len(Extractor().sentences(Article("probe", text))) - 1
    assert_no_fact(text, from_sentence=last)


VERB_FACTS: list[tuple[str, str]] = [
    # breaking or ignoring the agreement itself (a truce, a moratorium too)
    ("broke-moratorium", dated("June 2, 2025", "Russia broke the moratorium on energy strikes "
                               "on Monday, Ukraine said.")),
    ("ignored-moratorium", dated("June 2, 2025", "Ukraine said Russia had ignored the energy "
                                 "moratorium.")),
    ("ignored-obligations", "Ukraine said Russia had ignored its obligations under the Budapest "
     "Memorandum in 2014."),
    # a refusal to renew a deal that ends unless renewed
    ("refused-to-renew", "Russia refused to renew the Black Sea Grain Initiative in July 2023."),
]
VERB_WANTS: dict[str, list[Want]] = {
    "broke-moratorium": [w("energy_moratorium_2025", "RUS", "violation_alleged", "2025-06",
                           "UKR")],
    "ignored-moratorium": [w("energy_moratorium_2025", "RUS", "violation_alleged", None, "UKR")],
    "ignored-obligations": [w("budapest_memo_1994", "RUS", "violation_alleged", "2014", "UKR")],
    "refused-to-renew": [w("bsgi_2022", "RUS", "withdrew", "2023-07")],
}

VERB_NO_FACT: list[tuple[str, str]] = [
    ("ignored-warnings-about", "Russia ignored the warnings about the INF Treaty in 2018."),
    ("broke-the-news", "Hezbollah broke the news of the ceasefire in 2024."),
    ("declined-on-terms", "Washington declined to extend New START without conditions in 2020."),
    ("refused-unless", "Russia refused to extend the grain deal unless sanctions were lifted, "
     "officials said in July 2023."),
    ("may-refuse", "Russia may refuse to renew the Black Sea Grain Initiative in July 2023."),
]


@pytest.mark.parametrize(("key", "text"), [pytest.param(k, t, id=k) for k, t in VERB_FACTS])
def test_verb_fact(key: str, text: str) -> None:
    assert_facts(text, VERB_WANTS[key])


@pytest.mark.parametrize("text", text_params(VERB_NO_FACT))
def test_verb_no_fact(text: str) -> None:
    assert_no_fact(text)


DATE_FACTS: list[tuple[str, str, list[Want]]] = [
    # a date counted from the last one the article gave
    ("next-day-crosses-month", "The US left the INF Treaty on January 31, 2019. The next day "
     "Russia suspended it.",
     [w("inf_1987", "USA", "withdrew", "2019-01"), w("inf_1987", "RUS", "suspended", "2019-02")]),
    ("a-day-later", "The United States withdrew from the ABM Treaty on June 13, 2002. A day "
     "later, Russia withdrew from START II.",
     [w("abm_1972", "USA", "withdrew", "2002-06"), w("start2_1993", "RUS", "withdrew", "2002-06")]),
    ("later-that-month", "The United States withdrew from the INF Treaty in August 2019. Later "
     "that month, Russia suspended the INF Treaty.",
     [w("inf_1987", "USA", "withdrew", "2019-08"), w("inf_1987", "RUS", "suspended", "2019-08")]),
    ("a-year-later", "Russia and the United States signed New START in 2010. A year later, the "
     "treaty entered into force.",
     [w("new_start_2010", "RUS;USA", "signed", "2010"),
      w("new_start_2010", "*", "entered_into_force", "2011")]),
    ("the-following-month", "The US suspended the INF Treaty in February 2019. The following "
     "month, Russia suspended it too.",
     [w("inf_1987", "USA", "suspended", "2019-02"), w("inf_1987", "RUS", "suspended", "2019-03")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(DATE_FACTS))
def test_carried_date(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


def test_vague_interval_gives_no_date() -> None:
    # "several years later" counts from nothing precise: the act stays undated
    got = [c for c in facts("Russia signed New START in 2010. Several years later, the United "
                            "States accused Russia of violating it.")
           if c.type == "violation_alleged"]
    assert got and got[0].date is None, got
