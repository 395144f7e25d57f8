"""Small builders for hand-made records (tests only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from detente.record import Agreement, Event, Record

SRC = "https://example.org/source"
LEDGER = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "ledger"


def agreement(id: str = "t", parties: str = "AAA;BBB", kind: str = "treaty") -> Agreement:
    return Agreement(id=id, name=id, kind=kind, parties=parties, domain="arms_control",
                     signed="2000-01-01", source=SRC)


def event(id: str, date: str, actors: str = "AAA", type: str = "kept", agreement: str = "t",
          **kw: Any) -> Event:
    data: dict[str, Any] = {"id": id, "agreement": agreement, "date": date, "actors": actors,
                            "type": type, "source": SRC}
    if type == "violation_alleged":
        data.setdefault("alleged_by", "BBB")
    if type == "violation_established":
        data.setdefault("established_by", "IAEA")
    data.update(kw)
    return Event.model_validate(data)


def record(*events: Event, agreements: tuple[Agreement, ...] | None = None) -> Record:
    return Record(agreements=agreements or (agreement(),), events=events)
