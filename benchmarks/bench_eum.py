"""Expected utility model: the batched kernel, the public path around it, the command line, and
how the kernel scales with actors × issues.

1. All 353 scored DEU III issues × 10 rounds: the kernel, compiled (numba) and numpy (full
   diagnostics, its default; and without pairwise arrays), and ``evaluate(deu3, "eum")`` (read
   data → forecasts → MAE), run alternately, medians; the ratio evaluate / kernel (bar: ≤ 1.5)
   and the compiled kernel (bar: ≤ 25 ms on the development machine, quiet), checked equal to
   the numpy kernel bit for bit. The straightforward loop implementation
   (``benchmarks/eum_loop.py``) once, as the baseline of the kernel's speed, same numbers
   checked (left out with ``--quick``).
2. Whole process: ``detente evaluate deu3.csv -m eum`` (bar ≤ 0.5 s) and ``detente --help``
   (bar ≤ 0.15 s), medians of alternating runs.
3. Scaling: random scenarios through ``forecast(scenario, "eum")``, one fresh process each
   (``benchmarks/eum_run.py``): seconds and peak resident memory (bar: 2,000 actors on one
   issue ≤ 1 GB).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from benchmarks._timing import PYTHON, ROOT, alternate, conditions, median, quick, run_process

DEU = ROOT / ".." / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"
SIZES = [(16, 353), (50, 20), (200, 1), (1000, 1), (2000, 1)]


def _kernel_vs_public() -> None:
    from benchmarks.eum_loop import eum_loop
    from detente.collective import evaluate
    from detente.collective._eum import _rows
    from detente.collective._eum_kernel import EUMSettings, eum_kernel
    from detente.scenario import read_deu

    data = read_deu(DEU)
    cases = data.scored().cases
    pos, cap, sal, present, _ = _rows([c.scenario.compile() for c in cases])
    cfg = EUMSettings(rounds=10)
    runs = 5 if quick() else 11
    print(f"  {len(cases)} DEU III issues × {cfg.rounds} rounds (Scholz variant), up to "
          f"{pos.shape[1]} actors; median of {runs} alternating runs")
    evaluate(data, "eum")  # warm
    bdm = cfg.with_(risk="bdm")
    # the compiled rounds (numba), forced: at DEU III's size 'auto' runs numpy, so that the
    # command line never imports numba (see COMPILED_MIN_WORK)
    eum_kernel(pos, cap, sal, present, cfg, engine="compiled")  # warm: numba, compiled code
    full, bare, ev, unmerged, risk_bdm, jit, jit_bare = alternate([
        lambda: eum_kernel(pos, cap, sal, present, cfg, engine="numpy"),
        lambda: eum_kernel(pos, cap, sal, present, cfg, record_pairs=False, engine="numpy"),
        lambda: evaluate(data, "eum"),
        lambda: eum_kernel(pos, cap, sal, present, cfg, merge=False, engine="numpy"),
        lambda: eum_kernel(pos, cap, sal, present, bdm),
        lambda: eum_kernel(pos, cap, sal, present, cfg, engine="compiled"),
        lambda: eum_kernel(pos, cap, sal, present, cfg, record_pairs=False, engine="compiled"),
    ], runs)
    k, kb, e = median(full), median(bare), median(ev)
    kj, kjb = median(jit), median(jit_bare)
    a = eum_kernel(pos, cap, sal, present, cfg, engine="numpy")
    b = eum_kernel(pos, cap, sal, present, cfg, engine="compiled")
    same = all(np.array_equal(getattr(a, f), getattr(b, f), equal_nan=True)
               for f in ("positions", "median", "mean", "risk", "security", "accepted",
                         "accepted_relation", "stopped")) and all(
        np.array_equal(a.pairwise(f), b.pairwise(f), equal_nan=True)
        for f in ("relation", "eu_own", "eu_other", "probability", "offer"))
    print(f"  {'kernel compiled, full diagnostics (default)':48s} {kj * 1e3:8.1f} ms   "
          f"(bar <= 25 ms) {k / kj:.1f}x the numpy kernel; same numbers bit for bit: {same}")
    print(f"  {'kernel compiled, no pairwise arrays':48s} {kjb * 1e3:8.1f} ms   "
          f"{kb / kjb:.1f}x the numpy kernel")
    print(f"  {'kernel numpy, full diagnostics':48s} {k * 1e3:8.1f} ms   "
          f"('auto' at this size: numpy)")
    print(f"  {'kernel numpy, no pairwise arrays':48s} {kb * 1e3:8.1f} ms")
    label = "evaluate(deu3, 'eum'): read -> forecasts -> MAE"
    print(f"  {label:48s} {e * 1e3:8.1f} ms   "
          f"{e / k:.2f}x the kernel (bar <= 1.5x; {e / kb:.2f}x the bare kernel)")
    print(f"  {'kernel without merging identical actors':48s} {median(unmerged) * 1e3:8.1f} ms   "
          f"{median(unmerged) / k:.1f}x the default kernel")
    print(f"  {'kernel, risk=bdm (full diagnostics)':48s} {median(risk_bdm) * 1e3:8.1f} ms   "
          f"{median(risk_bdm) / k:.1f}x the default kernel")
    if quick():
        return
    import time

    t = time.perf_counter()
    loop = eum_loop(pos, cap, sal, present, cfg)
    t_loop = time.perf_counter() - t
    kern = eum_kernel(pos, cap, sal, present, cfg)
    diff = float(np.nanmax(np.abs(kern.positions - loop.positions)))
    print(f"  {'loop baseline (benchmarks/eum_loop.py), once':48s} {t_loop * 1e3:8.0f} ms   "
          f"kernel {t_loop / k:.0f}x faster; largest position difference {diff:.1e}")


def _command_line() -> None:
    exe = shutil.which("detente", path=str(Path(PYTHON).parent))
    if exe is None:
        print("  detente command not found beside the interpreter: skipped")
        return
    runs = 3 if quick() else 7
    walls: list[list[float]] = [[], []]

    def ev() -> None:
        walls[0].append(run_process([exe, "evaluate", str(DEU), "-m", "eum"])[0])

    def helps() -> None:
        walls[1].append(run_process([exe, "--help"])[0])

    alternate([ev, helps], runs)
    print(f"  whole process, median of {runs} alternating runs: detente evaluate deu3.csv -m "
          f"eum {median(walls[0]):.2f} s (bar <= 0.5 s); detente --help "
          f"{median(walls[1]):.3f} s (bar <= 0.15 s)")


def _scaling() -> None:
    sizes = [s for s in SIZES if s[0] < 1000] if quick() else SIZES
    print("  scaling: forecast(scenario, 'eum'), default options, one fresh process per size")
    print(f"  {'actors x issues':>16} {'seconds':>9} {'MB before':>10} {'MB peak':>8}  pairs kept")
    for n, m in sizes:
        _, out = run_process([PYTHON, "-m", "benchmarks.eum_run", f"{n}x{m}"])
        r = json.loads(out)
        bar = "   bar: <= 1 GB peak" if (n, m) == (2000, 1) else ""
        print(f"  {f'{n} x {m}':>16} {r['seconds']:>9.2f} {r['rss_before']:>10.0f} "
              f"{r['rss_peak']:>8.0f}  {'yes' if r['pairs'] else 'no'}{bar}")


def main() -> None:
    print("expected utility model, " + conditions())
    if DEU.is_file():
        _kernel_vs_public()
        _command_line()
    else:
        print(f"  {DEU} not found (needs ../shared beside the checkout): DEU III parts skipped")
    _scaling()


if __name__ == "__main__":
    main()
