"""Bargaining speed against NegMAS on the same work (NegMAS runs from .peers/negmas if present).

1. One 100-step Boulware-vs-Conceder negotiation on 3 issues x 10 values: NegMAS's SAO
   mechanism through a clean driver (``benchmarks/peers/negmas_clean.py``: public API, each
   run timed, nothing read back) against detente's single `negotiate`, median against median
   of every per-run time over 40 alternating batches of 5 runs a side (NegMAS in one
   persistent ``--serve`` process, detente in this one; min against min too); and detente
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


class _Peer:
    """``negmas_clean.py --serve``: one NegMAS process for the whole comparison, asked for a
    batch of timed runs at a time (its start-up and imports never inside a timed run)."""

    def __init__(self, domain: Any, a: str, b: str, steps: int) -> None:
        spec = json.loads(_spec(domain))
        spec.update(a=a, b=b, steps=steps)
        self.proc = subprocess.Popen([str(PEER), str(CLEAN), "--serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._send(spec)

    def _send(self, msg: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(msg) + "\n")
        self.proc.stdin.flush()

    def runs(self, n: int) -> dict[str, Any]:
        self._send({"runs": n})
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr is not None else ""
            raise RuntimeError(f"NegMAS clean driver failed: {err[-300:]}")
        out: dict[str, Any] = json.loads(line)
        return out

    def close(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        except OSError:  # the driver already exited
            pass
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _single_vs_negmas(domain: Any, label: str) -> None:
    """Median against median over many alternating batches (NegMAS in one persistent process,
    detente in this one): every per-run time of each side, and min against min."""
    import copy
    import os

    from benchmarks._timing import median, quick
    from detente.bargaining import negotiate

    a, b, steps = "boulware", "conceder", 100

    def ours() -> Any:
        return negotiate(domain, a, b, deadline=steps)

    batches, per = (8, 5) if quick() else (40, 5)
    load0 = os.getloadavg()[0]
    peer = _Peer(domain, a, b, steps) if PEER.is_file() else None

    def ask(n: int) -> dict[str, Any] | None:
        nonlocal peer
        if peer is None:
            return None
        try:
            return peer.runs(n)
        except (RuntimeError, OSError, ValueError) as exc:  # report, go on with detente alone
            print(f"  {exc}", file=sys.stderr)
            peer.close()
            peer = None
            return None

    try:
        ask(per)  # warm both sides alike
        for _ in range(per):
            ours()
        mine: list[float] = []
        theirs: list[float] = []
        reply: dict[str, Any] | None = None
        for k in range(batches):  # A B A B ..., who goes first alternating per batch
            for side in ((0, 1) if k % 2 == 0 else (1, 0)):
                if side == 0:
                    got = ask(per)
                    if got is not None:
                        reply = got
                        theirs.extend(got["times"])
                elif side == 1:
                    for _ in range(per):
                        t0 = time.perf_counter()
                        ours()
                        mine.append(time.perf_counter() - t0)
    finally:
        if peer is not None:
            peer.close()
    # cold: a copy of the domain without its caches each run (utilities and rankings rebuilt)
    cold = []
    for _ in range(per * 4):
        fresh = copy.copy(domain)
        t0 = time.perf_counter()
        negotiate(fresh, a, b, deadline=steps)
        cold.append(time.perf_counter() - t0)
    load1 = os.getloadavg()[0]
    _row(label + " (medians)", median(mine), median(theirs) if theirs else None)
    print(f"  {'':<52} {batches} alternating batches x {per} runs a side; load "
          f"{load0:.2f} -> {load1:.2f}")
    if theirs:
        print(f"  {'':<52} min vs min: detente {min(mine) * 1e3:.4f} ms, NegMAS "
              f"{min(theirs) * 1e3:.3f} ms ({min(theirs) / min(mine):.1f}x); bar >= 30x "
              "median vs median")
    print(f"  {'':<52} detente cold (domain's caches rebuilt each run): median "
          f"{median(cold) * 1e3:.4f} ms"
          + (f" ({median(theirs) / median(cold):.1f}x)" if theirs else ""))
    if reply is not None:  # the same work: the same outcome on both sides
        tr = ours()
        got = None if tr.agreement is None else tr.agreement.options
        same = got == reply["agreement"]
        print(f"  {'':<52} outcomes: detente {got} at step "
              f"{None if tr.agreement is None else tr.agreement.step}, NegMAS "
              f"{reply['agreement']}: {'same' if same else 'DIFFERENT'}")


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
