"""The ``detente`` command line (typer + rich). Each ``_*.py`` module adds its commands."""

from __future__ import annotations

from detente.cli import (
    _bargain,  # noqa: F401  (bargain, negotiate)
    _forecast,  # noqa: F401  (forecast, models, evaluate, demo)
    _record,  # noqa: F401
    _text,  # noqa: F401  (extract, check)
)
from detente.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
