"""Timing helpers shared by the benchmarks: the same statistic for both sides.

Each comparison runs its sides alternately (A B A B ...) and reports the median of each side,
so that a change of machine load during the run hits both sides alike. Whole-process figures
time a fresh interpreter from ``exec`` to exit (start-up, imports and file reading included);
in-process figures time the call alone in a warm process.

``DETENTE_BENCH_QUICK=1`` (or ``python -m benchmarks --quick``) shrinks repetitions and
leaves out the largest scaling sizes.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def quick() -> bool:
    return os.environ.get("DETENTE_BENCH_QUICK", "") not in ("", "0")


def alternate(sides: Sequence[Callable[[], Any]], runs: int) -> list[list[float]]:
    """Seconds of ``runs`` calls of each side, called in turn (A B A B ...)."""
    out: list[list[float]] = [[] for _ in sides]
    for _ in range(runs):
        for k, fn in enumerate(sides):
            t = time.perf_counter()
            fn()
            out[k].append(time.perf_counter() - t)
    return out


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs))


def run_process(cmd: Sequence[str], *, stdin: str | None = None, timeout: float = 1200,
                env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``cmd`` to its end: wall-clock seconds of the whole process, and its stdout."""
    t = time.perf_counter()
    proc = subprocess.run(list(cmd), input=stdin, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env, check=False)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr[-800:]}")
    return wall, proc.stdout


def peak_rss_mb() -> float:
    """This process's peak resident memory (MB; Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def conditions() -> str:
    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
            f"(1 / 5 / 15 min) at the start")
