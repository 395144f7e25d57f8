"""Sixth round (issue 14): the seventh blind set's error kinds, fixed by general mechanisms and
tested on sentences composed for these tests (not taken from the gold texts), several phrasings
per mechanism, with precision traps beside them.

Kinds: an agreement named only by its kind ("the truce", "the pause on strikes", "the framework",
"the memorandum") under a dateline; "both sides" / "the two sides" / "the two countries" as the
actors last coordinated; consent stated as an act ("agreed on March 18 to stop ...", "reached
agreement on ...") on the record's date of signature; accession ("agreed to join", "acceded
to"); "remains committed to"; "no longer tied to"; "accepted a ceasefire"; a prepositional
violation's subject; "accused X and Y of both violating"; a possessive with an adjective
("Turkey's chronic failure to comply"); "never submitted ... for ratification"; dates ("By this
morning", a weekday under a month dateline, "the September 5 accords").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, facts, text_params, w


def dated(dateline: str, body: str) -> str:
    """An article: a headline with its dateline, then the body."""
    return f"Example headline. Example Wire, {dateline}.\n\n{body}"


FACTS: list[tuple[str, str, list[Want]]] = [
    # --- an agreement named by its kind, resolved from the record (kind or name word, parties
    # among the article's actors, signed in the dateline's year or the two before) ----------
    ("kind-truce", dated("March 3, 2021", "Armenia and Azerbaijan accused each other of "
                         "breaching the truce."),
     [w("nk_trilateral_2020", "ARM", "violation_alleged", None, "AZE"),
      w("nk_trilateral_2020", "AZE", "violation_alleged", None, "ARM")]),
    ("kind-pause", dated("April 10, 2025", "Kyiv said Russia had violated the pause on strikes "
                         "against power plants."),
     [w("energy_moratorium_2025", "RUS", "violation_alleged", None, "UKR")]),
    ("kind-framework", dated("September 20, 2013", "Washington accused Damascus of violating "
                             "the framework on chemical weapons."),
     [w("syria_cw_framework_2013", "SYR", "violation_alleged", None, "USA")]),
    ("kind-memorandum", dated("October 1, 2018", "Russia and Turkey signed the memorandum on "
                              "September 17."),
     [w("sochi_idlib_2018", "RUS;TUR", "signed", "2018-09-17")]),
    ("kind-named-place", dated("November 5, 2014", "Kyiv accused the rebels of violating the "
                               "Minsk ceasefire."),
     [w("minsk1_2014", "DPR;LPR", "violation_alleged", None, "UKR")]),
    ("kind-later-anaphor", dated("June 2, 2025", "A ceasefire between Russia and Ukraine on "
                                 "energy strikes began in March. Moscow said Ukraine had "
                                 "breached the moratorium."),
     [w("energy_moratorium_2025", "UKR", "violation_alleged", None, "RUS")]),
    # --- "both sides", "the two sides", "the two countries": the two actors last coordinated
    ("both-sides", "Russia and Ukraine traded blame in July 2023. Both sides accused each other "
     "of violating the Black Sea Grain Initiative.",
     [w("bsgi_2022", "RUS", "violation_alleged", None, "UKR"),
      w("bsgi_2022", "UKR", "violation_alleged", None, "RUS")]),
    ("the-two-countries", "The United States and the Soviet Union negotiated for six years. The "
     "two countries signed the INF Treaty in December 1987.",
     [w("inf_1987", "USA;SUN", "signed", "1987-12")]),
    ("the-two-sides-after-reporter", "Iran and Israel fought for twelve days. President Trump "
     "said the two sides had accepted the ceasefire on June 24, 2025.",
     [w("iran_israel_ceasefire_2025", "IRN;ISR", "signed", "2025-06")]),
    ("between-x-and-y", "Talks between the Israeli army and Hezbollah failed. Both sides have "
     "accused each other of breaching the Israel-Lebanon cessation of hostilities arrangement "
     "in December 2024.",
     [w("israel_lebanon_ceasefire_2024", "ISR", "violation_alleged", None, "HEZBOLLAH"),
      w("israel_lebanon_ceasefire_2024", "HEZBOLLAH", "violation_alleged", None, "ISR")]),
    # (unresolved: a joint act is the parties', an accusation is dropped; added after the
    # first run, when a resolution left over from one act was found reaching the next)
    ("sides-unresolved-joint", "Both sides signed the INF Treaty in 1987 and later accused each "
     "other of violating it.", [w("inf_1987", "*", "signed", "1987")]),
    # --- consent on the record's date of signature ---------------------------------------
    ("agreed-on-date-to", "North Korea agreed on September 19, 2005 to abandon all nuclear "
     "weapons under the Six-Party Joint Statement.",
     [w("six_party_2005", "PRK", "signed", "2005-09")]),
    ("reached-agreement-on", "The United States and Russia reached agreement on September 14, "
     "2013 on the Framework for Elimination of Syrian Chemical Weapons.",
     [w("syria_cw_framework_2013", "USA;RUS", "signed", "2013-09")]),
    ("agreed-weekday-under-dateline", dated("September 19, 2005", "North Korea agreed Monday to "
                                            "give up its nuclear programs in the Six-Party "
                                            "Joint Statement."),
     [w("six_party_2005", "PRK", "signed", "2005-09")]),
    # --- accession -------------------------------------------------------------------------
    ("agreed-to-join", "Syria agreed to join the Chemical Weapons Convention in September 2013.",
     [w("cwc_1993", "SYR", "signed", "2013-09")]),
    ("relative-agreed-to-join", "Inspectors serve the Chemical Weapons Convention, which Syria "
     "agreed to join in September 2013.", [w("cwc_1993", "SYR", "signed", "2013-09")]),
    ("joined", "Syria joined the Chemical Weapons Convention in October 2013.",
     [w("cwc_1993", "SYR", "signed", "2013-10")]),
    ("acceded", "North Korea acceded to the NPT in 1985.", [w("npt_1968", "PRK", "signed",
                                                              "1985")]),
    # --- observance and withdrawal phrasings -----------------------------------------------
    ("remains-committed", "Russia remains committed to the New START treaty, the ministry said.",
     [w("new_start_2010", "RUS", "kept")]),
    ("remained-fully-committed", "Iran remained fully committed to the JCPOA in 2018.",
     [w("jcpoa_2015", "IRN", "kept", "2018")]),
    ("remains-committed-no-partner", "Russia remains committed to the Sochi memorandum and is "
     "ready to keep working with Turkey.", [w("sochi_idlib_2018", "RUS", "kept")]),
    ("no-longer-tied", "Moscow said Russia was no longer tied to the INF Treaty in 2019.",
     [w("inf_1987", "RUS", "withdrew", "2019")]),
    ("is-no-longer-tied", "North Korea is no longer tied to the NPT, KCNA said in 2003.",
     # (no date: a citing verb's date is not the act's, by design)
     [w("npt_1968", "PRK", "withdrew")]),
    ("accepted-ceasefire", "Israel and Iran accepted a ceasefire on June 24, 2025.",
     [w("iran_israel_ceasefire_2025", "ISR;IRN", "signed", "2025-06")]),
    ("accepted-cessation", "Israel and Iran accepted a cessation of hostilities on June 24, 2025.",
     [w("iran_israel_ceasefire_2025", "ISR;IRN", "signed", "2025-06")]),
    # (added after the first run) a treaty term with a reduced passive relative of observance
    ("limit-observed-by-both", "The United States and the Soviet Union signed the TTBT in 1974. "
     "The 150-kiloton limit, observed by both countries despite the lack of ratification, held.",
     [w("ttbt_1974", "USA;SUN", "signed", "1974"), w("ttbt_1974", "USA;SUN", "kept")]),
    ("limits-respected-by", "The New START limits, respected by Russia and the United States "
     "for years, were praised in 2020.", [w("new_start_2010", "RUS;USA", "kept")]),
    # --- actors --------------------------------------------------------------------------
    ("in-violation-subject", "Russia deployed missiles near Polish towns in violation of the INF "
     "Treaty, NATO said in 2019.", [w("inf_1987", "RUS", "violation_alleged", "2019",
                                      "NATO")]),
    ("in-breach-subject", "Iran sold enriched uranium to Russian buyers in breach of the JCPOA, "
     "Washington said in 2019.", [w("jcpoa_2015", "IRN", "violation_alleged", "2019", "USA")]),
    ("of-both-violating", "Trump accused Iran and Israel of both violating the ceasefire on June "
     "24, 2025.", [w("iran_israel_ceasefire_2025", "IRN", "violation_alleged", "2025-06", "USA"),
                   w("iran_israel_ceasefire_2025", "ISR", "violation_alleged", "2025-06",
                     "USA")]),
    ("possessive-adjective", "Moscow blamed Turkey's chronic failure to comply with the Sochi "
     "memorandum in February 2020.", [w("sochi_idlib_2018", "TUR", "violation_alleged",
                                        "2020-02", "RUS")]),
    ("possessive-adjective-2", "Washington cited Russia's repeated failure to fulfil its "
     "obligations under New START in 2023.", [w("new_start_2010", "RUS", "violation_alleged",
                                                "2023", "USA")]),
    # --- ratification withheld -----------------------------------------------------------
    ("never-submitted", "No American president has ever submitted the Threshold Test Ban Treaty "
     "to the Senate for ratification.", [w("ttbt_1974", "USA", "not_ratified")]),
    ("never-sent-long-relative", "President Reagan never sent the TTBT, which limits "
     "underground tests to a yield of 150 kilotons, to the Senate for ratification.",
     [w("ttbt_1974", "USA", "not_ratified")]),
    # --- dates -----------------------------------------------------------------------------
    ("by-this-morning", dated("June 24, 2025", "By this morning, Israel and Iran had accepted "
                              "the ceasefire."),
     [w("iran_israel_ceasefire_2025", "ISR;IRN", "signed", "2025-06-24")]),
    ("weekday-month-dateline", dated("April 2025", "Russia said on Wednesday that Ukraine had "
                                     "violated the moratorium on strikes against energy "
                                     "infrastructure."),
     [w("energy_moratorium_2025", "UKR", "violation_alleged", "2025-04", "RUS")]),
    ("date-naming-accords", dated("November 5, 2014", "Kyiv accused the rebels on Sunday of "
                                  "violating the September 5 accords of Minsk, the Minsk "
                                  "Protocol."),
     [w("minsk1_2014", "DPR;LPR", "violation_alleged", "2014-11", "UKR")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an agreement by kind: no dateline, outside the window, a place not in the record name,
    # or two agreements alike
    ("kind-no-dateline", "Armenia and Azerbaijan accused each other of breaching the truce."),
    ("kind-too-late", dated("March 3, 2024", "Armenia and Azerbaijan accused each other of "
                            "breaching the truce.")),
    ("kind-other-place", dated("November 30, 2024", "Israel accused Hezbollah of violating the "
                               "Gaza ceasefire.")),
    ("kind-ambiguous-deal", dated("June 15, 2018", "North Korea accused the United States of "
                                  "violating the deal.")),
    # "both sides" with no two actors before: no actor
    ("sides-unresolved", "The shaky truce in Ukraine fell apart. Both sides accused the other of "
     "violating the Minsk Protocol."),
    # consent on another date than the record's signature is no signing
    ("agreed-other-year", "North Korea agreed in 2007 to disable its reactor under the "
     "Six-Party Joint Statement."),
    ("reached-agreement-other-date", "The United States and Russia reached agreement in 2014 on "
     "the Framework for Elimination of Syrian Chemical Weapons."),
    # joining something else
    ("joined-debate", "Syria joined the debate about the Chemical Weapons Convention in 2013."),
    ("committed-to-arms-control", "Russia remains committed to arms control, the ministry said "
     "of New START."),
    # undated reduced relatives identify the agreement, they report no signing
    ("agreed-with-undated", "Israel struck targets in Lebanon although the ceasefire agreed "
     "with Hezbollah largely held."),
    ("reached-earlier", "Moscow praised the agreements reached earlier with Ankara on Idlib."),
    # suspending an activity, not an agreement
    ("suspension-of-exercises", "Trump announced the suspension of joint military exercises "
     "with South Korea after the Singapore Joint Statement."),
    # a violation acted against is not the subject's
    ("against-violations", "Washington said the sanctions were part of its response against "
     "New START violations."),
    # ratification as the purpose of a submission
    ("submitted-for", "President Bush submitted the TTBT, which limits underground tests to a "
     "yield of 150 kilotons, to the Senate for ratification in 1990."),
    ("rejected-ceasefire", "Israel rejected a ceasefire with Iran on June 20, 2025."),
    ("observed-by-satellites", "The tests, observed by U.S. satellites, alarmed the CTBT "
     "organisation in 2017."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text)


def test_consent_on_another_date_keeps_the_other_act() -> None:
    # "agreed ... to extend" is the extension, not a signing of New START
    got = {(c.agreement, c.type) for c in facts(
        "Russia and the United States agreed on January 26, 2021 to extend New START.")}
    assert got == {("new_start_2010", "extended")}, got
