"""Nineteenth round (issue 14): blind18's errors. Tested on sentences composed for these tests
(not taken from the gold texts), each with the traps that must keep their old reading.

Mechanisms: an act only proposed (the subject of a bill, a draft law, a motion or a proposal "on
the termination of" a treaty, sent, tabled or submitted to a parliament) is no act; a note or
notice of the termination (the notice is the act) and a plain act stay facts. An organisation's
leaders (ministers, delegations) coordinated with another actor's leader ("NATO leaders and
Russian President Boris Yeltsin signed") are both the act's actors. A treaty's standing clause,
a general rule in the present ("is automatically renewed ... unless one of the parties
notifies"), is no dated act; a renewal that happened ("was automatically renewed in 2008") stays
a fact. An act that someone makes harder ("criticizes NATO for complicating CFE Treaty
ratification") is neither done nor withheld by them; "delaying ratification" stays a
ratification withheld. An agreement the record does not hold, told by a year of signature that
is not the record's ("a test-ban agreement signed in the 1950s") or by a proper name the record
does not know ("the Peaceful Nuclear Explosions Treaty"), is not resolved to another agreement.
A domestic law or decree that comes into effect ("The law came into effect that day") is not the
agreement's entry into force. "Held" is an agreement kept only with no object ("the ceasefire
has largely held since March"; not "the Warsaw Pact held military exercises"). An act as what a
kind of document is for ("not a formally binding treaty to be ratified by parliaments") is no
act, done or withheld.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_KYIV = "World news\n2018-12-10\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- traps of the proposed act: an act done, or its notice, stays a fact -------------------
    ("terminated-plain", _KYIV + "Ukraine terminated the Treaty of Friendship with Russia on "
     "Tuesday.", [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
    ("notice-of-termination", _KYIV + "Kyiv gave formal notice of the termination of "
     "the Treaty of Friendship with Russia on Tuesday.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an act proposed to a parliament: a bill, a draft law, a motion, a proposal on it
    ("bill-on-termination", _KYIV + "The Ukrainian president sent a bill to parliament on the "
     "termination of the Treaty of Friendship with Russia on Tuesday."),
    ("draft-law-on-suspension", _KYIV + "The cabinet submitted a draft law to the Duma on the "
     "suspension of the New START Treaty on Monday."),
    ("motion-on-withdrawal", _KYIV + "Opposition deputies tabled a motion in the Rada on "
     "Ukraine's withdrawal from the Treaty of Friendship with Russia."),
    ("proposal-for-extension", _KYIV + "Moscow put forward a proposal for the extension of the "
     "New START Treaty by five years."),
]


_PARIS = "World news\n1997-05-27\n\n"

FACTS += [
    # an organisation's leaders coordinated with a named person: both sides act
    ("leaders-and-president", _PARIS + "NATO leaders and Russian President Boris Yeltsin today "
     "signed the Founding Act in Paris.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27")]),
    ("ministers-and-minister", _PARIS + "NATO foreign ministers and Russian Foreign Minister "
     "Yevgeny Primakov signed the Founding Act in Paris today.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27")]),
    # traps: one actor alone, and a pair named plainly, keep their reading
    ("president-alone", _PARIS + "Russian President Boris Yeltsin signed the Founding Act in "
     "Paris today.", [w("nato_russia_founding_act_1997", "RUS", "signed", "1997-05-27")]),
    ("pair-plain", _PARIS + "NATO and Russia signed the Founding Act in Paris today.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27")]),
]


FACTS += [
    # trap of the standing clause: a renewal that happened stays a fact
    ("renewed-past", _KYIV + "The Treaty of Friendship with Russia was automatically renewed in "
     "2008.", [w("ukr_rus_friendship_1997", "*", "extended", "2008")]),
]

NO_FACT += [
    # a treaty's standing clause, a general rule in the present, is no dated act
    ("renewed-unless", _KYIV + "The Treaty of Friendship with Russia is automatically renewed "
     "for ten-year periods unless either party objects."),
    ("extended-if", _KYIV + "The Treaty of Friendship is extended every ten years if neither "
     "side gives written notice."),
]


_CFE = "World news\n2005-06-01\n\n"

FACTS += [
    # traps of the act made harder: a ratification done, and one delayed (withheld), keep theirs
    ("completed-ratification", _CFE + "Russia completed ratification of the adapted CFE Treaty "
     "in 2004.", [w("acfe_1999", "RUS", "ratified", "2004")]),
    ("delayed-ratification", _CFE + "Moscow blamed Washington for delaying ratification of the "
     "adapted CFE Treaty.", [w("acfe_1999", "USA", "not_ratified")]),
]

NO_FACT += [
    # an act someone makes harder is neither done nor withheld by them
    ("complicating-ratification", _CFE + "Moscow criticized NATO for complicating CFE Treaty "
     "ratification."),
    ("hampering-ratification", _CFE + "Russia accused the alliance of hampering the "
     "ratification of the adapted CFE Treaty."),
]


_TESTS = "World news\n1986-05-01\n\n"
_TTBT = "Nixon signed the Threshold Test Ban Treaty in 1974. "

FACTS += [
    # an agreement the record does not hold, by a year of signature that is not the record's
    # one or by a proper name the record does not know, is not resolved to another agreement
    ("decade-of-another", _TESTS + "Moscow said Washington broke a test-ban agreement signed in "
     "the 1950s and a 1974 limit on the size of tests.", []),
    ("year-of-another", _TESTS + _TTBT + "Moscow says Washington violated an atmospheric "
     "test-ban accord concluded in 1963.", [w("ttbt_1974", "USA", "signed", "1974")]),
    ("unknown-name-signed", _TESTS + _TTBT + "Brezhnev then signed the Peaceful Nuclear "
     "Explosions Treaty in 1976.", [w("ttbt_1974", "USA", "signed", "1974")]),
    ("unknown-name-passive", _TESTS + _TTBT + "The Outer Space Treaty was extended to the moon "
     "in 1979.", [w("ttbt_1974", "USA", "signed", "1974")]),
    # traps: the record's own year, and an anaphor with no other name, keep their reading
    ("year-of-its-own", _TESTS + "Moscow said Washington violated a test-ban agreement signed "
     "in 1974.", [w("ttbt_1974", "USA", "violation_alleged", by="SUN"),
                 w("ttbt_1974", "*", "signed", "1974")]),
    ("anaphor-kept", _TESTS + _TTBT + "Brezhnev signed the treaty in Moscow as well.",
     [w("ttbt_1974", "USA", "signed", "1974"), w("ttbt_1974", "SUN", "signed")]),
]


_PU = "World news\n2016-10-31\n\n"
_LAW = "Putin signed a federal law suspending the Plutonium Management and Disposition Agreement. "

FACTS += [
    # a domestic law or decree entering into force is not the agreement's entry into force
    ("law-took-effect", _PU + _LAW + "The law came into effect that day.",
     [w("pmda_2000", "RUS", "suspended")]),
    ("decree-in-force", _PU + _LAW + "His decree entered into force on Monday.",
     [w("pmda_2000", "RUS", "suspended")]),
    # trap: the agreement itself
    ("agreement-took-effect", _PU + _LAW + "The agreement came into effect in 2011.",
     [w("pmda_2000", "RUS", "suspended"), w("pmda_2000", "*", "entered_into_force", "2011")]),
]


_MINSK = "World news\n2015-09-01\n\nThe Minsk agreements were signed in February. "

FACTS += [
    # "held" is an agreement kept only with no object: "the Warsaw Pact held maneuvers" holds
    # something (an alliance, not the record's agreement)
    ("pact-held-object", _MINSK + "The Warsaw Pact held military exercises near the border "
     "in March.", [w("minsk2_2015", "*", "signed", "2015-02")]),
    ("ceasefire-held-object", _MINSK + "Leaders who back the ceasefire held a meeting in Minsk "
     "in March.", [w("minsk2_2015", "*", "signed", "2015-02")]),
    # traps: a truce that held keeps its reading
    ("ceasefire-held-since", _MINSK + "The ceasefire has largely held since March.",
     [w("minsk2_2015", "*", "signed", "2015-02"), w("minsk2_2015", "*", "kept")]),
    ("truce-held-end", _MINSK + "The truce held.",
     [w("minsk2_2015", "*", "signed", "2015-02"), w("minsk2_2015", "*", "kept")]),
]


_FA = "World news\n1997-05-27\n\nNATO and Russia signed the Founding Act today. "

FACTS += [
    # an act as what a kind of document is for ("a treaty to be ratified by parliaments") is no
    # act, done or withheld
    ("treaty-to-be-ratified", _FA + "The accord is a treaty to be ratified by both "
     "parliaments.", [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27")]),
    ("not-a-treaty-to-be-ratified", _FA + "It is not a legally binding treaty to be ratified "
     "by national parliaments.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27")]),
    # traps: a ratification still awaited or refused keeps its reading
    ("yet-to-be-ratified", _FA + "The Founding Act has yet to be ratified by the Duma.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27"),
      w("nato_russia_founding_act_1997", "RUS", "not_ratified")]),
    ("was-ratified", _FA + "The Founding Act was ratified by the Duma in June.",
     [w("nato_russia_founding_act_1997", "NATO;RUS", "signed", "1997-05-27"),
      w("nato_russia_founding_act_1997", "RUS", "ratified")]),
]


_BODY = ("\n\nMOSCOW, Feb. 22 (Wire) -- Russia suspended the New START Treaty on Tuesday, the "
         "Kremlin said.\n\nNo more was said.")

FACTS += [
    # an article's headline (one line over the body, with no full stop, or over a line that is
    # a date alone) gives no act: the body reports what it tells
    ("headline-no-stop", "Moscow quits New START, blames Washington" + _BODY,
     [w("new_start_2010", "RUS", "suspended")]),
    ("headline-over-date", "Kyiv terminated the Treaty of Friendship with Russia. Its end "
     "comes in April.\n\n07 December 2018, 12:23\n\nThe cabinet met on Friday.\n\nNo more "
     "was said.", []),
    # traps: a first paragraph that is the story's first sentence keeps its act
    ("lead-sentence", "Russia suspended the New START Treaty on Tuesday.\n\nThe Kremlin "
     "confirmed it.\n\nNo more was said.", [w("new_start_2010", "RUS", "suspended")]),
]


FACTS += [
    # a state's parliament by its own name acts for the state ("the Verkhovna Rada", "the
    # Supreme Soviet"), not the last state named after it
    ("rada-terminated", _KYIV + "The Verkhovna Rada approved the termination of the Treaty of "
     "Friendship between Ukraine and Russia on Thursday.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
    ("supreme-soviet-ratified", "World news\n1991-03-05\n\nThe Supreme Soviet ratified the "
     "Two-plus-Four Treaty on Monday.", [w("two_plus_four_1990", "SUN", "ratified", "1991-03")]),
]


_DEC = "World news\n2018-12-07\n\n"

FACTS += [
    # a date of effect after an act done is not the act's date: the act stays a fact
    ("denounce-starting-from", _DEC + "The Rada voted to denounce the Treaty of Friendship with "
     "Russia starting from April 1, 2019.", [w("ukr_rus_friendship_1997", "UKR", "withdrew")]),
    ("terminated-effective", _DEC + "Ukraine terminated the Treaty of Friendship with Russia "
     "with effect from April 1, 2019.", [w("ukr_rus_friendship_1997", "UKR", "withdrew")]),
    # trap: a date fronted is the act's own
    ("as-of-fronted", "World news\n2023-06-05\n\nAs of 1 June, the United States has suspended "
     "its notifications under the New START Treaty.",
     [w("new_start_2010", "USA", "suspended", "2023-06")]),
]

NO_FACT += [
    # trap: an act to come on a later date stays no act
    ("will-denounce-on", _DEC + "The Rada will denounce the Treaty of Friendship with Russia "
     "starting from April 1, 2019."),
]


FACTS += [
    # "discontinue" a treaty, its "discontinuation", is its termination; the recipient of a
    # note or notice on it is not the one who acts
    ("discontinued", _DEC + "Kyiv discontinued the Treaty of Friendship with Russia on Monday.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
    ("note-on-discontinuation", _DEC + "Ukraine announced the discontinuation of the Treaty of "
     "Friendship with Russia.", [w("ukr_rus_friendship_1997", "UKR", "withdrew")]),
    ("recipient-of-note", _DEC + "Russia received an official note on the discontinuation of "
     "the Treaty of Friendship.", []),
    # trap: the sender named after the note keeps the act
    ("note-from-sender", _DEC + "Moscow received a formal notice from Kyiv of the termination "
     "of the Treaty of Friendship.", [w("ukr_rus_friendship_1997", "UKR", "withdrew")]),
]


FACTS += [
    # the indirect object of a note or notice sent is its recipient, not the one who acts
    ("sent-recipient-a-note", _DEC + "Kyiv sent Moscow a note on the termination of the Treaty "
     "of Friendship on Tuesday.", [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
    ("gave-recipient-notice", _DEC + "Kyiv gave Moscow formal notice of the termination of the "
     "Treaty of Friendship on Tuesday.",
     [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
    # trap: a note with no recipient named keeps its sender
    ("sent-a-note", _DEC + "Kyiv sent a note on the termination of the Treaty of Friendship on "
     "Tuesday.", [w("ukr_rus_friendship_1997", "UKR", "withdrew", "2018-12")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_nineteenth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_nineteenth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
