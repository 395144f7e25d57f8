"""Exchange model: detente vs decide-exchange-model 2022.1.28 on decide's own inputs, and how
detente's round loop scales with actors × issues.

decide runs through a clean driver (``benchmarks/peers/decide_clean.py``: its public classes,
no observer, no patch) under its own interpreter. Each input is run alternately (decide,
detente, decide, detente, ...) and each side reports its median:

- whole process: a fresh interpreter reading the file and running 10 rounds (start-up and
  imports included) on the engine ``engine='auto'`` picks there, as a user's first command
  would (printed: numpy for these small inputs unless the compiled round is in numba's disk
  cache; then loading it is included);
- in process: decide's model loop as its driver times it; detente's ``forecast(...,
  "exchange")`` in this (warm) process on the compiled round (``DETENTE_EXCHANGE_ENGINE=
  compiled`` here), compiling the scenario and building the explained result included.

Scaling: random scenarios (``benchmarks/exchange_run.py --synthetic``) of growing size, each
in a fresh process: seconds for 10 rounds, the most possible exchanges in a round, the
resident memory before the run (interpreter, numpy and the loaded compiled code) and at its
peak, on the compiled round (``--engine compiled``); the numpy round loop (``engine="numpy"``)
beside it on the smaller sizes.
decide is skipped if ``.peers/decide`` is absent (``scripts/peers/decide.sh`` installs it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from benchmarks._timing import PYTHON, ROOT, alternate, conditions, median, quick, run_process

CASES = ROOT / ".." / "shared" / "reference" / "cases" / "decide"
PEER = ROOT / ".peers" / "decide" / "bin" / "python"
DRIVER = ROOT / "benchmarks" / "peers" / "decide_clean.py"
INPUTS = [("cop21.csv", "15 actors x 13 issues", 300), ("copenhagen.csv", "11 x 7", 100),
          ("sample_data.txt", "10 x 6", 100)]
SIZES = [(15, 13), (30, 30), (60, 30), (100, 50)]
NUMPY_UP_TO = 30 * 30  # the numpy loop beside the compiled one up to this many actor-issues


def _peer_run(path: Path) -> tuple[float, float]:
    """decide on ``path``: whole-process seconds and its model loop's seconds."""
    wall, out = run_process([str(PEER), str(DRIVER), str(path), "--rounds", "10"])
    return wall, float(out.split()[0])


def _ours_run(path: Path, engines: set[str]) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_EXCHANGE_ENGINE"}
    wall, out = run_process([PYTHON, "-m", "benchmarks.exchange_run", str(path)], env=env)
    r = json.loads(out)
    engines.add(r["engine"])
    return wall, float(r["seconds"])


def _versus_decide() -> None:
    from detente.collective import forecast
    from detente.scenario import load_scenario

    runs = 1 if quick() else 3
    print(f"  detente vs decide, 10 rounds, median of {runs} alternating runs each "
          "(ratio = decide / detente; in process on the compiled round, whole process on "
          "the engine 'auto' picks in a fresh process)")
    for name, size, target in INPUTS:
        path = CASES / name
        sc = load_scenario(path)
        forecast(sc, "exchange", tie_break="second")  # warm: compiled code loaded
        peer: list[tuple[float, float]] = []
        ours: list[tuple[float, float]] = []
        engines: set[str] = set()

        def a(path: Path = path, peer: list[tuple[float, float]] = peer) -> None:
            peer.append(_peer_run(path))

        def b(path: Path = path, ours: list[tuple[float, float]] = ours,
              engines: set[str] = engines) -> None:
            ours.append(_ours_run(path, engines))

        def c(sc: object = sc) -> None:
            forecast(sc, "exchange", tie_break="second")  # type: ignore[arg-type]

        sides = [a, b, c] if PEER.exists() else [b, c]
        times = alternate(sides, runs)
        warm = median(times[-1])
        ours_whole = median([w for w, _ in ours])
        ours_first = median([s for _, s in ours])
        print(f"  {name} ({size}): detente in-process {warm * 1e3:.1f} ms (first call in a "
              f"fresh process {ours_first * 1e3:.0f} ms), whole process {ours_whole:.2f} s "
              f"(engine there: {'/'.join(sorted(engines))})")
        p_loop = None
        if peer:
            p_whole = median([w for w, _ in peer])
            p_loop = median([s for _, s in peer])
            print(f"    decide: model loop {p_loop:.2f} s, whole process {p_whole:.2f} s -> "
                  f"in-process {p_loop / warm:.0f}x (target {target}x), "
                  f"whole process {p_whole / ours_whole:.1f}x")
        if name == "cop21.csv":
            _monte_carlo(sc, p_loop)


def _monte_carlo(cop21: object, peer_loop: float | None) -> None:
    """100 perturbed copies of cop21 (positions + N(0, 5)) through ``forecast_many``."""
    import numpy as np

    from detente.collective import forecast_many

    rng = np.random.default_rng(0)
    copies = [
        cop21.with_stances(  # type: ignore[attr-defined]
            st.model_copy(update={"position": float(np.clip(st.position + rng.normal(0, 5),
                                                            0, 100))})
            for st in cop21.stances  # type: ignore[attr-defined]
        )
        for _ in range(100)
    ]
    times = alternate([lambda: forecast_many(copies, "exchange", tie_break="second")],
                      1 if quick() else 3)[0]
    per = median(times) / len(copies)
    line = (f"    Monte Carlo, 100 perturbed cop21 copies (forecast_many): {per * 1e3:.1f} ms "
            "per scenario")
    if peer_loop is not None:
        line += f"; one decide run / this: {peer_loop / per:.0f}x"
    print(line)


def _scaling() -> None:
    sizes = SIZES[:-1] if quick() else SIZES
    print("  scaling, 10 rounds on random scenarios, one fresh process per size, compiled "
          "round (memory: resident, before the run -> peak)")
    print(f"  {'actors x issues':>16} {'possible/round':>15} {'realised':>9} {'seconds':>9} "
          f"{'MB before':>10} {'MB peak':>8}   numpy loop")
    for n, m in sizes:
        _, out = run_process([PYTHON, "-m", "benchmarks.exchange_run", "--synthetic",
                              f"{n}x{m}", "--engine", "compiled"])
        r = json.loads(out)
        assert r["engine"] == "compiled", r
        extra = ""
        if n * m <= NUMPY_UP_TO:
            _, out = run_process([PYTHON, "-m", "benchmarks.exchange_run", "--synthetic",
                                  f"{n}x{m}", "--engine", "numpy"])
            q = json.loads(out)
            extra = f"{q['seconds']:.2f} s ({q['seconds'] / r['seconds']:.1f}x slower)"
        bar = "   bar: <= 5 s, <= 300 MB" if (n, m) == (100, 50) else ""
        print(f"  {f'{n} x {m}':>16} {r['candidates']:>15,} {r['realised']:>9,} "
              f"{r['seconds']:>9.2f} {r['rss_before']:>10.0f} {r['rss_peak']:>8.0f}   "
              f"{extra}{bar}")


def main() -> None:
    print("exchange model (Stokman & Van Oosten), " + conditions())
    if CASES.is_dir():
        if not PEER.exists():
            print("  decide not installed (run scripts/peers/decide.sh): detente times only")
        before = os.environ.get("DETENTE_EXCHANGE_ENGINE")
        os.environ["DETENTE_EXCHANGE_ENGINE"] = "compiled"  # in process: the compiled round
        try:
            _versus_decide()
        finally:
            if before is None:
                del os.environ["DETENTE_EXCHANGE_ENGINE"]
            else:
                os.environ["DETENTE_EXCHANGE_ENGINE"] = before
    else:
        print(f"  decide's inputs not found at {CASES}: comparison skipped")
    _scaling()


if __name__ == "__main__":
    main()
