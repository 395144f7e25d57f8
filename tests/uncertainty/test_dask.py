"""Dask: a real scheduler and two workers on loopback give the local run's numbers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from detente.uncertainty import simulate

pytest.importorskip("distributed")

DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    log = tmp_path_factory.mktemp("dask")
    cmd = [str(DASK)] if DASK.exists() else [sys.executable, "-m", "distributed.cli.dask_spec"]
    procs = [subprocess.Popen([*cmd, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0", "--no-show"],
                              stdout=open(log / "scheduler.log", "w"),  # noqa: SIM115
                              stderr=subprocess.STDOUT, env=env)]
    try:
        for k in range(2):
            procs.append(subprocess.Popen(
                [*cmd, "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "0"],
                stdout=open(log / f"worker{k}.log", "w"),  # noqa: SIM115
                stderr=subprocess.STDOUT, env=env))
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s") as c:
                    if len(c.scheduler_info()["workers"]) >= 2:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the Dask cluster did not start: " +
                            (log / "scheduler.log").read_text()[-2000:])
            time.sleep(0.5)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def test_remote_cluster_gives_the_local_numbers(scheduler: str, random_scenario: Any
                                                ) -> None:
    sc = random_scenario(n_actors=8, n_issues=2)
    local = simulate(sc, ["compromise", "eum"], 5000, seed=9, above=50, chunk=512,
                     jitter="salience=20%")
    remote = simulate(sc, ["compromise", "eum"], 5000, seed=9, above=50, chunk=512,
                      jitter="salience=20%", scheduler=scheduler)
    assert remote.backend.startswith("dask") and remote.workers == 2
    assert remote.numbers() == local.numbers()
    streamed_local = simulate(sc, "compromise", 5000, seed=9, chunk=512, keep=0)
    streamed_remote = simulate(sc, "compromise", 5000, seed=9, chunk=512, keep=0,
                               scheduler=scheduler)
    assert streamed_local.numbers() == streamed_remote.numbers()


def test_local_cluster_gives_the_local_numbers(random_scenario: Any) -> None:
    sc = random_scenario(n_actors=5, n_issues=1)
    local = simulate(sc, "compromise", 3000, seed=4, chunk=256)
    for workers in (1, 2):
        on = simulate(sc, "compromise", 3000, seed=4, chunk=256, workers=workers)
        assert on.numbers() == local.numbers() and on.workers == workers


def test_workers_are_prepared_and_timing_is_apart(scheduler: str, random_scenario: Any
                                                  ) -> None:
    """Every worker imported the models and (on Linux with glibc) set the allocator's
    thresholds before the run; start-up and shutdown are timed apart from the run."""
    import sys

    from distributed import Client

    from detente.uncertainty._dask import worker_state

    sc = random_scenario(n_actors=6, n_issues=1)
    res = simulate(sc, "eum", 600, seed=1, chunk=100, scheduler=scheduler)
    assert res.startup_s > 0 and res.shutdown_s >= 0
    assert res.run_s == pytest.approx(res.elapsed_s - res.startup_s - res.shutdown_s)
    assert res.as_dict()["run"]["shutdown_s"] == res.shutdown_s
    with Client(scheduler, timeout="20s") as c:
        states = c.run(worker_state)
    assert len(states) == 2 and all(s.get("done") for s in states.values())
    if sys.platform.startswith("linux"):
        import platform

        if platform.libc_ver()[0] == "glibc":
            assert all(s.get("tuned") for s in states.values())
