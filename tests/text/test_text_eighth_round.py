"""Eighth round (issue 14): the ninth blind set's misses (read after its first run) and those
left on the eighth and earlier sets, fixed by general mechanisms and tested on sentences
composed for these tests (not taken from the gold texts), several phrasings per mechanism, with
precision traps beside them (negated, hypothetical, denied or earlier acts must stay out).

Mechanisms: a failure to *keep* or *uphold* a promise or commitment is an alleged violation
(and keeping / upholding one is observance); "nullify" ends an agreement like "annul"; the
passive of conclusion with the agreement as subject, in a main clause or a relative ("the
ceasefire was reached on ...", "a ceasefire that was agreed by ...", "the treaty, which was
concluded in ..."); "made an agreement with" a partner; an attack dated after the ceasefire an
article is about (and only that one) is its breach; a consent or pledge ("has agreed to",
"pledged to") with no agreement named concludes the record's one agreement of its single
subject concluded in the act's month.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, facts, text_params, w


def dated(dateline: str, body: str) -> str:
    """An article: a headline with its dateline, then the body."""
    return f"Example headline. Example Wire, {dateline}.\n\n{body}"


FACTS: list[tuple[str, str, list[Want]]] = [
    # --- a failure to keep / uphold a promise is an alleged violation -------------------------
    ("failed-to-keep-pledge", "Russia has failed to keep its pledge under the INF Treaty, NATO "
     "said on March 1, 2019.",
     [w("inf_1987", "RUS", "violation_alleged", "2019-03")]),
    ("failing-to-keep-commitments", "The State Department accused Russia of failing to keep its "
     "commitments under the INF Treaty on March 5, 2019.",
     [w("inf_1987", "RUS", "violation_alleged", "2019-03")]),
    ("failed-to-uphold", "Washington said Iran had failed to uphold its obligations under the "
     "JCPOA.",
     [w("jcpoa_2015", "IRN", "violation_alleged")]),
    ("upheld-obligations", "Russia upheld its obligations under New START in 2021, the State "
     "Department said.",
     [w("new_start_2010", "RUS", "kept", "2021")]),
    ("kept-pledges", "North Korea kept its pledges under the Agreed Framework until 2002.",
     [w("agreed_framework_1994", "PRK", "kept")]),
    # --- "nullify" ends an agreement -----------------------------------------------------------
    ("nullified", "The US nullified the Agreed Framework in 2002.",
     [w("agreed_framework_1994", "USA", "withdrew", "2002")]),
    ("said-it-nullified", "North Korea said on November 23, 2023 that it nullified the "
     "Comprehensive Military Agreement.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    # --- the passive of conclusion, the agreement as subject -----------------------------------
    ("was-reached", "The Sochi agreement was reached in September 2018.",
     [w("sochi_idlib_2018", "*", "signed", "2018-09")]),
    ("was-struck", "The Sochi agreement was struck in 2018.",
     [w("sochi_idlib_2018", "*", "signed", "2018")]),
    ("that-was-reached", "Armenia and Azerbaijan kept the ceasefire that was reached on "
     "November 10, 2020 in Moscow.",
     [w("nk_trilateral_2020", "*", "signed", "2020-11"),
      w("nk_trilateral_2020", "ARM;AZE", "kept")]),
    ("which-was-concluded", "The New START treaty, which was concluded in April 2010, limits "
     "warheads.",
     [w("new_start_2010", "*", "signed", "2010-04")]),
    ("which-was-concluded-minsk", "The Minsk II agreement, which was concluded in February "
     "2015, collapsed.",
     [w("minsk2_2015", "*", "signed", "2015-02")]),
    # --- made an agreement with a partner ------------------------------------------------------
    ("made-the-agreement-with", "Turkey made the Sochi agreement with Russia in September 2018.",
     [w("sochi_idlib_2018", "TUR;RUS", "signed", "2018-09")]),
    ("made-an-agreement-with", "The Sochi agreement was struck in 2018. Turkey made an agreement "
     "with Russia in Sochi in September 2018.",
     [w("sochi_idlib_2018", "*", "signed", "2018"),
      w("sochi_idlib_2018", "TUR;RUS", "signed", "2018-09")]),
    # --- an attack after the ceasefire the article is about is its breach ----------------------
    ("attacked-after-ceasefire", dated("December 13, 2020", "Armenia and Azerbaijan signed a "
                                       "ceasefire on November 9, 2020. Armenian servicemen "
                                       "attacked Azerbaijani troops in Hadrut on December 11, "
                                       "the ministry said."),
     [w("nk_trilateral_2020", "ARM;AZE", "signed", "2020-11"),
      w("nk_trilateral_2020", "ARM", "violation_alleged", "2020-12")]),
    ("shelled-after-ceasefire", dated("March 3, 2021", "Armenia and Azerbaijan signed a ceasefire "
                                      "on November 9, 2020. Azerbaijani troops shelled an "
                                      "Armenian village on February 27, 2021, Yerevan said."),
     [w("nk_trilateral_2020", "ARM;AZE", "signed", "2020-11"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", "2021-02")]),
    ("struck-day-after-effect", dated("November 29, 2024", "The Israel-Hezbollah ceasefire took "
                                      "effect on Wednesday. On Thursday, Israeli jets struck a "
                                      "depot in southern Lebanon."),
     [w("israel_lebanon_ceasefire_2024", "*", "entered_into_force", "2024-11"),
      w("israel_lebanon_ceasefire_2024", "ISR", "violation_alleged", "2024-11")]),
    ("attack-by-and-attacks-from", dated("December 13, 2020", "Armenia and Azerbaijan signed a "
                                         "ceasefire on November 9, 2020. Three soldiers were "
                                         "wounded in an attack by Azerbaijani forces on December "
                                         "12, the army said. The Armenian army also reported "
                                         "attacks from Azerbaijan on December 12."),
     [w("nk_trilateral_2020", "ARM;AZE", "signed", "2020-11"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", "2020-12"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", "2020-12")]),
    # --- a unilateral consent or pledge with no agreement named --------------------------------
    ("has-agreed-to-dateline", dated("December 20, 2003", "Officials say Libya has agreed to give "
                                     "up its banned weapons programs."),
     [w("libya_wmd_2003", "LBY", "signed", "2003-12")]),
    ("agreed-on-date", dated("December 20, 2003", "Libya agreed on December 19, 2003 to destroy "
                             "all of its chemical weapons."),
     [w("libya_wmd_2003", "LBY", "signed", "2003-12")]),
]

NO_FACT: list[tuple[str, str]] = [
    # obligation urged, not kept
    ("must-keep", "Russia must keep its commitments under New START, Washington said."),
    ("will-not-uphold", "Iran will not uphold the JCPOA unless sanctions are lifted."),
    # a nullification threatened or hypothetical
    ("might-nullify", "The United States might nullify the Agreed Framework."),
    ("threatened-to-nullify", "Pyongyang threatened to nullify the Comprehensive Military "
     "Agreement."),
    ("nullified-election", "The court nullified the election results."),
    # a conclusion denied, outlined or wished
    ("no-ceasefire-reached", "No ceasefire was reached between Armenia and Azerbaijan on November "
     "5, 2020."),
    ("reached-in-principle", "A deal was reached in principle on the JCPOA in April 2015."),
    ("wants-to-make", "Turkey wants to make an agreement with Russia on Idlib."),
    ("refused-to-make", "Turkey refused to make an agreement with Russia on Idlib."),
    ("might-make", "Russia and Turkey might make a deal with Iran on Idlib soon."),
    # a pledge that is not one: negated, modal, joint (a joint one is named), background
    ("might-agree", dated("December 20, 2003", "Libya might agree to give up its banned weapons "
                          "programs.")),
    ("has-not-agreed", dated("December 20, 2003", "Libya has not agreed to give up its banned "
                             "weapons programs.")),
    ("joint-consent", dated("December 20, 2003", "Libya and Britain have agreed to give up their "
                            "banned weapons programs.")),
    ("background-consent", dated("August 2, 2019", "NATO agreed to accept the deployment of "
                                 "new missiles in Europe.")),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text)


# an attack on or before the day of the ceasefire, or one not asserted, is no breach of it
CEASEFIRE_TRAPS: list[tuple[str, str]] = [
    ("attack-before-ceasefire", "Armenia and Azerbaijan signed a ceasefire on November 9, 2020. "
     "Azerbaijani troops shelled an Armenian village on October 2, 2020."),
    ("attack-hedged", "Armenia and Azerbaijan signed a ceasefire on November 9, 2020. "
     "Azerbaijani troops may have shelled an Armenian village on February 27, 2021."),
    ("attack-denied", "Armenia and Azerbaijan signed a ceasefire on November 9, 2020. Azerbaijan "
     "denied that its troops shelled an Armenian village on February 27, 2021."),
    ("attack-negated", "Armenia and Azerbaijan signed a ceasefire on November 9, 2020. "
     "Azerbaijani troops did not attack the village on February 27, 2021."),
    # the article's agreement is no ceasefire: an attack is not its breach
    ("not-a-ceasefire", "New START was extended on February 3, 2021. Russian jets bombed a market "
     "in Idlib on February 27, 2021."),
    # the attack told in a time clause before the ceasefire ("hours after ... had shelled")
    ("attack-in-time-clause", "The Israel-Hezbollah ceasefire was announced, hours after Israeli "
     "jets had shelled Beirut."),
]


@pytest.mark.parametrize("text", text_params(CEASEFIRE_TRAPS))
def test_attack_that_is_no_breach(text: str) -> None:
    got = [c for c in facts(dated("March 3, 2021", text)) if c.type == "violation_alleged"]
    assert not got, got


def test_undated_attack_needs_a_later_month() -> None:
    # an undated attack in an article of the ceasefire's own month cannot be placed after it;
    # one in an article dated the month after can
    body = ("The Armenia-Azerbaijan ceasefire of November 9, 2020 held for weeks. The Armenian "
            "army reported attacks from Azerbaijan against two villages.")
    same = [c for c in facts(dated("November 2020", body)) if c.type == "violation_alleged"]
    later = [c for c in facts(dated("December 2020", body)) if c.type == "violation_alleged"]
    assert not same, same
    assert [(c.agreement, c.actors) for c in later] == [("nk_trilateral_2020", ("AZE",))], later


def test_attack_by_a_state_outside_the_ceasefire_is_no_breach() -> None:
    # the attacker must be a party to the ceasefire (or an armed group): Turkey is not a party
    # to the Armenia-Azerbaijan ceasefire of November 2020
    text = dated("March 3, 2021", "Armenia and Azerbaijan signed a ceasefire on November 9, "
                 "2020. Turkish jets bombed a village in northern Iraq on February 27, 2021.")
    got = [c for c in facts(text) if c.type == "violation_alleged"]
    assert not got, got
    # the same sentence with a party as the attacker is a breach
    party = text.replace("Turkish jets bombed a village in northern Iraq",
                         "Azerbaijani jets bombed a village in Karabakh")
    got = [c for c in facts(party) if c.type == "violation_alleged"]
    assert [(c.agreement, c.actors) for c in got] == [("nk_trilateral_2020", ("AZE",))], got
