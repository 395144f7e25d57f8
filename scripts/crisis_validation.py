"""The crisis model on the case bank: MAE against the status quo and every collective model,
Brier score of P(escalation) against 0.20 and the base rate, on all cases and on the half not
used to choose ω (cases whose as_of year is even; ω was chosen on the odd years).

Run: python scripts/crisis_validation.py  (prints a Markdown table; seed 0; no input tuned)
"""

from __future__ import annotations

import glob
from pathlib import Path

import numpy as np

from detente.collective import forecast, list_models
from detente.examples import example_path
from detente.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    paths = sorted(glob.glob(str(ROOT / "src/detente/cases/data/*.yaml")))
    paths.append(str(example_path("geneva-2022")))
    models = [m.name for m in list_models() if m.name != "status_quo"]
    rows = []
    for p in paths:
        sc = load_scenario(p)
        if sc.outcome is None or sc.as_of is None:
            continue
        obs = np.array([np.nan if i.observed is None else i.observed.value for i in sc.issues])
        span = np.array([i.scale_max - i.scale_min for i in sc.issues])
        m = ~np.isnan(obs)
        sq = np.array([np.nan if i.status_quo is None else i.status_quo for i in sc.issues])
        err = {"status_quo": np.abs(sq - obs)[m] / span[m] * 100}
        p_esc = np.nan
        for name in models:
            f = forecast(sc, name, rng=0)
            err[name] = np.abs(f.outcomes - obs)[m] / span[m] * 100
            if name == "crisis":
                assert f.episode is not None
                p_esc = f.episode["escalation"]
        rows.append({"case": sc.name, "even": int(str(sc.as_of)[:4]) % 2 == 0,
                     "esc": float(sc.outcome.kind == "escalation"), "p": p_esc, "err": err})
    for label, sel in (("all cases", [True] * len(rows)),
                       ("even as_of years (not used to choose ω)", [r["even"] for r in rows]),
                       ("odd as_of years (ω chosen here)", [not r["even"] for r in rows])):
        rs = [r for r, s in zip(rows, sel, strict=True) if s]
        print(f"\n### {label}: {len(rs)} cases, "
              f"{sum(len(r['err']['status_quo']) for r in rs)} issues\n")
        print("| model | MAE (all issues) | MAE (mean of cases) |")
        print("|---|---:|---:|")
        for name in ["status_quo", *models]:
            allv = np.concatenate([r["err"][name] for r in rs])
            print(f"| {name} | {np.nanmean(allv):.2f} | "
                  f"{np.mean([np.nanmean(r['err'][name]) for r in rs]):.2f} |")
        y = np.array([r["esc"] for r in rs])
        p = np.array([r["p"] for r in rs])
        loo = np.array([np.delete(y, i).mean() for i in range(len(y))])
        print(f"\nBrier of P(escalation): crisis {np.mean((p - y) ** 2):.3f}, base rate "
              f"(leave-one-case-out) {np.mean((loo - y) ** 2):.3f}, bar 0.20; "
              f"{int(y.sum())} of {len(y)} cases escalated")
    print("\n| case | outcome | P(escalation) | crisis MAE | nash MAE | status quo MAE |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['case']} | {'escalation' if r['esc'] else 'other'} | {r['p']:.2f} | "
              f"{np.mean(r['err']['crisis']):.1f} | {np.mean(r['err']['nash']):.1f} | "
              f"{np.mean(r['err']['status_quo']):.1f} |")


if __name__ == "__main__":
    main()
