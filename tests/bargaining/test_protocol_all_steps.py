"""One negotiation of stateless strategies takes a path that computes every step at once; it
must give exactly what the step-by-step loop gives (the loop runs when a batch has two rows)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining._protocol import negotiate_batch

STATELESS = ["boulware", "linear", "conceder", "hardliner", "time:0.7", "time:2.5"]


def _both(ua: np.ndarray, ub: np.ndarray, sa: str, sb: str, deadline: int, ra: float,
          rb: float, clock: str) -> tuple[object, object]:
    one = negotiate_batch(ua, ub, sa, sb, deadline=deadline, reservation_a=ra,
                          reservation_b=rb, keep_offers=True, clock=clock,  # type: ignore[arg-type]
                          discount=(0.97, 0.99))
    two = negotiate_batch(np.stack([ua, ua]), np.stack([ub, ub]), sa, sb, deadline=deadline,
                          reservation_a=ra, reservation_b=rb, keep_offers=True,
                          clock=clock, discount=(0.97, 0.99))  # type: ignore[arg-type]
    return one, two


@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 60), seed=st.integers(0, 2**32 - 1),
       sa=st.sampled_from(STATELESS), sb=st.sampled_from(STATELESS),
       deadline=st.integers(1, 120), ra=st.floats(0, 1), rb=st.floats(0, 1),
       clock=st.sampled_from(["deadline", "shifted"]), ties=st.booleans())
def test_all_steps_path_equals_the_loop(n: int, seed: int, sa: str, sb: str, deadline: int,
                                        ra: float, rb: float, clock: str, ties: bool) -> None:
    rng = np.random.default_rng(seed)
    ua, ub = rng.random(n), rng.random(n)
    if ties:  # repeated utilities exercise the tie order
        ua, ub = np.round(ua * 4) / 4, np.round(ub * 3) / 3
    one, two = _both(ua, ub, sa, sb, deadline, ra, rb, clock)
    for name in ("agreement", "step", "utility_a", "utility_b", "discounted_a", "discounted_b",
                 "offers"):
        a, b = getattr(one, name), getattr(two, name)
        np.testing.assert_array_equal(a[0], b[0], err_msg=name)


@pytest.mark.parametrize("rows", [[0], [3]])
def test_all_steps_path_with_rows_into_many_tables(rows: list[int]) -> None:
    rng = np.random.default_rng(7)
    ua, ub = rng.random((5, 40)), rng.random((5, 40))
    one = negotiate_batch(ua, ub, "boulware", "conceder", deadline=50, reservation_a=0.3,
                          reservation_b=0.2, rows=np.array(rows), keep_offers=True)
    loop = negotiate_batch(ua, ub, "boulware", "conceder", deadline=50, reservation_a=0.3,
                           reservation_b=0.2, rows=np.array(rows * 2), keep_offers=True)
    assert one.agreement[0] == loop.agreement[0] and one.step[0] == loop.step[0]
    np.testing.assert_array_equal(one.offers[0], loop.offers[0])  # type: ignore[index]
