"""The Geneva 2022 report, built twice through the CLI once per test session (a build runs every
model, the crisis runs and the what-if sweep: seconds, not milliseconds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app

GENEVA_ARGS = ["report", "geneva-2022", "--a", "USA", "--b", "RUS", "--as-of", "2022-01-10"]


@pytest.fixture(scope="session")
def geneva_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("rep")
    paths = []
    for k in range(2):
        path = out / f"r{k}.html"
        res = CliRunner().invoke(app, [*GENEVA_ARGS, "-o", str(path)])
        assert res.exit_code == 0, res.output
        paths.append(path)
    return paths[0], paths[1]


@pytest.fixture(scope="session")
def geneva_html(geneva_files: tuple[Path, Path]) -> tuple[str, str]:
    return (geneva_files[0].read_text(encoding="utf-8"),
            geneva_files[1].read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def geneva_report() -> Any:
    """The Geneva report built in-process (its numbers in ``.data``)."""
    from detente.examples import load_example
    from detente.report import build_report

    return build_report(load_example("geneva-2022"), ref="geneva-2022", a="USA", b="RUS",
                        as_of="2022-01-10")
