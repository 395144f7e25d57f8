"""Commands simulate, sensitivity, diff, calibrate; what-if on forecast and bargain."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.collective import forecast
from detente.examples import load_example
from detente.uncertainty import apply_whatif, simulate

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_simulate_formats_agree(tmp_path: Path) -> None:
    args = ("simulate", "geneva-2022", "-m", "compromise", "-m", "median", "--draws", "300",
            "--seed", "3", "--jitter", "position=10,salience=25%", "--above", "50")
    code, out, _ = run(*args, "-f", "json")
    assert code == 0
    doc = json.loads(out)
    ref = simulate(load_example("geneva-2022"), ["compromise", "median"], 300, seed=3,
                   jitter="position=10,salience=25%", above=50)
    assert doc["models"] == ref.as_dict()["models"]
    code, out, _ = run(*args, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 12
    assert float(rows[0]["mean"]) == pytest.approx(doc["models"][0]["issues"][0]["mean"])
    code, out, _ = run(*args, "--plot", str(tmp_path / "s.png"))
    assert code == 0 and "P(>50)" in out and (tmp_path / "s.png").stat().st_size > 1000


def test_simulate_threads_same_numbers() -> None:
    """5,000 draws are three chunks: one at a time or three at once, the same numbers."""
    args = ("simulate", "geneva-2022", "-m", "compromise", "--draws", "5000", "--seed", "3",
            "--jitter", "position=10,salience=25%", "-f", "json")
    docs = []
    for t in ("1", "3"):
        code, out, _ = run(*args, "--threads", t)
        assert code == 0
        docs.append(json.loads(out))
        assert docs[-1]["run"]["threads"] == int(t)
    assert docs[0]["models"] == docs[1]["models"]


@pytest.mark.parametrize("extra, words", [
    (("--jitter", "height=3"), "--jitter"),
    (("--draws", "0"), "draws must be"),
    (("--set", "RUS.open_door.height=3"), "field is one of"),
    (("-m", "nope"), "unknown model"),
    (("--workers", "2", "--scheduler", "tcp://127.0.0.1:1"), "not both"),
    (("--threads", "2", "--workers", "2"), "--threads is for a local run"),
    (("--threads", "0",), "--threads"),
])
def test_simulate_user_errors_exit_2(extra: tuple[str, ...], words: str) -> None:
    code, _, err = run("simulate", "geneva-2022", "--draws", "10", *extra)
    assert code == 2 and words in err and "Traceback" not in err


def test_simulate_with_what_if() -> None:
    code, out, _ = run("simulate", "geneva-2022", "--draws", "10", "--set",
                       "RUS.open_door.position=60 ± 10", "--drop", "CHN", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["inputs"] == ["RUS.open_door.position"]


def test_forecast_set_and_drop() -> None:
    code, out, _ = run("forecast", "geneva-2022", "-m", "compromise", "-f", "json",
                       "--set", "RUS.open_door.salience=90", "--drop", "CHN")
    assert code == 0
    got = [i["outcome"] for i in json.loads(out)["forecasts"][0]["issues"]]
    ref = forecast(apply_whatif(load_example("geneva-2022"), ["RUS.open_door.salience=90"],
                                ["CHN"]), "compromise")
    assert got == pytest.approx(ref.outcomes.tolist())
    code, _, err = run("forecast", "geneva-2022", "--drop", "ZZZ")
    assert code == 2 and "no actor 'ZZZ'" in err


def test_bargain_set() -> None:
    base = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "-f", "json")
    moved = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "-f", "json",
                "--set", "RUS.open_door.salience=10")
    assert base[0] == moved[0] == 0
    assert json.loads(base[1]) != json.loads(moved[1])


def test_sensitivity_and_diff(tmp_path: Path) -> None:
    code, out, _ = run("sensitivity", "geneva-2022", "--jitter", "position=10", "-n", "64",
                       "-f", "json", "--input", "open_door")
    assert code == 0
    doc = json.loads(out)
    assert set(doc["issues"]) == {"open_door"}
    assert doc["issues"]["open_door"][0]["input"] == "USA.open_door.position"
    code, out, _ = run("sensitivity", "geneva-2022", "--method", "morris", "-n", "8",
                       "--jitter", "salience=25%", "-m", "eum", "--input", "RUS")
    assert code == 0 and "mu*" in out
    from detente.scenario import write_scenario

    b = apply_whatif(load_example("geneva-2022"), ["USA.capability=30"])
    write_scenario(b, tmp_path / "b.yaml")
    code, out, _ = run("diff", "geneva-2022", str(tmp_path / "b.yaml"), "-m", "compromise")
    assert code == 0 and "USA.capability" in out


def test_calibrate_cases_command() -> None:
    code, out, _ = run("calibrate", "cases", "--draws", "30", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc["test"]) == {"coverage50", "coverage90", "crps", "mae"}
    code, _, err = run("calibrate", "nope")
    assert code == 2 and "deu or cases" in err


def test_calibrate_save_then_simulate_with_the_calibration(tmp_path: Path) -> None:
    from detente.uncertainty import Calibration

    path = tmp_path / "cal.json"
    code, out, _ = run("calibrate", "cases", "--draws", "30", "--save", str(path))
    assert code == 0 and "recalibrated" in out and path.is_file()
    cal = Calibration.load(path)
    code, out, _ = run("calibrate", "cases", "--draws", "30", "-f", "json")
    doc = json.loads(out)
    assert Calibration.from_dict(doc) == cal  # the JSON holds the same calibration
    assert set(doc["recalibrated"]) == {"coverage50", "coverage90", "crps"}
    args = ("simulate", "geneva-2022", "--draws", "200", "--seed", "2", "-f", "json")
    code, out, _ = run(*args, "--calibration", str(path))
    assert code == 0
    got = json.loads(out)
    ref = simulate(load_example("geneva-2022"), "compromise", 200, seed=2, calibration=cal)
    assert got["models"] == ref.as_dict()["models"] and got["jitter"] == cal.jitter
    assert got["calibration"]["jitter"] == cal.jitter
    code, out, _ = run("simulate", "geneva-2022", "--draws", "50", "--calibration", str(path))
    assert code == 0 and "recalibrated" in out
    code, _, err = run(*args, "--calibration", str(path), "--jitter", "position=5")
    assert code == 2 and "not both" in err
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(*args, "--calibration", str(bad))
    assert code == 2 and "bad.json" in err


def test_sensitivity_sobol_sample_not_a_power_of_two_is_a_user_error() -> None:
    code, _, err = run("sensitivity", "geneva-2022", "--jitter", "position=10", "-n", "3")
    assert code == 2
    assert "power of two" in err and "e.g. 4" in err


def test_sensitivity_warns_when_the_intervals_are_too_wide_to_rank() -> None:
    code, out, _ = run("sensitivity", "geneva-2022", "--jitter", "position=10", "-n", "4")
    assert code == 0
    assert "too few samples" in out
    code, out, _ = run("sensitivity", "geneva-2022", "--jitter", "position=10", "-n", "1024")
    assert code == 0
    assert "too few samples" not in out
