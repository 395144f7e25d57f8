"""The command line: formats, exit status 2 for user mistakes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

CASES = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "cases"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_forecast_json_shape() -> None:
    code, out, _ = run("forecast", str(CASES / "decide" / "copenhagen.csv"), "--format", "json",
                       "-m", "compromise", "-m", "median")
    assert code == 0
    doc = json.loads(out)
    assert doc["scenario"] == "copenhagen"
    assert [f["model"] for f in doc["forecasts"]] == ["compromise", "median"]
    issues = doc["forecasts"][0]["issues"]
    assert [i["issue"] for i in issues][:2] == ["Newtreaty", "DevlopC2020"]
    assert all(0 <= i["outcome"] <= 100 for i in issues)


def test_forecast_csv_keeps_file_scale() -> None:
    code, out, _ = run("forecast", str(CASES / "bdm" / "dmasad_ExampleActors.csv"), "-f", "csv",
                       "-m", "compromise")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "model,issue,outcome"
    value = float(lines[1].split(",")[2])
    assert 4 <= value <= 10  # the file's 4-10 scale, not rescaled to 0-100


def test_forecast_table_and_nash_note() -> None:
    code, out, _ = run("forecast", str(CASES / "bdm" / "dmasad_ExampleActors.csv"))
    assert code == 0
    assert "compromise" in out and "median" in out
    assert "no status quo" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["forecast", str(CASES / "decide" / "copenhagen_with_errors.csv")],
                     "line 86: field 'position'", id="bad-decide"),
        pytest.param(["forecast", "no/such/file.yaml"], "no/such/file.yaml: no such file",
                     id="missing-file"),
        pytest.param(["forecast", str(CASES / "bdm" / "dmasad_ExampleActors.csv"), "-m", "xyz"],
                     "unknown model 'xyz'", id="unknown-model"),
        pytest.param(["forecast", str(CASES / "bdm" / "dmasad_ExampleActors.csv"), "-m", "nash",
                      "-o", "exponent=3"], "must be one of", id="bad-option"),
        pytest.param(["forecast", str(CASES / "bdm" / "dmasad_ExampleActors.csv"),
                      "-o", "rounds"], "expected NAME=VALUE", id="malformed-option"),
        pytest.param(["evaluate", str(CASES / "bdm" / "dmasad_ExampleActors.csv")],
                     "missing column", id="evaluate-not-deu"),
        pytest.param(["demo", "atlantis"], "no example named 'atlantis'", id="unknown-example"),
    ],
)
def test_user_mistakes_exit_2_without_traceback(args: list[str], expected: str) -> None:
    code, out, err = run(*args)
    assert code == 2, (out, err)
    assert expected in err
    assert "Traceback" not in out + err


def test_evaluate_json_on_deu3() -> None:
    code, out, _ = run("evaluate", str(CASES / "deu3" / "deu3.csv"), "--model", "compromise",
                       "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"model", "n", "mae", "median_ae"}
    assert doc["n"] == 353
    assert doc["mae"] == pytest.approx(23.68, abs=0.005)


def test_evaluate_even_subset_is_smaller() -> None:
    code, out, _ = run("evaluate", str(CASES / "deu3" / "deu3.csv"), "--subset", "even",
                       "-f", "json")
    assert code == 0
    assert 0 < json.loads(out)["n"] < 353


def test_models_lists_references() -> None:
    code, out, _ = run("models")
    assert code == 0
    for name in ("compromise", "median", "nash", "Achen"):
        assert name in out


def test_models_name_gives_one_models_options_in_full() -> None:
    from detente.collective import get_model

    code, out, _ = run("models", "crisis")
    assert code == 0
    for opt in get_model("crisis").options:
        assert f"{opt} = " in out
    assert "compromise" not in out


def test_models_json_lists_every_registered_model_and_its_defaults() -> None:
    from detente.collective import list_models

    code, out, _ = run("models", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert [m["name"] for m in doc] == [s.name for s in list_models()]
    eum = next(m for m in doc if m["name"] == "eum")
    assert {o["name"]: o["default"] for o in eum["options"]}["rounds"] == 10


def test_models_unknown_name_is_a_user_error() -> None:
    code, _, err = run("models", "nosuchmodel")
    assert code == 2
    assert "unknown model 'nosuchmodel'" in err and "compromise" in err


def test_demo_writes_plot(tmp_path: Path) -> None:
    png = tmp_path / "demo.png"
    code, out, _ = run("demo", "ec-emissions", "--plot", str(png))
    assert code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "compromise" in out


def test_console_entry_point_runs() -> None:
    """`python -m detente` is wired to the same app, and a user error exits 2."""
    proc = subprocess.run(
        [sys.executable, "-m", "detente", "forecast", str(CASES / "decide" /
                                                           "copenhagen_with_errors.csv")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "power" in proc.stderr and "Traceback" not in proc.stderr


def test_convert_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "sample.yaml"
    code, _, err = run("convert", str(CASES / "decide" / "sample_data.txt"), str(out))
    assert code == 0, err
    from detente.scenario import load_scenario

    assert load_scenario(out) == load_scenario(CASES / "decide" / "sample_data.txt")
    code, _, err = run("convert", str(out), str(tmp_path / "x.txt"))
    assert code == 2 and "expected a .yaml" in err


def test_show_prints_stances() -> None:
    code, out, _ = run("show", str(CASES / "ktab" / "dummyData_3Dim.csv"))
    assert code == 0
    assert "SActor-00" in out and "75.79" in out and "49.53" in out


def test_forecast_accepts_an_example_name() -> None:
    code, out, _ = run("forecast", "ec-emissions", "-m", "compromise", "-f", "json")
    assert code == 0
    assert json.loads(out)["scenario"] == "EC car emission standards"


def test_model_all_runs_every_registered_model_once() -> None:
    from detente.collective import list_models

    expected = [m.name for m in list_models() if not m.baseline]
    code, out, _ = run("forecast", "ec-emissions", "-m", "all", "-m", "median", "--seed", "0",
                       "-f", "json")
    assert code == 0, out
    assert [f["model"] for f in json.loads(out)["forecasts"]] == expected
    assert "status_quo" not in expected and {"eum", "exchange", "crisis"} <= set(expected)


def test_model_all_in_simulate_and_unknown_model_still_exit_2() -> None:
    code, out, _ = run("simulate", "ec-emissions", "-m", "all", "--draws", "8", "--seed", "1",
                       "--jitter", "position=5", "-f", "json")
    assert code == 0, out
    models = {m["model"] for m in json.loads(out)["models"]}
    assert {"compromise", "median", "nash", "eum", "exchange", "crisis"} <= models
    code, _, err = run("forecast", "ec-emissions", "-m", "everything")
    assert code == 2 and "unknown model 'everything'" in err


def test_model_all_in_evaluate_means_every_registered_model() -> None:
    from detente.collective import list_models

    code, out, _ = run("evaluate", "cuba-1962", "-m", "all", "-f", "json")
    assert code == 0, out
    scored = [m["model"] for m in json.loads(out)["models"]]
    assert {m.name for m in list_models()} <= set(scored)
    # naming one model still scores only it beside the baselines
    code, out, _ = run("evaluate", "cuba-1962", "-m", "median", "-f", "json")
    assert code == 0, out
    assert "eum" not in {m["model"] for m in json.loads(out)["models"]}
