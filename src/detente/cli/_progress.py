"""Progress on long runs: an estimate before a big model run starts, and a live status line.

A run whose estimate (:mod:`detente.collective._budget`) is over a second shows a rich status
line on the error stream, when it is a terminal, with the elapsed time; over ten seconds the
estimate is printed first, so that the user can stop it (Ctrl-C stops cleanly, exit 130).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from detente.cli._app import err_console, print_lines

__all__ = ["long_run"]

SHOW_AFTER_S = 1.0
ANNOUNCE_AFTER_S = 10.0


@contextmanager
def long_run(model: str, n_actors: int, n_issues: int,
             options: Mapping[str, Any] | None = None) -> Iterator[None]:
    """Check the run's bound (a LimitError beyond it); show its progress if it is long."""
    from detente.collective._budget import check_work

    est = check_work(model, n_actors, n_issues, options)
    seconds = est.seconds or 0.0
    if seconds >= ANNOUNCE_AFTER_S:
        print_lines(f"{est.describe()} (estimate; Ctrl-C stops)", err=True)
    if seconds < SHOW_AFTER_S or not err_console.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        progress.add_task(f"{model}: {n_actors:,} actors × {n_issues:,} issues", total=None)
        yield
