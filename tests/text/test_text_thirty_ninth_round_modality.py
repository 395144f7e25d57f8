"""Thirty-ninth round, part two (issue 14): five leak constructions as classes of ``_governed``.

An act under a necessity or an evaluation ("it is essential that Iran implements", "it is high
time for Iran to comply"), in the infinitive of a participle of assent ("agreeing to extend New
START would weaken"), under a counterfactual ("could have accused Moscow of violating"), the
subject of a future ("the fifth step in reducing its commitments will be taken"), or named by a
bill's participle ("a draft law denouncing the treaty") is no fact. Every sentence here was
composed for these tests (none is taken from the gold texts); each trap was a fact before this
round, and the facts beside them use the same words and stay facts.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text._extract import _LATE_CLASSES, _governed

TRAPS: list[tuple[str, str]] = [
    # a necessity or an evaluation over the act's clause
    ("crucial-that", "Arms control\n\nIn 2023 Washington said it is crucial that Moscow "
     "observes New START's limits."),
    ("vital-that", "Iran\n\nIn 2019 France said it is vital that Iran complies with the JCPOA."),
    # an assent to an act still ahead
    ("agreeing-to-extend", "Arms control\n\nIn 2021 Biden feared that agreeing to extend New "
     "START would weaken his hand."),
    # a counterfactual
    ("would-have-been-reason", "Syria\n\nIn 2013 there would have been good reason to "
     "criticise Russia for violating the Chemical Weapons Convention."),
    # an act ahead as the subject of a future
    ("step-will-be-taken", "Iran\n\nIn 2019 Iran said the fifth step in reducing its "
     "commitments under the JCPOA will be taken in September."),
    ("withdrawal-will-be-completed", "Iran\n\nIn 2019 Iran's withdrawal from the JCPOA will be "
     "completed in July."),
    # a bill named by its act's participle
    ("draft-law-denouncing", "Open Skies\n\nIn 2021 Putin sent parliament a draft law "
     "denouncing the Open Skies Treaty."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    ("clear-that", "Iran\n\nIn 2019 it is clear that Iran fully implements the JCPOA.",
     [w("jcpoa_2015", "IRN", "kept")]),
    ("agreed-to-extend", "Arms control\n\nIn 2021 Moscow agreed to extend New START in "
     "January.", [w("new_start_2010", "RUS", "extended")]),
    ("praised-for-agreeing", "Arms control\n\nIn 2021 Biden was praised for agreeing to "
     "extend New START.", [w("new_start_2010", "USA", "extended")]),
    ("would-have-after-comma", "Iran\n\nIn 2019 Iran violated the JCPOA, which would have "
     "been unthinkable a year ago.", [w("jcpoa_2015", "IRN", "violation_alleged")]),
    ("would-have-to", "Arms control\n\nIn 2023 Russia said it would have to suspend New "
     "START, and in February Russia suspended New START.",
     [w("new_start_2010", "RUS", "suspended")]),
    ("step-taken", "Iran\n\nIn 2019 Iran took the fourth step in reducing its commitments "
     "under the JCPOA.", [w("jcpoa_2015", "IRN", "suspended")]),
    ("bill-passed", "Open Skies\n\nIn 2021 the Duma passed a bill denouncing the Open Skies "
     "Treaty.", [w("open_skies_1992", "RUS", "withdrew")]),
]


@pytest.mark.parametrize("text", text_params(TRAPS))
def test_governed_act_is_no_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_same_words_stay_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("s,trigger,etype,cls", [
    ("It is essential that Kyiv implements the pact.", "implements", "kept", "necessity"),
    ("It is time for Kyiv to return to the pact.", "return", "compliance_restored",
     "necessity"),
    ("Agreeing to rejoin the pact would be costly.", "rejoin", "compliance_restored", "assent"),
    ("Kyiv could have accused Minsk of violating the pact.", "violating", "violation_alleged",
     "counterfactual"),
    ("The next step in reducing its commitments will be taken soon.", "reducing", "suspended",
     "future-step"),
    ("Deputies tabled a bill denouncing the pact.", "denouncing", "withdrew", "bill"),
])
def test_class_of_governing_word(s: str, trigger: str, etype: str, cls: str) -> None:
    t0 = s.index(trigger)
    assert _governed(s, 0, 0, t0, t0 + len(trigger), trigger, etype, _LATE_CLASSES) == cls


@pytest.mark.parametrize("s,trigger,etype", [
    ("It is clear that Kyiv implements the pact.", "implements", "kept"),
    ("It is essential that Kyiv has implemented the pact.", "implemented", "kept"),
    ("Kyiv was praised for agreeing to rejoin the pact.", "rejoin", "compliance_restored"),
    ("Kyiv would have to withdraw from the pact.", "withdraw", "withdrew"),
    ("Kyiv took the next step in reducing its commitments.", "reducing", "suspended"),
    ("The Rada passed a bill denouncing the pact.", "denouncing", "withdrew"),
])
def test_same_words_not_governed(s: str, trigger: str, etype: str) -> None:
    t0 = s.index(trigger)
    assert _governed(s, 0, 0, t0, t0 + len(trigger), trigger, etype, _LATE_CLASSES) is None
