"""Record benchmarks: the vectorized credibility curve against a per-date loop (baseline)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from detente.record import credibility, credibility_curve, load_shipped_record, open_store


def _best(fn: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    rec = load_shipped_record()
    dates = [date(1972, 1, 1) + timedelta(days=30 * k) for k in range(660)]  # 1972-2026 monthly
    print(f"record: {len(rec.agreements)} agreements, {len(rec.events)} events")
    for actor, toward in [("RUS", "USA"), ("USA", None)]:
        vec = _best(lambda a=actor, t=toward: credibility_curve(rec, a, t, dates))
        loop = _best(lambda a=actor, t=toward: [credibility(rec, a, toward=t, as_of=d)
                                                for d in dates], repeat=1)
        print(f"credibility curve {actor}->{toward or 'anyone'}, {len(dates)} dates: "
              f"vectorized {vec * 1e3:.1f} ms, per-date loop (baseline) {loop * 1e3:.0f} ms, "
              f"speed-up x{loop / vec:.0f}")
    one = _best(lambda: credibility(rec, "RUS", toward="USA", as_of="2022-01-10"), repeat=5)
    print(f"one credibility() with drivers: {one * 1e3:.1f} ms")
    with tempfile.TemporaryDirectory() as d:
        url = str(Path(d) / "bench.sqlite")
        seed = _best(lambda: open_store(url + str(time.perf_counter())).close(), repeat=1)
        with open_store(url) as s:
            load = _best(s.record)
        print(f"store: create+seed {seed * 1e3:.0f} ms, load whole record {load * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
