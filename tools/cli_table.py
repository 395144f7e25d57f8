"""Regenerate the command table of ``src/detente/cli/__init__.py`` from the command modules.

Run after adding or renaming a command: ``python tools/cli_table.py MODULE...`` imports every
module named (e.g. ``_crisis``) besides those already in the table, and rewrites the table with
each command's module and the first paragraph of its help. ``tests/test_cli_startup.py`` fails
while the table is stale.
"""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
from pathlib import Path

import typer

INIT = Path(__file__).resolve().parents[1] / "src" / "detente" / "cli" / "__init__.py"


def main(extra: list[str]) -> None:
    from detente.cli import COMMANDS
    from detente.cli._app import app

    modules = sorted({e.module for e in COMMANDS.values()} | set(extra))
    owner: dict[str, str] = {}
    for m in modules:
        before = set(typer.main.get_group(app).commands)
        importlib.import_module(f"detente.cli.{m}")
        for name in set(typer.main.get_group(app).commands) - before:
            owner[name] = m
    group = typer.main.get_group(app)
    lines = []
    for name, cmd in sorted(group.commands.items()):
        text = re.sub(r"\s+", " ", (cmd.help or "").strip().split("\n\n")[0])
        parts = textwrap.wrap(text, 74, drop_whitespace=False) or [""]
        lines.append(f'    "{name}": _Entry(\n        "{owner[name]}",')
        lines += [f"        {p!r}" + ("," if k == len(parts) - 1 else "")
                  for k, p in enumerate(parts)]
        lines.append("    ),")
    src = INIT.read_text(encoding="utf-8")
    head = "COMMANDS: dict[str, _Entry] = {\n"
    start = src.index(head) + len(head)
    end = src.index("}\n\n\ndef _load")
    INIT.write_text(src[:start] + "\n".join(lines) + "\n" + src[end:], encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
