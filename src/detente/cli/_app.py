"""The typer application and the shared error handling of every command."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperArgument, TyperCommand

from detente.errors import InputError, InputNote

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_USER",
    "SummaryFormat",
    "TableFormat",
    "TableJson",
    "TableJsonCsv",
    "UserError",
    "actor_option",
    "db_option",
    "date_option",
    "ConventionalCommand",
    "DetenteTyper",
    "app",
    "console",
    "debug_enabled",
    "err_console",
    "fail",
    "load_record",
    "model_names",
    "esc",
    "figure_path",
    "output_folder",
    "output_path",
    "print_lines",
    "print_styled",
    "print_wide",
    "say_created",
    "scenario_path",
    "user_errors",
]

class ConventionalCommand(TyperCommand):
    """A command whose usage line reads as CLIs usually do: ``detente forecast [OPTIONS] FILE``
    (typer 0.29 writes required arguments as ``{file}``); a repeatable argument is ``FILE...``,
    an optional one ``[DATA]``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = (param.metavar or (param.name or "arg").upper()).removesuffix("...")
                if param.nargs != 1:
                    name += "..."
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for p in params:  # a flag takes no value: no "<bool>" beside --help or --explain
            if getattr(p, "is_flag", False) and p.metavar is None:
                p.metavar = ""
        return params


class DetenteTyper(typer.Typer):
    """A typer application whose commands use :class:`ConventionalCommand`."""

    def command(self, name: str | None = None, *, cls: Any = None,
                **kwargs: Any) -> Callable[[F], F]:
        return super().command(name, cls=cls or ConventionalCommand, **kwargs)


app = DetenteTyper(
    name="detente",
    help="Model, forecast and explain negotiations between states.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# markup off: scenario names, ids and notes are printed as written ("[b]P" is an actor id, not
# bold); detente's own styling goes through print_styled (or style=) with values escaped by esc
console = Console(highlight=False, soft_wrap=True, markup=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)

F = TypeVar("F", bound=Callable[..., Any])


def esc(value: object) -> str:
    """``value`` as text safe inside :func:`print_styled` markup."""
    return _esc(str(value))


def print_styled(text: str, *, err: bool = False) -> None:
    """Print detente's own rich markup (``[bold]…[/]``); values from the user, a scenario or a
    model must be wrapped in :func:`esc`."""
    (err_console if err else console).print(text, markup=True)


def _missing_folder(target: Path) -> str | None:
    """Why no file ``target`` can be written (its folder is missing or not a folder), or None.

    One rule for every output (figures, ``-o``, ``convert``, ``record export``): detente never
    creates missing folders; it refuses them before any work."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        return f"{target}: the folder '{folder}' does not exist (create it first)"
    if not folder.is_dir():
        return f"{target}: '{folder}' is not a folder"
    return None


def output_path(value: Path | None) -> Path | None:
    """Callback of an output file option or argument (``-o``, ``convert OUT``): a missing
    folder or a folder given as the file is a usage error naming the option, before any work."""
    if value is None:
        return value
    why = _missing_folder(value)
    if why is None and value.is_dir():
        why = f"{value}: is a folder: give a file name to write"
    if why is not None:
        raise typer.BadParameter(why)
    return value


def db_option(value: str | None) -> str | None:
    """Callback of ``--db``: an SQLite path (or ``sqlite:///`` URL) in a folder that does not
    exist is a usage error; it had been created, with a fresh database filled with the shipped
    dataset, so a typo in the path read the shipped data as if they were the user's. An
    in-memory SQLite database is a usage error too: the command's writes would end with it."""
    from detente._dburl import IN_MEMORY_REFUSED, in_memory_sqlite

    if value is None or value == "shipped":
        return value
    if in_memory_sqlite(value):
        raise typer.BadParameter(f"{value}: {IN_MEMORY_REFUSED}")
    if "://" in value and not value.startswith("sqlite:///"):
        return value  # a server database: its own driver reports what is wrong
    path = value.removeprefix("sqlite:///")
    if not path:
        return value
    why = _missing_folder(Path(path))
    if why is not None:
        raise typer.BadParameter(why)
    return value


def output_folder(value: Path | None) -> Path | None:
    """Callback of an output folder argument (``record export DIR``): the folder itself is
    created, not the folders that hold it."""
    if value is None:
        return value
    why = _missing_folder(value)
    if why is None and value.exists() and not value.is_dir():
        why = f"{value}: not a folder"
    if why is not None:
        raise typer.BadParameter(why)
    return value


def figure_path(value: Path | None) -> Path | None:
    """Callback of the ``--plot`` options: refuse a name no figure can be written as, or one in
    a missing folder, while the command line is read (a usage error before any model runs)."""
    if value is not None and value.suffix.lower() not in ("", ".png", ".svg", ".pdf"):
        raise typer.BadParameter(f"{value}: use a .png, .svg or .pdf file name")
    return output_path(value)


def print_lines(lines: str | Iterable[str], *, indent: str = "", err: bool = False) -> None:
    """Print lines as written (no rich markup: text from a model, a scenario or the user may
    hold ``[...]``), each after ``indent``; on stderr with ``err``."""
    out = err_console if err else console
    for line in [lines] if isinstance(lines, str) else lines:
        out.print(f"{indent}{line}", markup=False)


def print_wide(table: Table) -> None:
    """Print a wide table whole when the output is not a terminal (a file, a pipe): never
    shorten a number to "370.…" because an 80-column default was assumed."""
    if console.is_terminal:
        console.print(table)
        return
    old = console.width
    console.width = max(old, 160)
    try:
        console.print(table)
    finally:
        console.width = old


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


EXIT_USER = 2
"""Exit status of a mistake in the user's input (an :class:`~detente.errors.InputError`)."""
EXIT_INTERNAL = 70
"""Exit status of an internal error, a bug in detente (``EX_SOFTWARE`` of sysexits.h)."""
EXIT_INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT)."""

_state = {"debug": bool(os.environ.get("DETENTE_DEBUG"))}


@app.callback()
def _global_options(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="On an internal error, print the full traceback (also: DETENTE_DEBUG=1).",
        ),
    ] = False,
) -> None:
    """Model, forecast and explain negotiations between states."""
    _state["debug"] = debug or bool(os.environ.get("DETENTE_DEBUG"))


def debug_enabled() -> bool:
    """Whether ``--debug`` (or ``DETENTE_DEBUG``) asked for tracebacks."""
    return _state["debug"]


_FILE_ERRORS = (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)


def _file_error_message(e: OSError) -> str:
    path = e.filename if e.filename is not None else "<file>"
    what = {
        FileNotFoundError: "no such file",
        IsADirectoryError: "is a folder, expected a file",
        NotADirectoryError: "a part of the path is not a folder",
        PermissionError: "permission denied",
    }.get(type(e), e.strerror or "cannot open")
    return f"{path}: {what}"


def _show_note(message: Warning | str, category: type[Warning], *args: Any,
               **kwargs: Any) -> None:
    """Print an :class:`InputNote` as ``note: …`` on stderr; other warnings as Python would."""
    if issubclass(category, InputNote):
        err_console.print(f"[yellow]note:[/] {_esc(str(message))}", markup=True)
    else:
        _python_showwarning(message, category, *args, **kwargs)


_python_showwarning = warnings.showwarning


def user_errors(func: F) -> F:
    """The error contract of every command.

    * :class:`~detente.errors.InputError` (and only it) is the user's mistake: each located
      problem is printed as ``error: …`` and the exit status is 2. So are the operating system's
      refusals to open a file the user named (not found, a folder, permission, not UTF-8),
      reported with the path.
    * Ctrl-C stops cleanly: ``interrupted``, exit status 130, no traceback.
    * Anything else is a bug in detente: a one-line message asking for a report, exit status 70,
      the traceback with ``--debug``.
    """
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", InputNote)
                warnings.showwarning = _show_note
                return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except InputError as e:
            for m in e.messages:
                err_console.print(f"[bold red]error:[/] {_esc(m)}", markup=True)
            raise typer.Exit(EXIT_USER) from None
        except _FILE_ERRORS as e:
            fail(_esc(_file_error_message(e)), EXIT_USER)
        except UnicodeDecodeError as e:
            fail(_esc(f"not UTF-8 text (byte {e.start}): expected a text file"), EXIT_USER)
        except BrokenPipeError:  # pragma: no cover - e.g. `detente ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            print_lines("interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except MemoryError:
            _internal("out of memory", None)
        except Exception as e:  # noqa: BLE001 - the contract: any other exception is a bug
            _internal(f"{type(e).__name__}: {e}", e)

    return wrapper  # type: ignore[return-value]


def _internal(summary: str, exc: BaseException | None) -> NoReturn:
    first = summary.splitlines()[0] if summary else "unknown error"
    if len(first) > 300:
        first = first[:300] + "…"
    if debug_enabled() and exc is not None:
        print_lines("".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
                    .rstrip(), err=True)
    hint = "" if debug_enabled() else " (run with --debug for the traceback)"
    err_console.print(
        f"[bold red]internal error:[/] {_esc(first)} — this is a bug in detente, not in your "
        f"input; please report it with the command you ran{_esc(hint)}",
        markup=True,
    )
    raise typer.Exit(EXIT_INTERNAL)


@contextlib.contextmanager
def about_file(path: Path) -> Iterator[None]:
    """Give a model's unlocated input error the scenario file it is about: a problem at a
    top-level field (``loc`` ``("as_of",)``: the scenario's own date, checked when the crisis
    model reads the record at it) gets the file and the line of that field (YAML ``as_of:``,
    the long CSV's ``# as_of:``)."""
    try:
        yield
    except InputError as e:
        if not e.problems or any(p.file for p in e.problems):
            raise

        def locate(loc: tuple[str | int, ...]) -> int | None:
            if len(loc) != 1 or not isinstance(loc[0], str):
                return None
            try:
                lines = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                return None
            # top level: YAML at column 0, the long CSV's comment lines, JSON indented ≤ 2
            key = re.compile(rf'^(#\s*|\s{{0,2}}")?{re.escape(loc[0])}"?\s*:')
            return next((n for n, line in enumerate(lines, 1) if key.match(line)), None)

        raise e.located(str(path), locate) from None


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


def date_option(text: str | None, option: str) -> str | None:
    """A date option (``--as-of``) checked as typed, before any work: ``YYYY-MM-DD``, a real
    day; the error names the option."""
    if text is None:
        return None
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option}: expected a date YYYY-MM-DD, got {text!r}") from None
    if len(text) != 10:  # fromisoformat also takes 20220110 and week dates
        raise UserError(f"{option}: expected a date YYYY-MM-DD, got {text!r}")
    not_after_today(date.fromisoformat(text), option)
    return text


def not_after_today(day: Any, option: str) -> None:
    """An as-of date for the record's credibility after today: refused, naming ``option``
    (the rule and its reason: :func:`detente.record._credibility.future_as_of`)."""
    from detente.record._credibility import future_as_of

    if (why := future_as_of(day)) is not None:
        raise UserError(f"{option} {day}: {why}")


def count(n: int, noun: str) -> str:
    """``1 issue``, ``3 issues``, ``1,200 offers``: a count with its noun in the right number."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def actor_option(scenario: Any, actor: str | None, option: str) -> None:
    """An actor option (``--a``) that names no actor of the scenario: a user error."""
    ids = [a.id for a in scenario.actors]
    if actor is not None and actor not in ids:
        raise UserError(f"{option} {actor}: no such actor in scenario '{scenario.name}'; "
                        f"actors: {', '.join(ids)}")


def model_names(given: list[str] | None, default: list[str]) -> list[str]:
    """The models a ``--model/-m`` option names: ``default`` when none is given; ``all`` stands
    for every registered model except the baselines (the status quo); repeats are dropped."""
    if not given:
        return list(default)
    out: list[str] = []
    for name in given:
        if name == "all":
            from detente.collective import list_models

            out.extend(m.name for m in list_models() if not m.baseline)
        else:
            out.append(name)
    return list(dict.fromkeys(out))


def load_record(db: str | None) -> Any:
    """The record behind a ``--db`` option: ``'shipped'`` reads the package's dataset without a
    database; anything else opens the store (``None``: ``$DETENTE_DB`` or the user's default,
    created and filled with the shipped dataset on first use, which is said on stderr)."""
    from detente.record import load_shipped_record, open_store

    if db == "shipped":
        return load_shipped_record()
    with open_store(db) as store:
        say_created(store)
        return store.record()


def say_created(store: Any) -> None:
    """On first use, say where the database was created (on stderr: output stays clean)."""
    if getattr(store, "created", False):
        print_lines(f"created the record database {store.url} (filled with the shipped "
                    "dataset; --db or $DETENTE_DB choose another; --db shipped reads the "
                    "shipped dataset without creating any file)", err=True)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
