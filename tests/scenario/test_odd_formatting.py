"""Odd but legal formatting of the formats detente reads (docs/scenarios.md, "Formats read"):
a byte-order mark, CRLF or CR line ends, trailing blank lines, no final newline, quoted fields,
semicolons or tabs where the docs allow them. Each variant reads as the plain file does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from detente import Scenario, load_scenario
from detente.scenario import write_scenario

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "cases"
pytestmark = pytest.mark.skipif(not CASES.exists(), reason="shared reference data not present")


def _key(sc: Scenario) -> tuple[object, ...]:
    return (tuple((a.id, a.capability) for a in sc.actors),
            tuple((i.id, i.scale_min, i.scale_max, i.status_quo) for i in sc.issues),
            tuple((s.actor, s.issue, s.position, s.salience, s.capability) for s in sc.stances))


def _rewrite(text: str, **kw: object) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", **kw).writerows(rows)  # type: ignore[arg-type]
    return out.getvalue()


def _variants(text: str, *, table: bool, semicolon: bool) -> dict[str, str]:
    out = {
        "bom": "\ufeff" + text,
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "trailing-blank-lines": text.rstrip("\n") + "\n\n\n",
        "no-final-newline": text.rstrip("\n"),
        "bom-crlf-blank": "\ufeff" + text.replace("\n", "\r\n") + "\r\n\r\n",
    }
    if table:
        out["quoted"] = _rewrite(text, quoting=csv.QUOTE_ALL)
    if semicolon:
        out["semicolon"] = _rewrite(text, delimiter=";")
        out["tab"] = _rewrite(text, delimiter="\t")
    return out


def _long(tmp: Path) -> tuple[str, str]:
    p = tmp / "long.csv"
    write_scenario(load_scenario(CASES / "decide" / "copenhagen.csv"), p)
    # comment lines as written, the table's rows quoted as a spreadsheet may quote them
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    comments = "".join(ln for ln in lines if ln.startswith("#"))
    return comments, "".join(ln for ln in lines if not ln.startswith("#"))


@pytest.mark.parametrize(("kind", "source", "table", "semicolon"), [
    ("one-issue", "bdm/jmckib_ExampleActors_EC_emissions.csv", True, True),
    ("one-issue", "bdm/dmasad_HondurasCrisisData.csv", True, True),
    ("ktab", "ktab/SOE-Pol-Comp.csv", True, False),
    ("ktab", "ktab/dummyData_3Dim.csv", True, False),
    ("decide", "decide/copenhagen.csv", False, False),
])
def test_reference_files_read_alike_however_formatted(
        tmp_path: Path, kind: str, source: str, table: bool, semicolon: bool) -> None:
    text = (CASES / source).read_text(encoding="utf-8-sig")
    want = _key(load_scenario(CASES / source))
    for label, variant in _variants(text, table=table, semicolon=semicolon).items():
        p = tmp_path / f"{label}{Path(source).suffix}"
        p.write_bytes(variant.encode("utf-8"))
        assert _key(load_scenario(p)) == want, label


def test_long_csv_reads_alike_however_formatted(tmp_path: Path) -> None:
    comments, table = _long(tmp_path)
    plain = tmp_path / "plain.csv"
    plain.write_text(comments + table, encoding="utf-8")
    want = _key(load_scenario(plain))
    for label, variant in _variants(table, table=True, semicolon=True).items():
        p = tmp_path / f"{label}.csv"
        body = comments.replace("\n", "\r\n") if "crlf" in label else comments
        p.write_bytes((body + variant.lstrip("\ufeff")).encode("utf-8"))
        assert _key(load_scenario(p)) == want, label
