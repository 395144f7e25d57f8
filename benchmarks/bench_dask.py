"""Dask against one local process: 10⁵ EUM draws (one issue, 12 actors, 10 rounds).

Three sides, run in turn (A B C A B C ...) and compared by their medians, all in this run:

* **local, one thread**: ``simulate(..., threads=1)`` in this process: chunks one after another
  on one thread, as the library ran before its local thread pool (no BLAS setting touched). Its
  CPU time over wall time is printed: near 1 means it uses one core, not both. Since the local
  backend runs chunks on one thread per core by default, the default is timed too (**local,
  threads**) and Dask is compared with it as well: on one machine the default local run already
  uses both cores, so Dask's use there is a cluster of several machines, not this one.
* **local, one core**: the same call in a child process pinned to one CPU
  (``os.sched_setaffinity``, BLAS threads 1) — the fair "one worker" baseline; the child warms
  up first and times the call alone, as the parent does.
* **Dask, 2 workers**: ``simulate(..., workers=2)``: a ``LocalCluster`` of two single-threaded
  worker processes on loopback, the draws sent as tasks of one chunk (2,048 draws) each. Its
  run time is the elapsed time less the cluster's start-up (start, connect, imports, a
  two-draw warm-up on every worker) and shutdown, which are printed beside it.

First, a diagnosis in the same run: CPU seconds and page faults per chunk in this process, on
a fresh Dask worker, and on that worker after ``prepare_worker()`` (the allocator setting that
removed the workers' 1.7× CPU overhead; see ``detente.uncertainty._dask``).

The bar (Dask 2 workers ≥ 1.5× one local process) is read against the **one-thread local
process**: its CPU time / wall time shows it uses one core (the EUM kernel's thread pool is
off by default and its numpy work is element-wise, no BLAS), so it is already the one-worker
baseline, and it is the stricter of the two — in the runs measured the pinned child needed
about 1.6× the CPU seconds for the same draws, so it flatters Dask. Both are printed.
Every run checks that Dask gives the local numbers.

CPU seconds are printed beside the wall times: on a machine other jobs load, each side's wall
time is its CPU work divided by the share of the cores the scheduler gave it, and the line
"cores obtained" shows that share (a Dask worker's CPU time is read from ``RUSAGE_CHILDREN``
after the cluster closed, start-up included).

``DETENTE_BENCH_QUICK=1`` divides the draws by 10 and runs each side twice.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

from benchmarks._timing import conditions, median, quick

DRAWS = 10_000 if quick() else 100_000
RUNS = 2 if quick() else 5
ACTORS = 12

_CHILD = """
import json, os, sys, time
os.sched_setaffinity(0, {{min(os.sched_getaffinity(0))}})
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"
from benchmarks.bench_dask import scenario
from detente.uncertainty import simulate
sc = scenario()
simulate(sc, "eum", 64, seed=0)
t, c = time.perf_counter(), time.process_time()
simulate(sc, "eum", {draws}, seed=2, keep=0)
print(json.dumps({{"seconds": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "cpus": len(os.sched_getaffinity(0))}}))
"""


def scenario():  # type: ignore[no-untyped-def]
    from benchmarks.bench_uncertainty import _eum_scenario

    return _eum_scenario(ACTORS, seed=5)


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _chunk_cpu(plan, index: int, prepare: bool) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """CPU seconds and minor page faults of one chunk in this process."""
    from detente.uncertainty._dask import prepare_worker
    from detente.uncertainty._simulate import run_chunk

    if prepare:
        prepare_worker()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    run_chunk(plan, index)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    return (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime,
            r1.ru_minflt - r0.ru_minflt)


def diagnose() -> None:
    """Where the time goes: CPU seconds per chunk in this process and on a Dask worker, before
    and after the worker's allocator setting (see ``detente.uncertainty._dask``)."""
    from distributed import Client, LocalCluster

    from detente.uncertainty import CHUNK
    from detente.uncertainty._inputs import InputSpace
    from detente.uncertainty._simulate import Plan, _resolve_models

    sc = scenario()
    plan = Plan(InputSpace.of(sc), _resolve_models(sc, "eum", None), 8 * CHUNK, CHUNK, 2, None,
                False)
    local = [_chunk_cpu(plan, i, False) for i in range(4)]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        plain = [client.submit(_chunk_cpu, plan, i, False, pure=False).result()
                 for i in range(4)]
        tuned = [client.submit(_chunk_cpu, plan, i, True, pure=False).result()
                 for i in range(4, 8)]

    def row(xs: list[tuple[float, int]]) -> str:
        return (f"{median([x[0] for x in xs[1:]]):.3f} s CPU, "
                f"{median([x[1] for x in xs[1:]]):,.0f} page faults")

    print(f"  per chunk of {CHUNK:,} draws (median of 3 after a first): this process "
          f"{row(local)}; a Dask worker as started {row(plain)}; the same worker after "
          f"prepare_worker() {row(tuned)}")


def main() -> None:
    from benchmarks._timing import ROOT
    from detente.uncertainty import CHUNK, simulate

    print(conditions())
    diagnose()
    sc = scenario()
    simulate(sc, "eum", 64, seed=0)  # warm up this process
    reference = simulate(sc, "eum", DRAWS, seed=2, keep=0).numbers()
    local, cpu_share, pinned, dask_run, startup, shutdown = [], [], [], [], [], []
    cpu_local, cpu_pin, cpu_workers, cpu_client, dask_total = [], [], [], [], []
    threaded: list[float] = []
    same = True
    child = _CHILD.format(draws=DRAWS)
    for _ in range(RUNS):
        t, c = time.perf_counter(), _cpu()
        simulate(sc, "eum", DRAWS, seed=2, keep=0, threads=1)
        local.append(time.perf_counter() - t)
        cpu_local.append(_cpu() - c)
        cpu_share.append(cpu_local[-1] / local[-1])
        t = time.perf_counter()
        same = same and simulate(sc, "eum", DRAWS, seed=2, keep=0).numbers() == reference
        threaded.append(time.perf_counter() - t)
        out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                             cwd=ROOT, check=True, env={**os.environ})
        doc = json.loads(out.stdout.strip().splitlines()[-1])
        pinned.append(float(doc["seconds"]))
        cpu_pin.append(float(doc["cpu"]))
        # the workers are this process's children: their CPU time (start-up included) is
        # counted in RUSAGE_CHILDREN once the cluster has closed
        t, c, k = time.perf_counter(), _cpu(), _cpu(resource.RUSAGE_CHILDREN)
        res = simulate(sc, "eum", DRAWS, seed=2, keep=0, workers=2)
        dask_total.append(time.perf_counter() - t)
        cpu_client.append(_cpu() - c)
        cpu_workers.append(_cpu(resource.RUSAGE_CHILDREN) - k)
        dask_run.append(res.run_s)
        startup.append(res.startup_s)
        shutdown.append(res.shutdown_s)
        same = same and res.numbers() == reference and res.workers == 2
    t_local, t_pin, t_dask = median(local), median(pinned), median(dask_run)
    chunks = -(-DRAWS // CHUNK)
    print(f"EUM {ACTORS} actors × 1 issue, {DRAWS:,} draws in {chunks} chunks of {CHUNK:,}; "
          f"medians of {RUNS} runs, sides alternated")
    cores = "one core" if median(cpu_share) < 1.3 else "more than one core"
    print(f"  one local process, 1 thread:  {t_local:6.1f} s  (CPU time / wall time "
          f"{median(cpu_share):.2f}: {cores})")
    print(f"  one local process, threads:   {median(threaded):6.1f} s  (the default: one thread "
          f"per core; Dask against it {median(threaded) / t_dask:.2f}×)")
    print(f"  one local process, one core:  {t_pin:6.1f} s  (child pinned to one CPU)")
    print(f"  Dask LocalCluster, 2 workers: {t_dask:6.1f} s  (+ {median(startup):.1f} s start-up, "
          f"{median(shutdown):.1f} s shutdown, apart)")
    extra = median(startup) + median(shutdown)
    print(f"  speed-up vs the one-thread process: {t_local / t_dask:.2f}× (the bar: ≥ 1.5×; with "
          f"start-up and shutdown {t_local / (t_dask + extra):.2f}×); vs one core: "
          f"{t_pin / t_dask:.2f}× ({t_pin / (t_dask + extra):.2f}×)")
    r_pin = [a / b for a, b in zip(pinned, dask_run, strict=True)]
    r_loc = [a / b for a, b in zip(local, dask_run, strict=True)]
    print(f"  per-round ratios (each round's sides minutes apart): vs one core "
          f"{[round(x, 2) for x in r_pin]} (median {median(r_pin):.2f}×), vs one thread "
          f"{[round(x, 2) for x in r_loc]} (median {median(r_loc):.2f}×)")
    print(f"  CPU seconds (medians): local run {median(cpu_local):.1f} in {t_local:.1f} s "
          f"({median(cpu_local) / t_local:.2f} cores obtained); one-core child "
          f"{median(cpu_pin):.1f} in {t_pin:.1f} s ({median(cpu_pin) / t_pin:.2f}); Dask: "
          f"workers {median(cpu_workers):.1f} (start-up included) and this process (client, "
          f"scheduler) {median(cpu_client):.1f} in {median(dask_total):.1f} s "
          f"({(median(cpu_workers) + median(cpu_client)) / median(dask_total):.2f})")
    print(f"  runs (s): local {[round(x, 1) for x in local]}, one core "
          f"{[round(x, 1) for x in pinned]}, dask {[round(x, 1) for x in dask_run]}")
    print(f"  same numbers as the local run: {same}")


if __name__ == "__main__":
    main()
