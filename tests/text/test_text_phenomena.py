"""Phenomena of real news and essays on arms control, one sentence (or a two-sentence article)
each, composed for these tests — not taken from the gold texts — and written, with the expected
claims, before the extractor was run on them (their first-run figures are in ``docs/text.md``).

Each fact case lists every factual claim the text makes (agreement, actors, type, date prefix,
alleger); the extractor must output those and no other fact. Each non-fact case is a negated,
hypothetical, threatened, urged, promised, questioned or denied act: nothing may be output as a
fact (the hard rule).
"""

from __future__ import annotations

from datetime import date

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text import Article
from detente.text._extract import extract

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- withdraw, exit, quit, denounce, terminate -------------------------------------
    ("quit", "Russia formally quit the Open Skies Treaty on December 18, 2021.",
     [w("open_skies_1992", "RUS", "withdrew", "2021-12")]),
    ("exited", "The United States exited the Iran nuclear deal in May 2018.",
     [w("jcpoa_2015", "USA", "withdrew", "2018-05")]),
    ("pulled-out", "In 2002 Washington pulled out of the Anti-Ballistic Missile Treaty.",
     [w("abm_1972", "USA", "withdrew", "2002")]),
    ("announced-withdrawal", "North Korea announced its withdrawal from the NPT in January "
     "2003.", [w("npt_1968", "PRK", "withdrew", "2003-01")]),
    ("terminated-participation", "President Trump terminated U.S. participation in the JCPOA "
     "on May 8, 2018.", [w("jcpoa_2015", "USA", "withdrew", "2018-05")]),
    ("denounced", "Russia denounced the Treaty on Conventional Armed Forces in Europe in May "
     "2023.", [w("cfe_1990", "RUS", "withdrew", "2023-05")]),
    ("departure-noun", "North Korea's departure from the NPT in 2003 was unprecedented.",
     [w("npt_1968", "PRK", "withdrew", "2003")]),
    ("exit-possessive", "Washington's exit from the Open Skies Treaty took effect in November "
     "2020.", [w("open_skies_1992", "USA", "withdrew", "2020-11")]),
    ("withdrawal-adjective", "The U.S. withdrawal from the ABM Treaty in 2002 angered Moscow.",
     [w("abm_1972", "USA", "withdrew", "2002")]),
    ("withdrawal-took-effect", "Moscow's withdrawal from the CFE Treaty took effect in "
     "November 2023.", [w("cfe_1990", "RUS", "withdrew", "2023-11")]),
    ("notified-object", "Washington formally notified Moscow of its decision to withdraw from "
     "the INF Treaty on February 2, 2019.", [w("inf_1987", "USA", "withdrew", "2019-02")]),
    ("completed-withdrawal", "Russia's Foreign Ministry announced that Moscow had completed "
     "its withdrawal from the CFE Treaty on November 7, 2023.",
     [w("cfe_1990", "RUS", "withdrew", "2023-11")]),
    ("walked-away-citing", "The Trump administration walked away from the Open Skies Treaty "
     "in 2020, citing Russian violations.",
     [w("open_skies_1992", "USA", "withdrew", "2020"),
      w("open_skies_1992", "RUS", "violation_alleged", None, "USA")]),
    ("appositive-citing", "The United States, citing Russian violations, withdrew from the "
     "INF Treaty on August 2, 2019.",
     [w("inf_1987", "USA", "withdrew", "2019-08"),
      w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    # --- suspend ----------------------------------------------------------------------
    ("suspension-possessive", "Moscow's suspension of New START in February 2023 ended "
     "on-site inspections.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
    ("suspended-implementation", "In 2007 Russia suspended its implementation of the CFE "
     "Treaty.", [w("cfe_1990", "RUS", "suspended", "2007")]),
    ("scaled-back", "Iran scaled back its commitments under the Iran nuclear deal in 2019.",
     [w("jcpoa_2015", "IRN", "suspended", "2019")]),
    ("appositive-leader", "Vladimir Putin, the Russian president, suspended the New START "
     "treaty in February 2023.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
    ("suspending-dated", "On Feb. 21, 2023, Putin announced that Russia was suspending its "
     "participation in New START.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
    # --- violate, breach, accuse, non-compliance ----------------------------------------
    ("accused-of", "Washington accused Moscow of violating the INF Treaty in 2014.",
     [w("inf_1987", "RUS", "violation_alleged", "2014", "USA")]),
    ("says-material-breach", "The State Department says Russia is in material breach of the "
     "INF Treaty.", [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("according-to", "According to NATO, Russia breached the Intermediate-Range Nuclear "
     "Forces Treaty by deploying the 9M729 missile.",
     [w("inf_1987", "RUS", "violation_alleged", None, "NATO")]),
    ("charged-that", "Moscow has repeatedly charged that the United States violated the Open "
     "Skies Treaty.", [w("open_skies_1992", "USA", "violation_alleged", None, "RUS")]),
    ("officials-accused", "U.S. officials have accused Russia of non-compliance with the "
     "Open Skies Treaty.", [w("open_skies_1992", "RUS", "violation_alleged", None, "USA")]),
    ("breaches-reported", "Iran's breaches of the JCPOA began in July 2019, the IAEA "
     "reported.", [w("jcpoa_2015", "IRN", "violation_alleged", "2019-07", "IAEA")]),
    ("charged-year", "The Soviet Union violated the ABM Treaty by building the Krasnoyarsk "
     "radar, the Reagan administration charged in 1985.",
     [w("abm_1972", "SUN", "violation_alleged", "1985", "USA")]),
    ("passive-violated-by", "The INF Treaty was violated by Russia, according to the United "
     "States.", [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("three-accusers", "Britain, France and Germany accused Iran of violating the JCPOA in "
     "January 2020.", [w("jcpoa_2015", "IRN", "violation_alleged", "2020-01",
                         "GBR;FRA;DEU")]),
    ("biden-administration", "The Biden administration accused Moscow of breaching New START "
     "in January 2023.", [w("new_start_2010", "RUS", "violation_alleged", "2023-01", "USA")]),
    ("ministry-said", "Russia's Foreign Ministry said the United States had violated the Open "
     "Skies Treaty.", [w("open_skies_1992", "USA", "violation_alleged", None, "RUS")]),
    ("capital-accused", "Kyiv accused Moscow of violating the Minsk agreements.",
     [w("minsk2_2015", "RUS", "violation_alleged", None, "UKR")]),
    ("pentagon-said", "The Pentagon said Russia had violated the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("cheated", "American officials said the Russians had cheated on the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("allies-said", "Russia violated the INF Treaty, NATO allies said in December 2018.",
     [w("inf_1987", "RUS", "violation_alleged", "2018-12", "NATO")]),
    ("found-in-violation", "In its annual compliance report, the State Department found "
     "Russia in violation of the Open Skies Treaty.",
     [w("open_skies_1992", "RUS", "violation_alleged", None, "USA")]),
    ("says-present", "Pompeo says Iran violated the JCPOA.",
     [w("jcpoa_2015", "IRN", "violation_alleged", None, "USA")]),
    ("passive-accused-by", "Moscow was accused by Washington of breaching the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("failing-to-comply", "The United States accused Russia of failing to comply with New "
     "START in 2023.", [w("new_start_2010", "RUS", "violation_alleged", "2023", "USA")]),
    ("declared-in-breach", "Washington declared Russia in material breach of the INF Treaty "
     "in December 2018.", [w("inf_1987", "RUS", "violation_alleged", "2018-12", "USA")]),
    # --- sign, ratify, extend, enter into force ------------------------------------------
    ("signed-coordination", "Russia and the United States signed New START in Prague in "
     "April 2010.", [w("new_start_2010", "RUS;USA", "signed", "2010-04")]),
    ("senate-ratified", "The U.S. Senate ratified the New START treaty in December 2010.",
     [w("new_start_2010", "USA", "ratified", "2010-12")]),
    ("leaders-signed", "Gorbachev and Reagan signed the INF Treaty on December 8, 1987.",
     [w("inf_1987", "SUN;USA", "signed", "1987-12")]),
    ("both-signed", "Both Russia and the United States signed the CTBT in 1996.",
     [w("ctbt_1996", "RUS;USA", "signed", "1996")]),
    ("parliament-ratified", "The Russian parliament ratified the CTBT in 2000.",
     [w("ctbt_1996", "RUS", "ratified", "2000")]),
    ("voted-revoke", "The Duma voted to revoke Russia's ratification of the Comprehensive "
     "Nuclear-Test-Ban Treaty in October 2023.",
     [w("ctbt_1996", "RUS", "deratified", "2023-10")]),
    ("agreed-to-extend", "Biden and Putin agreed to extend New START for five years in January "
     "2021.", [w("new_start_2010", "USA;RUS", "extended", "2021-01")]),
    ("capitals-extended", "Washington and Moscow extended the New START treaty on February 3, "
     "2021.", [w("new_start_2010", "USA;RUS", "extended", "2021-02")]),
    ("entered-into-force", "The Chemical Weapons Convention entered into force in April 1997.",
     [w("cwc_1993", "*", "entered_into_force", "1997-04")]),
    ("extension-agentless", "The extension of New START in 2021 kept its limits in place.",
     [w("new_start_2010", "*", "extended", "2021")]),
    ("senate-never", "The U.S. Senate never ratified the CTBT.",
     [w("ctbt_1996", "USA", "not_ratified")]),
    # --- anaphora: the treaty, the pact, the accord, the deal -----------------------------
    ("the-pact", "The Open Skies Treaty allowed unarmed observation flights. Russia left the "
     "pact in 2021.", [w("open_skies_1992", "RUS", "withdrew", "2021")]),
    ("the-accord", "Iran signed the Joint Comprehensive Plan of Action in 2015. The United "
     "States quit the accord in 2018.",
     [w("jcpoa_2015", "IRN", "signed", "2015"), w("jcpoa_2015", "USA", "withdrew", "2018")]),
    ("the-deal", "New START limits deployed warheads to 1,550. Moscow suspended the deal in "
     "February 2023.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
    ("relative-signed", "The INF Treaty collapsed in 2019. The treaty, signed by Washington "
     "and Moscow in 1987, banned ground-launched missiles.",
     [w("inf_1987", "USA;SUN", "signed", "1987")]),
    ("it-was-breached", "The ABM Treaty was signed in 1972. It was breached repeatedly by the "
     "Soviet Union, the White House said in 1987.",
     [w("abm_1972", "*", "signed", "1972"),
      w("abm_1972", "SUN", "violation_alleged", "1987", "USA")]),
    ("which-signed", "Russia, which signed the treaty in 1992, withdrew from the Open Skies "
     "Treaty in 2021.", [w("open_skies_1992", "RUS", "signed", "1992"),
                         w("open_skies_1992", "RUS", "withdrew", "2021")]),
    # coded as a non-fact when first written; the coding rule (a violation reported with the party
    # making the claim is coded; only a denial with no other accuser is negated) makes it a fact
    ("rejected-claims", "Russia rejected U.S. claims that it had violated the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", None, "USA")]),
    ("dismissed-accusations", "Moscow dismissed Washington's accusations that it was violating "
     "New START.", [w("new_start_2010", "RUS", "violation_alleged", None, "USA")]),
    ("says-the-treaty", "The Open Skies Treaty has been in force since 2002. Washington says "
     "Moscow violated the treaty.",
     [w("open_skies_1992", "RUS", "violation_alleged", None, "USA")]),
]

NON_FACTS: list[tuple[str, str]] = [
    ("threatened-if", "Russia has threatened to pull out of the New START treaty if Washington "
     "deploys new missiles."),
    ("vowed", "Trump vowed to tear up the Iran nuclear deal."),
    ("warned-may", "Iran warned it may quit the NPT."),
    ("no-plans", "Russia says it has no plans to withdraw from the CTBT."),
    ("question", "Did Russia violate the INF Treaty?"),
    ("denies", "Moscow denies that it breached the Open Skies Treaty."),
    ("rejected-accusations", "The Kremlin rejected accusations that it had violated the INF "
     "Treaty."),
    ("called-on", "Lawmakers called on the administration to withdraw from the INF Treaty."),
    ("no-intention", "The United States has no intention of extending New START."),
    ("would-consider", "Russia would consider suspending New START, Ryabkov said."),
    ("ready-to", "Putin said Russia was ready to extend New START without preconditions."),
    ("unclear-whether", "It is unclear whether Russia will ratify the Open Skies Treaty."),
    ("could-as-early", "The United States could withdraw from the JCPOA as early as May, "
     "officials said."),
    ("vowed-abide", "Iran vowed to abide by the nuclear deal with Iran's partners."),
    ("exit-would-be", "A Russian exit from New START would be dangerous, analysts said."),
    ("yet-to-decide", "Washington has yet to decide whether to pull out of the Open Skies "
     "Treaty."),
    ("pledged-not", "Tehran pledged not to violate the JCPOA."),
    ("insisted-never", "Moscow insisted it had never violated the INF Treaty."),
    ("not-expected", "Russia is not expected to withdraw from the New START treaty."),
    ("ruled-out", "Russia ruled out leaving the CTBT."),
    ("contemplating", "The US is contemplating an exit from the Open Skies Treaty."),
    ("should-abandon", "Should Washington abandon the INF Treaty, Moscow will respond in kind."),
    ("may-soon", "Russia may soon stop implementing New START."),
    ("unless", "Iran said it would breach the JCPOA's uranium limits on July 7 unless Europe "
     "acted."),
    ("demanded-that", "Senators demanded that the White House scrap the Iran nuclear deal."),
    ("fears-could", "There were fears that North Korea could abandon the Agreed Framework."),
    ("asked-to", "The U.S. asked Russia to return to compliance with the INF Treaty."),
    ("promised", "Trump promised to withdraw from the Iran deal."),
    ("preparing", "Moscow is reportedly preparing to quit the Open Skies pact."),
    ("question-will", "Will Russia quit the CFE Treaty next year?"),
    ("refuses-to-ratify-future", "Moscow will not ratify the Open Skies Treaty until "
     "Washington does."),
    ("proposal", "Lavrov floated the idea of extending New START by a year."),
    ("hypothetical-past", "Had the United States stayed in the INF Treaty, Russia would have "
     "kept violating it."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NON_FACTS))
def test_never_a_fact(text: str) -> None:
    assert_no_fact(text)


def test_relative_date_under_a_dateline() -> None:
    art = Article("probe", "Moscow quits Cold War arms pact. Example Wire, December 10, 2023."
                           "\n\nLast month, Russia withdrew from the CFE Treaty, the foreign "
                           "ministry said.")
    got = [c for c in extract(art) if c.is_fact]
    assert [(c.agreement, c.actors, c.type, (c.date or "")[:7]) for c in got] == [
        ("cfe_1990", ("RUS",), "withdrew", "2023-11")]


def test_a_dated_reference_is_not_filled_from_today() -> None:
    got = [c for c in extract(Article("probe", "In May, Russia suspended New START."),
                              ref_date=None) if c.is_fact]
    assert all(c.date is None or not c.date.startswith(str(date.today().year)) for c in got)

# --- second batch, composed and committed before its first run ---------------------------
FACTS_2: list[tuple[str, str, list[Want]]] = [
    ("exceeded-cap", "Iran exceeded the JCPOA's cap on enriched uranium in July 2019, the IAEA "
     "confirmed.", [w("jcpoa_2015", "IRN", "violation_alleged", "2019-07", "IAEA")]),
    ("allegedly", "Russia allegedly violated the Open Skies Treaty by restricting flights, "
     "according to the Pentagon.",
     [w("open_skies_1992", "RUS", "violation_alleged", None, "USA")]),
    ("suspected-of", "Moscow is suspected by NATO of violating the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", None, "NATO")]),
    ("effective-notice", "Russia said on May 16, 2023 that it will withdraw from the CFE Treaty "
     "effective November 7.", [w("cfe_1990", "RUS", "withdrew", "2023")]),
    ("two-countries", "The United States and Russia agreed in February 2021 to extend New "
     "START, the last treaty between the two countries.",
     [w("new_start_2010", "USA;RUS", "extended", "2021-02")]),
    ("foreign-minister-said", "Russian Foreign Minister Sergei Lavrov said the United States "
     "had breached the INF Treaty.", [w("inf_1987", "USA", "violation_alleged", None, "RUS")]),
    ("in-violation-of", "Tehran has been in violation of the nuclear deal since 2019, "
     "Washington says.", [w("jcpoa_2015", "IRN", "violation_alleged", None, "USA")]),
    ("reported-rejoined", "The United States rejoined the Open Skies Treaty in 2021, officials "
     "said.", [w("open_skies_1992", "USA", "compliance_restored", "2021")]),
    ("ratification-noun", "Russia's ratification of New START in January 2011 completed the "
     "process.", [w("new_start_2010", "RUS", "ratified", "2011-01")]),
    ("signing-ceremony", "The treaty was signed by Presidents Obama and Medvedev in Prague on "
     "April 8, 2010. New START entered into force in February 2011.",
     [w("new_start_2010", "USA;RUS", "signed", "2010-04"),
      w("new_start_2010", "*", "entered_into_force", "2011-02")]),
    ("withdrew-list", "Washington withdrew from the JCPOA in 2018 and from the INF Treaty in "
     "2019.", [w("jcpoa_2015", "USA", "withdrew", "2018"),
               w("inf_1987", "USA", "withdrew", "2019")]),
    ("expired", "The START I treaty expired in December 2009.",
     [w("start1_1991", "*", "expired", "2009-12")]),
    ("left-the-agreement", "Under President Trump, the United States left the Iran nuclear "
     "agreement in May 2018.", [w("jcpoa_2015", "USA", "withdrew", "2018-05")]),
    ("suspended-obligations", "Moscow suspended its obligations under the INF Treaty on March "
     "4, 2019.", [w("inf_1987", "RUS", "suspended", "2019-03")]),
    ("stopped-implementing", "Russia stopped implementing the CFE Treaty in December 2007.",
     [w("cfe_1990", "RUS", "suspended", "2007-12")]),
    ("dprk-quit-quote", '"We are leaving the NPT," a North Korean official said in January '
     '2003.', [w("npt_1968", "PRK", "withdrew", "2003-01")]),
    ("iran-accuses-us", "Iran accuses the United States of violating the JCPOA by reimposing "
     "sanctions.", [w("jcpoa_2015", "USA", "violation_alleged", None, "IRN")]),
    ("china-joins-accusation", "China and Russia said the U.S. withdrawal from the INF Treaty "
     "in 2019 was destabilising.", [w("inf_1987", "USA", "withdrew", "2019")]),
    ("obama-signed", "President Obama signed the New START treaty with Russia in 2010.",
     [w("new_start_2010", "USA;RUS", "signed", "2010")]),
    ("kremlin-deratified", "In November 2023 the Kremlin formally withdrew its ratification of "
     "the CTBT.", [w("ctbt_1996", "RUS", "deratified", "2023-11")]),
]

NON_FACTS_2: list[tuple[str, str]] = [
    ("failed-to-agree", "The two sides failed to agree on extending New START."),
    ("ultimatum", "Washington issued an ultimatum for Russia to return to compliance with the "
     "INF Treaty."),
    ("if-past", "If Russia had withdrawn from the CFE Treaty in 2007, NATO would have "
     "responded."),
    ("calls-grow", "Calls are growing in Congress for a U.S. exit from New START."),
    ("hoped", "European diplomats hoped that Iran would honour the JCPOA."),
    ("denied-any", "Iran has denied any violation of the nuclear deal with Iran."),
    ("accusation-denied-by-accused", "Moscow denied violating the INF Treaty."),
    ("could-lead", "Such tests could lead Russia to abandon the CTBT."),
    ("refrain", "Moscow urged Washington to refrain from leaving the Open Skies Treaty."),
    ("negotiating", "Russia and the United States are negotiating an extension of New START."),
    ("whether-quit", "Analysts debated whether Iran would quit the NPT."),
    ("not-yet", "Russia has not yet withdrawn from the New START treaty."),
    ("intends", "The administration intends to leave the Open Skies Treaty."),
    ("seeks-extension", "Moscow seeks a five-year extension of New START."),
    ("no-longer-bound-if", "Russia would no longer be bound by the INF Treaty if the United "
     "States left."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS_2))
def test_fact_2(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NON_FACTS_2))
def test_never_a_fact_2(text: str) -> None:
    assert_no_fact(text)


def test_dateline_quote_and_anaphora_over_paragraphs() -> None:
    art = Article("probe", "Moscow Exits Surveillance Pact. Example Wire, January 15, 2021.\n\n"
                           "Russia said on Friday it was leaving the Open Skies Treaty, months "
                           "after Washington quit the accord.\n\n"
                           "\"The United States violated the treaty for years,\" the Russian "
                           "Foreign Ministry said in a statement.")
    got = {(c.agreement, frozenset(c.actors), c.type, (c.date or "")[:7], c.alleged_by)
           for c in extract(art) if c.is_fact}
    assert ("open_skies_1992", frozenset({"RUS"}), "withdrew", "2021-01", ()) in got
    assert any(g[1] == frozenset({"USA"}) and g[2] == "withdrew" for g in got)
    assert any(g[1] == frozenset({"USA"}) and g[2] == "violation_alleged" and g[4] == ("RUS",)
               for g in got)

# --- third batch, composed and committed before its first run ----------------------------
FACTS_3: list[tuple[str, str, list[Want]]] = [
    ("essay-notice-took-effect", "In the decade after the Cold War, Washington and Moscow "
     "cooperated closely, but in December 2001 the Bush administration gave notice of its "
     "withdrawal from the ABM Treaty, a move that took effect six months later.",
     [w("abm_1972", "USA", "withdrew", "2001-12")]),
    ("official-compelled", "The Russian side has been compelled to suspend the Treaty on Open "
     "Skies in response to the destructive actions of the United States.",
     [w("open_skies_1992", "RUS", "suspended")]),
    ("chinese-spokesperson", "China firmly opposes the U.S. withdrawal from the INF Treaty, the "
     "Chinese Foreign Ministry spokesperson said on February 2, 2019.",
     [w("inf_1987", "USA", "withdrew")]),
    ("parenthesis-and-relative", "The Intermediate-Range Nuclear Forces (INF) Treaty, which "
     "Ronald Reagan and Mikhail Gorbachev signed in 1987, collapsed when the United States "
     "withdrew in August 2019.", [w("inf_1987", "USA;SUN", "signed", "1987"),
                                  w("inf_1987", "USA", "withdrew", "2019-08")]),
    ("list-of-violations", "The report found that Russia violated the INF Treaty, the Open "
     "Skies Treaty and the CFE Treaty.", [w("inf_1987", "RUS", "violation_alleged"),
                                          w("open_skies_1992", "RUS", "violation_alleged"),
                                          w("cfe_1990", "RUS", "violation_alleged")]),
    ("deployment-violates", "Moscow says the deployment of U.S. missile launchers in Romania "
     "violates the INF Treaty.", [w("inf_1987", "USA", "violation_alleged", None, "RUS")]),
    ("deputy-minister", "Russian Deputy Foreign Minister Sergei Ryabkov said that Washington had "
     "been violating the New START Treaty for years.",
     [w("new_start_2010", "USA", "violation_alleged", None, "RUS")]),
    ("beyond-limits", "Tehran began enriching uranium beyond the limits set by the 2015 nuclear "
     "deal in July 2019.", [w("jcpoa_2015", "IRN", "violation_alleged", "2019-07")]),
    ("announced-withdrawing", "North Korea announced on January 10, 2003, that it was "
     "withdrawing from the NPT.", [w("npt_1968", "PRK", "withdrew", "2003-01")]),
    ("would-suspend-effective", "On February 1, 2019, Secretary of State Mike Pompeo announced "
     "that the United States would suspend its obligations under the INF Treaty effective "
     "February 2.", [w("inf_1987", "USA", "suspended", "2019-02")]),
    ("trilateral-signed", "Ukraine, Russia and the United States signed the Trilateral "
     "Statement in January 1994.",
     [w("trilateral_statement_1994", "UKR;RUS;USA", "signed", "1994-01")]),
    ("when-annexed", "Kyiv says Russia violated the Budapest Memorandum when it annexed Crimea "
     "in 2014.", [w("budapest_memo_1994", "RUS", "violation_alleged", None, "UKR")]),
    ("each-other", "Russia and Ukraine accused each other of violating the Minsk agreements.",
     [w("minsk2_2015", "RUS", "violation_alleged", None, "UKR"),
      w("minsk2_2015", "UKR", "violation_alleged", None, "RUS")]),
    ("returned-to-compliance", "Iran returned to full compliance with the JCPOA in January 2016, "
     "the IAEA certified.", [w("jcpoa_2015", "IRN", "compliance_restored", "2016-01")]),
    ("re-upped-expires", "New START, which was re-upped in 2021, expires in 2026.",
     [w("new_start_2010", "*", "extended", "2021")]),
    ("suspension-by", "Washington called the suspension of New START by Russia legally "
     "invalid.", [w("new_start_2010", "RUS", "suspended")]),
    ("broke-commitments", "Pyongyang broke its commitments under the Agreed Framework in 2002, "
     "U.S. officials said.",
     [w("agreed_framework_1994", "PRK", "violation_alleged", "2002", "USA")]),
    ("junked", "Trump junked the Iran nuclear deal in 2018.",
     [w("jcpoa_2015", "USA", "withdrew", "2018")]),
    ("signed-not-ratified", "China has signed but not ratified the CTBT.",
     [w("ctbt_1996", "CHN", "signed"), w("ctbt_1996", "CHN", "not_ratified")]),
    ("title-joined-agents", "Signed in 1972 by U.S. President Richard Nixon and Soviet leader "
     "Leonid Brezhnev, the ABM Treaty limited missile defences.",
     [w("abm_1972", "USA;SUN", "signed", "1972")]),
    ("elided-passive", "The CFE Treaty was signed in 1990 but not ratified by the U.S. Senate "
     "until 1991.", [w("cfe_1990", "*", "signed", "1990"),
                     w("cfe_1990", "USA", "ratified", "1991")]),
]

NON_FACTS_3: list[tuple[str, str]] = [
    ("if-leaves", "If the United States leaves the Open Skies Treaty, Russia will respond."),
    ("warned-any", "Moscow warned that any U.S. withdrawal from New START would trigger an arms "
     "race."),
    ("demands-that", "The United States demands that Russia return to compliance with the INF "
     "Treaty."),
    ("threatened-repeatedly", "Tehran has threatened repeatedly to exit the NPT."),
    ("would-never", "Russia would never violate the New START treaty, Lavrov insisted."),
    ("suggested-might", "A senior official suggested that the U.S. might rejoin the Open Skies "
     "Treaty."),
    ("should-talks-fail", "Should talks fail, Iran may leave the NPT."),
    ("must-comply", "Pompeo said Iran must comply with the JCPOA."),
    ("asked-whether", "Experts asked whether Russia was violating the INF Treaty."),
    ("had-no-plans", "The Kremlin said it had no plans to withdraw from New START."),
    ("expected-announce", "Moscow is expected to announce its withdrawal from the CFE Treaty "
     "next week."),
    ("resolution-calls-on", "The resolution calls on Iran to abide by its commitments under the "
     "JCPOA."),
    ("yet-to-agree", "Washington and Moscow have yet to agree on extending New START."),
    ("not-violating-said", "Russia is not violating the INF Treaty, Putin said."),
    ("would-require", "Any extension of New START would require Senate approval."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS_3))
def test_fact_3(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NON_FACTS_3))
def test_never_a_fact_3(text: str) -> None:
    assert_no_fact(text)


# --- written after the fixes they test (not first-run measurements) ------------------------
FIXES: list[tuple[str, str, list[Want]]] = [
    ("connective-it", "The State Department stressed that Russia's suspension of New START is "
     "invalid, and therefore it is violating the treaty.",
     [w("new_start_2010", "RUS", "suspended"),
      w("new_start_2010", "RUS", "violation_alleged", None, "USA")]),
    ("cataphoric-when-it", "When it left the INF Treaty in 2019, the Trump administration "
     "blamed Moscow.", [w("inf_1987", "USA", "withdrew", "2019")]),
    ("later-from-own-year", "The CFE Treaty was signed in November 1990, but not fully ratified "
     "until two years later.", [w("cfe_1990", "*", "signed", "1990-11"),
                                w("cfe_1990", "*", "ratified", "1992")]),
    ("followed-suit", "The United States left the Open Skies Treaty in 2020. Russia followed "
     "suit in 2021.", [w("open_skies_1992", "USA", "withdrew", "2020"),
                       w("open_skies_1992", "RUS", "withdrew", "2021")]),
    ("pulled-x-out-of", "In 2018 Trump pulled the United States out of the JCPOA.",
     [w("jcpoa_2015", "USA", "withdrew", "2018")]),
    ("which-actor-and-coordinated", "Pressure grew on Israel, which signed the CTBT in 1996 but "
     "has never ratified it.", [w("ctbt_1996", "ISR", "signed", "1996"),
                                w("ctbt_1996", "ISR", "not_ratified")]),
    ("reduced-relative-parties", "The Chemical Weapons Convention, signed in Paris in 1993, "
     "bans chemical arms.", [w("cwc_1993", "*", "signed", "1993")]),
    ("months-after-it", "Washington left the INF Treaty in August 2019, six months after it "
     "suspended its obligations.", [w("inf_1987", "USA", "withdrew", "2019-08"),
                                    w("inf_1987", "USA", "suspended", "2019-02")]),
    ("until-dotted", "The treaty was signed in 1972 and the ABM Treaty was not ratified by the "
     "U.S. Senate until August 1972.", [w("abm_1972", "*", "signed", "1972"),
                                        w("abm_1972", "USA", "ratified", "1972-08")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FIXES))
def test_fixed(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


# --- fourth batch: precision traps (no treaty act, or not the act it looks like), composed and
# committed before its first run ------------------------------------------------------------
NO_EVENT: list[tuple[str, str]] = [
    ("banned-missiles", "The INF Treaty banned ground-launched missiles with ranges of 500 to "
     "5,500 kilometres."),
    ("troops-withdrawal", "Russia withdrew its troops from the border region after the CFE "
     "Treaty talks."),
    ("gas-deal", "Russia signed a gas deal with China in 2014."),
    ("human-rights", "Iran was accused of human rights violations by the United Nations."),
    ("signed-law", "Putin signed a law on Tuesday on military service; the New START treaty "
     "was not mentioned."),
    ("ambassador-left", "The U.S. ambassador left Moscow in 2019."),
    ("extended-sanctions", "The EU extended sanctions on Russia for six months."),
    ("visa-suspended", "Russia suspended visa-free travel for Ukrainians."),
    ("ratified-budget", "The Duma ratified the federal budget in November 2023."),
    ("talks-exit", "Iran's delegation made an early exit from the talks in Vienna."),
    ("expired-visas", "Many visas expired in 2020."),
    ("history-sentence", "The Open Skies Treaty permits unarmed aerial surveillance flights over "
     "the territory of its parties."),
    ("breach-security", "A security breach at the embassy was reported in 2019."),
]

NO_EVENT += [
    ("generic-requires-notice", "Withdrawal from the INF Treaty requires six months' notice "
     "under Article XV."),
    ("generic-may-withdraw", "A party may withdraw from the NPT if extraordinary events "
     "jeopardize its supreme interests."),
    ("ratification-requires", "Ratification of the CTBT requires a two-thirds vote in the "
     "Senate."),
    ("obliges-not-to", "The Open Skies Treaty obliges the parties not to violate each other's "
     "airspace."),
    ("inspections-per-year", "Under the New START treaty, each side may conduct 18 inspections a "
     "year."),
    ("discuss-jcpoa", "Iran's foreign minister met European officials to discuss the JCPOA."),
    ("negotiated-six-years", "The INF Treaty, which banned intermediate-range missiles, was "
     "negotiated over six years."),
    ("procedure-present", "Under the treaty, a state that withdraws from the NPT must give three "
     "months' notice to the Security Council."),
]


@pytest.mark.parametrize("text", text_params(NO_EVENT))
def test_no_treaty_act(text: str) -> None:
    assert_no_fact(text)
