"""Datasets of many one-issue scenarios with observed outcomes (DEU-style wide files).

DEU (Thomson et al.; DEU III: Arregui & Perarnaud 2021) codes each controversial issue of an EU
legislative proposal as a row: ``p<actor>`` positions and ``s<actor>`` saliences on 0–100, ``rp``
the reference point (status quo), ``out`` the observed outcome.

:func:`read_deu` checks the numbers of a file column by column and keeps them as arrays: a case's
:class:`Scenario` is built only when someone asks for it (``case.scenario``), and
:meth:`Dataset.stacked` hands models that run on many issues at once (the expected utility model)
the same arrays as compiling every scenario would. A file that this check does not pass is read
again by the full check (pydantic validation of every scenario), which locates every problem.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import FrozenInstanceError, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from detente._limits import csv_rows
from detente.errors import InputError, LimitError
from detente.scenario._io import MAX_MAGNITUDE, _float, _read_text
from detente.scenario._model import Actor, Issue, Problem, Scenario, ScenarioError, Stance

__all__ = ["Case", "Dataset", "StackedCases", "read_deu"]

_NOT_ACTORS = {"prnrnmc", "prnr", "prname", "proc", "proccde"}
_ATTRIBUTES = ("prnrnmc", "isnrnmc", "prnr", "type", "proc", "counvte")
_SCALE = (0.0, 100.0)  # an Issue's default scale, on which DEU codes positions and saliences


@dataclass(frozen=True, eq=False)
class _Table:
    """The checked numbers of a DEU file: one row per issue that has at least one actor with a
    position and a salience, one column per actor column of the file."""

    file: str
    actor_ids: tuple[str, ...]
    capability: tuple[float, ...]  # per actor: 1, or the GDP row's figure
    issue_ids: tuple[str, ...]
    names: tuple[str, ...]
    position: np.ndarray  # (rows, actors) on 0–100; NaN where the actor takes no part
    salience: np.ndarray  # (rows, actors) on 0–100; 0 where the actor takes no part
    present: np.ndarray  # (rows, actors) bool: a position and a salience given
    status_quo: np.ndarray  # (rows,) on 0–100; NaN where the file gives no reference point
    observed: np.ndarray  # (rows,) the observed outcome; NaN where none
    _actors: dict[int, Actor] = field(default_factory=dict)  # built once, shared (frozen)

    def columns(self, rows: tuple[int, ...]) -> list[int]:
        """The actors of the scenario made of ``rows``: each row's actors in column order,
        the first appearance of each kept (as :meth:`Dataset.by_group` merges actors)."""
        if len(rows) == 1:
            return np.flatnonzero(self.present[rows[0]]).tolist()
        seen: dict[int, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(np.flatnonzero(self.present[r]).tolist()))
        return list(seen)

    def scenario(self, rows: tuple[int, ...], name: str, merged: bool = False) -> Scenario:
        """The scenario of ``rows``, equal (fields set included) to the one the full check
        validates; built without validating again (the numbers passed the same checks), by
        :meth:`~pydantic.BaseModel.model_copy` of one template per kind, each actor once."""
        stance0, issue0, issue_sq0, scenario0, scenario_merged0 = _templates()
        actors: dict[int, Actor] = {}
        issues: list[Issue] = []
        stances: list[Stance] = []
        made = self._actors
        for r in rows:
            iid = self.issue_ids[r]
            pos = self.position[r].tolist()
            sal = self.salience[r].tolist()
            for k in np.flatnonzero(self.present[r]).tolist():
                if k not in actors:
                    a = made.get(k)
                    if a is None:
                        a = made[k] = Actor.model_construct(id=self.actor_ids[k],
                                                            capability=self.capability[k])
                    actors[k] = a
                stances.append(stance0.model_copy(update={
                    "actor": self.actor_ids[k], "issue": iid, "position": pos[k],
                    "salience": sal[k]}))
            sq = float(self.status_quo[r])
            if np.isnan(sq):
                issues.append(issue0.model_copy(update={"id": iid, "name": self.names[r]}))
            else:
                issues.append(issue_sq0.model_copy(
                    update={"id": iid, "name": self.names[r], "status_quo": sq}))
        return (scenario_merged0 if merged else scenario0).model_copy(update={
            "name": name, "source": self.file, "actors": tuple(actors.values()),
            "issues": tuple(issues), "stances": tuple(stances)})


@functools.cache
def _templates() -> tuple[Stance, Issue, Issue, Scenario, Scenario]:
    """Models with the fields :func:`read_deu` sets (for ``model_copy``; see ``_Table``)."""
    return (
        Stance.model_construct(actor="a", issue="i", position=0.0, salience=0.0),
        Issue.model_construct(id="i", name=""),
        Issue.model_construct(id="i", name="", status_quo=0.0),
        Scenario.model_construct(name="", source="", actors=(), issues=(), stances=()),
        Scenario.model_construct(name="", description="", source="", actors=(), issues=(),
                                 stances=()),
    )


class Case:
    """One scenario with the outcome observed on each of its issues.

    A case read by :func:`read_deu` builds its scenario on first access of ``scenario``.
    Frozen, like the value objects it holds.
    """

    __slots__ = ("_scenario", "_source", "attributes", "group", "observed")

    observed: dict[str, float]
    group: str
    attributes: dict[str, str]
    _scenario: Scenario | None
    _source: tuple[_Table, tuple[int, ...], str, bool] | None  # table, rows, name, merged

    def __init__(
        self,
        scenario: Scenario,
        observed: dict[str, float],
        group: str = "",
        attributes: dict[str, str] | None = None,
    ) -> None:
        object.__setattr__(self, "_scenario", scenario)
        object.__setattr__(self, "_source", None)
        object.__setattr__(self, "observed", observed)
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "attributes", {} if attributes is None else attributes)

    @classmethod
    def _from_table(
        cls, table: _Table, rows: tuple[int, ...], name: str, observed: dict[str, float],
        group: str, attributes: dict[str, str], merged: bool = False,
    ) -> Case:
        case = cls.__new__(cls)
        object.__setattr__(case, "_scenario", None)
        object.__setattr__(case, "_source", (table, rows, name, merged))
        object.__setattr__(case, "observed", observed)
        object.__setattr__(case, "group", group)
        object.__setattr__(case, "attributes", attributes)
        return case

    @property
    def scenario(self) -> Scenario:
        sc: Scenario | None = self._scenario
        if sc is None:
            assert self._source is not None
            table, rows, name, merged = self._source
            sc = table.scenario(rows, name, merged)
            object.__setattr__(self, "_scenario", sc)
        return sc

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Case):
            return NotImplemented
        return (self.scenario, self.observed, self.group, self.attributes) == (
            other.scenario, other.observed, other.group, other.attributes)

    __hash__ = None  # type: ignore[assignment]  # holds dicts, like the dataclass it replaces

    def __reduce__(self) -> tuple[type[Case], tuple[Any, ...]]:  # pickle, copy: by value
        return (Case, (self.scenario, self.observed, self.group, self.attributes))

    def __repr__(self) -> str:
        return (f"Case(scenario={self.scenario!r}, observed={self.observed!r}, "
                f"group={self.group!r}, attributes={self.attributes!r})")


@dataclass(frozen=True, eq=False)
class StackedCases:
    """Every issue of every case as one row, as :class:`~detente.scenario.CompiledScenario`
    lays a case out (actors in the scenario's order, positions and status quo on [0, 1],
    salience on [0, 1]), each case's actors from the first column, padded to the widest case.

    ``starts[j]`` is the first row of case ``j``, ``n_actors[j]`` its number of actors;
    ``observed`` the observed outcome of each row on its issue's scale (NaN where none).
    """

    position: np.ndarray  # (rows, width); NaN where absent
    salience: np.ndarray  # (rows, width); 0 where absent
    capability: np.ndarray  # (rows, width); 0 where absent
    present: np.ndarray  # (rows, width) bool
    status_quo: np.ndarray  # (rows,)
    scale_min: np.ndarray  # (rows,)
    scale_max: np.ndarray  # (rows,)
    observed: np.ndarray  # (rows,)
    starts: np.ndarray  # (cases,)
    n_actors: np.ndarray  # (cases,)
    n_issues: np.ndarray  # (cases,)


def _stack(table: _Table, cases: tuple[Case, ...]) -> StackedCases:
    """The rows of ``cases`` (all from ``table``) laid out as :class:`StackedCases`."""
    sources = [s for c in cases if (s := c._source) is not None]
    if all(len(s[1]) == 1 for s in sources):  # one issue per case: actors in column order
        src = np.fromiter((s[1][0] for s in sources), dtype=np.intp, count=len(sources))
        present = table.present[src]
        n_act = present.sum(axis=1)
        out_row, src_col = np.nonzero(present)
        first = np.concatenate(([0], np.cumsum(n_act)[:-1]))
        out_col = np.arange(out_row.size) - np.repeat(first, n_act)
        src_row = src[out_row]
        n_iss = np.ones(len(cases), dtype=np.intp)
    else:
        rows_l, orow_l, scol_l, ocol_l, srow_l = [], [], [], [], []
        acts, issues = [], []
        at = 0
        for _, rows, _, _ in sources:
            cols = table.columns(rows)
            index = {k: j for j, k in enumerate(cols)}
            acts.append(len(cols))
            issues.append(len(rows))
            for r in rows:
                cs = np.flatnonzero(table.present[r])
                rows_l.append(r)
                orow_l.append(np.full(cs.size, at, dtype=np.intp))
                srow_l.append(np.full(cs.size, r, dtype=np.intp))
                scol_l.append(cs)
                ocol_l.append(np.array([index[k] for k in cs.tolist()], dtype=np.intp))
                at += 1
        src = np.array(rows_l, dtype=np.intp)
        out_row = np.concatenate(orow_l) if orow_l else np.zeros(0, np.intp)
        out_col = np.concatenate(ocol_l) if ocol_l else np.zeros(0, np.intp)
        src_row = np.concatenate(srow_l) if srow_l else np.zeros(0, np.intp)
        src_col = np.concatenate(scol_l) if scol_l else np.zeros(0, np.intp)
        n_act = np.array(acts, dtype=np.intp)
        n_iss = np.array(issues, dtype=np.intp)
    n_rows = src.size
    width = int(n_act.max()) if n_act.size else 0
    lo = np.full(n_rows, _SCALE[0])
    hi = np.full(n_rows, _SCALE[1])
    # the arithmetic of CompiledScenario.from_scenario, value by value
    pos = np.full((n_rows, width), np.nan)
    pos[out_row, out_col] = (table.position[src_row, src_col] - lo[out_row]) / (
        hi[out_row] - lo[out_row])
    sal = np.zeros((n_rows, width))
    sal[out_row, out_col] = table.salience[src_row, src_col] / 100.0
    cap = np.zeros((n_rows, width))
    cap[out_row, out_col] = np.asarray(table.capability, dtype=float)[src_col]
    present_out = np.zeros((n_rows, width), dtype=bool)
    present_out[out_row, out_col] = True
    sq = (table.status_quo[src] - lo) / (hi - lo)
    starts = np.concatenate(([0], np.cumsum(n_iss)[:-1])).astype(np.intp)
    return StackedCases(pos, sal, cap, present_out, sq, lo, hi, table.observed[src], starts,
                        n_act.astype(np.intp), n_iss)


@dataclass(frozen=True)
class Dataset:
    """Cases read from one file, in file order."""

    name: str
    cases: tuple[Case, ...]
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.cases)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases)

    def scored(self) -> Dataset:
        """Only the cases with at least one observed outcome."""
        return Dataset(self.name, tuple(c for c in self.cases if c.observed), self.notes)

    def subset(self, parity: str) -> Dataset:
        """Cases whose numeric proposal id (``prnrnmc``) is ``odd`` or ``even`` (the tuning
        protocol of ``shared/reference/cases/README.md``: tune on odd, report on even)."""
        if parity not in ("odd", "even"):
            raise InputError("parity must be 'odd' or 'even'")
        want = 1 if parity == "odd" else 0
        keep = tuple(
            c for c in self.cases if int(float(c.attributes.get("prnrnmc", "0"))) % 2 == want
        )
        return Dataset(f"{self.name} ({parity} proposals)", keep, self.notes)

    def _table(self) -> _Table | None:
        """The one table every case is read from, if there is one."""
        tables = {id(s[0]): s[0] for c in self.cases if (s := c._source) is not None}
        if len(tables) != 1 or any(c._source is None for c in self.cases):
            return None
        return next(iter(tables.values()))

    def stacked(self) -> StackedCases | None:
        """Every issue of every case as one row, straight from the file's checked numbers
        (equal to stacking ``case.scenario.compile()``, without building any scenario); None
        unless every case comes from one :func:`read_deu` file."""
        table = self._table()
        return None if table is None else _stack(table, self.cases)

    def by_group(self) -> Dataset:
        """Merge the one-issue cases of each group (DEU: each proposal ``prnr``) into one
        multi-issue case, for models where actors trade across issues."""
        groups: dict[str, list[Case]] = {}
        for c in self.cases:
            groups.setdefault(c.group, []).append(c)
        table = self._table()
        merged = []
        for g, cases in groups.items():
            observed: dict[str, float] = {}
            for c in cases:
                observed.update(c.observed)
            rows = () if table is None else tuple(
                r for c in cases if (s := c._source) is not None for r in s[1])
            if table is not None and rows and len(set(rows)) == len(rows):
                merged.append(Case._from_table(table, rows, g, observed, g,
                                               dict(cases[0].attributes), merged=True))
                continue
            actors: dict[str, Actor] = {}
            issues: list[Issue] = []
            stances: list[Stance] = []
            for c in cases:
                for a in c.scenario.actors:
                    actors.setdefault(a.id, a)
                issues.extend(c.scenario.issues)
                stances.extend(c.scenario.stances)
            sc = Scenario(
                name=g,
                description=cases[0].scenario.description,
                source=cases[0].scenario.source,
                actors=tuple(actors.values()),
                issues=tuple(issues),
                stances=tuple(stances),
            )
            merged.append(Case(sc, observed, g, dict(cases[0].attributes)))
        return Dataset(f"{self.name} (by proposal)", tuple(merged), self.notes)


@dataclass(frozen=True)
class _Head:
    """A DEU file's header, checked, its GDP row and the rows below."""

    file: str
    stem: str
    header: list[str]
    col: dict[str, int]
    actors: list[str]
    gdp: dict[str, float]
    body: list[tuple[int, list[str]]]
    notes: tuple[str, ...]
    n_rows: int


def read_deu(
    path: str | os.PathLike[str], *, capability: str = "equal"
) -> Dataset:
    """Read a DEU-style wide file (tab- or comma-separated) into a :class:`Dataset`.

    ``capability``: ``"equal"`` (every actor 1) or ``"gdp"`` (the copy's extra second row, a GDP
    figure per actor column, used as a capability proxy: not DEU data). An actor with a position
    but no salience is left out of that issue (it is not coded as taking part); salience without
    a position is ignored. Rows without ``out`` are kept with no observed outcome.
    """
    head = _head(path, capability)
    data = _read_fast(head, capability)
    return data if data is not None else _read_checked(head, capability)


def _head(path: str | os.PathLike[str], capability: str) -> _Head:
    if capability not in ("equal", "gdp"):
        raise InputError("capability must be 'equal' or 'gdp'")
    p = Path(path)
    file = str(p)
    text = _read_text(p, "a DEU-style data file")
    first = text.splitlines()[0]
    delim = "\t" if first.count("\t") >= first.count(",") else ","
    try:
        rows = csv_rows(text, delim, file)
    except LimitError:
        raise
    except InputError as e:
        raise ScenarioError(e.problems) from None
    if not rows:
        raise ScenarioError([Problem("no header: expected p<actor>, s<actor>, rp and out "
                                     "columns", file=file, line=1)])
    header = [h.strip() for h in rows[0][1]]
    required = {"out", "rp"}
    missing = sorted(required - set(header))
    actors = [h[1:] for h in header if h.startswith("p") and h not in _NOT_ACTORS]
    actors = [a for a in actors if f"s{a}" in header]
    problems: list[Problem] = [
        Problem(f"missing column '{m}': a DEU-style file needs p<actor>, s<actor>, rp and out",
                m, file, 1)
        for m in missing
    ]
    if not actors:
        problems.append(
            Problem("no actor columns: expected pairs of p<actor> and s<actor> columns",
                    file=file, line=1)
        )
    if problems:
        raise ScenarioError(problems[:200])
    col = {h: i for i, h in enumerate(header)}
    gdp: dict[str, float] = {}
    body = rows[1:]
    notes: list[str] = []

    def cell0(cells: list[str], name: str) -> str:
        i = col.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    if body and not cell0(body[0][1], "isnr") and not cell0(body[0][1], "out"):
        line, cells = body[0]
        for a in actors:
            v = cell0(cells, f"p{a}")
            if v:
                g = _float(v, file=file, line=line, field=f"p{a} (GDP row)", problems=problems,
                           nonneg=True)
                if g is not None:
                    gdp[a] = g
        if problems:
            raise ScenarioError(problems)
        body = body[1:]
        if capability == "gdp":
            notes.append("capability: GDP per actor from the file's second row (not DEU data)")
    elif capability == "gdp":
        raise ScenarioError([Problem("capability='gdp' needs the GDP row (row 2)", file=file)])
    return _Head(file, p.stem, header, col, actors, gdp, body, tuple(notes), len(rows))


def _numbers(texts: list[str]) -> np.ndarray | None:
    """``float`` of each text, as the full check reads a number (None if one is not)."""
    try:
        return np.array([float(t) for t in texts], dtype=float)
    except ValueError:
        return None


def _whole(t: str) -> bool:
    try:
        return float(t).is_integer() and abs(float(t)) < 1e15
    except ValueError:
        return False


def _read_fast(head: _Head, capability: str) -> Dataset | None:
    """The dataset of a file that passes the full check's tests, run over whole columns at
    once (numbers parsed, finite, on the issue's 0–100 scale; salience on 0–100; one row per
    issue; whole proposal and issue numbers); None as soon as anything does not pass (or is
    one the full check reads differently: a decimal comma), for the full check to locate."""
    file, actors, col = head.file, head.actors, head.col
    if (len(set(actors)) != len(actors) or any(not a or a != a.strip() for a in actors)
            or file != file.strip()):
        return None
    width = len(head.header)
    pcol = [col[f"p{a}"] for a in actors]
    scol = [col[f"s{a}"] for a in actors]
    at = {k: col.get(k) for k in ("isnr", "rp", "out", "prname", *_ATTRIBUTES)}
    i_isnr, i_rp, i_out = at["isnr"], at["rp"], at["out"]
    ptxt: list[str] = []
    stxt: list[str] = []
    kept: list[tuple[str, list[str]]] = []  # (issue id, cells)
    seen: set[str] = set()
    for line, cells in head.body:
        if not "".join(cells).strip():
            continue
        if len(cells) < width:
            return None
        issue_id = (cells[i_isnr].strip() if i_isnr is not None else "") or f"row{line}"
        if issue_id in seen:
            return None
        seen.add(issue_id)
        for key in ("prnrnmc", "isnrnmc"):
            k = at[key]
            if k is not None and (t := cells[k].strip()) and not _whole(t):
                return None
        ptxt.extend([cells[i].strip() for i in pcol])
        stxt.extend([cells[i].strip() for i in scol])
        kept.append((issue_id, cells))
    n, m = len(kept), len(actors)
    given = np.array([bool(p) and bool(s) for p, s in zip(ptxt, stxt, strict=True)],
                     dtype=bool).reshape(n, m)
    flat = given.ravel()
    pos_v = _numbers([t for t, ok in zip(ptxt, flat, strict=True) if ok])
    sal_v = _numbers([t for t, ok in zip(stxt, flat, strict=True) if ok])
    rp_t = [cells[i_rp].strip() if i_rp is not None else "" for _, cells in kept]
    out_t = [cells[i_out].strip() if i_out is not None else "" for _, cells in kept]
    rp_v = _numbers([t for t in rp_t if t])
    out_v = _numbers([t for t in out_t if t])
    if pos_v is None or sal_v is None or rp_v is None or out_v is None:
        return None
    lo, hi = _SCALE
    with np.errstate(invalid="ignore"):
        ok = (bool(np.all((pos_v >= lo) & (pos_v <= hi)))  # NaN fails every comparison
              and bool(np.all((sal_v >= 0) & (sal_v <= 100)))
              and bool(np.all((rp_v >= lo) & (rp_v <= hi)))
              and bool(np.all(np.abs(out_v) <= MAX_MAGNITUDE)))
    if not ok:
        return None
    rows = np.flatnonzero(given.any(axis=1))  # a row without any actor is not a case
    if rows.size == 0:
        return None
    position = np.full((n, m), np.nan)
    position[given] = pos_v
    salience = np.zeros((n, m))
    salience[given] = sal_v
    sq = np.full(n, np.nan)
    sq[[bool(t) for t in rp_t]] = rp_v
    obs = np.full(n, np.nan)
    obs[[bool(t) for t in out_t]] = out_v
    cap = tuple(head.gdp.get(a, 0.0) if capability == "gdp" else 1.0 for a in actors)
    keep = rows.tolist()
    ids = tuple(kept[r][0] for r in keep)
    i_name = at["prname"]
    names = tuple((kept[r][1][i_name].strip() if i_name is not None else "") or kept[r][0]
                  for r in keep)
    arrays = (position[rows], salience[rows], given[rows], sq[rows], obs[rows])
    for a in arrays:
        a.setflags(write=False)  # shared by every case and view of the file
    table = _Table(file, tuple(actors), cap, ids, names, *arrays)
    cases = []
    observed = obs[rows].tolist()
    for j, r in enumerate(keep):
        cells = kept[r][1]
        attrs = {k: cells[i].strip() if (i := at[k]) is not None else "" for k in _ATTRIBUTES}
        o = observed[j]
        cases.append(Case._from_table(table, (j,), ids[j], {} if o != o else {ids[j]: o},
                                      attrs["prnr"], attrs))
    return Dataset(head.stem, tuple(cases), head.notes)


def _read_checked(head: _Head, capability: str) -> Dataset:
    """Every row through the full check (pydantic validation of each scenario): every problem
    of the file, located (file, line, field, what was expected)."""
    file, header, col, actors, gdp = head.file, head.header, head.col, head.actors, head.gdp
    problems: list[Problem] = []
    cases = []
    seen_issues: dict[str, int] = {}
    for line, cells in head.body:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(header):
            problems.append(Problem(f"expected {len(header)} columns, got {len(cells)}",
                                    file=file, line=line))
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            i = col.get(name)
            return cells[i].strip() if i is not None else ""

        issue_id = get("isnr") or f"row{line}"
        if issue_id in seen_issues:
            problems.append(Problem(f"issue '{issue_id}' appears twice (first on line "
                                    f"{seen_issues[issue_id]}): expected one row per issue",
                                    "isnr", file, line))
            continue
        seen_issues[issue_id] = line
        for key in ("prnrnmc", "isnrnmc"):
            t = get(key)
            if t:
                try:
                    ok = float(t).is_integer() and abs(float(t)) < 1e15
                except ValueError:
                    ok = False
                if not ok:
                    problems.append(Problem(f"expected a whole number, got {t[:40]!r}", key,
                                            file, line))
        acts, stances = [], []
        for a in actors:
            ptxt, stxt = get(f"p{a}"), get(f"s{a}")
            if not ptxt or not stxt:
                continue
            pos = _float(ptxt, file=file, line=line, field=f"p{a}", problems=problems)
            sal = _float(stxt, file=file, line=line, field=f"s{a}", problems=problems,
                         nonneg=True)
            if pos is None or sal is None:
                continue
            cap = gdp.get(a, 0.0) if capability == "gdp" else 1.0
            acts.append({"id": a, "capability": cap})
            stances.append({"actor": a, "issue": issue_id, "position": pos, "salience": sal})
        rp = get("rp")
        issue: dict[str, Any] = {"id": issue_id, "name": get("prname") or issue_id}
        if rp:
            issue["status_quo"] = _float(rp, file=file, line=line, field="rp", problems=problems)
        out_txt = get("out")
        observed: dict[str, float] = {}
        if out_txt:
            out_v = _float(out_txt, file=file, line=line, field="out", problems=problems)
            if out_v is not None:
                observed[issue_id] = out_v
        if not acts:
            continue
        try:
            sc = Scenario.model_validate(
                {"name": issue_id, "source": file, "actors": acts, "issues": [issue],
                 "stances": stances}
            )
        except ScenarioError as e:
            problems.extend(Problem(q.message, q.field, file, line) for q in e.problems)
            continue
        except ValidationError as e:
            for err in e.errors():
                loc = tuple(err.get("loc", ()))
                field = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
                problems.append(Problem(str(err.get("msg", "invalid value")), field, file,
                                        line))
            continue
        attrs = {k: get(k) for k in ("prnrnmc", "isnrnmc", "prnr", "type", "proc", "counvte")}
        cases.append(Case(sc, observed, get("prnr"), attrs))
    if problems:
        raise ScenarioError(problems[:200])
    if not cases:
        raise ScenarioError([Problem("no issue row with a position and salience for any actor: "
                                     "expected one row per issue after the header",
                                     file=file, line=head.n_rows + 1 if head.n_rows > 1 else 2)])
    return Dataset(head.stem, tuple(cases), head.notes)

