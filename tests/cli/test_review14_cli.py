"""Review 14: a second demanding user, on inputs of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from detente.cli import app


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(app, args)


IRAN = """\
name: Iran nuclear talks 2015
actors:
  - {id: IRN, name: Iran, capability: 30}
  - {id: USA, name: United States, capability: 100}
  - {id: EU3, name: E3, capability: 40}
issues:
  - {id: enrich, name: Enrichment cap, status_quo: 80}
stances:
  - {actor: IRN, issue: enrich, position: 90, salience: 95}
  - {actor: USA, issue: enrich, position: 10, salience: SAL}
  - {actor: EU3, issue: enrich, position: 20, salience: 70}
"""


def _iran(tmp_path: Path, sal: str = "90") -> str:
    f = tmp_path / "iran.yaml"
    f.write_text(IRAN.replace("SAL", sal), encoding="utf-8")
    return str(f)


def test_a_yaml_salience_below_1_among_0_100_is_said(tmp_path: Path) -> None:
    # 0.95 meant 95 (a share of 1): read as almost no salience, silently
    res = _run(["forecast", _iran(tmp_path, "0.95")])
    assert res.exit_code == 0, res.output
    assert "note:" in res.stderr
    assert "iran.yaml, line 10: field 'salience': 0.95 is below 1" in res.stderr


def test_a_clean_yaml_gives_no_salience_note(tmp_path: Path) -> None:
    res = _run(["forecast", _iran(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "note:" not in res.stderr


def test_a_long_csv_salience_below_1_among_0_100_is_said(tmp_path: Path) -> None:
    f = tmp_path / "long.csv"
    f.write_text("# name: talks\nactor,issue,position,salience\nIRN,enrich,90,95\n"
                 "USA,enrich,10,0.9\nEU3,enrich,20,70\n", encoding="utf-8")
    res = _run(["forecast", str(f)])
    assert res.exit_code == 0, res.output
    assert "long.csv, line 4: field 'salience': 0.9 is below 1" in res.stderr


@pytest.mark.parametrize(("above", "sure"), [("150", "0"), ("-5", "1")])
def test_simulate_refuses_a_threshold_off_the_scale(
        above: str, sure: str, tmp_path: Path) -> None:
    # --above 150 on 0–100 had given P = 0 for every issue, in silence
    res = _run(["simulate", _iran(tmp_path), "--jitter", "position=10", "-n", "20",
                "--above", above])
    assert res.exit_code == 2, res.output
    assert f"--above {above}: " not in res.stderr  # the value is said once, after the option
    assert f"--above {float(above):g} is outside the issue's scale (enrich 0–100)" in res.stderr
    assert f"would be {sure} by construction" in res.stderr


def test_simulate_takes_a_threshold_on_one_issue_scale_of_several(tmp_path: Path) -> None:
    f = tmp_path / "two.yaml"
    f.write_text(IRAN.replace("SAL", "90").replace(
        "issues:\n", "issues:\n  - {id: money, scale_min: 0, scale_max: 1000}\n")
        + "  - {actor: IRN, issue: money, position: 900, salience: 50}\n"
        + "  - {actor: USA, issue: money, position: 100, salience: 50}\n", encoding="utf-8")
    res = _run(["simulate", str(f), "--jitter", "position=10", "-n", "20", "--above", "500",
                "-f", "json"])
    assert res.exit_code == 0, res.output
    res = _run(["simulate", str(f), "--jitter", "position=10", "-n", "20", "--above", "5000"])
    assert res.exit_code == 2, res.output
    assert "outside every issue's scale (money 0–1000, enrich 0–100)" in res.stderr


@pytest.mark.parametrize("option", ["--a", "--b"])
def test_crisis_says_a_dyad_option_is_idle_without_outside_options(
        option: str, tmp_path: Path) -> None:
    # no actor has an outside option: --a IRN had been ignored in silence
    res = _run(["crisis", _iran(tmp_path), option, "IRN", "--draws", "10"])
    assert res.exit_code == 2, res.output
    assert f"{option} IRN: no actor has an outside option" in res.stderr


def test_crisis_a_without_an_option_names_the_holders(tmp_path: Path) -> None:
    f = tmp_path / "opt.yaml"
    f.write_text(IRAN.replace("SAL", "90") + "outside_options:\n"
                 "  - {actor: USA, action: sanctions, target: [IRN], cost: 0.1, "
                 "imposes: {enrich: 10}}\n", encoding="utf-8")
    res = _run(["crisis", str(f), "--a", "IRN", "--draws", "10"])
    assert res.exit_code == 2, res.output
    assert "--a IRN: no outside option" in res.stderr and "(USA)" in res.stderr
    res = _run(["crisis", str(f), "--a", "USA", "--draws", "10"])
    assert res.exit_code == 0, res.output


def test_credibility_before_the_record_says_it_is_the_prior() -> None:
    # 0.500 on 0 events had been printed like any other figure
    res = _run(["credibility", "RUS", "--as-of", "1800-01-01"])
    assert res.exit_code == 0, res.output
    assert "note: no event on RUS's commitments in the record by 1800-01-01" in res.stderr
    assert "the figure is the prior" in res.stderr
    res = _run(["credibility", "RUS", "--as-of", "2015-01-01"])
    assert res.exit_code == 0, res.output
    assert "note:" not in res.stderr


def test_credibility_refuses_a_date_after_today() -> None:
    res = _run(["credibility", "RUS", "--as-of", "2999-01-01"])
    assert res.exit_code == 2, res.output
    assert "--as-of 2999-01-01: after today" in res.stderr


def test_a_long_csv_without_comment_lines_is_read_as_long(tmp_path: Path) -> None:
    # its four required columns had been taken for a one-issue CSV: "missing column
    # 'Capability'", a column the long format does not need
    f = tmp_path / "long.csv"
    f.write_text("actor,issue,position,salience\nIRN,enrich,90,95\nUSA,enrich,10,90\n"
                 "IRN,money,20,50\nUSA,money,80,50\n", encoding="utf-8")
    res = _run(["forecast", str(f), "-m", "median", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert "enrich" in res.stdout and "money" in res.stdout


@pytest.mark.parametrize("cmd", [
    ["crisis", "{f}", "--draws", "10"],
    ["bargain", "{f}", "--a", "IRN", "--b", "USA"],
    ["report", "{f}", "--a", "IRN", "--b", "USA", "-o", "{d}/r.html"],
])
def test_an_as_of_after_today_is_refused(cmd: list[str], tmp_path: Path) -> None:
    # the record's trust had been read as of 2999, every event discounted to nothing
    args = [a.replace("{f}", _iran(tmp_path)).replace("{d}", str(tmp_path)) for a in cmd]
    res = _run([*args, "--as-of", "2999-01-01"])
    assert res.exit_code == 2, res.output
    assert "--as-of 2999-01-01: after today" in res.stderr
    assert not (tmp_path / "r.html").exists()


def test_bargain_and_negotiate_say_one_issue_and_one_offer(tmp_path: Path) -> None:
    # '1 issues', 'deadline 1 offers'
    res = _run(["bargain", _iran(tmp_path), "--a", "IRN", "--b", "USA"])
    assert res.exit_code == 0, res.output
    assert ": 1 issue, " in res.stdout
    res = _run(["negotiate", _iran(tmp_path), "--a", "boulware", "--b", "conceder",
                "--actors", "IRN,USA", "--steps", "1"])
    assert res.exit_code == 0, res.output
    assert "deadline 1 offer\n" in res.stdout or "deadline 1 offer " in res.stdout
