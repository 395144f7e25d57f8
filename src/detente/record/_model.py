"""The record's value objects: agreements, the dated events under them, and the whole record.

Everything here is frozen: a :class:`Record` is a value, the store (``_store.py``) and the CSV
files (``_csv.py``) are the only places where records are read or written.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from detente.errors import InputError, InputLookupError, Problem

__all__ = [
    "CONTINUATORS",
    "FORMER_ALPHA3",
    "ISO_ALPHA3",
    "ORGANISATIONS",
    "STATEHOOD",
    "Agreement",
    "AgreementKind",
    "Event",
    "EventType",
    "Evidence",
    "PartialDate",
    "Precision",
    "Record",
    "RecordError",
    "members_of",
    "unknown_code",
]


class RecordError(InputError):
    """Invalid record input; ``problems`` lists every problem (file, row, field, reason)."""


class Precision(StrEnum):
    """How precisely a date is known."""

    day = "day"
    month = "month"
    year = "year"


class AgreementKind(StrEnum):
    """What sort of commitment an agreement is (binding treaty down to talks without a text)."""

    treaty = "treaty"
    executive_agreement = "executive_agreement"
    memorandum = "memorandum"
    political_commitment = "political_commitment"
    ceasefire = "ceasefire"
    verbal_assurance = "verbal_assurance"
    unilateral_pledge = "unilateral_pledge"
    draft = "draft"
    talks = "talks"


class EventType(StrEnum):
    """What happened. ``kept`` is the neutral record of a commitment fulfilled."""

    signed = "signed"
    ratified = "ratified"
    entered_into_force = "entered_into_force"
    extended = "extended"
    kept = "kept"
    compliance_restored = "compliance_restored"
    suspended = "suspended"
    withdrew = "withdrew"
    not_ratified = "not_ratified"
    deratified = "deratified"
    violation_alleged = "violation_alleged"
    violation_established = "violation_established"
    hostile_act_during_talks = "hostile_act_during_talks"
    expired = "expired"
    lapsed = "lapsed"


class Evidence(StrEnum):
    """The standard of evidence behind an event.

    ``record``: a public act of the actor itself (a signature, a withdrawal notice);
    ``finding``: established by an independent authority (IAEA Board, OPCW, a court, the UNSC,
    an international fact-finding mission); ``admission``: admitted by the actor;
    ``resolution``: a political body's non-binding vote (UNGA); ``corroborated``: a neutral body
    confirmed the facts but did not attribute or adjudicate them (OPCW agent identity, OSCE SMM);
    ``determination``: a formal finding by an interested party (US compliance reports);
    ``allegation``: a claim by a state or group, usually the counterpart.
    """

    record = "record"
    finding = "finding"
    admission = "admission"
    resolution = "resolution"
    corroborated = "corroborated"
    determination = "determination"
    allegation = "allegation"


#: Organisations and their member states as (code, joined, left); None = still a member.
#: Used to attribute an organisation's joint acts to its members and to decide whether a
#: commitment made to an organisation was made to a given state.
_NATO = (
    "USA:1949 CAN:1949 GBR:1949 FRA:1949 BEL:1949 NLD:1949 LUX:1949 ITA:1949 PRT:1949 NOR:1949 "
    "DNK:1949 ISL:1949 GRC:1952 TUR:1952 DEU:1955 ESP:1982 POL:1999 CZE:1999 HUN:1999 BGR:2004 "
    "EST:2004 LVA:2004 LTU:2004 ROU:2004 SVK:2004 SVN:2004 ALB:2009 HRV:2009 MNE:2017 MKD:2020 "
    "FIN:2023 SWE:2024"
)
_EU = (
    "BEL:1958 FRA:1958 DEU:1958 ITA:1958 LUX:1958 NLD:1958 DNK:1973 IRL:1973 GBR:1973-2020 "
    "GRC:1981 ESP:1986 PRT:1986 AUT:1995 FIN:1995 SWE:1995 CYP:2004 CZE:2004 EST:2004 HUN:2004 "
    "LVA:2004 LTU:2004 MLT:2004 POL:2004 SVK:2004 SVN:2004 BGR:2007 ROU:2007 HRV:2013"
)
_OSCE = (
    "ALB AND ARM AUT AZE BLR BEL BIH BGR CAN HRV CYP CZE DNK EST FIN FRA GEO DEU GRC VAT HUN ISL "
    "IRL ITA KAZ KGZ LVA LIE LTU LUX MLT MDA MCO MNG MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK "
    "SVN ESP SWE CHE TJK TUR TKM UKR GBR USA UZB SUN DDR"
)


def _parse_members(spec: str) -> tuple[tuple[str, int, int | None], ...]:
    out = []
    for item in spec.split():
        code, _, years = item.partition(":")
        start, _, end = years.partition("-")
        out.append((code, int(start or 1900), int(end) if end else None))
    return tuple(out)


ORGANISATIONS: dict[str, tuple[tuple[str, int, int | None], ...]] = {
    "NATO": _parse_members(_NATO),
    "EU": _parse_members(_EU),
    "E3": _parse_members("GBR FRA DEU"),
    "CSCE": _parse_members(_OSCE),
    "OSCE": _parse_members(_OSCE),
    "UNSC": _parse_members("USA GBR FRA CHN RUS SUN"),  # permanent members only
    "KEDO": _parse_members("USA KOR JPN"),
    "UN": (),
    "UNGA": (),
    "IAEA": (),
    "OPCW": (),
}

#: States that came into being during the period the record covers, with the day they did
#: (declaration of independence of the former Soviet republics, 1991): before it, no commitment
#: could have been made *to* them (the USSR's acts are not acts "toward Ukraine").
STATEHOOD: dict[str, date] = {
    "UKR": date(1991, 8, 24), "BLR": date(1991, 8, 25), "MDA": date(1991, 8, 27),
    "GEO": date(1991, 4, 9), "ARM": date(1991, 9, 21), "AZE": date(1991, 10, 18),
    "KAZ": date(1991, 12, 16), "EST": date(1991, 8, 20), "LVA": date(1991, 8, 21),
    "LTU": date(1990, 3, 11),
}

#: Continuator states: the successor that carries the predecessor's treaty rights and duties.
CONTINUATORS: dict[str, str] = {"SUN": "RUS"}

#: ISO 3166-1 alpha-3 codes (the 249 officially assigned) and former ones (ISO 3166-3) a record
#: of past agreements meets: a three-letter actor code outside these, the organisations above and
#: the codes a record already uses is a typo (CNH for CHN), refused on import.
ISO_ALPHA3: frozenset[str] = frozenset("""
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD
    BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR
    COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH
    ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL
    GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR
    JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR
    MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL
    NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY
    PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP
    SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
    UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split())
FORMER_ALPHA3: frozenset[str] = frozenset("SUN DDR YUG CSK SCG YMD BUR ZAR TMP ANT".split())


def unknown_code(code: str, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``code`` is a three-letter code that is no ISO 3166 alpha-3 code (current or
    former), no organisation and not in ``known`` (the codes a record already uses). Codes of
    other lengths (NATO, EU, TALIBAN) are organisations or non-state actors: not checked."""
    return (len(code) == 3 and code.isalpha() and code not in ISO_ALPHA3
            and code not in FORMER_ALPHA3 and code not in ORGANISATIONS and code not in known)


_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
_AUTHORITY = re.compile(r"^[A-Z][A-Za-z0-9_+-]{1,31}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")


def members_of(org: str, year: int) -> frozenset[str]:
    """States that belonged to ``org`` in ``year`` (empty for non-membership bodies)."""
    return frozenset(
        code
        for code, start, end in ORGANISATIONS.get(org, ())
        if start <= year and (end is None or year <= end)
    )


_FROZEN = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(BaseModel):
    """A date known to the day, the month or the year (``2022-02-24``, ``2022-08``, ``2025``).

    ``start`` is the first day of the period and ``end`` its last; an event is treated as known
    only once its whole period has passed (``end``), so nothing can leak in early.
    """

    model_config = _FROZEN
    start: date
    precision: Precision = Precision.day

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return cls._parse(value)
        if isinstance(value, date):
            return {"start": value, "precision": Precision.day}
        return value

    @staticmethod
    def _parse(text: str) -> dict[str, Any]:
        m = _DATE.match(text.strip())
        if not m:
            raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {text!r}")
        y, mo, d = m.groups()
        try:
            if d is not None:
                return {"start": date(int(y), int(mo), int(d)), "precision": Precision.day}
            if mo is not None:
                return {"start": date(int(y), int(mo), 1), "precision": Precision.month}
            return {"start": date(int(y), 1, 1), "precision": Precision.year}
        except ValueError as e:
            raise ValueError(f"not a real date: {text!r} ({e})") from None

    @model_validator(mode="after")
    def _aligned(self) -> PartialDate:
        if self.precision is Precision.month and self.start.day != 1:
            raise ValueError("a month-precision date must start on day 1")
        if self.precision is Precision.year and (self.start.month, self.start.day) != (1, 1):
            raise ValueError("a year-precision date must start on 1 January")
        return self

    @property
    def end(self) -> date:
        """Last day of the period."""
        s = self.start
        if self.precision is Precision.day:
            return s
        if self.precision is Precision.month:
            return date(s.year, s.month, calendar.monthrange(s.year, s.month)[1])
        return date(s.year, 12, 31)

    def __str__(self) -> str:
        s = self.start
        if self.precision is Precision.day:
            return s.isoformat()
        if self.precision is Precision.month:
            return f"{s.year:04d}-{s.month:02d}"
        return f"{s.year:04d}"


def _codes(value: Any, what: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        items = [v.strip() for v in value.split(";")]
        items = [v for v in items if v]
    else:
        items = [str(v).strip() for v in value]
    for v in items:
        if not pattern.match(v):
            raise ValueError(
                f"{v!r} is not a {what} (ISO 3166 alpha-3 like 'USA', 'SUN' for the USSR, "
                "or an organisation code like 'NATO')"
            )
    if len(set(items)) != len(items):
        raise ValueError(f"duplicate code in {';'.join(items)!r}")
    return tuple(items)


def _check_source(value: str) -> str:
    if not re.match(r"^https?://\S+$", value):
        raise ValueError(f"expected a public http(s) URL, got {value!r}")
    return value


class Agreement(BaseModel):
    """An agreement (or, for ``talks``, a negotiation track) and who is party to it.

    For a unilateral pledge, ``parties`` lists the pledging state and those it was made to.
    """

    model_config = _FROZEN
    id: str
    name: str
    kind: AgreementKind
    parties: tuple[str, ...]
    domain: str
    signed: PartialDate | None = None
    in_force: PartialDate | None = None
    source: str
    note: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"expected an identifier of letters, digits, _ . -, got {v!r}")
        return v

    @field_validator("parties", mode="before")
    @classmethod
    def _parties(cls, v: Any) -> tuple[str, ...]:
        out = _codes(v, "party code", _CODE)
        if not out:
            raise ValueError("an agreement needs at least one party")
        return out

    @field_validator("domain")
    @classmethod
    def _domain(cls, v: str) -> str:
        if not re.match(r"^[a-z][a-z_]*$", v):
            raise ValueError(f"expected a lower-case domain like 'arms_control', got {v!r}")
        return v

    @field_validator("signed", "in_force", mode="before")
    @classmethod
    def _empty_date(cls, v: Any) -> Any:
        return None if v == "" else v

    @field_validator("source")
    @classmethod
    def _source(cls, v: str) -> str:
        return _check_source(v)


_VIOLATIONS = {EventType.violation_alleged, EventType.violation_established}


class Event(BaseModel):
    """One dated event under an agreement: who did it, who alleged it, who established it.

    ``lawful`` says, for a suspension or withdrawal, whether it used the agreement's own clause
    (True), was a repudiation without one (False) or is contested/unknown (None). Events that
    record the same conduct (e.g. one annexation under two agreements, a withdrawal notice and
    its taking effect) share a ``conduct`` key and count once.
    """

    model_config = _FROZEN
    id: str
    agreement: str
    date: PartialDate
    actors: tuple[str, ...]
    type: EventType
    alleged_by: tuple[str, ...] = ()
    established_by: tuple[str, ...] = ()
    evidence: Evidence = Evidence.record
    lawful: bool | None = None
    disputed: bool = False
    conduct: str = ""
    source: str
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _default_evidence(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("evidence") in (None, ""):
            data = dict(data)
            t = str(data.get("type", ""))
            if t == "violation_established":
                data["evidence"] = "finding"
            elif t == "violation_alleged":
                data["evidence"] = "allegation"
            else:
                data["evidence"] = "record"
        if isinstance(data, dict) and data.get("lawful") == "":
            data = dict(data)
            data["lawful"] = None
        return data

    @field_validator("id", "agreement")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"expected an identifier of letters, digits, _ . -, got {v!r}")
        return v

    @field_validator("conduct")
    @classmethod
    def _conduct(cls, v: str) -> str:
        if v and not _ID.match(v):
            raise ValueError(f"expected an identifier of letters, digits, _ . -, got {v!r}")
        return v

    @field_validator("actors", mode="before")
    @classmethod
    def _actors(cls, v: Any) -> tuple[str, ...]:
        out = _codes(v, "actor code", _CODE)
        if not out:
            raise ValueError("an event needs at least one actor")
        return out

    @field_validator("alleged_by", mode="before")
    @classmethod
    def _alleged(cls, v: Any) -> tuple[str, ...]:
        return _codes(v, "actor code", _CODE)

    @field_validator("established_by", mode="before")
    @classmethod
    def _established(cls, v: Any) -> tuple[str, ...]:
        return _codes(v, "authority code", _AUTHORITY)

    @field_validator("source")
    @classmethod
    def _source(cls, v: str) -> str:
        return _check_source(v)

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        t, ev = self.type, self.evidence
        if t is EventType.violation_established:
            if ev not in (Evidence.finding, Evidence.admission):
                raise ValueError("violation_established needs evidence 'finding' or 'admission'")
            if not self.established_by:
                raise ValueError("violation_established needs established_by (who found it)")
        if t is EventType.violation_alleged:
            if ev in (Evidence.finding, Evidence.admission, Evidence.record):
                raise ValueError(
                    "violation_alleged takes evidence allegation, determination, corroborated "
                    "or resolution (use violation_established for a finding or admission)"
                )
            if not self.alleged_by:
                raise ValueError("violation_alleged needs alleged_by (who made the allegation)")
        if ev is Evidence.finding and not self.established_by:
            raise ValueError("evidence 'finding' needs established_by (the authority)")
        if self.lawful is not None and t not in (EventType.suspended, EventType.withdrew):
            raise ValueError("lawful applies only to 'suspended' and 'withdrew' events")
        return self

    @property
    def is_adverse(self) -> bool:
        return self.type in _VIOLATIONS or self.type is EventType.hostile_act_during_talks


class Record(BaseModel):
    """An in-memory, immutable collection of agreements and events (checked for references)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    agreements: tuple[Agreement, ...] = ()
    events: tuple[Event, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Record:
        problems: list[Problem] = []
        seen: set[str] = set()
        for a in self.agreements:
            if a.id in seen:
                problems.append(Problem(f"duplicate agreement id {a.id!r}", "id"))
            seen.add(a.id)
        seen_ev: set[str] = set()
        for e in self.events:
            if e.id in seen_ev:
                problems.append(Problem(f"duplicate event id {e.id!r}", "id"))
            seen_ev.add(e.id)
            if e.agreement not in seen:
                problems.append(
                    Problem(f"event {e.id}: unknown agreement {e.agreement!r}", "agreement")
                )
        if problems:
            raise RecordError(problems)
        return self

    @cached_property
    def _agreements(self) -> dict[str, Agreement]:
        return {a.id: a for a in self.agreements}

    @cached_property
    def _events(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def agreement(self, agreement_id: str) -> Agreement:
        try:
            return self._agreements[agreement_id]
        except KeyError:
            raise InputLookupError(f"no agreement {agreement_id!r} in the record") from None

    def event(self, event_id: str) -> Event:
        try:
            return self._events[event_id]
        except KeyError:
            raise InputLookupError(f"no event {event_id!r} in the record") from None

    def has(self, item_id: str) -> bool:
        return item_id in self._agreements or item_id in self._events

    def events_of(self, agreement_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.agreement == agreement_id)

    def actors(self) -> frozenset[str]:
        out: set[str] = set()
        for e in self.events:
            out.update(e.actors)
        for a in self.agreements:
            out.update(a.parties)
        return frozenset(out)

    def with_items(
        self, agreements: Iterable[Agreement] = (), events: Iterable[Event] = ()
    ) -> Record:
        """A new record with these agreements/events added, or replacing those with equal ids."""
        ag = {a.id: a for a in self.agreements}
        ag.update({a.id: a for a in agreements})
        ev = {e.id: e for e in self.events}
        ev.update({e.id: e for e in events})
        return Record(agreements=tuple(ag.values()), events=tuple(ev.values()))

    def sorted(self) -> Record:
        """Agreements by id; events by (agreement, date, id): the canonical export order."""
        return Record(
            agreements=tuple(sorted(self.agreements, key=lambda a: a.id)),
            events=tuple(
                sorted(self.events, key=lambda e: (e.agreement, e.date.start, e.id))
            ),
        )

