"""Thirty-eighth round, part one (issue 14): one modality mechanism, finished.

The older guards that read a governing word before the act (a mandative "that" clause, with its
fourteenth-round bare-verb form; a warning against; a seeking; a recommendation; a bill or a
motion) are classes of ``_governed`` now, and one past-tense test (``_is_past``) replaces the
word lists the rules kept apart. Two leak classes are read by the same mechanism: a condition
("as long as", "so long as", "provided that", "on condition that") after an act that is no past
form, and an act in the object of a refraining ("refrain from ...") or under a mandative whose
"that" is left out ("demanded Iran stop ..."). Every sentence here was composed for these tests
(none is taken from the gold texts); each trap was a fact before this round, and the facts
beside them use the same words and stay facts.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text._extract import _LATE_CLASSES, _governed, _is_past

TRAPS: list[tuple[str, str]] = [
    # a condition after a continuing act
    ("should-and-continue-as-long-as", "Arms control\n\nIn 2023 Washington should respond "
     "calmly to the decision and continue to observe New START's limits as long as Moscow does "
     "so."),
    ("continues-so-long-as", "Arms control\n\nIn 2023 the United States continues to observe "
     "New START's limits so long as Russia does so."),
    ("keeps-on-condition-that", "Iran\n\nIn 2019 Moscow keeps implementing the JCPOA on "
     "condition that Europe keeps its promises."),
    ("abide-provided-that", "Iran\n\nIn 2019 Iran continues to abide by the JCPOA provided "
     "that Europe keeps its promises."),
    # a refraining, and a mandative without its "that"
    ("demanded-refrain-from", "Iran\n\nIn 2019 France demanded Iran refrain from entering a "
     "new stage of suspending its commitments under the JCPOA."),
    ("refrained-from", "Iran\n\nIn 2019 Iran refrained from suspending its commitments under "
     "the JCPOA."),
    ("refrained-from-violating", "Iran\n\nIn 2019 Iran refrained from violating the JCPOA."),
    ("demanded-stop", "Iran\n\nIn 2019 France demanded Iran stop reducing its commitments "
     "under the JCPOA."),
    ("insisted-comply", "Iran\n\nIn 2019 Paris insisted Tehran comply with the JCPOA."),
    ("demanded-possessive-noun", "Iran\n\nIn 2019 France demanded Iran's withdrawal from the "
     "JCPOA."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    ("for-as-long-as-necessary", "CFE\n\nIn 2023 Turkey suspended the CFE Treaty for as long "
     "as necessary.", [w("cfe_1990", "TUR", "suspended")]),
    ("observed-as-long-as", "Arms control\n\nIn 2023 Washington observed New START's limits as "
     "long as Moscow did so.", [w("new_start_2010", "USA", "kept")]),
    ("refrained-then-suspended", "Iran\n\nIn 2019 Iran refrained from violating the JCPOA; in "
     "May it suspended its commitments under the JCPOA.", [w("jcpoa_2015", "IRN", "suspended")]),
    ("demanded-compensation-and-suspended", "Iran\n\nIn 2019 France demanded compensation, and "
     "Iran suspended its commitments under the JCPOA.", [w("jcpoa_2015", "IRN", "suspended")]),
    ("stopped-and-kept", "Iran\n\nIn 2019 Iran stopped reducing its commitments under the "
     "JCPOA and kept the JCPOA.",
     [w("jcpoa_2015", "IRN", "suspended"), w("jcpoa_2015", "IRN", "kept")]),
]


@pytest.mark.parametrize("text", text_params(TRAPS))
def test_governed_act_is_no_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_same_words_stay_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("s,trigger,etype,cls", [
    # the folded guards, each now a class
    ("Berlin warned Kyiv against unilateral withdrawal from the pact.", "withdrawal", "withdrew",
     "warning"),
    ("Kyiv is seeking swift ratification of the pact.", "ratification", "ratified", "seeking"),
    ("Its interests will be best served by prompt ratification of the pact.", "ratification",
     "ratified", "recommendation"),
    ("Deputies tabled a motion on withdrawal from the pact.", "withdrawal", "withdrew", "bill"),
    ("Analysts recommended that Kyiv act now on its withdrawal from the pact.", "withdrawal",
     "withdrew", "mandate"),
    ("Paris demands that Moscow halt its offensive and withdraw from the pact.", "withdraw",
     "withdrew", "mandate"),
    # the two leak classes
    ("Tehran refrained from entering a new stage of suspending the pact.", "suspending",
     "suspended", "refraining"),
    ("Paris demanded Tehran refrain from suspending the pact.", "suspending", "suspended",
     "mandate"),
    ("Paris insisted Tehran stop suspending the pact.", "stop", "suspended", "mandate"),
    ("Paris demanded Tehran's withdrawal from the pact.", "withdrawal", "withdrew", "urging"),
    ("Moscow continues to observe the pact as long as Washington does so.", "observe", "kept",
     "condition"),
    ("Moscow will abide by the pact on condition that Washington does so.", "abide by", "kept",
     "condition"),
    # and what they leave alone
    ("Deputies passed a bill on withdrawal from the pact.", "withdrawal", "withdrew", None),
    ("Moscow observed the pact as long as Washington did so.", "observed", "kept", None),
    ("Ankara suspended the pact for as long as necessary.", "suspended", "suspended", None),
    ("Moscow will observe the aid provided under the pact.", "observe", "kept", None),
    ("The army refrained from firing to respect the pact.", "respect", "kept", None),
    ("Paris demanded compensation, and Tehran suspended the pact.", "suspended", "suspended",
     None),
])
def test_governing_class(s: str, trigger: str, etype: str, cls: str | None) -> None:
    t0 = s.index(trigger)
    t1 = t0 + len(trigger)
    assert _governed(s, 0, 0, t0, t1, trigger, etype, _LATE_CLASSES) == cls


@pytest.mark.parametrize("word,past", [
    ("withdrew", True), ("suspended", True), ("Kept", True), ("left", True), ("began", True),
    ("quit", True), ("withdraw", False), ("keeps", False), ("suspending", False),
    ("observe", False),
])
def test_one_past_tense_test(word: str, past: bool) -> None:
    assert _is_past(word) is past
