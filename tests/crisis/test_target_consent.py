"""The target decides for itself (``target_consent`` τ, design revision 13 of docs/crisis.md):
τ = 0 is the model before the revision (revision 9) draw for draw; with τ = 1 the challenger's
counterpart is the targets of its threat — coded targets whom its imposition moves away from
their positions — capability-weighted among themselves, each of whom must accept; with no such
target τ changes nothing. On one issue at complete information the zone is then Fearon's range
``p − c_A ≤ x ≤ p + c_T`` whatever third parties stand beside the target."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _crisis_same import assert_same_forecast
from hypothesis import given, settings
from hypothesis import strategies as st
from test_crisis_model import crisis_scenarios
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse, threat_targets
from detente.crisis._setup import setup
from detente.errors import InputError
from detente.scenario import Scenario


def standing(c_a: float, c_t: float, cost_a: float, cost_t: float, *, third: float = 0.0,
             c_third: float = 50.0, target_wants: float = 0.0) -> Scenario:
    """One issue x, status quo 0: A wants 100 and its war on its target B imposes 100; B wants
    ``target_wants``; a third party T (capability ``c_third``, no cost of conflict, not a target)
    holds ``third``. No audience costs; no actor is a state of the shipped record (full trust)."""
    return Scenario.model_validate({
        "name": "consent",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": cost_a,
                             "target_cost": cost_t, "imposes": {"x": 100}, "action": "war"}],
        "actors": [{"id": "A", "capability": c_a}, {"id": "B", "capability": c_t},
                   {"id": "T", "capability": c_third}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "B", "issue": "x", "position": target_wants, "salience": 50,
             "commitment": 0},
            {"actor": "T", "issue": "x", "position": third, "salience": 50, "commitment": 0},
        ],
    })


def pair(c_a: float, c_b: float, cost_a: float, cost_b: float, y_b: float, sq: float
         ) -> Scenario:
    """Two actors, two issues; A threatens B and imposes 100 on x."""
    return Scenario.model_validate({
        "name": "pair",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": cost_a,
                             "target_cost": cost_b, "imposes": {"x": 100}, "action": "war"}],
        "actors": [{"id": "A", "capability": c_a}, {"id": "B", "capability": c_b}],
        "issues": [{"id": "x", "status_quo": sq}, {"id": "y", "status_quo": 50}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 60, "commitment": 0.3},
            {"actor": "B", "issue": "x", "position": y_b, "salience": 60, "commitment": 0.5},
            {"actor": "A", "issue": "y", "position": 90, "salience": 40, "commitment": 0},
            {"actor": "B", "issue": "y", "position": 10, "salience": 40, "commitment": 0},
        ],
    })


def test_the_default_is_todays_counterpart() -> None:
    assert DEFAULTS["target_consent"] == 0.0


@pytest.mark.parametrize("case,channel", [("iraq-kuwait-1990", "public"),
                                          ("july-1914", "private"),
                                          ("munich-1938", "public"),
                                          ("kosovo-1998", "private")])
def test_off_is_revision_9_draw_for_draw(case: str, channel: str) -> None:
    sc = load_case(case)
    base = crisis_forecast(sc, rng=3, channel=channel, draws=400)
    off = crisis_forecast(sc, rng=3, channel=channel, draws=400, target_consent=0.0)
    assert_same_forecast(base, off)
    an = analyse(sc, channel=channel, target_consent=0.0)
    assert np.array_equal(an.dyad.beta, base.analysis.dyad.beta)  # type: ignore[union-attr]
    assert an.dyad.vetoes == base.analysis.dyad.vetoes  # type: ignore[union-attr]


def test_the_target_set_is_read_from_positions_and_imposes() -> None:
    # B at 0 loses when A imposes 100 on x: a target; T is no coded target
    s = setup(standing(2.0, 1.0, 0.2, 0.5))
    an = analyse(standing(2.0, 1.0, 0.2, 0.5))
    assert an.dyad is not None
    assert threat_targets(s, 0, an.dyad.options, an.dyad.standoff) == (1,)
    # B already at 100: the imposition costs it nothing, so no target is identified
    s2 = standing(2.0, 1.0, 0.2, 0.5, target_wants=100.0)
    an2 = analyse(s2)
    assert an2.dyad is not None
    assert threat_targets(an2.setup, 0, an2.dyad.options, an2.dyad.standoff) == ()


def test_no_identifiable_target_is_todays_model_draw_for_draw() -> None:
    sc = standing(2.0, 1.0, 0.2, 0.5, target_wants=100.0)
    assert_same_forecast(crisis_forecast(sc, rng=5, draws=300),
                         crisis_forecast(sc, rng=5, draws=300, target_consent=1.0))


def test_a_scenario_without_an_outside_option_does_not_move() -> None:
    sc = load_case("camp-david-1978")
    assert_same_forecast(crisis_forecast(sc, rng=1, draws=200),
                         crisis_forecast(sc, rng=1, draws=200, target_consent=1.0))


@pytest.mark.parametrize("c_a,c_t,cost_a,cost_t", [(2.0, 1.0, 0.2, 0.5), (4.0, 1.0, 0.3, 0.1),
                                                   (1.0, 1.0, 0.1, 0.2)])
def test_the_zone_is_fearons_range_between_challenger_and_target(
        c_a: float, c_t: float, cost_a: float, cost_t: float) -> None:
    # by hand: V_A(x) = −(1 − x) ≥ EV_A = −(1 − p) − c_A iff x ≥ p − c_A; the target B values x
    # at −x against its war −p − c_T, so x ≤ p + c_T. The third party T (50 times B's
    # capability, no cost of conflict, at 0 beside B) reads the war as −p and would take only
    # x ≤ p: with τ = 0 it is nearly all of B's side and the zone ends near p + c_T·β_B.
    p = c_a / (c_a + c_t)
    sc = standing(c_a, c_t, cost_a, cost_t)
    on = analyse(sc, target_consent=1.0)
    off = analyse(sc, target_consent=0.0)
    assert on.dyad is not None and off.dyad is not None
    x = on.candidates[:, 0]
    tol = 1e-9
    expect_on = (x >= p - cost_a - tol) & (x <= p + cost_t + tol)
    np.testing.assert_array_equal(on.zone, expect_on)
    beta_b = c_t / (c_t + 50.0)
    x0 = off.candidates[:, 0]
    expect_off = (x0 >= p - cost_a - tol) & (x0 <= p + beta_b * cost_t + tol)
    np.testing.assert_array_equal(off.zone, expect_off)
    np.testing.assert_allclose(on.dyad.beta, [0.0, 1.0, 0.0])


@settings(max_examples=30, deadline=None)
@given(c_a=st.floats(0.2, 10), c_b=st.floats(0.2, 10), cost_a=st.floats(0.0, 0.6),
       cost_b=st.floats(0.0, 0.9), y_b=st.floats(0, 100), sq=st.floats(0, 100),
       sd=st.sampled_from([0.0, 0.5]), seed=st.integers(0, 2**16))
def test_with_two_actors_the_target_is_todays_counterpart(
        c_a: float, c_b: float, cost_a: float, cost_b: float, y_b: float, sq: float,
        sd: float, seed: int) -> None:
    sc = pair(c_a, c_b, cost_a, cost_b, y_b, sq)
    assert_same_forecast(crisis_forecast(sc, rng=seed, draws=200, resolve_sd=sd),
                         crisis_forecast(sc, rng=seed, draws=200, resolve_sd=sd,
                                         target_consent=1.0))


@settings(max_examples=40, deadline=None)
@given(sc=crisis_scenarios(), seed=st.integers(0, 2**16))
def test_no_deal_crosses_a_red_line_with_the_targets_deciding(sc: Scenario, seed: int) -> None:
    s = setup(sc)
    res = crisis_forecast(sc, rng=seed, draws=200, trust=1.0, target_consent=1.0)
    deals = res.draws[res.kind == 0]
    if res.analysis.dyad is not None and deals.size:
        assert s.respects(deals).all()
    if res.analysis.proposal is not None and res.analysis.zone_exists:
        assert s.respects(res.analysis.proposal)


@settings(max_examples=30, deadline=None)
@given(sc=crisis_scenarios())
def test_every_target_accepts_every_deal_in_the_zone(sc: Scenario) -> None:
    an = analyse(sc, target_consent=1.0)
    if an.dyad is None or not an.zone.any():
        return
    for t in threat_targets(an.setup, an.dyad.a, an.dyad.options, an.dyad.standoff):
        assert t in an.dyad.vetoes
        assert np.all(an.value[t][an.zone] >= an.r[t] - 1e-9)


@pytest.mark.parametrize("bad", [0.5, 2.0, -1.0])
def test_bad_target_consent_is_an_error(bad: Any) -> None:
    with pytest.raises(InputError, match="target_consent must be 0"):
        crisis_forecast(standing(2.0, 1.0, 0.2, 0.5), rng=0, draws=10, target_consent=bad)


def test_cli_option_and_its_error() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["forecast", "iraq-kuwait-1990", "-m", "crisis", "-o",
                              "target_consent=2"])
    assert bad.exit_code == 2, bad.output
    assert "target_consent" in bad.output
    ok = runner.invoke(app, ["forecast", "iraq-kuwait-1990", "-m", "crisis", "-o",
                             "target_consent=1", "--seed", "0"])
    assert ok.exit_code == 0, ok.output
