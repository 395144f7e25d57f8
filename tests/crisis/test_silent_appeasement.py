"""Design revision 16 of docs/crisis.md (round ``crisis18``): revision 10's ``silent_trust`` κ₀
composed with revision 15's ``appeasement`` ψ = 1. On a dyad the record is silent on, κ₀ is B's
side's trust in A's word, so a broken promise leaves the counterpart at A's imposition with
weight 1 − κ₀; κ₀ = 1 (the default) is today's model draw for draw."""

from __future__ import annotations

import random

import numpy as np
import pytest
from _crisis_same import assert_same_forecast
from test_silent_trust import one_issue

from detente.cases import load_case
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse


def test_full_silent_trust_under_appeasement_is_todays_model_draw_for_draw() -> None:
    assert DEFAULTS["silent_trust"] == 1.0 and DEFAULTS["appeasement"] == 1.0
    for case, channel in (("iraq-kuwait-1990", "public"), ("munich-1938", "private")):
        sc = load_case(case)
        assert_same_forecast(
            crisis_forecast(sc, rng=3, channel=channel, draws=300, silent_trust=1.0,
                            appeasement=1.0),
            crisis_forecast(sc, rng=3, channel=channel, draws=300))


def test_one_issue_zone_by_hand_with_both() -> None:
    # by hand, unit scale, standoff 0, A imposing 1, trust κ₀ each way (the dyad is silent):
    # A takes x ≥ (p − c_A)/κ₀ (κ₀x − 1 against p − 1 − c_A); B's side, left at 1 by a broken
    # promise, values x at −κ₀x − (1 − κ₀) against −p − c_B: x ≤ 1 − (1 − p − c_B)/κ₀. Without
    # a credible threat B's side compares with the standoff, 0: x ≤ 1 − 1/κ₀ < 0, no deal.
    rng = random.Random(16)
    credible_seen = closed_by_b = 0
    checked = 0
    while checked < 30:
        p, c_a, c_b = rng.uniform(0.05, 0.95), rng.uniform(0.0, 0.5), rng.uniform(0.0, 0.8)
        k = rng.uniform(0.3, 0.99)
        if abs(p - c_a) < 0.02:
            continue
        sc = one_issue(p, c_a, c_b)
        an = analyse(sc, silent_trust=k, appeasement=1.0)
        d = an.dyad
        assert d is not None and d.kappa_a == k and d.kappa_b == k
        credible = p > c_a
        assert an.credible == credible
        if credible:
            lo, hi = (p - c_a) / k, 1.0 - (1.0 - p - c_b) / k
            credible_seen += 1
            closed_by_b += int(hi < lo <= 1.0)
        else:
            lo, hi = 0.0, 1.0 - 1.0 / k
        x = an.candidates[:, 0]
        sharp = (np.abs(x - lo) > 1e-7) & (np.abs(x - hi) > 1e-7)
        np.testing.assert_array_equal(an.zone[sharp], ((x >= lo) & (x <= hi))[sharp])
        # the composition is the model at that trust given as a number, and ψ acts on it
        given = analyse(sc, trust=k, appeasement=1.0)
        np.testing.assert_array_equal(an.zone, given.zone)
        off = analyse(sc, silent_trust=k, appeasement=0.0)
        assert np.all(an.value_b <= off.value_b + 1e-12)
        checked += 1
    assert credible_seen >= 10 and closed_by_b >= 1  # the counterpart's new edge was reached


@pytest.mark.parametrize("case", ["czechoslovakia-1968", "paris-peace-1973"])
def test_silent_trust_under_appeasement_is_the_given_trust_draw_for_draw(case: str) -> None:
    sc = load_case(case)
    silent = crisis_forecast(sc, rng=5, draws=300, silent_trust=0.5, appeasement=1.0)
    given = crisis_forecast(sc, rng=5, draws=300, trust=0.5, appeasement=1.0)
    assert_same_forecast(silent, given)
    assert "trust 0.5 assumed each way" in silent.analysis.trust_note
