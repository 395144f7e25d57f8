"""docs/models.md's Nash figure on DEU III (44.18 on the 253 issues with a status quo), recomputed
without detente.

The DEU III file is read with the csv module; the asymmetric Nash bargaining solution with the
quadratic utilities uᵢ(x) = −sᵢ(x − pᵢ)² (the model's default exponent 2), equal capabilities and
the reference point ``rp`` as the disagreement point is found by a dense grid search (no
bisection, no detente code): maximise Σ log((q − pᵢ)² − (x − pᵢ)²) over the x every actor with
salience > 0 strictly prefers to q (salience multiplies each gain by a constant, so it cancels);
when no such x exists the solution is q itself (Nash 1950; Achen 2006).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
DEU3 = ROOT.parent / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"
NOT_ACTORS = {"prnrnmc", "prnr", "prname", "proc", "proccde"}

pytestmark = pytest.mark.skipif(not DEU3.exists(), reason="shared reference data not present")


def _nash(q: float, p: np.ndarray) -> float:
    r = np.abs(q - p)
    lo, hi = float(np.max(p - r)), float(np.min(p + r))
    if not lo < hi:
        return q
    x = np.linspace(lo, hi, 200_001)[1:-1]
    obj = np.log(r[None, :] ** 2 - (x[:, None] - p[None, :]) ** 2).sum(axis=1)
    k = int(np.argmax(obj))
    # refine once around the best grid point
    step = (hi - lo) / 200_000
    xf = np.linspace(x[k] - step, x[k] + step, 2_001)
    xf = xf[(xf > lo) & (xf < hi)]
    objf = np.log(r[None, :] ** 2 - (xf[:, None] - p[None, :]) ** 2).sum(axis=1)
    return float(xf[int(np.argmax(objf))])


def _errors() -> list[float]:
    with open(DEU3, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header = rows[0]
    actors = [h[1:] for h in header if h.startswith("p") and h not in NOT_ACTORS
              and "s" + h[1:] in header]
    errors = []
    for raw in rows[1:]:
        r = dict(zip(header, raw, strict=False))
        if not (r.get("isnr", "").strip() and r.get("out", "").strip() and r.get("rp", "").strip()):
            continue
        p = [float(r["p" + a]) for a in actors
             if r.get("p" + a, "").strip() and r.get("s" + a, "").strip()
             and float(r["s" + a]) > 0]
        if not p:
            continue
        errors.append(abs(_nash(float(r["rp"]), np.array(p)) - float(r["out"])))
    return errors


def _models_md_cell() -> str:
    text = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    row = next(ln for ln in text.splitlines() if ln.startswith("| `nash` |"))
    return row.split("|")[-2].strip()


def test_models_md_nash_figure_is_the_independent_one() -> None:
    errors = _errors()
    m = re.fullmatch(r"\**([\d.]+)\** \(on the (\d+) issues with a status quo\)", _models_md_cell())
    assert m, _models_md_cell()
    assert int(m.group(2)) == len(errors)
    assert float(m.group(1)) == pytest.approx(sum(errors) / len(errors), abs=0.005)
