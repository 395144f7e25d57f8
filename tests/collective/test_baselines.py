"""Baseline models against closed forms, hand-computed cases and the DEU III figure."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.collective import evaluate, forecast, get_model, list_models
from detente.collective._baselines import nash_bargaining, weighted_mean, weighted_median
from detente.errors import InputError
from detente.scenario import Scenario, read_deu

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "cases"


def one_issue(
    positions: list[float],
    saliences: list[float],
    capabilities: list[float],
    status_quo: float | None = None,
    scale: tuple[float, float] = (0, 100),
) -> Scenario:
    ids = [f"a{k}" for k in range(len(positions))]
    return Scenario.model_validate({
        "actors": [{"id": i, "capability": c} for i, c in zip(ids, capabilities, strict=True)],
        "issues": [{"id": "x", "status_quo": status_quo, "scale_min": scale[0],
                    "scale_max": scale[1]}],
        "stances": [{"actor": i, "issue": "x", "position": p, "salience": s}
                    for i, p, s in zip(ids, positions, saliences, strict=True)],
    })


@pytest.mark.parametrize(
    ("positions", "saliences", "capabilities", "expected"),
    [
        pytest.param([0, 100], [50, 50], [1, 1], 50.0, id="symmetric"),
        pytest.param([0, 100], [50, 50], [3, 1], 25.0, id="capability-weighted"),
        pytest.param([0, 100], [100, 25], [1, 1], 20.0, id="salience-weighted"),
        pytest.param([10, 40, 70], [100, 50, 0], [1, 2, 5], 25.0, id="zero-salience-ignored"),
        pytest.param([4, 7, 10], [80, 40, 90], [0.08, 0.08, 0.16],
                     (4 * 6.4 + 7 * 3.2 + 10 * 14.4) / 24.0, id="hand-computed"),
    ],
)
def test_compromise(positions: list[float], saliences: list[float], capabilities: list[float],
                    expected: float) -> None:
    fc = forecast(one_issue(positions, saliences, capabilities), "compromise")
    assert fc.outcome("x") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("positions", "weights", "expected"),
    [
        pytest.param([10, 20, 30], [1, 1, 1], 20.0, id="odd-count"),
        pytest.param([10, 20, 30, 40], [1, 1, 1, 1], 25.0, id="even-tie-midpoint"),
        pytest.param([10, 20, 30], [5, 1, 1], 10.0, id="heavy-left"),
        pytest.param([30, 10, 20], [1, 1, 5], 20.0, id="unsorted"),
        pytest.param([10, 20, 90], [2, 0, 2], 50.0, id="zero-weight-skipped-in-tie"),
        pytest.param([10, 10, 90], [1, 1, 1], 10.0, id="repeated-position"),
    ],
)
def test_weighted_median(positions: list[float], weights: list[float], expected: float) -> None:
    fc = forecast(one_issue(positions, [100] * len(weights), weights), "median")
    assert fc.outcome("x") == pytest.approx(expected)


@given(
    st.lists(st.tuples(st.integers(0, 100), st.integers(1, 5)), min_size=1, max_size=9)
)
@settings(max_examples=200, deadline=None)
def test_weighted_median_equals_expanded_median(pairs: list[tuple[int, int]]) -> None:
    """Integer weights: the weighted median is the ordinary median of the expanded sample."""
    pos = np.array([p for p, _ in pairs], dtype=float)[:, None]
    w = np.array([w for _, w in pairs], dtype=float)[:, None]
    expanded = np.repeat(pos[:, 0], w[:, 0].astype(int))
    assert weighted_median(pos, w)[0] == pytest.approx(float(np.median(expanded)))


@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0.01, 10)), min_size=1, max_size=8),
)
@settings(max_examples=200, deadline=None)
def test_weighted_mean_is_translation_equivariant(pairs: list[tuple[float, float]]) -> None:
    pos = np.array([p for p, _ in pairs])[:, None]
    w = np.array([w for _, w in pairs])[:, None]
    base = weighted_mean(pos, w)[0]
    assert pos.min() - 1e-12 <= base <= pos.max() + 1e-12
    assert weighted_mean(pos + 3.0, w)[0] == pytest.approx(base + 3.0)


# -- Nash bargaining ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("positions", "capabilities", "sq", "k", "expected"),
    [
        # quadratic: maximise log(80x - x^2) + log(160x - x^2) -> x^2 - 180x + 6400 = 0
        pytest.param([40, 80], [1, 1], 0, 2, (180 - math.sqrt(180**2 - 4 * 6400)) / 2,
                     id="quadratic-two-actors"),
        # linear: w1 log(80 - x) + w2 log(x) on [40, 80] -> x = 80 w2 / (w1 + w2)
        pytest.param([40, 80], [1, 3], 0, 1, 60.0, id="linear-weights-1-3"),
        pytest.param([40, 80], [1, 1], 0, 1, 40.0, id="linear-equal-weights"),
        # no closed form: checked through the first-order condition below
        pytest.param([30, 70], [1, 1], 100, 2, None, id="first-order-condition"),
        pytest.param([50, 60], [1, 1], 50, 2, 50.0, id="actor-at-sq-vetoes"),
    ],
)
def test_nash_closed_forms(positions: list[float], capabilities: list[float], sq: float,
                           k: int, expected: float | None) -> None:
    fc = forecast(one_issue(positions, [60, 90], capabilities, status_quo=sq), "nash",
                  exponent=k)
    if expected is None:
        # every actor gains only on |x - p| < |sq - p|; here the intersection is (40, 100)
        p = np.array(positions, float)
        x = fc.outcome("x")
        assert 40 < x < 100
        gains = (sq - p) ** 2 - (x - p) ** 2
        assert np.all(gains > 0)
        # first-order condition of the Nash product holds at the solution
        assert np.sum(-2 * (x - p) / gains) == pytest.approx(0, abs=1e-6)
    else:
        assert fc.outcome("x") == pytest.approx(expected, abs=1e-7)


def test_nash_status_quo_between_actors_stays() -> None:
    fc = forecast(one_issue([20, 80], [50, 50], [1, 1], status_quo=50), "nash")
    assert fc.outcome("x") == pytest.approx(50.0)


def test_nash_without_status_quo_says_so() -> None:
    fc = forecast(one_issue([20, 80], [50, 50], [1, 1]), "nash")
    assert math.isnan(fc.outcome("x"))
    assert any("no status quo" in n for n in fc.notes)


@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0.1, 5)), min_size=1, max_size=6),
    st.floats(0, 1),
    st.sampled_from([1.0, 2.0]),
)
@settings(max_examples=150, deadline=None)
def test_nash_matches_brute_force(pairs: list[tuple[float, float]], sq: float, k: float) -> None:
    """Differential test: bisection against a dense grid search of the Nash product."""
    p = np.array([a for a, _ in pairs])
    w = np.array([b for _, b in pairs])
    x = nash_bargaining(p[:, None], np.ones((len(p), 1)), w[:, None], np.array([sq]), k)[0]
    grid = np.linspace(0, 1, 20001)
    gains = np.abs(sq - p[:, None]) ** k - np.abs(grid[None, :] - p[:, None]) ** k
    ok = np.all(gains > 0, axis=0)
    r = np.abs(sq - p)
    width = (p + r).min() - (p - r).max()
    if width < 1e-3:  # feasible set empty or narrower than the grid resolves
        assert x == pytest.approx(sq, abs=1e-3)
        return
    obj = np.where(ok, (w[:, None] * np.log(np.where(gains > 0, gains, 1))).sum(0), -np.inf)
    best = grid[np.argmax(obj)]
    assert x == pytest.approx(best, abs=2e-4)
    xs = np.array([x])
    g = np.abs(sq - p) ** k - np.abs(xs - p) ** k
    assert (w * np.log(g)).sum() >= obj.max() - 1e-9


def test_models_are_registered_with_references() -> None:
    names = {m.name for m in list_models()}
    assert {"compromise", "median", "nash"} <= names
    for m in list_models():
        assert m.reference and m.summary


def test_unknown_option_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="has no option 'rounds'"):
        get_model("compromise").resolve({"rounds": 3})
    with pytest.raises(InputError, match="must be one of"):
        get_model("nash").resolve({"exponent": 3})


def test_deu3_compromise_mae_reproduces_independent_figure() -> None:
    """Compromise model, equal capability, all 353 scored DEU III issues: MAE 23.68."""
    result = evaluate(read_deu(CASES / "deu3" / "deu3.csv"), "compromise")
    assert result.n == 353
    assert result.mae == pytest.approx(23.68, abs=0.005)


def test_deu3_compromise_with_gdp_capability() -> None:
    """The figure measured with the GDP row as capability: 23.22."""
    result = evaluate(read_deu(CASES / "deu3" / "deu3.csv", capability="gdp"), "compromise")
    assert result.mae == pytest.approx(23.22, abs=0.005)


def test_scale_is_kept() -> None:
    """Positions on a 4-10 file scale give forecasts on that scale (EC emissions case)."""
    sc = one_issue([4, 7, 10], [80, 40, 90], [0.08, 0.08, 0.16], scale=(4, 10))
    assert forecast(sc, "compromise").outcome("x") == pytest.approx(
        forecast(one_issue([4, 7, 10], [80, 40, 90], [0.08, 0.08, 0.16]), "compromise")
        .outcome("x"))


@pytest.mark.parametrize(
    ("model", "options", "message"),
    [
        pytest.param("exchange", {"rounds": "abc"}, "option 'rounds' must be a whole number",
                     id="int-from-text"),
        pytest.param("exchange", {"rounds": True}, "option 'rounds' must be a whole number",
                     id="int-from-bool"),
        pytest.param("exchange", {"salience_weight": "x"}, "'salience_weight' must be a number",
                     id="float-from-text"),
    ],
)
def test_option_kinds_follow_their_defaults(model: str, options: dict[str, object],
                                            message: str) -> None:
    with pytest.raises(InputError, match=message):
        get_model(model).resolve(options)
    # the same kinds pass
    default = get_model(model).options[next(iter(options))].default
    assert get_model(model).resolve({next(iter(options)): default})
