"""The ``detente`` command line (typer + rich). Each ``_*.py`` module adds its commands.

Start-up is kept short: ``detente --help`` reads the command table below and imports no command
module; running a command imports only the module that defines it (numpy, pydantic and the
models come with it). ``tests/test_cli_startup.py`` checks the table against the commands the
modules define, so it cannot go stale.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

__all__ = ["COMMANDS", "app", "main"]


class _Entry(NamedTuple):
    module: str
    help: str


#: Every top-level command: the module that defines it and its one-line help.
COMMANDS: dict[str, _Entry] = {
    "bargain": _Entry(
        "_bargain",
        'Zone of agreement, bargaining solutions and the trust threshold of a two-'
        'party domain.',
    ),
    "calibrate": _Entry(
        "_simulate",
        'Calibrated intervals: fit the input-noise scale on odd cases, report on '
        'even ones the coverage of the 50 % and 90 % intervals and the CRPS beside '
        "the point forecast's MAE.",
    ),
    "cases": _Entry(
        "_evaluate",
        'List the case bank: real negotiations with what happened (evaluate them '
        'with `detente evaluate cases`; open one with `detente show NAME`).',
    ),
    "check": _Entry(
        "_text",
        "Each claim in an article against the record, and the article's selection "
        'beside it.',
    ),
    "convert": _Entry(
        "_forecast",
        "Convert a scenario to YAML or detente's long CSV (written atomically).",
    ),
    "credibility": _Entry(
        "_record",
        "Credibility of ACTOR's commitments (to --toward, or anyone), with its "
        'drivers.',
    ),
    "credibility-sensitivity": _Entry(
        "_simulate",
        'Which credibility setting (half-life, allegation weight, disputed factor, '
        "prior) moves ACTOR's credibility, and how far: Morris or Sobol indices "
        'over their plausible ranges.',
    ),
    "crisis": _Entry(
        "_crisis",
        'Coercive bargaining on a scenario: who can walk away, the bargaining range'
        ' (Fearon 1995), whether promises can be believed (commitment problem, '
        'Powell 2006), what private costs do (information problem), P(agreement / '
        'standoff / escalation), and a public demand read as a signal (Fearon '
        '1997).',
    ),
    "demo": _Entry(
        "_forecast",
        'Run every registered model on a shipped example, print the forecasts, '
        'write a plot.',
    ),
    "diff": _Entry(
        "_simulate",
        "What two scenarios differ in, and how each model's forecast moves between "
        'them.',
    ),
    "evaluate": _Entry(
        "_evaluate",
        'Score models against what happened: MAE per case and overall, the status-'
        'quo baseline beside them, and the Brier score of the episode outcome where'
        ' a model gives probabilities.',
    ),
    "examples": _Entry(
        "_forecast",
        'List the shipped example scenarios.',
    ),
    "extract": _Entry(
        "_text",
        'Candidate record events in articles: agreement, actor, type, date, '
        'alleger, flags.',
    ),
    "forecast": _Entry(
        "_forecast",
        'Forecast the outcome of each issue with one or more models, side by side.',
    ),
    "models": _Entry(
        "_forecast",
        "List the registered forecasting models, or one model's options, defaults "
        'and reference.',
    ),
    "negotiate": _Entry(
        "_bargain",
        'Run one alternating-offers negotiation and print the trace of offers.',
    ),
    "record": _Entry(
        "_record",
        'The record of agreements kept and broken: agreements, events, show, import, export.',
    ),
    "report": _Entry(
        "_report",
        'Write a case report: key judgements first, then the evidence, figures '
        'inline.',
    ),
    "sensitivity": _Entry(
        "_simulate",
        'Which number would change this forecast: Sobol or Morris indices (SALib) '
        "of each issue's forecast to the uncertain inputs, ranked, and per actor.",
    ),
    "serve": _Entry(
        "_serve",
        'Serve the web dashboard and JSON API (read-only unless --allow-writes).',
    ),
    "show": _Entry(
        "_forecast",
        "Print a scenario's actors, issues and stances as read (to check an input "
        'file).',
    ),
    "simulate": _Entry(
        "_simulate",
        "Monte Carlo over the scenario's uncertain inputs: per issue and model the "
        'mean, median, 50 % and 90 % intervals, P(above), the Monte Carlo standard '
        'error and a convergence check.',
    ),
    "tournament": _Entry(
        "_bargain",
        'Every strategy against every strategy (both orders) on seeded perturbed '
        'copies of a domain: agreement rate, utilities, distance to the Pareto '
        'frontier and the Nash point.',
    ),
    "ultimatum": _Entry(
        "_bargain",
        "The take-it-or-leave-it offer that maximises the proposer's expected "
        "utility when the receiver's reservation value is uncertain, and how it "
        'moves with that uncertainty.',
    ),
}


def _load(module: str) -> None:
    importlib.import_module(f"detente.cli.{module}")


def _full_app() -> Any:
    """The typer application with every command module imported."""
    for module in sorted({e.module for e in COMMANDS.values()}):
        _load(module)
    from detente.cli._app import app as typer_app

    return typer_app


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole typer app (tests, python -m detente)
        return _full_app()
    raise AttributeError(f"module 'detente.cli' has no attribute {name!r}")


def _help_text() -> str:
    width = max(len(name) for name in COMMANDS) + 2
    lines = [
        "Usage: detente [--debug] COMMAND [ARGS]...",
        "",
        "Model, forecast and explain negotiations between states.",
        "",
        "Options:",
        f"  {'--debug':{width}}On an internal error, print the full traceback.",
        f"  {'--help, -h':{width}}Show this message and exit.",
        "",
        "Commands:",
    ]
    for name in sorted(COMMANDS):
        lines.append(f"  {name:{width}}{COMMANDS[name].help}")
    lines += ["", "Run 'detente COMMAND --help' for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """The ``detente`` command: reads the command's name, imports only the module that defines
    it and hands the rest of the line to that command (typer)."""
    import os
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    while args and args[0] == "--debug":
        os.environ["DETENTE_DEBUG"] = "1"
        args.pop(0)
    if not args or args[0] in ("--help", "-h"):
        try:
            print(_help_text(), flush=True)
        except BrokenPipeError:  # `detente --help | head`: the reader left; no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        raise SystemExit(0 if args else 2)
    name, rest = args[0], args[1:]
    entry = COMMANDS.get(name)
    if entry is None:
        close = [c for c in sorted(COMMANDS) if c.startswith(name[:3])]
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        print(f"error: no command '{name}'{hint}; 'detente --help' lists them",
              file=sys.stderr)
        raise SystemExit(2)
    _load(entry.module)
    import typer

    from detente.cli._app import app as typer_app

    command = typer.main.get_group(typer_app).commands[name]
    command.main(args=rest, prog_name=f"detente {name}")
