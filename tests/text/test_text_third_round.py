"""Third round (issue 14): the error kinds of the fifth blind set, one phenomenon per case, on
sentences composed for these tests (not taken from the gold texts).

Kinds: agreements described rather than named ("an accord with Washington on plutonium
disposal"); treaty acts without the usual verbs (terminating, non-renewal, a vote down, "no
longer bound by", a halt to, a reduced relative "the deal agreed in Minsk", a passive "has been
observed"); actors named by what they are ("separatist fighters", "Russian-backed units"), in a
fronted by-phrase or a nominal's agent coordinated by "in concert with"; presupposed acts under
a modal ("after Washington pulled out"); and precision traps (a withdrawal of weapons, from a
body that is no agreement, a suspended debate, a treaty's Review Conference, an act used as a
time reference, an act noun that refers back).
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text._gazetteer import distinctive_words, shipped_gazetteer

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- agreements described, not named ------------------------------------------------
    ("described-topic", "In October 2016 Moscow suspended an accord with Washington on "
     "disposing of surplus plutonium.", [w("pmda_2000", "RUS", "suspended", "2016-10")]),
    ("described-modifier", "Russia pulled out of the UN-backed grain corridor deal in July 2023.",
     [w("bsgi_2022", "RUS", "withdrew", "2023-07")]),
    ("described-then-anaphor", "In 2016 Putin ordered a halt to the plutonium pact with "
     "Washington. The pact, signed in 2000, was meant to cut both stockpiles.",
     [w("pmda_2000", "RUS", "suspended", "2016"), w("pmda_2000", "*", "signed", "2000")]),
    ("described-named-elsewhere", "Moscow walked away from the grain deal in July 2023.\n\n"
     "\u201cThe Russian side suspends its participation in the arrangements on food exports "
     "from Ukrainian ports,\u201d the ministry said.",
     [w("bsgi_2022", "RUS", "withdrew", "2023-07"), w("bsgi_2022", "RUS", "suspended")]),
    # --- treaty acts without the usual verbs --------------------------------------------
    ("voted-to-terminate", "Ukraine's parliament voted to terminate the 1997 friendship pact "
     "with Russia in December 2018.", [w("ukr_rus_friendship_1997", "UKR", "withdrew",
                                          "2018-12")]),
    ("decision-not-to-renew", "Kyiv's decision not to renew the friendship treaty with Moscow "
     "was announced in September 2018.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-09")]),
    ("notified-would-be-terminated", "Kyiv notified Moscow in September 2018 that the "
     "friendship treaty would be terminated.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-09")]),
    ("cancelled-named", "In 2016 Moscow cancelled the plutonium agreement with Washington.",
     [w("pmda_2000", "RUS", "withdrew", "2016")]),
    ("senate-voted-down", "The Senate voted down the CTBT in October 1999.",
     [w("ctbt_1996", "USA", "not_ratified", "1999-10")]),
    ("no-longer-bound", "In 1986 the Reagan administration declared that the United States "
     "was no longer bound by SALT II.", [w("salt2_1979", "USA", "withdrew", "1986")]),
    ("reduced-relative-agent", "Fighting eased under the Minsk II deal agreed by Russia, "
     "Ukraine, France and Germany in February 2015.",
     [w("minsk2_2015", "RUS;UKR;FRA;DEU", "signed", "2015-02")]),
    ("reduced-relative-under-if", "If the shelling goes on, the Minsk II ceasefire signed on "
     "February 12, 2015 will collapse.", [w("minsk2_2015", "*", "signed", "2015-02")]),
    ("passive-observed", "The Minsk II ceasefire has been largely observed since March.",
     [w("minsk2_2015", "*", "kept")]),
    ("signing-of-named", "Six years of negotiations led to the signing of the Chemical Weapons "
     "Convention in January 1993.", [w("cwc_1993", "*", "signed", "1993-01")]),
    ("on-this-day", "Arms control anniversary. Example Wire, December 8, 2022.\n\nOn this day "
     "in 1987, Reagan and Gorbachev signed the INF Treaty in Washington.",
     [w("inf_1987", "USA;SUN", "signed", "1987-12")]),
    # --- actors -------------------------------------------------------------------------
    ("armed-group-and-state", "Kyiv accused rebel fighters and Russian troops of breaching the "
     "Minsk II deal.", [w("minsk2_2015", "DPR;LPR;RUS", "violation_alleged", None, "UKR")]),
    ("backed-units-not-the-state", "Russian-backed units have withdrawn most of their heavy "
     "guns, in line with the Minsk II package.", [w("minsk2_2015", "DPR;LPR", "kept")]),
    ("in-concert-with", "Kyiv condemned the breach of the Minsk II ceasefire by separatist "
     "units acting in concert with Russian forces.",
     [w("minsk2_2015", "DPR;LPR;RUS", "violation_alleged", None, "UKR")]),
    ("accused-of-gerund", "At the NPT Review Conference in May 2015, the U.S. delegation "
     "accused Russia of violating the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", "2015", "USA")]),
    ("fronted-by-phrase", "By concluding the Budapest Memorandum in 1994, Washington, London "
     "and Moscow pledged to respect Ukraine's borders.",
     [w("budapest_memo_1994", "USA;GBR;RUS", "signed", "1994")]),
    ("participle-insertion", "President Bush and Soviet leader Gorbachev, seated at a Kremlin "
     "table, signed the START I treaty in July 1991.",
     [w("start1_1991", "USA;SUN", "signed", "1991-07")]),
    # --- presupposed acts under a modal -------------------------------------------------
    ("after-clause", "Europe will try to rescue the JCPOA after Washington pulled out in 2018.",
     [w("jcpoa_2015", "USA", "withdrew", "2018")]),
    ("definite-violations", "Berlin said it could no longer tolerate Iran's mounting violations "
     "of the nuclear deal.", [w("jcpoa_2015", "IRN", "violation_alleged", None, "DEU")]),
    # --- an act noun that refers back ---------------------------------------------------
    ("refers-back", "Russia suspended the grain deal on July 17, 2023. Ukraine's foreign "
     "minister said the suspension was blackmail.",
     [w("bsgi_2022", "RUS", "suspended", "2023-07")]),
]

NON_FACTS: list[tuple[str, str]] = [
    ("may-not-renew", "Kyiv may decide not to renew the friendship treaty with Moscow."),
    ("if-voted-down", "If the Senate votes down the CTBT, other states will follow."),
    ("warned-no-longer-bound", "Moscow warned it would no longer be bound by the INF Treaty if "
     "NATO deployed new missiles."),
    ("must-pull-back", "The rebels must withdraw their heavy weapons under the Minsk II deal."),
    ("could-halt", "Putin could order a halt to the plutonium deal with Washington."),
    ("threat-to-terminate", "Kyiv threatened to terminate the friendship treaty with Russia."),
]

NO_EVENT: list[tuple[str, str]] = [
    ("time-reference", "Tensions eased after the signing of the INF Treaty in 1987."),
    ("suspended-debate", "The Duma suspended debate on the New START treaty for a week."),
    ("withdrawal-from-body", "Kyiv's withdrawal from the Commonwealth of Independent States "
     "came in 2018, amid the dispute over the friendship treaty."),
    ("warships-withdrawn", "Russia withdrew several warships from the western Black Sea after "
     "the grain deal collapsed."),
    ("left-in-ruins", "The fighting over the Minsk II line has left the region's factories in "
     "ruins."),
    ("review-conference", "Delegates met at the NPT Review Conference in New York in 2015."),
    ("cancelled-talks", "Moscow cancelled the talks on the New START treaty in August 2022."),
    ("scrapped-inspections", "Russia scrapped the inspections under New START in 2022."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NON_FACTS))
def test_never_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text", text_params(NO_EVENT))
def test_no_treaty_act(text: str) -> None:
    assert_no_fact(text)


def test_distinctive_words_are_held_by_one_agreement_only() -> None:
    names = {"Plutonium Management Agreement": "a", "Grain Deal": "b",
             "Plutonium Disposition Protocol": "c", "Treaty on Friendship with Ruritania": "d"}
    got = distinctive_words(names, frozenset({"ruritania"}))
    assert got == {"disposition": "c", "grain": "b", "friendship": "d"}
    # on the shipped record: no generic treaty word, no actor name
    words = shipped_gazetteer().words
    assert words["plutonium"] == "pmda_2000" and words["grain"] == "bsgi_2022"
    assert not {"treaty", "nuclear", "agreement", "russia", "iran"} & set(words)
