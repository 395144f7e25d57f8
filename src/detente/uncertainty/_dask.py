"""Running the chunks of a simulation on Dask (``dask.distributed``).

``workers=N`` starts a ``LocalCluster`` of N single-threaded worker processes for the run (and
closes it after); ``scheduler="tcp://HOST:PORT"`` connects to a running cluster; ``client``
uses a ``distributed.Client`` the caller holds. The plan is scattered once to every worker;
each chunk is one task, so the work is sent in chunks, never one task per draw. Results come
back in any order and are merged in chunk order by the caller.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from detente.errors import InputError

__all__ = ["run_on_dask"]


def _warm_up() -> None:
    import detente.collective  # noqa: F401  (registers the models)
    import detente.crisis  # noqa: F401
    import detente.uncertainty._simulate  # noqa: F401


def run_on_dask(plan: Any, workers: int | None, scheduler: str | None, client: Any,
                progress: Callable[[int, int], None] | None
                ) -> tuple[Iterator[Any], str, int, float]:
    """The chunk results as they complete, the backend's name, its worker count and the
    seconds it took to start (or connect)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError("Dask is not installed: pip install 'dask[distributed]'") from None
    if sum(x is not None for x in (workers, scheduler, client)) > 1:
        raise InputError("give one of workers, scheduler or client")
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise InputError(f"workers must be a whole number ≥ 1, got {workers}")
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
    client.run(_warm_up)  # imports on every worker: part of the start-up, not of the run
    startup = time.perf_counter() - t0
    from detente.uncertainty._simulate import run_chunk

    def results() -> Iterator[Any]:
        try:
            [planf] = client.scatter([plan], broadcast=True)
            futs = [client.submit(run_chunk, planf, i, pure=False)
                    for i in range(plan.n_chunks)]
            for done, fut in enumerate(as_completed(futs), start=1):
                yield fut.result()
                fut.release()
                if progress is not None:
                    progress(done, plan.n_chunks)
        finally:
            if own:
                client.close()
            if cluster is not None:
                cluster.close()

    return results(), backend, n_workers, startup
