"""Every reference input the docs say detente reads (docs/scenarios.md, "Formats read") loads
with the numbers its source gives: each actor's capability, position and salience, read here
with the csv module alone (salience on 0-1 is stored x100, as documented)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from detente import load_scenario

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "cases"
pytestmark = pytest.mark.skipif(not CASES.exists(), reason="shared reference data not present")


def _files(folder: str, *exts: str) -> list[str]:
    if not CASES.exists():
        return []
    return sorted(p.name for p in (CASES / folder).iterdir() if p.suffix in exts)


@pytest.mark.parametrize("name", _files("bdm", ".csv", ".tsv"))
def test_one_issue_files_keep_every_number(name: str) -> None:
    path = CASES / "bdm" / name
    text = path.read_text(encoding="utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text), delimiter="\t" if name.endswith(".tsv")
                                  else ",") if any(c.strip() for c in r)]
    head = [c.strip().lower() for c in rows[0]]

    def col(*names: str) -> int:
        return next(head.index(n) for n in names if n in head)

    ix, ic, js = col("x", "position"), col("c", "capability", "capabilities", "resources"), \
        col("s", "salience")
    ia = next((head.index(n) for n in ("name", "actor", "stakeholder") if n in head), 0)
    sal = [float(r[js]) for r in rows[1:]]
    factor = 100.0 if max(sal) <= 1 else 1.0
    assert max(sal) <= 100  # (no file here needs the >100 rescaling)
    sc = load_scenario(path)
    assert len(sc.actors) == len(rows) - 1
    by_label = {a.label: a for a in sc.actors}
    for r in rows[1:]:
        actor = by_label[r[ia].strip()]
        stance = sc.stance(actor.id, sc.issues[0].id)
        assert stance is not None
        assert actor.capability == pytest.approx(float(r[ic]), rel=1e-12)
        assert stance.position == pytest.approx(float(r[ix]), rel=1e-12)
        assert stance.salience == pytest.approx(float(r[js]) * factor, rel=1e-12)


@pytest.mark.parametrize("name", _files("ktab", ".csv"))
def test_ktab_files_keep_every_number(name: str) -> None:
    path = CASES / "ktab" / name
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if any(c.strip() for c in r)]
    dims = int(rows[0][3])
    sc = load_scenario(path)
    assert len(sc.issues) == dims and len(sc.actors) == int(rows[0][2]) == len(rows) - 2
    for r in rows[2:]:
        a = r[0].strip()
        assert sc.actor(a).capability == pytest.approx(float(r[2]), rel=1e-12)
        for d, issue in enumerate(sc.issues):
            stance = sc.stance(a, issue.id)
            assert stance is not None
            assert stance.position == pytest.approx(float(r[3 + 2 * d]), rel=1e-12)
            assert stance.salience == pytest.approx(float(r[4 + 2 * d]), rel=1e-12)


@pytest.mark.parametrize("name", ["cop21.csv", "copenhagen.csv", "sample_data.txt"])
def test_decide_files_keep_every_number(name: str) -> None:
    path = CASES / "decide" / name
    sc = load_scenario(path)
    ids = {i.id for i in sc.issues} | {i.name: i.id for i in sc.issues}.keys()
    by_name = {i.name: i.id for i in sc.issues}
    n = 0
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        f = [c.strip().strip("'\"") for c in line.split("\t")]
        if f[0] != "#D":
            continue
        issue = f[2] if f[2] in {i.id for i in sc.issues} else by_name[f[2]]
        assert f[2] in ids
        stance = sc.stance(f[1], issue)
        assert stance is not None
        assert stance.position == pytest.approx(float(f[3]), rel=1e-12)
        assert stance.salience == pytest.approx(100 * float(f[4]), rel=1e-12)
        assert stance.capability == pytest.approx(float(f[5]), rel=1e-12)
        n += 1
    assert n == len(sc.stances) > 0
