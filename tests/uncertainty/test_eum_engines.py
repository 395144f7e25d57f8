"""Monte Carlo EUM: the same seed gives the same numbers whatever the kernel's engine (numpy,
compiled) and however many threads the compiled rounds run on; and every draw is the forecast
that a plain ``forecast`` call gives on that draw's scenario."""

from __future__ import annotations

import os

import numpy as np
import pytest

from detente.collective import forecast
from detente.uncertainty import InputSpace, simulate
from detente.uncertainty._simulate import chunk_seeds

jit = pytest.importorskip("detente.collective._eum_jit")


def _scenario(n: int, seed: int = 0):  # type: ignore[no-untyped-def]
    from detente.scenario import Scenario

    rng = np.random.default_rng(seed)
    return Scenario.model_validate({
        "name": f"eum-{n}",
        "actors": [{"id": f"A{i}", "capability": float(rng.uniform(5, 100))} for i in range(n)],
        "issues": [{"id": "x", "status_quo": 50}, {"id": "y", "status_quo": 20}],
        "stances": [s for i in range(n) for s in (
            {"actor": f"A{i}", "issue": "x", "position": f"{rng.uniform(5, 95):.1f} ± 10",
             "salience": float(rng.uniform(20, 100))},
            {"actor": f"A{i}", "issue": "y", "position": f"{rng.choice([0, 25, 50]):.0f} ± 5",
             "salience": f"{rng.uniform(30, 90):.0f} ± 10"})]})


@pytest.mark.skipif(not jit.AVAILABLE, reason="compiled EUM path not available")
def test_same_numbers_whatever_engine_and_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    sc = _scenario(24)
    # 900 draws × 2 issues × 24² pairs × 10 rounds: above COMPILED_MIN_WORK, so the compiled
    # rounds run on every core (os.cpu_count) in pieces of each round's rows (threads=1: the
    # chunks one after another; several chunks at once run their kernels on one thread each)
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "numpy")
    ref = simulate(sc, "eum", 1200, seed=5, chunk=900)
    assert ref.summary("eum").draws is not None
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "compiled")
    spread = jit._spread
    threads_used: list[int] = []

    def spy(pool, threads, count, fn):  # type: ignore[no-untyped-def]
        threads_used.append(threads if pool is not None else 1)
        spread(pool, threads, count, fn)

    monkeypatch.setattr(jit, "_spread", spy)
    for cores in (1, 2, 3):
        threads_used.clear()
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        got = simulate(sc, "eum", 1200, seed=5, chunk=900, threads=1)  # one chunk at a time
        assert max(threads_used) == cores
        assert got.numbers() == ref.numbers(), cores
        np.testing.assert_array_equal(got.summary("eum").draws, ref.summary("eum").draws)


def test_draws_are_forecasts_of_their_scenarios() -> None:
    """The batched run's draws against a loop of public ``forecast`` calls on the same draws
    (the benchmark's baseline): the same numbers."""
    sc = _scenario(12, seed=3)
    res = simulate(sc, "eum", 40, seed=2)
    space = InputSpace.of(sc)
    values = space.sample(40, np.random.default_rng(chunk_seeds(2, 0)[0]))
    loop = np.array([forecast(space.scenario_at(v), "eum").outcomes for v in values])
    draws = res.summary("eum").draws
    assert draws is not None
    np.testing.assert_allclose(draws, loop, rtol=0, atol=1e-9)
