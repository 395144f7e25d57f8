"""Sixteenth round (issue 14): blind15's errors, then recall. Tested on sentences composed for
these tests (not taken from the gold texts), each with the traps that must keep their old
reading.

Mechanisms: an accusation that is itself only weighed or possible ("enough evidence to accuse
Moscow of violating", "grounds to accuse", "whether to accuse") gives no fact of the violation;
an accusation made ("accused Russia of violating", "decided to accuse") still does. An act under
an agreement needs the agreement to exist at the act's date: an act dated (or, undated, in an
article dated) before the agreement's signature is under the article's one other named agreement
signed by then, or is no act at all; a signing, ratification or consent may be awaited. A
labelled date line among the first paragraphs ("Publish date: June 16, 2002", "Posted on 3 May
2019") dates the article as a dateline does: "on Friday" under it is that week's Friday. A
violation noun modified by the violator's name ("Russian violations of the INF Treaty") is
presupposed, as a definite one is, under a modal or future head ("will show that"). An act in a
question's time or cause clause ("... when Moscow has violated the treaty?") is presupposed by
the question, not asked (not a clause with a modal: "when it could violate"). A past pledge to
keep the agreement a relative clause is about ("the treaty, which the two states pledged to abide
by") is its observance; a pledge standing alone ("promised to abide by the treaty") stays one.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_DL = "Missile row\n2017-03-03\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- traps of the weighed accusation: an accusation made is still a fact -------------------
    ("accused-made", _DL + "The United States accused Russia of violating the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
    ("decided-to-accuse", _DL + "The United States decided to accuse Russia of violating the "
     "INF Treaty.", [w("inf_1987", "RUS", "violation_alleged")]),
    ("evidence-that", _DL + "Washington said it has evidence that Russia violated the INF "
     "Treaty.", [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
]

FACTS += [
    # --- an act dated before its agreement was signed ------------------------------------------
    ("act-before-signature", "The report discusses the ABM Treaty and SALT II at length. In "
     "1974 the U.S. suspected that the Soviets were violating SALT II by building new silos.",
     [w("abm_1972", "SUN", "violation_alleged", "1974")]),
    # (trap: the same act dated after the signature keeps its agreement)
    ("act-after-signature", "The report discusses the ABM Treaty and SALT II at length. In "
     "1984 the U.S. suspected that the Soviets were violating SALT II by building new silos.",
     [w("salt2_1979", "SUN", "violation_alleged", "1984")]),
]

FACTS += [
    # --- a labelled date line under the headline -----------------------------------------------
    ("publish-date-line", "Arms control news\n\nPublish date: March 9, 2007\n\nBy a staff "
     "writer\n\nRussia suspended the CFE Treaty on Thursday, officials said.",
     [w("cfe_1990", "RUS", "suspended", "2007-03")]),
    ("posted-on-line", "Arms control news\n\nPosted on 9 March 2007\n\nRussia suspended "
     "the CFE Treaty on Thursday, officials said.",
     [w("cfe_1990", "RUS", "suspended", "2007-03")]),
]

FACTS += [
    # --- a violation noun modified by the violator's name ----------------------------------------
    ("named-violations-presupposed", _DL + "The report will show that Russian violations of the "
     "INF Treaty are extensive.", [w("inf_1987", "RUS", "violation_alleged")]),
]

FACTS += [
    # --- an act in a question's time or cause clause ---------------------------------------------
    ("question-when-clause", "Debate\n1980-03-03\n\nWhy should we negotiate again when Moscow "
     "has so openly violated the Helsinki Final Act?",
     [w("helsinki_final_act_1975", "SUN", "violation_alleged")]),
]

FACTS += [
    # --- a past pledge in a relative clause on the agreement -------------------------------------
    ("pledge-relative-clause", "Arms control\n1988-03-03\n\nUnder the INF Treaty, which the "
     "Soviet Union and the United States pledged to abide by, each side gave up its missiles.",
     [w("inf_1987", "SUN;USA", "kept")]),
]

NO_FACT: list[tuple[str, str]] = [
    # (traps: a pledge standing alone; a modal pledge in the relative clause)
    ("pledge-alone", "Arms control\n1988-03-03\n\nRussia promised to abide by the INF "
     "Treaty."),
    ("pledge-relative-modal", "Arms control\n1988-03-03\n\nUnder the INF Treaty, which the "
     "two sides would pledge to abide by, each side gave up its missiles."),
    # (traps: the question's own act, a modal in the clause)
    ("question-own-act", "Debate\n1980-03-03\n\nDid the Soviet Union violate the Helsinki "
     "Final Act?"),
    ("question-when-modal", "Debate\n1980-03-03\n\nWill Moscow keep negotiating when it could "
     "violate the Helsinki Final Act?"),
    # (traps: a condition on the violations, a modal verb of violating)
    ("named-violations-if", _DL + "If Russian violations of the INF Treaty continue, Washington "
     "will respond."),
    ("modal-violate", _DL + "Russia may violate the INF Treaty."),
    # an act before the signature with no earlier agreement named: no act at all
    ("act-before-signature-alone", "In 1974 the U.S. suspected that the Soviets were violating "
     "SALT II by building new silos."),
    # --- an accusation weighed, not made ------------------------------------------------------
    ("evidence-to-accuse", _DL + "A panel will review the data before deciding whether there "
     "is enough evidence to accuse Moscow of breaching the INF Treaty."),
    ("grounds-to-accuse", _DL + "The committee will ask whether there are sufficient grounds to "
     "accuse the Russian government of repeatedly violating the INF Treaty."),
    ("reason-to-accuse", _DL + "Officials found reason to accuse the Russian military "
     "of secretly cheating on the INF Treaty."),
    ("could-accuse", _DL + "Washington could accuse Moscow of violating the INF Treaty."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_sixteenth_round_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_sixteenth_round_no_fact(text: str) -> None:
    assert_no_fact(text)
