"""review17: `detente bargain --nash-weight α` — on a linear pie the Nash deal gives the first
party α (maximise x^α (1 - x)^(1-α): α/x = (1-α)/(1-x), x = α), by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

PIE = """\
name: pie
issues:
  - {id: share, range: [0, 1], steps: 1001}
parties:
  - id: A
    reservation_value: 0
    weights: {share: 1}
    values: {share: increasing}
  - id: B
    reservation_value: 0
    weights: {share: 1}
    values: {share: decreasing}
"""


@pytest.mark.parametrize("alpha", [0.25, 0.5, 0.7])
def test_nash_weight_on_a_pie(tmp_path: Path, alpha: float) -> None:
    f = tmp_path / "pie.yaml"
    f.write_text(PIE)
    res = runner.invoke(app, ["bargain", str(f), "--nash-weight", str(alpha), "-f", "json"])
    assert res.exit_code == 0, res.stdout + res.stderr
    doc = json.loads(res.stdout)
    assert doc["nash_weight"] == alpha
    assert doc["solutions"]["nash"]["utility_a"] == pytest.approx(alpha, abs=1e-3)
    assert doc["solutions"]["kalai"]["utility_a"] == pytest.approx(0.5, abs=1e-3)  # unchanged
    table = runner.invoke(app, ["bargain", str(f), "--nash-weight", str(alpha)])
    assert table.exit_code == 0
    assert ("asymmetric, A's bargaining power α = " in table.stdout) == (alpha != 0.5)


@pytest.mark.parametrize("bad", ["0", "1", "nan", "-0.2"])
def test_bad_nash_weight(tmp_path: Path, bad: str) -> None:
    f = tmp_path / "pie.yaml"
    f.write_text(PIE)
    res = runner.invoke(app, ["bargain", str(f), "--nash-weight", bad])
    assert res.exit_code == 2 and "--nash-weight must be strictly between 0 and 1" in res.stderr
