"""The scenario language: actors, issues, stances and the scenario that binds them.

Values are frozen pydantic models, validated at construction. Cross-references (a stance that
names an unknown actor, a position outside its issue's scale, duplicate ids) raise
:class:`ScenarioError`, which carries every problem with its location so that readers can point
at the file, line and field. Built in code (``Stance(actor="a", issue="x", position=5,
salience=150)``), a value with a bad field raises :class:`ScenarioError` naming the field too;
``Model.model_validate(data)`` keeps pydantic's ``ValidationError``, which the readers turn into
located problems.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from detente.errors import InputError, InputLookupError, Problem
from detente.scenario._uncertain import Uncertain, split_uncertain

__all__ = [
    "OUTCOME_KINDS",
    "Actor",
    "CompiledScenario",
    "EpisodeOutcome",
    "Issue",
    "Joint",
    "Linkage",
    "Observation",
    "OutsideOption",
    "PrivateStance",
    "RedLine",
    "Unilateral",
    "Problem",
    "Scenario",
    "ScenarioError",
    "Stance",
    "date_span",
]


class ScenarioError(InputError):
    """Raised for invalid scenario input; ``problems`` lists every problem found."""


def _where(loc: tuple[str | int, ...]) -> str:
    """``('actors', 0, 'id')`` as ``actors[0].id``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Checked(BaseModel):
    """A scenario value built in code (``Actor(id="", ...)``) raises :class:`ScenarioError`
    naming each bad field, as the readers do, rather than pydantic's ``ValidationError``
    (a ``ValueError``, not a :class:`~detente.errors.DetenteError`). Readers validate with
    ``model_validate`` and locate the problems in their file themselves."""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                loc = tuple(err["loc"])
                msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
                inp = err.get("input")
                if (isinstance(inp, (str, int, float)) and not isinstance(inp, bool)
                        and "got " not in msg):
                    msg += f" (got {inp!r})"
                if len(loc) > 1:
                    msg = f"{type(self).__name__} {_where(loc)}: {msg}"
                field = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
                problems.append(Problem(msg, field, loc=loc))
            raise ScenarioError(problems) from None

    # pydantic's own flag (as its RootModel sets it): model_validate, which the readers use,
    # keeps validating without this __init__, so their errors still carry file and line
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


_FROZEN = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _not_bool(value: Any) -> Any:
    """Refuse a boolean where a number is expected: YAML reads unquoted ``yes``, ``no``, ``on``,
    ``off``, ``true`` and ``false`` as booleans, and pydantic would take them for 1 and 0."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got the boolean {str(value).lower()} (YAML reads "
                         "unquoted yes/no/on/off/true/false as booleans)")
    return value


Num = Annotated[float, BeforeValidator(_not_bool)]
"""A number that is not a boolean."""


def _finite(value: float, name: str) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return value


# -- observed outcomes (owner: eval) ------------------------------------------------------------
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
OUTCOME_KINDS: tuple[str, ...] = ("agreement", "no_agreement", "escalation")
"""The observed episode outcomes, in the order the evaluation scores them."""


def date_span(text: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day a partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers.

    >>> date_span("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    """
    m = _DATE_RE.match(text)
    if m is None:
        raise ValueError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year = int(m.group(1))
    if m.group(2) is None:
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} out of range 1-12 in date {text!r}")
    if m.group(3) is None:
        nxt = _dt.date(year + month // 12, month % 12 + 1, 1)
        return _dt.date(year, month, 1), nxt - _dt.timedelta(days=1)
    try:
        day = _dt.date(year, month, int(m.group(3)))
    except ValueError:
        raise ValueError(f"no such day: {text!r}") from None
    return day, day


def _as_date_text(v: Any) -> Any:
    """Accept what YAML makes of an unquoted date (a ``date``, a year as ``int``) as text."""
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if isinstance(v, str):
        v = v.strip()
        date_span(v)  # raises ValueError with what was expected
    return v


PartialDate = Annotated[str, BeforeValidator(_as_date_text)]
"""A date as text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real calendar day)."""


class Observation(_Checked):
    """What happened on an issue: ``value`` on the issue's own scale, when, and the evidence."""

    model_config = _FROZEN

    value: Num
    date: PartialDate | None = None
    note: str = ""
    source: str = ""

    @field_validator("value")
    @classmethod
    def _value_finite(cls, v: float) -> float:
        return _finite(v, "value")


class EpisodeOutcome(_Checked):
    """How the episode ended: ``agreement``, ``no_agreement`` (talks failed, no force) or
    ``escalation`` (a party used force or took the coercive step it threatened)."""

    model_config = _FROZEN

    kind: Literal["agreement", "no_agreement", "escalation"]
    date: PartialDate | None = None
    note: str = ""
    source: str = ""


def _after(a: str, b: str) -> bool:
    """Partial date ``a`` is certainly later than ``b`` (its first day after ``b``'s last)."""
    return date_span(a)[0] > date_span(b)[1]


# -- end observed outcomes ---------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# crisis inputs (owner: crisis): who decides an issue, private positions, red lines, public
# commitments, outside options, linkage. Schelling 1960; Fearon 1994, 1995; Putnam 1988.
class Unilateral(_Checked):
    """An issue one actor can decide alone (e.g. its own forces); others can deter or punish."""

    model_config = _FROZEN

    unilateral: str = Field(min_length=1)


class Joint(_Checked):
    """An issue that needs the consent of each listed actor; otherwise the status quo holds."""

    model_config = _FROZEN

    joint: tuple[str, ...] = Field(min_length=1)


Decision = Literal["collective"] | Unilateral | Joint


class PrivateStance(_Checked):
    """What closed channels (or an analyst's estimate) say, beside the public stance."""

    model_config = _FROZEN

    position: Num | None = None
    salience: Num | None = Field(default=None, ge=0, le=100)
    note: str = ""
    source: str = ""
    uncertain: Uncertain | None = None  # uncertainty: distributions of the numbers above

    @model_validator(mode="before")
    @classmethod
    def _priv_dists(cls, data: Any) -> Any:
        return split_uncertain(data, ("position", "salience"), {})

    @field_validator("position", "salience")
    @classmethod
    def _priv_finite(cls, v: float | None) -> float | None:
        return None if v is None else _finite(v, "value")

    @model_validator(mode="after")
    def _something(self) -> PrivateStance:
        if self.position is None and self.salience is None:
            raise ValueError("a private stance needs a position, a salience or both")
        return self


class RedLine(_Checked):
    """A bound no deal may cross for this actor (non-compensatory): the outcome must not be
    ``above`` / ``below`` ``value`` (on the issue's scale)."""

    model_config = _FROZEN

    side: Literal["above", "below"]
    value: Num
    note: str = ""
    source: str = ""

    @field_validator("value")
    @classmethod
    def _rl_finite(cls, v: float) -> float:
        return _finite(v, "value")

    def allows(self, x: float) -> bool:
        """Whether outcome ``x`` respects the red line."""
        return x <= self.value if self.side == "above" else x >= self.value


class OutsideOption(_Checked):
    """Walking away and acting alone: war, a strike, withdrawal, sanctions (Fearon 1995).

    ``p_prevail`` is the probability that ``actor`` prevails (``None``: from capabilities through
    a contest function); ``cost`` and ``target_cost`` are the costs of the conflict to the actor
    and to each target as fractions of its whole stake in the scenario's issues; ``imposes``
    maps issue ids to the position imposed if ``actor`` prevails.
    """

    model_config = _FROZEN

    actor: str = Field(min_length=1)
    target: tuple[str, ...] = ()
    action: str = ""
    p_prevail: Num | None = Field(default=None, ge=0, le=1)
    cost: Num = Field(default=0.0, ge=0, le=1)
    target_cost: Num = Field(default=0.0, ge=0, le=1)
    imposes: dict[str, Num] = Field(default_factory=dict)
    date: PartialDate | None = None
    note: str = ""
    source: str = ""
    uncertain: Uncertain | None = None  # uncertainty: distributions of the numbers above

    @model_validator(mode="before")
    @classmethod
    def _oo_dists(cls, data: Any) -> Any:
        return split_uncertain(data, ("p_prevail", "cost", "target_cost"),
                               dict.fromkeys(("p_prevail", "cost", "target_cost"), (0.0, 1.0)))

    @field_validator("target", mode="before")
    @classmethod
    def _one_target(cls, v: Any) -> Any:
        # one target may be written alone: `target: IRN` means `target: [IRN]`
        return (v,) if isinstance(v, str) else v

    @field_validator("p_prevail", "cost", "target_cost")
    @classmethod
    def _oo_finite(cls, v: float | None) -> float | None:
        return None if v is None else _finite(v, "value")

    def __hash__(self) -> int:
        return hash((self.actor, self.target, self.action, tuple(sorted(self.imposes.items()))))


class Linkage(_Checked):
    """Issue linkage: a ``conditional`` issue that applies only ``on`` an episode outcome, or a
    ``package`` of issues agreed all together or not at all (Putnam 1988)."""

    model_config = _FROZEN

    conditional: str | None = None
    on: Literal["escalation", "agreement", "no_agreement"] | None = None
    package: tuple[str, ...] | None = None
    note: str = ""
    source: str = ""

    @model_validator(mode="before")
    @classmethod
    def _yaml_on(cls, data: Any) -> Any:
        # YAML 1.1 reads the key `on` as the boolean True
        if isinstance(data, dict) and True in data and "on" not in data:
            data = {("on" if k is True else k): v for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _one_kind(self) -> Linkage:
        if (self.conditional is None) == (self.package is None):
            raise ValueError("a linkage is either 'conditional' (with 'on') or a 'package'")
        if self.conditional is not None and self.on is None:
            raise ValueError("a conditional linkage needs 'on': escalation, agreement or "
                             "no_agreement")
        if self.package is not None:
            if len(set(self.package)) < 2:
                raise ValueError("a package needs at least two different issues")
        return self


def _last_name(loc: tuple[str | int, ...]) -> str:
    return next((p for p in reversed(loc) if isinstance(p, str)), "")


def _fold_into_duplicates(problems: list[Problem]) -> list[Problem]:
    """A duplicate actor or issue id is one mistake, usually a copied entry whose id was not
    changed: the references to the id it should have had then name an unknown actor or issue.
    Those follow-on errors are folded into the duplicate's own (at its line), not listed."""
    out = list(problems)
    for kind in ("actor", "issue"):
        dup = [k for k, p in enumerate(out) if p.message.startswith(f"duplicate {kind} id '")]
        if not dup:
            continue
        prefix = f"unknown {kind} '"
        follow = [p for p in out if p.message.startswith(prefix)]
        if not follow:
            continue
        names = list(dict.fromkeys(p.message[len(prefix):].split("'", 1)[0] for p in follow))
        first = out[dup[0]]
        said = ", ".join(f"'{n}'" for n in names)
        n = len(follow)
        out[dup[0]] = dataclasses.replace(
            first, message=f"{first.message}; {n} reference{'s' if n != 1 else ''} elsewhere "
            f"name{'s' if n == 1 else ''} {said}, which no {kind} declares: was this one meant "
            f"to be {' or '.join(repr(x) for x in names)}?")
        out = [p for p in out if p not in follow]
    return out


def _crisis_problems(sc: Scenario, actors: dict[str, int], issues: dict[str, Issue]) -> list[
    Problem
]:
    """Cross-reference checks of the crisis inputs (unknown actor/issue, values off scale)."""
    out: list[Problem] = []
    known_a = ", ".join(actors) or "(none)"
    known_i = ", ".join(issues) or "(none)"

    def bad_actor(a: str, loc: tuple[str | int, ...]) -> None:
        if a not in actors:
            out.append(Problem(f"unknown actor '{a}'; expected one of: {known_a}",
                               _last_name(loc), loc=loc))

    def off_scale(iss: Issue, x: float, what: str, loc: tuple[str | int, ...]) -> None:
        if not iss.scale_min <= x <= iss.scale_max:
            out.append(Problem(f"{what} {x:g} is outside issue '{iss.id}''s scale "
                               f"[{iss.scale_min:g}, {iss.scale_max:g}]",
                               _last_name(loc), loc=loc))

    for i, iss in enumerate(sc.issues):
        d = iss.decision
        if isinstance(d, Unilateral):
            bad_actor(d.unilateral, ("issues", i, "decision", "unilateral"))
        elif isinstance(d, Joint):
            for k, a in enumerate(d.joint):
                bad_actor(a, ("issues", i, "decision", "joint", k))
            if len(set(d.joint)) != len(d.joint):
                out.append(Problem("an actor is listed twice in 'joint'", "joint",
                                   loc=("issues", i, "decision", "joint")))
    for k, s in enumerate(sc.stances):
        s_iss = issues.get(s.issue)
        if s_iss is None:
            continue
        iss = s_iss
        if s.private is not None and s.private.position is not None:
            off_scale(iss, s.private.position, "private position",
                      ("stances", k, "private", "position"))
        if s.red_line is not None:
            off_scale(iss, s.red_line.value, "red line", ("stances", k, "red_line", "value"))
    for k, o in enumerate(sc.outside_options):
        if sc.as_of and o.date and _after(o.date, sc.as_of):
            out.append(Problem(f"date {o.date} is after as_of {sc.as_of}: inputs must be known "
                               "at as_of (no hindsight)", "date",
                               loc=("outside_options", k, "date")))
        bad_actor(o.actor, ("outside_options", k, "actor"))
        for t, a in enumerate(o.target):
            bad_actor(a, ("outside_options", k, "target", t))
            if a == o.actor:
                out.append(Problem(f"'{a}' cannot be its own target", "target",
                                   loc=("outside_options", k, "target", t)))
        for iid, x in o.imposes.items():
            o_iss = issues.get(iid)
            if o_iss is None:
                out.append(Problem(f"unknown issue '{iid}'; expected one of: {known_i}",
                                   "imposes", loc=("outside_options", k, "imposes", iid)))
            else:
                off_scale(o_iss, x, "imposed position", ("outside_options", k, "imposes", iid))
    in_package: dict[str, int] = {}
    conditional: dict[str, int] = {}
    for k, lk in enumerate(sc.linkage):
        named = [lk.conditional] if lk.conditional is not None else list(lk.package or ())
        field_name = "conditional" if lk.conditional is not None else "package"
        for j, iid in enumerate(named):
            loc: tuple[str | int, ...] = (
                ("linkage", k, "conditional") if lk.conditional is not None
                else ("linkage", k, "package", j)
            )
            if iid not in issues:
                out.append(Problem(f"unknown issue '{iid}'; expected one of: {known_i}",
                                   field_name, loc=loc))
            elif lk.package is not None:
                if iid in in_package and in_package[iid] != k:
                    out.append(Problem(f"issue '{iid}' is already in the package linkage"
                                       f"[{in_package[iid]}]", "package", loc=loc))
                in_package.setdefault(iid, k)
            else:
                if iid in conditional:
                    out.append(Problem(f"issue '{iid}' is already conditional (linkage"
                                       f"[{conditional[iid]}])", "conditional", loc=loc))
                conditional.setdefault(iid, k)
    return out




def own_red_line_problems(sc: Scenario) -> list[Problem]:
    """Red lines that their own actor's position (public or private) crosses.

    A red line bounds the outcomes its actor accepts, so its own wish must lie inside it: PHL
    wanting 80 on an issue while refusing anything below 90 is a slip of the pen (the side or
    the value). Checked where a user's document is read (and a what-if's), not on every
    constructed scenario: sweeps of a position across its scale are not statements of intent.
    The status quo may cross a red line — that is what a challenger's red line is.
    """
    out: list[Problem] = []
    for k, s in enumerate(sc.stances):
        rl = s.red_line
        if rl is None:
            continue
        own = [("position", s.position)]
        if s.private is not None and s.private.position is not None:
            own.append(("private position", s.private.position))
        for what, x in own:
            if not rl.allows(x):
                keep = "at or above" if rl.side == "above" else "at or below"
                other = "below" if rl.side == "above" else "above"
                out.append(Problem(
                    f"{s.actor}'s red line says the outcome must not be {rl.side} {rl.value:g}"
                    f", but its own {what} on '{s.issue}' ({x:g}) is {rl.side} it: a red line "
                    f"bounds what its actor accepts (expected the red line's value {keep} "
                    f"{x:g}, side: {other}, or a {what} it allows)", "red_line",
                    loc=("stances", k, "red_line")))
    return out


class Actor(_Checked):
    """A party to the negotiation.

    ``capability`` is the actor's power to move the outcome (any non-negative scale: models
    normalise it). ``note`` and ``source`` document where an estimate comes from.
    """

    model_config = _FROZEN

    id: str = Field(min_length=1)
    name: str = ""
    capability: Num = Field(default=1.0, ge=0)
    note: str = ""
    source: str = ""
    uncertain: Uncertain | None = None  # uncertainty: distribution of the capability

    @model_validator(mode="before")
    @classmethod
    def _actor_dists(cls, data: Any) -> Any:
        return split_uncertain(data, ("capability",), {})

    @field_validator("capability")
    @classmethod
    def _cap_finite(cls, v: float) -> float:
        return _finite(v, "capability")

    @property
    def label(self) -> str:
        return self.name or self.id


class Issue(_Checked):
    """A dimension of the negotiation, positions on ``[scale_min, scale_max]`` (0–100 by default).

    ``low`` and ``high`` say what the ends of the scale mean; ``status_quo`` is the reversion
    point if no agreement is reached (``None`` when unknown).
    """

    model_config = _FROZEN

    id: str = Field(min_length=1)
    name: str = ""
    low: str = ""
    high: str = ""
    status_quo: Num | None = None
    scale_min: Num = 0.0
    scale_max: Num = 100.0
    note: str = ""
    source: str = ""
    # -- observed outcomes (eval)
    observed: Observation | None = None
    # crisis: who decides the issue
    decision: Decision = "collective"

    @field_validator("status_quo", "scale_min", "scale_max")
    @classmethod
    def _num_finite(cls, v: float | None) -> float | None:
        return None if v is None else _finite(v, "value")

    @model_validator(mode="after")
    def _check_scale(self) -> Issue:
        if not self.scale_max > self.scale_min:
            raise ValueError(
                f"scale_max ({self.scale_max}) must be greater than scale_min ({self.scale_min})"
            )
        if self.status_quo is not None and not (
            self.scale_min <= self.status_quo <= self.scale_max
        ):
            raise ValueError(
                f"status_quo {self.status_quo} is outside the issue's scale "
                f"[{self.scale_min}, {self.scale_max}]"
            )
        return self

    @property
    def label(self) -> str:
        return self.name or self.id

    def to_unit(self, x: float) -> float:
        return (x - self.scale_min) / (self.scale_max - self.scale_min)

    def from_unit(self, u: float) -> float:
        return self.scale_min + u * (self.scale_max - self.scale_min)


class Stance(_Checked):
    """An actor's position on an issue and how much the issue matters to it (salience 0–100).

    ``capability`` optionally overrides the actor's capability on this issue (decide's format
    gives power per actor and issue).
    """

    model_config = _FROZEN

    actor: str = Field(min_length=1)
    issue: str = Field(min_length=1)
    position: Num
    salience: Num = Field(ge=0, le=100)
    capability: Num | None = Field(default=None, ge=0)
    note: str = ""
    source: str = ""
    # -- evidence date and confidence (eval)
    date: PartialDate | None = None
    confidence: Literal["low", "medium", "high"] = "medium"
    # crisis: closed-channel stance, red line, public commitment (audience cost weight)
    private: PrivateStance | None = None
    red_line: RedLine | None = None
    commitment: Num = Field(default=0.0, ge=0, le=1)
    uncertain: Uncertain | None = None  # uncertainty: distributions of the numbers above

    @model_validator(mode="before")
    @classmethod
    def _stance_dists(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("private") is not None:
            missing = [f for f in ("position", "salience") if f not in data]
            if missing:  # said as such, not as pydantic's bare "Field required"
                raise ValueError(
                    f"a stance with 'private:' still needs its public {' and '.join(missing)}"
                    " (what the actor states; 'private:' adds what closed channels or an "
                    "analyst's estimate say): expected "
                    + " and ".join(f"'{f}: NUMBER'" for f in missing) + " beside 'private:'")
        return split_uncertain(data, ("position", "salience", "capability"), {})

    @field_validator("position", "salience")
    @classmethod
    def _pos_finite(cls, v: float) -> float:
        return _finite(v, "value")


class Scenario(_Checked):
    """A negotiation: who is at the table, on what, wanting what, caring how much."""

    model_config = _FROZEN

    name: str = "scenario"
    description: str = ""
    source: str = ""
    date: str = ""
    # -- observed outcomes (eval): the moment the inputs describe, and how the episode ended
    as_of: PartialDate | None = None
    outcome: EpisodeOutcome | None = None
    # crisis: who can walk away and act alone; issue linkage
    outside_options: tuple[OutsideOption, ...] = ()
    linkage: tuple[Linkage, ...] = ()
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    stances: tuple[Stance, ...]

    @field_validator("date", mode="before")
    @classmethod
    def _date_is_a_date(cls, v: Any) -> Any:
        """The scenario's date, when given, is a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``):
        it stands in for a missing ``as_of`` where trust is read from the record, so a
        ``01/06/2025`` read silently would only fail later, or never (beside an ``as_of``)."""
        if v is None:
            return ""
        if isinstance(v, str) and not v.strip():
            return ""
        try:
            return _as_date_text(v)
        except ValueError:
            raise ValueError("not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, the moment the "
                             "inputs describe") from None

    @model_validator(mode="after")
    def _cross_check(self) -> Scenario:
        problems: list[Problem] = []
        if not self.actors:
            problems.append(
                Problem("a scenario needs at least one actor", "actors", loc=("actors",))
            )
        if not self.issues:
            problems.append(
                Problem("a scenario needs at least one issue", "issues", loc=("issues",))
            )
        seen: dict[str, int] = {}
        for i, a in enumerate(self.actors):
            if a.id in seen:
                problems.append(
                    Problem(
                        f"duplicate actor id '{a.id}' (first defined as actors[{seen[a.id]}])",
                        "id",
                        loc=("actors", i, "id"),
                    )
                )
            seen.setdefault(a.id, i)
        issues: dict[str, Issue] = {}
        first_issue: dict[str, int] = {}
        for i, iss in enumerate(self.issues):
            if iss.id in issues:
                problems.append(
                    Problem(f"duplicate issue id '{iss.id}' (first defined as "
                            f"issues[{first_issue[iss.id]}])", "id", loc=("issues", i, "id"))
                )
            issues.setdefault(iss.id, iss)
            first_issue.setdefault(iss.id, i)
        pairs: dict[tuple[str, str], int] = {}
        for k, s in enumerate(self.stances):
            if s.actor not in seen:
                problems.append(
                    Problem(
                        f"unknown actor '{s.actor}'; expected one of: "
                        f"{', '.join(seen) or '(none)'}",
                        "actor",
                        loc=("stances", k, "actor"),
                    )
                )
            issue = issues.get(s.issue)
            if issue is None:
                problems.append(
                    Problem(
                        f"unknown issue '{s.issue}'; expected one of: "
                        f"{', '.join(issues) or '(none)'}",
                        "issue",
                        loc=("stances", k, "issue"),
                    )
                )
            elif not issue.scale_min <= s.position <= issue.scale_max:
                problems.append(
                    Problem(
                        f"position {s.position:g} is outside issue '{s.issue}''s scale "
                        f"[{issue.scale_min:g}, {issue.scale_max:g}]",
                        "position",
                        loc=("stances", k, "position"),
                    )
                )
            key = (s.actor, s.issue)
            if key in pairs:
                problems.append(
                    Problem(
                        f"second stance for actor '{s.actor}' on issue '{s.issue}' "
                        f"(first is stances[{pairs[key]}])",
                        "actor",
                        loc=("stances", k, "actor"),
                    )
                )
            pairs.setdefault(key, k)
        problems.extend(self._check_observed())
        problems.extend(_crisis_problems(self, seen, issues))
        if problems:
            raise ScenarioError(_fold_into_duplicates(problems))
        return self

    def _check_observed(self) -> list[Problem]:
        """Observed values on their issue's scale; no hindsight: evidence dated on or before
        ``as_of``, outcomes on or after it (partial dates compare by the days they cover)."""
        problems: list[Problem] = []
        for i, iss in enumerate(self.issues):
            obs = iss.observed
            if obs is None:
                continue
            if not iss.scale_min <= obs.value <= iss.scale_max:
                problems.append(
                    Problem(
                        f"observed value {obs.value:g} is outside issue '{iss.id}''s scale "
                        f"[{iss.scale_min:g}, {iss.scale_max:g}]",
                        "value",
                        loc=("issues", i, "observed", "value"),
                    )
                )
            if self.as_of and obs.date and _after(self.as_of, obs.date):
                problems.append(
                    Problem(
                        f"observed date {obs.date} is before as_of {self.as_of}: an outcome "
                        "must be observed on or after the moment the inputs describe",
                        "date",
                        loc=("issues", i, "observed", "date"),
                    )
                )
        if self.as_of and self.outcome and self.outcome.date and _after(
            self.as_of, self.outcome.date
        ):
            problems.append(
                Problem(
                    f"outcome date {self.outcome.date} is before as_of {self.as_of}: the "
                    "episode outcome must come on or after the moment the inputs describe",
                    "date",
                    loc=("outcome", "date"),
                )
            )
        if self.as_of:
            for k, s in enumerate(self.stances):
                if s.date and _after(s.date, self.as_of):
                    problems.append(
                        Problem(
                            f"stance of '{s.actor}' on '{s.issue}' is dated {s.date}, after "
                            f"as_of {self.as_of}: inputs must be known at as_of (no hindsight)",
                            "date",
                            loc=("stances", k, "date"),
                        )
                    )
        return problems

    @property
    def observed(self) -> dict[str, float]:
        """Observed value per issue id (issues with an ``observed`` block only)."""
        return {i.id: i.observed.value for i in self.issues if i.observed is not None}

    # -- look-ups -------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise InputLookupError(f"no actor '{actor_id}' in scenario '{self.name}'")

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise InputLookupError(f"no issue '{issue_id}' in scenario '{self.name}'")

    def stance(self, actor_id: str, issue_id: str) -> Stance | None:
        for s in self.stances:
            if s.actor == actor_id and s.issue == issue_id:
                return s
        return None

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.actors)

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    def with_stances(self, stances: Iterable[Stance]) -> Scenario:
        """A copy with other stances (what-if analysis)."""
        data = {k: getattr(self, k) for k in type(self).model_fields}
        data["stances"] = tuple(stances)
        return Scenario(**data)

    def compile(self) -> CompiledScenario:
        """The numeric form the models work on (positions on [0, 1])."""
        return CompiledScenario.from_scenario(self)


@dataclass(frozen=True, eq=False)
class CompiledScenario:
    """Numeric arrays for the models, shape ``(n_actors, n_issues)``.

    Positions and the status quo are mapped to ``[0, 1]`` by each issue's scale; salience to
    ``[0, 1]``; ``present`` marks the actor–issue pairs that have a stance (elsewhere position is
    NaN and salience and capability are 0).
    """

    actor_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    position: np.ndarray
    salience: np.ndarray
    capability: np.ndarray
    present: np.ndarray
    status_quo: np.ndarray
    scale_min: np.ndarray
    scale_max: np.ndarray
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_scenario(cls, sc: Scenario) -> CompiledScenario:
        a_index = {a.id: k for k, a in enumerate(sc.actors)}
        i_index = {i.id: k for k, i in enumerate(sc.issues)}
        n_a, n_i = len(sc.actors), len(sc.issues)
        pos = np.full((n_a, n_i), np.nan)
        sal = np.zeros((n_a, n_i))
        cap = np.zeros((n_a, n_i))
        present = np.zeros((n_a, n_i), dtype=bool)
        lo = np.array([i.scale_min for i in sc.issues], dtype=float)
        hi = np.array([i.scale_max for i in sc.issues], dtype=float)
        st = sc.stances
        a = np.fromiter((a_index[s.actor] for s in st), dtype=np.intp, count=len(st))
        i = np.fromiter((i_index[s.issue] for s in st), dtype=np.intp, count=len(st))
        pos[a, i] = (np.fromiter((s.position for s in st), float, len(st)) - lo[i]) / (
            hi[i] - lo[i])
        sal[a, i] = np.fromiter((s.salience for s in st), float, len(st)) / 100.0
        own = np.array([ac.capability for ac in sc.actors], dtype=float)
        cap[a, i] = np.fromiter(
            (np.nan if s.capability is None else s.capability for s in st), float, len(st))
        cap[a, i] = np.where(np.isnan(cap[a, i]), own[a], cap[a, i])
        present[a, i] = True
        sq = np.array(
            [np.nan if i.status_quo is None else i.to_unit(i.status_quo) for i in sc.issues]
        )
        return cls(sc.actor_ids, sc.issue_ids, pos, sal, cap, present, sq, lo, hi)

    @property
    def n_actors(self) -> int:
        return len(self.actor_ids)

    @property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    def to_scale(self, unit: np.ndarray) -> np.ndarray:
        """Map values on [0, 1] (last axis = issues) back to each issue's own scale."""
        return self.scale_min + np.asarray(unit) * (self.scale_max - self.scale_min)
