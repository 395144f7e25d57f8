"""One negotiation of stateless strategies runs in Python scalars over the domain's cached
rankings; its trace must be the one the array path (`negotiate_batch`) gives, bit for bit."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining import BargainingIssue, Domain, Party, Strategy, negotiate
from detente.bargaining import _protocol as proto

STATELESS = [
    "boulware", "linear", "conceder", "hardliner", "time:0.7", "time:2.5",
    Strategy("time", 0.4, floor="minimum"), Strategy("hardliner", floor="minimum"),
]


def _domain(seed: int, shape: tuple[int, ...], ties: str | bool, ra: float, rb: float,
            discounts: tuple[float, float]) -> Domain:
    """Random additive utilities; ``ties``: few distinct values (outcomes share a utility), or
    ``"near"``: those values moved by a few 1e-13 (within the protocol's 1e-12 tolerance)."""
    rng = np.random.default_rng(seed)
    issues = tuple(BargainingIssue(f"i{k}", tuple(f"o{j}" for j in range(n)))
                   for k, n in enumerate(shape))
    parties = []
    for pid, rv, disc, grid in (("a", ra, discounts[0], 4), ("b", rb, discounts[1], 3)):
        w = rng.random(len(shape)) + 0.1
        vals = tuple(rng.random(n) for n in shape)
        if ties:
            vals = tuple(np.round(v * grid) / grid for v in vals)
        if ties == "near":
            vals = tuple(np.clip(v + rng.integers(-3, 4, v.shape) * 1e-13, 0.0, 1.0)
                         for v in vals)
        parties.append(Party(pid, w / w.sum(), vals, rv, disc))
    return Domain("random", issues, parties[0], parties[1], deadline=7)


def _general(domain: Domain, sa: Any, sb: Any, deadline: int | None, clock: Any) -> Any:
    a, b = proto.parse_strategy(sa), proto.parse_strategy(sb)
    T = domain.deadline if deadline is None else deadline
    return proto._negotiate_general(domain, a, b, T, None, clock)


def _same(fast: Any, slow: Any) -> None:
    assert fast == slow
    # repr tells apart every float bit pattern (and int from float): byte-identical results
    assert repr(fast.as_dict()) == repr(slow.as_dict())
    assert [type(getattr(fast, f)) for f in vars(slow)] == [type(v) for v in vars(slow).values()]


@settings(max_examples=400, deadline=None)
@given(seed=st.integers(0, 2**32 - 1),
       shape=st.lists(st.integers(1, 7), min_size=1, max_size=3).map(tuple),
       ties=st.sampled_from([False, True, "near"]),
       sa=st.sampled_from(STATELESS), sb=st.sampled_from(STATELESS),
       deadline=st.one_of(st.none(), st.integers(1, 120)),
       ra=st.floats(-0.2, 1.2), rb=st.floats(-0.2, 1.2),
       discounts=st.tuples(st.sampled_from([1.0, 0.9, 0.37]), st.sampled_from([1.0, 0.95])),
       clock=st.sampled_from(["deadline", "shifted"]))
def test_scalar_path_equals_the_array_path(seed: int, shape: tuple[int, ...], ties: Any,
                                           sa: Any, sb: Any, deadline: int | None, ra: float,
                                           rb: float, discounts: tuple[float, float],
                                           clock: Any) -> None:
    d = _domain(seed, shape, ties, ra, rb, discounts)
    fast = negotiate(d, sa, sb, deadline=deadline, clock=clock)
    assert "_rankings" in d.__dict__  # the scalar path ran
    _same(fast, _general(d, sa, sb, deadline, clock))
    _same(negotiate(d, sa, sb, deadline=deadline, clock=clock), fast)  # warm cache: same


def test_scalar_path_on_the_benchmark_domain_both_ways() -> None:
    d = _domain(0, (10, 10, 10), False, 0.2, 0.3, (1.0, 1.0))
    for dom in (d, d.with_reservation_values(0.99, 0.99)):
        for clock in ("deadline", "shifted"):
            fast = negotiate(dom, "boulware", "conceder", deadline=100, clock=clock)
            _same(fast, _general(dom, "boulware", "conceder", 100, clock))
    assert negotiate(d, "boulware", "conceder", deadline=100).agreement is not None
    assert negotiate(d.with_reservation_values(0.99, 0.99), "boulware", "conceder",
                     deadline=100).agreement is None


@pytest.mark.parametrize("pair", [("tft", "linear"), ("linear", "random"), ("tft", "tft")])
def test_strategies_that_read_offers_or_draw_take_the_array_path(pair: tuple[str, str]) -> None:
    d = _domain(3, (5, 4), False, 0.2, 0.3, (1.0, 1.0))
    tr = negotiate(d, *pair, deadline=40, rng=5)
    assert "_rankings" not in d.__dict__
    a, b = proto.parse_strategy(pair[0]), proto.parse_strategy(pair[1])
    _same(tr, proto._negotiate_general(d, a, b, 40, 5, "deadline"))


def test_large_or_non_finite_domains_take_the_array_path(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    d = _domain(4, (6, 6), False, 0.2, 0.3, (1.0, 1.0))
    monkeypatch.setattr(proto, "_SCALAR_MAX", 35)
    _same(negotiate(d, "linear", "conceder", deadline=30),
          _general(d, "linear", "conceder", 30, "deadline"))
    assert "_rankings" not in d.__dict__
    nan = d.with_reservation_values(float("nan"), 0.3)
    _same(negotiate(nan, "linear", "conceder", deadline=30),
          _general(nan, "linear", "conceder", 30, "deadline"))
    assert "_rankings" not in nan.__dict__


def test_cached_rankings_stay_out_of_pickles_and_copies() -> None:
    d = _domain(5, (8, 8), True, 0.1, 0.2, (1.0, 1.0))
    before = negotiate(d, "boulware", "linear", deadline=60)
    assert {"_rankings", "_utilities"} <= set(d.__dict__)
    for other in (pickle.loads(pickle.dumps(d)), copy.deepcopy(d), copy.copy(d)):
        assert "_rankings" not in other.__dict__ and "_utilities" not in other.__dict__
        _same(negotiate(other, "boulware", "linear", deadline=60), before)
    rk = d.__dict__["_rankings"]
    assert isinstance(rk.a.order, tuple) and isinstance(rk.a.shifted, tuple)


def test_acceptance_tolerance_on_both_paths() -> None:
    # a's target at the deadline is 0.5 + 5e-13, so it plans the option it values at 0.5; b's
    # offer is worth 0.5 - 7e-13 to a: short of the plan by less than 1e-12, so a accepts
    issue = BargainingIssue("x", ("low", "mid", "high"))
    a = Party("a", np.array([1.0]), (np.array([0.5 - 7e-13, 0.5, 1.0]),), 0.5 + 5e-13)
    b = Party("b", np.array([1.0]), (np.array([1.0, 0.0, 0.0]),), 0.0)
    d = Domain("tolerance", (issue,), a, b, deadline=3)
    fast = negotiate(d, "linear", "hardliner")
    _same(fast, _general(d, "linear", "hardliner", None, "deadline"))
    assert fast.agreement is not None and fast.agreement.index == 0 and fast.agreement.step == 1
