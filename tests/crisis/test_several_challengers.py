"""Several challengers (``several_challengers`` δ, design revision 14 of docs/crisis.md): δ = 0 is
the model before the revision (revision 9) draw for draw; with δ = 1, where several actors hold
outside options, each challenger's counterpart is the other holders it threatens, capability-
weighted among themselves, each of whom must accept; with one holder (or none threatened) δ
changes nothing. On one issue at complete information the principal's zone is then Fearon's
range ``p − c_A ≤ x ≤ p + c_C`` between the two challengers, whatever third parties stand
beside the second."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _crisis_same import assert_same_forecast
from hypothesis import given, settings
from hypothesis import strategies as st
from test_crisis_model import crisis_scenarios
from test_target_consent import pair, standing
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse, rival_holders
from detente.crisis._setup import setup
from detente.errors import InputError
from detente.scenario import Scenario


def rivals(c_a: float, c_c: float, cost_a: float, cost_c: float, *, c_third: float = 50.0,
           c_target: str = "A") -> Scenario:
    """One issue x, status quo 0: A wants 100 and its war on C imposes 100 (C pays ``cost_c``);
    C wants 0 and holds an outside option of its own against ``c_target`` that would impose 0
    (no gain over the status quo: C's threat is never credible, A is the principal); a third
    party T (capability ``c_third``, no cost of conflict, no option, not a target) wants 0. No
    audience costs; no actor is a state of the shipped record (full trust)."""
    return Scenario.model_validate({
        "name": "rivals",
        "outside_options": [
            {"actor": "A", "target": ["C"], "cost": cost_a, "target_cost": cost_c,
             "imposes": {"x": 100}, "action": "war"},
            {"actor": "C", "target": [c_target], "cost": 0.4, "target_cost": 0.1,
             "imposes": {"x": 0}, "action": "war"}],
        "actors": [{"id": "A", "capability": c_a}, {"id": "C", "capability": c_c},
                   {"id": "T", "capability": c_third}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "C", "issue": "x", "position": 0, "salience": 50, "commitment": 0},
            {"actor": "T", "issue": "x", "position": 0, "salience": 50, "commitment": 0},
        ],
    })


def test_the_default_is_todays_counterpart() -> None:
    assert DEFAULTS["several_challengers"] == 0.0


@pytest.mark.parametrize("case,channel", [("sino-indian-1962", "public"),
                                          ("july-1914", "private"),
                                          ("berlin-1961", "public"),
                                          ("iraq-kuwait-1990", "private")])
def test_off_is_revision_9_draw_for_draw(case: str, channel: str) -> None:
    sc = load_case(case)
    base = crisis_forecast(sc, rng=3, channel=channel, draws=400)
    off = crisis_forecast(sc, rng=3, channel=channel, draws=400, several_challengers=0.0)
    assert_same_forecast(base, off)
    assert base.others == off.others
    an = analyse(sc, channel=channel, several_challengers=0.0)
    assert np.array_equal(an.dyad.beta, base.analysis.dyad.beta)  # type: ignore[union-attr]
    assert an.dyad.vetoes == base.analysis.dyad.vetoes  # type: ignore[union-attr]


def test_the_rival_set_is_read_from_holders_and_targets() -> None:
    s = setup(rivals(2.0, 1.0, 0.2, 0.5))
    assert rival_holders(s, 0) == (1,)  # C holds an option and is A's target
    assert rival_holders(s, 1) == (0,)  # A holds one and is C's target
    # C threatens only T: A's rival is still C; C has no rival holder among its targets
    s2 = setup(rivals(2.0, 1.0, 0.2, 0.5, c_target="T"))
    assert rival_holders(s2, 0) == (1,)
    assert rival_holders(s2, 1) == ()
    # one holder: no rival
    assert rival_holders(setup(standing(2.0, 1.0, 0.2, 0.5)), 0) == ()


@pytest.mark.parametrize("case", ["iraq-kuwait-1990", "karabakh-2023",
                                  "camp-david-1978"])
def test_one_holder_or_none_does_not_move(case: str) -> None:
    sc = load_case(case)
    assert len({o.holder for o in setup(sc).options}) <= 1
    assert_same_forecast(crisis_forecast(sc, rng=1, draws=300),
                         crisis_forecast(sc, rng=1, draws=300, several_challengers=1.0))


@settings(max_examples=25, deadline=None)
@given(c_a=st.floats(0.2, 10), c_b=st.floats(0.2, 10), cost_a=st.floats(0.0, 0.6),
       cost_b=st.floats(0.0, 0.9), y_b=st.floats(0, 100), sq=st.floats(0, 100),
       sd=st.sampled_from([0.0, 0.5]), seed=st.integers(0, 2**16))
def test_one_challenger_is_todays_model(c_a: float, c_b: float, cost_a: float, cost_b: float,
                                        y_b: float, sq: float, sd: float, seed: int) -> None:
    sc = pair(c_a, c_b, cost_a, cost_b, y_b, sq)
    assert_same_forecast(crisis_forecast(sc, rng=seed, draws=200, resolve_sd=sd),
                         crisis_forecast(sc, rng=seed, draws=200, resolve_sd=sd,
                                         several_challengers=1.0))


@settings(max_examples=30, deadline=None)
@given(sc=crisis_scenarios(), seed=st.integers(0, 2**16))
def test_random_scenarios_without_a_rival_do_not_move(sc: Scenario, seed: int) -> None:
    s = setup(sc)
    if any(rival_holders(s, h) for h in {o.holder for o in s.options}):
        return
    assert_same_forecast(crisis_forecast(sc, rng=seed, draws=150, trust=1.0),
                         crisis_forecast(sc, rng=seed, draws=150, trust=1.0,
                                         several_challengers=1.0))


@pytest.mark.parametrize("c_a,c_c,cost_a,cost_c", [(2.0, 1.0, 0.2, 0.5), (4.0, 1.0, 0.3, 0.1),
                                                   (1.0, 1.0, 0.1, 0.2)])
def test_the_zone_is_fearons_range_between_the_two_challengers(
        c_a: float, c_c: float, cost_a: float, cost_c: float) -> None:
    # by hand: A values x at −(1 − x) against its war −(1 − p) − c_A, so x ≥ p − c_A; the second
    # challenger C values x at −x against A's war −p − c_C, so x ≤ p + c_C. The third party T
    # (50 times C's capability, no cost, at 0) reads A's war as −p: with δ = 0 it is nearly all
    # of A's counterpart and the zone ends at p + β_C·c_C; with δ = 1 C decides alone.
    p = c_a / (c_a + c_c)
    sc = rivals(c_a, c_c, cost_a, cost_c)
    on = analyse(sc, several_challengers=1.0)
    off = analyse(sc, several_challengers=0.0)
    assert on.dyad is not None and off.dyad is not None
    assert on.dyad.a == 0 and off.dyad.a == 0  # A is the principal
    x = on.candidates[:, 0]
    tol = 1e-9
    np.testing.assert_array_equal(on.zone, (x >= p - cost_a - tol) & (x <= p + cost_c + tol))
    beta_c = c_c / (c_c + 50.0)
    x0 = off.candidates[:, 0]
    np.testing.assert_array_equal(off.zone,
                                  (x0 >= p - cost_a - tol) & (x0 <= p + beta_c * cost_c + tol))
    np.testing.assert_allclose(on.dyad.beta, [0.0, 1.0, 0.0])
    assert 1 in on.dyad.vetoes
    # C's own crisis bargains with A alone
    c_own = analyse(sc, challenger="C", several_challengers=1.0)
    assert c_own.dyad is not None
    np.testing.assert_allclose(c_own.dyad.beta, [1.0, 0.0, 0.0])


def test_the_episode_escalates_if_any_challenger_does() -> None:
    # A's threat is credible (p − c_A = 0.47 > 0) and, with C deciding alone, C accepts at most
    # p + c_C: refusals happen only in draws where C's drawn cost is small. Every escalation
    # of the episode is an escalation of some challenger's crisis, and vice versa.
    sc = rivals(2.0, 1.0, 0.2, 0.05)
    res = crisis_forecast(sc, rng=4, draws=600, several_challengers=1.0, base_rate_weight=0.0)
    a_only = crisis_forecast(sc, rng=4, draws=600, several_challengers=1.0, challenger="A",
                             base_rate_weight=0.0)
    assert res.episode["escalation"] >= a_only.episode["escalation"]
    assert np.all(res.kind[a_only.kind == 2] == 2)
    assert 0.0 < res.episode["escalation"] < 1.0


@settings(max_examples=40, deadline=None)
@given(sc=crisis_scenarios(), seed=st.integers(0, 2**16))
def test_no_forecast_crosses_a_red_line_with_several_challengers(sc: Scenario,
                                                                 seed: int) -> None:
    s = setup(sc)
    res = crisis_forecast(sc, rng=seed, draws=200, trust=1.0, several_challengers=1.0)
    deals = res.draws[res.kind == 0]
    if res.analysis.dyad is not None and deals.size:
        assert s.respects(deals).all()
    if res.analysis.proposal is not None and res.analysis.zone_exists:
        assert s.respects(res.analysis.proposal)


@settings(max_examples=30, deadline=None)
@given(sc=crisis_scenarios())
def test_every_rival_accepts_every_deal_in_the_zone(sc: Scenario) -> None:
    an = analyse(sc, several_challengers=1.0)
    if an.dyad is None or not an.zone.any():
        return
    for j in rival_holders(an.setup, an.dyad.a):
        assert j in an.dyad.vetoes
        assert np.all(an.value[j][an.zone] >= an.r[j] - 1e-9)


@pytest.mark.parametrize("bad", [0.5, 2.0, -1.0, True])
def test_bad_several_challengers_is_an_error(bad: Any) -> None:
    with pytest.raises(InputError, match="several_challengers must be 0"):
        crisis_forecast(rivals(2.0, 1.0, 0.2, 0.5), rng=0, draws=10, several_challengers=bad)


def test_cli_option_and_its_error() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["forecast", "sino-indian-1962", "-m", "crisis", "-o",
                              "several_challengers=2"])
    assert bad.exit_code == 2, bad.output
    assert "several_challengers" in bad.output
    ok = runner.invoke(app, ["forecast", "sino-indian-1962", "-m", "crisis", "-o",
                             "several_challengers=1", "--seed", "0"])
    assert ok.exit_code == 0, ok.output
