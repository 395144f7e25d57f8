"""Baseline models on all DEU III issues: batched numpy kernel vs a per-issue Python loop."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from detente.collective._baselines import weighted_median
from detente.scenario import read_deu

DEU = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "cases" / "deu3"


def _loop_median(positions: list[np.ndarray], weights: list[np.ndarray]) -> list[float]:
    """Named baseline: sort each issue's actors in Python and walk the cumulative weight."""
    out = []
    for p, w in zip(positions, weights, strict=True):
        pairs = sorted(zip(p.tolist(), w.tolist(), strict=True))
        total = sum(x for _, x in pairs)
        cum = 0.0
        for k, (x, wt) in enumerate(pairs):
            cum += wt
            if cum >= total / 2 - 1e-12:
                if abs(cum - total / 2) <= 1e-12 and k + 1 < len(pairs):
                    nxt = next((q for q, v in pairs[k + 1:] if v > 0), x)
                    out.append((x + nxt) / 2)
                else:
                    out.append(x)
                break
    return out


def main() -> None:
    if not DEU.exists():
        print("DEU III not found beside the checkout; skipped")
        return
    cases = read_deu(DEU / "deu3.csv").scored().cases
    comp = [c.scenario.compile() for c in cases]
    n_act = max(c.n_actors for c in comp)
    pos = np.full((len(comp), n_act, 1), np.nan)
    w = np.zeros((len(comp), n_act, 1))
    for k, c in enumerate(comp):
        pos[k, : c.n_actors] = c.position
        w[k, : c.n_actors] = c.capability * c.salience
    plist = [c.position[:, 0] for c in comp]
    wlist = [(c.capability * c.salience)[:, 0] for c in comp]
    reps = 20
    t0 = time.perf_counter()
    for _ in range(reps):
        fast = weighted_median(pos, w)[:, 0]
    t_fast = (time.perf_counter() - t0) / reps
    t0 = time.perf_counter()
    for _ in range(reps):
        slow = _loop_median(plist, wlist)
    t_slow = (time.perf_counter() - t0) / reps
    assert np.allclose(fast, slow)
    print(f"weighted median, {len(comp)} DEU III issues: batched {t_fast * 1e3:.2f} ms, "
          f"python loop {t_slow * 1e3:.2f} ms, ratio {t_slow / t_fast:.1f}x")


if __name__ == "__main__":
    main()
