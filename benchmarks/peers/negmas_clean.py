"""One NegMAS negotiation, timed run by run (public API, no trace read back while timed).

Runs under ``.peers/negmas/bin/python`` only (NegMAS is AGPL; detente never imports it). The
domain comes as JSON (the format of ``tests/bargaining/peer_scripts/negmas_peer.py``); the
utility functions are built once, then each timed run builds an ``SAOMechanism`` with the two
time-based negotiators and runs it.

- ``--repeat N`` (default): the domain on stdin, ``N`` runs, prints their seconds as a JSON list.
- ``--serve``: a persistent process, so that start-up and imports stay out of every timed run.
  The first stdin line is the domain (``"a"``, ``"b"`` and ``"steps"`` may name the strategies,
  default boulware, conceder, 100); each later line ``{"runs": N}`` times ``N`` runs and answers
  with one line ``{"times": [...], "agreement": {issue: option} | null, "step": s}`` (the
  outcome of the last run, read after its clock stopped); an empty line or EOF ends it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from typing import Any

warnings.filterwarnings("ignore")

from negmas import SAOMechanism, make_issue  # noqa: E402
from negmas.preferences import LinearAdditiveUtilityFunction  # noqa: E402
from negmas.preferences.value_fun import TableFun  # noqa: E402
from negmas.sao import (  # noqa: E402
    BoulwareTBNegotiator,
    ConcederTBNegotiator,
    LinearTBNegotiator,
)

NEGOTIATORS = {"boulware": BoulwareTBNegotiator, "linear": LinearTBNegotiator,
               "conceder": ConcederTBNegotiator}


def build(spec: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    issues = [make_issue(values=list(i["options"]), name=i["name"]) for i in spec["issues"]]
    ufuns = []
    for p in spec["parties"]:
        values = {i["name"]: TableFun(dict(zip(i["options"], v, strict=True)))
                  for i, v in zip(spec["issues"], p["values"], strict=True)}
        weights = {i["name"]: w for i, w in zip(spec["issues"], p["weights"], strict=True)}
        ufuns.append(LinearAdditiveUtilityFunction(values=values, weights=weights, issues=issues,
                                                   reserved_value=p["reservation_value"]))
    return issues, ufuns


def timed_runs(issues: list[Any], ufuns: list[Any], runs: int, a: str = "boulware",
               b: str = "conceder", steps: int = 100) -> tuple[list[float], Any]:
    """Seconds of each of ``runs`` negotiations, and the last mechanism (read after timing)."""
    neg_a, neg_b = NEGOTIATORS[a], NEGOTIATORS[b]
    times = []
    m = None
    for _ in range(runs):
        t0 = time.perf_counter()
        m = SAOMechanism(issues=issues, n_steps=steps, one_offer_per_step=True)
        m.add(neg_a(name="a"), ufun=ufuns[0])
        m.add(neg_b(name="b"), ufun=ufuns[1])
        m.run()
        times.append(time.perf_counter() - t0)
    return times, m


def serve() -> None:
    spec = json.loads(sys.stdin.readline())
    issues, ufuns = build(spec)
    a, b, steps = spec.get("a", "boulware"), spec.get("b", "conceder"), spec.get("steps", 100)
    names = [i["name"] for i in spec["issues"]]
    for line in sys.stdin:
        if not line.strip():
            break
        times, m = timed_runs(issues, ufuns, int(json.loads(line)["runs"]), a, b, steps)
        agreement = None if m is None else m.state.agreement
        reply = {"times": times, "step": None if m is None else m.state.step,
                 "agreement": None if agreement is None
                 else dict(zip(names, (str(v) for v in agreement), strict=True))}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--serve", action="store_true")
    args = ap.parse_args()
    if args.serve:
        serve()
        return
    issues, ufuns = build(json.load(sys.stdin))
    json.dump(timed_runs(issues, ufuns, args.repeat, steps=args.steps)[0], sys.stdout)


if __name__ == "__main__":
    main()
