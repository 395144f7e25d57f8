"""The command line starts fast: `detente --help` and `detente examples` import no numpy, and
the table behind `--help` matches the commands the modules define."""

from __future__ import annotations

import re
import subprocess
import sys

import typer

from detente.cli import COMMANDS, _full_app


def _first_paragraph(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().split("\n\n")[0])


def test_command_table_matches_the_commands() -> None:
    group = typer.main.get_group(_full_app())
    assert sorted(group.commands) == sorted(COMMANDS)
    for name, cmd in group.commands.items():
        assert COMMANDS[name].help == _first_paragraph(cmd.help), name
        callback = getattr(cmd, "callback", None)
        if callback is not None and getattr(callback, "__module__", "").startswith("detente"):
            assert callback.__module__ == f"detente.cli.{COMMANDS[name].module}", name


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from detente.cli import main\n"
        f"sys.argv = ['detente', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    return set(out.stderr.split())


def test_help_and_examples_import_no_numpy() -> None:
    for args in (["--help"], ["examples"]):
        mods = _modules_after(args)
        assert "numpy" not in mods, args
        assert "scipy" not in mods, args
        assert not {"detente.scenario", "detente.collective", "detente.record"} & mods, args


def test_a_command_still_runs_through_the_lazy_group() -> None:
    out = subprocess.run([sys.executable, "-m", "detente", "forecast", "geneva-2022", "-m",
                          "median", "-f", "csv"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "model,issue,outcome"
    bad = subprocess.run([sys.executable, "-m", "detente", "no-such-command"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
