"""The cost of yielding to a threat (``yield_cost`` ρ, design revision 12 of docs/crisis.md):
ρ = 0 is the model before the revision (revision 9) draw for draw; what a deal concedes,
``Y_i(x) = Σ_k w_ik max(0, |x_k − y_ik| − |s_k − y_ik|)`` over the issues the threat imposes,
matches its closed form and falls on B's side only; B's side's value of a deal does not rise as
ρ rises and A's does not move; on one issue at complete information the zone is empty exactly
when ``ρ > (c_A + c_B)/(p − c_A)``, so P(escalation) does not fall as ρ rises."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _crisis_same import assert_same_forecast
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse, yield_concession
from detente.errors import InputError
from detente.scenario import Scenario


def duel(c_a: float, c_b: float, cost_a: float, cost_b: float, *,
         third: float | None = None) -> Scenario:
    """Issue x, status quo 0: A wants 100 and its war imposes 100, its target B wants 0; issue
    y, status quo 50, which nobody's war imposes: A wants 100, B 0. With ``third``, an actor T
    (capability 0.001, no cost, no option) holds position ``third`` on x and no position on y.
    No audience costs; no actor is a state of the shipped record, so trust is full."""
    actors: list[dict[str, Any]] = [{"id": "A", "capability": c_a},
                                    {"id": "B", "capability": c_b}]
    stances: list[dict[str, Any]] = [
        {"actor": "A", "issue": "x", "position": 100, "salience": 60, "commitment": 0},
        {"actor": "B", "issue": "x", "position": 0, "salience": 60, "commitment": 0},
        {"actor": "A", "issue": "y", "position": 100, "salience": 40, "commitment": 0},
        {"actor": "B", "issue": "y", "position": 0, "salience": 40, "commitment": 0},
    ]
    if third is not None:
        actors.append({"id": "T", "capability": 0.001})
        stances.append({"actor": "T", "issue": "x", "position": third, "salience": 50,
                        "commitment": 0})
    return Scenario.model_validate({
        "name": "yield",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": cost_a,
                             "target_cost": cost_b, "imposes": {"x": 100}, "action": "war"}],
        "actors": actors,
        "issues": [{"id": "x", "status_quo": 0}, {"id": "y", "status_quo": 50}],
        "stances": stances,
    })


def one_issue(c_a: float, c_b: float, cost_a: float, cost_b: float) -> Scenario:
    """Fearon's one issue: status quo 0, A wants 100 and its war imposes it, B wants 0."""
    return Scenario.model_validate({
        "name": "yield1",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": cost_a,
                             "target_cost": cost_b, "imposes": {"x": 100}, "action": "war"}],
        "actors": [{"id": "A", "capability": c_a}, {"id": "B", "capability": c_b}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "B", "issue": "x", "position": 0, "salience": 50, "commitment": 0},
        ],
    })


def test_the_default_is_no_cost() -> None:
    assert DEFAULTS["yield_cost"] == 0.0


@pytest.mark.parametrize("case,channel", [("iraq-kuwait-1990", "public"),
                                          ("july-1914", "private"),
                                          ("syria-cw-2013", "public"),
                                          ("kosovo-1998", "private")])
def test_no_cost_is_revision_9_draw_for_draw(case: str, channel: str) -> None:
    sc = load_case(case)
    base = crisis_forecast(sc, rng=3, channel=channel, draws=400)
    zero = crisis_forecast(sc, rng=3, channel=channel, draws=400, yield_cost=0.0)
    assert_same_forecast(base, zero)
    an = analyse(sc, channel=channel, yield_cost=0.0)
    assert np.array_equal(an.value, base.analysis.value)


def test_a_scenario_without_an_outside_option_does_not_move() -> None:
    sc = load_case("camp-david-1978")
    assert_same_forecast(crisis_forecast(sc, rng=1, draws=200),
          crisis_forecast(sc, rng=1, draws=200, yield_cost=2.0))


def test_the_concession_closed_form() -> None:
    # x imposed (B's weight 0.6), y not: B concedes 0.6·x on x and nothing for y; A nothing;
    # T, standing with A on x (100), concedes nothing; standing with B (0), 1.0·x (its only issue)
    for third, t_conc in ((100.0, 0.0), (0.0, 1.0)):
        sc = duel(2.0, 1.0, 0.2, 0.5, third=third)
        an = analyse(sc)
        assert an.dyad is not None
        x = np.array([[0.0, 0.5], [0.3, 0.0], [1.0, 1.0], [0.7, 0.2]])
        y = yield_concession(an.setup, an.dyad, x)
        assert y.shape == (3, 4)
        np.testing.assert_allclose(y[0], 0.0)
        np.testing.assert_allclose(y[1], 0.6 * x[:, 0])
        np.testing.assert_allclose(y[2], t_conc * x[:, 0])


@settings(max_examples=25, deadline=None)
@given(rho=st.floats(0.0, 5.0), step=st.floats(0.01, 2.0), third=st.sampled_from([0.0, 100.0]))
def test_b_sides_values_do_not_rise_with_the_cost_and_as_do_not_move(
        rho: float, step: float, third: float) -> None:
    sc = duel(2.0, 1.0, 0.2, 0.5, third=third)
    lo = analyse(sc, yield_cost=rho)
    hi = analyse(sc, yield_cost=min(5.0, rho + step))
    assert lo.dyad is not None and hi.dyad is not None
    a = lo.dyad.a
    np.testing.assert_array_equal(lo.value[a], hi.value[a])
    assert np.all(hi.value_b <= lo.value_b + 1e-12)
    assert np.all(hi.value <= lo.value + 1e-12)
    # the reservations do not depend on ρ: war and the standoff carry no cost of yielding
    np.testing.assert_array_equal(lo.r, hi.r)


@settings(max_examples=40, deadline=None)
@given(c_a=st.floats(0.5, 10), c_b=st.floats(0.1, 5), cost_a=st.floats(0.0, 0.5),
       cost_b=st.floats(0.05, 0.8), rho=st.floats(0.0, 5.0))
def test_complete_information_escalates_exactly_when_the_zone_is_empty(
        c_a: float, c_b: float, cost_a: float, cost_b: float, rho: float) -> None:
    # A's threat is credible iff p > c_A; it takes x (0–1) iff x ≥ p − c_A. B takes x iff
    # −x − ρx ≥ −p − c_B. So the episode escalates iff p > c_A and (1 + ρ)(p − c_A) > p + c_B,
    # i.e. ρ > (c_A + c_B)/(p − c_A).
    p = c_a / (c_a + c_b)
    assume(abs(p - cost_a) > 0.02)
    assume(abs((1 + rho) * (p - cost_a) - p - cost_b) > 0.02)  # away from the grid's edge
    res = crisis_forecast(one_issue(c_a, c_b, cost_a, cost_b), rng=0, draws=20,
                          resolve_sd=0.0, yield_cost=rho)
    war = p > cost_a and rho > (cost_a + cost_b) / (p - cost_a)
    assert res.episode_model["escalation"] == (1.0 if war else 0.0), (p, rho)


def test_complete_information_escalation_does_not_fall_as_the_cost_rises() -> None:
    # p = 0.8, c_A = 0.2, c_B = 0.4: the zone [0.6, 1.2/(1 + ρ)] closes once ρ > 1
    sc = one_issue(4.0, 1.0, 0.2, 0.4)
    grid = (0.0, 0.5, 0.9, 1.1, 1.5, 2.0, 5.0)
    p = [crisis_forecast(sc, rng=0, draws=20, resolve_sd=0.0,
                         yield_cost=r).episode_model["escalation"] for r in grid]
    assert p == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]
    # a challenger whose threat is not credible (p = 0.2 < c_A = 0.3) never escalates
    weak = one_issue(1.0, 4.0, 0.3, 0.4)
    assert [crisis_forecast(weak, rng=0, draws=20, resolve_sd=0.0,
                            yield_cost=r).episode_model["escalation"]
            for r in grid] == [0.0] * len(grid)


@pytest.mark.parametrize("bad", [5.5, -0.1, float("nan"), float("inf")])
def test_bad_yield_cost_is_an_error(bad: float) -> None:
    with pytest.raises(InputError, match="yield_cost must be a number in"):
        crisis_forecast(one_issue(1.0, 1.0, 0.2, 0.3), rng=0, draws=10, yield_cost=bad)


def test_cli_option_and_its_error() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["forecast", "iraq-kuwait-1990", "-m", "crisis", "-o",
                              "yield_cost=9"])
    assert bad.exit_code == 2, bad.output
    assert "yield_cost must be a number in [0, 5]" in bad.output
    ok = runner.invoke(app, ["forecast", "iraq-kuwait-1990", "-m", "crisis", "-o",
                             "yield_cost=1", "--seed", "0"])
    assert ok.exit_code == 0, ok.output
