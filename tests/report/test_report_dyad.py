"""The report's dyad (review11): a two-actor scenario gets its two actors by default, as
`detente bargain` does; a salience swept to 0 (nothing left to bargain over) no longer aborts
the report; --a equal to --b is a usage error naming the options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

ROOT = Path(__file__).resolve().parents[2]
TWO = str(ROOT / "tests" / "data" / "review9" / "two-actors-one-issue.yaml")


def test_two_actor_report_has_the_deal_section_by_default(tmp_path: Path) -> None:
    out, given = tmp_path / "a.html", tmp_path / "b.html"
    res = CliRunner().invoke(app, ["report", TWO, "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "no dyad given" not in html
    assert "Is a deal possible" in html
    # the same report as naming the two actors (this used to fail: the indicator sweep set
    # P's only salience to 0 and the bargaining domain refused it)
    res = CliRunner().invoke(app, ["report", TWO, "--a", "P", "--b", "Q", "-o", str(given)])
    assert res.exit_code == 0, res.output
    assert given.read_text(encoding="utf-8") == html


def test_the_same_actor_twice_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["report", "geneva-2022", "--a", "USA", "--b", "USA", "-o",
                                   str(tmp_path / "r.html")])
    assert res.exit_code == 2
    assert "--a and --b must be two different actors" in res.output


def test_a_missing_output_folder_is_refused_before_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.report as report

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("built the report although it cannot be written")

    monkeypatch.setattr(report, "build_report", refuse)
    out = tmp_path / "no" / "such" / "r.html"
    res = CliRunner().invoke(app, ["report", "geneva-2022", "-o", str(out)])
    assert res.exit_code == 2
    # the message sits in a box wrapped to the terminal: read it as one line
    assert "does not exist" in " ".join(res.output.replace("│", " ").split())


def test_reproduce_commands_are_shell_words(tmp_path: Path) -> None:
    """A file name with a space and an actor id with shell characters are quoted in the
    report's "Reproduce:" commands, so that pasting one runs it."""
    import html
    import re
    import shlex
    import shutil

    src = tmp_path / "my case.yaml"
    shutil.copyfile(TWO, src)
    text = src.read_text(encoding="utf-8").replace("id: P,", "id: 'P<1>',").replace(
        "actor: P,", "actor: 'P<1>',")
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    res = CliRunner().invoke(app, ["report", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    cmds = [html.unescape(c) for c in
            re.findall(r"Reproduce: <code>(.*?)</code>", out.read_text(encoding="utf-8"))]
    assert cmds
    for cmd in cmds:
        words = shlex.split(cmd)
        assert words[0] == "detente"
        if words[1] in ("show", "forecast", "bargain", "sensitivity", "simulate"):
            assert words[2] == str(src)
    bargain = next(shlex.split(c) for c in cmds if c.startswith("detente bargain"))
    assert bargain[bargain.index("--a") + 1] == "P<1>"
    show = next(shlex.split(c) for c in cmds if c.startswith("detente show"))
    assert CliRunner().invoke(app, show[1:]).exit_code == 0
