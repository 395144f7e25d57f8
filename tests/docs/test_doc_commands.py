"""Every command shown in README.md and docs/*.md runs (the examples cannot rot).

A command is a line ``$ detente ...`` in any fenced block, or a line ``detente ...`` in a
``sh``/``bash`` block. The exit status must be 0, or 2 where the documented output that follows
starts with ``error:``. File names used as placeholders in the docs (``scenario.yaml``,
``deu3.csv``, ``input.csv``, ``my-events.csv``) are provided by the fixture.
"""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@dataclass(frozen=True)
class DocCommand:
    page: str
    line: int
    argv: tuple[str, ...]
    expect_error: bool

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def doc_commands() -> list[DocCommand]:
    out = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        lang: str | None = None
        for k, raw in enumerate(lines):
            if raw.startswith("```"):
                lang = raw[3:].strip() if lang is None else None
                continue
            if lang is None:
                continue
            text = raw.strip()
            if text.startswith("$ detente "):
                text = text[2:]
            elif not (lang in ("sh", "bash") and text.startswith("detente ")):
                continue
            argv = shlex.split(text, comments=True)[1:]
            following = lines[k + 1].strip() if k + 1 < len(lines) else ""
            out.append(DocCommand(str(page.relative_to(ROOT)), k + 1, tuple(argv),
                                  following.startswith("error:")))
    return out


COMMANDS = doc_commands()


def test_the_docs_show_commands() -> None:
    assert len(COMMANDS) >= 30
    assert any(c.page == "README.md" for c in COMMANDS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory where the docs' relative paths resolve."""
    if not SHARED.is_dir():
        pytest.skip("../shared (reference cases) is not beside the checkout")
    top = tmp_path_factory.mktemp("docs")
    work = top / "work"
    work.mkdir()
    (top / "shared").symlink_to(SHARED)
    for name in ("src", "tests"):
        (work / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "src/detente/examples/data/geneva-2022.yaml", work / "scenario.yaml")
    shutil.copy(SHARED / "reference/cases/deu3/deu3.csv", work / "deu3.csv")
    shutil.copy(SHARED / "reference/cases/bdm/jmckib_ExampleActors_EC_emissions.csv",
                work / "input.csv")
    (work / "my-events.csv").write_text(
        "id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
        "conduct,source,note\n"
        "EVDOC1,new_start_2010,2011-02-05,USA;RUS,entered_into_force,,,record,,false,,"
        "https://example.org/doc,A test row imported by the docs test.\n",
        encoding="utf-8",
    )
    return work


@pytest.mark.parametrize("cmd", COMMANDS, ids=str)
def test_doc_command_runs(cmd: DocCommand, workdir: Path, monkeypatch: pytest.MonkeyPatch,
                          tmp_path: Path) -> None:
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "record.sqlite"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    result = CliRunner().invoke(app, list(cmd.argv))
    expected = 2 if cmd.expect_error else 0
    assert result.exit_code == expected, (
        f"{cmd}: `detente {' '.join(cmd.argv)}` exited {result.exit_code}\n"
        f"{result.output[-2000:]}\n{result.exception!r}"
    )
