"""simulate on several threads (local backend): the same numbers, bit for bit, for every
thread count, every model, in-memory and streaming statistics; at most ``threads`` chunks in
flight; progress reported from the calling thread; bad values rejected."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from detente.errors import InputError
from detente.scenario import Scenario
from detente.uncertainty import _simulate as sim
from detente.uncertainty import simulate


def _same(a: Any, b: Any) -> None:
    assert a.numbers() == b.numbers()
    for ma, mb in zip(a.models, b.models, strict=True):
        if ma.draws is None:
            assert mb.draws is None
        else:
            np.testing.assert_array_equal(ma.draws, mb.draws)
        if ma.episode_draws is not None:
            np.testing.assert_array_equal(ma.episode_draws, mb.episode_draws)


@pytest.mark.parametrize("keep", [sim.KEEP, 100])  # kept draws, and streaming quantiles
def test_array_models_same_numbers_any_thread_count(random_scenario: Any, keep: int) -> None:
    sc = random_scenario(n_actors=6, n_issues=2, seed=4)
    models = ["status_quo", "compromise", "median", "nash", "eum", "exchange"]
    kw: dict[str, Any] = {"seed": 11, "above": 50, "chunk": 120, "keep": keep,
                          "jitter": "salience=20%,capability=20%",
                          "options": {"exchange": {"rounds": 4}}}
    ref = simulate(sc, models, 700, threads=1, **kw)
    assert ref.threads == 1
    for t in (2, 3):
        got = simulate(sc, models, 700, threads=t, **kw)
        assert got.threads == t and got.as_dict()["run"]["threads"] == t
        _same(got, ref)
    # more threads than chunks: capped
    assert simulate(sc, "compromise", 100, threads=3, **{**kw, "options": None}).threads == 1


@pytest.mark.skipif(
    pytest.importorskip("detente.collective._eum_jit").AVAILABLE is False,
    reason="compiled EUM path not available")
def test_compiled_eum_same_numbers_any_thread_count(random_scenario: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "compiled")
    sc = random_scenario(n_actors=12, n_issues=2, seed=9)
    ref = simulate(sc, "eum", 900, seed=3, chunk=200, threads=1)
    for t in (2, 3):
        _same(simulate(sc, "eum", 900, seed=3, chunk=200, threads=t), ref)
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "numpy")
    _same(simulate(sc, "eum", 900, seed=3, chunk=200, threads=2), ref)


def test_crisis_same_numbers_any_thread_count() -> None:
    sc = Scenario.model_validate({
        "actors": [{"id": "A", "capability": 60}, {"id": "B", "capability": 40}],
        "issues": [{"id": "x", "status_quo": 50}],
        "stances": [{"actor": "A", "issue": "x", "position": "20 ± 5", "salience": 80},
                    {"actor": "B", "issue": "x", "position": 80, "salience": 60}],
        "outside_options": [{"actor": "A", "target": ["B"], "p_prevail": "uniform(0.1, 0.9)",
                             "cost": 0.1, "imposes": {"x": 10}}]})
    kw: dict[str, Any] = {"seed": 2, "chunk": 15, "options": {"crisis": {"draws": 50}}}
    ref = simulate(sc, ["crisis", "compromise"], 60, threads=1, **kw)
    for t in (2, 3):
        _same(simulate(sc, ["crisis", "compromise"], 60, threads=t, **kw), ref)


def test_chunks_in_flight_bounded_and_progress_from_caller(
        random_scenario: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    sc = random_scenario(n_actors=4, n_issues=2, seed=1)
    run_chunk = sim.run_chunk
    lock = threading.Lock()
    live = [0]
    peak = [0]

    def counting(plan: Any, index: int, kernel_threads: int | None = None) -> Any:
        with lock:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
        try:
            return run_chunk(plan, index, kernel_threads)
        finally:
            with lock:
                live[0] -= 1

    monkeypatch.setattr(sim, "run_chunk", counting)
    calls: list[tuple[int, int, str]] = []
    res = simulate(sc, "compromise", 1000, seed=1, chunk=50, threads=3,
                   progress=lambda d, n: calls.append((d, n, threading.current_thread().name)))
    assert res.threads == 3
    assert 1 <= peak[0] <= 3
    assert [c[:2] for c in calls] == [(i + 1, 20) for i in range(20)]
    assert {c[2] for c in calls} == {threading.current_thread().name}


def test_bad_threads(random_scenario: Any) -> None:
    sc = random_scenario()
    for bad in (0, -1, 1.5, True):
        with pytest.raises(InputError, match="threads must be a whole number"):
            simulate(sc, "compromise", 10, seed=1, threads=bad)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="threads is for the local run"):
        simulate(sc, "compromise", 10, seed=1, threads=2, workers=2)


def test_compiled_module_being_imported_by_another_thread_is_not_loaded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk thread may look for the compiled rounds while another thread is importing
    them (the module is in ``sys.modules`` before its functions exist): not loaded, no
    AttributeError (seen with the exchange model on 2 threads)."""
    import sys
    import types

    from detente.collective import _eum_kernel, _exchange_engine

    for name, check in (("detente.collective._exchange_jit", _exchange_engine._jit_loaded),
                        ("detente.collective._eum_jit", _eum_kernel._jit_loaded)):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
        assert check() is False
