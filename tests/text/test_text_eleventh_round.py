"""Eleventh round (issue 14): mechanisms found by tabulating the misses and false facts of every
read blind group by cause, tested on sentences composed for these tests (not taken from the gold
texts), each with the negated or hypothetical form that must not become a fact.

Mechanisms: an admission (a reporting verb whose subject is the pronoun's antecedent: "Iran
announced that it had exceeded ...") is the actor's own account of a violation, not an
accusation by the actor against itself; a *limitation* or *restriction* is a limit that can be
exceeded; a failure to keep an agreement or an undertaking ("failed to live up to their
commitment", "failing to uphold its pledge", "failed to keep its promise") is its breach, as
"failed to comply" is; actors joined through a title not in the old list ("North Korean
dictator Kim", "German chancellor Merkel", "Saudi national security adviser") are one list, and
"the two men", "both leaders", "the two delegations" stand for the two actors named before, as
"both sides" does; accused taken one by one ("accused both Israel and Iran of violating",
"Iran and Israel have both violated") give one violation each, as "accused Iran and Israel of
both violating" did, while a plain list ("accused separatist fighters and Russian forces of")
stays one act; a description of an armed party between "and the" and its name ("the
Lebanon-based armed group Hezbollah", "the Palestinian militant group Hamas") keeps the list
joined, and a place in a "-based" compound is no actor; the states after "the leaders /
foreign ministers / delegations of" are the subject ("The leaders of Ukraine, Germany, France
and Russia reached an agreement"); a capitalised word after "left the" or "abandoned" that
names a place's country ("leaving the Georgian town of Gori", "an abandoned Georgian depot") is
no agreement left or abandoned; a relative's passive of conclusion ("breaching a ceasefire that
was agreed by the two sides") is a signing, by the two sides named before the relative (the
relative "that" after a treaty noun is no complementiser cutting them off); an agreement
*reached* or *sealed*, named or definite ("reached the ceasefire understanding", "hours after
reaching the U.S.-brokered deal", "sealed the Black Sea Grain Initiative"), is concluded (and a
gerund "weeks / months after" a date is not of that date); an effort in progress to keep an
agreement ("is trying to honor", ", trying to honor") is its observance, while a future, modal,
negated or past attempt is not; a first line whose source says it has no date ("Famous Daily
(history blog), undated.") is a header, as one ending in a date is: its headline is no claim;
an official's title "of" a state ("Ali Shamkhani, the secretary of Iran's Supreme National
Security Council and Saudi adviser ..., signed") makes the state a subject, and a curly
possessive joins a list as a straight one does; "moving / going / pressing ahead to" is an
implicative head as "moved to" and "decided to" are (a reported "was moving ahead to" under a
dateline is of its month); "the North" and "the South", in an article that names North Korea,
are the two Koreas (not "the North Atlantic Treaty", "the South China Sea"); a pronoun opening a
sentence (or a quotation) right after a sentence with no act is that sentence's subject ("The
North confirmed the suspicions. 'They are in material breach of ...,' a spokesman said").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- an admission: the reporter is the actor ---------------------------------------------
    ("announced-it-exceeded", "Tehran announced in July 2019 that it had exceeded the "
     "restrictions of the JCPOA on stored uranium.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019-07")]),
    ("admitted-it-was-exceeding", "In 2019 Iran admitted that it was exceeding a key limitation "
     "of the Joint Comprehensive Plan of Action.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019")]),
    ("said-it-breached", "Pyongyang said in 2002 that it had breached the Agreed Framework.",
     [w("agreed_framework_1994", "PRK", "violation_alleged", "2002")]),
    # control: an accusation by another reporter keeps its alleger
    ("other-reporter", "Washington said in 2019 that Iran had exceeded a limitation of the "
     "JCPOA.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019", by="USA")]),
]

FACTS += [
    # --- a failure to keep --------------------------------------------------------------------
    ("failed-to-live-up-to", "Iran said in July 2004 that Britain, France and Germany had failed "
     "to live up to their commitments under the Tehran Declaration.",
     [w("tehran_declaration_2003", "GBR;FRA;DEU", "violation_alleged", "2004-07", by="IRN")]),
    ("failing-to-uphold", "The United States signed the Algiers Accords in 1981. Iran accused "
     "the United States in 2018 of failing to uphold its pledge under the Algiers Accords.",
     [w("algiers_accords_1981", "USA", "signed", "1981"),
      w("algiers_accords_1981", "USA", "violation_alleged", "2018", by="IRN")]),
    ("failed-to-keep-its-promise", "Russia failed to keep its promise under the Minsk II "
     "agreement in 2016, Ukraine said.",
     [w("minsk2_2015", "RUS", "violation_alleged", "2016", by="UKR")]),
]

FACTS += [
    # --- titles in a list of signers; the people who act for two sides ----------------------
    ("dictator-title", "President Trump and North Korean dictator Kim Jong Un signed the "
     "Singapore statement in June 2018.",
     [w("singapore_2018", "USA;PRK", "signed", "2018-06")]),
    ("chancellor-title", "Russian President Putin and German chancellor Merkel signed the Minsk "
     "II agreement in February 2015.",
     [w("minsk2_2015", "RUS;DEU", "signed", "2015-02")]),
    ("the-two-men", "President Trump and North Korean leader Kim Jong Un met in Singapore in "
     "June 2018. The two men signed the Singapore statement on June 12, 2018.",
     [w("singapore_2018", "USA;PRK", "signed", "2018-06")]),
    ("both-leaders", "Vladimir Putin and Petro Poroshenko met in February 2015. Both "
     "leaders signed the Minsk II agreement on February 12, 2015.",
     [w("minsk2_2015", "RUS;UKR", "signed", "2015-02")]),
]

FACTS += [
    # --- distributive "both" ----------------------------------------------------------------
    ("accused-both-x-and-y", "In June 2025 Trump accused both Israel and Iran of violating the "
     "Iran-Israel ceasefire.",
     [w("iran_israel_ceasefire_2025", "ISR", "violation_alleged", "2025-06", by="USA"),
      w("iran_israel_ceasefire_2025", "IRN", "violation_alleged", "2025-06", by="USA")]),
    ("x-and-y-have-both", "Armenia and Azerbaijan have both violated the Karabakh ceasefire "
     "agreement, Russia said in December 2020.",
     [w("nk_trilateral_2020", "ARM", "violation_alleged", "2020-12", by="RUS"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", "2020-12", by="RUS")]),
    # control: a plain list of accused stays one act
    ("plain-list-one-act", "The US accused separatist fighters and Russian forces of violating "
     "the Minsk II agreement in February 2015.",
     [w("minsk2_2015", "DPR;LPR;RUS", "violation_alleged", "2015-02", by="USA")]),
]

FACTS += [
    # --- a described armed party in a list ------------------------------------------------------
    ("based-armed-group", "Israel and Hezbollah agreed to the Israel-Lebanon ceasefire in "
     "November 2024. Israel and the Lebanon-based armed group Hezbollah have accused each other "
     "of breaching the ceasefire.",
     [w("israel_lebanon_ceasefire_2024", "ISR;HEZBOLLAH", "signed", "2024-11"),
      w("israel_lebanon_ceasefire_2024", "ISR", "violation_alleged", by="HEZBOLLAH"),
      w("israel_lebanon_ceasefire_2024", "HEZBOLLAH", "violation_alleged", by="ISR")]),
    ("militant-group-signed", "Israel and the Lebanese militant group Hezbollah agreed to the "
     "Israel-Lebanon ceasefire in November 2024.",
     [w("israel_lebanon_ceasefire_2024", "ISR;HEZBOLLAH", "signed", "2024-11")]),
]

FACTS += [
    # --- the people who act for states, before the states' names ----------------------------
    ("leaders-of-list", "The leaders of Ukraine, Germany, France and Russia signed the Minsk II "
     "agreement on February 12, 2015.",
     [w("minsk2_2015", "UKR;DEU;FRA;RUS", "signed", "2015-02")]),
    ("foreign-ministers-of", "The foreign ministers of Armenia and Azerbaijan signed the "
     "Karabakh ceasefire agreement in November 2020.",
     [w("nk_trilateral_2020", "ARM;AZE", "signed", "2020-11")]),
    # control: a state after another preposition is still no subject
    ("visit-to-not-subject", "After a visit to Ukraine, Russia violated the Minsk II agreement "
     "in 2016, Kyiv said.",
     [w("minsk2_2015", "RUS", "violation_alleged", "2016", by="UKR")]),
]

FACTS += [
    # --- controls: an agreement left or abandoned by name -----------------------------------
    ("left-the-npt", "North Korea left the NPT in 2003.",
     [w("npt_1968", "PRK", "withdrew", "2003")]),
    ("abandoned-inf-name", "The United States abandoned INF in 2019.",
     [w("inf_1987", "USA", "withdrew", "2019")]),
]

FACTS += [
    # --- a relative's passive of conclusion ---------------------------------------------------
    ("relative-agreed-by-two-sides", "In November 2024 Israel and the militant group Hezbollah "
     "accused each other of breaching the Israel-Lebanon ceasefire that was agreed by the two "
     "sides.",
     [w("israel_lebanon_ceasefire_2024", "ISR", "violation_alleged", "2024-11", by="HEZBOLLAH"),
      w("israel_lebanon_ceasefire_2024", "HEZBOLLAH", "violation_alleged", "2024-11", by="ISR"),
      w("israel_lebanon_ceasefire_2024", "ISR;HEZBOLLAH", "signed", "2024-11")]),
    ("relative-which-was-reached", "Armenia and Azerbaijan observed the Karabakh ceasefire "
     "agreement, which was reached by the two sides in November 2020.",
     [w("nk_trilateral_2020", "ARM;AZE", "kept", "2020-11"),
      w("nk_trilateral_2020", "ARM;AZE", "signed", "2020-11")]),
]

FACTS += [
    # --- an agreement reached or sealed ------------------------------------------------------
    ("reached-the-understanding", "India and Pakistan reached the India-Pakistan ceasefire "
     "understanding on May 10, 2025.",
     [w("india_pak_understanding_2025", "IND;PAK", "signed", "2025-05")]),
    ("sealed-the-initiative", "Russia and Ukraine sealed the Black Sea Grain Initiative in July "
     "2022.",
     [w("bsgi_2022", "RUS;UKR", "signed", "2022-07")]),
    ("after-reaching-brokered-deal", "Russia and Ukraine sealed the Black Sea Grain Initiative "
     "in July 2022. Both sides accused each other of stalling ships in August 2022, weeks after "
     "reaching the U.N.-brokered deal.",
     [w("bsgi_2022", "RUS;UKR", "signed", "2022-07"),
      w("bsgi_2022", "RUS;UKR", "signed")]),
]

FACTS += [
    # --- an effort in progress to keep an agreement ------------------------------------------
    ("participle-trying-to-honor", "Turkey, trying to honor the Sochi agreement in February "
     "2020, urged restraint.",
     [w("sochi_idlib_2018", "TUR", "kept", "2020-02")]),
    ("is-working-to-abide", "In 2020 Ukraine is working to abide by the Minsk II "
     "agreement, Zelensky said.",
     [w("minsk2_2015", "UKR", "kept", "2020")]),
]

FACTS += [
    # --- the body's act under an undated header is still found --------------------------------
    ("undated-header-body", "North Korea announces withdrawal from Nuclear Nonproliferation "
     "Treaty. Example History Blog, undated.\n\nOn March 12, 1993, North Korea announced its "
     "withdrawal from the NPT.",
     [w("npt_1968", "PRK", "withdrew", "1993-03")]),
]

FACTS += [
    # --- an official "of" a state ----------------------------------------------------------
    ("secretary-of-possessive-list", "Hossein Tehrani, the secretary of Iran’s Defence Council "
     "and Saudi adviser Faisal Omar, signed an agreement in Beijing with China in March 2023.",
     [w("iran_saudi_beijing_2023", "IRN;SAU;CHN", "signed", "2023-03")]),
    ("minister-of-subject", "The foreign minister of Armenia signed the Karabakh ceasefire "
     "agreement in November 2020.",
     [w("nk_trilateral_2020", "ARM", "signed", "2020-11")]),
    ("ambassador-of-subject", "The ambassador of Russia said in 2019 that the United States had "
     "violated the INF Treaty.",
     [w("inf_1987", "USA", "violation_alleged", "2019", by="RUS")]),
]

FACTS += [
    # an effort in progress under a dateline is of the dateline's month
    ("trying-under-dateline", "Turkey urges restraint. Example Wire, 23 February 2020.\n\n"
     "Turkey, trying to honor the Sochi agreement, urged all sides to keep calm, an official "
     "said.",
     [w("sochi_idlib_2018", "TUR", "kept", "2020-02")]),
]

FACTS += [
    # --- going ahead ---------------------------------------------------------------------------
    ("moving-ahead-to-suspend", "South Korea and North Korea signed the inter-Korean military "
     "agreement in 2018. In November 2023 the South Korean government was moving ahead to "
     "suspend part of the inter-Korean military agreement.",
     [w("inter_korean_cma_2018", "PRK;KOR", "signed", "2018"),
      w("inter_korean_cma_2018", "KOR", "suspended", "2023-11")]),
    ("went-ahead-to-withdraw", "In 2019 the United States went ahead to withdraw from the INF "
     "Treaty.",
     [w("inf_1987", "USA", "withdrew", "2019")]),
    ("moving-ahead-under-dateline", "Seoul acts on the pact. Example Wire, November 22, 2023.\n\n"
     "South Korea and North Korea signed the inter-Korean military agreement in 2018. Seoul’s "
     "prime minister said in televised remarks the government was moving ahead to suspend part "
     "of the inter-Korean military agreement.",
     [w("inter_korean_cma_2018", "PRK;KOR", "signed", "2018"),
      w("inter_korean_cma_2018", "KOR", "suspended", "2023-11")]),
]

FACTS += [
    # --- the two Koreas by their halves ------------------------------------------------------
    ("the-north-admitted", "North Korea signed the Agreed Framework in 1994. In 2002 the North "
     "admitted that it had violated the Agreed Framework.",
     [w("agreed_framework_1994", "PRK", "signed", "1994"),
      w("agreed_framework_1994", "PRK", "violation_alleged", "2002")]),
    ("the-south-suspended", "South Korea and North Korea signed the inter-Korean military "
     "agreement in 2018. In November 2023 the South suspended part of the inter-Korean military "
     "agreement.",
     [w("inter_korean_cma_2018", "KOR;PRK", "signed", "2018"),
      w("inter_korean_cma_2018", "KOR", "suspended", "2023-11")]),
    # control: "the North Atlantic ..." is no Korea
    ("north-atlantic-not-korea", "North Korea signed the Agreed Framework in 1994. The North "
     "Atlantic allies said in 2002 that North Korea had violated the Agreed Framework.",
     [w("agreed_framework_1994", "PRK", "signed", "1994"),
      w("agreed_framework_1994", "PRK", "violation_alleged", "2002")]),
]

FACTS += [
    # --- a pronoun after a sentence with no act --------------------------------------------
    ("quoted-they-after-subject", "North Korea signed the Agreed Framework in 1994.\n\nThe North "
     "confirmed the suspicions in October 2002. \"They are in material breach of the Agreed "
     "Framework,\" a White House spokesman said.",
     [w("agreed_framework_1994", "PRK", "signed", "1994"),
      w("agreed_framework_1994", "PRK", "violation_alleged", by="USA")]),
    ("it-after-subject", "The United States signed the JCPOA in 2015.\n\nIran met the "
     "inspectors in July 2019. It is in breach of the JCPOA, the State Department said.",
     [w("jcpoa_2015", "USA", "signed", "2015"),
      w("jcpoa_2015", "IRN", "violation_alleged", by="USA")]),
]

NO_FACT: list[tuple[str, str]] = [
    ("quoted-they-denied", "North Korea is in the news.\n\nThe North received the envoys in "
     "October 2002. \"They are not in breach of the Agreed Framework,\" a spokesman said."),
    ("the-north-denied", "North Korea is in the news again. In 2002 the North denied that it "
     "had violated the NPT."),
    ("the-south-without-korea", "In 2023 the South suspended part of the energy moratorium, "
     "the statement said."),
    ("might-move-ahead", "In November 2023 South Korea said it might move ahead to suspend part "
     "of the inter-Korean military agreement with North Korea."),
    ("did-not-go-ahead", "In 2019 the United States did not go ahead to withdraw from the INF "
     "Treaty."),
    ("minister-of-refused", "The foreign minister of Armenia refused to sign the Karabakh "
     "ceasefire agreement in November 2020."),
    ("undated-header-only", "Iran quits nuclear deal. Example Wire, undated.\n\nThe story is "
     "told below without dates."),
    ("will-try-to-honor", "Turkey will try to honor the Sochi agreement in 2020."),
    ("not-trying-to-honor", "Turkey is not trying to honor the Sochi agreement, Russia said in "
     "2020."),
    ("would-be-trying", "Turkey said in 2020 that it would be trying to honor the Sochi "
     "agreement."),
    ("tried-to-honor", "Turkey tried to honor the Sochi agreement in 2020."),
    ("hope-to-reach", "Russia and Ukraine hope to reach the Black Sea Grain Initiative deal."),
    ("failed-to-reach", "Russia and Ukraine failed to reach the Black Sea Grain Initiative deal "
     "in 2022."),
    ("reached-the-limits", "Russia reached the limits of the Black Sea Grain Initiative in "
     "2023."),
    ("reached-the-end", "In 2023 the parties reached the end of the Black Sea Grain Initiative "
     "talks without a new deal."),
    ("relative-would-be-agreed", "Israel and Hezbollah discussed the Israel-Lebanon ceasefire "
     "that would be agreed by the two sides in November 2024."),
    ("relative-was-not-agreed", "Israel and Hezbollah discussed the Israel-Lebanon ceasefire, "
     "which was not agreed by the two sides in 2023."),
    # a place left or abandoned, under an agreement named before
    ("leaving-georgian-town", "Russian tanks were seen leaving the Georgian town of Gori in "
     "August 2008 under the six-point ceasefire plan."),
    ("abandoned-georgian-depot", "Russian troops secured an abandoned Georgian ammunition depot "
     "in August 2008, days after the six-point ceasefire plan."),
    ("left-the-syrian-city", "Russian forces left the Syrian city of Palmyra in 2016, a year "
     "after the Syria air safety memorandum."),
    ("ministers-of-refused", "The foreign ministers of Armenia and Azerbaijan refused to sign "
     "the Karabakh ceasefire agreement in November 2020."),
    ("leaders-of-may-sign", "The leaders of Ukraine and Russia may sign the Minsk II agreement "
     "next week."),
    ("armed-group-deny", "Israel and the Lebanon-based armed group Hezbollah denied in "
     "November 2024 that they had breached the Israel-Lebanon ceasefire."),
    # both accused, but denied or threatened
    ("both-have-not-violated", "Armenia and Azerbaijan have both not violated the Karabakh "
     "ceasefire agreement, Russia said in December 2020."),
    ("would-accuse-both", "Trump said in June 2025 he would accuse both Israel and Iran of "
     "violating the Iran-Israel ceasefire if strikes continued."),
    # the two men's act refused or hoped for
    ("two-men-did-not-sign", "President Trump and North Korean leader Kim Jong Un met in "
     "Singapore in June 2018. The two men did not sign the Singapore statement."),
    ("both-leaders-hope", "Vladimir Putin and Petro Poroshenko met in February 2015. "
     "Both leaders hope to sign the Minsk II agreement."),
    ("dictator-would-sign", "President Trump said in 2018 that North Korean dictator Kim Jong Un "
     "would sign the Singapore statement if sanctions were lifted."),
    # a failure denied, feared or of something else
    ("not-failed-to-live-up", "Russia has not failed to live up to the INF Treaty, Lavrov said "
     "in 2018."),
    ("might-fail-to-uphold", "Iran said in 2018 that the United States might fail to uphold the "
     "Algiers Accords."),
    ("if-they-fail-to-keep", "If the parties fail to keep the Minsk II agreement, sanctions will "
     "follow."),
    ("failed-to-keep-pace", "Russia failed to keep up with the talks on the INF Treaty in "
     "2018."),
    # the admission denied, conditional or threatened
    ("announced-not-exceeded", "Iran announced in 2019 that it had not exceeded any limitation "
     "of the JCPOA."),
    ("said-would-exceed-if", "Iran said in 2019 that it would exceed the restrictions of the "
     "JCPOA if sanctions stayed."),
    ("threatened-to-exceed", "Iran said in 2019 that it threatened to exceed a limitation of "
     "the JCPOA."),
    # a limitation of something else
    ("speed-restrictions", "Traffic exceeded the speed restrictions of the city in 2019."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text)


def test_weeks_after_is_not_the_main_clause_date() -> None:
    from _text_cases import facts
    got = [c for c in facts("Russia and Ukraine sealed the Black Sea Grain Initiative in July "
                            "2022. Both sides accused each other of stalling ships in August "
                            "2022, weeks after reaching the U.N.-brokered deal.")
           if c.trigger == "reaching"]
    assert got and not (got[0].date or "").startswith("2022-08"), got
