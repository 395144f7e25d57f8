"""Twenty-fifth round (issue 14): the error classes that recur across the first runs, read on
blind32–35. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: an act warned or cautioned against ("warned Washington against a withdrawal from")
is not done; nor an act only sought ("pledged to seek swift ratification of"); nor an act in a
temporal clause that is still ahead — its verb in the present ("as soon as the Duma ratifies")
or its clause subordinate to an offer, a readiness or a future ("was ready to ... after the
Senate ratified"). A reduced passive with an adverb before its participle ("START II, already
ratified by the US Senate") is its agent's act.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_D19 = "World news\n2019-01-20\n\n"
_D18 = "World news\n2018-03-05\n\n"
_D11 = "World news\n2011-02-10\n\n"

# (1) an act warned or cautioned against
NO_FACT: list[tuple[str, str]] = [
    ("cautioned-against-withdrawal", _D19 + "Lavrov cautioned Washington against a hasty "
     "withdrawal from the INF Treaty."),
    ("warned-against-violating", _D18 + "The EU warned Tehran against violating the JCPOA."),
    ("warning-against-leaving", _D18 + "Macron, warning the United States against leaving the "
     "Iran nuclear deal, flew to Washington."),
]
FACTS: list[tuple[str, str, list[Want]]] = [
    # traps: the act done despite the warning, in its own clause
    ("despite-warnings", _D19 + "Despite warnings against it, the United States withdrew from "
     "the INF Treaty on Friday.", [w("inf_1987", "USA", "withdrew", "2019-01")]),
    ("warned-then-suspended", _D11 + "Moscow had warned against delays, and the Duma ratified "
     "New START on Wednesday.", [w("new_start_2010", "RUS", "ratified", "2011-02")]),
]


_D97 = "World news\n1997-03-21\n\n"
_D00 = "World news\n2000-04-10\n\n"

# (2) an act only sought, pressed or lobbied for
NO_FACT += [
    ("pledged-to-seek", _D97 + "Clinton pledged to seek Senate ratification of the CTBT."),
    ("seeking-swift", _D00 + "Putin is seeking swift ratification of START II by the Duma."),
    ("pressed-for", _D97 + "Paris pressed for Russian ratification of the CTBT on Friday."),
    ("lobbying-for", _D00 + "Kyiv has been lobbying for NATO's ratification of the Adapted CFE "
     "Treaty."),
]
FACTS += [
    # traps: the act done after a seeking that ends before it
    ("seeking-then-ratified", _D11 + "Seeking a quick end to the dispute, the Duma ratified New "
     "START on Wednesday.", [w("new_start_2010", "RUS", "ratified", "2011-02")]),
    ("after-seeking-for-a-decade", _D00 + "After seeking it for a decade, the Duma ratified the "
     "CTBT on Friday.", [w("ctbt_1996", "RUS", "ratified", "2000-04")]),
]

_D94 = "World news\n1994-12-10\n\n"

# (3) an act in a temporal clause still ahead: its verb in the present, or its clause under an
# offer, a readiness or a future
NO_FACT += [
    ("as-soon-as-ratifies", _D97 + "Talks on START III will open as soon as the Duma ratifies "
     "START II."),
    ("once-withdraws", _D19 + "Moscow will respond in kind once the United States withdraws "
     "from the INF Treaty."),
    ("until-signs", _D94 + "Aid to Kazakhstan stays frozen until it signs the NPT."),
    ("ready-after-ratified", _D97 + "Moscow said it was ready to cut its forces further after "
     "the Senate ratified the CTBT."),
    ("prepared-after-acceded", _D94 + "Britain was prepared to offer guarantees to Kazakhstan "
     "after Kazakhstan acceded to the NPT."),
]
FACTS += [
    # traps: a past act in a temporal clause under a main clause that reports a done act
    ("deployed-after-withdrew", _D19 + "Russia deployed new missiles after the United States "
     "withdrew from the INF Treaty.", [w("inf_1987", "USA", "withdrew")]),
    ("when-ratified", _D00 + "When the Duma ratified START II on Friday, Clinton welcomed the "
     "vote.", [w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("will-try-after-dated", _D19 + "Paris will work to save the deal after Washington "
     "withdrew from the JCPOA in May 2018.", [w("jcpoa_2015", "USA", "withdrew", "2018-05")]),
    ("after-signing-promised", _D97 + "After Russia signed the CWC in 1993, Yeltsin promised "
     "deeper cuts.", [w("cwc_1993", "RUS", "signed", "1993")]),
]

_D98 = "World news\n1998-02-10\n\n"

# (4) a reduced passive with an adverb before its participle is its agent's act
FACTS += [
    ("already-ratified-by", _D97 + "Yeltsin praised START II, already ratified by the US Senate.",
     [w("start2_1993", "USA", "ratified")]),
    ("finally-ratified-by", _D98 + "Moscow cited the CWC, finally ratified by the Duma in 1997.",
     [w("cwc_1993", "RUS", "ratified", "1997")]),
    # traps: no adverb, as before; an adverb before a participle with no agent
    ("adverb-no-agent", _D00 + "The Duma, already divided, ratified START II on Friday.",
     [w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("ratified-by", _D98 + "Moscow cited the CWC, ratified by the Duma in 1997.",
     [w("cwc_1993", "RUS", "ratified", "1997")]),
]

# (5) recall: an anniversary dates the act N years before it, and an anniversary of an agreement
# itself is its signing by its parties
FACTS += [
    ("anniversary-of-the-treaty", "World news\n2017-12-08\n\nFriday marks the 30th "
     "anniversary of the INF Treaty.", [w("inf_1987", "*", "signed", "1987-12")]),
    ("fiftieth-anniversary", "World news\n2018-07-02\n\nDiplomats met in Geneva on the "
     "fiftieth anniversary of the NPT.", [w("npt_1968", "*", "signed", "1968-07")]),
    ("anniversary-of-signing-dated", "World news\n2019-12-05\n\nKyiv marks the 25th "
     "anniversary of the signing of the Budapest Memorandum today.",
     [w("budapest_memo_1994", "*", "signed", "1994-12")]),
    ("future-anniversary", "World news\n2013-11-02\n\nOn 8 December, Moscow and Washington "
     "will mark the 26th anniversary of the INF Treaty.",
     [w("inf_1987", "*", "signed", "1987-12")]),
    # traps: an anniversary of an act other than the signing is that act's, dated back too
    ("anniversary-of-withdrawal", "World news\n2020-08-03\n\nMoscow marked the first "
     "anniversary of the US withdrawal from the INF Treaty on Sunday.",
     [w("inf_1987", "USA", "withdrew", "2019-08")]),
    ("signing-no-anniversary", "World news\n1994-12-06\n\nThe Budapest Memorandum was signed "
     "on Monday.", [w("budapest_memo_1994", "*", "signed", "1994-12")]),
]

# (6) recall: an agreement's name with its acronym in brackets inside it is the object of the
# verbs that need an agreement after them ("quit", "scrapped", "left")
FACTS += [
    ("quit-bracketed", _D19 + "The United States has in fact quit the intermediate nuclear "
     "force (INF) Treaty.", [w("inf_1987", "USA", "withdrew")]),
    ("scrapped-bracketed", "World news\n2002-06-14\n\nWashington scrapped the anti-ballistic "
     "missile (ABM) treaty on Thursday.", [w("abm_1972", "USA", "withdrew", "2002-06")]),
    ("left-bracketed", "World news\n2023-11-08\n\nRussia left the Conventional Armed Forces "
     "in Europe (CFE) Treaty on Tuesday.", [w("cfe_1990", "RUS", "withdrew", "2023-11")]),
]
NO_FACT += [
    # trap: a bracketed aside before a noun that is not the agreement
    ("scrapped-bracketed-plan", _D19 + "Washington scrapped the (long-delayed) missile plan "
     "on Friday."),
]

# (7) recall: moratoriums in the plural are read as the singular ("abandoning its moratoriums on
# nuclear and intercontinental ballistic missile tests")
FACTS += [
    ("abandoning-moratoriums", "World news\n2020-01-02\n\nPyongyang is abandoning its "
     "moratoriums on nuclear and intercontinental ballistic missile tests.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020-01")]),
    ("lifted-moratoria", "World news\n2020-01-02\n\nNorth Korea lifted its moratoria on "
     "nuclear tests and long-range missile launches on Wednesday.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020-01")]),
    # trap: the singular, as before
    ("abandoning-moratorium", "World news\n2020-01-02\n\nNorth Korea is abandoning its "
     "moratorium on nuclear tests, Kim said.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020-01")]),
]

_D23 = "World news\n2023-11-23\n\n"

# (8) recall: the two Koreas and China by their formal names and abbreviations
FACTS += [
    ("republic-of-korea", _D23 + "The Republic of Korea (ROK) decided on Wednesday to suspend "
     "the inter-Korean military agreement.",
     [w("inter_korean_cma_2018", "KOR", "suspended", "2023-11")]),
    ("rok-alone", _D23 + "On Wednesday the ROK suspended the inter-Korean military agreement.",
     [w("inter_korean_cma_2018", "KOR", "suspended", "2023-11")]),
    ("democratic-peoples-republic", _D23 + "The Democratic People's Republic of Korea scrapped "
     "the inter-Korean military agreement on Thursday.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    ("peoples-republic-of-china", "World news\n1996-09-25\n\nThe People's Republic of China "
     "signed the CTBT on Tuesday.", [w("ctbt_1996", "CHN", "signed", "1996-09")]),
]

@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
