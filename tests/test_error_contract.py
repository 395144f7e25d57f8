"""The error contract of the command line: 0 ok, 2 the user's mistake (InputError and the
file-opening errors, with the path), 70 a bug in detente (one line; the traceback with
--debug), 130 Ctrl-C."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.collective import register
from detente.errors import InputError, LimitError, Problem

runner = CliRunner()


def _bug(scenario: Any, c: Any, *, rng: Any = None) -> Any:
    raise ValueError("a bug inside a model")  # a bare ValueError is not the user's mistake


def _key_bug(scenario: Any, c: Any, *, rng: Any = None) -> Any:
    return {}["missing"]


def _interrupted(scenario: Any, c: Any, *, rng: Any = None) -> Any:
    raise KeyboardInterrupt


@pytest.fixture(autouse=True)
def _test_models() -> Iterator[None]:
    """Three faulty models, registered for these tests only."""
    from detente.collective import _registry

    names = {"_test_bug": _bug, "_test_key_bug": _key_bug, "_test_interrupt": _interrupted}
    for name, f in names.items():
        register(name, summary="test", reference="test")(f)
    yield
    for name in names:
        _registry._REGISTRY.pop(name, None)


@pytest.mark.parametrize("model", ["_test_bug", "_test_key_bug"])
def test_a_bug_is_an_internal_error_not_a_user_error(model: str) -> None:
    r = runner.invoke(app, ["forecast", "geneva-2022", "-m", model])
    assert r.exit_code == 70
    assert "internal error" in r.stderr and "bug in detente" in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_debug_prints_the_traceback() -> None:
    r = runner.invoke(app, ["--debug", "forecast", "geneva-2022", "-m", "_test_bug"])
    assert r.exit_code == 70
    assert "Traceback" in r.stderr and "a bug inside a model" in r.stderr


def test_ctrl_c_stops_cleanly() -> None:
    r = runner.invoke(app, ["forecast", "geneva-2022", "-m", "_test_interrupt"])
    assert r.exit_code == 130
    assert "interrupted" in r.stderr and "Traceback" not in r.stderr


def test_user_errors_exit_2_with_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nactors: [\n", encoding="utf-8")
    r = runner.invoke(app, ["show", str(bad)])
    assert r.exit_code == 2 and str(bad) in r.stderr and "line" in r.stderr
    r = runner.invoke(app, ["forecast", "geneva-2022", "-m", "no-such-model"])
    assert r.exit_code == 2 and "unknown model" in r.stderr
    r = runner.invoke(app, ["forecast", "geneva-2022", "-m", "eum", "-o", "rounds=-1"])
    assert r.exit_code == 2


def test_unreadable_and_folder_paths_are_user_errors(tmp_path: Path) -> None:
    r = runner.invoke(app, ["show", str(tmp_path)])
    assert r.exit_code == 2 and str(tmp_path) in r.stderr
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    r = runner.invoke(app, ["show", str(binary)])
    assert r.exit_code == 2 and "UTF-8" in r.stderr and str(binary) in r.stderr


def test_error_family() -> None:
    assert issubclass(LimitError, InputError)
    assert not issubclass(InputError, ValueError)  # pydantic must not swallow it
    e = InputError([Problem("expected a number", "position", "f.csv", 3)])
    assert str(e) == "f.csv, line 3: field 'position': expected a number"
    assert InputError("no x").located("g.yaml").messages == ("g.yaml: no x",)
