"""Reproduce the tuned EUM figure of the README ("The expected utility model"): choose the
options on the odd DEU III proposals, report the choice on the even ones (the protocol of
shared/reference/cases/README.md).

Run: ``PYTHONPATH=src python -m benchmarks.eum_tune`` (about a minute).
"""

from __future__ import annotations

import itertools
from pathlib import Path

DEU = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "cases" / "deu3"

GRID = {
    "variant": ["scholz", "scholz_code", "masad"],
    "accept": ["priority", "nearest", "strongest", "scholz_code"],
    "outcome": ["median", "mean"],
    "rounds": [1, 3, 10, 20],
    "q": [1.0, 0.5],
}


def main() -> None:
    from detente.collective import evaluate
    from detente.scenario import read_deu

    data = read_deu(DEU / "deu3.csv")
    odd, even = data.subset("odd"), data.subset("even")
    scored = []
    for values in itertools.product(*GRID.values()):
        opts = dict(zip(GRID, values, strict=True))
        scored.append((evaluate(odd, "eum", pairs=False, **opts).mae, opts))
    mae_odd, best = min(scored, key=lambda t: t[0])
    mae_even = evaluate(even, "eum", **best).mae
    base = evaluate(even, "compromise").mae
    print(f"tuned on odd ({len(scored)} settings): {best}")
    print(f"  odd MAE {mae_odd:.2f}; even MAE {mae_even:.2f} (compromise on even: {base:.2f})")


if __name__ == "__main__":
    main()
