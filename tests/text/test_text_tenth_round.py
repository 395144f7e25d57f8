"""Tenth round (issue 14): the eleventh blind set's errors read, fixed by general mechanisms
tested on sentences composed for these tests (not taken from the gold texts), with precision
traps beside them (acts argued for, deliberated on or merely allowed must stay out).

Mechanisms: an act's noun with no determiner or agent, as the subject of an assessment
("ratification of the treaty met Russia's national interests", "withdrawal from it is
necessary"), is an argument about the act, not a report of it; an act's noun as the object of
deliberation ("the meeting that examined the ratification of", "debated ratification of") is
under consideration, not done; a body's name made another state's by what precedes it
("Iran's Supreme National Security Council", "the Russian Security Council") is no mention of
the actor that name stands for alone (the UN Security Council); "extend" of a line, border or
zone, or with a complement of extent in space ("extends from the coast to the glacier",
"along", "northwards"), is no extension of an agreement; an act's noun as what is permitted
or provided for ("provisions that allow withdrawal", "the right of withdrawal") is not taken
(a notice of it, or procedures for it begun, still are); "the P5+1", "the E3+3", "the
sextet", "six world powers" are the five permanent members of the Security Council and Germany
together, as actors only of an agreement all six are parties to (as "the E3" is resolved);
an agreement's own act (a passive with no agent) whose noun is modified by a compound of two of
its parties ("the U.S.-Soviet accord, which was signed in Moscow") is by those two; "U.S.S.R."
is the Soviet Union's name as "USSR" is; the conclusion of agreements set apart from the one
named ("other understandings that have been signed between ...") is not the named one's;
"clinched" an agreement, or an agreement "clinched in/between ...", is concluded as "struck" is.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- controls: the act reported, then assessed or deliberated on -------------------------
    ("possessive-act-assessed", "Russia's ratification of New START in January 2011 met "
     "Russia's national interests, Lavrov said.",
     [w("new_start_2010", "RUS", "ratified", "2011-01")]),
    ("relative-assessment", "The Duma ratified New START in January 2011, which met Russia's "
     "national interests.",
     [w("new_start_2010", "RUS", "ratified", "2011-01")]),
    ("debated-then-ratified", "The Senate debated New START and ratified it in December 2010.",
     [w("new_start_2010", "USA", "ratified", "2010-12")]),
    ("examined-then-ratified", "After it examined the treaty, the Duma ratified New START in "
     "January 2011.",
     [w("new_start_2010", "RUS", "ratified", "2011-01")]),
    ("debated-after-withdrawal", "Parliament debated the treaty after Russia's withdrawal from "
     "the CFE Treaty in 2007.",
     [w("cfe_1990", "RUS", "withdrew", "2007")]),
    # --- a body's name: the UN's alone, another state's after a possessive or an adjective ----
    # the secretary of another state's security council is no actor of the UN's (a trap of no
    # fact at all until the eleventh round, when an official "of" a state became that state:
    # exactly Iran's signing now, still no UN Security Council)
    ("supreme-national-security-council", "The secretary of Iran's Supreme National Security "
     "Council signed the JCPOA in July 2015.",
     [w("jcpoa_2015", "IRN", "signed", "2015-07")]),
    ("un-security-council", "The Security Council said in 2022 that Iraq violated the Gulf War "
     "ceasefire terms.",
     [w("iraq_unscr687_1991", "IRQ", "violation_alleged", "2022", by="UNSC")]),
    ("possessive-security-council", "Russia's Security Council said in 2022 that the United "
     "States violated New START.",
     [w("new_start_2010", "USA", "violation_alleged", "2022", by="RUS")]),
    ("national-security-council", "The Russian Security Council said in 2022 that the United "
     "States violated New START.",
     [w("new_start_2010", "USA", "violation_alleged", "2022", by="RUS")]),
    # --- an act noticed or begun (controls for an act permitted) ------------------------------
    ("notice-of-withdrawal", "North Korea gave notice of withdrawal from the NPT under Article X "
     "in March 1993.",
     [w("npt_1968", "PRK", "withdrew", "1993-03")]),
    ("announced-its-withdrawal", "North Korea announced its withdrawal from the NPT in January "
     "2003.",
     [w("npt_1968", "PRK", "withdrew", "2003-01")]),
    # --- the six powers as one actor -------------------------------------------------------
    ("sextet-signed", "Iran and the sextet signed the Joint Plan of Action in Geneva on November "
     "24, 2013.",
     [w("jpoa_2013", "IRN;USA;GBR;FRA;RUS;CHN;DEU", "signed", "2013-11")]),
    ("group-of-six-powers", "Iran and the group of six world powers signed the Joint Plan of "
     "Action in November 2013.",
     [w("jpoa_2013", "IRN;USA;GBR;FRA;RUS;CHN;DEU", "signed", "2013-11")]),
    ("p5-plus-1", "Iran and the P5+1 signed the JCPOA in July 2015.",
     [w("jcpoa_2015", "IRN;USA;GBR;FRA;RUS;CHN;DEU", "signed", "2015-07")]),
    ("e3-plus-3-accuses", "The E3+3 accused Iran of violating the JCPOA in 2019.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019", by="USA;GBR;FRA;RUS;CHN;DEU")]),
    ("e3-alone", "The E3 accused Iran of violating the JCPOA in 2019.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019", by="FRA;DEU;GBR")]),
    # --- a passive of conclusion under a compound of two parties -----------------------------
    ("compound-passive-relative", "INCSEA is a U.S.–U.S.S.R. accord, which was signed in Moscow "
     "in May 1972.",
     [w("incsea_1972", "USA;SUN", "signed", "1972-05")]),
    ("compound-passive-subject", "The U.S.-Soviet accord on incidents at sea, INCSEA, was signed "
     "in Moscow in May 1972.",
     [w("incsea_1972", "USA;SUN", "signed", "1972-05")]),
    ("dotted-ussr", "The U.S.S.R. signed the INF Treaty in December 1987.",
     [w("inf_1987", "SUN", "signed", "1987-12")]),
    ("no-compound-passive", "INCSEA was signed in Moscow in May 1972.",
     [w("incsea_1972", "*", "signed", "1972-05")]),
    # --- the named agreement coordinated with others (control for "other agreements") ----------
    ("named-and-other-signed", "The INF Treaty, and the other agreements, were signed in "
     "December 1987.",
     [w("inf_1987", "*", "signed", "1987-12")]),
    # --- clinched -------------------------------------------------------------------------------
    ("clinched-named", "Iran and six world powers clinched the Joint Plan of Action in November "
     "2013.",
     [w("jpoa_2013", "IRN;USA;GBR;FRA;RUS;CHN;DEU", "signed", "2013-11")]),
    # --- extension in time (controls for extent in space) -------------------------------------
    ("extended-through-month", "The Minsk II ceasefire was extended through March 2015.",
     [w("minsk2_2015", "*", "extended")]),
    ("line-drawn-then-extended", "The line of control was drawn under the Simla Agreement, and "
     "India and Pakistan extended the agreement in 1980.",
     [w("simla_1972", "IND;PAK", "extended", "1980")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an act argued for: its bare noun is the subject of an assessment
    ("ratification-met-interests", "Putin stressed that ratification of New START met Russia's "
     "national interests."),
    ("withdrawal-was-necessary", "Lavrov said withdrawal from the INF Treaty was necessary."),
    ("suspension-serves-interest", "Officials argued that suspension of the CFE Treaty serves "
     "the national interest."),
    ("accession-in-interest", "The minister said accession to the CTBT is in the national "
     "interest of India."),
    # an act deliberated on
    ("examined-the-ratification", "The Senate examined the ratification of New START in December "
     "2010."),
    ("debated-ratification", "The Duma debated ratification of New START in January 2011."),
    ("hearings-on-ratification", "Parliament held hearings on ratification of the CTBT in 1999."),
    ("meeting-on-withdrawal", "The cabinet held a meeting on the withdrawal from the INF Treaty "
     "in 2018."),
    # six powers not all parties to the agreement named: no actor
    ("six-powers-not-parties", "Six world powers signed New START in 2010."),
    # agreements set apart from the one named
    ("other-agreements-signed", "The INF Treaty succeeded, and other agreements that have been "
     "signed between the United States and Russia followed."),
    ("besides-other-treaties", "Besides the INF Treaty, other treaties were signed by Moscow and "
     "Washington in 1987."),
    # clinched: failed, hoped for, or no agreement
    ("failed-to-clinch", "Iran and six world powers failed to clinch the Joint Plan of Action in "
     "2012."),
    ("hopes-to-clinch", "Iran hopes to clinch a deal with six world powers."),
    ("clinched-victory", "Russia clinched victory in the talks on New START."),
    # extent in space
    ("ceasefire-line-extended", "According to the Simla Agreement, the ceasefire line extended "
     "to point NJ9842 in 1972."),
    ("border-extends-from-to", "The border extends from the coast to the glacier under the Simla "
     "Agreement."),
    ("zone-extended-along", "The buffer zone extended along the coast under the Minsk II "
     "ceasefire."),
    # an act permitted or provided for
    ("provisions-allow-withdrawal", "North Korea cited Article X provisions that allow "
     "withdrawal from the NPT for supreme national interests."),
    ("permits-withdrawal", "Article X of the NPT permits withdrawal on three months' notice."),
    ("clause-providing-for", "The treaty has a clause providing for withdrawal from the NPT on "
     "three months' notice."),
    ("right-of-withdrawal", "Parties have the right of withdrawal from the NPT under Article X."),
    ("extends-northwards", "Under the Simla Agreement the line extends northwards."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text)
