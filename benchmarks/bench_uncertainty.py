"""Monte Carlo (detente.uncertainty): batched draws against a loop of forecast() calls, memory of
a million draws. Every figure is a ratio against a baseline
measured in the same run (the machine is shared; absolute times are noisy).

1. EUM, one issue, 30 actors, 10 rounds: ``simulate`` on 10⁴ draws (every draw one row of one
   kernel call per chunk, chunks on a thread pool of one thread per core; the compiled kernel at
   this size; wall and CPU time, per draw, both ratios) against a plain loop of public
   ``forecast(scenario, "eum")`` calls (default options, as a user calls it) on the same
   draws (the first draws of ``simulate``'s first chunk, rebuilt as scenarios beforehand;
   timed on a sample of them, per draw; their forecasts checked against the batched run's),
   alternately, medians; and the batched numpy kernel on one chunk.
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
    """The synthetic issue of ``n`` actors that the EUM benchmarks run (one home, shared with
    the tests: :func:`detente.examples._synthetic_eum_issue`)."""
    from detente.examples import _synthetic_eum_issue

    return _synthetic_eum_issue(n, seed)


def bench_eum_batch() -> None:
    """Batched draws (``simulate``: chunks on every core at once, the kernel compiled at this
    size) against a loop of ``forecast`` calls on the same draws, and against ``simulate`` one
    chunk at a time (``threads=1``), alternately, medians; the batched
    numpy kernel (``DETENTE_EUM_ENGINE=numpy``) on one chunk of draws for reference."""
    from detente.collective import forecast
    from detente.uncertainty import InputSpace, simulate
    from detente.uncertainty._simulate import CHUNK, chunk_seeds

    draws = 1000 if QUICK else 10_000
    runs = 3
    load0 = os.getloadavg()
    seed = 1
    sc = _eum_scenario(30)
    simulate(sc, "eum", 64, seed=0)  # warm up (numpy kernel)
    # warm up the compiled kernel (numba imported, compiled code loaded or compiled): 'auto'
    # then runs the batches below compiled (with an empty disk cache it would run numpy until
    # enough numpy work was spent, see COMPILE_WORK)
    from detente.collective import _eum_jit

    _eum_jit.ready()
    simulate(sc, "eum", 1024, seed=0)
    space = InputSpace.of(sc)
    sample = 100 if QUICK else 200
    # the same draws as the batched run: the first ones of its first chunk
    values = space.sample(min(CHUNK, draws), np.random.default_rng(chunk_seeds(seed, 0)[0]))
    scenarios = [space.scenario_at(v) for v in values[:sample]]
    forecast(scenarios[0], "eum")
    batch: list[float] = []
    cpu: list[float] = []
    one: list[float] = []  # the same run with one chunk at a time (threads=1)
    one_cpu: list[float] = []
    loop: list[float] = []
    loop_cpu: list[float] = []
    res = None
    one_by_one = np.empty(sample)
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        res = simulate(sc, "eum", draws, seed=seed)
        batch.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        res1 = simulate(sc, "eum", draws, seed=seed, threads=1)
        one.append(time.perf_counter() - t)
        one_cpu.append(time.process_time() - c)
        assert res1.numbers() == res.numbers()
        t, c = time.perf_counter(), time.process_time()
        for k, s in enumerate(scenarios):
            one_by_one[k] = forecast(s, "eum").outcomes[0]
        loop.append((time.perf_counter() - t) / sample)
        loop_cpu.append((time.process_time() - c) / sample)
    assert res is not None
    kept = res.summary("eum").draws
    assert kept is not None
    gap = float(np.max(np.abs(kept[:sample, 0] - one_by_one)))
    assert gap <= 1e-9, f"the loop's forecasts are not the batched run's draws ({gap})"
    same = int(np.sum(kept[:sample, 0] == one_by_one))
    t_batch = float(np.median(batch))
    t_loop = float(np.median(loop)) * draws
    n_np = 2048 if not QUICK else 512
    os.environ["DETENTE_EUM_ENGINE"] = "numpy"
    try:
        t = time.perf_counter()
        simulate(sc, "eum", n_np, seed=1)
        t_numpy = (time.perf_counter() - t) / n_np * draws
    finally:
        del os.environ["DETENTE_EUM_ENGINE"]
    assert _eum_jit.loaded()
    print(f"EUM 30 actors × 10 rounds, {draws:,} draws (median of {runs}, alternating): batched "
          "(compiled kernel) "
          f"{t_batch:.2f} s ({t_batch / draws * 1e3:.3f} ms/draw, {float(np.median(cpu)):.2f} s "
          f"CPU on {os.cpu_count()} cores; bar <= 2 s); loop of forecast() "
          f"{t_loop / draws * 1e3:.3f} ms/draw (timed on {sample} draws) → {t_loop:.1f} s; "
          f"ratio {t_loop / t_batch:.1f}× (bar >= 50×)")
    c_batch, c_loop = float(np.median(cpu)) / draws, float(np.median(loop_cpu))
    w_batch, w_loop = t_batch / draws, float(np.median(loop))
    print(f"  per draw, batched ({res.threads} threads) against the loop (one thread): wall "
          f"{w_batch * 1e3:.3f} against {w_loop * 1e3:.3f} ms (ratio {w_loop / w_batch:.1f}×, "
          f"the bar's); CPU summed over all threads {c_batch * 1e3:.3f} against "
          f"{c_loop * 1e3:.3f} ms (ratio {c_loop / c_batch:.1f}×: work saved, not speed); "
          f"load average {load0[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on "
          f"{os.cpu_count()} cores (other jobs share them); the loop's "
          f"{sample} forecasts equal the batched run's draws ({same} bit for bit, the rest "
          f"within {gap:.1e})")
    t_one = float(np.median(one))
    print(f"  threads=1 (one chunk at a time, the kernel's rounds split over "
          f"{os.cpu_count()} threads): {t_one:.2f} s wall, {float(np.median(one_cpu)):.2f} s "
          f"CPU; {res.threads} chunks at once: {t_batch:.2f} s wall "
          f"({t_one / t_batch:.2f}× faster), the same numbers")
    print(f"  batched numpy kernel (DETENTE_EUM_ENGINE=numpy, timed on {n_np:,} draws): "
          f"{t_numpy / draws * 1e3:.3f} ms/draw → {t_numpy:.1f} s; the batched run above is "
          f"{t_numpy / t_batch:.1f}× faster")
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
