"""Review 13: what a newcomer hits first on the command line, on inputs of their own."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from detente.cli import app

ONE_ISSUE = "Actor,Capability,Position,Salience\n"


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(app, args)


def test_a_rescaled_salience_column_is_said_on_forecast(tmp_path: Path) -> None:
    # a typo (180 for 80) rescales every salience; the forecast must say so, not stay silent
    f = tmp_path / "trade.csv"
    f.write_text(ONE_ISSUE + "USA,100,90,180\nCHN,80,10,90\n", encoding="utf-8")
    res = _run(["forecast", str(f)])
    assert res.exit_code == 0, res.output
    assert "note:" in res.stderr and "trade.csv" in res.stderr
    assert "divided by its maximum 180" in res.stderr


def test_one_salience_on_another_scale_is_said(tmp_path: Path) -> None:
    f = tmp_path / "mixed.csv"
    f.write_text(ONE_ISSUE + "USA,100,90,0.8\nCHN,80,10,90\nEU,60,50,40\n", encoding="utf-8")
    res = _run(["forecast", str(f)])
    assert res.exit_code == 0, res.output
    assert "mixed.csv, line 2: field 'Salience'" in res.stderr
    assert "0.8 is below 1" in res.stderr


def test_a_clean_one_issue_file_gives_no_note(tmp_path: Path) -> None:
    f = tmp_path / "clean.csv"
    f.write_text(ONE_ISSUE + "USA,100,90,80\nCHN,80,10,90\n", encoding="utf-8")
    res = _run(["forecast", str(f)])
    assert res.exit_code == 0, res.output
    assert "note:" not in res.stderr
