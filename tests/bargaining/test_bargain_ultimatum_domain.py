"""The ultimatum on a multi-issue domain: against the unit-pie closed form, against brute
force over every outcome, and how the proposer's expected utility moves with uncertainty."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from detente.bargaining import (
    BargainingIssue,
    Domain,
    Party,
    pareto_frontier_brute,
    ultimatum,
    ultimatum_offer,
    ultimatum_offer_curve,
)
from detente.errors import InputError


def pie(n: int, d: float = 0.0, rb: float = 0.3) -> Domain:
    """Unit pie on an n-point grid: the receiver b gets x, the proposer a keeps 1 - x."""
    x = np.linspace(0, 1, n)
    issue = BargainingIssue("share", tuple(f"{v:.6g}" for v in x), x)
    return Domain("pie", (issue,), Party("a", np.ones(1), (1 - x,), d),
                  Party("b", np.ones(1), (x,), rb))


@pytest.mark.parametrize(
    ("dist", "d"),
    [
        pytest.param(stats.uniform(0.1, 0.4), 0.0, id="uniform-interior"),
        pytest.param(stats.uniform(0.2, 0.4), 0.1, id="uniform-d"),
        pytest.param(stats.uniform(0.3, 0.05), 0.0, id="uniform-corner"),
        pytest.param(stats.norm(0.3, 0.1), 0.0, id="normal"),
        pytest.param(stats.norm(0.5, 0.2), 0.2, id="normal-d"),
        pytest.param(stats.beta(2, 5), 0.0, id="beta"),
    ],
)
def test_one_issue_pie_agrees_with_the_unit_pie_solver(dist: object, d: float) -> None:
    n = 1001
    h = 1 / (n - 1)
    cont = ultimatum(dist, proposer_reservation=d)
    u = ultimatum_offer(pie(n, d), dist, proposer="a")
    assert u.proposer == "a" and u.receiver == "b"
    assert abs(u.utility_receiver - cont.offer) <= h + 1e-9  # the offer, to the grid
    assert u.utility_proposer == pytest.approx(1 - u.utility_receiver)
    # a grid offer cannot beat the continuous optimum, and loses at most slope × step
    slope = 1 + float(np.max(dist.pdf(np.linspace(0, 1, 10001))))  # type: ignore[attr-defined]
    assert u.expected_utility <= cont.expected_utility + 1e-9
    assert u.expected_utility >= cont.expected_utility - slope * h
    assert u.acceptance == pytest.approx(float(dist.cdf(u.utility_receiver)))  # type: ignore[attr-defined]
    assert u.rejection == pytest.approx(1 - u.acceptance)


def test_uniform_pie_closed_form_at_grid_points() -> None:
    # r ~ U[a, b]: x* = (1 + a - d)/2 clipped to [a, b] (a grid point here), EU = (1-x)F(x) + d(1-F)
    a, b, d = 0.1, 0.5, 0.2
    u = ultimatum_offer(pie(101, d), stats.uniform(a, b - a))
    x = (1 + a - d) / 2
    assert u.utility_receiver == pytest.approx(x)
    F = (x - a) / (b - a)
    assert u.expected_utility == pytest.approx((1 - x) * F + d * (1 - F))


domains = st.tuples(
    st.lists(st.integers(2, 5), min_size=1, max_size=3),  # options per issue
    st.integers(0, 2**31 - 1),  # seed for values and weights
    st.floats(0.0, 0.6),  # proposer's reservation value
    st.floats(0.0, 1.0),  # belief mean
    st.floats(0.01, 0.5),  # belief spread
    st.sampled_from(["a", "b"]),
)


def _random_domain(shape: list[int], seed: int, d: float, proposer: str) -> Domain:
    rng = np.random.default_rng(seed)
    issues = tuple(BargainingIssue(f"i{k}", tuple(str(j) for j in range(m)))
                   for k, m in enumerate(shape))
    # coarse values make ties and dominated duplicates common
    def party(pid: str, rv: float) -> Party:
        w = rng.integers(1, 4, len(shape)).astype(float)
        return Party(pid, w / w.sum(), tuple(rng.integers(0, 5, m) / 4 for m in shape), rv)

    ra, rb = (d, 0.0) if proposer == "a" else (0.0, d)
    return Domain("rand", issues, party("a", ra), party("b", rb))


@settings(max_examples=150, deadline=None)
@given(domains)
def test_optimal_offer_is_on_the_frontier_and_beats_every_outcome(args: tuple) -> None:  # type: ignore[type-arg]
    shape, seed, d, mean, spread, proposer = args
    dom = _random_domain(shape, seed, d, proposer)
    dist = stats.norm(mean, spread)
    u = ultimatum_offer(dom, dist, proposer=proposer)
    ua, ub = dom.utilities()
    up, ur = (ua, ub) if proposer == "a" else (ub, ua)
    # brute force over every outcome, Pareto-dominated ones included
    p = dist.cdf(ur)
    eu = p * up + (1 - p) * d
    best = float(eu.max())
    if up.max() < d:  # every outcome worth less than walking away: no offer is made
        assert u.index == -1 and u.expected_utility == d >= best
        return
    assert u.expected_utility == pytest.approx(best, abs=1e-12)
    assert u.index in set(pareto_frontier_brute(ua, ub).tolist())
    assert u.utility_proposer == pytest.approx(up[u.index])
    assert u.utility_receiver == pytest.approx(ur[u.index])
    assert u.options == dom.outcome(u.index)


@settings(max_examples=100, deadline=None)
@given(domains, st.floats(0.01, 0.5), st.sampled_from(["normal", "uniform"]))
def test_more_uncertainty_never_helps_while_the_offer_is_likely_accepted(
    args: tuple, other: float, family: str,  # type: ignore[type-arg]
) -> None:
    # symmetric beliefs: F(y) falls with the spread for every y ≥ mean, so the optimum at
    # the larger spread, when accepted with probability ≥ 1/2, was available and worth at
    # least as much at the smaller spread
    shape, seed, d, mean, spread, proposer = args
    dom = _random_domain(shape, seed, d, proposer)
    lo, hi = sorted((spread, other))
    (_, small), (_, large) = ultimatum_offer_curve(dom, [lo, hi], mean=mean, family=family,
                                                   proposer=proposer)
    if large.index >= 0 and large.acceptance >= 0.5:
        assert large.expected_utility <= small.expected_utility + 1e-12


def test_uncertainty_can_help_a_proposer_with_a_good_outside_option() -> None:
    # unit pie, r ~ U[m - w, m + w], interior optimum: EU - d = (1 - d - m + w)^2 / (8w),
    # which rises with w once w > 1 - d - m (the offer is a gamble, rejection costs little)
    m, d = 0.3, 0.5
    curve = ultimatum_offer_curve(pie(2001, d, rb=m), [0.1, 0.2, 0.25, 0.3], family="uniform")
    eus = [u.expected_utility for _, u in curve]
    for w, u in curve:
        x = min(max((1 + m - w - d) / 2, m - w), m + w)
        assert u.utility_receiver == pytest.approx(x, abs=1e-3)
    assert eus[0] > eus[1]  # w = 0.1 < 1 - d - m = 0.2: uncertainty hurts
    assert eus[3] > eus[2] > eus[1]  # beyond it, it helps
    assert eus[2] == pytest.approx(d + (1 - d - m + 0.25) ** 2 / (8 * 0.25), abs=1e-6)
    assert curve[3][1].acceptance < 0.5


def test_curve_matches_single_solves_and_defaults_to_the_stated_reservation() -> None:
    dom = _random_domain([4, 3, 5], 7, 0.2, "a").with_reservation_values(0.2, 0.45)
    curve = ultimatum_offer_curve(dom, [0.02, 0.1, 0.3])
    for s, u in curve:
        assert u == ultimatum_offer(dom, stats.norm(0.45, s))


def test_no_offer_worth_making_and_bad_input() -> None:
    dom = pie(11, d=1.5)
    u = ultimatum_offer(dom, stats.norm(0.3, 0.1))
    assert u.index == -1 and u.acceptance == 0.0 and u.expected_utility == 1.5
    for bad in ([], [0.0], [-0.1], [float("nan")]):
        with pytest.raises(InputError, match="spreads"):
            ultimatum_offer_curve(pie(11), bad)
    with pytest.raises(InputError, match="family"):
        ultimatum_offer_curve(pie(11), [0.1], family="cauchy")
    with pytest.raises(KeyError):
        ultimatum_offer(pie(11), stats.norm(0.3, 0.1), proposer="zz")
