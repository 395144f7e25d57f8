"""review17: the outside-option principle in alternating offers (Binmore, Shaked & Sutton 1989;
Muthoo 1999 ch. 5), against closed forms derived by hand.

Unit pie, a proposes first, discount factors d1 (a) and d2 (b). Rubinstein: a's share
x1 = (1 - d2)/(1 - d1 d2), b's x2 = d2 (1 - d1)/(1 - d1 d2). A party may walk away, taking its
reservation value w, whenever it responds. b's option binds iff w_b > x2, and then a offers b
exactly w_b: a's share 1 - w_b. a's option binds iff w_a > d1 x1 (what a gets as responder in
Rubinstein); then b offers a exactly w_a, and a, proposing first, keeps 1 - d2 (1 - w_a).
"""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining import BargainingIssue, Domain, Party, subgame_perfect


def pie(ra: float, rb: float, d1: float, d2: float, n: int = 2001) -> Domain:
    x = np.linspace(0, 1, n)
    issue = BargainingIssue("share", tuple(f"{v:.6g}" for v in x), x)
    return Domain("pie", (issue,), Party("a", np.ones(1), (x,), ra, d1),
                  Party("b", np.ones(1), (1 - x,), rb, d2))


def tol(d1: float, d2: float) -> float:
    return 2 / 2000 / (1 - d1 * d2)  # the grid's rounding, compounded over the horizon


@pytest.mark.parametrize(("d1", "d2", "wb"), [
    (0.9, 0.9, 0.3), (0.9, 0.9, 0.6), (0.9, 0.9, 0.8), (0.8, 0.95, 0.5), (0.8, 0.95, 0.85),
])
def test_b_outside_option_binds_only_above_its_inside_share(d1: float, d2: float,
                                                            wb: float) -> None:
    x1 = (1 - d2) / (1 - d1 * d2)
    x2 = d2 * (1 - d1) / (1 - d1 * d2)
    expected_a = x1 if wb <= x2 else 1 - wb
    spe = subgame_perfect(pie(0.0, wb, d1, d2), deadline=400)
    assert spe.index >= 0  # agreement at once
    assert spe.utility_a == pytest.approx(expected_a, abs=tol(d1, d2))
    assert spe.utility_b >= wb - 1e-12  # never below what walking away is worth


@pytest.mark.parametrize(("d1", "d2", "wa"), [(0.9, 0.9, 0.3), (0.9, 0.9, 0.6), (0.7, 0.9, 0.5)])
def test_a_outside_option_as_responder(d1: float, d2: float, wa: float) -> None:
    x1 = (1 - d2) / (1 - d1 * d2)
    expected_a = x1 if wa <= d1 * x1 else 1 - d2 * (1 - wa)
    spe = subgame_perfect(pie(wa, 0.0, d1, d2), deadline=400)
    assert spe.utility_a == pytest.approx(expected_a, abs=tol(d1, d2))


def test_equal_reservation_values_summing_to_the_pie() -> None:
    # w_a = w_b = 1/2: the only deal both accept is the even split
    spe = subgame_perfect(pie(0.5, 0.5, 0.9, 0.9), deadline=400)
    assert spe.index >= 0
    assert (spe.utility_a, spe.utility_b) == pytest.approx((0.5, 0.5), abs=1e-9)


def test_empty_zone_means_no_agreement_at_the_reservation_values() -> None:
    spe = subgame_perfect(pie(0.6, 0.6, 0.9, 0.9), deadline=400)
    assert spe.index == -1
    assert (spe.utility_a, spe.utility_b) == (0.6, 0.6)
    assert np.isfinite(spe.offers).all()


def test_walking_away_only_at_the_deadline_ignores_the_option() -> None:
    # the older model: reservation values are only the deadline's disagreement point, which
    # 400 discounted offers make irrelevant — b ends with Rubinstein's share below its 0.8
    spe = subgame_perfect(pie(0.0, 0.8, 0.9, 0.9), deadline=400, outside_options=False)
    assert spe.utility_a == pytest.approx(1 / 1.9, abs=tol(0.9, 0.9))
