"""Twelfth round (issue 14): mechanisms chosen by how many different read texts (blind5 to
blind12) they reach, tested on sentences composed for these tests (not taken from the gold
texts), each with the negated or hypothetical form that must not become a fact.

Mechanisms: a moratorium ended ("abandoned the moratorium on ...", "no longer feels bound by a
self-imposed moratorium on ...") with no agreement named is the record's one unilateral
moratorium pledged by an actor of the sentence whose record name shares two words of its topic
(a moratorium on another topic, or with no topic, is no agreement, and never the article's last
named one).
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- a moratorium ended, known by its topic ---------------------------------------------
    ("abandoned-deployment-moratorium", "In August 2025 Russia abandoned the moratorium on the "
     "deployment of intermediate-range missiles.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew", "2025-08")]),
    ("scrapped-its-moratorium", "Moscow scrapped its self-declared moratorium on deploying "
     "ground-based missiles in 2025.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew", "2025")]),
    ("feels-no-longer-bound", "Kim Jong Un said in January 2020 that he no longer feels bound by "
     "the moratorium on nuclear and ICBM tests.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020-01")]),
    ("lifted-test-moratorium", "North Korea lifted its moratorium on nuclear tests in 2020.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020")]),
]

NO_FACT: list[tuple[str, str]] = [
    # the act denied, conditional, threatened
    ("not-abandoned", "In August 2025 Russia has not abandoned the moratorium on the deployment "
     "of intermediate-range missiles."),
    ("may-abandon", "Russia may abandon the moratorium on the deployment of intermediate-range "
     "missiles in 2025."),
    ("threatened-to-lift", "North Korea threatened in 2019 to lift its moratorium on nuclear "
     "tests."),
    ("feels-bound-still", "Kim Jong Un said in 2019 that he still feels bound by the moratorium "
     "on nuclear tests."),
    # a moratorium on a topic of none of the record's moratoria of that actor
    ("other-topic", "Russia ended its moratorium on nuclear testing in 2025."),
    ("other-topic-missile-tests", "Russia lifted its moratorium on missile tests in 2025."),
    # no topic and another agreement named before: not that agreement
    ("no-topic-last-named", "Russia signed the CTBT in 1996. In 2025 Russia has abandoned the "
     "moratorium."),
    # the moratorium's pledger is another state
    ("other-pledger", "The United States abandoned the moratorium on the deployment of "
     "intermediate-range missiles in 2025."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text, from_sentence=1 if text.startswith("Russia signed the CTBT") else 0)
