"""The shared machinery of the crisis design-revision round scripts (``crisis_silent_trust.py``,
``crisis_patron_support.py``): one crisis option over a stated grid on the case bank, the round's
choice rule on the odd half, and the nested leave-one-case-out estimate (docs/crisis.md, rounds
``crisis11`` and ``crisis12``). Each script names its option, its grid and the option's neutral
value (the model before the revision); ties within :data:`TIE` go to the value nearest the
neutral one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from detente.cases import list_cases, load_case
from detente.collective import forecast
from detente.crisis._calibrate import _frequencies as frequencies
from detente.crisis._calibrate import mix
from detente.crisis._model import BASE_RATE_WEIGHT
from detente.evaluation import brier_escalation, brier_score, evaluate
from detente.evaluation._splits import case_number

TIE = 0.001
SEED = 0
EPS = BASE_RATE_WEIGHT


class Bank:
    """Per value of ``option``: each case's structural episode and per-issue errors; the
    baselines' errors."""

    def __init__(self, option: str, grid: Sequence[float], neutral: float) -> None:
        self.neutral = neutral
        self.names = [n for n in list_cases() if load_case(n).outcome is not None]
        scs = [load_case(n) for n in self.names]
        self.outcome = {n: sc.outcome.kind for n, sc in zip(self.names, scs, strict=True)
                        if sc.outcome is not None}
        self.half = {n: "odd" if case_number(sc) % 2 else "even"
                     for n, sc in zip(self.names, scs, strict=True)}
        base = evaluate(scs, [], rng=SEED)
        self.base_err: dict[str, dict[str, list[float]]] = {}
        for row in base.issues:
            if not math.isnan(row.error):
                self.base_err.setdefault(row.model, {}).setdefault(row.case, []).append(
                    row.error)
        self.model: dict[float, dict[str, dict[str, float]]] = {}
        self.err: dict[float, dict[str, list[float]]] = {}
        self.unmixed: set[str] = set()
        for k in grid:
            self.model[k], self.err[k] = {}, {}
            for n, sc in zip(self.names, scs, strict=True):
                fc = forecast(sc, "crisis", rng=SEED, **{option: k})
                diag = fc.diagnostics or {}
                self.model[k][n] = dict(diag["episode_model"])
                if diag.get("base_rate") is None:
                    self.unmixed.add(n)
                errs = []
                for issue_id, obs in sc.observed.items():
                    iss = sc.issue(issue_id)
                    pred = fc.outcome(issue_id)
                    if not math.isnan(pred):
                        errs.append(abs(pred - obs) / (iss.scale_max - iss.scale_min) * 100.0)
                self.err[k][n] = errs

    def mixed(self, k: float, n: str, exclude: str = "") -> dict[str, float]:
        if n in self.unmixed:
            return dict(self.model[k][n])
        pi = frequencies([self.outcome[m] for m in self.names if m not in (n, exclude)])
        return mix(self.model[k][n], EPS, pi)

    def scores(self, k: float, names: Sequence[str], exclude: str = "") -> dict[str, float]:
        esc = [brier_escalation(self.mixed(k, n, exclude), self.outcome[n]) for n in names]
        multi = [brier_score(self.mixed(k, n, exclude), self.outcome[n]) for n in names]
        s_esc = [brier_escalation(self.model[k][n], self.outcome[n]) for n in names]
        s_multi = [brier_score(self.model[k][n], self.outcome[n]) for n in names]
        errs = [e for n in names for e in self.err[k][n]]
        return {"brier_escalation": mean(esc), "brier": mean(multi),
                "structural_brier_escalation": mean(s_esc), "structural_brier": mean(s_multi),
                "mae": mean(errs)}

    def baseline_mae(self, model: str, names: Sequence[str]) -> float:
        return mean([e for n in names for e in self.base_err[model].get(n, [])])

    def base_rate(self, names: Sequence[str]) -> tuple[float, float]:
        be, bm = [], []
        for n in names:
            pi = frequencies([self.outcome[m] for m in names if m != n])
            be.append(brier_escalation(pi, self.outcome[n]))
            bm.append(brier_score(pi, self.outcome[n]))
        return mean(be), mean(bm)

    def choose(self, names: Sequence[str], exclude: str = "") -> float:
        """The round's rule on ``names`` (π leaving out ``exclude`` too)."""
        ref = self.scores(self.neutral, names, exclude)
        sq = self.baseline_mae("status_quo", names)
        comp = self.baseline_mae("compromise", names)
        kept = []
        for k in self.model:
            if k == self.neutral:
                continue
            s = self.scores(k, names, exclude)
            if (s["brier_escalation"] < ref["brier_escalation"] and s["brier"] <= ref["brier"]
                    and s["mae"] < sq and s["mae"] < comp):
                kept.append((s["brier_escalation"], k))
        if not kept:
            return self.neutral
        best = min(e for e, _ in kept)
        return min((k for e, k in kept if e <= best + TIE), key=lambda k: abs(k - self.neutral))


def mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else math.nan


def main(argv: list[str], option: str, symbol: str, grid: Sequence[float],
         neutral: float) -> None:
    """Run the round for ``option`` (printed as ``symbol``) on ``grid``; ``--grid a,b`` and
    ``--json`` as each script's docstring says."""
    if "--grid" in argv:
        grid = tuple(float(v) for v in argv[argv.index("--grid") + 1].split(","))
    if neutral not in grid:
        grid = (neutral, *grid)
    bank = Bank(option, grid, neutral)
    ref = f"calibrated_{neutral:g}"
    names = bank.names
    split = {"odd": [n for n in names if bank.half[n] == "odd"],
             "even": [n for n in names if bank.half[n] == "even"], "all": names}
    doc: dict[str, object] = {"seed": SEED, "base_rate_weight": EPS,
                              "n": {p: len(v) for p, v in split.items()}}
    table: dict[str, dict[str, object]] = {}
    for part, ns in split.items():
        rows: dict[str, object] = {f"{k:g}": bank.scores(k, ns) for k in grid}
        rows["status_quo_mae"] = bank.baseline_mae("status_quo", ns)
        rows["compromise_mae"] = bank.baseline_mae("compromise", ns)
        rows["base_rate"] = list(bank.base_rate(ns))
        table[part] = rows
    doc["grid"] = table
    choice = bank.choose(split["odd"])
    doc["odd_half_choice"] = choice
    loco: dict[str, dict[str, float]] = {}
    for n in names:
        others = [m for m in names if m != n]
        k = bank.choose(others, exclude=n)
        p = bank.mixed(k, n)
        p1 = bank.mixed(neutral, n)
        pi = frequencies([bank.outcome[m] for m in others])
        loco[n] = {option: k, "p_escalation": p["escalation"],
                   "brier_escalation": brier_escalation(p, bank.outcome[n]),
                   "brier": brier_score(p, bank.outcome[n]),
                   "ref_brier_escalation": brier_escalation(p1, bank.outcome[n]),
                   "ref_brier": brier_score(p1, bank.outcome[n]),
                   "base_brier_escalation": brier_escalation(pi, bank.outcome[n]),
                   "base_brier": brier_score(pi, bank.outcome[n])}
    doc["loco"] = {
        "cases": loco,
        **{key: mean([v[key] for v in loco.values()]) for key in (
            "brier_escalation", "brier", "ref_brier_escalation", "ref_brier",
            "base_brier_escalation", "base_brier")},
        "chosen": {f"{k:g}": sum(v[option] == k for v in loco.values())
                   for k in grid},
    }
    doc["cases"] = {n: {"half": bank.half[n], "outcome": bank.outcome[n],
                        **{f"{k:g}": bank.model[k][n]["escalation"] for k in grid},
                        ref: bank.mixed(neutral, n)["escalation"],
                        "calibrated_choice": bank.mixed(choice, n)["escalation"]}
                    for n in names}
    if "--json" in argv:
        print(json.dumps(doc, indent=1))
        return
    print(f"seed {SEED}, ε = {EPS:g}; cases: odd {len(split['odd'])}, even "
          f"{len(split['even'])}, all {len(names)}")
    for part in split:
        t = table[part]
        br = t["base_rate"]
        assert isinstance(br, list)
        print(f"\n{part}: status quo MAE {t['status_quo_mae']:.2f}, compromise "
              f"{t['compromise_mae']:.2f}; base rate {br[0]:.4f} / {br[1]:.4f}")
        print(f"{symbol:>5} {'MAE':>7} {'Brier esc':>10} {'multi':>7} {'struct esc':>11} "
              f"{'struct multi':>13}")
        for k in grid:
            s = t[f"{k:g}"]
            assert isinstance(s, dict)
            print(f"{k:5g} {s['mae']:7.2f} {s['brier_escalation']:10.4f} {s['brier']:7.4f} "
                  f"{s['structural_brier_escalation']:11.4f} {s['structural_brier']:13.4f}")
    print(f"\nthe rule on the odd half picks {symbol} = {choice:g}")
    lo = doc["loco"]
    assert isinstance(lo, dict)
    print(f"\nnested leave-one-case-out ({len(names)} cases; {symbol} chosen per fold: "
          f"{lo['chosen']}): Brier of P(escalation) {lo['brier_escalation']:.4f} "
          f"({symbol} = {neutral:g}: "
          f"{lo['ref_brier_escalation']:.4f}; base rate {lo['base_brier_escalation']:.4f}), "
          f"multi-class {lo['brier']:.4f} ({symbol} = {neutral:g}: {lo['ref_brier']:.4f}; "
          f"base rate {lo['base_brier']:.4f})")
    print(f"\nper case, structural P(escalation) by {symbol}; calibrated at {neutral:g} and at "
          "the choice")
    for n, v in doc["cases"].items():  # type: ignore[attr-defined]
        print(f"  {n:24} {v['half']:4} {v['outcome']:12} "
              + " ".join(f"{v[f'{k:g}']:.3f}" for k in grid)
              + f"  | {v[ref]:.3f} → {v['calibrated_choice']:.3f}")

