"""The scenario language: actors, issues, stances and the scenario that binds them.

Values are frozen pydantic models, validated at construction. Cross-references (a stance that
names an unknown actor, a position outside its issue's scale, duplicate ids) raise
:class:`ScenarioError`, which carries every problem with its location so that readers can point
at the file, line and field.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from detente.errors import InputError, InputLookupError, Problem

__all__ = [
    "Actor",
    "CompiledScenario",
    "Issue",
    "Problem",
    "Scenario",
    "ScenarioError",
    "Stance",
]


class ScenarioError(InputError):
    """Raised for invalid scenario input; ``problems`` lists every problem found."""


_FROZEN = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _finite(value: float, name: str) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return value


class Actor(BaseModel):
    """A party to the negotiation.

    ``capability`` is the actor's power to move the outcome (any non-negative scale: models
    normalise it). ``note`` and ``source`` document where an estimate comes from.
    """

    model_config = _FROZEN

    id: str = Field(min_length=1)
    name: str = ""
    capability: float = Field(default=1.0, ge=0)
    note: str = ""
    source: str = ""

    @field_validator("capability")
    @classmethod
    def _cap_finite(cls, v: float) -> float:
        return _finite(v, "capability")

    @property
    def label(self) -> str:
        return self.name or self.id


class Issue(BaseModel):
    """A dimension of the negotiation, positions on ``[scale_min, scale_max]`` (0–100 by default).

    ``low`` and ``high`` say what the ends of the scale mean; ``status_quo`` is the reversion
    point if no agreement is reached (``None`` when unknown).
    """

    model_config = _FROZEN

    id: str = Field(min_length=1)
    name: str = ""
    low: str = ""
    high: str = ""
    status_quo: float | None = None
    scale_min: float = 0.0
    scale_max: float = 100.0
    note: str = ""
    source: str = ""

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


class Stance(BaseModel):
    """An actor's position on an issue and how much the issue matters to it (salience 0–100).

    ``capability`` optionally overrides the actor's capability on this issue (decide's format
    gives power per actor and issue).
    """

    model_config = _FROZEN

    actor: str = Field(min_length=1)
    issue: str = Field(min_length=1)
    position: float
    salience: float = Field(ge=0, le=100)
    capability: float | None = Field(default=None, ge=0)
    note: str = ""
    source: str = ""

    @field_validator("position", "salience")
    @classmethod
    def _pos_finite(cls, v: float) -> float:
        return _finite(v, "value")


class Scenario(BaseModel):
    """A negotiation: who is at the table, on what, wanting what, caring how much."""

    model_config = _FROZEN

    name: str = "scenario"
    description: str = ""
    source: str = ""
    date: str = ""
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    stances: tuple[Stance, ...]

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
        for i, iss in enumerate(self.issues):
            if iss.id in issues:
                problems.append(
                    Problem(f"duplicate issue id '{iss.id}'", "id", loc=("issues", i, "id"))
                )
            issues.setdefault(iss.id, iss)
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
        if problems:
            raise ScenarioError(problems)
        return self

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
        return Scenario(
            name=self.name,
            description=self.description,
            source=self.source,
            date=self.date,
            actors=self.actors,
            issues=self.issues,
            stances=tuple(stances),
        )

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
        for s in sc.stances:
            a, i = a_index[s.actor], i_index[s.issue]
            pos[a, i] = (s.position - lo[i]) / (hi[i] - lo[i])
            sal[a, i] = s.salience / 100.0
            cap[a, i] = sc.actors[a].capability if s.capability is None else s.capability
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
