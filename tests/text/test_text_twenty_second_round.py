"""Twenty-second round (issue 14): blind23's errors and what blind21/22 left. Tested on
sentences composed for these tests (not taken from the gold texts), each with the traps that
must keep their old reading.

Mechanisms: an exchange of instruments of ratification is the treaty's entry into force, not a
ratification. A memorandum described by its subject is the memorandum of the record whose
names hold its words, before an agreement of another kind that shares one word with it. The
commitments, pledges or undertakings "made in" or "under" an agreement are its parties' (its
conclusion), not the urged or reporting subject's. A participle coordinated with a passive one
("signed by A and B ... and ratified by the Duma") takes its own agent, and "the document was
signed by" is the signing of the agreement the article has named. The talks of a process named
for its one joint statement ("the six-party talks") are that statement, and walking out of them
is a withdrawal. Reaffirming an agreement, or a commitment to it, is holding to it. A
wire dateline's city ("MOSCOW (Interfax) -") is where the story was filed, not an actor.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_NS11 = "World news\n2011-02-06\n\n"
_INF88 = "World news\n1988-06-02\n\n"
_START94 = "World news\n1994-12-06\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # (1) "exchanged (the) instruments of ratification" puts the treaty in force
    ("exchanged-instruments", _NS11 + "Russia and the United States exchanged the instruments "
     "of ratification of New START on Saturday.",
     [w("new_start_2010", "*", "entered_into_force", "2011-02")]),
    ("leaders-exchanged-instruments", _INF88 + "Reagan and Gorbachev exchanged the instruments "
     "of ratification for the INF Treaty in Moscow on Wednesday.",
     [w("inf_1987", "*", "entered_into_force", "1988-06")]),
    ("ratified-then-exchanged", _INF88 + "The Soviet parliament ratified the INF Treaty last "
     "week, and the two leaders exchanged ratification documents in Moscow on Wednesday.",
     [w("inf_1987", "SUN", "ratified"), w("inf_1987", "*", "entered_into_force", "1988-06")]),
    # trap: the entry into force told with its own verb stays one fact
    ("force-when-exchanged", _START94 + "The START I treaty entered into force on Monday when "
     "the five states exchanged instruments of ratification in Budapest.",
     [w("start1_1991", "*", "entered_into_force", "1994-12")]),
]

_MOU17 = "World news\n2017-04-08\n\n"
_MOU16 = "World news\n2016-05-08\n\n"

FACTS += [
    # (2) a memorandum described by its subject: a word of an agreement of another kind
    # ("incidents", of the Incidents at Sea agreement) gives way to the memorandum whose names
    # hold the phrase's words ("operations", "Syria")
    ("memorandum-air-operations", _MOU17 + "Washington suspended on Thursday its memorandum "
     "with Moscow on avoiding incidents during air operations over Syria.",
     [w("syria_air_safety_mou_2015", "USA", "suspended", "2017-04")]),
    ("memorandum-incidents-syria", _MOU17 + "Moscow suspended on Friday its memorandum with "
     "Washington on preventing incidents over Syria.",
     [w("syria_air_safety_mou_2015", "RUS", "suspended", "2017-04")]),
    # traps: an agreement (not a memorandum) on incidents, and a memorandum whose words fit
    # no memorandum of the record, stay the Incidents at Sea agreement
    ("agreement-incidents-at-sea", _MOU17 + "Moscow suspended its agreement with Washington "
     "on preventing incidents at sea on Friday.", [w("incsea_1972", "RUS", "suspended")]),
    ("memorandum-at-sea", _MOU16 + "The admirals said Russia had breached its memorandum with "
     "the United States on preventing incidents at sea.",
     [w("incsea_1972", "RUS", "violation_alleged")]),
]

_SP06 = "World news\n2006-11-02\n\n"
_SP05 = "World news\n2005-09-20\n\n"

FACTS += [
    # (3) "the undertakings made in the joint statement of 19 September 2005": made by the
    # agreement's parties, not by the clause's subject or the actor urged to honour them
    ("undertakings-made-in", _SP06 + "Seoul asked the North to honour the undertakings made in "
     "the joint statement of 19 September 2005.",
     [w("six_party_2005", "*", "signed", "2005-09")]),
    # trap: a pledge told with its own subject stays that subject's
    ("pledged-own-subject", _SP05 + "North Korea pledged on Monday to abandon all nuclear "
     "weapons and existing nuclear programs.",
     [w("six_party_2005", "PRK", "signed", "2005-09")]),
]

_S2_01 = "World news\n2001-02-06\n\n"
_INF90 = "World news\n1990-02-06\n\n"

FACTS += [
    # (4) "signed by A and B ... and ratified by C": the second participle shares the passive
    # and takes its own agent; "The document was signed by" is the named treaty's signing
    ("signed-and-ratified-by-duma", _S2_01 + "START II was signed by George Bush and Boris "
     "Yeltsin in Moscow in January 1993 and ratified by the State Duma in April 2000.",
     [w("start2_1993", "USA;RUS", "signed", "1993-01"),
      w("start2_1993", "RUS", "ratified", "2000-04")]),
    ("signed-and-ratified-by-senate", _NS11 + "New START was signed by Dmitry Medvedev and "
     "Barack Obama in Prague on April 8, 2010 and ratified by the US Senate in December 2010.",
     [w("new_start_2010", "RUS;USA", "signed", "2010-04"),
      w("new_start_2010", "USA", "ratified", "2010-12")]),
    ("document-was-signed", _INF90 + "The two leaders met in Moscow to mark the INF Treaty. The "
     "document was signed by Reagan and Gorbachev in Washington on December 8, 1987.",
     [w("inf_1987", "USA;SUN", "signed", "1987-12")]),
    # trap: a ratification with its own agent after a signing stays that agent's
    ("signed-then-senate", _INF90 + "The INF Treaty was signed by Gorbachev and Reagan in "
     "Washington in December 1987 and ratified by the US Senate in May 1988.",
     [w("inf_1987", "SUN;USA", "signed", "1987-12"), w("inf_1987", "USA", "ratified", "1988-05")]),
]

NO_FACT: list[tuple[str, str]] = [
    # trap: a document released is no act
    ("document-released", _INF90 + "The two leaders met in Moscow to mark the INF Treaty. The "
     "document was released by the White House on Friday."),
]


_SP10 = "World news\n2010-05-02\n\n"
_SP07 = "World news\n2007-02-14\n\n"

FACTS += [
    # (5) a process's talks named for its one joint statement ("the six-party talks") are the
    # statement; walking out of them (or away from them) is a withdrawal
    ("walked-out-of-talks", _SP10 + "North Korea walked out of the six-party talks in April "
     "2009.", [w("six_party_2005", "PRK", "withdrew", "2009-04")]),
    ("walked-away-from-talks", _SP10 + "In 2009 Pyongyang walked away from the six-party talks "
     "and expelled the inspectors.", [w("six_party_2005", "PRK", "withdrew", "2009")]),
]

NO_FACT += [
    # traps: talks resumed, a walk-out from a meeting, a threatened walk-out
    ("talks-resumed", _SP07 + "The six-party talks resumed in Beijing on Monday after a "
     "two-month break."),
    ("walked-out-of-meeting", _SP07 + "The delegates walked out of the meeting in protest on "
     "Tuesday."),
    ("would-walk-out", _SP07 + "North Korea said it would walk out of the six-party talks if "
     "sanctions continued."),
]


_MK15 = "World news\n2015-12-12\n\n"

FACTS += [
    # (6) restating an agreement, or a commitment to it, is holding to it
    ("reaffirmed-commitment-to", _MK15 + "Russia and Ukraine reaffirmed their commitment to the "
     "Minsk agreements on Thursday.", [w("minsk2_2015", "RUS;UKR", "kept", "2015-12")]),
    ("reaffirmed-agreements", _MK15 + "France and Germany reaffirmed the Minsk agreements on "
     "Thursday.", [w("minsk2_2015", "FRA;DEU", "kept", "2015-12")]),
]

NO_FACT += [
    # traps: what is reaffirmed is a need, a position or a clause, not the agreement
    ("reaffirmed-need", _MK15 + "France and Germany reaffirmed the need for a new agreement on "
     "Thursday."),
    ("reaffirmed-that", _MK15 + "Berlin reaffirmed that the Minsk agreements had never been "
     "fully implemented by either side."),
]


_NS10 = "World news\n2010-04-09\n\n"
_INF87 = "World news\n1987-12-09\n\n"

FACTS += [
    # (2, continued) the memorandum's words past its six-word topic ("... in Syrian skies")
    ("memorandum-long-topic", _MOU17 + "Washington suspended on Thursday its memorandum with "
     "Moscow on cooperation and avoiding dangerous incidents during military operations in "
     "Syrian skies.", [w("syria_air_safety_mou_2015", "USA", "suspended", "2017-04")]),
    # (7) a wire dateline's city ("MOSCOW (Interfax) -") is no actor: an agentless passive of
    # signing is the parties'
    ("wire-dateline-moscow", _NS10 + "MOSCOW (Interfax) - New START was signed on April 8, "
     "2010, after a year of talks.", [w("new_start_2010", "*", "signed", "2010-04")]),
    ("wire-dateline-washington", _INF87 + "WASHINGTON (AP) — The INF Treaty was signed on "
     "Tuesday at the White House.", [w("inf_1987", "*", "signed", "1987-12")]),
    # trap: the sentence's own subject after the dateline stays the actor
    ("wire-dateline-subject", _NS10 + "MOSCOW (Interfax) - Russia signed New START on "
     "Thursday.", [w("new_start_2010", "RUS", "signed", "2010-04")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_twenty_second_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_twenty_second_round_no_fact(text: str) -> None:
    assert_no_fact(text)
