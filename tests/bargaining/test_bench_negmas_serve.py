"""The benchmark's persistent NegMAS driver (``negmas_clean.py --serve``) times the same work
as detente: same domain, strategies and deadline, so the same outcome (skips without the peer)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from _peer import SKIP_REASON, peer_available

from detente.bargaining import negotiate

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_bargaining import _domain, _Peer  # noqa: E402

pytestmark = pytest.mark.skipif(not peer_available(), reason=SKIP_REASON)


@pytest.mark.parametrize("reservations", [(0.2, 0.3), (0.99, 0.99)])
def test_serve_times_runs_and_reports_the_same_outcome(reservations: tuple[float, float]
                                                       ) -> None:
    d = _domain(0, (10, 10, 10)).with_reservation_values(*reservations)
    peer = _Peer(d, "boulware", "conceder", 100)
    try:
        first, second = peer.runs(2), peer.runs(3)  # one process answers batch after batch
    finally:
        peer.close()
    assert len(first["times"]) == 2 and len(second["times"]) == 3
    assert all(t > 0 for t in first["times"] + second["times"])
    tr = negotiate(d, "boulware", "conceder", deadline=100)
    got = None if tr.agreement is None else tr.agreement.options
    assert second["agreement"] == got
    assert (got is None) == (reservations == (0.99, 0.99))
