"""Running the chunks of a simulation on Dask (``dask.distributed``).

``workers=N`` starts a ``LocalCluster`` of N single-threaded worker processes for the run (and
closes it after); ``scheduler="tcp://HOST:PORT"`` connects to a running cluster; ``client``
uses a ``distributed.Client`` the caller holds. The plan is scattered once to every worker;
each chunk is one task, so the work is sent in chunks, never one task per draw. Results (a
chunk's streaming statistics, a few tens of kB) come back in any order and are merged in chunk
order by the caller.

Start-up (reported apart from the run) covers connecting or starting the cluster and preparing
every worker: the imports, and one tiny run of the plan (two draws) so that first-call costs
(lazy imports, a JIT compilation) are not paid inside the timed run.

Memory allocator. Dask's nanny starts every worker process with ``MALLOC_TRIM_THRESHOLD_=65536``
(its ``distributed.nanny.pre-spawn-environ`` default, so that freed memory returns to the
system). Setting that variable switches off glibc's dynamic mmap threshold (``mallopt(3)``:
any explicit ``M_TRIM_THRESHOLD`` or ``M_MMAP_THRESHOLD`` fixes both), so every array above
128 KiB is mapped fresh and its pages faulted in on every allocation. The model kernels
allocate many such temporaries per round: a chunk of 2,048 EUM draws of 12 actors took 1.7×
the CPU time on a worker than in a plain process (8× the page faults). Each worker therefore
sets, once, the thresholds glibc's dynamic rule would reach (``M_MMAP_THRESHOLD`` 32 MiB, its
maximum on 64-bit; ``M_TRIM_THRESHOLD`` twice that). It is process-wide: on a cluster the
caller runs, the workers keep these settings (they hold up to ~64 MiB of freed memory instead
of returning it at once). Not glibc (macOS, musl): nothing is changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from detente.errors import InputError, LimitError

__all__ = ["MMAP_THRESHOLD", "TRIM_THRESHOLD", "prepare_worker", "run_chunk_on_worker",
           "run_on_dask", "worker_state"]

M_TRIM_THRESHOLD = -1  # glibc <malloc.h>
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 2**20
"""Arrays below this come from the heap on a worker (glibc's ``DEFAULT_MMAP_THRESHOLD_MAX``)."""
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
"""Free memory at the top of a worker's heap kept for reuse (glibc's dynamic rule: 2 × mmap)."""
WARM_DRAWS = 2

_prepared: dict[str, bool] = {}


def _tune_malloc() -> bool:
    """Set the glibc thresholds above (once per process); False where not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018  (glibc only; musl's mallopt is a stub)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and
                mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1)


def prepare_worker() -> bool:
    """Imports and the allocator setting on this (worker) process, once; whether the
    allocator was tuned."""
    if "done" not in _prepared:
        import detente.collective  # noqa: F401  (registers the models)
        import detente.crisis  # noqa: F401
        import detente.uncertainty._simulate  # noqa: F401

        _prepared["tuned"] = _tune_malloc()
        _prepared["done"] = True
    return _prepared["tuned"]


def worker_state() -> dict[str, bool]:
    """Whether this process was prepared (``done``) and its allocator tuned (``tuned``)."""
    return dict(_prepared)


def _warm_up(plan: Any) -> bool:
    from detente.uncertainty._simulate import run_chunk

    tuned = prepare_worker()
    run_chunk(plan, 0)
    return tuned


def run_chunk_on_worker(plan: Any, index: int) -> Any:
    """:func:`~detente.uncertainty._simulate.run_chunk` on a worker (prepared first if it
    joined after the start)."""
    from detente.uncertainty._simulate import run_chunk

    prepare_worker()
    return run_chunk(plan, index)


def max_local_workers() -> int:
    """The most worker processes a LocalCluster may start here: 4 per core (a typo such as
    ``--workers 100000`` would otherwise start that many processes)."""
    return 4 * (os.cpu_count() or 1)


def run_on_dask(plan: Any, workers: int | None, scheduler: str | None, client: Any,
                progress: Callable[[int, int], None] | None, timing: dict[str, float]
                ) -> tuple[Iterator[Any], str, int]:
    """The chunk results as they complete, the backend's name and its worker count.

    ``timing`` receives ``startup`` (seconds to start or connect and prepare the workers)
    and, once the results are exhausted, ``shutdown`` (closing what this call opened)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError("Dask is not installed: pip install 'dask[distributed]'") from None
    if sum(x is not None for x in (workers, scheduler, client)) > 1:
        raise InputError("give one of workers, scheduler or client")
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise InputError(f"workers must be a whole number ≥ 1, got {workers}")
    if workers is not None and workers > max_local_workers():
        raise LimitError(
            f"workers: {workers:,} local worker processes, but this machine has "
            f"{os.cpu_count() or 1} core(s); expected at most {max_local_workers()} (4 per core). "
            "For more, start a Dask cluster and give its scheduler (--scheduler tcp://HOST:PORT)")
    t0 = time.perf_counter()
    cluster = None
    own = client is None
    try:
        if client is None and scheduler is not None:
            client = Client(scheduler, timeout="20s")
            backend = f"dask {scheduler}"
        elif client is None:
            cluster = LocalCluster(n_workers=int(workers or 1), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
            backend = "dask LocalCluster"
        else:
            backend = "dask client"
    except OSError as e:
        raise InputError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    n_workers = len(client.scheduler_info().get("workers", {})) or 1
    warm = dataclasses.replace(plan, draws=min(plan.draws, WARM_DRAWS), keep=False)
    client.run(_warm_up, warm)  # on every worker: part of the start-up, not of the run
    timing["startup"] = time.perf_counter() - t0

    def results() -> Iterator[Any]:
        try:
            [planf] = client.scatter([plan], broadcast=True)
            futs = [client.submit(run_chunk_on_worker, planf, i, pure=False)
                    for i in range(plan.n_chunks)]
            for done, fut in enumerate(as_completed(futs), start=1):
                yield fut.result()
                fut.release()
                if progress is not None:
                    progress(done, plan.n_chunks)
        finally:
            t1 = time.perf_counter()
            if own:
                client.close()
            if cluster is not None:
                cluster.close()
            timing["shutdown"] = time.perf_counter() - t1

    return results(), backend, n_workers
