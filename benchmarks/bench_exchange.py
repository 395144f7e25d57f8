"""Exchange model: detente vs decide-exchange-model 2022.1.28 on decide's own inputs.

Both run the same input for 10 rounds. decide's time is its model loop only (measured inside
its own interpreter by ``tests/collective/peer_scripts/decide_driver.py --time``, without
start-up or file reading); detente's is the best of 5 runs of ``forecast(..., "exchange")``
(compiling the scenario and building the explained result included) and of the bare round loop.
Each is timed twice: wall clock and CPU time of the process. On a shared machine the load moves
wall-clock times (decide's cop21 run took 13 to 20 s here), so the CPU-time ratio is the steadier
of the two. A Monte Carlo line runs 100 perturbed copies of cop21 (positions + N(0, 5) noise)
through ``forecast_many``, which advances them side by side and batches their recalculations;
its time per scenario is compared with decide's time for one run.
decide is skipped if ``.peers/decide`` is absent (``scripts/peers/decide.sh`` installs it).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from detente.collective import forecast, forecast_many
from detente.collective._exchange_engine import run_exchange_rounds
from detente.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / ".." / "shared" / "reference" / "cases" / "decide"
PEER = ROOT / ".peers" / "decide" / "bin" / "python"
DRIVER = ROOT / "tests" / "collective" / "peer_scripts" / "decide_driver.py"
INPUTS = [("cop21.csv", "15 actors x 13 issues"), ("copenhagen.csv", "11 x 7"),
          ("sample_data.txt", "10 x 6")]
TARGET = 100  # the target on cop21: at least 100 times decide's model loop


def _best(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def _peer_seconds(path: Path) -> tuple[float, float] | None:
    """decide's model loop on ``path``: wall-clock and CPU seconds (None: not installed)."""
    if not PEER.exists():
        return None
    env = dict(os.environ, MPLBACKEND="Agg")
    out = subprocess.run([str(PEER), str(DRIVER), str(path), "--rounds", "10", "--time"],
                         check=True, capture_output=True, text=True, env=env, timeout=600)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> None:
    print("exchange model, 10 rounds: detente vs decide-exchange-model 2022.1.28 "
          "(ratio = decide's time / detente's; wall clock, and CPU time)")
    if not CASES.is_dir():
        print(f"  skipped: decide's inputs not found at {CASES}")
        return
    if not PEER.exists():
        print("  decide not installed (run scripts/peers/decide.sh): detente times only")
    cop21_peer: tuple[float, float] | None = None
    cop21 = None
    for name, size in INPUTS:
        path = CASES / name
        sc = load_scenario(path)
        c = sc.compile()
        power = np.where(c.present, c.capability, 0.0)
        t_model = _best(lambda sc=sc: forecast(sc, "exchange", tie_break="second"))
        t_loop = _best(lambda c=c, power=power: run_exchange_rounds(
            c.position * 100, c.salience, power, c.present, rounds=10, tie_break="second"))
        peer = _peer_seconds(path)
        print(f"  {name} ({size}): detente forecast {t_model[0] * 1e3:.1f} ms "
              f"(CPU {t_model[1] * 1e3:.1f} ms), round loop {t_loop[0] * 1e3:.1f} ms")
        if peer is not None:
            print(f"    decide model loop {peer[0]:.2f} s (CPU {peer[1]:.2f} s); ratio "
                  f"{peer[0] / t_model[0]:.0f}x wall, {peer[1] / t_model[1]:.0f}x CPU "
                  f"(forecast); {peer[0] / t_loop[0]:.0f}x wall (round loop)"
                  + (f"; target {TARGET}x" if name == "cop21.csv" else ""))
        if name == "cop21.csv":
            cop21_peer = peer
            cop21 = sc
    assert cop21 is not None
    rng = np.random.default_rng(0)
    copies = [
        cop21.with_stances(
            st.model_copy(update={"position": float(np.clip(st.position + rng.normal(0, 5),
                                                            0, 100))})
            for st in cop21.stances
        )
        for _ in range(100)
    ]
    t, c = time.perf_counter(), time.process_time()
    forecast_many(copies, "exchange", tie_break="second")
    per = (time.perf_counter() - t) / len(copies)
    per_cpu = (time.process_time() - c) / len(copies)
    line = (f"  Monte Carlo, 100 perturbed cop21 copies (forecast_many): detente "
            f"{per * 1e3:.1f} ms per scenario (CPU {per_cpu * 1e3:.1f} ms)")
    if cop21_peer is not None:
        line += (f"; ratio to one decide run {cop21_peer[0] / per:.0f}x wall, "
                 f"{cop21_peer[1] / per_cpu:.0f}x CPU")
    print(line)


if __name__ == "__main__":
    main()
