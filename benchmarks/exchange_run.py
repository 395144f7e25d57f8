"""One exchange-model run in a fresh process, for whole-process and memory figures.

``python -m benchmarks.exchange_run FILE``: read the scenario file, forecast with the exchange
model (10 rounds, ``tie_break="second"``), print JSON with the seconds of that call and the
engine it ran on (``engine='auto'`` unless ``DETENTE_EXCHANGE_ENGINE`` says otherwise).
``python -m benchmarks.exchange_run --synthetic 100x50 [--engine compiled|numpy|auto]``: a
random scenario (positions U(0, 100), salience and power U(0.05, 1), seed 0) through the round
loop on that engine (default ``auto``: compiled at this size); the compiled code is loaded
first on a tiny input (unless the engine is numpy), then the resident memory before the run,
the run's seconds, the engine and the process's peak resident memory are printed.
``--hash`` adds a SHA-256 of the whole result (positions, outcomes, every realised exchange's
record, ties, knife-edge tests), to check that a change to the engine gives the same results
bit for bit.
"""

from __future__ import annotations

import json
import sys
import time


def _hwm_mb() -> float:
    """This process's peak resident memory (MB): ``VmHWM``, which starts afresh at ``exec``
    (``getrusage``'s peak carries over the parent's, e.g. the benchmark's own ~260 MB)."""
    from benchmarks._timing import peak_rss_mb

    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def main(argv: list[str]) -> None:
    if argv[0] != "--synthetic":
        from detente.collective import forecast
        from detente.scenario import load_scenario

        t = time.perf_counter()
        forecast(load_scenario(argv[0]), "exchange", tie_break="second")
        print(json.dumps({"seconds": time.perf_counter() - t, "engine": _engine_used()}))
        return
    import numpy as np

    from detente.collective._exchange_engine import (
        choose_engine,
        exchange_work,
        run_exchange_rounds,
    )

    n, m = (int(v) for v in argv[1].split("x"))
    engine = argv[argv.index("--engine") + 1] if "--engine" in argv else "auto"
    if engine != "numpy":
        tiny = np.array([[0.0, 100.0], [100.0, 0.0], [30.0, 60.0]])
        run_exchange_rounds(tiny, np.ones((3, 2)), np.ones((3, 2)), tiny >= 0, rounds=1,
                            engine="compiled")  # load the compiled code
    used = choose_engine(exchange_work(n, m, 10), engine, tie_break="second")
    rng = np.random.default_rng(0)
    pos = rng.uniform(0, 100, (n, m))
    sal = rng.uniform(0.05, 1, (n, m))
    power = rng.uniform(0.05, 1, (n, m))
    before = _hwm_mb()
    t, c = time.perf_counter(), time.process_time()
    run = run_exchange_rounds(pos, sal, power, np.ones((n, m), bool), rounds=10,
                              tie_break="second", engine=engine)
    out = {
        "seconds": time.perf_counter() - t, "cpu": time.process_time() - c,
        "rss_before": before, "rss_peak": _hwm_mb(),
        "candidates": int(max(run.candidates)), "realised": sum(map(len, run.exchanges)),
        "engine": used,
    }
    if "--hash" in argv:
        out["hash"] = _digest(run)
    print(json.dumps(out))


def _engine_used() -> str:
    """``compiled`` if this process ran the compiled round, else ``numpy``."""
    jit = sys.modules.get("detente.collective._exchange_jit")
    return "compiled" if jit is not None and jit.loaded() else "numpy"


def _digest(run: object) -> str:
    """SHA-256 of a run's positions, outcomes, realised exchanges, ties and edge tests."""
    import hashlib

    import numpy as np

    h = hashlib.sha256()
    for name in ("start_positions", "voting_positions", "start_outcomes", "voting_outcomes"):
        h.update(np.ascontiguousarray(getattr(run, name)).tobytes())
    for rnd in run.exchanges:  # type: ignore[attr-defined]
        h.update(np.array([tuple(x) for x in rnd], dtype=float).tobytes())
    h.update(repr((run.ties, run.edge_events, run.realised)).encode())  # type: ignore[attr-defined]
    return h.hexdigest()


if __name__ == "__main__":
    main(sys.argv[1:])
