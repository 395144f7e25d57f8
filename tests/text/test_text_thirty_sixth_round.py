"""Thirty-sixth round (issue 14): no act that is not a fact, by one modality mechanism.

An act (a verb, gerund or noun trigger) is a fact only if no governing word of its clause makes
it non-factual. ``_governed`` reads a lexicon of governing predicates by class — advocacy,
urging, objection, aim, progressive intent, attempt, proposal or recommendation (a mandative
"that" clause with a subjunctive or "should"), likelihood — through what the rules can see
without a parser (the trigger as the predicate's noun or gerund object, in its infinitive's
object, in its "that" clause, or as the subject of the predicate), plus a condition after a
trigger that is no past form, a gerund with its subject as the subject of a modal or "will",
and an end dated ahead of a clause in the present. Each class's trap (sentences composed for
these tests, not taken from the gold texts) was a fact before this round; the facts beside
them use the same words and stay facts.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

from detente.text._extract import _governed

TRAPS: list[tuple[str, str]] = [
    ("advocacy", "UK ministers\n\nIn 2018 Britain made the case for keeping the JCPOA at every "
     "level."),
    ("urging", "Minsk\n\nIn 2019 Moscow was calling for a return to the implementation of the "
     "Minsk agreements."),
    ("objection", "Arms control\n\nIn 2020 the Kremlin objected to any further extension of New "
     "START."),
    ("aim", "Arms control\n\nIn 2020 diplomats faced many obstacles to overcome to secure an "
     "extension of New START."),
    ("progressive-intent", "Arms control\n\nIn January 2021 the Biden administration is pressing "
     "ahead with extending New START."),
    ("attempt-gerund", "Arms control\n\nIn 2018 Washington tried leaving the INF Treaty "
     "quietly."),
    ("attempt-noun", "Arms control\n\nIn 2020 Washington made a vain attempt to use New START's "
     "expiration as leverage."),
    ("proposal", "Arms control\n\nIn January 2021 President Biden proposed Thursday that the "
     "nuclear arms treaty New START be extended for five years."),
    ("proposal-to", "Arms control\n\nIn 2021 President Biden proposed to the Kremlin that New "
     "START be extended by five years."),
    ("recommendation", "ABM\n\nIn 1987 advisers recommended to President Reagan that he accuse "
     "the Soviet Union of violating the ABM Treaty."),
    ("likelihood", "Idlib\n\nIn 2019 the fulfilling of the Sochi agreement by Turkey is even "
     "less likely."),
    ("likelihood-possible", "Arms control\n\nIn 2020 an extension of New START by Russia is "
     "possible."),
    ("condition", "Arms control\n\nIn 2020 experts explained the pitfalls of extending New START "
     "if talks on a successor fail."),
    ("condition-unless", "Arms control\n\nIn December 2018 the United States announced that it "
     "will withdraw from the INF Treaty, unless Russia returns to compliance."),
    ("consequence", "Arms control\n\nIn 2018 experts warned that Washington leaving the INF "
     "Treaty first will only give Moscow an excuse."),
    ("future-date", "Iran talks\n\nIn June 2014 all sides continue to hope for a final deal "
     "before the July 20th expiration of the Joint Plan of Action."),
]

FACTS: list[tuple[str, str, list[Want]]] = [
    ("rejected-and-withdrew", "Arms control\n\nIn 2019 Russia rejected the proposal and "
     "withdrew from the INF Treaty.", [w("inf_1987", "RUS", "withdrew")]),
    ("kept-and-argued", "UK ministers\n\nIn 2018 Britain kept the JCPOA and made the case for "
     "it.", [w("jcpoa_2015", "GBR", "kept")]),
    ("managed-to-secure", "Arms control\n\nIn February 2021 diplomats managed to secure an "
     "extension of New START.", [w("new_start_2010", "*", "extended")]),
    ("pressed-ahead-and-extended", "Arms control\n\nIn February 2021 the Biden administration "
     "pressed ahead and extended New START.", [w("new_start_2010", "USA", "extended")]),
    ("tried-then-withdrew", "Arms control\n\nIn 2019 Washington tried diplomacy and then "
     "withdrew from the INF Treaty.", [w("inf_1987", "USA", "withdrew")]),
    ("as-proposed", "Arms control\n\nIn February 2021 Russia and the United States extended "
     "New START for five years, as President Biden had proposed.",
     [w("new_start_2010", "RUS;USA", "extended")]),
    ("as-recommended", "ABM\n\nIn 1987 President Reagan accused the Soviet Union of violating "
     "the ABM Treaty, as his advisers had recommended.",
     [w("abm_1972", "SUN", "violation_alleged")]),
    ("even-if", "Arms control\n\nIn February 2021 Russia and the United States extended New "
     "START, even if talks on a successor failed.",
     [w("new_start_2010", "RUS;USA", "extended")]),
    ("announced-will", "Arms control\n\nIn February 2019 the United States announced that it "
     "will withdraw from the INF Treaty.", [w("inf_1987", "USA", "withdrew")]),
    ("left-first", "Arms control\n\nIn 2019 Washington left the INF Treaty first, which gave "
     "Moscow an excuse.", [w("inf_1987", "USA", "withdrew")]),
]


@pytest.mark.parametrize("text", text_params(TRAPS))
def test_governed_act_is_no_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_same_words_stay_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("s,trigger,etype,cls", [
    ("We made the case for keeping the deal.", "keeping", "kept", "advocacy"),
    ("Moscow objects to the extension of the deal.", "extension", "extended", "objection"),
    ("It is pressing ahead with extending the deal.", "extending", "extended",
     "progressive-intent"),
    ("They urged that the pact be extended.", "extended", "extended", "proposal"),
    ("Its ratification is more likely now.", "ratification", "ratified", "likelihood"),
    ("Russia withdrew from the pact in 2019.", "withdrew", "withdrew", None),
    ("Russia withdrew from the pact, as if it mattered.", "withdrew", "withdrew", None),
    ("The withdrawal was unhelpful, if not provocative.", "withdrawal", "withdrew", None),
])
def test_governing_class(s: str, trigger: str, etype: str, cls: str | None) -> None:
    t0 = s.index(trigger)
    t1 = t0 + len(trigger)
    classes = frozenset({"advocacy", "objection", "progressive-intent", "proposal",
                         "likelihood", "condition"})
    assert _governed(s, 0, 0, t0, t1, trigger, etype, classes) == cls
