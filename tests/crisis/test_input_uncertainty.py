"""The analyst's uncertainty about the coded crisis inputs (``input_sd`` s, design revision 8 of
docs/crisis.md): s = 0 is the model without it, draw for draw; under s > 0 the forecast is a
mixture, over the drawn codings ("worlds"), of the s = 0 model run on each world's inputs."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.collective import forecast, get_model
from detente.crisis import crisis_forecast
from detente.crisis._model import INPUT_WORLDS
from detente.errors import InputError
from detente.scenario import Scenario


def _structural(x: Any) -> Any:
    """The structural model's episode probabilities (the figure shown is mixed with the bank's
    base rate, design revision 9; these tests check the structure)."""
    if hasattr(x, "episode_model"):
        return x.episode_model
    diag = getattr(x, "diagnostics", None) or {}
    return diag.get("episode_model") or x.episode


LINE = 0.3  # B's red line: the outcome must not be above 30 (0.3 on the unit scale)


def red_line_issue(p: float, c_a: float, c_b: float) -> Scenario:
    """One issue, A wants 100, B 0, status quo 0, B's red line at 30, no audience costs. At full
    trust with no private information (σ = 0) A's threat is credible iff ``p > c_A``, the deals
    B's red line allows are worth at most ``0.3 − 1`` to A against ``EV_A = p − 1 − c_A``, so
    the crisis escalates iff ``p − c_A > 0.3`` and is settled otherwise."""
    return Scenario.model_validate({
        "name": "red-line",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": c_a, "target_cost": c_b,
                             "p_prevail": p, "imposes": {"x": 100}, "action": "war"}],
        "actors": [{"id": "A", "capability": 1}, {"id": "B", "capability": 1}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "B", "issue": "x", "position": 0, "salience": 50, "commitment": 0,
             "red_line": {"side": "above", "value": 100 * LINE}},
        ],
    })


def _world_scenario(p: float, c_a: float, c_b: float, res: Any, w: int) -> Scenario:
    """The scenario coded with world ``w``'s drawn inputs."""
    shift = float(res.inputs["logit_shift"][w])
    p_w = 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + shift)))
    return red_line_issue(p_w, min(c_a * float(res.inputs["cost_factor"][w]), 1.0),
                          min(c_b * float(res.inputs["target_cost_factor"][w]), 1.0))


def _mixture_closed_form(p: float, c_a: float, s: float) -> float:
    """P(logistic(logit p + s Z₁) − min(c_A e^{s Z₂}, 1) > 0.3), Z independent normals, by
    quadrature: the s = 0 model's escalation indicator mixed over the coding noise."""
    from scipy.stats import norm

    if s == 0:
        return float(p - c_a > LINE)
    z = np.linspace(-8, 8, 2001)
    w = norm.pdf(z)
    w /= w.sum()
    p_w = 1 / (1 + np.exp(-(math.log(p / (1 - p)) + s * z)))
    c_w = np.minimum(c_a * np.exp(s * z), 1.0)
    esc = (p_w[:, None] - c_w[None, :]) > LINE
    return float((w[:, None] * w[None, :] * esc).sum())


KW: dict[str, Any] = {"trust": 1.0, "power": 1.0}


@pytest.mark.parametrize("opts", [{}, {"power": 1.0}, {"standoff_info": "private"},
                                  {"power_info": "private"},
                                  {"broken_promise": "crisis", "power_shift": -0.2}])
@pytest.mark.parametrize("case", ["jcpoa-2015", "syria-cw-2013", "geneva-2022"])
def test_input_sd_zero_is_the_model_without_it(case: str, opts: dict[str, Any]) -> None:
    """s = 0 draws nothing more and changes nothing: every draw, outcome kind and demand equal."""
    sc = load_case(case)
    a = crisis_forecast(sc, rng=3, draws=400, input_sd=0.0, **opts)
    b = crisis_forecast(sc, rng=3, draws=400, **opts)
    assert _structural(a) == _structural(b)
    assert np.array_equal(a.draws, b.draws) and np.array_equal(a.kind, b.kind)
    assert a.demand is not None and b.demand is not None
    assert np.array_equal(a.demand, b.demand)
    assert a.inputs == {}


@pytest.mark.parametrize(("p", "c_a", "c_b"), [(0.7, 0.3, 0.2), (0.65, 0.2, 0.4)])
def test_each_world_is_the_coded_model_at_its_inputs(p: float, c_a: float, c_b: float) -> None:
    """Without private information (σ = 0) each draw's outcome is the s = 0 model's on its
    world's inputs (costs × the drawn factors, log-odds + the drawn shift): P(escalation)
    under s > 0 is exactly the mixture of the s = 0 probabilities over the drawn worlds."""
    res = crisis_forecast(red_line_issue(p, c_a, c_b), rng=7, resolve_sd=0.0, input_sd=0.5,
                          draws=200, **KW)
    block = res.inputs["block"]
    assert res.inputs["cost_factor"].shape == (INPUT_WORLDS,)
    assert np.bincount(block).tolist() == [200 // INPUT_WORLDS] * INPUT_WORLDS
    mixture = []
    for w in range(INPUT_WORLDS):
        one = crisis_forecast(_world_scenario(p, c_a, c_b, res, w), rng=0, resolve_sd=0.0,
                              draws=1, **KW)
        assert (res.kind[block == w] == one.kind[0]).all()
        if one.kind[0] != 2:  # a war's outcome is its own draw (won or lost)
            assert np.allclose(res.draws[block == w], one.draws[0])
        mixture.append(_structural(one)["escalation"])
    assert _structural(res)["escalation"] == pytest.approx(float(np.mean(mixture)), abs=1e-12)
    assert 0.0 < _structural(res)["escalation"] < 1.0  # the mixture is not degenerate here


@pytest.mark.parametrize(("p", "c_a"), [(0.7, 0.3), (0.6, 0.4), (0.8, 0.2)])
def test_mixture_matches_the_closed_form_and_its_limits(p: float, c_a: float) -> None:
    """At σ = 0, P(escalation) under s is ``P(p_w − c_w > 0.3)`` over the coding noise
    (quadrature), averaged here over 24 seeds (1200 worlds); at s → 0 it is the coded model's
    0 or 1, and it moves monotonically away from it as s grows."""
    sc = red_line_issue(p, c_a, 0.2)
    est = []
    for s in (0.0, 1e-9, 0.25, 0.5, 1.0):
        runs = [crisis_forecast(sc, rng=seed, resolve_sd=0.0, input_sd=s, draws=INPUT_WORLDS,
                                **KW).episode_model["escalation"] for seed in range(24)]
        est.append(float(np.mean(runs)))
        assert est[-1] == pytest.approx(_mixture_closed_form(p, c_a, s), abs=0.05)
    coded = float(p - c_a > LINE)
    assert est[0] == est[1] == coded
    away = [abs(e - coded) for e in est[1:]]
    assert away == sorted(away) and away[-1] > 0.15


def test_mixture_with_private_information_is_the_mixture_of_the_worlds() -> None:
    """With private costs (σ = 0.5) each world keeps ``draws / 50`` private draws; the mixture
    equals the mean of the s = 0 model run (2000 draws) on each world's inputs within the
    Monte Carlo error (about 0.01 on each side)."""
    p, c_a, c_b = 0.7, 0.3, 0.2
    res = crisis_forecast(red_line_issue(p, c_a, c_b), rng=2, resolve_sd=0.5, input_sd=0.5,
                          draws=2000, **KW)
    mixture = [crisis_forecast(_world_scenario(p, c_a, c_b, res, w), rng=w, resolve_sd=0.5,
                               draws=2000, **KW).episode_model["escalation"]
               for w in range(INPUT_WORLDS)]
    assert _structural(res)["escalation"] == pytest.approx(float(np.mean(mixture)), abs=0.03)


def test_input_noise_is_determined_by_the_seed() -> None:
    sc = load_case("jcpoa-2015")
    a = crisis_forecast(sc, rng=11, draws=500, input_sd=0.5)
    b = crisis_forecast(sc, rng=11, draws=500, input_sd=0.5)
    c = crisis_forecast(sc, rng=12, draws=500, input_sd=0.5)
    assert _structural(a) == _structural(b) and np.array_equal(a.draws, b.draws)
    for k in a.inputs:
        assert np.array_equal(a.inputs[k], b.inputs[k])
    assert not np.array_equal(a.inputs["cost_factor"], c.inputs["cost_factor"])


def test_the_option_is_registered_and_checked() -> None:
    spec = get_model("crisis")
    assert spec.options["input_sd"].default == 0.0
    sc = red_line_issue(0.7, 0.3, 0.2)
    f = forecast(sc, "crisis", rng=0, input_sd=0.25, draws=200)
    assert _structural(f) is not None and f.options["input_sd"] == 0.25
    with pytest.raises(InputError, match="input_sd must be a finite number ≥ 0"):
        forecast(sc, "crisis", input_sd=-0.1)
    for bad in (float("nan"), float("inf")):  # refused by the registry for every option
        with pytest.raises(InputError, match="option 'input_sd' must be a finite number"):
            forecast(sc, "crisis", input_sd=bad)
    with pytest.raises(InputError, match="input_sd"):
        forecast(sc, "crisis", input_sd="wide")


def test_the_option_from_the_cli() -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["forecast", "geneva-2022", "-m", "crisis", "-o", "input_sd=0.25",
                             "-o", "draws=200", "-f", "json"])
    assert ok.exit_code == 0, ok.output
    for value, says in (("-1", "input_sd must be a finite number"), ("wide", "input_sd")):
        bad = runner.invoke(app, ["forecast", "geneva-2022", "-m", "crisis", "-o",
                                  f"input_sd={value}"])
        assert bad.exit_code == 2, bad.output
        assert says in bad.output and "Traceback" not in bad.output
