"""The base-rate mixture of the crisis model's episode forecast (design revision 9 of
docs/crisis.md): ``P = (1 − ε)·P_model + ε·π``, π the other bank cases' outcome frequencies.

Prints, seed 0, from one run of the structural model per case (ε does not change it):

1. the grid ε ∈ {0, 0.1, …, 0.5} on the odd half, the even half and all cases (Brier of
   P(escalation) and multi-class Brier; the odd half is what `detente evaluate cases --subset
   odd -m crisis -o base_rate_weight=ε` scores, and the rule of revision 9 picks ε on it);
2. the leave-one-case-out estimate: for each case, ε chosen on the other cases by the same rule
   (kept if its Brier of P(escalation) is below ε = 0's and its multi-class Brier not above
   ε = 0's; among kept values the lowest Brier of P(escalation), ties within 0.001 to the
   smaller ε; none kept: 0), then that case forecast with it — against the base rate (the other
   cases' frequencies) on the same cases. While choosing ε for case i, π for each other case j
   leaves out both j and i, so case i's outcome informs nothing of its own forecast;
3. the cases coded after the model froze (docs/crisis.md, "Cases coded after crisis6") at
   ε = 0 and at the chosen default.

Run: PYTHONPATH=src python scripts/crisis_base_rate_weight.py [--weight ε] [--json]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence

from detente.cases import list_cases, load_case
from detente.collective import forecast
from detente.crisis._calibrate import mix
from detente.crisis._model import BASE_RATE_WEIGHT
from detente.evaluation import brier_escalation, brier_score
from detente.evaluation._splits import case_number
from detente.scenario._model import OUTCOME_KINDS

GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
TIE = 0.001
SEED = 0
#: docs/crisis.md, "Cases coded after crisis6" (rounds cases23, cases27, cases31)
POST_FREEZE = ("suez-1956", "cyprus-1974", "dayton-1995", "minsk-2015", "sino-indian-1962",
               "tiran-1967", "beagle-1978", "camp-david-1978", "berlin-1948", "kosovo-1998",
               "kargil-1999", "karabakh-2023")


def frequencies(kinds: Sequence[str]) -> dict[str, float]:
    return {k: sum(o == k for o in kinds) / len(kinds) for k in OUTCOME_KINDS}


#: cases in which no actor holds an outside option: the model mixes nothing there (nothing can
#: escalate; ``calibrated`` in detente.crisis._model), filled in by main()
UNMIXED: set[str] = set()


def mixed(model: Mapping[str, float], eps: float, pi: Mapping[str, float], name: str
          ) -> dict[str, float]:
    return dict(model) if name in UNMIXED else mix(model, eps, pi)


def scores(names: Sequence[str], model: Mapping[str, Mapping[str, float]],
           outcome: Mapping[str, str], eps: float, exclude: str = "") -> tuple[float, float]:
    """Mean Brier of P(escalation) and multi-class Brier over ``names`` at weight ``eps``; π of
    each case is the bank without it (and without ``exclude``)."""
    esc, multi = [], []
    for n in names:
        pi = frequencies([outcome[m] for m in outcome if m not in (n, exclude)])
        p = mixed(model[n], eps, pi, n)
        esc.append(brier_escalation(p, outcome[n]))
        multi.append(brier_score(p, outcome[n]))
    return sum(esc) / len(esc), sum(multi) / len(multi)


def choose(names: Sequence[str], model: Mapping[str, Mapping[str, float]],
           outcome: Mapping[str, str], exclude: str = "") -> float:
    """The rule of revision 9 on ``names``."""
    e0, m0 = scores(names, model, outcome, 0.0, exclude)
    kept = []
    for eps in GRID[1:]:
        e, m = scores(names, model, outcome, eps, exclude)
        if e < e0 and m <= m0:
            kept.append((e, eps))
    if not kept:
        return 0.0
    best = min(e for e, _ in kept)
    return min(eps for e, eps in kept if e <= best + TIE)


def main(argv: list[str]) -> None:
    weight = BASE_RATE_WEIGHT
    if "--weight" in argv:
        weight = float(argv[argv.index("--weight") + 1])
    names = list_cases()
    model: dict[str, dict[str, float]] = {}
    outcome: dict[str, str] = {}
    half: dict[str, str] = {}
    for n in names:
        sc = load_case(n)
        if sc.outcome is None:
            continue
        fc = forecast(sc, "crisis", rng=SEED, base_rate_weight=0.0)
        diag = fc.diagnostics or {}
        model[n] = dict(diag.get("episode_model") or fc.episode or {})
        if diag.get("base_rate") is None:
            UNMIXED.add(n)
        outcome[n] = sc.outcome.kind
        half[n] = "odd" if case_number(sc) % 2 else "even"
    cases = list(model)
    split = {"odd": [n for n in cases if half[n] == "odd"],
             "even": [n for n in cases if half[n] == "even"], "all": cases}
    doc: dict[str, object] = {"seed": SEED, "grid": {}, "n": {k: len(v) for k, v in
                                                           split.items()}}
    grid: dict[str, dict[str, list[float]]] = {}
    for part, ns in split.items():
        grid[part] = {f"{eps:g}": list(scores(ns, model, outcome, eps)) for eps in GRID}
        # the base rate on the same cases, as `detente evaluate` scores it within the subset
        be, bm = [], []
        for n in ns:
            pi = frequencies([outcome[m] for m in ns if m != n])
            be.append(brier_escalation(pi, outcome[n]))
            bm.append(brier_score(pi, outcome[n]))
        grid[part]["base_rate"] = [sum(be) / len(be), sum(bm) / len(bm)]
    doc["grid"] = grid
    doc["odd_half_choice"] = choose(split["odd"], model, outcome)
    # leave-one-case-out over all cases
    loco: dict[str, dict[str, float]] = {}
    for n in cases:
        others = [m for m in cases if m != n]
        eps = choose(others, model, outcome, exclude=n)
        pi = frequencies([outcome[m] for m in cases if m != n])
        p = mixed(model[n], eps, pi, n)
        loco[n] = {"weight": eps, "p_escalation": p["escalation"],
                   "brier_escalation": brier_escalation(p, outcome[n]),
                   "brier": brier_score(p, outcome[n]),
                   "base_brier_escalation": brier_escalation(pi, outcome[n]),
                   "base_brier": brier_score(pi, outcome[n])}
    k = len(loco)
    doc["loco"] = {
        "cases": loco,
        "brier_escalation": sum(v["brier_escalation"] for v in loco.values()) / k,
        "brier": sum(v["brier"] for v in loco.values()) / k,
        "base_brier_escalation": sum(v["base_brier_escalation"] for v in loco.values()) / k,
        "base_brier": sum(v["base_brier"] for v in loco.values()) / k,
        "weights": sorted({v["weight"] for v in loco.values()}),
    }
    post = [n for n in POST_FREEZE if n in model]
    doc["post_freeze"] = {
        f"{eps:g}": list(scores(post, model, outcome, eps)) for eps in sorted({0.0, weight})}
    pe = [brier_escalation(frequencies([outcome[m] for m in cases if m != n]), outcome[n])
          for n in post]
    pm = [brier_score(frequencies([outcome[m] for m in cases if m != n]), outcome[n])
          for n in post]
    doc["post_freeze"]["base_rate"] = [sum(pe) / len(pe), sum(pm) / len(pm)]  # type: ignore[index]
    doc["post_freeze_cases"] = {
        n: {"outcome": outcome[n], "model": model[n]["escalation"],
            "mixed": mixed(model[n], weight, frequencies(
                [outcome[m] for m in cases if m != n]), n)["escalation"]} for n in post}
    doc["unmixed"] = sorted(UNMIXED)
    if "--json" in argv:
        print(json.dumps(doc, indent=1))
        return
    print(f"seed {SEED}; cases: odd {len(split['odd'])}, even {len(split['even'])}, "
          f"all {len(cases)}")
    print("\nBrier of P(escalation) / multi-class Brier, by ε")
    print(f"{'ε':>10} " + " ".join(f"{p:>15}" for p in split))
    for key in [f"{e:g}" for e in GRID] + ["base_rate"]:
        print(f"{key:>10} " + " ".join(f"{grid[p][key][0]:7.3f}/{grid[p][key][1]:.3f}"
                                       for p in split))
    print(f"no outside option (nothing mixed): {', '.join(sorted(UNMIXED)) or 'none'}")
    print(f"\nthe rule on the odd half picks ε = {doc['odd_half_choice']:g}")
    lo = doc["loco"]
    assert isinstance(lo, dict)
    print(f"\nleave-one-case-out ({k} cases; ε chosen per case: {lo['weights']}): Brier of "
          f"P(escalation) {lo['brier_escalation']:.3f} (base rate "
          f"{lo['base_brier_escalation']:.3f}), multi-class {lo['brier']:.3f} (base rate "
          f"{lo['base_brier']:.3f})")
    print(f"\npost-freeze cases ({len(post)}): Brier of P(escalation) / multi-class")
    for key, (e, m) in doc["post_freeze"].items():  # type: ignore[attr-defined]
        print(f"  ε = {key}: {e:.3f} / {m:.3f}")
    for n, v in doc["post_freeze_cases"].items():  # type: ignore[attr-defined]
        print(f"  {n:20} {v['outcome']:13} P(escalation) {v['model']:.3f} → {v['mixed']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
