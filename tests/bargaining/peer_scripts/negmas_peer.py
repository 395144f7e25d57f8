"""Run NegMAS (public API only) on a domain given as JSON on stdin; print results as JSON.

Runs inside the peer environment .peers/negmas (NegMAS is AGPL: detente never imports it; this
script is executed as a separate process). Input:
  {"issues": [{"name": str, "options": [str, ...]}, ...],
   "parties": [{"weights": [w, ...], "values": [[v, ...], ...], "reservation_value": r}, x2],
   "tasks": ["frontier", "solutions", "negotiate", "time"],
   "negotiations": [{"a": "boulware"|"linear"|"conceder", "b": ..., "steps": n}, ...],
   "repeat": n (for "time")}
"""

from __future__ import annotations

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

from negmas import SAOMechanism, make_issue  # noqa: E402
from negmas.preferences import (  # noqa: E402
    LinearAdditiveUtilityFunction,
    kalai_points,
    ks_points,
    nash_points,
    pareto_frontier,
)
from negmas.preferences.value_fun import TableFun  # noqa: E402
from negmas.sao import (  # noqa: E402
    BoulwareTBNegotiator,
    ConcederTBNegotiator,
    LinearTBNegotiator,
)

NEGOTIATORS = {
    "boulware": BoulwareTBNegotiator,
    "linear": LinearTBNegotiator,
    "conceder": ConcederTBNegotiator,
}


def build(spec):
    issues = [make_issue(values=list(i["options"]), name=i["name"]) for i in spec["issues"]]
    ufuns = []
    for p in spec["parties"]:
        values = {
            i["name"]: TableFun(dict(zip(i["options"], vals, strict=False)))
            for i, vals in zip(spec["issues"], p["values"], strict=False)
        }
        weights = {i["name"]: w for i, w in zip(spec["issues"], p["weights"], strict=False)}
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=values, weights=weights, issues=issues,
                reserved_value=p["reservation_value"],
            )
        )
    return issues, ufuns


def negotiate(issues, ufuns, a, b, steps):
    m = SAOMechanism(issues=issues, n_steps=steps, one_offer_per_step=True)
    m.add(NEGOTIATORS[a](name="a"), ufun=ufuns[0])
    m.add(NEGOTIATORS[b](name="b"), ufun=ufuns[1])
    state = m.run()
    agreement = state.agreement
    offers = [[None if e.offer is None else list(e.offer), e.negotiator.split("-")[0]]
              for e in m.full_trace]
    return {
        "agreement": None if agreement is None else list(agreement),
        "step": state.step,
        "utility_a": None if agreement is None else float(ufuns[0](agreement)),
        "utility_b": None if agreement is None else float(ufuns[1](agreement)),
        "offers": offers,
    }


def main():
    spec = json.load(sys.stdin)
    issues, ufuns = build(spec)
    out = {}
    tasks = spec.get("tasks", [])
    if "frontier" in tasks or "solutions" in tasks:
        t0 = time.perf_counter()
        front, idx = pareto_frontier(ufuns, issues=issues)
        out["frontier_seconds"] = time.perf_counter() - t0
        out["frontier"] = [[float(x) for x in p] for p in front]
        if "solutions" in tasks:
            for name, fn in (("nash", nash_points), ("kalai", kalai_points), ("ks", ks_points)):
                pts = fn(ufuns, front, issues=issues)
                out[name] = [[float(x) for x in p] for p, _ in pts]
    if "negotiate" in tasks:
        out["negotiations"] = [
            negotiate(issues, ufuns, n["a"], n["b"], n["steps"]) for n in spec["negotiations"]
        ]
    if "time" in tasks:
        n = spec.get("repeat", 10)
        neg = spec["negotiations"][0]
        t0 = time.perf_counter()
        for _ in range(n):
            negotiate(issues, ufuns, neg["a"], neg["b"], neg["steps"])
        out["negotiation_seconds"] = (time.perf_counter() - t0) / n
        import numpy as np
        from negmas.preferences.ops import pareto_frontier_numpy

        rng = np.random.default_rng(0)
        pts = rng.random((spec.get("points", 10000), 2))
        t0 = time.perf_counter()
        for _ in range(n):
            pareto_frontier_numpy(pts)
        out["points_frontier_seconds"] = (time.perf_counter() - t0) / n
        t0 = time.perf_counter()
        for _ in range(n):
            pareto_frontier(ufuns, issues=issues)
        out["frontier_seconds"] = (time.perf_counter() - t0) / n
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
