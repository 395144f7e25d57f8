"""Twentieth round (issue 14): blind19's and blind20's errors. Tested on sentences composed for
these tests (not taken from the gold texts), each with the traps that must keep their old
reading.

Mechanisms: a line that announces a list ("Below is a short timeline of Syrian breaches of the
ceasefire") reports no act; an act told after "following" as a time word stays one. A record
name in common words ("the trilateral statement") whose agreement has none of the act's actors
among its parties is the latest agreement with the name's head word signed by the act's year
whose parties hold them (an agreement that did not yet exist cannot be the one meant). In an
article with no year, a day and month given with an act on a ceasefire described ("on Sept. 5
agreed on a ceasefire") that are the record's day of signature of one of them say which it is.
The partners an agreement's name is "between", before a reduced relative of its conclusion ("The
Treaty of Friendship between Ukraine and Russia, signed in 1997"), are the act's actors, and a
title and a name after a demonym ("between South Korean President Moon Jae-in and North Korean
leader Kim Jong Un") do not end the list. An actor inside a restrictive relative clause on a
subject that no actor names ("The country that invaded Ukraine a year ago suspended") is not the
act's subject. A name in apposition to an organisation's noun ("a Washington think tank, the
Pacific Maritime Security Initiative") is the organisation's, not an agreement described.
Walking or backing away from a pledge, a promise or a commitment, going back on one's word, is a
breach alleged; walking away from a treaty stays a withdrawal.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_INF = "World news\n2019-08-05\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # traps of the announced list: "following" as a time word, and a plain allegation
    ("following-as-after", _INF + "Following the talks in Geneva, the United States withdrew "
     "from the INF Treaty on Friday.", [w("inf_1987", "USA", "withdrew", "2019-08")]),
]

NO_FACT: list[tuple[str, str]] = [
    # a line that announces a list, chronology or timeline to follow is no act
    ("below-timeline", _INF + "Below is a short timeline of Russian violations of the INF "
     "Treaty and the American responses."),
    ("following-list", _INF + "The following is a list of Russian breaches of the INF Treaty, "
     "as Washington sees them."),
    ("here-chronology", _INF + "Here is a brief chronology of the INF Treaty violations alleged "
     "by the United States."),
]


_BAKU = "World news\n2022-03-14\n\n"
_KYIV96 = "World news\n1996-06-01\n\n"

FACTS += [
    # a record name in common words whose parties do not hold the act's actor: the record's
    # agreement with the name's head word, the actor among its parties, signed by then, the
    # latest (the 2020 Karabakh statement, not the 1994 US-Russia-Ukraine one)
    ("statement-karabakh", _BAKU + "Azerbaijan accused Armenia on Monday of violating the "
     "trilateral statement.",
     [w("nk_trilateral_2020", "ARM", "violation_alleged", "2022-03", "AZE")]),
    ("statement-karabakh-in-violation", _BAKU + "Azerbaijan said that Armenian units, in "
     "violation of the trilateral statement, fired on its positions on Sunday.",
     [w("nk_trilateral_2020", "ARM", "violation_alleged", "2022-03", "AZE")]),
    # trap: the actor is a party of the agreement the name resolved to
    ("statement-ukraine", _KYIV96 + "Kyiv said that Moscow had violated the trilateral "
     "statement.", [w("trilateral_statement_1994", "RUS", "violation_alleged", None, "UKR")]),
]


_UNDATED = "Truce talks in Minsk\n\n"

FACTS += [
    # an undated article: the day and month of the act are the record's day of signature of
    # one ceasefire (Minsk I, 5 September 2014), not the later one the record has not seen end
    ("day-of-signature-dm", _UNDATED + "Ukraine, Russia and Russian-backed separatists agreed "
     "on a truce in Minsk on 5 September, the OSCE said.",
     [w("minsk1_2014", "UKR;RUS;DPR;LPR", "signed")]),
    ("day-of-signature-md-then-anaphor", _UNDATED + "Ukraine, Russia and Russian-backed "
     "separatists on Sept. 5 signed a ceasefire in Minsk, the OSCE said. The ceasefire was "
     "signed by all sides.", [w("minsk1_2014", "UKR;RUS;DPR;LPR", "signed"),
                              w("minsk1_2014", "*", "signed")]),
    # trap: the later one's day keeps the later one
    ("day-of-signature-later", _UNDATED + "Ukraine, Russia and Russian-backed separatists "
     "agreed on a truce in Minsk on Feb. 12, the OSCE said.",
     [w("minsk2_2015", "UKR;RUS;DPR;LPR", "signed")]),
]


_SEOUL = "World news\n2024-11-22\n\n"
_KYIV19 = "World news\n2019-04-02\n\n"

FACTS += [
    # the partners an agreement is "between", before a reduced relative of its conclusion
    ("between-then-signed", _KYIV19 + "The Treaty of Friendship between Ukraine and Russia, "
     "signed in 1997, is no longer valid, Kyiv said.",
     [w("ukr_rus_friendship_1997", "UKR;RUS", "signed", "1997")]),
    # a title and a name after each demonym in the partners after "between"
    ("between-titles-names", _SEOUL + "The Comprehensive Military Agreement, signed in "
     "Pyongyang between South Korean President Moon Jae-in and North Korean leader Kim Jong Un, "
     "has lost its force.", [w("inter_korean_cma_2018", "KOR;PRK", "signed")]),
    # traps: one agent by "by" stays one
    ("by-one-agent", _SEOUL + "The Comprehensive Military Agreement, signed in Pyongyang by "
     "South Korean President Moon Jae-in, has lost its force.",
     [w("inter_korean_cma_2018", "KOR", "signed")]),
    ("between-after-act", _KYIV19 + "The Treaty of Friendship was signed in 1997 between "
     "Ukraine and Russia.", [w("ukr_rus_friendship_1997", "UKR;RUS", "signed", "1997")]),
]


_MOSCOW23 = "World news\n2023-02-22\n\n"
_BONN90 = "World news\n1990-09-13\n\n"

FACTS += [
    # traps of the relative clause: a non-restrictive one after a named subject, and a relative
    # on the speaker before "said that"
    ("which-after-actor", _MOSCOW23 + "Russia, which invaded Ukraine a year ago, suspended New "
     "START on Tuesday.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
    ("who-before-said", _MOSCOW23 + "The envoy who led the talks in Geneva said that Russia "
     "suspended New START on Tuesday.", [w("new_start_2010", "RUS", "suspended", "2023-02")]),
]

NO_FACT += [
    # an actor in a restrictive relative clause on a subject no actor names is not the subject
    ("relative-object-not-subject", _MOSCOW23 + "The country that invaded Ukraine a year ago "
     "suspended New START on Tuesday."),
    ("relative-powers", _BONN90 + "The four powers that occupied Germany after the war signed "
     "the Two Plus Four Treaty on Wednesday."),
]


_REEFS = "World news\n2024-05-02\n\n"

FACTS += [
    # trap: an agreement named in common words with no organisation before it stays read
    ("maritime-agreement-plain", _REEFS + "The United States accused China of violating the "
     "maritime consultative agreement on Monday.",
     [w("us_china_mmca_1998", "CHN", "violation_alleged", None, "USA")]),
]

NO_FACT += [
    # a name in apposition to an organisation's noun is the organisation's, not an agreement's
    ("think-tank-name", _REEFS + "Chinese President Xi Jinping had violated his commitment not "
     "to militarise the reefs, according to a Washington think tank, the Pacific Maritime "
     "Security Initiative."),
    ("institute-name", _REEFS + "China violated its commitment on the reefs. The finding came "
     "from a research institute, the Pacific Maritime Security Initiative, on Monday."),
]


_KYIV15 = "World news\n2015-03-02\n\n"
_PLEDGE = "Under the Budapest Memorandum, Russia pledged to respect the borders of Ukraine. "

FACTS += [
    # walking or backing away from a pledge, going back on one's word: a breach alleged
    ("walked-away-from-pledge", _KYIV15 + _PLEDGE + "Kyiv says Moscow walked away from that "
     "pledge last year.", [w("budapest_memo_1994", "RUS", "violation_alleged", None, "UKR")]),
    ("gone-back-on-word", _KYIV15 + _PLEDGE + "Kyiv says Moscow has gone back on its word.",
     [w("budapest_memo_1994", "RUS", "violation_alleged", None, "UKR")]),
    ("backing-away-from-commitment", _KYIV15 + _PLEDGE + "Kyiv says Moscow began backing away "
     "from that commitment in 2014.",
     [w("budapest_memo_1994", "RUS", "violation_alleged", None, "UKR")]),
    # trap: walking away from the treaty itself stays a withdrawal
    ("walked-away-from-treaty", _INF + "The United States walked away from the INF Treaty on "
     "Friday.", [w("inf_1987", "USA", "withdrew", "2019-08")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_twentieth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_twentieth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
