"""Twenty-eighth round (issue 14): the three leaks blind42–43 left, one general mechanism per
class. Tested on sentences composed for these tests (not taken from the gold texts), each with
the traps that must keep their old reading.

Classes: an end told in the progressive ("which is expiring on", "is running out on") with a
date after the time the sentence itself gives — an end still ahead then, not an end; an act whose
taking effect is still to come ("the withdrawal will take effect six months after", "the
suspension is to enter into force 90 days after") — a decision announced, not the act in force;
an acceptance (consent read as a signing) held to a condition stated after it ("says he accepts
the plan, assuming ...", "provided that", "on condition that").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D10 = "World news\n2010-06-01\n\n"
_D20 = "World news\n2020-06-01\n\n"
_D21 = "World news\n2021-06-01\n\n"

# (1) an end told in the progressive, dated after the time the sentence gives
NO_FACT += [
    ("is-expiring-after-dated-clause", _D10 + "On October 2, 2009, Washington and Moscow "
     "resumed talks on START I, which is expiring on December 5, 2009."),
    ("are-running-out", _D20 + "In January 2019 Moscow warned that the limits of New START, "
     "which are running out on February 5, 2021, had to be extended."),
    ("is-lapsing", _D21 + "On March 3, 2020, Kyiv said it would not renew the friendship treaty "
     "with Russia, which is lapsing on March 31, 2021."),
    ("is-ending-progressive", _D20 + "On 4 May 2018 the parties met to discuss the Minsk II "
     "agreement, which is expiring in December 2018."),
]
FACTS += [
    # traps: a past progressive end that happened, told with no earlier time in the sentence;
    # an end told in the simple past with its date
    ("was-expiring-happened", _D10 + "START I was expiring on December 5, 2009, and the two "
     "sides let it lapse without a successor.", [w("start1_1991", "*", "expired", "2009-12")]),
    ("expired-on-date", _D20 + "On September 6, 2019, Kyiv noted that the friendship treaty "
     "with Russia had expired on March 31, 2019.",
     [w("ukr_rus_friendship_1997", "*", "expired", "2019-03")]),
]

# (2) an act whose taking effect is still to come
NO_FACT += [
    ("suspension-will-enter-force", _D20 + "The decree suggests that the suspension of the "
     "Open Skies Treaty will enter into force 90 days after Moscow notifies Washington."),
    ("withdrawal-will-take-effect", "World news\n2019-02-02\n\nThe withdrawal from the INF "
     "Treaty will take effect six months after the notice, officials in Washington said."),
    ("termination-is-to-take-effect", _D20 + "The termination of the CFE Treaty is to take "
     "effect 150 days after Russia notifies the depositary, the ministry said."),
    ("effect-after-notifies-to-suspend", _D20 + "Officials said the suspension will take "
     "effect 60 days after Moscow notifies Washington to suspend the Open Skies Treaty."),
    ("effect-after-us-to-withdraw", _D20 + "The withdrawal will enter into force 90 days after "
     "the Russian side informs the U.S. administration to withdraw from the Open Skies "
     "Treaty."),
    ("pullout-shall-become-effective", "World news\n2018-05-09\n\nThe pullout from the JCPOA "
     "shall become effective once the sanctions are reimposed, the White House said."),
]
FACTS += [
    # traps: a taking effect told as done; a withdrawal done, its effect still to come, told
    # with its own verb
    ("suspension-entered-into-force", _D20 + "Russia's suspension of the CFE Treaty entered "
     "into force on December 12, 2007.", [w("cfe_1990", "RUS", "suspended", "2007-12")]),
    # (written with the change: the same time set by a step, told as past)
    ("took-effect-after", "World news\n2008-01-30\n\nRussia's suspension of the CFE Treaty "
     "took effect 150 days after Moscow notified the depositary.",
     [w("cfe_1990", "RUS", "suspended")]),
    ("withdrew-will-take-effect", "World news\n2019-02-03\n\nThe United States withdrew from "
     "the INF Treaty on February 2, 2019; the decision will take effect in August.",
     [w("inf_1987", "USA", "withdrew", "2019-02")]),
]

_D08 = "World news\n2008-08-13\n\nEU president Nicolas Sarkozy has negotiated a ceasefire " \
    "in Georgia, agreeing on a six-point plan with Moscow.\n"

# (3) an acceptance held to a condition stated after it
NO_FACT += [
    ("accepts-assuming", _D08 + "Georgian president Mikheil Saakashvili says he accepts the "
     "ceasefire plan, assuming certain legal details are agreed upon."),
    ("accepts-provided", _D08 + "The Georgian president accepted the ceasefire plan, provided "
     "that Russian troops leave South Ossetia."),
    ("accepts-on-condition", _D08 + "Russian president Dmitry Medvedev accepts the ceasefire "
     "plan on condition that Georgian forces return to their bases."),
    # (written with the change: an act inside the condition is no act either)
    ("withdraw-inside-condition", _D08 + "The Georgian president accepted the ceasefire plan on "
     "condition that Russian troops withdraw from Gori."),
    ("agreed-so-long-as", "World news\n2020-03-02\n\nThe Taliban agreed to the Doha agreement "
     "as long as the prisoners are released first, a spokesman said."),
]
FACTS += [
    # traps: an acceptance without a condition; signed and accepted; a condition that belongs
    # to another, later act
    ("accepted-no-condition", _D08 + "The Georgian president accepted the ceasefire plan on "
     "Tuesday.", [w("georgia_six_point_2008", "GEO", "signed")]),
    ("accepted-and-if-later", _D08 + "The Georgian president accepted the ceasefire plan on "
     "Tuesday and said he would meet Medvedev if talks resumed.",
     [w("georgia_six_point_2008", "GEO", "signed")]),
    ("signed-and-accepted", _D08 + "The Georgian president signed and accepted the ceasefire "
     "plan on Friday, his office said.", [w("georgia_six_point_2008", "GEO", "signed")]),
]

# (4) recall: an agreement named "X Treaty" in the record also written "Treaty of X"
FACTS += [
    ("senate-ratified-treaty-of-moscow", "World news\n2003-03-07\n\nThe US Senate ratified "
     "the Treaty of Moscow on Thursday.", [w("sort_2002", "USA", "ratified")]),
    ("agreement-of-simla", "World news\n1972-08-10\n\nPakistan's National Assembly ratified "
     "the Agreement of Simla last week.", [w("simla_1972", "PAK", "ratified")]),
]


def test_place_name_inverted() -> None:
    from detente.text._gazetteer import agreement_names

    assert "Treaty of Moscow" in agreement_names("Moscow Treaty")
    assert "Agreement of Simla" in agreement_names("Simla Agreement")
    # traps: an acronym, a name of more words, a place that is an actor's name
    assert "Treaty of SALT" not in agreement_names("SALT Treaty")
    assert not any(n.startswith("Treaty of") for n in agreement_names("Open Skies Treaty"))
    assert "Agreement of Beijing" not in agreement_names("Beijing Agreement",
                                                         frozenset({"beijing"}))


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
