"""The bargaining domain: issues with options, two parties with additive utilities.

A :class:`Domain` holds everything a bilateral negotiation needs: the issues (each a finite list
of options; a continuous range is discretised into evenly spaced points), the two parties'
additive utility functions ``u(x) = sum_i w_i v_i(x_i)`` (weights sum to one, per-option values
in [0, 1], so utilities lie in [0, 1]), their reservation values (what walking away is worth),
their discount factors and the deadline (the number of offers the protocol allows).

Domains are built from detente's bargaining YAML (:func:`load_domain`) or from a scenario by
picking two actors (:func:`domain_from_scenario`).
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from detente.errors import InputError, InputLookupError, LimitError
from detente.scenario import Problem, Scenario, ScenarioError

__all__ = [
    "BargainingIssue",
    "Domain",
    "Party",
    "domain_from_scenario",
    "load_domain",
]

#: Largest outcome space whose utilities are held in memory at once (larger ones are chunked).
MAX_OUTCOMES = 20_000_000


#: per-domain caches kept in the instance's ``__dict__`` (not fields; left out of pickles)
_CACHES = frozenset({"_utilities", "_rankings"})


def _frozen_array(x: Any, dtype: Any = float) -> np.ndarray:
    arr = np.array(x, dtype=dtype)
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True, eq=False)
class BargainingIssue:
    """One issue: its options (labels) and, for a numeric issue, the option's values."""

    id: str
    options: tuple[str, ...]
    points: np.ndarray | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.id

    @property
    def n_options(self) -> int:
        return len(self.options)


@dataclass(frozen=True, eq=False)
class Party:
    """One side: additive utility ``u(x) = sum_i weights[i] * values[i][x_i]``.

    ``reservation_value`` is the utility of walking away (no agreement); ``discount`` the factor
    by which an agreement reached one offer later is worth less (Rubinstein 1982).
    """

    id: str
    weights: np.ndarray
    values: tuple[np.ndarray, ...]
    reservation_value: float
    discount: float = 1.0
    name: str = ""
    #: ids of the issues where the red lines exclude this party's stated position (its best
    #: option there is then the nearest the red lines allow, not its ideal)
    ideal_cut: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id

    @property
    def best_label(self) -> str:
        """What :meth:`best_options` is: the party's ideal, or, where red lines moved it, its
        best within the red lines."""
        return (f"{self.id}'s best within the red lines" if self.ideal_cut
                else f"{self.id} ideal")

    @property
    def best_note(self) -> str | None:
        """The sentence that says where :attr:`best_label` is not the party's ideal."""
        if not self.ideal_cut:
            return None
        return (f"the red lines exclude {self.id}'s stated position on "
                f"{', '.join(self.ideal_cut)}: '{self.best_label}' is the option nearest it "
                "that they allow")

    def tables(self) -> list[np.ndarray]:
        """Weighted per-issue value tables: ``u(x) = sum_i tables[i][x_i]``."""
        return [w * v for w, v in zip(self.weights, self.values, strict=False)]

    def best_options(self) -> np.ndarray:
        return np.array([int(np.argmax(v)) for v in self.values])

    def replace(self, **changes: Any) -> Party:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, eq=False)
class Domain:
    """A bilateral multi-issue bargaining domain (issues, parties ``a`` and ``b``, deadline).

    ``status_quo`` gives, per issue, the index of the option that holds if no agreement is
    reached (``None`` when unknown); it defines what a broken deal reverts to. ``as_of`` is the
    date the inputs describe, when the domain was built from a dated scenario.
    """

    name: str
    issues: tuple[BargainingIssue, ...]
    a: Party
    b: Party
    status_quo: tuple[int, ...] | None = None
    deadline: int = 100
    source: str = ""
    as_of: str | None = None

    def __post_init__(self) -> None:
        shape = self.shape
        if len(shape) > MAX_ISSUES:
            raise LimitError(f"domain '{self.name}' has {len(shape)} issues, more than the "
                             f"{MAX_ISSUES} a bargaining domain can hold: merge or drop issues")
        for p in (self.a, self.b):
            if len(p.values) != len(shape) or len(p.weights) != len(shape):
                raise InputError(f"party '{p.id}': expected values and weights for each issue")
            for k, v in enumerate(p.values):
                if v.shape != (shape[k],):
                    raise InputError(
                        f"party '{p.id}', issue '{self.issues[k].id}': expected "
                        f"{shape[k]} values, got {v.shape[0]}"
                    )
            if not math.isclose(float(np.sum(p.weights)), 1.0, abs_tol=1e-9):
                raise InputError(f"party '{p.id}': weights must sum to 1")
            if not 0 < p.discount <= 1:
                raise InputError(f"party '{p.id}': discount must be in (0, 1], got {p.discount}")
        if self.status_quo is not None and len(self.status_quo) != len(shape):
            raise InputError("status_quo: expected one option per issue")
        if self.deadline < 1:
            raise InputError(f"deadline must be at least 1 offer, got {self.deadline}")

    def __getstate__(self) -> dict[str, Any]:
        """The fields only: caches (utilities, the protocol's rankings) are rebuilt on use."""
        return {k: v for k, v in self.__dict__.items() if k not in _CACHES}

    # -- shape ------------------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(i.n_options for i in self.issues)

    @property
    def n_outcomes(self) -> int:
        return math.prod(self.shape)  # a Python int: no 64-bit overflow

    @property
    def parties(self) -> tuple[Party, Party]:
        return (self.a, self.b)

    def party(self, which: str) -> Party:
        if which in ("a", self.a.id):
            return self.a
        if which in ("b", self.b.id):
            return self.b
        raise InputLookupError(f"no party '{which}' in domain '{self.name}' (parties: {self.a.id}, "
                       f"{self.b.id})")

    def replace(self, **changes: Any) -> Domain:
        return dataclasses.replace(self, **changes)

    def with_reservation_values(self, ra: float, rb: float) -> Domain:
        return self.replace(
            a=self.a.replace(reservation_value=float(ra)),
            b=self.b.replace(reservation_value=float(rb)),
        )

    # -- outcomes ---------------------------------------------------------------------------
    def outcome(self, index: int) -> dict[str, str]:
        """The options of outcome ``index`` (flat, C order), issue id → option label."""
        idx = np.unravel_index(int(index), self.shape)
        return {iss.id: iss.options[int(k)] for iss, k in zip(self.issues, idx, strict=False)}

    def outcome_index(self, options: Sequence[int]) -> int:
        return int(np.ravel_multi_index(tuple(int(o) for o in options), self.shape))

    def utility_of(self, party: str, index: int | np.ndarray) -> np.ndarray:
        """Utility of the given flat outcome indices for party ``a`` or ``b``."""
        p = self.party(party)
        idx = np.unravel_index(np.asarray(index), self.shape)
        return np.asarray(sum(t[i] for t, i in zip(p.tables(), idx, strict=False)), dtype=float)

    def _check_size(self) -> None:
        check_outcomes(self)

    def additive(self, tables: Sequence[np.ndarray]) -> np.ndarray:
        """``sum_i tables[i][x_i]`` for every outcome (flat, C order), by outer sums."""
        self._check_size()
        total = np.zeros((), dtype=float)
        for t in tables:
            total = np.add.outer(total, np.asarray(t, dtype=float))
        return np.ascontiguousarray(total.reshape(-1))

    def utilities(self) -> tuple[np.ndarray, np.ndarray]:
        """Both parties' utility of every outcome, two arrays of length ``n_outcomes``
        (computed once per domain and shared: read-only)."""
        got: tuple[np.ndarray, np.ndarray] | None = self.__dict__.get("_utilities")
        if got is None:
            ua, ub = self.additive(self.a.tables()), self.additive(self.b.tables())
            ua.setflags(write=False)
            ub.setflags(write=False)
            got = (ua, ub)
            object.__setattr__(self, "_utilities", got)  # a cache, not a field
        return got

    def chunks(self, size: int = 1 << 18) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Lazily yield ``(flat_indices, u_a, u_b)`` in chunks of at most ``size`` outcomes.

        The outcome space is never materialised: each chunk decodes its flat indices with
        ``unravel_index`` and sums the per-issue tables, so memory stays ``O(size)``.
        """
        ta = self.a.tables()
        tb = self.b.tables()
        n = self.n_outcomes
        for start in range(0, n, size):
            flat = np.arange(start, min(n, start + size), dtype=np.int64)
            idx = np.unravel_index(flat, self.shape)
            ua = np.zeros(flat.shape)
            ub = np.zeros(flat.shape)
            for k, i in enumerate(idx):
                ua += ta[k][i]
                ub += tb[k][i]
            yield flat, ua, ub

    def status_quo_utilities(self) -> tuple[float, float] | None:
        if self.status_quo is None:
            return None
        # summed per issue: no flat index, which overflows on a space too large to hold (the
        # size is checked where the outcomes are built, with a message naming the limit)
        return tuple(float(sum(t[int(o)] for t, o in zip(p.tables(), self.status_quo,
                                                          strict=True)))
                     for p in (self.a, self.b))  # type: ignore[return-value]

    def as_dict(self) -> dict[str, Any]:
        """A plain description (JSON-ready)."""
        return {
            "name": self.name,
            "deadline": self.deadline,
            "n_outcomes": self.n_outcomes,
            "issues": [
                {"id": i.id, "name": i.name, "options": list(i.options)} for i in self.issues
            ],
            "status_quo": None
            if self.status_quo is None
            else {
                iss.id: iss.options[k]
                for iss, k in zip(self.issues, self.status_quo, strict=True)
            },
            "parties": [
                {
                    "id": p.id,
                    "name": p.name,
                    "weights": {
                        i.id: float(w) for i, w in zip(self.issues, p.weights, strict=True)
                    },
                    "reservation_value": p.reservation_value,
                    "discount": p.discount,
                    # issues where its best option is its best within the red lines, not its
                    # stated position
                    "ideal_excluded_by_red_lines": list(p.ideal_cut),
                }
                for p in self.parties
            ],
        }


# ---------------------------------------------------------------------------------------------
# from a scenario
def _grid(lo: float, hi: float, steps: int, extra: Sequence[float]) -> np.ndarray:
    pts = np.concatenate([np.linspace(lo, hi, steps), np.asarray(extra, dtype=float)])
    pts = np.unique(np.round(pts, 10))
    return pts


#: Points per issue scale when a bilateral domain is built from a scenario, unless asked
#: otherwise: every face (command line, report, web page and API) starts from this one.
DEFAULT_STEPS = 11


def domain_from_scenario(
    scenario: Scenario,
    a: str,
    b: str,
    *,
    steps: int = DEFAULT_STEPS,
    reservation: tuple[float, float] | None = None,
    discount: tuple[float, float] = (1.0, 1.0),
    deadline: int = 100,
    issues: Sequence[str] | None = None,
) -> Domain:
    """The bilateral domain of actors ``a`` and ``b`` in ``scenario``.

    Each issue's scale is discretised into ``steps`` evenly spaced points, plus the two actors'
    positions and the status quo (so that ideal points and the reversion point are outcomes).
    Each party's value on an issue falls linearly with the distance from its position,
    ``v(x) = 1 - |x - position|`` on the unit scale (the spatial utility of the collective
    models); its weights are its saliences, normalised to sum to one. Its reservation value is
    the utility of the status quo, unless ``reservation`` gives both explicitly (an outside
    option). An issue where an actor has no stance gets weight 0 for it.

    Red lines of ``a`` and ``b`` are honoured (non-compensatory): options that cross either
    party's red line are left out, except the status quo (not settling an issue crosses
    nothing), and each red line's value is itself an option.
    """
    if not 2 <= steps <= MAX_OPTIONS:
        raise InputError(f"steps must be from 2 to {MAX_OPTIONS:,} (points per issue scale), "
                         f"got {steps:,}")
    for who in (a, b):
        if who not in scenario.actor_ids:
            raise InputError(
                f"no actor '{who}' in scenario '{scenario.name}'; actors: "
                f"{', '.join(scenario.actor_ids)}"
            )
    if a == b:
        raise InputError(f"the two parties must differ, got '{a}' twice")
    chosen = list(scenario.issues)
    if issues is not None:
        chosen = [scenario.issue(i) for i in issues]
    chosen = [
        i for i in chosen if scenario.stance(a, i.id) is not None or scenario.stance(b, i.id)
    ]
    if not chosen:
        raise InputError(f"actors '{a}' and '{b}' have no stance on any issue")
    b_issues: list[BargainingIssue] = []
    values: dict[str, list[np.ndarray]] = {a: [], b: []}
    sal: dict[str, list[float]] = {a: [], b: []}
    sq: list[int] | None = []
    cut: dict[str, list[str]] = {a: [], b: []}
    for iss in chosen:
        extra = [s.position for who in (a, b) if (s := scenario.stance(who, iss.id)) is not None]
        if iss.status_quo is not None:
            extra.append(iss.status_quo)
        lines = [st.red_line for who in (a, b)
                 if (st := scenario.stance(who, iss.id)) is not None and st.red_line is not None]
        extra += [rl.value for rl in lines]
        pts = _grid(iss.scale_min, iss.scale_max, steps, extra)
        if lines:
            keep = np.array([all(rl.allows(float(p)) for rl in lines) for p in pts])
            if iss.status_quo is not None:
                keep |= np.isclose(pts, iss.status_quo)
            if not keep.any():
                raise InputError(
                    f"issue '{iss.id}': the red lines of {a} and {b} leave no option and there "
                    "is no status quo to fall back on")
            pts = pts[keep]
            for who in (a, b):
                st = scenario.stance(who, iss.id)
                if st is not None and not np.isclose(pts, st.position).any():
                    cut[who].append(iss.id)
        width = iss.scale_max - iss.scale_min
        b_issues.append(
            BargainingIssue(iss.id, tuple(f"{p:g}" for p in pts), _frozen_array(pts), iss.name)
        )
        for who in (a, b):
            s = scenario.stance(who, iss.id)
            if s is None:
                values[who].append(_frozen_array(np.ones_like(pts)))
                sal[who].append(0.0)
            else:
                values[who].append(_frozen_array(1.0 - np.abs(pts - s.position) / width))
                sal[who].append(s.salience)
        if sq is not None:
            if iss.status_quo is None:
                sq = None
            else:
                sq.append(int(np.argmin(np.abs(pts - iss.status_quo))))
    parties = []
    for k, who in enumerate((a, b)):
        w = np.asarray(sal[who], dtype=float)
        if w.sum() <= 0:
            raise InputError(
                f"actor '{who}' has zero salience on every issue shared with the other"
            )
        parties.append(
            Party(who, _frozen_array(w / w.sum()), tuple(values[who]), 0.0, discount[k],
                  scenario.actor(who).name, tuple(cut[who]))
        )
    dom = Domain(
        name=f"{scenario.name}: {a}–{b}",
        issues=tuple(b_issues),
        a=parties[0],
        b=parties[1],
        status_quo=None if sq is None else tuple(sq),
        deadline=deadline,
        source=scenario.source,
        as_of=scenario.as_of,
    )
    if reservation is not None:
        return dom.with_reservation_values(*reservation)
    squ = dom.status_quo_utilities()
    if squ is None:
        missing = [i.id for i in chosen if i.status_quo is None]
        raise InputError(
            f"issue(s) {', '.join(missing)} have no status_quo, so walking away has no value: "
            "give the reservation values explicitly (an outside option; --reservation RA,RB "
            "on the command line)"
        )
    return dom.with_reservation_values(*squ)


# ---------------------------------------------------------------------------------------------
# YAML
ValueSpec = Literal["increasing", "decreasing"]


MAX_ISSUES = 32
"""Most issues in a bargaining domain held as one outcome array (numpy's dimension limit)."""
MAX_OPTIONS = 100_000
"""Most options (or grid steps) of one bargaining issue."""
MAX_MAGNITUDE = 1e12
"""Largest magnitude of a number in a bargaining-domain file."""


def check_outcomes(domain: Domain, copies: int = 1, limit: int = MAX_OUTCOMES) -> None:
    """Refuse, before anything is allocated, a domain whose outcome space (times ``copies``)
    is beyond ``limit`` outcomes or :data:`MAX_ISSUES` issues (a :class:`LimitError` stating
    the bound and the count)."""
    n = domain.n_outcomes * copies
    if len(domain.issues) > MAX_ISSUES:
        raise LimitError(
            f"domain '{domain.name}' has {len(domain.issues)} issues, more than the "
            f"{MAX_ISSUES} a bargaining domain can hold: merge or drop issues"
        )
    if n > limit:
        shown = f"{n:,}" if n < 10**30 else f"about 10^{len(str(n)) - 1}"
        what = f" × {copies} copies" if copies > 1 else ""
        raise LimitError(
            f"domain '{domain.name}' has {shown} outcomes{what}, more than the {limit:,} held "
            f"in memory (about {limit * 16 / 2**30:.1f} GiB for two utility tables): use "
            "fewer options per issue (a coarser grid: --grid on the command line), or the "
            "chunked functions"
        )


class _Reader:
    """Collects located problems while reading a bargaining-domain YAML document."""

    def __init__(self, file: str, locate: Any) -> None:
        self.file = file
        self.locate = locate
        self.problems: list[Problem] = []

    def err(self, loc: tuple[str | int, ...], message: str) -> None:
        field = next((p for p in reversed(loc) if isinstance(p, str)), "")
        self.problems.append(Problem(message, field, self.file, self.locate(loc), loc=loc))

    def number(self, v: Any, loc: tuple[str | int, ...], lo: float | None = None,
               hi: float | None = None, what: str = "a number") -> float | None:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.err(loc, f"expected {what}, got {str(v)[:40]!r}")
            return None
        if isinstance(v, int) and abs(v) > MAX_MAGNITUDE:
            digits = int(v.bit_length() * 0.30103) + 1
            self.err(loc, f"expected {what}, got a number of about {digits} digits (limit "
                     f"±{MAX_MAGNITUDE:g})")
            return None
        if not math.isfinite(v) or abs(v) > MAX_MAGNITUDE:
            self.err(loc, f"expected {what} (finite, within ±{MAX_MAGNITUDE:g}), got {v!r}")
            return None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            self.err(loc, f"expected {what}, got {v!r}")
            return None
        return float(v)


def _read_issue(r: _Reader, raw: Any, k: int) -> BargainingIssue | None:
    loc: tuple[str | int, ...] = ("issues", k)
    if not isinstance(raw, dict):
        r.err(loc, "expected a mapping with id and options (or range)")
        return None
    unknown = set(raw) - {"id", "name", "options", "range", "steps"}
    for key in sorted(unknown, key=str):
        r.err((*loc, key), "unknown key; expected id, name, options, range, steps")
    iid = raw.get("id")
    if not isinstance(iid, (str, int)) or isinstance(iid, bool) or str(iid) == "":
        r.err((*loc, "id"), "expected an issue id (text)")
        return None
    name = str(raw.get("name", ""))
    if ("options" in raw) == ("range" in raw):
        r.err(loc, f"issue '{iid}': give either options (a list) or range [low, high]")
        return None
    if "options" in raw:
        opts = raw["options"]
        if not isinstance(opts, list) or not 1 <= len(opts) <= MAX_OPTIONS:
            r.err((*loc, "options"), f"expected a non-empty list of at most {MAX_OPTIONS:,} "
                  "options")
            return None
        labels = [str(o) for o in opts]
        if len(set(labels)) != len(labels):
            r.err((*loc, "options"), "options must be distinct")
            return None
        numeric = all(isinstance(o, (int, float)) and not isinstance(o, bool) for o in opts)
        pts = _frozen_array([float(o) for o in opts]) if numeric else None
        return BargainingIssue(str(iid), tuple(labels), pts, name)
    rng = raw["range"]
    if not (isinstance(rng, list) and len(rng) == 2):
        r.err((*loc, "range"), "expected [low, high]")
        return None
    lo = r.number(rng[0], (*loc, "range"))
    hi = r.number(rng[1], (*loc, "range"))
    steps_raw = raw.get("steps", 11)
    if (isinstance(steps_raw, bool) or not isinstance(steps_raw, int) or steps_raw < 2
            or steps_raw > MAX_OPTIONS):
        r.err((*loc, "steps"), f"expected an integer from 2 to {MAX_OPTIONS:,}, got "
              f"{str(steps_raw)[:40]}")
        return None
    if lo is None or hi is None:
        return None
    if not hi > lo:
        r.err((*loc, "range"), f"expected low < high, got [{lo:g}, {hi:g}]")
        return None
    pts = np.linspace(lo, hi, steps_raw)
    return BargainingIssue(str(iid), tuple(f"{p:g}" for p in pts), _frozen_array(pts), name)


def _read_values(r: _Reader, raw: Any, issue: BargainingIssue,
                 loc: tuple[str | int, ...]) -> np.ndarray | None:
    """One party's values on one issue: per-option mapping/list, or a numeric value function."""
    n = issue.n_options
    if isinstance(raw, list):
        if len(raw) != n:
            r.err(loc, f"expected {n} values (one per option of '{issue.id}'), got {len(raw)}")
            return None
        vals = [r.number(v, (*loc, j), 0, 1, "a value in [0, 1]") for j, v in enumerate(raw)]
        return None if any(v is None for v in vals) else np.array(vals, dtype=float)
    pts = issue.points
    if isinstance(raw, str):
        if pts is None or raw not in ("increasing", "decreasing"):
            r.err(loc, "expected increasing or decreasing (numeric issue), a list of values, "
                  "or a mapping option: value")
            return None
        lin = (pts - pts.min()) / (pts.max() - pts.min()) if pts.max() > pts.min() else pts * 0
        return lin if raw == "increasing" else 1.0 - lin
    if not isinstance(raw, dict):
        r.err(loc, "expected a mapping option: value, a list of values, or a value function")
        return None
    if set(raw) == {"ideal"} or set(raw) == {"points"}:
        if pts is None:
            r.err(loc, f"issue '{issue.id}' has non-numeric options: give a value per option")
            return None
        if "ideal" in raw:
            ideal = r.number(raw["ideal"], (*loc, "ideal"))
            if ideal is None:
                return None
            width = float(pts.max() - pts.min()) or 1.0
            return np.clip(1.0 - np.abs(pts - ideal) / width, 0.0, 1.0)
        knots = raw["points"]
        if not isinstance(knots, list) or len(knots) < 2 or not all(
            isinstance(p, list) and len(p) == 2 for p in knots
        ):
            r.err((*loc, "points"), "expected a list of at least two [x, value] pairs")
            return None
        xs = [r.number(p[0], (*loc, "points", j)) for j, p in enumerate(knots)]
        vs = [r.number(p[1], (*loc, "points", j), 0, 1, "a value in [0, 1]")
              for j, p in enumerate(knots)]
        if any(v is None for v in xs + vs):
            return None
        xa = np.array(xs, dtype=float)
        if np.any(np.diff(xa) <= 0):
            r.err((*loc, "points"), "expected increasing x values")
            return None
        return np.interp(pts, xa, np.array(vs, dtype=float))
    out = np.full(n, np.nan)
    for key, v in raw.items():
        if str(key) not in issue.options:
            r.err((*loc, str(key)), f"unknown option {key!r} of issue '{issue.id}'; options: "
                  f"{', '.join(issue.options)}")
            continue
        val = r.number(v, (*loc, str(key)), 0, 1, "a value in [0, 1]")
        if val is not None:
            out[issue.options.index(str(key))] = val
    missing = [o for o, v in zip(issue.options, out, strict=False) if np.isnan(v)]
    if missing:
        r.err(loc, f"no value for option(s) {', '.join(missing)} of issue '{issue.id}'")
        return None
    return out


def _read_party(r: _Reader, raw: Any, k: int, issues: Sequence[BargainingIssue],
                sq: tuple[int, ...] | None) -> Party | None:
    loc: tuple[str | int, ...] = ("parties", k)
    if not isinstance(raw, dict):
        r.err(loc, "expected a mapping with id, weights, values")
        return None
    allowed = {"id", "name", "weights", "values", "reservation_value", "discount"}
    for key in sorted(set(raw) - allowed, key=str):
        r.err((*loc, key), f"unknown key; expected one of {', '.join(sorted(allowed))}")
    pid = raw.get("id")
    if not isinstance(pid, str) or not pid:
        r.err((*loc, "id"), "expected a party id (text)")
        return None
    ids = [i.id for i in issues]
    wraw = raw.get("weights")
    if not isinstance(wraw, dict):
        r.err((*loc, "weights"), f"expected a mapping issue: weight for issues {', '.join(ids)}")
        return None
    w = np.zeros(len(issues))
    for key, v in wraw.items():
        if str(key) not in ids:
            r.err((*loc, "weights", str(key)), f"unknown issue; expected one of {', '.join(ids)}")
            continue
        val = r.number(v, (*loc, "weights", str(key)), 0, None, "a weight ≥ 0")
        if val is not None:
            w[ids.index(str(key))] = val
    if w.sum() <= 0:
        r.err((*loc, "weights"), "expected at least one positive weight")
        return None
    vraw = raw.get("values")
    if not isinstance(vraw, dict):
        r.err((*loc, "values"), "expected a mapping issue: values")
        return None
    values: list[np.ndarray] = []
    ok = True
    for iss in issues:
        if iss.id not in vraw:
            r.err((*loc, "values"), f"no values for issue '{iss.id}'")
            ok = False
            continue
        v = _read_values(r, vraw[iss.id], iss, (*loc, "values", iss.id))
        if v is None:
            ok = False
        else:
            values.append(_frozen_array(v))
    for key in vraw:
        if str(key) not in ids:
            r.err((*loc, "values", str(key)), f"unknown issue; expected one of {', '.join(ids)}")
    disc = r.number(raw.get("discount", 1.0), (*loc, "discount"), 0, 1, "a discount in (0, 1]")
    if disc == 0:
        r.err((*loc, "discount"), "expected a discount in (0, 1], got 0")
        disc = None
    if not ok or disc is None:
        return None
    weights = _frozen_array(w / w.sum())
    if "reservation_value" in raw:
        rv = r.number(raw["reservation_value"], (*loc, "reservation_value"), 0, 1,
                      "a reservation value in [0, 1]")
        if rv is None:
            return None
    elif sq is not None:
        rv = float(sum(wk * v[s] for wk, v, s in zip(weights, values, sq, strict=False)))
    else:
        r.err(loc, f"party '{pid}': give reservation_value, or a status_quo for the domain "
              "(walking away is then worth the status quo)")
        return None
    return Party(pid, weights, tuple(values), rv, disc, str(raw.get("name", "")))


def load_domain(path: str | os.PathLike[str]) -> Domain:
    """Read a bargaining domain from detente's bargaining YAML (see README, "Bilateral bargaining").

    Every mistake is reported as :class:`~detente.scenario.ScenarioError` naming the file,
    line, field and what was expected.
    """
    from detente.scenario._io import load_yaml_document

    p = Path(path)
    data, locate = load_yaml_document(p)
    return domain_from_dict(data, file=str(p), locate=locate)


def domain_from_dict(data: Any, *, file: str = "<input>", locate: Any = None) -> Domain:
    """Build a :class:`Domain` from the parsed bargaining YAML document."""
    r = _Reader(file, locate or (lambda loc: None))
    if not isinstance(data, dict) or "parties" not in data:
        raise ScenarioError([Problem("expected a bargaining domain: a mapping with issues and "
                                     "parties", file=file, line=1)])
    allowed = {"name", "description", "source", "issues", "parties", "status_quo", "deadline"}
    for key in sorted(set(data) - allowed, key=str):
        r.err((key,), f"unknown key; expected one of {', '.join(sorted(allowed))}")
    raw_issues = data.get("issues")
    if not isinstance(raw_issues, list) or not raw_issues:
        r.err(("issues",), "expected a non-empty list of issues")
        raise ScenarioError(r.problems)
    if len(raw_issues) > MAX_ISSUES:
        r.err(("issues",), f"{len(raw_issues)} issues, more than the {MAX_ISSUES} a bargaining "
              "domain can hold: merge or drop issues")
        raise ScenarioError(r.problems)
    issues = [i for k, raw in enumerate(raw_issues) if (i := _read_issue(r, raw, k)) is not None]
    ids = [i.id for i in issues]
    if len(set(ids)) != len(ids):
        r.err(("issues",), "issue ids must be distinct")
    if r.problems:
        raise ScenarioError(r.problems)
    sq: tuple[int, ...] | None = None
    if data.get("status_quo") is not None:
        raw_sq = data["status_quo"]
        if not isinstance(raw_sq, dict) or set(map(str, raw_sq)) != set(ids):
            r.err(("status_quo",), f"expected a mapping with one option for each issue: "
                  f"{', '.join(ids)}")
        else:
            found: list[int] = []
            for iss in issues:
                v = raw_sq.get(iss.id)
                label = str(v)
                if label not in iss.options and iss.points is not None and isinstance(v, (int,
                                                                                          float)):
                    near = int(np.argmin(np.abs(iss.points - float(v))))
                    if math.isclose(float(iss.points[near]), float(v), abs_tol=1e-9):
                        label = iss.options[near]
                if label not in iss.options:
                    r.err(("status_quo", iss.id), f"unknown option {v!r}; options: "
                          f"{', '.join(iss.options)}")
                    continue
                found.append(iss.options.index(label))
            if len(found) == len(issues):
                sq = tuple(found)
    raw_parties = data.get("parties")
    if not isinstance(raw_parties, list) or len(raw_parties) != 2:
        r.err(("parties",), "expected a list of exactly two parties")
        raise ScenarioError(r.problems)
    parties = [_read_party(r, raw, k, issues, sq) for k, raw in enumerate(raw_parties)]
    deadline = data.get("deadline", 100)
    if isinstance(deadline, bool) or not isinstance(deadline, int) or deadline < 1:
        r.err(("deadline",), f"expected a number of offers ≥ 1, got {deadline!r}")
    if r.problems:
        raise ScenarioError(r.problems)
    pa, pb = parties
    assert pa is not None and pb is not None
    if pa.id == pb.id:
        raise ScenarioError([Problem(f"the two parties have the same id '{pa.id}'", "id", file,
                                     r.locate(("parties", 1, "id")))])
    return Domain(str(data.get("name", "domain")), tuple(issues), pa, pb, sq, int(deadline),
                  str(data.get("source", "")))
