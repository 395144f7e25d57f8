"""Appeasement (``appeasement`` ψ, design revision 15 of docs/crisis.md): ψ = 0 is the model
before the revision (revision 9) draw for draw; with ψ = 1 a broken promise of the challenger A
leaves every other actor at what A's threat imposes instead of the standoff, at B's side's trust
in A's word κ_B; A's own values do not move. On one issue at complete information the zone is
then ``(p − c_A)/κ_A ≤ x ≤ 1 − (1 − p − c_B)/κ_B`` under a credible threat and empty otherwise
(for κ_B < 1), by hand."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _crisis_same import assert_same_forecast
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_crisis_model import crisis_scenarios
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse, appeasement_value
from detente.crisis._setup import setup
from detente.errors import InputError
from detente.scenario import Scenario


def duel(c_a: float, c_b: float, cost_a: float, cost_b: float) -> Scenario:
    """One issue x, status quo 0: A wants 100 and its war on B imposes 100; B wants 0. No
    audience costs; neither actor is a state of the shipped record."""
    return Scenario.model_validate({
        "name": "duel",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": cost_a,
                             "target_cost": cost_b, "imposes": {"x": 100}, "action": "war"}],
        "actors": [{"id": "A", "capability": c_a}, {"id": "B", "capability": c_b}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "B", "issue": "x", "position": 0, "salience": 50, "commitment": 0},
        ],
    })


def test_the_default_is_todays_broken_promise() -> None:
    assert DEFAULTS["appeasement"] == 0.0


@pytest.mark.parametrize("case,channel", [("karabakh-2023", "public"),
                                          ("hanoi-2019", "private"),
                                          ("jcpoa-2015", "public"),
                                          ("iraq-kuwait-1990", "private")])
def test_off_is_revision_9_draw_for_draw(case: str, channel: str) -> None:
    sc = load_case(case)
    base = crisis_forecast(sc, rng=3, channel=channel, draws=400)
    off = crisis_forecast(sc, rng=3, channel=channel, draws=400, appeasement=0.0)
    assert_same_forecast(base, off)
    assert base.others == off.others
    an = analyse(sc, channel=channel, appeasement=0.0)
    np.testing.assert_array_equal(an.value, base.analysis.value)


@pytest.mark.parametrize("case", ["iraq-kuwait-1990", "algiers-accords-1981"])
def test_full_trust_does_not_move(case: str) -> None:
    sc = load_case(case)
    assert_same_forecast(crisis_forecast(sc, rng=2, draws=300, trust=1.0),
                         crisis_forecast(sc, rng=2, draws=300, trust=1.0, appeasement=1.0))


def test_the_broken_branch_is_the_imposition_for_the_counterpart_only() -> None:
    sc = duel(3.0, 1.0, 0.2, 0.5)
    an = analyse(sc, trust=(0.5, 0.5), appeasement=1.0)
    assert an.dyad is not None
    bv = appeasement_value(an.setup, an.dyad, an.option)
    # B (at 0) is left at the imposition (1): a loss of its whole stake; A keeps the standoff's
    # value (it is at 1, the standoff at 0)
    np.testing.assert_allclose(bv, [-1.0, -1.0])
    off = analyse(sc, trust=(0.5, 0.5))
    np.testing.assert_allclose(an.value[0], off.value[0])  # A's values do not move
    assert np.all(an.value[1] <= off.value[1] + 1e-12)  # B's do not rise


@settings(max_examples=60, deadline=None)
@given(c_a=st.floats(0.2, 10), c_b=st.floats(0.2, 10), cost_a=st.floats(0.0, 0.6),
       cost_b=st.floats(0.0, 0.9), k_a=st.floats(0.3, 1.0), k_b=st.floats(0.3, 1.0))
def test_one_issue_zone_by_hand(c_a: float, c_b: float, cost_a: float, cost_b: float,
                                k_a: float, k_b: float) -> None:
    # by hand, unit scale, standoff 0: A values x at κ_A x − 1 against max(−1, p − 1 − c_A), so
    # x ≥ (p − c_A)/κ_A when its threat is credible (p > c_A), else x ≥ 0; B values x at
    # −κ_B x − (1 − κ_B) (a broken promise leaves it at 1) against −p − c_B when A's threat is
    # credible, else against 0.
    p = c_a / (c_a + c_b)
    assume(abs(p - cost_a) > 1e-6)
    credible = p > cost_a
    an = analyse(duel(c_a, c_b, cost_a, cost_b), trust=(k_a, k_b), appeasement=1.0)
    assert an.credible == credible
    x = an.candidates[:, 0]
    if credible:
        lo, hi = (p - cost_a) / k_a, 1.0 - (1.0 - p - cost_b) / k_b
    else:
        lo, hi = 0.0, 1.0 - 1.0 / k_b
    sharp = (np.abs(x - lo) > 1e-7) & (np.abs(x - hi) > 1e-7)
    np.testing.assert_array_equal(an.zone[sharp], ((x >= lo) & (x <= hi))[sharp])


@settings(max_examples=40, deadline=None)
@given(sc=crisis_scenarios(), seed=st.integers(0, 2**16),
       k=st.sampled_from([0.4, 0.8, (0.9, 0.5)]))
def test_no_forecast_crosses_a_red_line_with_appeasement(sc: Scenario, seed: int,
                                                         k: Any) -> None:
    s = setup(sc)
    res = crisis_forecast(sc, rng=seed, draws=200, trust=k, appeasement=1.0)
    deals = res.draws[res.kind == 0]
    if res.analysis.dyad is not None and deals.size:
        assert s.respects(deals).all()
    if res.analysis.proposal is not None and res.analysis.zone_exists:
        assert s.respects(res.analysis.proposal)


@settings(max_examples=30, deadline=None)
@given(sc=crisis_scenarios(), k=st.floats(0.2, 0.95))
def test_only_the_broken_branch_of_the_counterpart_moves(sc: Scenario, k: float) -> None:
    # V_i(x) moves by (1 − κ)(U_i(z_A) − U_i(standoff)) for every i ≠ A, the same for every deal;
    # A's values and every reservation stay
    on = analyse(sc, trust=k, appeasement=1.0)
    off = analyse(sc, trust=k)
    if on.dyad is None:
        return
    d, s = on.dyad, on.setup
    a = d.a
    np.testing.assert_allclose(on.value[a], off.value[a])
    np.testing.assert_allclose(on.r, off.r)
    shift = (1 - k) * (appeasement_value(s, d, on.option) - s.utility(d.standoff))
    shift[a] = 0.0
    np.testing.assert_allclose(on.value - off.value, np.repeat(shift[:, None],
                                                               on.value.shape[1], axis=1),
                               atol=1e-12)


@pytest.mark.parametrize("bad", [0.5, 2.0, -1.0, True])
def test_bad_appeasement_is_an_error(bad: Any) -> None:
    with pytest.raises(InputError, match="appeasement must be 0"):
        crisis_forecast(duel(2.0, 1.0, 0.2, 0.5), rng=0, draws=10, appeasement=bad)


def test_appeasement_with_a_resumed_crisis_is_an_error() -> None:
    with pytest.raises(InputError, match="choose one"):
        crisis_forecast(duel(2.0, 1.0, 0.2, 0.5), rng=0, draws=10, appeasement=1.0,
                        broken_promise="crisis")


def test_cli_option_and_its_error() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["forecast", "hanoi-2019", "-m", "crisis", "-o",
                              "appeasement=2"])
    assert bad.exit_code == 2, bad.output
    assert "appeasement" in bad.output
    ok = runner.invoke(app, ["forecast", "hanoi-2019", "-m", "crisis", "-o", "appeasement=1",
                             "-o", "trust=1", "--seed", "0"])
    assert ok.exit_code == 0, ok.output
