"""Text from a scenario, a model or the user is printed as written: ids like "[b]P" or "Q[/]"
are not rich markup (they crashed every command with a MarkupError); detente's own styling
goes through one helper (print_styled) with the values escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.cli._app import console, esc, print_lines, print_styled

ROOT = Path(__file__).resolve().parents[1]
BRACKETS = str(ROOT / "tests" / "data" / "review11" / "brackets.yaml")


def test_print_lines_prints_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    print_lines(["[bold]x[/]", "y [/]"], indent="  ")
    print_lines("one [red]line")
    assert capsys.readouterr().out == "  [bold]x[/]\n  y [/]\none [red]line\n"


def test_print_lines_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    print_lines("note [/]", err=True)
    got = capsys.readouterr()
    assert got.out == "" and got.err == "note [/]\n"


def test_print_styled_keeps_escaped_values(capsys: pytest.CaptureFixture[str]) -> None:
    print_styled(f"[bold]{esc('Q[/]')}[/] vs {esc('[b]P')}")
    assert capsys.readouterr().out == "Q[/] vs [b]P\n"


def test_the_console_does_not_read_markup(capsys: pytest.CaptureFixture[str]) -> None:
    console.print("[b]P and Q[/]")
    assert capsys.readouterr().out == "[b]P and Q[/]\n"


@pytest.mark.parametrize("args", [
    ["show"], ["forecast"], ["forecast", "-m", "eum", "--explain"], ["crisis"], ["bargain"],
    ["simulate", "--draws", "50"], ["diff", BRACKETS], ["ultimatum"],
    ["negotiate", "--a", "boulware", "--b", "linear"],
    ["sensitivity", "--jitter", "position=10"],
])
def test_commands_print_bracketed_ids_as_written(args: list[str]) -> None:
    res = CliRunner().invoke(app, [args[0], BRACKETS, *args[1:]])
    assert res.exit_code == 0, res.output
    assert "bor[/red]der" in res.output or "[link=x]border" in res.output
    assert "internal error" not in res.output


def test_show_prints_names_and_description_as_written() -> None:
    res = CliRunner().invoke(app, ["show", BRACKETS])
    assert res.exit_code == 0, res.output
    for text in ("brackets [/] test", "a [red]description[/red] with [/] brackets", "[bold]P",
                 "[link=x]border", "Q[/]"):
        assert text in res.output


def test_no_command_prints_with_markup_false_by_hand() -> None:
    """One helper prints lines as written (print_lines); no call site repeats markup=False."""
    cli = ROOT / "src" / "detente" / "cli"
    sites = [f"{p.name}:{i}" for p in sorted(cli.glob("*.py")) if p.name != "_app.py"
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "markup=False" in line]
    assert sites == []


# -- found as a new user (review11) -------------------------------------------------------------

GENEVA = "geneva-2022"


def test_a_negative_seed_is_a_usage_error_not_a_bug() -> None:
    for args in (["forecast", GENEVA], ["simulate", GENEVA, "--draws", "20"],
                 ["crisis", GENEVA, "--draws", "10"]):
        res = CliRunner().invoke(app, [*args, "--seed", "-1"])
        assert res.exit_code == 2, res.output
        assert "--seed" in res.output and "internal error" not in res.output


def test_negotiate_names_its_own_party_option() -> None:
    res = CliRunner().invoke(app, ["negotiate", GENEVA, "--a", "boulware", "--b", "linear"])
    assert res.exit_code == 2
    assert "--actors" in res.output and "--a and --b" not in res.output


def test_a_grid_below_two_names_the_grid_option() -> None:
    res = CliRunner().invoke(app, ["bargain", GENEVA, "--a", "USA", "--b", "RUS", "--grid", "1"])
    assert res.exit_code == 2
    assert "--grid" in res.output and "steps" not in res.output


def test_report_refuses_a_grid_below_two(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = CliRunner().invoke(app, ["report", GENEVA, "--grid", "0", "-o", str(out)])
    assert res.exit_code == 2 and "--grid" in res.output
    assert not out.exists()


@pytest.mark.parametrize("args", [
    ["forecast", GENEVA, "--plot", "x.txt"], ["demo", GENEVA, "--plot", "x.jpg"],
    ["simulate", GENEVA, "--plot", "x.gif"], ["credibility", "RUS", "--plot", "x.bmp"],
    ["bargain", GENEVA, "--a", "USA", "--b", "RUS", "--trust-plot", "x.html"],
    ["evaluate", "cases", "--plot", "x.doc"],
])
def test_a_figure_name_without_a_figure_suffix_is_refused_before_any_work(
        args: list[str], tmp_path: Path) -> None:
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2, res.output
    assert "use a .png, .svg or .pdf" in res.output
    assert "forecast per issue" not in res.output  # refused before the models ran
