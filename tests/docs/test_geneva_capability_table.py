"""docs/geneva-2022.md's table of the compromise forecast under other capability formulas,
recomputed without detente.

Capabilities come from the shared indicator CSV (csv module) by the file's formula — 100 × the
mean over the chosen indicators of each actor's share, rounded to 2 decimals — and positions and
saliences from the example's YAML (``yaml.safe_load``); the compromise forecast is the
capability × salience weighted mean of the positions (Achen 2006), in plain Python.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CAPS = ROOT.parent / "shared" / "reference" / "geneva-2022" / "geneva-2022-capabilities.csv"
EXAMPLE = ROOT / "src/detente/examples/data/geneva-2022.yaml"
ALL = ("military_expenditure", "gdp", "nuclear_warheads_total_inventory",
       "active_military_personnel")
ROWS = {
    "formula above": ALL,
    "military spending only": ("military_expenditure",),
    "without warheads": ("military_expenditure", "gdp", "active_military_personnel"),
    "equal capability": (),
}

pytestmark = pytest.mark.skipif(not CAPS.exists(), reason="shared reference data not present")


def _doc_table() -> tuple[list[str], dict[str, list[float]]]:
    lines = (ROOT / "docs/geneva-2022.md").read_text(encoding="utf-8").splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("| capability from |"))
    issues = [x.strip() for x in lines[k].split("|")[2].replace("compromise on", "").split("/")]
    rows = {}
    for ln in lines[k + 2:]:
        if not ln.startswith("|"):
            break
        label, cells = ln.split("|")[1].strip(), ln.split("|")[2]
        rows[label] = [float(x) for x in cells.split("/")]
    return issues, rows


def _compromise(indicators: tuple[str, ...], issues: list[str]) -> list[float]:
    doc = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    actors = [a["id"] for a in doc["actors"]]
    values: dict[tuple[str, str], float] = {}
    with CAPS.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["indicator"] in ALL and row["actor_iso3"] in actors:
                values[(row["actor_iso3"], row["indicator"])] = float(row["value"])
    if indicators:
        total = {i: sum(values[(a, i)] for a in actors) for i in indicators}
        cap = {a: round(100 * sum(values[(a, i)] / total[i] for i in indicators)
                        / len(indicators), 2) for a in actors}
    else:
        cap = dict.fromkeys(actors, 1.0)
    ids = [i["id"] for i in doc["issues"]]
    out = []
    for token in issues:  # the table's short names: the one issue id containing each
        (iss,) = [i for i in ids if token in i]
        st = [s for s in doc["stances"] if s["issue"] == iss]
        w = [cap[s["actor"]] * float(s["salience"]) for s in st]
        out.append(sum(wi * float(s["position"]) for wi, s in zip(w, st, strict=True)) / sum(w))
    return out


def test_capability_formulas_table_is_the_independent_figure() -> None:
    issues, rows = _doc_table()
    assert set(rows) == set(ROWS)
    for label, indicators in ROWS.items():
        got = [round(x, 1) for x in _compromise(indicators, issues)]
        assert rows[label] == got, label
