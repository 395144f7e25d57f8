"""Pareto frontier (sort-based vs brute force), solutions against closed forms, the ZOPA."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from detente.bargaining import (
    BargainingIssue,
    Domain,
    Party,
    pareto_frontier,
    pareto_frontier_brute,
    pareto_frontier_chunked,
    pareto_mask,
    solve,
    solve_points,
    zopa,
)
from detente.errors import InputError

# coarse values make ties and duplicates common, the hard cases for a sort-based frontier
coarse = st.integers(0, 6).map(lambda k: k / 6)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 60).flatmap(
    lambda n: st.tuples(arrays(float, n, elements=coarse), arrays(float, n, elements=coarse))))
def test_pareto_sort_matches_brute_force(pts: tuple[np.ndarray, np.ndarray]) -> None:
    ua, ub = pts
    assert set(np.flatnonzero(pareto_mask(ua, ub))) == set(pareto_frontier_brute(ua, ub))


@settings(max_examples=50, deadline=None)
@given(arrays(float, 300, elements=st.floats(0, 1)), arrays(float, 300, elements=st.floats(0, 1)),
       st.integers(1, 64))
def test_chunked_frontier_matches(ua: np.ndarray, ub: np.ndarray, size: int) -> None:
    flat = np.arange(ua.size)
    chunks = [(flat[s:s + size], ua[s:s + size], ub[s:s + size])
              for s in range(0, ua.size, size)]
    idx, _, _ = pareto_frontier_chunked(chunks)
    assert set(idx) == set(pareto_frontier_brute(ua, ub))


def test_frontier_is_ordered_and_of_a_known_set() -> None:
    # the discrete quarter circle: every point is optimal; interior points are not
    t = np.linspace(0, np.pi / 2, 50)
    ua = np.concatenate([np.cos(t), 0.5 * np.cos(t)])
    ub = np.concatenate([np.sin(t), 0.5 * np.sin(t)])
    f = pareto_frontier(ua, ub)
    assert sorted(f) == list(range(50))
    assert np.all(np.diff(ua[f]) >= 0) and np.all(np.diff(ub[f]) <= 0)


def pie(n: int = 2001, ra: float = 0.0, rb: float = 0.0, b_values: np.ndarray | None = None,
        a_values: np.ndarray | None = None, da: float = 1.0, db: float = 1.0) -> Domain:
    """Dividing a unit pie: x = a's share on an n-point grid."""
    x = np.linspace(0, 1, n)
    issue = BargainingIssue("share", tuple(f"{v:.6g}" for v in x), x)
    va = x if a_values is None else a_values
    vb = 1 - x if b_values is None else b_values
    return Domain("pie", (issue,), Party("a", np.ones(1), (va,), ra, da),
                  Party("b", np.ones(1), (vb,), rb, db))


@pytest.mark.parametrize(("ra", "rb"), [(0.0, 0.0), (0.2, 0.1), (0.05, 0.5)])
def test_nash_linear_pie_closed_form(ra: float, rb: float) -> None:
    # max (x - ra)(1 - x - rb)  ->  x = (1 + ra - rb) / 2
    s = solve(pie(ra=ra, rb=rb), "nash")
    assert s is not None
    assert s.utility_a == pytest.approx((1 + ra - rb) / 2, abs=1e-3)


def test_nash_quadratic_closed_form() -> None:
    # u_a = x, u_b = 1 - x^2: max x (1 - x^2) -> x = 1/sqrt(3)
    x = np.linspace(0, 1, 20001)
    s = solve(pie(20001, b_values=1 - x**2), "nash")
    assert s is not None and s.utility_a == pytest.approx(1 / math.sqrt(3), abs=1e-4)
    # u_a = sqrt(x) (risk-averse a), u_b = 1 - x: max sqrt(x)(1 - x) -> x = 1/3
    s = solve(pie(20001, a_values=np.sqrt(x)), "nash")
    assert s is not None and s.utility_a == pytest.approx(math.sqrt(1 / 3), abs=1e-4)


def test_kalai_smorodinsky_closed_form() -> None:
    # u_a = x, u_b = 1 - x^2: ideal (1, 1); KS equalises the ratios: x = 1 - x^2
    x = np.linspace(0, 1, 20001)
    s = solve(pie(20001, b_values=1 - x**2), "kalai")
    golden = (math.sqrt(5) - 1) / 2
    assert s is not None and s.utility_a == pytest.approx(golden, abs=1e-4)
    # with ra=0.2 the rational set is x >= 0.2: ideal gains 0.8 (a) and 1 - 0.2^2 = 0.96 (b);
    # (x - 0.2) / 0.8 = (1 - x^2) / 0.96  <=>  0.8 x^2 + 0.96 x - 0.992 = 0
    s = solve(pie(20001, ra=0.2, b_values=1 - x**2), "kalai")
    root = (-0.96 + math.sqrt(0.96**2 + 4 * 0.8 * 0.992)) / (2 * 0.8)
    assert s is not None and s.utility_a == pytest.approx(root, abs=1e-4)


def test_utilitarian_and_egalitarian() -> None:
    x = np.linspace(0, 1, 20001)
    # u_b = 1 - x^2: welfare x + 1 - x^2 is maximal at x = 1/2
    s = solve(pie(20001, b_values=1 - x**2), "utilitarian")
    assert s is not None and s.utility_a == pytest.approx(0.5, abs=1e-4)
    # egalitarian with ra=0.2, rb=0: x - 0.2 = 1 - x -> x = 0.6
    s = solve(pie(20001, ra=0.2), "egalitarian")
    assert s is not None and s.utility_a == pytest.approx(0.6, abs=1e-4)


def test_solution_none_without_rational_outcomes() -> None:
    assert solve(pie(101, ra=0.6, rb=0.6), "nash") is None
    with pytest.raises(InputError, match="unknown solution"):
        solve_points(np.ones(2), np.ones(2), 0, 0, "shapley")


@settings(max_examples=60, deadline=None)
@given(arrays(float, 40, elements=st.floats(0, 1)), arrays(float, 40, elements=st.floats(0, 1)),
       st.floats(0, 0.5), st.floats(0, 0.5))
def test_solutions_are_rational_and_optimal(ua: np.ndarray, ub: np.ndarray, ra: float,
                                             rb: float) -> None:
    front = set(pareto_frontier_brute(ua, ub))
    rational = (ua >= ra) & (ub >= rb)
    for name in ("nash", "kalai", "utilitarian", "egalitarian"):
        k = solve_points(ua, ub, ra, rb, name)
        if not rational.any():
            assert k is None
            continue
        assert k is not None and rational[k]
        # optimal within the rational set (brute force over all of it)
        if name == "nash":
            assert (ua[k] - ra) * (ub[k] - rb) >= np.max(((ua - ra) * (ub - rb))[rational]) - 1e-12
            assert k in front or ((ua[k] - ra) * (ub[k] - rb)) == 0
        if name == "utilitarian":
            assert ua[k] + ub[k] >= np.max((ua + ub)[rational]) - 1e-12


def test_zopa_pie() -> None:
    # x in (ra, 1 - rb) strictly: on a 101-point grid with ra=0.2, rb=0.3: x = 0.21..0.69
    z = zopa(pie(101, ra=0.2, rb=0.3))
    assert z.exists and z.size == 49 and z.share == pytest.approx(49 / 101)
    assert z.surplus == pytest.approx(0.5)
    assert z.best["nash"].utility_a == pytest.approx(0.45)
    assert not zopa(pie(101, ra=0.6, rb=0.4)).exists  # touching reservation values: no zone
