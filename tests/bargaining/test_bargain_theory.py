"""Ultimatums under uncertainty and Fearon's crisis bargaining against closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from detente.bargaining import (
    commitment_problem,
    crisis_bargaining,
    information_problem,
    ultimatum,
    ultimatum_curve,
)
from detente.errors import InputError


@pytest.mark.parametrize(("a", "b", "d"), [(0.1, 0.5, 0.0), (0.2, 0.6, 0.1), (0.0, 0.3, 0.0)])
def test_ultimatum_uniform_closed_form(a: float, b: float, d: float) -> None:
    u = ultimatum(stats.uniform(a, b - a), proposer_reservation=d)
    x = min(max((1 + a - d) / 2, a), b)
    assert u.offer == pytest.approx(x, abs=1e-6)
    assert u.rejection == pytest.approx(1 - (x - a) / (b - a), abs=1e-6)
    assert u.expected_utility == pytest.approx((1 - x) * (1 - u.rejection) + d * u.rejection,
                                               abs=1e-9)


def test_ultimatum_known_reservation_offers_exactly_it() -> None:
    # nearly certain receiver (tiny spread): offer its reservation value, rejection ~ 1/2 at
    # most for a symmetric continuous distribution centred there
    u = ultimatum(stats.norm(0.3, 1e-4))
    assert u.offer == pytest.approx(0.3, abs=1e-3)


def test_uncertainty_moves_offer_and_risk() -> None:
    # uniform on [m - w, m + w] with interior optimum: x* = (1 + m - w)/2,
    # rejection = 1 - (1 - m + w)/(4w): grows with the spread w, the offer falls
    m = 0.3
    curve = ultimatum_curve(m, [0.05, 0.1, 0.2, 0.3], family="uniform")
    for w, u in curve:
        assert u.offer == pytest.approx(min(max((1 + m - w) / 2, m - w), m + w), abs=1e-6)
    rej = [u.rejection for _, u in curve]
    assert rej[0] == pytest.approx(0.0, abs=1e-6)  # narrow: offer the top, never rejected
    assert rej[-1] == pytest.approx(1 - (1 - m + 0.3) / (4 * 0.3), abs=1e-6)
    assert np.all(np.diff(rej) >= -1e-9)
    normal = ultimatum_curve(m, [0.01, 0.05, 0.1, 0.2])
    assert np.all(np.diff([u.rejection for _, u in normal]) > 0)
    with pytest.raises(InputError):
        ultimatum_curve(m, [0.0])


def test_fearon_bargaining_range() -> None:
    r = crisis_bargaining(3.0, 1.0, 0.1, 0.2)
    assert r.p == 0.75 and (r.low, r.high) == pytest.approx((0.65, 0.95))
    assert r.contains(0.8) and not r.contains(0.6)
    # costless war: the range shrinks to the point p
    r0 = crisis_bargaining(1.0, 1.0, 0.0, 0.0)
    assert r0.width == 0.0 and r0.low == 0.5
    with pytest.raises(InputError):
        crisis_bargaining(0.0, 0.0, 0.1, 0.1)


def _brute_commitment(p, q, ca, cb, delta):  # type: ignore[no-untyped-def]
    xs = np.linspace(0, 1, 100_001)
    k = delta / (1 - delta)
    fa = min(1.0, q + cb)
    ok_a = xs + k * fa >= (p - ca) / (1 - delta) - 1e-12
    ok_b = (1 - xs) + k * (1 - fa) >= (1 - p - cb) / (1 - delta) - 1e-12
    ok = ok_a & ok_b
    return (xs[ok].min(), xs[ok].max()) if ok.any() else None


@pytest.mark.parametrize(
    ("p", "q", "ca", "cb", "delta"),
    [(0.6, 0.55, 0.1, 0.1, 0.9), (0.8, 0.3, 0.05, 0.05, 0.9), (0.7, 0.5, 0.1, 0.1, 0.5),
     (0.5, 0.5, 0.1, 0.1, 0.95)],
)
def test_commitment_problem(p: float, q: float, ca: float, cb: float, delta: float) -> None:
    c = commitment_problem(p, q, ca, cb, delta)
    war = p - ca > (1 - delta) + delta * (q + cb)
    assert c.war == war
    brute = _brute_commitment(p, q, ca, cb, delta)
    if war:
        assert brute is None or brute[0] > 1 - 1e-9
    else:
        assert brute is not None
        assert (c.low, c.high) == pytest.approx(brute, abs=2e-5)
        assert c.self_enforcing((c.low + c.high) / 2)


def test_no_power_shift_means_no_commitment_problem() -> None:
    for p in (0.2, 0.5, 0.9):
        assert not commitment_problem(p, p, 0.05, 0.05, 0.95).war


@pytest.mark.parametrize(("p", "ca", "cbar"), [(0.5, 0.1, 0.4), (0.3, 0.05, 0.2), (0.6, 0.3, 0.2)])
def test_information_problem_closed_form(p: float, ca: float, cbar: float) -> None:
    res = information_problem(p, ca, stats.uniform(0, cbar))
    if cbar > ca:
        assert res.offer == pytest.approx(p + (cbar - ca) / 2, abs=1e-6)
        assert res.breakdown == pytest.approx((cbar - ca) / (2 * cbar), abs=1e-6)
    else:  # fighting is costly enough for A: it demands only p, never refused
        assert res.offer == pytest.approx(p, abs=1e-6)
        assert res.breakdown == pytest.approx(0.0, abs=1e-6)
