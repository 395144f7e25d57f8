"""Round review20: a newsroom analyst's own scenario (Second Thomas Shoal, June 2024) taken
through every face, and the two leftovers of review19 (crisis and report on one's own record;
issue names in the crisis table)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

#: The analyst's scenario as she wrote it from docs/scenarios.md and docs/crisis.md.
STS = """\
name: second-thomas-shoal-2024
date: "2024-06-20"
as_of: "2024-06-20"
actors:
  - {id: CHN, name: China, capability: 60}
  - {id: PHL, name: Philippines, capability: 8}
  - {id: USA, name: United States, capability: 90}
  - {id: JPN, name: Japan, capability: 20}
issues:
  - {id: resupply, name: Resupply of the Sierra Madre, status_quo: 30}
  - {id: ship, name: Sierra Madre stays on the shoal, status_quo: 60,
     decision: {unilateral: PHL}}
  - {id: ccg_force, name: China Coast Guard use of force, status_quo: 70,
     decision: {unilateral: CHN}}
  - {id: us_escort, name: US escort of resupply missions, status_quo: 10,
     decision: {joint: [USA, PHL]}}
stances:
  - {actor: CHN, issue: resupply, position: 20, salience: 70, commitment: 0.6,
     red_line: {side: above, value: 50}, private: {position: 45, salience: 60}}
  - {actor: CHN, issue: ship, position: 0, salience: 80, commitment: 0.6}
  - {actor: CHN, issue: ccg_force, position: 80, salience: 60}
  - {actor: CHN, issue: us_escort, position: 0, salience: 90, red_line: {side: above, value: 40}}
  - {actor: PHL, issue: resupply, position: 90, salience: 90, commitment: 0.6}
  - {actor: PHL, issue: ship, position: 80, salience: 95, red_line: {side: below, value: 40}}
  - {actor: PHL, issue: ccg_force, position: 10, salience: 70}
  - {actor: PHL, issue: us_escort, position: 40, salience: 40}
  - {actor: USA, issue: resupply, position: 80, salience: 40}
  - {actor: USA, issue: ccg_force, position: 10, salience: 40}
  - {actor: USA, issue: us_escort, position: 30, salience: 50}
  - {actor: JPN, issue: resupply, position: 75, salience: 30}
  - {actor: JPN, issue: ccg_force, position: 20, salience: 30}
outside_options:
  - {actor: CHN, target: [PHL], action: blockade the shoal and tow the ship, cost: 0.3,
     target_cost: 0.4, imposes: {resupply: 0, ship: 0, ccg_force: 100}, date: "2024-06-17"}
"""


def _write(tmp_path: Path, text: str = STS, name: str = "sts.yaml") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def _refused(tmp_path: Path, text: str) -> str:
    """Run `detente forecast` on TEXT; it must be refused (exit 2) without a traceback."""
    r = CliRunner().invoke(app, ["forecast", str(_write(tmp_path, text))])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    return r.output


def test_an_unquoted_impossible_date_is_refused_at_its_line(tmp_path: Path) -> None:
    """`date: 2024-13-01` unquoted is a YAML timestamp that cannot be built: the error named
    only the file ('a value that cannot be read: month must be in 1..12')."""
    out = _refused(tmp_path, STS.replace('date: "2024-06-20"', "date: 2024-13-01"))
    assert "sts.yaml, line 2" in out
    assert "2024-13-01" in out and "month must be in 1..12" in out


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    # PHL wants 80 but says the outcome must not be below 90: its own wish crosses its red line
    ("red_line: {side: below, value: 40}", "red_line: {side: below, value: 90}", 21,
     "red_line"),
    # CHN's private position 55 crosses its own red line (not above 50)
    ("private: {position: 45, salience: 60}", "private: {position: 55, salience: 60}", 17,
     "red_line"),
])
def test_a_red_line_its_own_actor_crosses_is_refused(tmp_path: Path, old: str, new: str,
                                                     line: int, field: str) -> None:
    out = _refused(tmp_path, STS.replace(old, new))
    assert f"line {line}" in out and f"field '{field}'" in out
    assert "own" in out


def test_a_status_quo_across_a_red_line_is_not_an_error(tmp_path: Path) -> None:
    """A red line the status quo crosses is what a challenger's demand is (21 of the bank's red
    lines): it reads, and the forecast runs."""
    f = _write(tmp_path, STS.replace("red_line: {side: below, value: 40}",
                                     "red_line: {side: below, value: 70}"))
    r = CliRunner().invoke(app, ["forecast", str(f), "-m", "crisis"])
    assert r.exit_code == 0, r.output
