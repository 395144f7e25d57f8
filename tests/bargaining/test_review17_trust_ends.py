"""review17: trust κ = 0 and κ = 1 give what docs/bargaining.md says, derived by hand.

Two binary issues, weights ½ each, status quo (0, 0). Issue 1: a values option 1, b option 0
(b concedes it to a); issue 2 the reverse. Deal (1, 1): u_a = ½. Broken by b: b takes back
issue 1 (reverts to 0); a has delivered issue 2: u_a(broken) = 0. So V_a = ½κ. Deal (1, 0):
u_a = 1, broken ½, V_a = ½ + ½κ.
"""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining import BargainingIssue, Domain, Party, trust_values, zopa


def domain(r: float) -> Domain:
    issues = (BargainingIssue("i1", ("0", "1")), BargainingIssue("i2", ("0", "1")))
    a = Party("a", np.array([0.5, 0.5]), (np.array([0.0, 1.0]), np.array([1.0, 0.0])), r)
    b = Party("b", np.array([0.5, 0.5]), (np.array([1.0, 0.0]), np.array([0.0, 1.0])), r)
    return Domain("two", issues, a, b, status_quo=(0, 0))


@pytest.mark.parametrize("kappa", [0.0, 0.4, 1.0])
def test_trust_values_by_hand(kappa: float) -> None:
    d = domain(0.3)
    va, vb = trust_values(d, kappa)
    k11 = d.outcome_index([1, 1])
    k10 = d.outcome_index([1, 0])
    k01 = d.outcome_index([0, 1])
    assert va[k11] == pytest.approx(0.5 * kappa) and vb[k11] == pytest.approx(0.5 * kappa)
    assert va[k10] == pytest.approx(0.5 + 0.5 * kappa)
    assert vb[k01] == pytest.approx(0.5 + 0.5 * kappa)
    if kappa == 1.0:  # full trust: the plain utilities
        ua, ub = d.utilities()
        assert np.array_equal(va, ua) and np.array_equal(vb, ub)


def test_zone_of_the_exchange_opens_at_the_hand_threshold() -> None:
    # reservation values 0.45: the exchange (1, 1) is worth ½κ to each, in the zone iff κ > 0.9;
    # (1, 0) is worth 0 to b at any κ and (0, 0) 0.5 > 0.45 to both: the status quo itself
    d = domain(0.45)
    assert zopa(d, 0.0).size == 1  # only the status quo (0, 0)
    assert zopa(d, 0.89).size == 1 and zopa(d, 0.91).size == 2
