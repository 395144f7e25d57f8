"""Capability audit of the case bank (docs/case-protocol.md, section 3).

For every case file in ``src/detente/cases/data/`` (and the shipped Geneva 2022 example if it
carries the pattern): each actor whose note states ``CINC(<year>, <COW stateabb>) = <value>`` has
that value in the shipped COW NMC v6.0 extract (to the printed precision), the protocol's year
(the ``as_of`` year, 2016 for later cases, the year before when the episode ended in escalation
within the ``as_of`` year), and ``capability`` = 100 x its share of the case's CINC
sum to 0.01. Actors without the pattern must state the protocol's non-state rule in their note
and carry the smallest state capability of the case.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "src" / "detente" / "cases" / "data"
GENEVA = ROOT / "src" / "detente" / "examples" / "data" / "geneva-2022.yaml"
TABLE = CASES / "nmc-cinc.csv"

CINC_NOTE = re.compile(r"CINC\((\d{4}), ([A-Z]{2,3})\) = ([0-9]*\.[0-9]+(?:[eE]-?\d+)?)")
NON_STATE = "Non-state rule: capability = smallest state capability in the case"


def _files() -> list[Path]:
    files = sorted(CASES.glob("*.yaml"))
    if GENEVA.is_file() and CINC_NOTE.search(GENEVA.read_text(encoding="utf-8")):
        files.append(GENEVA)
    return files


FILES = _files()


def _table() -> dict[tuple[str, int], str]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return {(r["stateabb"], int(r["year"])): r["cinc"] for r in csv.DictReader(fh)}


def _load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def test_the_table_is_the_nmc_extract() -> None:
    table = _table()
    years = {y for _, y in table}
    assert {1938, 1953, 1972, 1973, 1981, 1982, 1990, 1994, 2002, 2008, 2010, 2013, 2016} <= years
    # spot values of the COW NMC v6.0 table (as printed in the source)
    assert table[("GMY", 1938)] == "0.15422215"
    assert table[("USA", 1990)] == "0.14125326"
    # v6.0's rows as printed in the source do not add up to 1 in four of the bank's years
    printed_totals = {1898: 1.02363, 1911: 1.02211, 1913: 1.01802, 2015: 1.0126}
    for year in years:
        # CINC is a share of the world: one year's values add up to 1, or to the source's total
        total = sum(float(v) for (_, y), v in table.items() if y == year)
        if year in printed_totals:
            assert total == pytest.approx(printed_totals[year], abs=0.0005), year
        else:
            assert total == pytest.approx(1.0, abs=0.015), year


def test_there_are_cases_to_audit() -> None:
    assert any(p.parent == CASES for p in FILES)


def _protocol_year(doc: dict[str, Any]) -> int:
    """The NMC year the protocol prescribes: the as_of year (2016 after 2016), or the year before
    when the episode ended in escalation within the as_of year."""
    as_of_year = int(str(doc.get("as_of") or doc["date"])[:4])
    outcome = doc.get("outcome") or {}
    if outcome.get("kind") == "escalation" and int(str(outcome["date"])[:4]) == as_of_year:
        as_of_year -= 1
    return min(as_of_year, 2016)


@pytest.mark.parametrize(
    ("as_of", "outcome", "year"),
    [
        ("1938-09-28", {"kind": "agreement", "date": "1938-09-30"}, 1938),
        ("1982-04-20", {"kind": "escalation", "date": "1982-04-25"}, 1981),
        ("1990-12-31", {"kind": "escalation", "date": "1991-01-17"}, 1990),
        ("2019-02-27", {"kind": "no_agreement", "date": "2019-02-28"}, 2016),
        ("2022-01-10", {"kind": "escalation", "date": "2022-02-24"}, 2016),
    ],
)
def test_the_protocol_year(as_of: str, outcome: dict[str, str], year: int) -> None:
    assert _protocol_year({"as_of": as_of, "outcome": outcome}) == year


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_capability_is_the_cinc_share(path: Path) -> None:
    doc = _load(path)
    table = _table()
    year_expected = _protocol_year(doc)
    raw: dict[str, float] = {}
    non_state: list[dict[str, Any]] = []
    for a in doc["actors"]:
        found = CINC_NOTE.findall(a.get("note", ""))
        if not found:
            assert NON_STATE in a.get("note", ""), (
                f"{path.name} actor {a['id']}: note has neither CINC(<year>, <abb>) = <value> "
                "nor the protocol's non-state rule"
            )
            non_state.append(a)
            continue
        assert len(found) == 1, f"{path.name} actor {a['id']}: more than one CINC pattern"
        year, abb, printed = found[0]
        assert int(year) == year_expected, (
            f"{path.name} {a['id']}: CINC year {year}, the protocol's year is {year_expected}"
        )
        assert (abb, int(year)) in table, f"{path.name} {a['id']}: ({abb}, {year}) not in the table"
        # the note's value is the table's, to the note's printed precision
        places = -Decimal(printed).as_tuple().exponent  # type: ignore[operator]
        assert round(Decimal(table[(abb, int(year))]), places) == Decimal(printed), (
            f"{path.name} {a['id']}: CINC {printed} != table {table[(abb, int(year))]}"
        )
        raw[a["id"]] = float(printed)
    assert raw, f"{path.name}: no state actor carries a CINC"
    total = sum(raw.values())
    for a in doc["actors"]:
        if a["id"] in raw:
            assert a["capability"] == pytest.approx(100 * raw[a["id"]] / total, abs=0.01), a["id"]
    assert sum(a["capability"] for a in doc["actors"] if a["id"] in raw) == pytest.approx(
        100, abs=0.05
    )
    smallest = min(a["capability"] for a in doc["actors"] if a["id"] in raw)
    for a in non_state:
        assert a["capability"] == pytest.approx(smallest, abs=1e-9), a["id"]
