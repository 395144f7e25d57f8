"""Expected utility model: the batched kernel against the straightforward loop implementation
(benchmarks/eum_loop.py) on all 353 scored DEU III issues × 10 rounds, same settings, same
numbers (checked here too). Prints the times and the ratio."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

DEU = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "cases" / "deu3"


def _best(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs, garbage collection off while timing (as ``timeit`` does)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        finally:
            gc.enable()
    return min(times)


def main() -> None:
    from benchmarks.eum_loop import eum_loop
    from detente.collective import evaluate
    from detente.collective._eum import _rows
    from detente.collective._eum_kernel import EUMSettings, eum_kernel
    from detente.scenario import read_deu

    path = DEU / "deu3.csv"
    if not path.is_file():
        print(f"bench_eum: {path} not found (needs ../shared beside the checkout); skipped")
        return
    data = read_deu(path)
    cases = data.scored().cases
    pos, cap, sal, present, _ = _rows([c.scenario.compile() for c in cases])
    cfg = EUMSettings(rounds=10)
    print(f"EUM, {len(cases)} DEU III issues × {cfg.rounds} rounds (Scholz variant), "
          f"up to {pos.shape[1]} actors")
    eum_kernel(pos, cap, sal, present, cfg)  # warm up
    t_loop = _best(lambda: eum_loop(pos, cap, sal, present, cfg), 1)
    loop = eum_loop(pos, cap, sal, present, cfg)
    rows = [
        ("kernel, full diagnostics (default)",
         lambda: eum_kernel(pos, cap, sal, present, cfg)),
        ("kernel, no pairwise arrays (pairs=False)",
         lambda: eum_kernel(pos, cap, sal, present, cfg, record_pairs=False)),
        ("kernel, 2 threads, full diagnostics",
         lambda: eum_kernel(pos, cap, sal, present, cfg, threads=2)),
        ("kernel without merging identical actors",
         lambda: eum_kernel(pos, cap, sal, present, cfg, merge=False)),
    ]
    print(f"  {'loop baseline (benchmarks/eum_loop.py)':44s} {t_loop * 1e3:9.1f} ms")
    for name, fn in rows:
        t = _best(fn, 5)
        print(f"  {name:44s} {t * 1e3:9.1f} ms   {t_loop / t:6.1f}× faster than the loop")
    kern = eum_kernel(pos, cap, sal, present, cfg)
    diff = float(np.nanmax(np.abs(kern.positions - loop.positions)))
    print(f"  largest position difference kernel vs loop: {diff:.1e} (unit scale)")
    # BDM's own risk exponents (risk="bdm"): the kernel only, against the default kernel (its
    # loop takes ~3 times the default loop's time; the tests compare the two)
    bdm = cfg.with_(risk="bdm")
    t_default = _best(lambda: eum_kernel(pos, cap, sal, present, cfg), 5)
    t_bdm = _best(lambda: eum_kernel(pos, cap, sal, present, bdm), 5)
    print(f"  {'kernel, risk=bdm (full diagnostics)':44s} {t_bdm * 1e3:9.1f} ms   "
          f"{t_bdm / t_default:6.1f}× the default kernel's time")
    t_eval = _best(lambda: evaluate(data, "eum"), 3)
    print(f"  detente evaluate deu3.csv --model eum (read → forecasts → MAE): "
          f"{t_eval * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
