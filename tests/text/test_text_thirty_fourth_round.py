"""Thirty-fourth round (issue 14): blind56–63's six leaks, one general mechanism per class.
Tested on sentences composed for these tests (not taken from the gold texts), each class with
traps that must keep their old reading.

Classes: an act told as an option by a modal of possibility right before it ("can violate",
"is free to withdraw", "has the right to suspend") — not a fact ("could not ratify" in the
past stays a negated act, so still no fact); an act under a noun of refusal or failure ("the
refusal to honour", "its reluctance to comply", "an unwillingness to observe") — the act
negated ("refused to ratify" stays the ratification withheld it is today); an act under a
noun of decision or step qualified as not taken ("its potential decision to withdraw", "a
possible move to suspend", "the planned step to leave") — hypothetical; an act the subject
"moves toward(s)" or "edges toward(s)" doing — still to come; an act inside a mandative
"that" clause, quoted or not, whose verb is a subjunctive ("urged 'that the Senate move
swiftly ... by giving its consent to the ratification'") — urged, not done.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D87 = "World news\n1987-12-20\n\n"
_D99 = "World news\n1999-10-01\n\n"
_D07 = "World news\n2007-07-20\n\n"
_D16 = "World news\n2016-10-10\n\n"
_D19 = "World news\n2019-01-15\n\n"
_D20 = "World news\n2020-12-01\n\n"

# (1) an act told as an option by a modal of possibility
NO_FACT += [
    ("can-violate", _D19 + "Russia can violate the INF Treaty, but it would pay a price."),
    ("can-simply-withdraw", _D20 + "Washington can simply withdraw from New START at any "
     "time."),
    ("is-free-to-withdraw", _D07 + "Moscow is free to withdraw from the CFE Treaty."),
    ("has-the-right-to-suspend", _D07 + "Russia has the right to suspend the CFE Treaty."),
    ("could-not-ratify-past", _D99 + "Russia could not ratify the CTBT before 2000."),
    ("can-still-ratify", _D99 + "The Duma can still ratify START II this year."),
]
FACTS += [
    # traps: an act done beside the option; a "can" far from the act does not reach it
    ("can-and-did", _D19 + "Washington said Russia can no longer hide it: Russia violated "
     "the INF Treaty.", [w("inf_1987", "RUS", "violation_alleged")]),
    ("we-can-report-withdrew", _D19 + "We can report that the United States withdrew from "
     "the INF Treaty on Friday.", [w("inf_1987", "USA", "withdrew")]),
]

# (2) an act under a noun of refusal, failure or reluctance: the act negated
NO_FACT += [
    ("refusal-to-honor", _D16 + "The current refusal to further honor the plutonium agreement "
     "worries Washington."),
    ("reluctance-to-comply", _D19 + "Russia's reluctance to comply with the INF Treaty is "
     "well known."),
    ("unwillingness-to-observe", _D07 + "Moscow's unwillingness to observe the CFE Treaty "
     "alarmed NATO."),
    ("refusal-to-abide", _D20 + "Moscow's refusal to abide by New START limits was not "
     "confirmed."),
]
FACTS += [
    # traps: "refused to ratify" stays the ratification withheld; a keeping beside the refusal
    ("refused-to-ratify", _D99 + "The Senate refused to ratify the CTBT.",
     [w("ctbt_1996", "USA", "not_ratified")]),
    ("refusal-to-ratify", _D99 + "The Senate's refusal to ratify the CTBT angered allies.",
     [w("ctbt_1996", "USA", "not_ratified")]),
]

# (3) a decision, move or step qualified as not taken: the act hypothetical
NO_FACT += [
    ("potential-decision-withdraw", "World news\n2025-06-01\n\nIran's nuclear programme is "
     "escalating, underscored by its potential decision to withdraw from the NPT."),
    ("possible-move-to-suspend", _D07 + "NATO discussed Russia's possible move to suspend the "
     "CFE Treaty."),
    ("planned-step-to-leave", _D19 + "The planned step to leave the INF Treaty drew "
     "criticism in Europe."),
    ("likely-decision-withdraw", _D20 + "Analysts expect a likely decision to withdraw from "
     "New START."),
    ("proposed-move-to-ratify", _D99 + "Yeltsin's proposed move to ratify START II divided the "
     "Duma."),
]
FACTS += [
    # traps: a decision taken is the act, as today
    ("decision-to-withdraw-announced", _D19 + "Trump announced his decision to withdraw from "
     "the INF Treaty on Friday.", [w("inf_1987", "USA", "withdrew")]),
]

# (4) an act the subject moves toward doing
NO_FACT += [
    ("moves-toward-breaching", "World news\n1986-06-01\n\nThe debate grows as the Reagan "
     "administration moves toward deliberately breaching the SALT II Treaty."),
    ("moving-towards-withdrawing", _D19 + "Washington is moving towards withdrawing from the "
     "INF Treaty."),
    ("edged-toward-ratifying", _D99 + "The Duma edged toward ratifying START II."),
    ("moved-closer-to-suspending", _D07 + "Moscow moved closer to suspending the CFE Treaty."),
]
FACTS += [
    # trap: a move done with its act ("moved to withdraw ... and did") is not touched
    ("withdrew-after-move", _D19 + "The United States withdrew from the INF Treaty after "
     "moving toward it for a year.", [w("inf_1987", "USA", "withdrew")]),
]

# (5) an act inside a mandative "that" clause (quoted or not) with a subjunctive verb
NO_FACT += [
    ("urged-quoted-consent", "World news\n1968-07-10\n\nThe President sent the NPT to the "
     "Senate. His message urged \"that the Senate act swiftly by giving its consent to the "
     "ratification of this treaty.\""),
    ("urged-that-ratification", _D99 + "Clinton urged that the Senate move quickly toward "
     "ratification of the CTBT."),
    ("requested-that-withdrawal", _D19 + "The senators requested that the President reconsider "
     "before the withdrawal from the INF Treaty."),
]
FACTS += [
    # trap: an indicative "that" clause after a report is a fact
    ("said-that-ratified", _D99 + "The statement said that the Duma ratified START II.",
     [w("start2_1993", "RUS", "ratified")]),
]

# (6) an act listed as an event that would give a right: not an act done
NO_FACT += [
    ("events-giving-right-include", "World news\n2000-04-20\n\nThe law lists the events "
     "giving Moscow the right to leave START II, including the United States' withdrawal from "
     "the ABM Treaty."),
    ("circumstances-would-give-right", _D07 + "Circumstances that would give Moscow the right "
     "to act include a NATO violation of the CFE Treaty."),
    ("grounds-entitling", _D19 + "The grounds entitling Washington to respond would include "
     "Russia's withdrawal from the INF Treaty."),
]
FACTS += [
    # trap: an act told before the event noun is a fact
    ("withdrew-an-event-giving", "World news\n2002-06-20\n\nThe United States withdrew from "
     "the ABM Treaty, an event that critics said gave Moscow cause for alarm.",
     [w("abm_1972", "USA", "withdrew")]),
]

@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
