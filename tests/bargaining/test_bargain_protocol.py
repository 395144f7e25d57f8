"""Alternating offers: closed-form agreements, batch = single runs, tournaments, Rubinstein."""

from __future__ import annotations

import math

import numpy as np
import pytest
from _peer import random_domain
from test_bargain_space import pie

from detente.bargaining import (
    Strategy,
    negotiate,
    negotiate_batch,
    parse_strategy,
    rubinstein_split,
    subgame_perfect,
    tournament,
)
from detente.errors import InputError


def test_linear_vs_linear_on_a_pie_meets_in_the_middle() -> None:
    # aspirations 1 - tau for both; a offers at even steps, b at odd; they cross at tau ~ 1/2
    tr = negotiate(pie(1001), "linear", "linear", deadline=101)
    assert tr.agreement is not None
    assert tr.utility_a == pytest.approx(0.5, abs=0.011)
    assert tr.utility_a + tr.utility_b == pytest.approx(1.0)


def test_time_based_offers_follow_the_aspiration() -> None:
    d = pie(1001, ra=0.2)
    T = 50
    tr = negotiate(d, "time:0.5", "hardliner", deadline=T)
    for o in tr.offers:
        if o.proposer == "a":
            tau = o.step / (T - 1)
            target = 0.2 + 0.8 * (1 - tau ** (1 / 0.5))
            # the lowest own utility at or above the target on a 0.001 grid
            assert target - 1e-9 <= o.utility_a < target + 0.001 + 1e-9


def test_hardliner_vs_conceder_takes_everything_and_hardliners_deadlock() -> None:
    tr = negotiate(pie(101), "hardliner", "conceder", deadline=40)
    assert tr.agreement is not None and tr.utility_a == pytest.approx(1.0)
    tr = negotiate(pie(101, ra=0.1, rb=0.1), "hardliner", "hardliner", deadline=40)
    assert tr.agreement is None and (tr.utility_a, tr.utility_b) == (0.1, 0.1)


def test_boulware_beats_conceder() -> None:
    d = random_domain(1, (8, 8, 8))
    tr_bc = negotiate(d, "boulware", "conceder")
    tr_cb = negotiate(d, "conceder", "boulware")
    assert tr_bc.agreement is not None and tr_cb.agreement is not None
    assert tr_bc.utility_a > tr_cb.utility_a and tr_cb.utility_b > tr_bc.utility_b


def test_tit_for_tat_reciprocates() -> None:
    d = pie(1001)
    tr = negotiate(d, "tft", "linear", deadline=60)
    assert tr.agreement is not None
    b_offers = [o.utility_a for o in tr.offers if o.proposer == "b"]
    a_offers = [o.utility_a for o in tr.offers if o.proposer == "a"]
    # the opponent concedes (its offers get better for a), and so does tit-for-tat
    assert np.all(np.diff(b_offers) >= -1e-12) and np.all(np.diff(a_offers) <= 1e-12)
    assert a_offers[-1] < a_offers[0]


def test_batch_equals_single_runs() -> None:
    doms = [random_domain(s, (5, 6, 4)) for s in range(5)]
    ua = np.stack([d.utilities()[0] for d in doms])
    ub = np.stack([d.utilities()[1] for d in doms])
    for sa, sb in [("boulware", "conceder"), ("tft", "linear"), ("linear", "hardliner")]:
        res = negotiate_batch(ua, ub, sa, sb, deadline=60, reservation_a=0.2, reservation_b=0.3)
        for k, d in enumerate(doms):
            tr = negotiate(d, sa, sb, deadline=60)
            want = -1 if tr.agreement is None else tr.agreement.index
            assert res.agreement[k] == want
            assert res.utility_a[k] == pytest.approx(tr.utility_a)


def test_seeded_random_strategy_and_tournament_are_reproducible() -> None:
    d = random_domain(2, (5, 5, 5))
    t1 = negotiate(d, "random", "linear", rng=7)
    t2 = negotiate(d, "random", "linear", rng=7)
    assert [o.index for o in t1.offers] == [o.index for o in t2.offers]
    names = ["boulware", "linear", "conceder", "tft", "hardliner"]
    a = tournament(d, names, repeats=6, rng=3)
    b = tournament(d, names, repeats=6, rng=3)
    np.testing.assert_array_equal(a.utility_a, b.utility_a)
    h = names.index("hardliner")
    assert a.agreement_rate[h, h] == 0.0  # two hard-liners never agree
    assert np.all(a.pareto_distance >= 0) and np.all(a.agreement_rate <= 1)
    # an agreement on the frontier has distance 0; conceder vs conceder lands near it
    c = names.index("conceder")
    assert a.pareto_distance[c, c] < a.pareto_distance[h, h]
    assert set(a.score()) == {"boulware", "linear", "conceder", "tit-for-tat", "hardliner"}


def test_parse_strategy() -> None:
    assert parse_strategy("boulware").e == 0.25
    assert parse_strategy("time:2").e == 2.0
    assert parse_strategy("tft:0.05").kindness == 0.05
    assert parse_strategy("conceder:3") == Strategy("time", 3.0, name="conceder(e=3)")
    for bad in ("nope", "time:x", "time:-1"):
        with pytest.raises(InputError):
            parse_strategy(bad)


@pytest.mark.parametrize(("d1", "d2"), [(0.9, 0.9), (0.9, 0.8), (0.7, 0.95), (0.5, 0.6)])
def test_backward_induction_converges_to_rubinstein(d1: float, d2: float) -> None:
    x1, x2 = rubinstein_split(d1, d2)
    assert x1 + x2 == 1.0 and x1 == pytest.approx((1 - d2) / (1 - d1 * d2))
    d = pie(2001, da=d1, db=d2)
    spe = subgame_perfect(d, deadline=400)
    # grid 1/2000; rounding compounds by at most 1/(1 - d1 d2) grid steps
    tol = 2 / 2000 / (1 - d1 * d2)
    assert spe.utility_a == pytest.approx(x1, abs=tol)
    # played out: an agreement at step 0 on the first offer
    assert spe.index >= 0


def test_finite_horizon_last_mover_advantage() -> None:
    # one offer: an ultimatum, the proposer takes all; two offers: b's ultimatum next, so a
    # must give b delta_b of the pie now
    d = pie(1001, da=0.9, db=0.8)
    assert subgame_perfect(d, deadline=1).utility_a == pytest.approx(1.0)
    assert subgame_perfect(d, deadline=2).utility_b == pytest.approx(0.8, abs=1e-3)
    assert math.isclose(subgame_perfect(d, deadline=3).utility_a, 1 - 0.8 * (1 - 0.9), abs_tol=2e-3)


def test_discounted_utilities_in_trace() -> None:
    tr = negotiate(pie(101, da=0.9, db=0.8), "linear", "linear", deadline=21)
    assert tr.agreement is not None
    t = tr.agreement.step
    assert tr.discounted_a == pytest.approx(tr.utility_a * 0.9**t)
    assert tr.discounted_b == pytest.approx(tr.utility_b * 0.8**t)
