"""The uncertain inputs of a scenario, and drawing them.

:class:`InputSpace` lists every number of a scenario that varies: those given as distributions
in the scenario file and, with a :class:`Jitter`, every other position, salience and capability
(a normal around the point value). :meth:`InputSpace.sample` draws ``(draws, n_inputs)`` values on
the fields' own scales, each kept within its field's bounds; :meth:`InputSpace.arrays` turns
them into the stacked arrays the models work on (positions on [0, 1], shape ``(draws, n_actors,
n_issues)``), and :meth:`InputSpace.scenario` into a scenario for models that read the scenario
itself (the crisis model).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import special

from detente.errors import InputError
from detente.scenario import Scenario
from detente.scenario._uncertain import Distribution

__all__ = ["InputSpace", "Jitter", "UncertainInput", "parse_jitter"]

FIELDS = ("position", "salience", "capability")


@dataclass(frozen=True)
class Jitter:
    """Scenario-wide noise on every number without its own distribution: the standard
    deviation of a normal around the point value (truncated to the field's bounds), either in
    the field's units or, when ``relative``, as a share (position: of the issue's scale width;
    salience and capability: of the value)."""

    position: float = 0.0
    salience: float = 0.0
    capability: float = 0.0
    relative: tuple[str, ...] = ()
    censor: bool = False
    """Jittered values beyond a bound sit at the bound (a censored normal, with point masses at
    the ends of the scale) rather than being drawn again inside (truncated)."""
    common: float = 0.0
    """Correlation of the jittered positions on one issue (a Gaussian copula: a share
    ``common`` of each one's variation is shared by all positions on the issue, as when an
    issue's whole coding may be off); 0: independent."""

    def sd(self, name: str, point: float, width: float) -> float:
        s = float(getattr(self, name))
        if name in self.relative:
            return s * (width if name == "position" else abs(point))
        return s

    @property
    def any(self) -> bool:
        return any(getattr(self, f) > 0 for f in FIELDS)

    def scaled(self, k: float) -> Jitter:
        """Every standard deviation times ``k`` (calibration)."""
        return Jitter(self.position * k, self.salience * k, self.capability * k, self.relative,
                      self.censor, self.common)

    @property
    def text(self) -> str:
        parts = []
        for f in FIELDS:
            v = getattr(self, f)
            if v:
                parts.append(f"{f}={v * 100:g}%" if f in self.relative else f"{f}={v:g}")
        if self.censor:
            parts.append("censor=1")
        if self.common:
            parts.append(f"common={self.common:g}")
        return ",".join(parts)


_JIT = re.compile(
    r"^\s*(position|salience|capability|common|censor)\s*=\s*([0-9.eE+-]+)\s*(%?)\s*$")


def parse_jitter(text: str | None, *, name: str = "--jitter") -> Jitter:
    """``position=10,salience=25%`` → :class:`Jitter` (``InputError`` says what was expected).

    ``name`` is what the messages call the text: the CLI's option, or an API's field."""
    if not text:
        return Jitter()
    vals: dict[str, Any] = {}
    rel: list[str] = []
    for part in text.split(","):
        if not part.strip():
            continue
        m = _JIT.match(part)
        if m is None:
            raise InputError(f"{name}: cannot read {part.strip()!r}: expected FIELD=SD or "
                             "FIELD=PCT% with FIELD one of position, salience, capability, "
                             "and optionally common=RHO (e.g. position=10,salience=25%)")
        try:
            v = float(m.group(2))
        except ValueError:
            raise InputError(f"{name}: {m.group(2)!r} is not a number") from None
        if not math.isfinite(v) or v < 0:
            raise InputError(f"{name}: {m.group(1)} must be a finite number ≥ 0, got {v}")
        if m.group(1) == "censor":
            if v not in (0.0, 1.0) or m.group(3):
                raise InputError(f"{name}: censor is 0 or 1, got {m.group(2)}{m.group(3)}")
            vals["censor"] = bool(v)
            continue
        if m.group(1) == "common":
            if m.group(3) or v > 1:
                raise InputError(f"{name}: common is a correlation between 0 and 1, got "
                                 f"{m.group(2)}{m.group(3)}")
        elif m.group(3):
            v /= 100.0
            rel.append(m.group(1))
        vals[m.group(1)] = v
    return Jitter(**vals, relative=tuple(rel))


@dataclass(frozen=True)
class UncertainInput:
    """One varying number: where it is (``actor``, ``issue``, ``field``), its distribution on
    the field's scale and the bounds it is kept in."""

    actor: str
    issue: str | None
    field: str
    dist: Distribution
    low: float
    high: float
    point: float
    jittered: bool = False
    censored: bool = False

    @property
    def name(self) -> str:
        """``ACTOR.ISSUE.FIELD`` (``ACTOR.FIELD`` for an actor's capability), as ``--set``."""
        return ".".join(p for p in (self.actor, self.issue, self.field) if p)


def ppf(dist: Distribution, low: float, high: float, u: np.ndarray) -> np.ndarray:
    """The values of ``dist`` at probabilities ``u`` (its inverse distribution function),
    within ``[low, high]``: the normal truncated there, the others clipped to it."""
    p = dist.params
    u = np.asarray(u, dtype=float)
    if dist.kind == "normal":
        mu, sd = p
        if sd <= 0:
            return np.full(u.shape, min(max(mu, low), high))
        a = float(special.ndtr((low - mu) / sd)) if math.isfinite(low) else 0.0
        b = float(special.ndtr((high - mu) / sd)) if math.isfinite(high) else 1.0
        if b - a < 1e-12:  # all the mass beyond a bound
            x = np.full(u.shape, low if mu < low else high)
        else:
            x = mu + sd * special.ndtri(np.clip(a + u * (b - a), 1e-300, 1 - 1e-16))
    elif dist.kind == "uniform":
        x = p[0] + u * (p[1] - p[0])
    elif dist.kind == "triangular":
        lo, mode, hi = p
        if hi <= lo:
            x = np.full(u.shape, mode)
        else:
            f = (mode - lo) / (hi - lo)
            x = np.where(u < f, lo + np.sqrt(u * (hi - lo) * (mode - lo)),
                         hi - np.sqrt(np.maximum(1 - u, 0) * (hi - lo) * (hi - mode)))
    elif dist.kind == "beta":
        lo, hi = dist.support(low if math.isfinite(low) else 0.0,
                              high if math.isfinite(high) else 100.0)
        q = special.betaincinv(p[0], p[1], u)
        q = np.where(np.isnan(q), np.where(u < 0.5, 0.0, 1.0), q)  # at 0 and 1 (underflow)
        x = lo + (hi - lo) * q
    else:
        w = np.asarray(dist.weights or (1.0,) * len(p), dtype=float)
        cum = np.cumsum(w / w.sum())
        k = np.minimum(np.searchsorted(cum, u, side="right"), len(p) - 1)
        x = np.asarray(p, dtype=float)[k]
    return np.clip(x, low, high)


def draw(dist: Distribution, low: float, high: float, n: int,
         rng: np.random.Generator) -> np.ndarray:
    """``n`` values of ``dist`` within ``[low, high]`` (inverse transform of uniforms)."""
    return ppf(dist, low, high, rng.random(n))


_FIELDS = ("position", "salience", "capability", "private_position", "private_salience")


def _check_only(scenario: Scenario, only: tuple[str, ...], found: list[UncertainInput]) -> None:
    """Each name in ``only`` must name something of the scenario: a typo would otherwise be
    dropped in silence and the analysis run on the other names alone."""
    actors = [a.id for a in scenario.actors]
    issues = [i.id for i in scenario.issues]
    atoms = {*actors, *issues, *_FIELDS, *(x.field for x in found),
             *(f"option{k}" for k in range(len(scenario.outside_options)))}
    names = {x.name for x in found}
    bad = [n for n in only if n not in names and not all(p in atoms for p in n.split("."))]
    if bad:
        raise InputError(
            f"input {bad[0]!r} names nothing in the scenario: expected ACTOR.ISSUE.FIELD, "
            f"ACTOR, ISSUE or FIELD (actors: {', '.join(actors)}; issues: {', '.join(issues)}; "
            f"fields: {', '.join(_FIELDS)})")


@dataclass(frozen=True, eq=False)
class InputSpace:
    """The varying inputs of ``scenario`` (see the module docstring)."""

    scenario: Scenario
    inputs: tuple[UncertainInput, ...]
    jitter: Jitter = field(default_factory=Jitter)

    @classmethod
    def of(cls, scenario: Scenario, jitter: Jitter | None = None,
           only: tuple[str, ...] = ()) -> InputSpace:
        """The uncertain inputs of ``scenario``; ``jitter`` adds the others; ``only`` keeps
        the named ones (``ACTOR.ISSUE.FIELD``, ``ACTOR.FIELD``, an actor id or a field name)."""
        jit = jitter or Jitter()
        issues = {i.id: i for i in scenario.issues}
        out: list[UncertainInput] = []

        def add(actor: str, issue: str | None, name: str, dist: Distribution | None,
                point: float | None, low: float, high: float, width: float) -> None:
            if point is None:
                return
            if dist is None:
                if name not in FIELDS or jit.sd(name, point, width) <= 0:
                    return
                dist = Distribution(kind="normal", params=(point, jit.sd(name, point, width)))
                out.append(UncertainInput(actor, issue, name, dist, low, high, point, True,
                                          jit.censor))
                return
            out.append(UncertainInput(actor, issue, name, dist, low, high, point))

        inf = math.inf
        for a in scenario.actors:
            d = a.uncertain.capability if a.uncertain else None
            add(a.id, None, "capability", d, a.capability, 0.0, inf, 0.0)
        for s in scenario.stances:
            iss = issues[s.issue]
            u = s.uncertain
            w = iss.scale_max - iss.scale_min
            add(s.actor, s.issue, "position", u.position if u else None, s.position,
                iss.scale_min, iss.scale_max, w)
            add(s.actor, s.issue, "salience", u.salience if u else None, s.salience,
                0.0, 100.0, 100.0)
            if s.capability is not None:
                add(s.actor, s.issue, "capability", u.capability if u else None, s.capability,
                    0.0, inf, 0.0)
            pv = s.private
            if pv is not None and pv.uncertain is not None:
                if pv.uncertain.position is not None:
                    add(s.actor, s.issue, "private_position", pv.uncertain.position,
                        pv.position, iss.scale_min, iss.scale_max, w)
                if pv.uncertain.salience is not None:
                    add(s.actor, s.issue, "private_salience", pv.uncertain.salience,
                        pv.salience, 0.0, 100.0, 100.0)
        for k, o in enumerate(scenario.outside_options):
            if o.uncertain is None:
                continue
            for name, d in o.uncertain.items():
                add(o.actor, f"option{k}", name, d, getattr(o, name), 0.0, 1.0, 1.0)
        if only:
            _check_only(scenario, only, out)
            keep = set(only)
            out = [x for x in out if x.name in keep or x.actor in keep or x.field in keep
                   or (x.issue is not None and x.issue in keep)]
        return cls(scenario, tuple(out), jit)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(x.name for x in self.inputs)

    @property
    def crisis_inputs(self) -> bool:
        """Whether any varying input is one only the crisis model reads."""
        return any(x.field.startswith("private_") or x.issue and x.issue.startswith("option")
                   and x.field in ("p_prevail", "cost", "target_cost") for x in self.inputs)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``(n, n_inputs)`` draws (one uniform per input and draw, inverse transform; with
        ``jitter.common``, the jittered positions of an issue through a Gaussian copula)."""
        u = rng.random((n, len(self.inputs)))
        if self.jitter.common > 0:
            u = self.copula(u, rng.standard_normal((n, len(self._groups()))))
        return self.values(u)

    def _groups(self) -> list[list[int]]:
        cols: dict[str, list[int]] = {}
        for j, x in enumerate(self.inputs):
            if x.jittered and x.field == "position" and x.issue is not None:
                cols.setdefault(x.issue, []).append(j)
        return [cols[k] for k in sorted(cols)]

    def copula(self, u: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """Correlate the uniforms of the jittered positions of each issue: ``z = √ρ·shared +
        √(1−ρ)·Φ⁻¹(u)`` (``shared``: one standard normal per draw and issue)."""
        rho = self.jitter.common
        u = u.copy()
        for g, idx in enumerate(self._groups()):
            z = math.sqrt(rho) * shared[:, g : g + 1] + math.sqrt(1 - rho) * special.ndtri(
                np.clip(u[:, idx], 1e-16, 1 - 1e-16))
            u[:, idx] = special.ndtr(z)
        return u

    def values(self, u: np.ndarray) -> np.ndarray:
        """The inputs at probabilities ``u`` ``(n, n_inputs)`` (each input's inverse
        distribution function; what sensitivity analysis samples through)."""
        out = np.empty(u.shape)
        for j, x in enumerate(self.inputs):
            if x.censored:
                out[:, j] = np.clip(ppf(x.dist, -math.inf, math.inf, u[:, j]), x.low, x.high)
            else:
                out[:, j] = ppf(x.dist, x.low, x.high, u[:, j])
        return out

    def points(self) -> np.ndarray:
        return np.array([x.point for x in self.inputs], dtype=float)

    # -- arrays for the array models ----------------------------------------------------------
    def arrays(self, values: np.ndarray) -> dict[str, Any]:
        """Stacked model inputs for ``values`` ``(D, n_inputs)``: ``position``, ``salience``
        (unit scales), ``capability`` of shape ``(D, n_actors, n_issues)``, plus the fixed
        ``present``, ``status_quo`` (unit), ``scale_min``, ``scale_max``."""
        c = self.scenario.compile()
        d = values.shape[0]
        pos = np.broadcast_to(c.position, (d, *c.position.shape)).copy()
        sal = np.broadcast_to(c.salience, (d, *c.salience.shape)).copy()
        cap = np.broadcast_to(c.capability, (d, *c.capability.shape)).copy()
        a_ix = {a: k for k, a in enumerate(c.actor_ids)}
        i_ix = {i: k for k, i in enumerate(c.issue_ids)}
        own_cap: dict[str, list[int]] = {}  # issues using the actor's own capability
        for s in self.scenario.stances:
            if s.capability is None:
                own_cap.setdefault(s.actor, []).append(i_ix[s.issue])
        lo, hi = c.scale_min, c.scale_max
        for j, x in enumerate(self.inputs):
            a = a_ix[x.actor]
            col = values[:, j]
            if x.issue is None:  # the actor's capability, on issues without their own
                cols = own_cap.get(x.actor, [])
                if cols:
                    cap[:, a, cols] = col[:, None]
                continue
            if x.issue not in i_ix:
                continue
            i = i_ix[x.issue]
            if x.field == "position":
                pos[:, a, i] = (col - lo[i]) / (hi[i] - lo[i])
            elif x.field == "salience":
                sal[:, a, i] = col / 100.0
            elif x.field == "capability":
                cap[:, a, i] = col
        return {"position": pos, "salience": sal, "capability": cap, "present": c.present,
                "status_quo": c.status_quo, "scale_min": lo, "scale_max": hi,
                "issue_ids": c.issue_ids, "actor_ids": c.actor_ids}

    # -- a scenario for models that read it ----------------------------------------------------
    def scenario_at(self, row: np.ndarray) -> Scenario:
        """The scenario with the inputs set to ``row`` (no re-validation: values are within
        their bounds)."""
        sc = self.scenario
        by_actor: dict[str, dict[str, float]] = {}
        by_stance: dict[tuple[str, str], dict[str, float]] = {}
        by_option: dict[int, dict[str, float]] = {}
        for x, v in zip(self.inputs, row, strict=True):
            if x.issue is None:
                by_actor.setdefault(x.actor, {})[x.field] = float(v)
            elif x.issue.startswith("option") and x.field in ("p_prevail", "cost",
                                                              "target_cost"):
                by_option.setdefault(int(x.issue[6:]), {})[x.field] = float(v)
            else:
                by_stance.setdefault((x.actor, x.issue), {})[x.field] = float(v)
        actors = tuple(a.model_copy(update=by_actor[a.id]) if a.id in by_actor else a
                       for a in sc.actors)
        stances = []
        for s in sc.stances:
            upd = by_stance.get((s.actor, s.issue))
            if upd:
                priv = {k[8:]: v for k, v in upd.items() if k.startswith("private_")}
                plain: dict[str, Any] = {k: v for k, v in upd.items()
                                         if not k.startswith("private_")}
                if priv and s.private is not None:
                    plain["private"] = s.private.model_copy(update=priv)
                s = s.model_copy(update=plain)
            stances.append(s)
        options = tuple(o.model_copy(update=by_option[k]) if k in by_option else o
                        for k, o in enumerate(sc.outside_options))
        return sc.model_copy(update={"actors": actors, "stances": tuple(stances),
                                     "outside_options": options})
