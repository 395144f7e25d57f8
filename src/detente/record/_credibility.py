r"""Credibility: how far an actor's word can be relied on, judged by its record.

The model is a weighted Beta–Bernoulli ("beta reputation", Jøsang & Ismail 2002). Each event in
the record is a fractional observation of whether ``actor`` honoured a commitment: kept
milestones, extensions, ratifications and restored compliance count toward *kept*; violations,
repudiations, suspensions, withdrawals and hostile acts during talks count toward *broken*. With
prior pseudo-counts :math:`\alpha_0, \beta_0`, the posterior on the probability that the actor
honours a commitment (to ``toward``, or to anyone) is

.. math::

    p \mid \text{record} \sim \mathrm{Beta}\Big(\alpha_0 + \sum_{g} k_g,\;
                                                  \beta_0 + \sum_{g} b_g\Big),

where :math:`g` runs over *conducts* (events that record the same act, e.g. one annexation
under two agreements, or a withdrawal notice and its taking effect, share a conduct key and
count once: :math:`k_g = \max_{i\in g} w_i^+`, :math:`b_g = \max_{i\in g} w_i^-`), and each
event's weight is

.. math::

    w_i = t(\text{type}_i, \text{lawful}_i)\; e(\text{evidence}_i)\; d_i\; c(\text{kind}_i)\;
          a_i(\text{actor})\; 2^{-\Delta_i / h}.

:math:`t` is the type weight (signed: + kept, − broken), :math:`e` the standard of evidence
(an allegation by the counterpart counts less than an independent finding), :math:`d_i` the
discount for a disputed allegation, party determination or corroborated-only claim,
:math:`c` the weight of the agreement's kind (a treaty more than a verbal assurance),
:math:`a_i` the attribution (1 for the actor itself, ``continuator_weight`` for the
USSR's acts when scoring Russia, ``org_share`` for joint acts of an organisation the actor
belonged to), and
:math:`2^{-\Delta/h}` Jøsang & Ismail's forgetting factor written as a half-life :math:`h`
(years) on the event's age :math:`\Delta` at ``as_of``. Events whose date (end of its month or
year when only that is known) is after ``as_of`` are left out.

Commitments made "to ``toward``" are those under agreements ``toward`` is party to: directly,
as the continuator of a party (Russia for the USSR), or as a member of a party organisation in
the event's year (NATO, EU, E3, OSCE/CSCE, the UNSC's permanent members), and only from the day
``toward`` existed as a state (:data:`~detente.record._model.STATEHOOD`: the USSR's acts before
24 August 1991 were not commitments "to Ukraine"). Reputation is dyadic (Downs & Jones 2002):
``toward=None`` scores conduct toward everyone.

Joint events count for each actor's own conduct, also when ``toward`` is a co-actor: a joint
compliance milestone (New START's first treaty year, the 1,000th Open Skies flight) records that
*each* party did its part toward the other, so it is evidence about ``actor``'s word to
``toward`` as much as a unilateral act is. (Up to this version such events were skipped whenever
``toward`` was also an actor, which silently dropped exactly the kept commitments between the two
parties and biased every dyad toward its breaches.)

Optional severity (``CredibilitySettings.severity``): a multiplier per event id or conduct key
(e.g. ``{"rus_ukraine_invasion_2022": 3}``) on the magnitude of that event's weight, so that an
invasion need not weigh like a de-ratification. Every multiplier is the analyst's, stated in the
settings; the default is none (1 for every event).

One evidence rule for every accuser: a claim by an interested party (a party to the agreement
or its ally) is an ``allegation`` whether it comes as a statement or as a formal report; the
record's ``determination`` label (the US compliance reports) is kept for information but weighs
what an allegation weighs (0.3) unless the settings say otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field, field_validator
from scipy import stats

from detente.errors import InputError, InputLookupError
from detente.record._model import (
    CONTINUATORS,
    ORGANISATIONS,
    STATEHOOD,
    Agreement,
    Event,
    EventType,
    Evidence,
    Record,
    members_of,
)

__all__ = [
    "ConductDriver",
    "Credibility",
    "CredibilityCurve",
    "CredibilitySettings",
    "Driver",
    "credibility",
    "credibility_curve",
    "event_weight",
]

_DEFAULT_TYPE_WEIGHTS: dict[str, float] = {
    "signed": 0.0,
    "ratified": 0.25,
    "entered_into_force": 0.25,
    "extended": 0.5,
    "kept": 1.0,
    "compliance_restored": 0.5,
    "not_ratified": -0.25,
    "deratified": -0.5,
    "violation_alleged": -1.0,
    "violation_established": -1.0,
    "hostile_act_during_talks": -0.5,
    "expired": 0.0,
    "lapsed": 0.0,
}
_DEFAULT_WITHDRAWAL = {"lawful": -0.3, "unknown": -0.6, "unlawful": -1.0}
_DEFAULT_SUSPENSION = {"lawful": -0.2, "unknown": -0.4, "unlawful": -0.8}
_DEFAULT_EVIDENCE = {
    "record": 1.0,
    "finding": 1.0,
    "admission": 1.0,
    "resolution": 0.6,
    "corroborated": 0.5,
    "determination": 0.3,
    "allegation": 0.3,
}
_DEFAULT_KIND = {
    "treaty": 1.0,
    "executive_agreement": 1.0,
    "ceasefire": 1.0,
    "memorandum": 0.8,
    "political_commitment": 0.8,
    "verbal_assurance": 0.4,
    "unilateral_pledge": 0.4,
    "draft": 0.4,
    "talks": 0.6,
}


#: Standards of evidence whose events are discounted when disputed: the facts or who is
#: responsible are in doubt. A finding, an admission or a vote of a political body already
#: weighs the dispute; for an act of record (a withdrawal) only its legality can be disputed.
_DISCOUNTED = frozenset({Evidence.allegation, Evidence.determination, Evidence.corroborated})


class CredibilitySettings(BaseModel):
    """The model's weights; every default is documented in README.md ("The record").

    ``type_weights`` are signed (positive = evidence of keeping, negative = of breaking);
    ``withdrawal_weights``/``suspension_weights`` by lawfulness (``lawful``: under the
    agreement's own clause; ``unlawful``: without one; ``unknown``: contested);
    ``evidence_weights`` by standard of evidence; ``kind_weights`` by kind of agreement.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    prior_kept: float = Field(1.0, gt=0)
    prior_broken: float = Field(1.0, gt=0)
    half_life_years: float | None = Field(10.0, gt=0)
    level: float = Field(0.9, gt=0, lt=1)
    disputed_factor: float = Field(0.7, ge=0, le=1)
    org_share: float = Field(0.5, ge=0, le=1)
    continuator_weight: float = Field(1.0, ge=0, le=1)
    type_weights: Mapping[str, float] = Field(default_factory=lambda: dict(_DEFAULT_TYPE_WEIGHTS))
    withdrawal_weights: Mapping[str, float] = Field(
        default_factory=lambda: dict(_DEFAULT_WITHDRAWAL)
    )
    suspension_weights: Mapping[str, float] = Field(
        default_factory=lambda: dict(_DEFAULT_SUSPENSION)
    )
    evidence_weights: Mapping[str, float] = Field(
        default_factory=lambda: dict(_DEFAULT_EVIDENCE)
    )
    kind_weights: Mapping[str, float] = Field(default_factory=lambda: dict(_DEFAULT_KIND))
    severity: Mapping[str, float] = Field(default_factory=dict)

    @field_validator("severity")
    @classmethod
    def _severity(cls, v: Mapping[str, float]) -> Mapping[str, float]:
        out = {}
        for k, x in v.items():
            x = float(x)
            if not math.isfinite(x) or x < 0:
                raise ValueError(f"severity[{k!r}] must be a finite non-negative number, got {x}")
            out[str(k)] = x
        return out

    @field_validator("type_weights")
    @classmethod
    def _types(cls, v: Mapping[str, float]) -> Mapping[str, float]:
        return _complete(v, _DEFAULT_TYPE_WEIGHTS, "type_weights", signed=True)

    @field_validator("withdrawal_weights", "suspension_weights")
    @classmethod
    def _lawful(cls, v: Mapping[str, float]) -> Mapping[str, float]:
        out = _complete(v, _DEFAULT_WITHDRAWAL, "withdrawal/suspension weights", signed=True)
        if any(x > 0 for x in out.values()):
            raise ValueError("withdrawal and suspension weights must be <= 0")
        return out

    @field_validator("evidence_weights")
    @classmethod
    def _evidence(cls, v: Mapping[str, float]) -> Mapping[str, float]:
        return _complete(v, _DEFAULT_EVIDENCE, "evidence_weights", signed=False)

    @field_validator("kind_weights")
    @classmethod
    def _kinds(cls, v: Mapping[str, float]) -> Mapping[str, float]:
        return _complete(v, _DEFAULT_KIND, "kind_weights", signed=False)


def _complete(
    v: Mapping[str, float], default: Mapping[str, float], what: str, *, signed: bool
) -> dict[str, float]:
    unknown = sorted(set(v) - set(default))
    if unknown:
        raise ValueError(f"{what}: unknown key(s) {unknown}; expected some of {sorted(default)}")
    out = dict(default)
    for k, x in v.items():
        x = float(x)
        if not math.isfinite(x) or (not signed and x < 0):
            raise ValueError(f"{what}[{k!r}] must be a finite{'' if signed else ' non-negative'} "
                             f"number, got {x}")
        out[k] = x
    return out


class Driver(NamedTuple):
    """An event and how much it moved the posterior mean (leave-one-out), with its weight."""

    event: Event
    delta: float
    weight: float


class ConductDriver(NamedTuple):
    """One conduct (the events recording one act, or a single event) and how much it moved the
    posterior mean (leave-the-whole-conduct-out), with its counted weight."""

    conduct: str
    events: tuple[Event, ...]
    delta: float
    weight: float


@dataclass(frozen=True)
class Credibility:
    """Posterior credibility of ``actor`` toward ``toward`` (None: anyone) as of a date."""

    actor: str
    toward: str | None
    as_of: date
    mean: float
    low: float
    high: float
    level: float
    alpha: float
    beta: float
    n_events: int
    drivers: tuple[Driver, ...]
    settings: CredibilitySettings = field(repr=False)
    conduct_drivers: tuple[ConductDriver, ...] = ()

    def __repr__(self) -> str:
        # a notebook line: the drivers (one per counted event) are in .drivers and as_dict()
        return (f"Credibility(actor={self.actor!r}, toward={self.toward!r}, "
                f"as_of={self.as_of.isoformat()!r}, mean={self.mean:.3f}, "
                f"low={self.low:.3f}, high={self.high:.3f}, level={self.level}, "
                f"n_events={self.n_events}, drivers={len(self.drivers)})")

    @property
    def kept(self) -> float:
        """Weighted evidence of keeping (alpha minus the prior)."""
        return self.alpha - self.settings.prior_kept

    @property
    def broken(self) -> float:
        """Weighted evidence of breaking (beta minus the prior)."""
        return self.beta - self.settings.prior_broken

    def as_dict(self, top: int | None = None) -> dict[str, Any]:
        drivers = self.drivers if top is None else self.drivers[:top]
        return {
            "actor": self.actor,
            "toward": self.toward,
            "as_of": self.as_of.isoformat(),
            "mean": self.mean,
            "low": self.low,
            "high": self.high,
            "level": self.level,
            "alpha": self.alpha,
            "beta": self.beta,
            "n_events": self.n_events,
            "drivers": [
                {
                    "event": d.event.id,
                    "agreement": d.event.agreement,
                    "date": str(d.event.date),
                    "type": d.event.type.value,
                    "evidence": d.event.evidence.value,
                    "weight": d.weight,
                    "delta": d.delta,
                    "note": d.event.note,
                    "source": d.event.source,
                }
                for d in drivers
            ],
            "conduct_drivers": [
                {"conduct": d.conduct, "events": [e.id for e in d.events], "weight": d.weight,
                 "delta": d.delta}
                for d in (self.conduct_drivers if top is None else self.conduct_drivers[:top])
            ],
        }


@dataclass(frozen=True)
class CredibilityCurve:
    """Credibility over a grid of dates (vectorized): mean and credible interval per date."""

    actor: str
    toward: str | None
    dates: tuple[date, ...]
    mean: NDArray[np.float64]
    low: NDArray[np.float64]
    high: NDArray[np.float64]
    level: float


def _attribution(actor: str, e: Event, s: CredibilitySettings) -> float:
    best = 0.0
    year = e.date.start.year
    for a in e.actors:
        if a == actor:
            return 1.0
        if CONTINUATORS.get(a) == actor:
            best = max(best, s.continuator_weight)
        elif a in ORGANISATIONS and actor in members_of(a, year):
            best = max(best, s.org_share)
    return best


def _party_to(toward: str, ag: Agreement, year: int, day: date | None = None) -> bool:
    born = STATEHOOD.get(toward)
    if born is not None and day is not None and day < born:
        return False
    for p in ag.parties:
        if p == toward or CONTINUATORS.get(p) == toward or CONTINUATORS.get(toward) == p:
            return True
        if p in ORGANISATIONS and toward in members_of(p, year):
            return True
    return False


def event_weight(event: Event, agreement: Agreement, settings: CredibilitySettings) -> float:
    """Signed weight of ``event`` before attribution and forgetting (+ kept, − broken)."""
    s = settings
    t = event.type
    if t in (EventType.withdrew, EventType.suspended):
        table = s.withdrawal_weights if t is EventType.withdrew else s.suspension_weights
        key = "unknown" if event.lawful is None else ("lawful" if event.lawful else "unlawful")
        w = table[key]
    else:
        w = s.type_weights[t.value]
    if w == 0.0:
        return 0.0
    w *= s.evidence_weights[event.evidence.value]
    if event.disputed and event.evidence in _DISCOUNTED:
        w *= s.disputed_factor
    return w * s.kind_weights[agreement.kind.value]


@dataclass(frozen=True)
class _Prepared:
    events: tuple[Event, ...]
    base: NDArray[np.float64]  # signed weight incl. attribution, before forgetting
    end: NDArray[np.int64]  # ordinal day when the event counts as known
    group: NDArray[np.int64]  # conduct group index, events sorted by group

    def known_by(self, day: int) -> _Prepared:
        """Only the events known on ordinal ``day``: later ones are not even summed as zeros,
        so an event after ``as_of`` cannot change the figure in any digit."""
        keep = self.end <= day
        if keep.all():
            return self
        return _Prepared(
            events=tuple(e for e, k in zip(self.events, keep, strict=True) if k),
            base=self.base[keep],
            end=self.end[keep],
            group=self.group[keep],
        )


def _prepare(
    record: Record, actor: str, toward: str | None, settings: CredibilitySettings
) -> _Prepared:
    rows: list[tuple[str, Event, float]] = []
    for e in record.events:
        ag = record.agreement(e.agreement)
        if toward is not None and not _party_to(toward, ag, e.date.start.year, e.date.start):
            continue
        att = _attribution(actor, e, settings)
        if att == 0.0:
            continue
        sev = settings.severity.get(e.id, settings.severity.get(e.conduct, 1.0)) \
            if settings.severity else 1.0
        w = event_weight(e, ag, settings) * att * sev
        if w == 0.0:
            continue
        # an event's own id is its conduct key when it has none: a later event recording the
        # same act (another source for it) names that id as its conduct and counts with it once
        key = f"{e.conduct or e.id}|{'+' if w > 0 else '-'}"
        rows.append((key, e, w))
    rows.sort(key=lambda r: r[0])
    keys = [r[0] for r in rows]
    group = np.zeros(len(rows), dtype=np.int64)
    for i in range(1, len(rows)):
        group[i] = group[i - 1] + (keys[i] != keys[i - 1])
    return _Prepared(
        events=tuple(r[1] for r in rows),
        base=np.array([r[2] for r in rows], dtype=np.float64),
        end=np.array([r[1].date.end.toordinal() for r in rows], dtype=np.int64),
        group=group,
    )


def _contributions(
    prep: _Prepared, as_of: NDArray[np.int64], settings: CredibilitySettings
) -> NDArray[np.float64]:
    """Weights (n_dates, n_events) at each date: forgetting applied, future events zeroed."""
    age = (as_of[:, None] - prep.end[None, :]).astype(np.float64)
    w = np.where(age >= 0, prep.base[None, :], 0.0)
    if settings.half_life_years is not None:
        w = w * np.exp2(-np.clip(age, 0.0, None) / (settings.half_life_years * 365.25))
    return w


def _group_starts(group: NDArray[np.int64]) -> NDArray[np.intp]:
    if group.size == 0:
        return np.zeros(0, dtype=np.intp)
    return np.flatnonzero(np.r_[True, group[1:] != group[:-1]])


def _alpha_beta(
    w: NDArray[np.float64], group: NDArray[np.int64], settings: CredibilitySettings
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    a0, b0 = settings.prior_kept, settings.prior_broken
    if w.shape[1] == 0:
        n = w.shape[0]
        return np.full(n, a0), np.full(n, b0)
    starts = _group_starts(group)
    pos = np.maximum.reduceat(np.clip(w, 0.0, None), starts, axis=1).sum(axis=1)
    neg = np.maximum.reduceat(np.clip(-w, 0.0, None), starts, axis=1).sum(axis=1)
    return a0 + pos, b0 + neg


def _interval(
    alpha: NDArray[np.float64], beta: NDArray[np.float64], level: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    tail = (1.0 - level) / 2.0
    return stats.beta.ppf(tail, alpha, beta), stats.beta.ppf(1.0 - tail, alpha, beta)


def _check_actor(record: Record, code: str, what: str) -> None:
    known = record.actors() | set(CONTINUATORS.values())
    for org in ORGANISATIONS.values():
        known |= {m for m, _, _ in org}
    if code not in known:
        from detente.record._model import FORMER_ALPHA3, ISO_ALPHA3

        if code in ISO_ALPHA3 or code in FORMER_ALPHA3:  # a right code the record lacks
            raise InputLookupError(
                f"{what} {code!r} does not appear in the record: it holds no agreement or "
                f"event of {code}'s (add them to a record of your own, docs/record.md)")
        raise InputLookupError(
            f"{what} {code!r} does not appear in the record; use an ISO 3166 alpha-3 code "
            "(e.g. USA, RUS, UKR, IRN; SUN for the USSR) or an organisation code (e.g. NATO)"
        )


def future_as_of(day: date) -> str | None:
    """Why ``day`` cannot be the date a credibility is read at, or None: a date after today (the
    record knows nothing then, and recency would discount every event as if seen from that
    date). The faces refuse such a date with this reason, each naming its own option or field."""
    today = date.today()
    if day <= today:
        return None
    return (f"after today ({today}): the credibility is what the record knows by a date, and "
            "every event would be discounted for recency as if seen from then; give a date up "
            "to today")


def scenario_as_of(as_of: str | None, date_text: str | None = None) -> str | None:
    """The day a scenario's own date stands for when the record's credibility is read at it:
    its ``as_of`` (else its ``date``), a partial date (``YYYY``, ``YYYY-MM``) read as the first
    day it covers, so that no event after the moment the inputs describe is counted; ``None``
    when the scenario has neither. A date that is not a date (``date`` is free text) or one
    after today (:func:`future_as_of`) is an :class:`InputError` at its field: read silently,
    either would put a wrong trust into the forecast."""
    from detente.errors import Problem
    from detente.scenario import date_span

    field, text = ("as_of", as_of) if as_of else ("date", date_text)
    if not text:
        return None
    try:
        day = date_span(str(text).strip())[0]
    except ValueError:
        raise InputError([Problem(
            f"{str(text)[:40]!r} is not a date: trust is read from the record as of the "
            "scenario's as_of (else its date); expected YYYY, YYYY-MM or YYYY-MM-DD",
            field, loc=(field,))]) from None
    if (why := future_as_of(day)) is not None:
        raise InputError([Problem(f"{text}: {why}", field, loc=(field,))])
    return day.isoformat()


def _as_ordinal(d: date | str | None) -> date:
    if d is None:
        return date.today()
    if isinstance(d, str):
        try:
            return date.fromisoformat(d)
        except ValueError:
            raise InputError(f"as_of: expected a date YYYY-MM-DD, got {d!r}") from None
    if not isinstance(d, date):
        raise InputError(f"as_of: expected a datetime.date or a string YYYY-MM-DD, got {d!r} "
                         f"({type(d).__name__})")
    return d


def credibility(
    record: Record,
    actor: str,
    toward: str | None = None,
    as_of: date | str | None = None,
    settings: CredibilitySettings | None = None,
) -> Credibility:
    """Posterior probability that ``actor`` honours a commitment (to ``toward``), as of a date.

    ``as_of`` defaults to today; nothing dated after it is used. ``drivers`` lists every counted
    event with its leave-one-out effect on the mean (``delta``, + raised it), biggest first.
    """
    s = settings or CredibilitySettings()
    _check_actor(record, actor, "actor")
    if toward is not None:
        _check_actor(record, toward, "toward")
        if toward == actor:
            raise InputError("toward must differ from actor")
    day = _as_ordinal(as_of)
    prep = _prepare(record, actor, toward, s).known_by(day.toordinal())
    w = _contributions(prep, np.array([day.toordinal()], dtype=np.int64), s)
    alpha_a, beta_a = _alpha_beta(w, prep.group, s)
    alpha, beta = float(alpha_a[0]), float(beta_a[0])
    mean = alpha / (alpha + beta)
    low_a, high_a = _interval(alpha_a, beta_a, s.level)
    drivers = _drivers(prep, w[0], alpha, beta)
    conduct_drivers = _conduct_drivers(prep, w[0], alpha, beta)
    return Credibility(
        actor=actor,
        toward=toward,
        as_of=day,
        mean=mean,
        low=float(low_a[0]),
        high=float(high_a[0]),
        level=s.level,
        alpha=alpha,
        beta=beta,
        n_events=int(np.count_nonzero(w[0])),
        drivers=drivers,
        settings=s,
        conduct_drivers=conduct_drivers,
    )


def _drivers(
    prep: _Prepared, w: NDArray[np.float64], alpha: float, beta: float
) -> tuple[Driver, ...]:
    mean = alpha / (alpha + beta)
    out: list[Driver] = []
    starts = list(_group_starts(prep.group)) + [len(w)]
    for g in range(len(starts) - 1):
        lo, hi = starts[g], starts[g + 1]
        ws = w[lo:hi]
        for j in range(lo, hi):
            if w[j] == 0.0:
                continue
            others = np.delete(ws, j - lo)
            if w[j] > 0:
                full = ws.clip(0.0).max()
                rest = others.clip(0.0).max() if others.size else 0.0
                a, b = alpha - (full - rest), beta
            else:
                full = (-ws).clip(0.0).max()
                rest = (-others).clip(0.0).max() if others.size else 0.0
                a, b = alpha, beta - (full - rest)
            out.append(Driver(prep.events[j], mean - a / (a + b), float(w[j])))
    out.sort(key=lambda d: (-abs(d.delta), -abs(d.weight), d.event.id))
    return tuple(out)


def _conduct_drivers(
    prep: _Prepared, w: NDArray[np.float64], alpha: float, beta: float
) -> tuple[ConductDriver, ...]:
    """Leave-one-conduct-out effects: a conduct's kept and broken parts removed together."""
    mean = alpha / (alpha + beta)
    groups: dict[str, list[int]] = {}
    for j, e in enumerate(prep.events):
        if w[j] != 0.0:
            groups.setdefault(e.conduct or e.id, []).append(j)
    starts = list(_group_starts(prep.group)) + [len(w)]
    out: list[ConductDriver] = []
    for key, idx in groups.items():
        pos = neg = 0.0
        for g in range(len(starts) - 1):
            lo, hi = starts[g], starts[g + 1]
            members = [j for j in range(lo, hi) if j in idx]
            if not members:
                continue
            ws = w[lo:hi]
            pos += float(ws.clip(0.0).max())
            neg += float((-ws).clip(0.0).max())
        a, b = alpha - pos, beta - neg
        named = any(prep.events[j].conduct for j in idx)  # else one event, shown as #ID
        out.append(ConductDriver(key if named else f"#{key}", tuple(prep.events[j] for j in idx),
                                 mean - a / (a + b), pos - neg))
    out.sort(key=lambda d: (-abs(d.delta), d.conduct))
    return tuple(out)


def credibility_curve(
    record: Record,
    actor: str,
    toward: str | None = None,
    dates: Sequence[date] | None = None,
    settings: CredibilitySettings | None = None,
) -> CredibilityCurve:
    """Credibility at many dates at once (one matrix of weights; no per-date loop).

    ``dates`` defaults to the first of every month from the first relevant event to today.
    """
    s = settings or CredibilitySettings()
    _check_actor(record, actor, "actor")
    if toward is not None:
        _check_actor(record, toward, "toward")
    prep = _prepare(record, actor, toward, s)
    if dates is None:
        first = date.fromordinal(int(prep.end.min())) if prep.end.size else date.today()
        dates = _monthly(first, date.today())
    days = np.array([d.toordinal() for d in dates], dtype=np.int64)
    w = _contributions(prep, days, s)
    alpha, beta = _alpha_beta(w, prep.group, s)
    low, high = _interval(alpha, beta, s.level)
    return CredibilityCurve(
        actor=actor,
        toward=toward,
        dates=tuple(dates),
        mean=alpha / (alpha + beta),
        low=np.asarray(low, dtype=np.float64),
        high=np.asarray(high, dtype=np.float64),
        level=s.level,
    )


def _monthly(first: date, last: date) -> list[date]:
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out.append(last)
    return out
