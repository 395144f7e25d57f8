"""``detente evaluate``: the bank by name, files and folders, formats, the figure, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from detente.cli import app
from detente.examples import example_path

DATA = Path(__file__).parent / "data"
DEU3 = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_json_on_geneva_gives_the_hand_computed_status_quo_mae() -> None:
    code, out, err = run("evaluate", "geneva-2022", "-m", "nash", "-f", "json", "--per-issue")
    assert code == 0, err
    doc = json.loads(out)
    raw = yaml.safe_load(example_path("geneva-2022").read_text(encoding="utf-8"))
    expected = sum(abs(i["status_quo"] - i["observed"]["value"]) for i in raw["issues"]) / 6
    models = {m["model"]: m for m in doc["models"]}
    assert list(models) == ["status_quo", "compromise", "nash", "base_rate"]
    assert models["status_quo"]["mae"] == pytest.approx(expected)
    assert len(doc["issues"]) == 3 * 6
    assert doc["outcomes"] == {"geneva-2022": "escalation"}


def test_table_for_cases_and_a_folder(tmp_path: Path) -> None:
    code, out, err = run("evaluate", "cases", str(DATA), "--plot", str(tmp_path / "f.png"))
    assert code == 0, err
    for word in ("geneva-2022", "fixture-deal-2004", "status_quo", "compromise", "base_rate",
                 "status quo on MAE"):
        assert word in out
    assert (tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG"


def test_subset_keeps_odd_years(tmp_path: Path) -> None:
    code, out, err = run("evaluate", str(DATA), "--subset", "odd", "-f", "json",
                         "-m", "median")
    assert code == 0, err
    assert json.loads(out)["cases"] == ["fixture-talks-1999"]


def test_csv_per_issue_rows() -> None:
    code, out, err = run("evaluate", str(DATA / "fixture-deal-2004.yaml"), "-f", "csv",
                         "--per-issue", "-m", "median")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["model"], r["forecast"], r["error"]) for r in rows if r["model"] != "compromise"
            ] == [("status_quo", "0.0", "40.0"), ("median", "30.0", "10.0")]


def test_long_csv_input(tmp_path: Path) -> None:
    out_csv = tmp_path / "g.csv"
    code, _, err = run("convert", str(DATA / "fixture-talks-1999.yaml"), str(out_csv))
    assert code == 0, err
    code, out, err = run("evaluate", str(out_csv), "-f", "json", "-m", "median")
    assert code == 0, err
    assert json.loads(out)["models"][0]["mae"] == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["atlantis"], "atlantis: no such file or folder", id="unknown-name"),
        pytest.param(["cases", "-m", "xyz"], "unknown model 'xyz'", id="unknown-model"),
        pytest.param(["cases", "--subset", "third"], "--subset must be", id="bad-subset"),
        pytest.param(["cases", "-o", "exponent=3", "-m", "nash"], "must be one of",
                     id="bad-option"),
    ],
)
def test_mistakes_exit_2(args: list[str], expected: str) -> None:
    code, out, err = run("evaluate", *args)
    assert code == 2, (out, err)
    assert expected in err
    assert "Traceback" not in out + err


def test_bad_file_is_located(tmp_path: Path) -> None:
    text = (DATA / "fixture-deal-2004.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("value: 40", "value: 140"), encoding="utf-8")
    line = next(n for n, ln in enumerate(bad.read_text().splitlines(), 1) if "value: 140" in ln)
    code, _, err = run("evaluate", str(DATA), str(bad))
    assert code == 2
    assert f"{bad}, line {line}: field 'value': observed value 140 is outside" in err


@pytest.mark.skipif(not DEU3.is_file(), reason="shared DEU III data not found")
def test_deu_wide_files_work_as_before() -> None:
    code, out, _ = run("evaluate", str(DEU3), "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"model", "n", "mae", "median_ae"}
    assert doc["mae"] == pytest.approx(23.68, abs=0.005)
    code, _, err = run("evaluate", str(DEU3), str(DATA))
    assert code == 2 and "evaluated on its own" in err


def test_show_prints_what_happened() -> None:
    code, out, err = run("show", "geneva-2022")
    assert code == 0, err
    assert "as of 2022-01-10" in out
    assert "outcome: escalation on 2022-02-24" in out


def test_csv_summary_and_json_comparison() -> None:
    code, out, err = run("evaluate", str(DATA), "-f", "csv", "-m", "median")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    sq_all = [r for r in rows if r["model"] == "status_quo" and r["case"] == "(all)"][0]
    assert float(sq_all["mae"]) == pytest.approx((40 + 0 + 20) / 3)
    base = [r for r in rows if r["model"] == "base_rate" and r["case"] == "(all)"][0]
    assert float(base["brier"]) == pytest.approx(2.0)  # each case forecast by the other: wrong
    # neither fixture escalated and neither's base rate gives escalation any probability
    assert float(base["brier_escalation"]) == pytest.approx(0.0)
    code, out, err = run("evaluate", str(DATA), "-f", "json", "-m", "median")
    doc = json.loads(out)
    vs = {c["model"]: c for c in doc["vs_status_quo"]}
    assert set(vs) == {"compromise", "median"}
    assert vs["median"]["n"] == 3


def test_cases_command_and_case_names_everywhere() -> None:
    from detente.cases import list_cases

    code, out, err = run("cases", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["case"] for r in rows] == list_cases()
    geneva = next(r for r in rows if r["case"] == "geneva-2022")
    assert (geneva["as_of"], geneva["outcome"], geneva["observed"]) == (
        "2022-01-10", "escalation", 6)
    for name in list_cases():  # every command that takes a scenario takes a case name
        code, out, err = run("show", name)
        assert code == 0, (name, err)
    code, _, err = run("show", "atlantis-2099")
    assert code == 2 and "no shipped example or case of that name" in err
