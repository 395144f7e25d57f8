"""One EUM forecast in a fresh process, for time and memory figures.

``python -m benchmarks.eum_run NxM``: a random scenario of N actors and M issues (positions
U(0, 100), capability and salience U(0.05, 1), seed 0) forecast through the public
``forecast(scenario, "eum")`` (default options: pairwise diagnostics as ``pairs='auto'``
decides). Prints JSON: the forecast's seconds, the resident memory before it and the peak.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> None:
    import numpy as np

    from benchmarks._timing import peak_rss_mb
    from detente.collective import forecast
    from detente.scenario import Actor, Issue, Scenario, Stance

    n, m = (int(v) for v in argv[0].split("x"))
    rng = np.random.default_rng(0)
    actors = tuple(Actor(id=f"a{k}", capability=float(c))
                   for k, c in enumerate(rng.uniform(0.05, 1, n)))
    issues = tuple(Issue(id=f"i{j}") for j in range(m))
    stances = tuple(Stance(actor=f"a{k}", issue=f"i{j}", position=float(rng.uniform(0, 100)),
                           salience=float(rng.uniform(0.05, 1)))
                    for k in range(n) for j in range(m))
    sc = Scenario(name=f"random {n}x{m}", actors=actors, issues=issues, stances=stances)
    before = peak_rss_mb()
    t = time.perf_counter()
    fc = forecast(sc, "eum")
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "rss_before": before, "rss_peak": peak_rss_mb(),
                      "pairs": "relation" in fc.diagnostics}))


if __name__ == "__main__":
    main(sys.argv[1:])
