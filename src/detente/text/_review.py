"""Review: turning candidates into record events and writing them through the store.

The functions here hold no terminal code: ``detente extract --review`` and the web review page
call them. Writing is all or nothing (one transaction of the record store); each event keeps its
source (the article's URL) and the sentence it came from (in ``note``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from detente.errors import InputError, Problem
from detente.record import Event, ImportReport, Record, Store
from detente.text._extract import Candidate

__all__ = ["Decision", "accept_all", "already_recorded", "candidate_to_event", "event_id",
           "review", "same_act", "to_events", "write_events"]


@dataclass(frozen=True)
class Decision:
    """A reviewer's answer for one candidate: ``accept``, ``reject``, or ``edit`` with changes
    (field name → new value: agreement, actors, type, date, alleged_by)."""

    action: str
    changes: tuple[tuple[str, Any], ...] = ()


def event_id(c: Candidate, source: str) -> str:
    """A stable id for the event a candidate becomes (re-importing an article replaces it)."""
    key = "|".join([source, c.sentence, c.agreement, ";".join(c.actors), c.type, c.date or ""])
    return "TX" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10].upper()


def candidate_to_event(c: Candidate, record: Record, source: str | None = None) -> Event:
    """The record event a candidate stands for; InputError says what is missing."""
    src = source or c.url
    problems = []
    where = f"{c.doc}, sentence {c.sentence_index + 1}"
    if not src:
        problems.append(Problem(f"{where}: no source URL (give --source URL, or an article with "
                                "a canonical link or a 'URL:' line)", field="source"))
    if not c.is_fact:
        problems.append(Problem(f"{where}: negated or hypothetical act cannot be recorded",
                                field="type"))
    if not c.date:
        problems.append(Problem(f"{where}: no date in the text; edit it to add one",
                                field="date"))
    if not record.has(c.agreement):
        problems.append(Problem(f"{where}: unknown agreement {c.agreement!r}", field="agreement"))
    if problems:
        raise InputError(problems)
    actors = c.actors
    if "*" in actors:
        actors = record.agreement(c.agreement).parties
    data: dict[str, Any] = {
        "id": event_id(c, str(src)), "agreement": c.agreement, "date": c.date,
        "actors": actors, "type": c.type, "source": src,
        "note": f'From the text: "{c.sentence[:400]}" ({c.doc})',
    }
    if c.type == "violation_alleged":
        data["alleged_by"] = c.alleged_by
        data["evidence"] = c.evidence if c.evidence in ("allegation", "determination") \
            else "allegation"
        data["disputed"] = True
    try:
        return Event.model_validate(data)
    except ValueError as e:
        raise InputError([Problem(f"{where}: {e}", field="event")]) from None


def already_recorded(c: Candidate, record: Record, source: str | None = None) -> Event | None:
    """The event of ``record`` that already records ``c``'s act (the claim check's *confirmed*,
    or the first allegation of a violation the candidate restates), or None when the act is
    new. The candidate's own earlier import (same event id) does not count: it is replaced."""
    from detente.text._check import check

    if not c.is_fact or not record.has(c.agreement):
        return None
    own = event_id(c, str(source or c.url or ""))
    v = check([c], record)[0]
    ids = [i for i in v.event_ids if i != own]
    if not ids or v.status not in ("confirmed", "not_in_record"):
        return None
    return next(e for e in record.events if e.id == ids[0])


def same_act(ev: Event, known: Event) -> Event:
    """``ev`` recorded as another source for ``known``'s act: it takes ``known``'s conduct key
    (its id when it has none), so that credibility counts the act once, and its note says so.
    Written as a new act, the suspension of a treaty read in two sentences of an article and
    already in the record counted three times."""
    key = known.conduct or known.id
    return ev.model_copy(update={
        "conduct": key,
        "note": f"{ev.note} Same act as {known.id} (conduct {key}: counted once)."})


def to_events(candidates: Sequence[Candidate], record: Record, source: str | None = None
              ) -> tuple[list[Event], list[str]]:
    """Events for the candidates that can be recorded, and a reason for each one skipped. A
    candidate whose act the record already holds, or an earlier candidate of the same batch
    does (two sentences on one act), becomes another source for it (:func:`same_act`)."""
    events: list[Event] = []
    skipped: list[str] = []
    seen = record
    for c in candidates:
        try:
            ev = candidate_to_event(c, record, source)
        except InputError as e:
            skipped.extend(e.messages)
            continue
        known = already_recorded(c, seen, source)
        if known is not None:
            ev = same_act(ev, known)
        events.append(ev)
        seen = seen.with_items(events=[ev])
    return events, skipped


def accept_all(candidates: Sequence[Candidate], min_confidence: float = 0.0
               ) -> list[Candidate]:
    """The factual candidates at or above ``min_confidence``."""
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError([Problem(f"min-confidence must be in [0, 1], got {min_confidence}",
                                  field="min_confidence")])
    return [c for c in candidates if c.is_fact and c.confidence >= min_confidence]


_EDITABLE = {"agreement", "actors", "type", "date", "alleged_by"}


def apply_decision(c: Candidate, d: Decision) -> Candidate | None:
    """The candidate after a decision (None if rejected)."""
    if d.action == "reject":
        return None
    if d.action == "accept":
        return c
    if d.action != "edit":
        raise InputError([Problem(f"unknown review action {d.action!r}", field="action")])
    changes: dict[str, Any] = {}
    for k, v in d.changes:
        if k not in _EDITABLE:
            raise InputError([Problem(f"cannot edit {k!r}; editable: {sorted(_EDITABLE)}",
                                      field=k)])
        if k in ("actors", "alleged_by") and isinstance(v, str):
            v = tuple(x.strip() for x in v.replace(",", ";").split(";") if x.strip())
        changes[k] = v if v != "" else None if k == "date" else v
    return replace(c, negated=False, hypothetical=False, **changes)


def review(candidates: Sequence[Candidate], decide: Callable[[Candidate], Decision]
           ) -> list[Candidate]:
    """Ask ``decide`` about every candidate; the accepted (possibly edited) ones."""
    out = []
    for c in candidates:
        new = apply_decision(c, decide(c))
        if new is not None:
            out.append(new)
    return out


def write_events(store: Store, events: Sequence[Event]) -> ImportReport:
    """Write ``events`` in one transaction (nothing is written if any is invalid)."""
    if not events:
        return ImportReport()
    current = store.record()
    agreements = {e.agreement for e in events}
    missing = sorted(a for a in agreements if not current.has(a))
    if missing:
        raise InputError([Problem(f"the store has no agreement {a!r}", field="agreement")
                          for a in missing])
    batch = Record(agreements=tuple(current.agreement(a) for a in sorted(agreements)),
                   events=tuple(events))
    report = store.add(batch, replace=True)
    report.replaced["agreements"] = 0
    report.added["agreements"] = 0
    return report
