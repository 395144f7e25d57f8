"""The ``detente`` command line (typer + rich). Each ``_*.py`` module adds its commands."""

from __future__ import annotations

from detente.cli import (
    _bargain,  # noqa: F401  (bargain, negotiate)
    _forecast,  # noqa: F401  (forecast, models, evaluate, demo)
    _record,  # noqa: F401
)
from detente.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    """The ``detente`` entry point (Ctrl-C outside a command also exits 130, quietly)."""
    try:
        app()
    except KeyboardInterrupt:
        import sys

        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
