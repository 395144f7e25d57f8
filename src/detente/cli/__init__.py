"""The ``detente`` command line (typer + rich). Each ``_*.py`` module adds its commands."""

from __future__ import annotations

from detente.cli import (
    _bargain,  # noqa: F401  (bargain, negotiate)
    _evaluate,  # noqa: F401  (evaluate, cases)
    _forecast,  # noqa: F401  (forecast, models, demo)
    _record,  # noqa: F401
    _report,  # noqa: F401  (report)
)
from detente.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
