"""review17: Fearon's closed forms refuse NaN/inf inputs with a clear error (a NaN cost gave a
range [0.0, 0.6], a NaN p a NaN breakdown risk), and an ultimatum nobody accepts offers 0."""

from __future__ import annotations

import math

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

NAN, INF = math.nan, math.inf


@pytest.mark.parametrize(("args", "field"), [
    ((1, 1, NAN, 0.1), "cost_a"), ((1, 1, 0.1, INF), "cost_b"),
    ((NAN, 1, 0.1, 0.1), "capability_a"),
    ((1, INF, 0.1, 0.1), "capability_b"),
])
def test_crisis_bargaining_refuses_non_finite(args: tuple[float, ...], field: str) -> None:
    with pytest.raises(InputError, match=field):
        crisis_bargaining(*args)


def test_commitment_and_information_refuse_non_finite() -> None:
    with pytest.raises(InputError, match="cost_a"):
        commitment_problem(0.6, 0.5, NAN, 0.1, 0.9)
    with pytest.raises(InputError, match="cost_b"):
        commitment_problem(0.6, 0.5, 0.1, -0.2, 0.9)
    with pytest.raises(InputError, match="p "):
        information_problem(NAN, 0.1, stats.uniform(0, 0.3))
    with pytest.raises(InputError, match="cost_a"):
        information_problem(0.5, NAN, stats.uniform(0, 0.3))
    with pytest.raises(InputError, match="proposer_reservation"):
        ultimatum(stats.uniform(0.2, 0.1), proposer_reservation=NAN)
    with pytest.raises(InputError, match="pie"):
        ultimatum(stats.uniform(0.2, 0.1), pie=NAN)
    with pytest.raises(InputError, match="mean"):
        ultimatum_curve(NAN, [0.1])
    with pytest.raises(InputError, match="spread"):
        ultimatum_curve(0.3, [NAN])


def test_ultimatum_no_offer_worth_making() -> None:
    # r ~ U[0.2, 0.3] and d = 0.9: keeping 1 - x ≤ 0.8 < 0.9 for any accepted x, so the
    # proposer prefers a refusal: offer 0, accepted never, expected utility d
    u = ultimatum(stats.uniform(0.2, 0.1), proposer_reservation=0.9)
    assert (u.offer, u.acceptance, u.rejection, u.expected_utility) == (0.0, 0.0, 1.0, 0.9)
    # a receiver wanting more than the whole pie: nothing can be accepted
    u = ultimatum(stats.uniform(1.2, 0.1))
    assert (u.offer, u.acceptance, u.expected_utility) == (0.0, 0.0, 0.0)
