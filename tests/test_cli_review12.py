"""Consistency of the command line (review 11, items N2, N3, N5, N6): one rule for output
folders, messages that name the option typed, conventional usage lines, and the first-use
message of the record database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

GENEVA = "geneva-2022"


# N2: every output refuses a missing folder (never creates it), naming the option, exit 2
@pytest.mark.parametrize(("args", "option"), [
    (["forecast", GENEVA, "--plot", "{d}/x.png"], "--plot"),
    (["demo", GENEVA, "--plot", "{d}/x.png"], "--plot"),
    (["simulate", GENEVA, "--plot", "{d}/x.svg"], "--plot"),
    (["credibility", "RUS", "--db", "shipped", "--plot", "{d}/x.png"], "--plot"),
    (["bargain", GENEVA, "--a", "USA", "--b", "RUS", "--plot", "{d}/x.png"], "--plot"),
    (["bargain", GENEVA, "--a", "USA", "--b", "RUS", "--trust-plot", "{d}/x.png"],
     "--trust-plot"),
    (["evaluate", "cases", "--plot", "{d}/x.pdf"], "--plot"),
    (["report", GENEVA, "-o", "{d}/r.html"], "--output"),
    (["convert", GENEVA, "{d}/x.yaml"], "OUT"),
    (["record", "export", "--db", "shipped", "{d}/out"], "DIR"),
])
def test_a_missing_output_folder_is_refused_naming_the_option(
        args: list[str], option: str, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    res = CliRunner().invoke(app, [a.replace("{d}", str(missing)) for a in args])
    assert res.exit_code == 2, res.output
    flat = re.sub(r"[│\s]+", " ", res.output)  # the usage box wraps at the terminal's width
    assert option in flat
    assert "does not exist" in flat
    assert not (tmp_path / "no").exists()  # nothing was created


def test_record_export_creates_its_folder_but_not_the_folders_above(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["record", "export", "--db", "shipped", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "events.csv").is_file()


def test_convert_refuses_a_folder_as_the_output(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["convert", GENEVA, str(tmp_path)])
    assert res.exit_code == 2
    flat = " ".join(res.output.replace("│", " ").split())  # the error box, unwrapped
    assert "OUT" in flat and "is a folder" in flat


def test_a_figure_in_an_existing_folder_is_written(tmp_path: Path) -> None:
    out = tmp_path / "c.png"
    res = CliRunner().invoke(app, ["credibility", "RUS", "--db", "shipped", "--plot", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 0


def test_save_figure_does_not_create_folders(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from detente._atomic import save_figure
    from detente.errors import InputError

    fig = plt.figure()
    try:
        with pytest.raises(InputError, match="does not exist"):
            save_figure(fig, tmp_path / "no" / "x.png")
    finally:
        plt.close(fig)
    assert not (tmp_path / "no").exists()


# N3: messages name the option or argument the user typed, and come before the slow part
@pytest.mark.parametrize(("args", "expected"), [
    (["crisis", GENEVA, "--demand", "nope=3"], "--demand: unknown issue 'nope'"),
    (["crisis", GENEVA, "--demand", "sanctions=300"], "--demand: 300 on 'sanctions' is outside"),
    (["crisis", GENEVA, "--commitment", "2"], "--commitment must be in [0, 1]"),
    (["crisis", GENEVA, "--sunk", "-1"], "--sunk must be"),
    (["calibrate", "nope"], "DATA must be deu or cases"),
])
def test_messages_name_the_option_typed(
        args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.crisis as crisis

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("ran the models before checking the command line")

    monkeypatch.setattr(crisis, "crisis_forecast", refuse)
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2, res.output
    assert expected in " ".join(res.output.split())


def test_a_valid_demand_is_read_as_a_signal() -> None:
    res = CliRunner().invoke(app, ["crisis", GENEVA, "--demand", "sanctions=40", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert "signal" in res.output and '"error"' not in res.output


# N6: the first use of the record database says how to do without one
def test_the_first_use_message_mentions_db_shipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "new.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    first = CliRunner().invoke(app, ["record", "agreements"])
    assert first.exit_code == 0, first.output
    assert "created the record database" in first.stderr
    assert "--db shipped" in first.stderr
    assert "created the record database" not in first.stdout  # output stays clean
    again = CliRunner().invoke(app, ["record", "agreements"])
    assert "created" not in again.stderr  # said once, on first use


# N5: usage lines read as CLIs usually do (typer 0.29 writes `{file}` and `--help <bool>`)
def _usage(res_output: str) -> str:
    return next(line for line in res_output.splitlines() if "Usage:" in line).strip()


def test_the_forecast_usage_line_is_conventional() -> None:
    res = CliRunner().invoke(app, ["forecast", "--help"])
    assert res.exit_code == 0
    assert _usage(res.output) == "Usage: detente forecast [OPTIONS] SCENARIO"
    assert "<bool>" not in res.output  # a flag takes no value
    assert "SCENARIO" in res.output.split("Usage:")[1].split("Options")[0]  # the argument panel


@pytest.mark.parametrize(("args", "usage"), [
    (["record", "import"], "detente record import [OPTIONS] FILE..."),
    (["record", "export"], "detente record export [OPTIONS] DIR"),
    (["convert"], "detente convert [OPTIONS] SCENARIO OUT"),
    (["calibrate"], "detente calibrate [OPTIONS] [DATA]"),
    (["diff"], "detente diff [OPTIONS] A B"),
    (["credibility"], "detente credibility [OPTIONS] ACTOR"),
])
def test_usage_lines_name_arguments_in_capitals(args: list[str], usage: str) -> None:
    res = CliRunner().invoke(app, [*args, "--help"])
    assert _usage(res.output) == f"Usage: {usage}"


def test_no_usage_line_wraps_an_argument_in_braces() -> None:
    from detente.cli import COMMANDS

    for name in COMMANDS:
        res = CliRunner().invoke(app, [name, "--help"])
        assert res.exit_code == 0, name
        assert "{" not in _usage(res.output), name
