"""README's case-bank table, recomputed without detente.

The status-quo and compromise MAE are re-derived here from the raw case files (``yaml.safe_load``,
plain Python arithmetic: no detente reader, model or scorer), and the weighted median by an
independent definition (the smallest position whose cumulative weight reaches half, averaged
with the next when it reaches exactly half). A change to the case bank or to a model that is not
carried into README fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "src/detente/cases/data").glob("*.yaml")) + [
    ROOT / "src/detente/examples/data/geneva-2022.yaml"
]


def _median(pairs: list[tuple[float, float]]) -> float:
    pairs = sorted((p, w) for p, w in pairs if w > 0)
    half = sum(w for _, w in pairs) / 2
    cum = 0.0
    for k, (p, w) in enumerate(pairs):
        cum += w
        if abs(cum - half) < 1e-9 * max(half, 1):
            return (p + pairs[k + 1][0]) / 2 if k + 1 < len(pairs) else p
        if cum > half:
            return p
    raise AssertionError("empty")


def _errors() -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"status quo": [], "compromise": [], "median": []}
    for f in FILES:
        d = yaml.safe_load(f.read_text(encoding="utf-8"))
        cap = {a["id"]: float(a.get("capability", 1.0)) for a in d["actors"]}
        for iss in d["issues"]:
            ob = iss.get("observed")
            if ob is None:
                continue
            ob = float(ob["value"] if isinstance(ob, dict) else ob)
            pw = [(float(s["position"]), cap[s["actor"]] * float(s["salience"]))
                  for s in d["stances"] if s["issue"] == iss["id"]]
            mean = sum(p * w for p, w in pw) / sum(w for _, w in pw)
            out["status quo"].append(abs(float(iss["status_quo"]) - ob))
            out["compromise"].append(abs(mean - ob))
            out["median"].append(abs(_median(pw) - ob))
    return out


def _readme_row(label: str) -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.startswith("|")]
    header = next(ln for ln in lines if "status quo" in ln and "compromise" in ln)
    row = next(ln for ln in lines if ln.split("|")[1].strip() == label)
    names = [c.strip() for c in header.strip("|").split("|")]
    cells = [c.strip().strip("*") for c in row.strip("|").split("|")]
    return dict(zip(names, cells, strict=True))


def test_issue_count_in_readme_matches_the_files() -> None:
    n = len(_errors()["status quo"])
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"over {n} issues", text), f"README should say 'over {n} issues'"
    assert re.search(rf"\b{len(FILES)} real negotiations", text)


@pytest.mark.parametrize("model", ["status quo", "compromise", "median"])
def test_readme_mae_is_the_independent_figure(model: str) -> None:
    errs = _errors()[model]
    assert float(_readme_row("MAE")[model]) == pytest.approx(sum(errs) / len(errs), abs=0.005)
