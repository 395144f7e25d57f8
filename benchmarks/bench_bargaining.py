"""Bargaining speed against NegMAS on the same work (NegMAS runs from .peers/negmas if present).

1. One 100-step Boulware-vs-Conceder negotiation on 3 issues x 10 values: NegMAS's SAO
   mechanism through a clean driver (``benchmarks/peers/negmas_clean.py``: public API, each
   run timed, nothing read back) against detente's single `negotiate`, median against median
   of alternating batches of runs (NegMAS 20 runs, detente 20 runs, three times); and detente
   batching 1,000 negotiations (1,000 random domains) in one vectorized `negotiate_batch` run
   (per negotiation).
2. The Pareto frontier of the 1,000 outcomes of that domain (utilities included), and of
   10,000 random points in the plane.
3. detente only: the Pareto frontier of 10^6 outcomes (100 x 100 x 100), held in memory and
   chunked.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT / ".peers" / "negmas" / "bin" / "python"
SCRIPT = ROOT / "tests" / "bargaining" / "peer_scripts" / "negmas_peer.py"
CLEAN = ROOT / "benchmarks" / "peers" / "negmas_clean.py"


def _best(fn: Callable[[], Any], repeat: int = 5, number: int = 1) -> float:
    """Best-of-``repeat`` mean seconds per call of ``fn``."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        out.append((time.perf_counter() - t0) / number)
    return min(out)


def _domain(seed: int, shape: tuple[int, ...]) -> Any:
    from detente.bargaining import BargainingIssue, Domain, Party

    rng = np.random.default_rng(seed)
    issues = tuple(BargainingIssue(f"i{k}", tuple(f"v{j}" for j in range(n)))
                   for k, n in enumerate(shape))
    parties = []
    for pid, rv in (("a", 0.2), ("b", 0.3)):
        w = rng.random(len(shape)) + 0.1
        parties.append(Party(pid, w / w.sum(), tuple(rng.random(n) for n in shape), rv))
    return Domain(f"bench-{seed}", issues, parties[0], parties[1], deadline=100)


def _peer(domain: Any) -> dict[str, Any] | None:
    if not PEER.is_file():
        return None
    spec = {
        "issues": [{"name": i.id, "options": list(i.options)} for i in domain.issues],
        "parties": [{"weights": [float(w) for w in p.weights],
                     "values": [[float(x) for x in v] for v in p.values],
                     "reservation_value": p.reservation_value} for p in domain.parties],
        "tasks": ["time"], "repeat": 20, "points": 10_000,
        "negotiations": [{"a": "boulware", "b": "conceder", "steps": 100}],
    }
    proc = subprocess.run([str(PEER), str(SCRIPT)], input=json.dumps(spec), text=True,
                          capture_output=True, timeout=600, check=False)
    if proc.returncode != 0:
        print(f"  NegMAS peer failed: {proc.stderr[-500:]}", file=sys.stderr)
        return None
    out: dict[str, Any] = json.loads(proc.stdout)
    return out


def _spec(domain: Any) -> str:
    return json.dumps({
        "issues": [{"name": i.id, "options": list(i.options)} for i in domain.issues],
        "parties": [{"weights": [float(w) for w in p.weights],
                     "values": [[float(x) for x in v] for v in p.values],
                     "reservation_value": p.reservation_value} for p in domain.parties],
    })


def _single_vs_negmas(domain: Any, label: str) -> None:
    """Median against median, alternating batches of runs."""
    from benchmarks._timing import median, quick
    from detente.bargaining import negotiate

    negotiate(domain, "boulware", "conceder", deadline=100)  # warm
    batches, per = (1, 10) if quick() else (3, 20)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(batches):
        if PEER.is_file():
            proc = subprocess.run([str(PEER), str(CLEAN), "--repeat", str(per)],
                                  input=_spec(domain), text=True, capture_output=True,
                                  timeout=600, check=False)
            if proc.returncode == 0:
                theirs.extend(json.loads(proc.stdout))
            else:
                print(f"  NegMAS clean driver failed: {proc.stderr[-300:]}", file=sys.stderr)
        for _ in range(per):
            t0 = time.perf_counter()
            negotiate(domain, "boulware", "conceder", deadline=100)
            ours.append(time.perf_counter() - t0)
    _row(label + " (medians)", median(ours), median(theirs) if theirs else None)
    if theirs:
        print(f"  {'':<52} min vs min: detente {min(ours) * 1e3:.3f} ms, NegMAS "
              f"{min(theirs) * 1e3:.3f} ms ({min(theirs) / min(ours):.1f}x); bar >= 30x "
              "median vs median")


def _row(label: str, ours: float, theirs: float | None) -> None:
    if theirs is None:
        print(f"  {label:<52} detente {ours * 1e3:9.3f} ms   NegMAS      —")
    else:
        print(f"  {label:<52} detente {ours * 1e3:9.3f} ms   NegMAS {theirs * 1e3:9.3f} ms"
              f"   ratio {theirs / ours:8.1f}x")


def main() -> None:
    from detente.bargaining import (
        negotiate_batch,
        pareto_frontier_chunked,
        pareto_mask,
    )

    print("bargaining: detente vs NegMAS (same work; ratio = NegMAS time / detente time)")
    dom = _domain(0, (10, 10, 10))
    peer = _peer(dom)
    if peer is None:
        print(f"  (NegMAS peer absent at {PEER.parent.parent}: run scripts/peers/negmas.sh)")
    neg_t = None if peer is None else peer["negotiation_seconds"]
    _single_vs_negmas(dom, "1 negotiation, 100 steps, Boulware vs Conceder")
    doms = [_domain(s, (10, 10, 10)) for s in range(1000)]
    ua = np.stack([d.utilities()[0] for d in doms])
    ub = np.stack([d.utilities()[1] for d in doms])
    batch = _best(lambda: negotiate_batch(ua, ub, "boulware", "conceder", deadline=100,
                                          reservation_a=0.2, reservation_b=0.3), 3) / 1000
    _row("  per negotiation, 1,000 batched in one run (vs NegMAS mean)", batch, neg_t)
    # the same, with reservation values no outcome meets: all 100 steps are played
    hard = dom.with_reservation_values(0.99, 0.99)
    peer_hard = _peer(hard)
    hard_t = None if peer_hard is None else peer_hard["negotiation_seconds"]
    _single_vs_negmas(hard, "1 negotiation, all 100 steps (no agreement possible)")
    batch_full = _best(lambda: negotiate_batch(ua, ub, "boulware", "conceder", deadline=100,
                                               reservation_a=0.99, reservation_b=0.99), 3)
    _row("  per negotiation, 1,000 batched in one run (vs NegMAS mean)", batch_full / 1000,
         hard_t)

    def frontier_1000() -> None:
        a, b = dom.utilities()
        pareto_mask(a, b)

    _row("Pareto frontier of 1,000 outcomes (with utilities)", _best(frontier_1000, 7, 20),
         None if peer is None else peer["frontier_seconds"])
    pts = np.random.default_rng(0).random((10_000, 2))
    _row("Pareto frontier of 10,000 random points",
         _best(lambda: pareto_mask(pts[:, 0], pts[:, 1]), 7, 10),
         None if peer is None else peer["points_frontier_seconds"])
    big = _domain(1, (100, 100, 100))

    def frontier_big() -> None:
        a, b = big.utilities()
        pareto_mask(a, b)

    t_big = _best(frontier_big, 3)
    t_chunk = _best(lambda: pareto_frontier_chunked(big.chunks(1 << 18)), 3)
    print(f"  {'Pareto frontier of 10^6 outcomes (with utilities)':<52} detente "
          f"{t_big * 1e3:9.1f} ms   (chunked, 2^18 per chunk: {t_chunk * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
