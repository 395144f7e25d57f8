"""simulate: batched models equal forecast() per draw, determinism, streaming statistics,
zero variance, coverage with known noise."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from detente.collective import forecast
from detente.errors import InputError
from detente.examples import load_example
from detente.scenario import Scenario
from detente.uncertainty import InputSpace, Jitter, parse_jitter, simulate
from detente.uncertainty._models import run_batch
from detente.uncertainty._stats import BINS, Stream


@pytest.mark.parametrize("model", ["status_quo", "compromise", "median", "nash", "eum",
                                   "exchange"])
def test_batch_equals_forecast_per_draw(model: str, random_scenario: Any) -> None:
    """Each batched path gives forecast()'s numbers on the sampled scenario, draw by draw."""
    sc = random_scenario(n_actors=5, n_issues=2, seed=3)
    space = InputSpace.of(sc, Jitter(salience=0.2, capability=0.3,
                                     relative=("salience", "capability")))
    values = space.sample(6, np.random.default_rng(1))
    opts = {"exponent": 2} if model == "nash" else {}
    y, _ = run_batch(model, opts, space.arrays(values), space, values,
                     np.random.default_rng(0))
    for j in range(len(values)):
        ref = forecast(space.scenario_at(values[j]), model, rng=0, **opts).outcomes
        np.testing.assert_allclose(y[j], ref, rtol=1e-9, atol=1e-9)


def test_crisis_by_scenario_gives_episode_spread() -> None:
    sc = Scenario.model_validate({
        "actors": [{"id": "A", "capability": 60}, {"id": "B", "capability": 40}],
        "issues": [{"id": "x", "status_quo": 50}],
        "stances": [{"actor": "A", "issue": "x", "position": 20, "salience": 80},
                    {"actor": "B", "issue": "x", "position": 80, "salience": 60}],
        "outside_options": [{"actor": "A", "target": ["B"], "p_prevail": "uniform(0.1, 0.9)",
                             "cost": 0.1, "imposes": {"x": 10}}]})
    r = simulate(sc, "crisis", 40, seed=1, options={"crisis": {"draws": 200}})
    s = r.summary("crisis")
    assert s.episode is not None and s.episode_draws is not None
    np.testing.assert_allclose(s.episode_draws.sum(axis=1), 1.0)
    assert s.episode_draws[:, 2].std() > 0  # P(escalation) moves with p_prevail
    p_lo = [x for x in s.episode_draws[:, 2]]
    assert min(p_lo) < max(p_lo)


def test_same_seed_same_numbers_and_chunking(random_scenario: Any) -> None:
    sc = random_scenario()
    a = simulate(sc, ["compromise", "eum"], 3000, seed=7, above=50, chunk=500)
    b = simulate(sc, ["compromise", "eum"], 3000, seed=7, above=50, chunk=500)
    c = simulate(sc, ["compromise", "eum"], 3000, seed=8, above=50, chunk=500)
    assert a.numbers() == b.numbers()
    assert a.numbers() != c.numbers()
    np.testing.assert_array_equal(a.summary("eum").draws, b.summary("eum").draws)
    # the rng form: a generator seeded alike gives the same run
    d = simulate(sc, "compromise", 100, np.random.default_rng(3))
    e = simulate(sc, "compromise", 100, np.random.default_rng(3))
    assert d.numbers() == e.numbers()


def test_streaming_statistics_match_exact_ones(random_scenario: Any) -> None:
    sc = random_scenario(sd=15)
    kept = simulate(sc, "compromise", 5000, seed=2, chunk=700)
    streamed = simulate(sc, "compromise", 5000, seed=2, chunk=700, keep=0)
    k, s = kept.summary("compromise"), streamed.summary("compromise")
    assert s.draws is None and k.draws is not None
    np.testing.assert_allclose(s.mean, k.draws.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(s.sd, k.draws.std(axis=0, ddof=1), rtol=1e-9)
    for q in (0.05, 0.25, 0.5, 0.75, 0.95):
        np.testing.assert_allclose(s.quantiles[q], np.quantile(k.draws, q, axis=0),
                                   atol=100 / BINS + 1e-9)


def test_stream_merge_equals_one_pass() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(50, 10, size=(1000, 3))
    lo, hi = np.zeros(3), np.full(3, 100.0)
    one = Stream.of(x, lo, hi, 55.0)
    two = Stream.of(x[:300], lo, hi, 55.0).merge(Stream.of(x[300:], lo, hi, 55.0))
    np.testing.assert_allclose(one.mean, two.mean)
    np.testing.assert_allclose(one.m2, two.m2)
    np.testing.assert_array_equal(one.hist, two.hist)
    np.testing.assert_allclose(two.p_above(), (x > 55).mean(axis=0))


def test_zero_variance_every_draw_is_the_point_forecast(random_scenario: Any) -> None:
    sc = random_scenario(sd=0)
    for model in ("compromise", "median", "nash", "eum", "exchange"):
        r = simulate(sc, model, 50, seed=1)
        s = r.summary(model)
        assert s.draws is not None
        np.testing.assert_allclose(s.draws, np.broadcast_to(s.point, s.draws.shape),
                                   atol=1e-9)
        assert s.sd.max() < 1e-9 and s.converged.all()
    g = load_example("geneva-2022")
    r = simulate(g, ["compromise", "eum"], 20, seed=0)
    assert "no uncertain input" in r.notes[0]
    for s in r.models:
        np.testing.assert_array_equal(s.draws, np.broadcast_to(s.point, s.draws.shape))


def test_coverage_with_known_noise(random_scenario: Any) -> None:
    """Truths drawn from the stated input distributions fall in the simulated 50 % and 90 %
    intervals at the nominal rates (binomial tolerance of 3 standard errors)."""
    rng = np.random.default_rng(11)
    hits50 = hits90 = 0
    trials = 150
    for t in range(trials):
        sc = random_scenario(n_actors=4, n_issues=1, seed=100 + t, sd=12)
        space = InputSpace.of(sc)
        truth_inputs = space.sample(1, rng)
        truth = forecast(space.scenario_at(truth_inputs[0]), "compromise").outcomes[0]
        r = simulate(sc, "compromise", 800, seed=t).summary("compromise")
        lo50, hi50 = r.interval(0.5)
        lo90, hi90 = r.interval(0.9)
        hits50 += int(lo50[0] <= truth <= hi50[0])
        hits90 += int(lo90[0] <= truth <= hi90[0])
    for hits, p in ((hits50, 0.5), (hits90, 0.9)):
        se = np.sqrt(p * (1 - p) / trials)
        assert abs(hits / trials - p) < 3 * se + 0.01, (hits, p)


def test_probability_above_and_convergence(random_scenario: Any) -> None:
    sc = random_scenario(sd=10)
    r = simulate(sc, "compromise", 4000, seed=5, above=50)
    s = r.summary("compromise")
    assert s.draws is not None and s.p_above is not None
    np.testing.assert_allclose(s.p_above, (s.draws > 50).mean(axis=0))
    np.testing.assert_allclose(s.mcse, s.draws.std(axis=0, ddof=1) / np.sqrt(4000))
    assert s.converged.all()
    small = simulate(sc, "compromise", 5, seed=5, jitter="position=40").summary("compromise")
    assert not small.converged.all()


def test_jitter_parsing_and_bad_input(random_scenario: Any) -> None:
    j = parse_jitter("position=10,salience=25%,common=0.5")
    assert (j.position, j.salience, j.relative, j.common) == (10, 0.25, ("salience",), 0.5)
    assert parse_jitter(j.text) == j
    for bad in ("position", "height=3", "position=-1", "common=2"):
        with pytest.raises(InputError):
            parse_jitter(bad)
    sc = random_scenario()
    with pytest.raises(InputError):
        simulate(sc, "compromise", 0)
    with pytest.raises(InputError):
        simulate(sc, "nope", 10)
    with pytest.raises(InputError):
        simulate(sc, "compromise", 10, options={"eum": {}})


def test_copula_correlates_positions_and_keeps_marginals() -> None:
    sc = Scenario.model_validate({
        "actors": [{"id": f"A{i}"} for i in range(8)], "issues": [{"id": "x"}],
        "stances": [{"actor": f"A{i}", "issue": "x", "position": 30 + 5 * i, "salience": 50}
                    for i in range(8)]})
    jit = Jitter(position=10, common=0.8)
    space = InputSpace.of(sc, jit)
    v = space.sample(20000, np.random.default_rng(0))
    corr = np.corrcoef(v.T)
    off = corr[~np.eye(len(corr), dtype=bool)]
    assert 0.7 < off.mean() < 0.85
    ind = InputSpace.of(sc, Jitter(position=10)).sample(20000, np.random.default_rng(0))
    np.testing.assert_allclose(v.std(axis=0), ind.std(axis=0), rtol=0.05)
