"""README's case-bank base-rate Brier scores, recomputed without detente.

The episode outcomes are read from the raw case files (``yaml.safe_load``); the base rate is the
leave-one-case-out frequency of each outcome kind, scored with the multi-class Brier score
(sum over agreement / no_agreement / escalation of (p − o)²) and the binary Brier score of
P(escalation), as defined in docs/evaluation.md. No detente reader or scorer is used.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "src/detente/cases/data").glob("*.yaml")) + [
    ROOT / "src/detente/examples/data/geneva-2022.yaml"
]
KINDS = ("agreement", "no_agreement", "escalation")


def _readme_cell(row_label: str, column: str) -> str:
    lines = [ln for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if ln.startswith("|")]
    header = next(ln for ln in lines if "status quo" in ln and "base rate" in ln)
    cols = [c.strip() for c in header.split("|")]
    row = next(ln for ln in lines if ln.split("|")[1].strip() == row_label)
    return row.split("|")[cols.index(column)].strip().strip("*")


def _base_rate_briers() -> tuple[float, float]:
    kinds = [yaml.safe_load(f.read_text(encoding="utf-8"))["outcome"]["kind"] for f in FILES]
    assert set(kinds) <= set(KINDS)
    multi, esc = [], []
    for i, k in enumerate(kinds):
        rest = kinds[:i] + kinds[i + 1:]
        p = {c: rest.count(c) / len(rest) for c in KINDS}
        multi.append(sum((p[c] - (c == k)) ** 2 for c in KINDS))
        esc.append((p["escalation"] - (k == "escalation")) ** 2)
    return sum(multi) / len(multi), sum(esc) / len(esc)


def test_case_count_is_readmes() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{len(FILES)} real negotiations between states" in text


def test_readme_base_rate_brier_is_the_independent_figure() -> None:
    multi, esc = _base_rate_briers()
    assert _readme_cell("Brier", "base rate") == f"{multi:.3f}"
    assert _readme_cell("Brier P(escalation)", "base rate") == f"{esc:.3f}"
