"""One NegMAS negotiation, timed run by run (public API, no trace read back).

Runs under ``.peers/negmas/bin/python`` only (NegMAS is AGPL; detente never imports it). Reads
the domain as JSON on stdin (the format of ``tests/bargaining/peer_scripts/negmas_peer.py``),
builds the utility functions once, then ``--repeat`` times builds an ``SAOMechanism`` with the
two time-based negotiators and runs it; prints the seconds of each run as a JSON list.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

from negmas import SAOMechanism, make_issue  # noqa: E402
from negmas.preferences import LinearAdditiveUtilityFunction  # noqa: E402
from negmas.preferences.value_fun import TableFun  # noqa: E402
from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--steps", type=int, default=100)
    args = ap.parse_args()
    spec = json.load(sys.stdin)
    issues = [make_issue(values=list(i["options"]), name=i["name"]) for i in spec["issues"]]
    ufuns = []
    for p in spec["parties"]:
        values = {i["name"]: TableFun(dict(zip(i["options"], v, strict=True)))
                  for i, v in zip(spec["issues"], p["values"], strict=True)}
        weights = {i["name"]: w for i, w in zip(spec["issues"], p["weights"], strict=True)}
        ufuns.append(LinearAdditiveUtilityFunction(values=values, weights=weights, issues=issues,
                                                   reserved_value=p["reservation_value"]))
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        m = SAOMechanism(issues=issues, n_steps=args.steps, one_offer_per_step=True)
        m.add(BoulwareTBNegotiator(name="a"), ufun=ufuns[0])
        m.add(ConcederTBNegotiator(name="b"), ufun=ufuns[1])
        m.run()
        times.append(time.perf_counter() - t0)
    json.dump(times, sys.stdout)


if __name__ == "__main__":
    main()
