"""Splits for anything tuned on the case bank: odd/even halves and leave-one-case-out.

A parameter tuned on the same cases it is scored on looks better than it is. Tune on one half and
report the other (``subset``), or tune on all cases but one and score that one, for each case in
turn (``leave_one_case_out``; Stone 1974).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import TypeVar

from detente.errors import InputError
from detente.scenario import Scenario, date_span

__all__ = ["case_number", "leave_one_case_out", "subset"]

T = TypeVar("T")


def case_number(scenario: Scenario) -> int:
    """The number whose parity puts a case in the odd or the even half.

    The year of ``as_of`` (else of ``date``); a case without either gets a stable checksum of
    its name (CRC-32), so adding cases to the bank never moves an existing case between halves.
    """
    for text in (scenario.as_of, scenario.date):
        if text:
            try:
                return date_span(text[:10])[0].year
            except ValueError:
                pass
    return zlib.crc32(scenario.name.encode("utf-8"))


def subset(scenarios: Sequence[Scenario], parity: str) -> list[Scenario]:
    """The cases whose :func:`case_number` is ``odd`` or ``even`` (``all`` keeps every case)."""
    if parity == "all":
        return list(scenarios)
    if parity not in ("odd", "even"):
        raise InputError(f"subset must be 'all', 'odd' or 'even', got {parity!r}")
    want = 1 if parity == "odd" else 0
    return [s for s in scenarios if case_number(s) % 2 == want]


def leave_one_case_out(items: Sequence[T]) -> Iterator[tuple[list[T], T]]:
    """``(training, held_out)`` for each item in turn: all other items, and that one."""
    for k, held in enumerate(items):
        yield [x for j, x in enumerate(items) if j != k], held
