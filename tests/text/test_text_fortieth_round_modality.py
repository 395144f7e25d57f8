"""Fortieth round, part two (issue 14): blind90–91's two leak constructions as classes of
``_governed``.

An intention, plan, readiness, willingness, desire or offer whose infinitive governs the act's
noun through another verb ("voiced its desire to see an extension of"), a decision still to be
taken with the act in its infinitive ("the decision to resume ... will be up to the president"),
and a passive told as an option ("which can be extended for up to five years") are no facts. A
decision carried out ("took effect", "announced a decision to withdraw") and an intention acted
on stay facts. Every sentence here was composed for these tests (none is taken from the gold
texts); each trap was a fact before this round.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text._extract import _LATE_CLASSES, _governed

TRAPS: list[tuple[str, str]] = [
    # an intention noun governing the act's noun through another verb
    ("desire-to-see", "Arms control\n\nIn 2021 Moscow voiced its desire to see an extension "
     "of New START."),
    # a decision still to be taken
    ("decision-up-to", "Arms control\n\nIn 2023 the decision to extend New START will be up "
     "to the president."),
    ("decision-rests-with", "Arms control\n\nIn 2023 the decision to extend New START rests "
     "with the president."),
    # a passive told as an option, in a relative clause after an intention
    ("which-can-be-extended", "Arms control\n\nIn 2021 Biden spoke of New START, which can "
     "be extended for up to five years."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    # decisions carried out
    ("decision-took-effect", "Arms control\n\nIn 2021 Moscow's decision to extend New START "
     "took effect in February.", [w("new_start_2010", "RUS", "extended")]),
    ("announced-decision", "Arms control\n\nIn 2023 Moscow announced a decision to withdraw "
     "from New START.", [w("new_start_2010", "RUS", "withdrew")]),
    ("decision-came-into-force", "Europe\n\nIn 2023 Russia's decision to withdraw from the "
     "CFE Treaty came into force in November.", [w("cfe_1990", "RUS", "withdrew")]),
    # the same verb, past, without the option
    ("was-extended", "Arms control\n\nIn 2021 New START was extended for five years.",
     [w("new_start_2010", "*", "extended")]),
]


@pytest.mark.parametrize("text", text_params(TRAPS))
def test_governed_act_is_no_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_same_words_stay_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("s,trigger,etype,cls", [
    ("Kyiv stated its intention to pursue an extension of the pact.", "extension", "extended",
     "intent"),
    ("Kyiv showed its readiness to discuss the withdrawal from the pact.", "withdrawal",
     "withdrew", "intent"),
    ("The decision to resume Kyiv's participation in the pact will be up to the president.",
     "resume", "compliance_restored", "pending-decision"),
    ("The choice to leave the pact lies with parliament.", "leave", "withdrew",
     "pending-decision"),
    ("The pact can be extended for five years.", "extended", "extended", "option"),
    ("A decision to leave the pact has yet to be made.", "leave", "withdrew",
     "pending-decision"),
])
def test_class_of_governing_word(s: str, trigger: str, etype: str, cls: str) -> None:
    t0 = s.index(trigger)
    assert _governed(s, 0, 0, t0, t0 + len(trigger), trigger, etype, _LATE_CLASSES) == cls


@pytest.mark.parametrize("s,trigger,etype", [
    # an intention acted on, a plan carried out
    ("Kyiv acted on its intention to complete the withdrawal from the pact.", "withdrawal",
     "withdrew"),
    ("Kyiv implemented its plan to complete the extension of the pact.", "extension",
     "extended"),
    # decisions carried out: no deferral after the act's phrase
    ("The decision to resume Kyiv's participation in the pact took effect in May.", "resume",
     "compliance_restored"),
    ("The decision to leave the pact was announced in May.", "leave", "withdrew"),
    ("The pact was extended for five years.", "extended", "extended"),
])
def test_same_words_not_governed(s: str, trigger: str, etype: str) -> None:
    t0 = s.index(trigger)
    assert _governed(s, 0, 0, t0, t0 + len(trigger), trigger, etype, _LATE_CLASSES) is None
