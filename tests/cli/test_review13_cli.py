"""Review 13: what a newcomer hits first on the command line, on inputs of their own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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
  - {actor: USA, issue: enrich, position: 10, salience: 90}
  - {actor: EU3, issue: enrich, position: 20, salience: 70}
"""


def _iran(tmp_path: Path) -> str:
    f = tmp_path / "iran.yaml"
    f.write_text(IRAN, encoding="utf-8")
    return str(f)


@pytest.mark.parametrize("cmd", [
    ["crisis", "{f}", "--draws", "10"],
    ["bargain", "{f}", "--a", "IRN", "--b", "USA"],
    ["report", "{f}", "--a", "IRN", "--b", "USA", "-o", "{d}/r.html"],
])
@pytest.mark.parametrize("bad", ["garbage", "2015-13-01", "20150101"])
def test_a_bad_as_of_is_refused_naming_the_option(
        cmd: list[str], bad: str, tmp_path: Path) -> None:
    # crisis had ignored any --as-of when no actor has an outside option; bargain and report
    # named it 'as_of', the library's spelling
    args = [a.replace("{f}", _iran(tmp_path)).replace("{d}", str(tmp_path)) for a in cmd]
    res = _run([*args, "--as-of", bad])
    assert res.exit_code == 2, res.output
    assert f"--as-of: expected a date YYYY-MM-DD, got '{bad}'" in res.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("option", ["--a", "--b"])
def test_crisis_refuses_an_unknown_actor(option: str, tmp_path: Path) -> None:
    # without outside options the crisis model never looked at --a/--b: a typo passed silently
    res = _run(["crisis", _iran(tmp_path), option, "IRAN", "--draws", "10"])
    assert res.exit_code == 2, res.output
    assert f"{option} IRAN: no such actor" in res.stderr
    assert "IRN, USA, EU3" in res.stderr


def test_crisis_names_resolve_sd(tmp_path: Path) -> None:
    res = _run(["crisis", _iran(tmp_path), "--resolve-sd", "-1", "--draws", "10"])
    assert res.exit_code == 2
    assert "--resolve-sd must be" in res.stderr


def test_crisis_takes_a_good_as_of(tmp_path: Path) -> None:
    res = _run(["crisis", _iran(tmp_path), "--as-of", "2015-04-02", "--draws", "10"])
    assert res.exit_code == 0, res.output


def test_evaluate_on_one_case_shows_no_bootstrap_interval(tmp_path: Path) -> None:
    # resampling a single case gave '[-54.8, -54.8]': an interval of width zero, read as
    # certainty; one case says nothing about others
    obs = tmp_path / "obs.csv"
    obs.write_text("issue,value,date,note,source\nenrich,25,2015-07-14,JCPOA,x\n",
                   encoding="utf-8")
    res = _run(["evaluate", _iran(tmp_path), "--observed", str(obs), "-m", "compromise"])
    assert res.exit_code == 0, res.output
    row = next(line for line in res.stdout.splitlines() if line.startswith("│ compromise"))
    assert "[—]" in row
    assert "none from a single case" in res.stdout
    doc = _run(["evaluate", _iran(tmp_path), "--observed", str(obs), "-m", "compromise",
                "-f", "json"])
    cmp = json.loads(doc.stdout)["vs_status_quo"][0]
    assert cmp["low"] is None and cmp["high"] is None
    assert cmp["difference"] < 0


@pytest.mark.parametrize("typo", ["enrichment", "USA.enrich.postion", "USAA"])
def test_sensitivity_refuses_an_input_that_names_nothing(typo: str, tmp_path: Path) -> None:
    # a typo in --input had been dropped in silence, the analysis run on the other names
    res = _run(["sensitivity", _iran(tmp_path), "--jitter", "position=10", "--input", "enrich",
                "--input", typo, "-n", "8"])
    assert res.exit_code == 2, res.output
    assert f"input '{typo}' names nothing in the scenario" in res.stderr
    assert "IRN, USA, EU3" in res.stderr


def test_sensitivity_keeps_the_named_inputs(tmp_path: Path) -> None:
    res = _run(["sensitivity", _iran(tmp_path), "--jitter", "position=10", "--input",
                "USA.enrich.position", "--input", "EU3", "-n", "8", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert sorted(json.loads(res.stdout)["inputs"]) == ["EU3.enrich.position",
                                                       "USA.enrich.position"]


def test_a_salience_column_wholly_on_0_1_gives_no_note(tmp_path: Path) -> None:
    f = tmp_path / "lit.csv"
    f.write_text(ONE_ISSUE + "USA,100,90,0.8\nCHN,80,10,0.9\n", encoding="utf-8")
    res = _run(["forecast", str(f)])
    assert res.exit_code == 0, res.output
    assert "note:" not in res.stderr


@pytest.mark.parametrize("mean", ["5", "50", "-0.2", "nan"])
def test_ultimatum_refuses_a_mean_off_the_utility_scale(mean: str, tmp_path: Path) -> None:
    # --mean 5 (or 50, thinking of the 0–100 issue scale) had given an 'optimal offer'
    # accepted with probability 0 %, as if it were an answer
    res = _run(["ultimatum", _iran(tmp_path), "--a", "IRN", "--b", "USA", "--mean", mean])
    assert res.exit_code == 2, res.output
    assert "--mean must be in [0, 1]" in res.stderr


def test_ultimatum_takes_a_mean_on_the_utility_scale(tmp_path: Path) -> None:
    res = _run(["ultimatum", _iran(tmp_path), "--a", "IRN", "--b", "USA", "--mean", "0.5",
                "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["mean"] == 0.5


def test_calibrate_refuses_a_missing_save_folder_before_the_run(tmp_path: Path) -> None:
    res = _run(["calibrate", "cases", "--save", str(tmp_path / "no" / "cal.json")])
    assert res.exit_code == 2
    flat = re.sub(r"[│\s]+", " ", res.stderr)  # the usage box wraps at the terminal's width
    assert "--save" in flat and "does not exist" in flat
    assert "coverage" not in res.stdout  # refused before the fit


def test_calibrate_help_paragraph_is_not_broken_mid_sentence() -> None:
    res = _run(["calibrate", "--help"])
    lines = [ln.strip() for ln in res.stdout.splitlines()]
    assert "again; --save writes the fit for `detente simulate --calibration`." in " ".join(lines)
    assert "reported again;" not in lines  # a line ending where the docstring's line ended


def test_show_counts_one_issue_in_the_singular(tmp_path: Path) -> None:
    res = _run(["show", _iran(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "3 actors, 1 issue, 3 stances" in res.stdout


def test_a_bug_in_the_crisis_signal_is_reported_as_a_bug(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a ValueError (never a user's mistake: those are InputError) had been printed as the
    # signal's "error" in the JSON and the signal section left out of the table, exit 0
    import detente.crisis._signal as signal

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("a numerical slip")

    monkeypatch.setattr(signal, "ultimatum_signal", broken)
    for fmt in ("table", "json"):
        res = _run(["crisis", "geneva-2022", "--draws", "50", "-f", fmt])
        assert res.exit_code == 70, res.output
        assert "internal error" in res.stderr and "a numerical slip" in res.stderr
        assert '"error"' not in res.stdout


@pytest.mark.parametrize("cmd", [["bargain"], ["negotiate", "--a", "boulware", "--b", "linear"],
                                 ["ultimatum"]])
def test_a_scenario_without_two_parties_names_the_file_once(
        cmd: list[str], tmp_path: Path) -> None:
    f = _iran(tmp_path)
    res = _run([cmd[0], f, *cmd[1:]])
    assert res.exit_code == 2, res.output
    flat = " ".join(res.stderr.split())
    assert f"{f}: a scenario with 3 actors: pick the two parties" in flat
    assert flat.count("iran.yaml") == 1
