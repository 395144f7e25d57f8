"""Trust-adjusted valuation: hand-computed broken deals, the threshold (exact vs bisection)."""

from __future__ import annotations

import numpy as np
import pytest
from _peer import random_domain
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining import (
    BargainingIssue,
    Domain,
    Party,
    broken_utilities,
    trust_curve,
    trust_threshold,
    trust_threshold_bisect,
    trust_values,
    zopa,
)
from detente.errors import InputError


def two_issue() -> Domain:
    """Two issues with options (sq, give): each party concedes one issue to the other.

    a values issue x (b concedes it), b values issue y (a concedes it).
    """
    x = BargainingIssue("x", ("sq", "give"))
    y = BargainingIssue("y", ("sq", "give"))
    a = Party("a", np.array([0.6, 0.4]), (np.array([0.0, 1.0]), np.array([1.0, 0.5])), 0.4)
    b = Party("b", np.array([0.3, 0.7]), (np.array([1.0, 0.0]), np.array([0.0, 1.0])), 0.3)
    return Domain("swap", (x, y), a, b, status_quo=(0, 0))


def test_broken_deal_by_hand() -> None:
    d = two_issue()
    assert d.a.reservation_value == 0.4 and d.b.reservation_value == 0.3
    ua, ub = d.utilities()
    ba, bb = broken_utilities(d)
    k = d.outcome_index([1, 1])  # both give
    assert ua[k] == pytest.approx(0.6 + 0.2) and ub[k] == pytest.approx(0.7)
    # b breaks: x reverts to sq (b conceded it to a); a's own concession on y stays
    assert ba[k] == pytest.approx(0.0 + 0.2)
    # a breaks: y reverts to sq; b's concession on x stays
    assert bb[k] == pytest.approx(0.0 + 0.0)
    # kappa = 0.5: V = 0.5 u + 0.5 broken
    va, vb = trust_values(d, 0.5)
    assert va[k] == pytest.approx(0.5) and vb[k] == pytest.approx(0.35)
    # the deal enters the zone when both kappa*0.8+(1-kappa)*0.2 > 0.4 (kappa > 1/3) and
    # kappa*0.7 > 0.3 (kappa > 3/7): kappa* = 3/7
    assert trust_threshold(d) == pytest.approx(3 / 7)
    assert zopa(d, 0.44).exists and not zopa(d, 0.42).exists
    # a different trust per side: a trusts fully, b barely
    assert not zopa(d, (1.0, 0.4)).exists and zopa(d, (0.34, 0.5)).exists


def test_ideal_breach_is_no_milder() -> None:
    d = random_domain(3, (5, 4, 6))
    d = d.replace(status_quo=(2, 1, 3))
    sq = d.status_quo_utilities()
    assert sq is not None
    d = d.with_reservation_values(*sq)
    ks = trust_threshold(d, breach="status_quo")
    ki = trust_threshold(d, breach="ideal")
    assert ks is not None and ki is not None and ki >= ks - 1e-12


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.2, 0.7), st.floats(0.2, 0.7))
def test_threshold_exact_matches_bisection(seed: int, qa: float, qb: float) -> None:
    rng = np.random.default_rng(seed)
    d = random_domain(seed, (4, 5, 3))
    sq = tuple(int(rng.integers(n)) for n in d.shape)
    ua, ub = d.utilities()
    # reservation values between the status quo's utility and the best
    d = d.replace(status_quo=sq)
    squ = d.status_quo_utilities()
    assert squ is not None
    ra = squ[0] + qa * (ua.max() - squ[0]) * 0.5
    rb = squ[1] + qb * (ub.max() - squ[1]) * 0.5
    d = d.with_reservation_values(ra, rb)
    exact = trust_threshold(d)
    bis = trust_threshold_bisect(d)
    if bis is None:
        assert exact is None
    else:
        assert exact is not None and exact == pytest.approx(bis, abs=1e-8)
    # the broken deal is never worth more than the kept one: value grows with trust
    ba, bb = broken_utilities(d)
    assert np.all(ba <= ua + 1e-12) and np.all(bb <= ub + 1e-12)


def test_trust_curve_monotone_and_consistent() -> None:
    d = random_domain(7, (6, 6, 6))
    d = d.replace(status_quo=(0, 5, 2))
    squ = d.status_quo_utilities()
    assert squ is not None
    d = d.with_reservation_values(*squ)
    c = trust_curve(d, 21)
    assert np.all(np.diff(c.size) >= 0)
    for k, s in zip(c.trust, c.size, strict=False):
        assert zopa(d, float(k)).size == s
    assert c.size[-1] == zopa(d, 1.0).size
    thr = trust_threshold(d)
    assert c.threshold == thr
    if thr is not None:
        assert np.all(c.size[c.trust < thr] == 0) and np.all(c.size[c.trust > thr] > 0)


def test_full_trust_is_plain_utility() -> None:
    d = two_issue()
    va, vb = trust_values(d, 1.0)
    ua, ub = d.utilities()
    np.testing.assert_array_equal(va, ua)
    with pytest.raises(InputError, match="trust must be in"):
        trust_values(d, 1.5)
    with pytest.raises(InputError, match="no status quo"):
        broken_utilities(d.replace(status_quo=None), "status_quo")
