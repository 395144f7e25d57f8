"""The dataset shipped with detente (package data in ``detente/record/data``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from detente.record._csv import read_csv_rows
from detente.record._model import Agreement, Event, Record, RecordError

__all__ = ["load_shipped_record", "shipped_csv"]


def shipped_csv(name: str) -> str:
    """Text of ``agreements.csv`` or ``events.csv`` as shipped."""
    return (resources.files("detente.record") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_shipped_record() -> Record:
    """The shipped record as an in-memory :class:`Record` (no database needed; cached)."""
    _, agreements, p1 = read_csv_rows(shipped_csv("agreements.csv"), "agreements.csv")
    _, events, p2 = read_csv_rows(shipped_csv("events.csv"), "events.csv")
    if p1 or p2:  # pragma: no cover - the shipped files are checked by the tests
        raise RecordError([*p1, *p2])
    return Record(
        agreements=tuple(a for a in agreements if isinstance(a, Agreement)),
        events=tuple(e for e in events if isinstance(e, Event)),
    )
