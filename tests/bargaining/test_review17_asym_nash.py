"""review17: the asymmetric Nash solution and its link to Rubinstein, by hand.

Linear pie u_a = x, u_b = 1 - x with disagreement point (d_a, d_b): maximising
(x - d_a)^α (1 - x - d_b)^(1-α) gives x = d_a + α (1 - d_a - d_b). On the concave frontier
u_b = 1 - x² (d = 0): α/x = (1-α) 2x/(1 - x²), so x² = α/(2 - α). Rubinstein with
δ_i = exp(-r_i Δ): x1 = (1 - δ2)/(1 - δ1 δ2) → r2/(r1 + r2) as Δ → 0, the asymmetric Nash
share with α = r2/(r1 + r2).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from detente.bargaining import BargainingIssue, Domain, Party, rubinstein_split, solve, zopa
from detente.errors import InputError


def pie(b_values: np.ndarray | None = None, ra: float = 0.0, rb: float = 0.0,
        n: int = 20001) -> Domain:
    x = np.linspace(0, 1, n)
    issue = BargainingIssue("share", tuple(f"{v:.6g}" for v in x), x)
    vb = 1 - x if b_values is None else b_values
    return Domain("pie", (issue,), Party("a", np.ones(1), (x,), ra),
                  Party("b", np.ones(1), (vb,), rb))


@pytest.mark.parametrize(("alpha", "ra", "rb"), [(0.25, 0.0, 0.0), (0.8, 0.0, 0.0),
                                                 (0.3, 0.1, 0.2), (0.7, 0.2, 0.05)])
def test_asymmetric_nash_linear_pie(alpha: float, ra: float, rb: float) -> None:
    s = solve(pie(ra=ra, rb=rb), "nash", nash_weight=alpha)
    assert s is not None
    assert s.utility_a == pytest.approx(ra + alpha * (1 - ra - rb), abs=1e-4)


@pytest.mark.parametrize("alpha", [0.2, 0.5, 0.75])
def test_asymmetric_nash_concave_frontier(alpha: float) -> None:
    x = np.linspace(0, 1, 20001)
    s = solve(pie(b_values=1 - x**2), "nash", nash_weight=alpha)
    assert s is not None
    assert s.utility_a == pytest.approx(math.sqrt(alpha / (2 - alpha)), abs=1e-4)


@pytest.mark.parametrize(("r1", "r2"), [(1.0, 1.0), (1.0, 3.0), (2.0, 0.5)])
def test_rubinstein_limit_is_asymmetric_nash(r1: float, r2: float) -> None:
    dt = 1e-6
    x1, _ = rubinstein_split(math.exp(-r1 * dt), math.exp(-r2 * dt))
    alpha = r2 / (r1 + r2)
    assert x1 == pytest.approx(alpha, abs=1e-5)
    s = solve(pie(), "nash", nash_weight=alpha)
    assert s is not None and s.utility_a == pytest.approx(x1, abs=1e-4)


def test_equal_patience_tends_to_the_even_split() -> None:
    for d in (0.9, 0.99, 0.999):
        assert rubinstein_split(d, d)[0] == pytest.approx(1 / (1 + d))
    assert rubinstein_split(0.9999, 0.9999)[0] == pytest.approx(0.5, abs=1e-4)


def test_red_line_exactly_at_the_nash_point() -> None:
    # b's red line cuts the pie at x = 1/2, the Nash point of the whole pie: the point stays
    # (x in [0, 1/2] remains), so the Nash solution is still 1/2 (a corner now)
    x = np.linspace(0, 0.5, 5001)
    issue = BargainingIssue("share", tuple(f"{v:.6g}" for v in x), x)
    d = Domain("cut", (issue,), Party("a", np.ones(1), (x,), 0.0),
               Party("b", np.ones(1), (1 - x,), 0.0))
    s = solve(d, "nash")
    assert s is not None and s.utility_a == pytest.approx(0.5)
    # reservation values of 1/2 each: only the even split is weakly acceptable; solutions are
    # chosen among weakly acceptable outcomes (it is returned), the zone needs strict gains
    # (it is empty, and says so)
    d2 = pie(n=101, ra=0.5, rb=0.5)
    s2 = solve(d2, "nash")
    assert s2 is not None and (s2.utility_a, s2.utility_b) == pytest.approx((0.5, 0.5))
    z = zopa(d2)
    assert not z.exists and z.size == 0 and z.best == {}


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.1, float("nan")])
def test_bad_nash_weight_is_a_clear_error(bad: float) -> None:
    with pytest.raises(InputError, match="nash_weight"):
        solve(pie(n=11), "nash", nash_weight=bad)
    with pytest.raises(InputError, match="nash solution only"):
        solve(pie(n=11), "kalai", nash_weight=0.3)
