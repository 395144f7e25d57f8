"""Checking an article's claims against the record, and putting its selection beside the record.

Each factual candidate gets one verdict:

* **confirmed**: the record holds an event under the same agreement, of a compatible type
  (a violation claim matches an allegation or an established violation), by an overlapping actor
  (a member of an organisation the record names counts in the years it belonged), whose period
  overlaps the claim's date at the claim's precision (events sharing a *conduct* key, e.g. a
  withdrawal notice and its taking effect, count as one act with several dates);
  A claim dated to the day and at most ``NEAR_DAYS`` (3) days from the record's date of the
  same act is confirmed with the gap stated (an announcement and its taking effect);
* **contradicted**: the record holds that act by that actor but at another date ("wrong year"),
  or holds the act (signature, withdrawal, suspension, ratification, extension, entry into force)
  by another actor at that date and none by the claimed one ("wrong actor"); the verdict carries
  the record's version and its sources;
* **not in the record**: nothing matches. The record keeps the *first* allegation of a given
  violation, so a later restatement of it is "not in the record" (with the first date given),
  never "confirmed" and never "contradicted".

Negated and hypothetical candidates are reported as ``not_a_fact`` and not checked.

The balance report counts, for the years the article's dated claims cover, the breaches it
mentions per accused party beside the breaches the record holds for every party in those years
(under the agreements the article names, and under all agreements).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.record import Event, PartialDate, Record
from detente.record._model import CONTINUATORS, ORGANISATIONS, members_of
from detente.text._extract import Candidate

__all__ = ["BREACHES", "BalanceRow", "Verdict", "balance", "check", "check_markdown"]

#: Event types that count as breaking a commitment in the balance report.
BREACHES = frozenset({"violation_alleged", "violation_established", "withdrew", "suspended",
                      "deratified", "not_ratified", "hostile_act_during_talks"})
_COMPATIBLE = {
    "violation_alleged": {"violation_alleged", "violation_established"},
    "violation_established": {"violation_established", "violation_alleged"},
    "expired": {"expired", "lapsed"},
}
_ACTS = frozenset({"signed", "ratified", "entered_into_force", "extended", "withdrew",
                   "suspended", "deratified", "expired"})


@dataclass(frozen=True)
class Verdict:
    """The record's answer to one claim."""

    candidate: Candidate
    status: str  # confirmed | contradicted | not_in_record | not_a_fact
    reason: str
    event_ids: tuple[str, ...] = ()
    record_version: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {
            "status": self.status, "reason": self.reason, "event_ids": list(self.event_ids),
            "record": list(self.record_version), "agreement": c.agreement,
            "actors": list(c.actors), "type": c.type, "date": c.date,
            "alleged_by": list(c.alleged_by), "sentence": c.sentence,
            "start": c.start, "end": c.end, "confidence": c.confidence,
        }


def _period(value: str) -> tuple[date, date]:
    p = PartialDate.model_validate(value)
    return p.start, p.end


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


#: a day-precise claim at most this many days from the record's date of the same act is
#: confirmed, with the gap stated
NEAR_DAYS = 3


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two periods (0 when they overlap)."""
    if _overlap(a, b):
        return 0
    return (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days


def _expand(actors: Sequence[str], agreement: str, record: Record) -> set[str]:
    if "*" in actors and record.has(agreement):
        return set(record.agreement(agreement).parties)
    return set(actors)


def _actor_match(claimed: set[str], e: Event) -> bool:
    year = e.date.start.year
    holders: set[str] = set()
    for a in e.actors:
        holders.add(a)
        if a in CONTINUATORS:
            holders.add(CONTINUATORS[a])
        if a in ORGANISATIONS:
            holders |= members_of(a, year)
    return bool(claimed & holders)


def _version(e: Event) -> dict[str, Any]:
    return {"id": e.id, "date": str(e.date), "actors": list(e.actors), "type": e.type.value,
            "alleged_by": list(e.alleged_by), "source": e.source, "note": e.note}


def _conduct_dates(e: Event, record: Record) -> list[tuple[date, date]]:
    """The period of the act: an event's own period, or for a conduct recorded as several
    events (a withdrawal notice and its taking effect) the span from the first to the last."""
    if not e.conduct:
        return [(e.date.start, e.date.end)]
    group = [x for x in record.events if x.conduct == e.conduct]
    return [(min(x.date.start for x in group), max(x.date.end for x in group))]


def check(candidates: Sequence[Candidate], record: Record) -> list[Verdict]:
    """A verdict for every candidate (see the module docstring)."""
    out: list[Verdict] = []
    for c in candidates:
        if not c.is_fact:
            why = "negated" if c.negated else "hypothetical, conditional or threatened"
            out.append(Verdict(c, "not_a_fact", f"{why}: not checked"))
            continue
        if not record.has(c.agreement):
            out.append(Verdict(c, "not_in_record", f"no agreement {c.agreement!r} in the record"))
            continue
        types = _COMPATIBLE.get(c.type, {c.type})
        claimed = _expand(c.actors, c.agreement, record)
        same = [e for e in record.events_of(c.agreement) if e.type.value in types]
        by_actor = [e for e in same if _actor_match(claimed, e)]
        when = _period(c.date) if c.date else None
        if by_actor:
            if when is None:
                out.append(Verdict(c, "confirmed", "the record holds this act (the article "
                                   "gives no date)", tuple(e.id for e in by_actor),
                                   tuple(_version(e) for e in by_actor)))
                continue
            hits = [e for e in by_actor if any(_overlap(when, p)
                                               for p in _conduct_dates(e, record))]
            if hits:
                out.append(Verdict(c, "confirmed", "same act, actor and date in the record",
                                   tuple(e.id for e in hits), tuple(_version(e) for e in hits)))
                continue
            # a day-precise claim a few days from the record's date: the same act (announced
            # one day, in effect the next; or another time zone), confirmed with the gap said
            near = [(e, _gap_days(when, p)) for e in by_actor for p in _conduct_dates(e, record)
                    if when[0] == when[1] and _gap_days(when, p) <= NEAR_DAYS]
            if near:
                e0, gap = min(near, key=lambda t: t[1])
                out.append(Verdict(c, "confirmed",
                                   f"same act and actor; the record dates it {e0.date}, {gap} "
                                   f"day{'s' if gap > 1 else ''} from the article's {c.date} "
                                   "(an announcement and its taking effect, or time zones)",
                                   (e0.id,), (_version(e0),)))
                continue
            first = min(by_actor, key=lambda e: e.date.start)
            if c.type in ("violation_alleged", "violation_established") and \
                    when[0] > first.date.end:
                out.append(Verdict(c, "not_in_record",
                                   f"the record holds the first allegation of this, dated "
                                   f"{first.date}; later restatements are not recorded",
                                   (first.id,), (_version(first),)))
                continue
            dates = ", ".join(str(e.date) for e in by_actor)
            out.append(Verdict(c, "contradicted",
                               f"wrong date: the record dates this {dates}, not {c.date}",
                               tuple(e.id for e in by_actor),
                               tuple(_version(e) for e in by_actor)))
            continue
        if c.type in _ACTS and same:
            others = [e for e in same if when is None or any(
                _overlap(when, p) for p in _conduct_dates(e, record))]
            if others:
                who = ", ".join(sorted({a for e in others for a in e.actors}))
                out.append(Verdict(c, "contradicted",
                                   f"wrong actor: the record has this act by {who}",
                                   tuple(e.id for e in others),
                                   tuple(_version(e) for e in others)))
                continue
        out.append(Verdict(c, "not_in_record", "no matching event in the record"))
    return out


@dataclass(frozen=True)
class BalanceRow:
    """Breaches by one party: mentioned in the article, and held in the record."""

    party: str
    in_article: int
    in_record_these_agreements: int
    in_record_all: int

    def as_dict(self) -> dict[str, Any]:
        return {"party": self.party, "in_article": self.in_article,
                "in_record_these_agreements": self.in_record_these_agreements,
                "in_record_all": self.in_record_all}


def balance(candidates: Sequence[Candidate], record: Record
            ) -> tuple[tuple[int, int] | None, list[BalanceRow]]:
    """The years the article covers and, per party, breaches in the article and the record.

    Breaches in the record are counted once per conduct (a notice and its taking effect are one
    withdrawal). Parties are the accused actors.
    """
    facts = [c for c in candidates if c.is_fact]
    years = [int(c.date[:4]) for c in facts if c.date]
    if not years:
        return None, []
    lo, hi = min(years), max(years)
    agreements = {c.agreement for c in facts}
    art: dict[str, set[tuple[str, str, str]]] = {}
    for c in facts:
        if c.type in BREACHES:
            for a in _expand(c.actors, c.agreement, record):
                art.setdefault(a, set()).add((c.agreement, c.type, (c.date or "")[:4]))
    rec_all: dict[str, set[str]] = {}
    rec_these: dict[str, set[str]] = {}
    for e in record.events:
        if e.type.value not in BREACHES or not lo <= e.date.start.year <= hi:
            continue
        key = e.conduct or e.id
        for a in e.actors:
            rec_all.setdefault(a, set()).add(key)
            if e.agreement in agreements:
                rec_these.setdefault(a, set()).add(key)
    parties = sorted(set(art) | set(rec_all))
    rows = [BalanceRow(p, len(art.get(p, ())), len(rec_these.get(p, ())),
                       len(rec_all.get(p, ()))) for p in parties]
    rows.sort(key=lambda r: (-r.in_article, -r.in_record_all, r.party))
    return (lo, hi), rows


def check_markdown(name: str, verdicts: Sequence[Verdict], years: tuple[int, int] | None,
                   rows: Sequence[BalanceRow]) -> str:
    """A short Markdown report: counts, contradicted claims with the record's version, balance."""
    facts = [v for v in verdicts if v.status != "not_a_fact"]
    n = {s: sum(1 for v in facts if v.status == s)
         for s in ("confirmed", "contradicted", "not_in_record")}
    lines = [f"# Claims in {name} checked against the record", "",
             f"{len(facts)} factual claims: {n['confirmed']} confirmed, {n['contradicted']} "
             f"contradicted, {n['not_in_record']} not in the record; "
             f"{len(verdicts) - len(facts)} negated or hypothetical (not checked).", ""]
    bad = [v for v in facts if v.status == "contradicted"]
    if bad:
        lines += ["## Contradicted", ""]
        for v in bad:
            c = v.candidate
            src = "; ".join(r["source"] for r in v.record_version[:2])
            lines.append(f"- {'/'.join(c.actors)} {c.type} {c.agreement} {c.date or ''}: "
                         f"{v.reason}. Sources: {src}. Text: \"{c.sentence[:160]}\"")
        lines.append("")
    if rows and years:
        lines += [f"## Balance, {years[0]}-{years[1]}", "",
                  "| party | breaches in the article | in the record (same agreements) "
                  "| in the record (all agreements) |", "|---|---:|---:|---:|"]
        for r in rows:
            lines.append(f"| {r.party} | {r.in_article} | {r.in_record_these_agreements} | "
                         f"{r.in_record_all} |")
        lines.append("")
    return "\n".join(lines)
