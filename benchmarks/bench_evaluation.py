"""Evaluation on the case bank: ``evaluate`` vs a plain loop of ``forecast`` calls (its overhead),
and the case-bootstrap comparison, vectorised vs a per-draw Python loop (same draws)."""

from __future__ import annotations

import time

import numpy as np

from detente.cases import load_bank
from detente.collective import forecast, list_models
from detente.evaluation import compare, evaluate


def _loop_mae(bank: list, names: list[str]) -> dict[str, float]:
    """Named baseline: forecast every (case, model) pair and average the errors by hand."""
    out = {}
    for name in names:
        errs = []
        for sc in bank:
            fc = forecast(sc, name, rng=0)
            for iss in sc.issues:
                if iss.observed is not None:
                    f = fc.outcome(iss.id)
                    if not np.isnan(f):
                        errs.append(abs(f - iss.observed.value) * 100
                                    / (iss.scale_max - iss.scale_min))
        out[name] = float(np.mean(errs))
    return out


def _loop_bootstrap(report, model: str, n_boot: int, seed: int) -> tuple[float, float]:
    """Named baseline: the same case bootstrap, one draw at a time in Python."""
    a = {(r.case, r.issue): r.error for r in report.issues if r.model == model}
    b = {(r.case, r.issue): r.error for r in report.issues if r.model == "status_quo"}
    keys = [k for k in a if k in b and not np.isnan(a[k]) and not np.isnan(b[k])]
    cases = list(dict.fromkeys(k[0] for k in keys))
    by_case = {c: [a[k] - b[k] for k in keys if k[0] == c] for c in cases}
    draws = np.random.default_rng(seed).integers(0, len(cases), size=(n_boot, len(cases)))
    stats = []
    for row in draws:
        vals = [d for i in row for d in by_case[cases[i]]]
        stats.append(sum(vals) / len(vals))
    lo, hi = np.quantile(stats, [0.025, 0.975])
    return float(lo), float(hi)


def main() -> None:
    bank = load_bank()
    names = [m.name for m in list_models()]
    evaluate(bank, names, rng=0)  # warm-up (imports, caches) for both timings
    t_eval = t_loop = float("inf")
    for _ in range(3):  # best of three
        t0 = time.perf_counter()
        report = evaluate(bank, names, rng=0)
        t_eval = min(t_eval, time.perf_counter() - t0)
        t0 = time.perf_counter()
        loop = _loop_mae(bank, names)
        t_loop = min(t_loop, time.perf_counter() - t0)
    for name in names:
        assert abs(report.model(name).mae - loop[name]) < 1e-9, name
    print(f"evaluate, {len(bank)} cases x {len(names)} models: {t_eval * 1e3:.1f} ms; "
          f"plain forecast loop {t_loop * 1e3:.1f} ms; ratio {t_eval / t_loop:.2f}x")
    n_boot = 4000
    t0 = time.perf_counter()
    fast = compare(report, "compromise", n_boot=n_boot, rng=7)
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    lo, hi = _loop_bootstrap(report, "compromise", n_boot, 7)
    t_slow = time.perf_counter() - t0
    assert abs(fast.low - lo) < 1e-9 and abs(fast.high - hi) < 1e-9
    print(f"case bootstrap, {n_boot} draws: vectorised {t_fast * 1e3:.2f} ms, python loop "
          f"{t_slow * 1e3:.2f} ms, ratio {t_slow / t_fast:.1f}x")


if __name__ == "__main__":
    main()
