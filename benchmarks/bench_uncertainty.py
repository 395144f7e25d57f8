"""Monte Carlo (detente.uncertainty): batched draws against a loop of forecast() calls, memory of
a million draws. Every figure is a ratio against a baseline
measured in the same run (the machine is shared; absolute times are noisy).

1. EUM, one issue, 30 actors, 10 rounds: ``simulate`` on 10⁴ draws (every draw one row of one
   kernel call per chunk) against ``forecast`` called once per draw on the same draws (timed
   on a sample of them, per draw).
2. Compromise model on Geneva 2022 (14 actors × 6 issues, every position jittered): 10⁶ draws
   in chunks with streaming statistics; peak memory traced (tracemalloc) beside the peak of a
   run of 10⁴ draws: bounded memory means the two peaks are alike.

Dask against one local process: ``benchmarks/bench_dask.py``.

``DETENTE_BENCH_QUICK=1`` divides the draw counts by 10 (a smoke run).
"""

from __future__ import annotations

import os
import time
import tracemalloc

import numpy as np

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

QUICK = bool(os.environ.get("DETENTE_BENCH_QUICK"))


def _eum_scenario(n: int, seed: int = 0):  # type: ignore[no-untyped-def]
    from detente.scenario import Scenario

    rng = np.random.default_rng(seed)
    return Scenario.model_validate({
        "name": f"eum-{n}",
        "actors": [{"id": f"A{i}", "capability": float(rng.uniform(5, 100))} for i in range(n)],
        "issues": [{"id": "x", "status_quo": 50}],
        "stances": [{"actor": f"A{i}", "issue": "x",
                     "position": f"{rng.uniform(5, 95):.1f} ± 10",
                     "salience": float(rng.uniform(20, 100))} for i in range(n)]})


def bench_eum_batch() -> None:
    from detente.collective import forecast
    from detente.uncertainty import InputSpace, simulate

    draws = 1000 if QUICK else 10_000
    sc = _eum_scenario(30)
    simulate(sc, "eum", 64, seed=0)  # warm up
    t = time.perf_counter()
    res = simulate(sc, "eum", draws, seed=1)
    t_batch = time.perf_counter() - t
    space = InputSpace.of(sc)
    sample = 200 if QUICK else 500
    values = space.sample(sample, np.random.default_rng(1))
    scenarios = [space.scenario_at(v) for v in values]
    t = time.perf_counter()
    for s in scenarios:
        forecast(s, "eum")
    t_loop = (time.perf_counter() - t) / sample * draws
    print(f"EUM 30 actors × 10 rounds, {draws:,} draws: batched {t_batch:.2f} s "
          f"({t_batch / draws * 1e3:.3f} ms/draw); loop of forecast() "
          f"{t_loop / draws * 1e3:.3f} ms/draw (timed on {sample} draws) → {t_loop:.1f} s; "
          f"ratio {t_loop / t_batch:.1f}×")
    print(f"  (mean forecast {res.summary('eum').mean[0]:.2f}, "
          f"90 % interval {res.summary('eum').interval(0.9)[0][0]:.1f}–"
          f"{res.summary('eum').interval(0.9)[1][0]:.1f})")


def bench_memory() -> None:
    from detente.examples import load_example
    from detente.uncertainty import simulate

    g = load_example("geneva-2022")
    big = 100_000 if QUICK else 1_000_000
    peaks = {}
    times = {}
    for n in (10_000, big):
        tracemalloc.start()
        t = time.perf_counter()
        res = simulate(g, "compromise", n, seed=3, jitter="position=10,salience=25%",
                       above=50)
        times[n] = time.perf_counter() - t
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del res
    print(f"compromise, Geneva 2022 (168 jittered inputs), {big:,} draws: "
          f"{times[big]:.1f} s, peak traced memory {peaks[big] / 2**20:.1f} MiB "
          f"(10,000 draws, draws kept: {peaks[10_000] / 2**20:.1f} MiB); "
          f"{big / times[big]:,.0f} draws/s")


def main() -> None:
    bench_eum_batch()
    bench_memory()


if __name__ == "__main__":
    main()
