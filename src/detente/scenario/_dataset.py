"""Datasets of many one-issue scenarios with observed outcomes (DEU-style wide files).

DEU (Thomson et al.; DEU III: Arregui & Perarnaud 2021) codes each controversial issue of an EU
legislative proposal as a row: ``p<actor>`` positions and ``s<actor>`` saliences on 0–100, ``rp``
the reference point (status quo), ``out`` the observed outcome.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from detente._limits import csv_rows
from detente.errors import InputError, LimitError
from detente.scenario._io import _float, _read_text
from detente.scenario._model import Actor, Issue, Problem, Scenario, ScenarioError, Stance

__all__ = ["Case", "Dataset", "read_deu"]

_NOT_ACTORS = {"prnrnmc", "prnr", "prname", "proc", "proccde"}


@dataclass(frozen=True)
class Case:
    """One scenario with the outcome observed on each of its issues."""

    scenario: Scenario
    observed: dict[str, float]
    group: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


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

    def by_group(self) -> Dataset:
        """Merge the one-issue cases of each group (DEU: each proposal ``prnr``) into one
        multi-issue case, for models where actors trade across issues."""
        groups: dict[str, list[Case]] = {}
        for c in self.cases:
            groups.setdefault(c.group, []).append(c)
        merged = []
        for g, cases in groups.items():
            actors: dict[str, Actor] = {}
            issues: list[Issue] = []
            stances: list[Stance] = []
            observed: dict[str, float] = {}
            for c in cases:
                for a in c.scenario.actors:
                    actors.setdefault(a.id, a)
                issues.extend(c.scenario.issues)
                stances.extend(c.scenario.stances)
                observed.update(c.observed)
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


def read_deu(
    path: str | os.PathLike[str], *, capability: str = "equal"
) -> Dataset:
    """Read a DEU-style wide file (tab- or comma-separated) into a :class:`Dataset`.

    ``capability``: ``"equal"`` (every actor 1) or ``"gdp"`` (the copy's extra second row, a GDP
    figure per actor column, used as a capability proxy: not DEU data). An actor with a position
    but no salience is left out of that issue (it is not coded as taking part); salience without
    a position is ignored. Rows without ``out`` are kept with no observed outcome.
    """
    if capability not in ("equal", "gdp"):
        raise InputError("capability must be 'equal' or 'gdp'")
    p = Path(path)
    file = str(p)
    text = _read_text(p)
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

    cases = []
    seen_issues: dict[str, int] = {}
    for line, cells in body:
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
                                     file=file, line=len(rows) + 1 if len(rows) > 1 else 2)])
    return Dataset(p.stem, tuple(cases), tuple(notes))

