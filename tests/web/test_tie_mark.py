"""The mark on a forecast cell resting on an exact median tie (``Forecast.ties``), in the web
dashboard's forecast table and the CLI's, without a browser: the rendered HTML is parsed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from detente.cli import app

# four actors of equal weight at 10, 20, 30, 40 on x: every point of [20, 30] is a median;
# on y one actor outweighs the others: no tie
TIED: dict[str, Any] = {
    "name": "tied",
    "actors": [{"id": f"a{k}", "capability": 1} for k in range(4)],
    "issues": [{"id": "x", "scale_min": 0, "scale_max": 100, "status_quo": 0},
               {"id": "y", "scale_min": 0, "scale_max": 100, "status_quo": 0}],
    "stances": [{"actor": f"a{k}", "issue": "x", "position": 10 * (k + 1), "salience": 50}
                for k in range(4)]
    + [{"actor": f"a{k}", "issue": "y", "position": 10 * (k + 1), "salience": 50 + k}
       for k in range(4)],
}


class _Table(HTMLParser):
    """The cells of ``table#forecast-table``: header names, then per row the issue and each
    cell's (text, attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.head: list[str] = []
        self.rows: list[list[tuple[str, dict[str, str]]]] = []
        self.cell: tuple[list[str], dict[str, str]] | None = None
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "table" and a.get("id") == "forecast-table":
            self.inside = True
        if not self.inside:
            return
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" and not self.in_head:
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = ([], a)

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "table":
            self.inside = False
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None:
            text = "".join(self.cell[0]).strip()
            if self.in_head:
                self.head.append(text)
            else:
                self.rows[-1].append((text, self.cell[1]))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[0].append(data)


def test_the_web_table_marks_a_tied_cell() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db="shipped"))) as client:
        r = client.post("/api/scenarios", json={"document": TIED})
        assert r.status_code == 200, r.text
        ref = r.json()["hash"]
        page = client.get("/forecast", params={"s": ref, "model": ["median", "eum", "compromise"]})
        assert page.status_code == 200, page.text
    parser = _Table()
    parser.feed(page.text)
    cols = parser.head
    rows = {row[0][0]: row for row in parser.rows}
    median, eum, comp = (cols.index(m) for m in ("median", "eum", "compromise"))
    for col in (median, eum):
        text, attrs = rows["x"][col]
        assert re.fullmatch(r"25\.0+\*", text), text
        assert attrs.get("class") == "tie"
        assert "exact tie" in attrs["title"] and "from 20 to 30" in attrs["title"]
        assert not rows["y"][col][0].endswith("*")  # y: no tie, no mark
    assert not rows["x"][comp][0].endswith("*")  # the compromise model gives no ties
    assert 'id="tie-legend"' in page.text and "exact tie between positions" in page.text


def test_no_tie_no_mark_no_legend() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db="shipped"))) as client:
        page = client.get("/forecast", params={"s": "geneva-2022", "model": ["compromise"]})
    assert page.status_code == 200
    assert 'class="tie"' not in page.text and 'id="tie-legend"' not in page.text


def test_the_cli_table_marks_the_same_cell(tmp_path: Path) -> None:
    path = tmp_path / "tied.yaml"
    path.write_text(yaml.safe_dump(TIED), encoding="utf-8")
    r = CliRunner().invoke(app, ["forecast", str(path), "-m", "median", "-m", "compromise"])
    assert r.exit_code == 0, r.output
    x = next(line for line in r.stdout.splitlines() if line.startswith("│ x"))
    y = next(line for line in r.stdout.splitlines() if line.startswith("│ y"))
    cells = [c.strip() for c in x.strip("│").split("│")]
    assert cells[3] == "*25.00" and cells[4] == "25.00", cells  # median marked, compromise not
    assert "*" not in y
    assert "* a median resting on an exact tie between positions" in r.stdout
