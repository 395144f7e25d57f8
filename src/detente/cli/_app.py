"""The typer application and the shared error handling of every command."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from detente.errors import InputError

__all__ = [
    "SummaryFormat",
    "TableFormat",
    "TableJson",
    "TableJsonCsv",
    "UserError",
    "app",
    "console",
    "err_console",
    "fail",
    "scenario_path",
    "user_errors",
]

app = typer.Typer(
    name="detente",
    help="Model, forecast and explain negotiations between states.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


class TableJsonCsv(StrEnum):
    """Output formats of commands that print tables of values."""

    table = "table"
    json = "json"
    csv = "csv"


class TableJson(StrEnum):
    """Output formats of commands that print a summary."""

    table = "table"
    json = "json"


TableFormat = Annotated[TableJsonCsv, typer.Option("--format", "-f", help="Output format.")]
SummaryFormat = Annotated[TableJson, typer.Option("--format", "-f", help="Output format.")]


UserError = InputError
"""A mistake in the user's input: printed without a traceback, exit status 2."""


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn input errors raised by a command into a clear message and exit status 2."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as e:
            for m in e.messages:
                err_console.print(f"[bold red]error:[/] {_esc(m)}", markup=True)
            raise typer.Exit(2) from None
        except (ValueError, KeyError, FileNotFoundError) as e:
            msg = e.args[0] if isinstance(e, KeyError) and e.args else str(e)
            fail(_esc(str(msg)))
        except BrokenPipeError:  # pragma: no cover - e.g. `detente ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def scenario_path(arg: str) -> Path:
    """A scenario argument: a file, or else the name of a shipped example (``geneva-2022``) or
    of a case in the case bank (``munich-1938``)."""
    path = Path(arg)
    if path.exists():
        return path
    from detente.cases import case_path, list_cases
    from detente.examples import example_path, list_examples

    if arg in list_examples():
        return example_path(arg)
    if arg in list_cases():
        return case_path(arg)
    raise UserError(
        f"{arg}: no such file (and no shipped example or case of that name; examples: "
        f"{', '.join(list_examples())}; cases: see `detente cases`)"
    )


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
