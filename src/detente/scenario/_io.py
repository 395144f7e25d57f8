"""Reading and writing scenarios: YAML (native), CSV (one-issue and detente's long form), KTAB's
multi-dimension CSV, decide's ``#A/#P/#M/#D`` format.

Every reader reports bad input as :class:`ScenarioError` whose problems name the file, the line,
the field and what was expected. Writers write atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import warnings
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from detente._atomic import atomic_write_text
from detente._limits import csv_rows, max_scenario_bytes, read_text, safe_yaml
from detente.errors import InputError, InputNote, LimitError
from detente.scenario._model import (
    Actor,
    Issue,
    Problem,
    Scenario,
    ScenarioError,
    Stance,
    _fold_into_duplicates,
    own_red_line_problems,
)
from detente.scenario._uncertain import distribution_problems, dump_uncertain, looks_uncertain

__all__ = [
    "dump_scenario_yaml",
    "load_scenario",
    "read_decide",
    "read_ktab",
    "read_one_issue_csv",
    "read_stances_csv",
    "read_yaml",
    "read_yaml_text",
    "scenario_from_data",
    "write_scenario",
]

Loc = tuple[str | int, ...]


# ---------------------------------------------------------------------------------------------
# shared helpers
def _read_text(path: Path, what: str = "a scenario file") -> str:
    """A scenario file's text, at most :func:`~detente._limits.max_scenario_bytes` (a DEU-style
    data file: the general file cap)."""
    big = what == "a DEU-style data file"
    try:
        text = read_text(path, what=what, max_bytes=None if big else max_scenario_bytes(),
                         limit_env="DETENTE_MAX_FILE_BYTES" if big else
                         "DETENTE_MAX_SCENARIO_BYTES")
    except LimitError:
        raise
    except InputError as e:
        raise ScenarioError(e.problems) from None
    if not text.strip():
        expected = "a scenario" if what == "a scenario file" else what
        raise ScenarioError([Problem(f"the file is empty: expected {expected}", file=str(path))])
    return text


MAX_MAGNITUDE = 1e12
"""Largest magnitude of any number in a scenario file (positions, saliences, capabilities):
products of three such numbers stay far from float overflow."""


_NUMERIC_KEYS = frozenset({
    "position", "salience", "capability", "status_quo", "scale_min", "scale_max", "p_prevail",
    "cost", "target_cost", "commitment", "value",
})


_CUT_DISTRIBUTION = re.compile(r"^\s*[A-Za-z_]+\s*\([^)]*$")
"""A distribution whose closing parenthesis is missing: ``uniform(8`` of ``{position: uniform(8,
2)}``, which YAML's flow mapping cut at the comma."""


def _check_numbers(data: Any, file: str, locate: Callable[[Loc], int | None]) -> None:
    """Refuse non-finite numbers (``.inf``, ``.nan``) and numbers beyond :data:`MAX_MAGNITUDE`
    anywhere in the parsed document, each located."""
    problems: list[Problem] = []
    stack: list[tuple[Any, Loc]] = [(data, ())]
    while stack and len(problems) < 50:
        v, loc = stack.pop()
        if isinstance(v, dict):
            stack.extend((x, (*loc, str(k))) for k, x in v.items())
        elif isinstance(v, (list, tuple)):
            stack.extend((x, (*loc, i)) for i, x in enumerate(v))
        elif isinstance(v, str) and loc and loc[-1] in _NUMERIC_KEYS and len(v) < 400:
            try:
                x = float(v.replace("_", ""))
            except ValueError:
                if _CUT_DISTRIBUTION.match(v):
                    problems.append(Problem(
                        f"{v!r} looks like a distribution cut at its comma: inside {{...}} "
                        f"YAML splits at commas, so quote it, e.g. {loc[-1]}: \"{v}, ...)\"",
                        _field_of(loc), file, locate(loc), loc=loc))
                continue  # not a number: validation says so, located
            stack.append((x, loc))
        elif isinstance(v, float) and not math.isfinite(v):
            problems.append(Problem(f"expected a finite number, got {v!r}", _field_of(loc),
                                    file, locate(loc), loc=loc))
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) > MAX_MAGNITUDE:
            shown = (f"{v:.3g}" if isinstance(v, float) or v.bit_length() < 100
                     else f"a number of about {int(v.bit_length() * 0.30103)} digits")
            problems.append(Problem(f"{shown} is beyond the limit of ±{MAX_MAGNITUDE:g} for a "
                                    "number in a scenario", _field_of(loc), file, locate(loc),
                                    loc=loc))
    if problems:
        raise ScenarioError(sorted(problems, key=lambda q: q.line or 0))


def _describe_pydantic(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    inp = err.get("input")
    if (isinstance(inp, (str, int, float)) and not isinstance(inp, bool)
            and f"got {inp!r}" not in msg):
        return f"{msg} (got {inp!r})"
    return msg


def _field_of(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _build(
    data: dict[str, Any], file: str, locate: Callable[[Loc], int | None]
) -> Scenario:
    """Validate ``data`` into a Scenario, turning every error into a located Problem."""
    _check_numbers(data, file, locate)
    dist = distribution_problems(data)  # uncertainty: unreadable distributions, located
    if dist:
        raise ScenarioError([Problem(m, _field_of(loc), file, locate(loc), loc=loc)
                             for loc, m in dist])
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = _describe_pydantic(dict(err))
            if len(loc) == 2 and loc[0] == "issues":  # an issue's own check: at its field
                m = re.match(r"(status_quo|scale_max) ", msg)
                if m:
                    loc = (*loc, m.group(1))
            problems.append(Problem(msg, _field_of(loc), file, locate(loc), loc=loc))
        raise ScenarioError(problems) from None
    except ScenarioError as exc:
        raise _lines_for_indexes(exc.located(file, locate), locate) from None
    own = own_red_line_problems(scenario)
    if own:
        raise ScenarioError(own).located(file, locate) from None
    _note_small_saliences(
        file,
        [(locate(("stances", k, "salience")) or locate(("stances", k)), st.salience)
         for k, st in enumerate(scenario.stances)],
        "salience",
    )
    return scenario


_INDEX = re.compile(r"\b(?:as |is )?(actors|issues|stances)\[(\d+)\]")


def _lines_for_indexes(exc: InputError, locate: Callable[[Loc], int | None]) -> InputError:
    """'first defined as actors[4]' means little to someone reading a file: say the line."""

    def line_of(m: re.Match[str]) -> str:
        at = locate((m.group(1), int(m.group(2))))
        return m.group(0) if at is None else f"on line {at}"

    if not exc.problems:
        return exc
    return type(exc)([Problem(_INDEX.sub(line_of, p.message), p.field, p.file, p.line,
                              p.row, p.loc) for p in exc.problems])


def _float(
    text: str, *, file: str, line: int, field: str, problems: list[Problem], nonneg: bool = False,
    dist: bool = False,
) -> Any:
    """A number from a cell (``dist=True``: or a distribution's text, read on validation)."""
    t = text.strip()
    if dist and looks_uncertain(t):
        return t
    if t == "":
        problems.append(Problem("missing value: expected a number", field, file, line))
        return None
    try:
        v = float(t.replace(",", ".")) if t.count(",") == 1 and "." not in t else float(t)
    except ValueError:
        problems.append(Problem(f"expected a number, got {t[:40]!r}", field, file, line))
        return None
    if not math.isfinite(v):
        problems.append(Problem(f"expected a finite number, got {t[:40]!r}", field, file, line))
        return None
    if abs(v) > MAX_MAGNITUDE:
        problems.append(Problem(f"{v:.3g} is beyond the limit of ±{MAX_MAGNITUDE:g} for a "
                                "number in a scenario", field, file, line))
        return None
    if nonneg and v < 0:
        problems.append(Problem(f"must be ≥ 0, got {t}", field, file, line))
        return None
    return v


# ---------------------------------------------------------------------------------------------
# YAML
def _yaml_lines(node: yaml.Node | None) -> dict[Loc, int]:
    """Map each path in the composed YAML document to its 1-based line number."""
    lines: dict[Loc, int] = {}

    def walk(n: yaml.Node | None, path: Loc) -> None:
        if n is None:
            return
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else str(k.start_mark.line)
                lines[(*path, key)] = k.start_mark.line + 1
                walk(v, (*path, key))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, (*path, i))

    walk(node, ())
    return lines


def _locator(lines: dict[Loc, int]) -> Callable[[Loc], int | None]:
    def locate(loc: Loc) -> int | None:
        loc = tuple(loc)
        while True:
            if loc in lines:
                return lines[loc]
            if not loc:
                return None
            loc = loc[:-1]

    return locate


def load_yaml_document(path: Path, what: str = "a scenario file"
                       ) -> tuple[Any, Callable[[Loc], int | None]]:
    """Parse a YAML file; return the data and a function giving the line of a path in it.

    Syntax errors become a :class:`ScenarioError` naming the file and line; ``what`` names the
    kind of file in the message when it cannot be read as text.
    """
    text = _read_text(path, what)
    try:
        data, node = safe_yaml(text, str(path))
    except LimitError:
        raise
    except InputError as e:
        raise ScenarioError(e.problems) from None
    return data, _locator(_yaml_lines(node))


def read_yaml(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario from detente's YAML format (see README, "Scenarios")."""
    p = Path(path)
    data, locate = load_yaml_document(p)
    return _from_document(data, str(p), locate)


def read_yaml_text(text: str, file: str = "<input>", *, name: str | None = None) -> Scenario:
    """Read a scenario from YAML text already in memory (an upload), within the reader limits.

    ``file`` names the text in error messages; nothing is read from or written to disk.
    ``name`` names the scenario when the document gives no ``name`` (an upload's file stem).
    """
    _not_empty(text, file)
    try:
        data, node = safe_yaml(text, file)
    except LimitError:
        raise
    except InputError as e:
        raise ScenarioError(e.problems) from None
    return _from_document(data, file, _locator(_yaml_lines(node)), name)


def _not_empty(text: str, file: str) -> None:
    """An empty upload is refused in the words the command line uses for an empty file."""
    if not text.strip():
        raise ScenarioError([Problem("the file is empty: expected a scenario", file=file)])


def read_json_text(text: str, file: str = "<input>", *, name: str | None = None) -> Scenario:
    """Read a scenario from JSON text: the YAML format's fields (as the web API's
    ``document`` takes them). Errors give the line where the YAML parser, which reads most
    JSON, can place them. ``name`` as in :func:`read_yaml_text`."""
    import json

    _not_empty(text, file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ScenarioError([Problem(f"not valid JSON: {e.msg} (column {e.colno})",
                                     file=file, line=e.lineno)]) from None
    except RecursionError:
        raise ScenarioError([Problem("not a scenario: JSON nested too deeply",
                                     file=file)]) from None
    try:  # the same text as YAML, for the lines of fields (a tab-indented file has none)
        _, node = safe_yaml(text, file)
        locate = _locator(_yaml_lines(node))
    except InputError:
        locate = _locator({})
    return _from_document(data, file, locate, name)


def read_json(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario from a ``.json`` file (see :func:`read_json_text`)."""
    p = Path(path)
    return read_json_text(_read_text(p), str(p))


def scenario_from_data(data: Any, file: str = "<input>") -> Scenario:
    """Validate a parsed scenario document (a mapping, e.g. from JSON) into a Scenario.

    Problems carry ``loc``, the path of the field in ``data`` (e.g. ``("stances", 3,
    "salience")``).
    """
    return _from_document(data, file, lambda loc: None)


def _from_document(data: Any, file: str, locate: Callable[[Loc], int | None],
                   name: str | None = None) -> Scenario:
    p = file
    if not isinstance(data, dict):
        raise ScenarioError(
            [
                Problem(
                    "expected a mapping with keys name, actors, issues, stances; got "
                    + ("no document (only comments or blank lines)" if data is None else
                       {list: "a list", str: "a line of text", bool: "a boolean", int: "a number",
                        float: "a number"}.get(type(data), type(data).__name__)),
                    file=str(p),
                    line=1,
                )
            ]
        )
    problems = [
        Problem(f"missing section '{key}': expected a list", key, str(p), 1, loc=(key,))
        for key in ("actors", "issues", "stances")
        if key not in data
    ]
    if problems:
        raise ScenarioError(problems)
    if "date" in data and not isinstance(data["date"], str) and data["date"] is not None:
        data = {**data, "date": str(data["date"])}
    if name and "name" not in data:  # a document that names itself keeps its name
        data = {**data, "name": name}
    return _build(data, str(p), locate)


def dump_scenario_yaml(scenario: Scenario) -> str:
    """The scenario as YAML text (fields at their defaults are left out)."""

    def clean(m: Any) -> dict[str, Any]:
        d: dict[str, Any] = m.model_dump(exclude_defaults=True)
        return d

    doc: dict[str, Any] = {"name": scenario.name}
    for key in ("description", "source", "date"):
        if getattr(scenario, key):
            doc[key] = getattr(scenario, key)
    # observed outcomes (eval)
    if scenario.as_of:
        doc["as_of"] = scenario.as_of
    if scenario.outcome is not None:
        doc["outcome"] = clean(scenario.outcome)
    doc["actors"] = [clean(a) for a in scenario.actors]
    doc["issues"] = [clean(i) for i in scenario.issues]
    doc["stances"] = [clean(s) for s in scenario.stances]
    # always write the required numbers explicitly
    for a, d in zip(scenario.actors, doc["actors"], strict=True):
        d["capability"] = a.capability
    for s, d in zip(scenario.stances, doc["stances"], strict=True):
        d["position"] = s.position
        d["salience"] = s.salience
    _dump_crisis(scenario, doc)
    dump_uncertain(scenario, doc)
    out: str = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return out


def _dump_crisis(scenario: Scenario, doc: dict[str, Any]) -> None:
    # crisis inputs: JSON-mode dumps (tuples as lists) for the YAML writer
    for key in ("issues", "stances"):
        for m, d in zip(getattr(scenario, key), doc[key], strict=True):
            for f in ("decision", "private", "red_line"):
                if f in d:
                    d[f] = m.model_dump(mode="json", include={f})[f]
    for key in ("outside_options", "linkage"):
        items = getattr(scenario, key)
        if items:
            doc[key] = [m.model_dump(mode="json", exclude_defaults=True) for m in items]


# ---------------------------------------------------------------------------------------------
# CSV family
_DELIMS = [",", "\t", ";"]


def _sniff(header: str, file: str, expected: str) -> str:
    counts = {d: header.count(d) for d in _DELIMS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise ScenarioError(
            [
                Problem(
                    f"cannot split the header {header.strip()[:80]!r} into columns: expected "
                    f"{expected}, separated by commas, tabs or semicolons (wrong delimiter?)",
                    file=file,
                    line=1,
                )
            ]
        )
    return best


def _rows(text: str, delim: str, file: str = "<input>") -> list[tuple[int, list[str]]]:
    """(1-based line number, cells) for every non-blank line (limits of :func:`csv_rows`)."""
    try:
        rows = csv_rows(text, delim, file, skipinitialspace=True)
    except LimitError:
        raise
    except InputError as e:
        raise ScenarioError(e.problems) from None
    return [(line, [c.strip() for c in cells]) for line, cells in rows
            if any(c.strip() for c in cells)]


def _need_rows(rows: list[tuple[int, list[str]]], file: str, expected: str) -> None:
    if not rows:
        raise ScenarioError([Problem(f"no rows: expected {expected}", file=file, line=1)])


_ONE_ISSUE_COLUMNS: dict[str, tuple[str, ...]] = {
    "actor": ("actor", "name", "stakeholder", ""),
    "capability": ("capability", "capabilities", "resources", "power", "influence", "c"),
    "position": ("position", "x"),
    "salience": ("salience", "s"),
}


def _scale_salience(values: Sequence[float]) -> tuple[float, str]:
    """Factor bringing saliences on 'any non-negative scale' to 0–100, and a note saying so."""
    top = max(values, default=0.0)
    if top <= 1.0:
        return 100.0, "salience read on a 0–1 scale and multiplied by 100"
    if top <= 100.0:
        return 1.0, ""
    return 100.0 / top, f"salience divided by its maximum {top:g} and multiplied by 100"


def _shown_header(header: Sequence[str]) -> str:
    """The header cells as read, for a message: at most 8, each cut at 30 characters."""
    cells = [repr(h if len(h) <= 30 else h[:29] + "…") for h in header[:8]]
    more = f" … ({len(header)} cells in all)" if len(header) > 8 else ""
    return ", ".join(cells) + more


def _note_salience_scale(
    file: str, parsed: Sequence[tuple[int, str, Any, Any, Any]], sal_note: str
) -> None:
    """Warn (:class:`InputNote`) when the Salience column went above 100 and was rescaled
    (one typo, 180 for 80, rescales every row), or when a few values look like they are on 0–1
    while the rest are on a larger scale: both change every forecast that uses salience, and
    neither is a mistake the reader can be sure of. A column wholly on 0–1 (the literature's
    format) is read ×100 without a note."""
    if sal_note:
        if max((s for *_, s in parsed if s is not None), default=0.0) > 100.0:
            warnings.warn(f"{file}: {sal_note}", InputNote, stacklevel=3)
        return
    _note_small_saliences(file, [(line, s) for line, _, _, _, s in parsed if s is not None],
                          "Salience")


def _note_small_saliences(file: str, values: Sequence[tuple[int | None, float]],
                          field: str) -> None:
    """Warn (:class:`InputNote`) when a few saliences are between 0 and 1 while others go
    above 1: most likely a share of 1 among values on 0–100, read as almost no salience."""
    small = [(line, s) for line, s in values if 0 < s < 1]
    top = max((s for _, s in values), default=0.0)
    if not small or top <= 1.0:
        return
    lines = ", ".join(str(line) for line, _ in small[:5] if line is not None)
    where = f"{file}, line {lines}" if lines else file
    warnings.warn(
        f"{where}: field '{field}': {small[0][1]:g} is below 1 while other "
        f"values go up to {top:g}: read as {small[0][1]:g} on 0–100 (write it on the same "
        "scale as the others if it was meant as a share of 1)",
        InputNote, stacklevel=4,
    )


def read_one_issue_csv(
    path: str | os.PathLike[str],
    *,
    scale: tuple[float, float] | None = None,
    issue_id: str = "issue",
    status_quo: float | None = None,
) -> Scenario:
    """Read the one-issue CSV common to expected-utility studies.

    Header ``Actor,Capability,Position,Salience`` (case-insensitive; ``Stakeholder``/``Name``,
    ``Resources``, ``x``, ``c``, ``s`` are accepted aliases; other columns are ignored). Comma, tab
    or semicolon separated. Positions stay on the file's scale: the issue's scale is ``scale``
    if given, else the range of the positions in the file. Capability may be on any
    non-negative scale; salience on 0–1 is multiplied by 100, above 100 it is rescaled to 0–100.
    """
    p = Path(path)
    file = str(p)
    text = _read_text(p)
    header_line = text.splitlines()[0]
    expected = "columns Actor, Capability, Position, Salience"
    delim = _sniff(header_line, file, expected)
    rows = _rows(text, delim, file)
    _need_rows(rows, file, "a header with " + expected)
    (_, header), body = rows[0], rows[1:]
    names = [h.strip().lower() for h in header]
    cols: dict[str, int] = {}
    for key, aliases in _ONE_ISSUE_COLUMNS.items():
        for i, h in enumerate(names):
            if h in aliases and i not in cols.values():
                cols[key] = i
                break
    missing = [k for k in _ONE_ISSUE_COLUMNS if k not in cols]
    if missing:
        raise ScenarioError(
            [
                Problem(
                    f"missing column '{m.capitalize()}': expected a header with {expected}; "
                    f"found {_shown_header(header)}",
                    m,
                    file,
                    1,
                )
                for m in missing
            ]
        )
    if not body:
        raise ScenarioError([Problem("no actor rows after the header", file=file, line=2)])
    problems: list[Problem] = []
    parsed = []
    for line, cells in body:
        if len(cells) < len(header):
            problems.append(
                Problem(
                    f"expected {len(header)} columns ({', '.join(header)}), got {len(cells)}",
                    file=file,
                    line=line,
                )
            )
            continue
        name = cells[cols["actor"]]
        if not name:
            problems.append(Problem("missing actor name", "Actor", file, line))
        cap = _float(
            cells[cols["capability"]], file=file, line=line, field="Capability",
            problems=problems, nonneg=True,
        )
        pos = _float(
            cells[cols["position"]], file=file, line=line, field="Position", problems=problems
        )
        sal = _float(
            cells[cols["salience"]], file=file, line=line, field="Salience", problems=problems,
            nonneg=True,
        )
        parsed.append((line, name, cap, pos, sal))
    if problems:
        raise ScenarioError(problems)
    factor, sal_note = _scale_salience([r[4] or 0.0 for r in parsed])
    _note_salience_scale(file, parsed, sal_note)
    positions = [r[3] for r in parsed if r[3] is not None]
    if scale is None:
        lo, hi = min(positions), max(positions)
        if hi <= lo:
            lo, hi = lo - 1.0, hi + 1.0
    else:
        lo, hi = scale
    actors: list[dict[str, Any]] = []
    stances: list[dict[str, Any]] = []
    lines: dict[Loc, int] = {}
    for k, (line, name, cap, pos, sal) in enumerate(parsed):
        actors.append({"id": name, "name": name, "capability": cap})
        stances.append(
            {"actor": name, "issue": issue_id, "position": pos,
             "salience": (sal or 0.0) * factor}
        )
        lines[("actors", k)] = line
        lines[("stances", k)] = line
    issue: dict[str, Any] = {"id": issue_id, "name": issue_id, "scale_min": lo, "scale_max": hi}
    if status_quo is not None:
        issue["status_quo"] = status_quo
    data = {
        "name": p.stem,
        "description": sal_note,
        "actors": actors,
        "issues": [issue],
        "stances": stances,
    }
    return _build(data, file, _locator(lines))


# detente's long CSV: one row per stance, with actor and issue attributes repeated
LONG_COLUMNS: tuple[str, ...] = (
    "actor", "actor_name", "capability", "issue", "issue_name", "low", "high", "status_quo",
    "scale_min", "scale_max", "position", "salience", "stance_capability", "note", "source",
) + (
    # observed outcomes (eval): per stance its evidence date and confidence; per issue (repeated
    # on each of its rows, like the other issue columns) what was observed
    "date", "confidence", "observed", "observed_date", "observed_note", "observed_source",
)
# scenario-level "# key: value" comment lines of the long CSV
_LONG_META = ("name", "description", "source", "date", "as_of",
              "outcome", "outcome_date", "outcome_note", "outcome_source")
# crisis columns (owner: crisis), appended after the others; `decision` is an issue attribute
CRISIS_COLUMNS = (
    "private_position", "private_salience", "private_note", "private_source", "red_line_side",
    "red_line_value", "red_line_note", "red_line_source", "commitment", "decision",
)
LONG_COLUMNS = LONG_COLUMNS + CRISIS_COLUMNS
_CRISIS_META = ("outside_options", "linkage")


def _near_misses(file: str, header: Sequence[str], header_line: int,
                 meta_line: dict[str, int]) -> list[Problem]:
    """A long CSV's column (or ``# key:`` line) that is not one detente reads but nearly spells
    one (``capabilty``, ``# as-of``): a typo, which would otherwise be ignored in silence and
    its values with it (every capability read as 1). Other extra columns and comment lines are
    the analyst's own and stay ignored."""
    import difflib

    out = []
    for col in header:
        if col and col not in LONG_COLUMNS:
            near = difflib.get_close_matches(col, LONG_COLUMNS, n=1, cutoff=0.8)
            if near:
                out.append(Problem(f"unknown column '{col}': expected '{near[0]}' (a column "
                                   "detente does not read is ignored, its values with it)",
                                   col, file, header_line))
    known = _LONG_META + _CRISIS_META
    for key, line in meta_line.items():
        if key and key not in known:
            near = difflib.get_close_matches(key.replace("-", "_").lower(), known, n=1,
                                             cutoff=0.8)
            if near:
                out.append(Problem(f"unknown '# {key}:' line: expected '# {near[0]}:'", key,
                                   file, line))
    return out


def _decision_text(d: Any) -> str:
    from detente.scenario._model import Joint, Unilateral

    if isinstance(d, Unilateral):
        return f"unilateral:{d.unilateral}"
    if isinstance(d, Joint):
        return "joint:" + "|".join(d.joint)
    return ""


def _decision_cell(text: str, *, file: str, line: int, problems: list[Problem]) -> Any:
    t = text.strip()
    if not t or t == "collective":
        return "collective"
    kind, _, who = t.partition(":")
    names = [w.strip() for w in who.split("|") if w.strip()]
    if kind.strip() == "unilateral" and len(names) == 1:
        return {"unilateral": names[0]}
    if kind.strip() == "joint" and names:
        return {"joint": names}
    problems.append(Problem(f"expected 'collective', 'unilateral:ACTOR' or 'joint:A|B', "
                            f"got {t!r}", "decision", file, line))
    return "collective"


def _crisis_stance_cells(s: Any) -> list[str]:
    p, r = s.private, s.red_line

    def num(x: float | None) -> str:
        return "" if x is None else repr(x)

    if p is not None and p.uncertain is not None:  # uncertainty: distributions' text
        pp, ps = (_cell(p, k) if getattr(p, k) is not None else "" for k in ("position",
                                                                              "salience"))
    else:
        pp, ps = (num(p.position) if p else "", num(p.salience) if p else "")
    return [
        pp, ps,
        p.note if p else "", p.source if p else "",
        r.side if r else "", repr(r.value) if r else "", r.note if r else "",
        r.source if r else "", repr(s.commitment) if s.commitment else "",
    ]


def _crisis_stance_fields(cell: Callable[[str], str], *, file: str, line: int,
                          problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if any(cell(k) for k in ("private_position", "private_salience", "private_note",
                             "private_source")):
        priv: dict[str, Any] = {"note": cell("private_note"), "source": cell("private_source")}
        for k in ("position", "salience"):
            if cell(f"private_{k}"):
                priv[k] = _float(cell(f"private_{k}"), file=file, line=line,
                                 field=f"private_{k}", problems=problems, dist=True)
        out["private"] = priv
    if any(cell(k) for k in ("red_line_side", "red_line_value")):
        out["red_line"] = {
            "side": cell("red_line_side"),
            "value": _float(cell("red_line_value"), file=file, line=line,
                            field="red_line_value", problems=problems),
            "note": cell("red_line_note"), "source": cell("red_line_source"),
        }
    if cell("commitment"):
        out["commitment"] = _float(cell("commitment"), file=file, line=line,
                                   field="commitment", problems=problems)
    return out


def _crisis_meta(meta: dict[str, str], file: str, problems: list[Problem],
                 meta_line: dict[str, int] | None = None) -> dict[str, Any]:
    import json

    out: dict[str, Any] = {}
    for key in _CRISIS_META:
        if key in meta and meta[key]:
            try:
                out[key] = json.loads(meta[key])
            except ValueError as e:
                problems.append(Problem(f"expected a JSON list after '# {key}:' ({e})", key,
                                        file, (meta_line or {}).get(key)))
    return out


def read_stances_csv(path: str | os.PathLike[str]) -> Scenario:
    """Read detente's long CSV (what :func:`write_scenario` writes for ``.csv``).

    Leading ``# key: value`` lines carry the scenario's name, description, source and date. One
    row per stance; a row with a blank issue declares an actor without stances, a row with a
    blank actor an issue without stances.
    """
    p = Path(path)
    file = str(p)
    text = _read_text(p)
    meta: dict[str, str] = {}
    meta_line: dict[str, int] = {}
    body_lines: list[str] = []
    skipped = 0
    for raw in text.splitlines(keepends=True):
        if raw.startswith("#") and not body_lines:
            key, _, value = raw[1:].partition(":")
            meta[key.strip()] = value.strip()
            skipped += 1
            meta_line[key.strip()] = skipped
        else:
            body_lines.append(raw)
    body = "".join(body_lines)
    if not body.strip():
        raise ScenarioError([Problem("no header and rows after the comments", file=file)])
    rows = _rows(body, _sniff(body_lines[0], file, "columns " + ", ".join(LONG_COLUMNS[:4])),
                 file)
    _need_rows(rows, file, "a header with columns " + ", ".join(LONG_COLUMNS[:4]))
    header = [h.lower() for h in rows[0][1]]
    missing = [c for c in ("actor", "issue", "position", "salience") if c not in header]
    if missing:
        raise ScenarioError(
            [Problem(f"missing column '{m}'", m, file, skipped + 1) for m in missing]
        )
    idx = {h: i for i, h in enumerate(header)}
    problems: list[Problem] = _near_misses(file, header, skipped + 1, meta_line)
    actors: dict[str, dict[str, Any]] = {}
    issues: dict[str, dict[str, Any]] = {}
    stances: list[dict[str, Any]] = []
    lines: dict[Loc, int] = {}

    def cell(cells: list[str], name: str) -> str:
        i = idx.get(name)
        return cells[i] if i is not None and i < len(cells) else ""

    first: dict[tuple[str, str], tuple[int, dict[str, str]]] = {}

    def same_as_first(kind: str, key: str, cells: list[str], line: int,
                      columns: tuple[str, ...]) -> None:
        """An actor's (issue's) columns repeat on each of its rows: a row that gives another
        value would otherwise be ignored in silence (the first row's value is kept)."""
        seen = first.get((kind, key))
        if seen is None:
            first[(kind, key)] = (line, {c: cell(cells, c).strip() for c in columns})
            return
        at, given = seen
        for c in columns:
            new, old = cell(cells, c).strip(), given[c]
            if not new or not old or new == old:
                continue
            try:
                if float(new) == float(old):
                    continue
            except ValueError:
                pass
            problems.append(Problem(
                f"{new!r} differs from {old!r} given for {kind} '{key}' on line {at}: "
                f"expected the same {c} on each of its rows (or the cell left blank)",
                c, file, line))

    for line0, cells in rows[1:]:
        line = line0 + skipped
        a, i = cell(cells, "actor"), cell(cells, "issue")
        if not a and not i:
            problems.append(Problem("row names neither an actor nor an issue", "actor", file, line))
            continue
        if a:
            same_as_first("actor", a, cells, line, ("actor_name", "capability"))
        if i:
            same_as_first("issue", i, cells, line, ("issue_name", "low", "high", "status_quo",
                                                    "scale_min", "scale_max", "decision"))
        if a and a not in actors:
            cap_text = cell(cells, "capability")
            cap = (
                _float(cap_text, file=file, line=line, field="capability", problems=problems,
                       nonneg=True, dist=True)
                if cap_text else 1.0
            )
            name = cell(cells, "actor_name").strip()
            twin = next((b for b, v in actors.items() if name and v["name"].strip() == name), None)
            if twin is not None:
                # ids repeat on every row, so a typo in one (CNH for CHN) makes a new actor:
                # a note, not an error (two actors may share a name; writing then reading
                # a scenario gives it back)
                warnings.warn(
                    f"{file}, line {line}: field 'actor': actor '{a}' has the name "
                    f"{name!r} of actor '{twin}' (line {first[('actor', twin)][0]}): a typo in "
                    "one of the two ids? (read as two actors)", InputNote, stacklevel=2)
            actors[a] = {"id": a, "name": cell(cells, "actor_name"), "capability": cap}
            lines[("actors", len(actors) - 1)] = line
        if i and i not in issues:
            iname = cell(cells, "issue_name").strip()
            twin = next((b for b, v in issues.items() if iname and v["name"].strip() == iname),
                        None)
            if twin is not None:
                warnings.warn(
                    f"{file}, line {line}: field 'issue': issue '{i}' has the name "
                    f"{iname!r} of issue '{twin}' (line {first[('issue', twin)][0]}): a typo in "
                    "one of the two ids? (read as two issues)", InputNote, stacklevel=2)
            d: dict[str, Any] = {"id": i, "name": cell(cells, "issue_name"),
                                 "low": cell(cells, "low"), "high": cell(cells, "high")}
            for key in ("status_quo", "scale_min", "scale_max"):
                if cell(cells, key):
                    d[key] = _float(cell(cells, key), file=file, line=line, field=key,
                                    problems=problems)
            if cell(cells, "observed"):  # observed outcomes (eval)
                d["observed"] = {
                    "value": _float(cell(cells, "observed"), file=file, line=line,
                                    field="observed", problems=problems),
                    "date": cell(cells, "observed_date") or None,
                    "note": cell(cells, "observed_note"),
                    "source": cell(cells, "observed_source"),
                }
            if cell(cells, "decision"):
                d["decision"] = _decision_cell(cell(cells, "decision"), file=file, line=line,
                                               problems=problems)
            issues[i] = d
            lines[("issues", len(issues) - 1)] = line
        if a and i:
            s: dict[str, Any] = {
                "actor": a,
                "issue": i,
                "position": _float(cell(cells, "position"), file=file, line=line,
                                   field="position", problems=problems, dist=True),
                "salience": _float(cell(cells, "salience"), file=file, line=line,
                                   field="salience", problems=problems, dist=True),
                "note": cell(cells, "note"),
                "source": cell(cells, "source"),
            }
            if cell(cells, "stance_capability"):
                s["capability"] = _float(cell(cells, "stance_capability"), file=file, line=line,
                                         field="stance_capability", problems=problems,
                                         nonneg=True, dist=True)
            for key in ("date", "confidence"):  # observed outcomes (eval)
                if cell(cells, key):
                    s[key] = cell(cells, key)
            s.update(_crisis_stance_fields(partial(cell, cells), file=file, line=line,
                                           problems=problems))
            lines[("stances", len(stances))] = line
            stances.append(s)
    crisis_meta = _crisis_meta(meta, file, problems, meta_line)
    if problems:
        raise ScenarioError(problems)
    # the comment lines' own lines, so that an error in one (a date in the wrong format, a
    # package naming a missing issue) names its line as a row's error does
    for key in ("name", "description", "source", "date", *_CRISIS_META):
        if key in meta_line:
            lines[(key,)] = meta_line[key]
    data: dict[str, Any] = {
        "name": meta.get("name", p.stem),
        "description": meta.get("description", ""),
        "source": meta.get("source", ""),
        "date": meta.get("date", ""),
        "actors": list(actors.values()),
        "issues": list(issues.values()),
        "stances": stances,
    }
    # observed outcomes (eval): as_of and the episode outcome from the comment lines
    if meta.get("as_of"):
        data["as_of"] = meta["as_of"]
        lines[("as_of",)] = meta_line["as_of"]
    if meta.get("outcome"):
        data["outcome"] = {"kind": meta["outcome"], "date": meta.get("outcome_date") or None,
                           "note": meta.get("outcome_note", ""),
                           "source": meta.get("outcome_source", "")}
        lines[("outcome",)] = meta_line["outcome"]
        for key in ("date", "note", "source"):
            if f"outcome_{key}" in meta_line:
                lines[("outcome", key)] = meta_line[f"outcome_{key}"]
    else:
        stray = [k for k in ("outcome_date", "outcome_note", "outcome_source") if k in meta]
        if stray:
            raise ScenarioError([
                Problem(f"'{stray[0]}' without an '# outcome: KIND' line: expected the episode "
                        "outcome (agreement, no_agreement or escalation)", stray[0], file,
                        meta_line[stray[0]])
            ])
    data.update(crisis_meta)
    return _build(data, file, _locator(lines))


def _cell(m: Any, name: str) -> str:
    """A number's cell: its distribution's text where it has one (uncertainty), else repr."""
    d = getattr(m.uncertain, name, None) if m.uncertain is not None else None
    return d.text if d is not None else repr(getattr(m, name))


def _write_long_csv(scenario: Scenario) -> str:
    buf = io.StringIO()
    meta: dict[str, Any] = {key: getattr(scenario, key) for key in ("name", "description",
                                                                    "source", "date")}
    meta["as_of"] = scenario.as_of or ""
    if scenario.outcome is not None:
        out = scenario.outcome
        meta.update(outcome=out.kind, outcome_date=out.date or "", outcome_note=out.note,
                    outcome_source=out.source)
    for key in _LONG_META:
        value = meta.get(key, "")
        if value:
            flat = " ".join(str(value).splitlines())
            buf.write(f"# {key}: {flat}\n")
    for key in _CRISIS_META:
        items = getattr(scenario, key)
        if items:
            import json

            dumped = [m.model_dump(mode="json", exclude_defaults=True) for m in items]
            buf.write(f"# {key}: {json.dumps(dumped, ensure_ascii=False)}\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(LONG_COLUMNS)
    actors = {a.id: a for a in scenario.actors}
    issues = {i.id: i for i in scenario.issues}

    def actor_cells(a: Actor) -> dict[str, Any]:
        return {"actor": a.id, "actor_name": a.name, "capability": _cell(a, "capability")}

    def issue_cells(i: Issue) -> dict[str, Any]:
        d = {"issue": i.id, "issue_name": i.name, "low": i.low, "high": i.high,
             "status_quo": "" if i.status_quo is None else repr(i.status_quo),
             "scale_min": repr(i.scale_min), "scale_max": repr(i.scale_max),
             "decision": _decision_text(i.decision)}
        if i.observed is not None:
            d.update(observed=repr(i.observed.value), observed_date=i.observed.date or "",
                     observed_note=i.observed.note, observed_source=i.observed.source)
        return d

    def stance_cells(s: Stance) -> dict[str, Any]:
        return {"position": _cell(s, "position"), "salience": _cell(s, "salience"),
                "stance_capability": "" if s.capability is None else _cell(s, "capability"),
                "note": s.note, "source": s.source, "date": s.date or "",
                "confidence": "" if s.confidence == "medium" else s.confidence,
                **dict(zip(CRISIS_COLUMNS[:-1], _crisis_stance_cells(s), strict=True))}

    def row(d: dict[str, Any]) -> None:
        w.writerow([d.get(c, "") for c in LONG_COLUMNS])

    used_a = {s.actor for s in scenario.stances}
    used_i = {s.issue for s in scenario.stances}
    for s in scenario.stances:
        row(actor_cells(actors[s.actor]) | issue_cells(issues[s.issue]) | stance_cells(s))
    for a in scenario.actors:
        if a.id not in used_a:
            row(actor_cells(a))
    for i in scenario.issues:
        if i.id not in used_i:
            row(issue_cells(i))
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# KTAB
def read_ktab(path: str | os.PathLike[str]) -> Scenario:
    """Read KTAB's spatial-model CSV.

    Line 1: ``name,description,nActors,nDims``; line 2: header (``Actor,Description,Power`` then
    a position and a salience column per dimension); then one row per actor, all on 0–100.
    """
    p = Path(path)
    file = str(p)
    text = _read_text(p)
    rows = _rows(text, ",", file)
    if len(rows) < 3:
        raise ScenarioError(
            [Problem("expected a title line, a header line and actor rows", file=file)]
        )
    (l1, title), (_, header) = rows[0], rows[1]
    while header and header[-1] == "":
        header = header[:-1]
    problems: list[Problem] = []
    try:
        n_actors, n_dims = int(title[2]), int(title[3])
    except (IndexError, ValueError):
        raise ScenarioError(
            [Problem("line 1 must be 'name,description,nActors,nDims' with two whole numbers",
                     file=file, line=l1)]
        ) from None
    if len(header) != 3 + 2 * n_dims:
        problems.append(
            Problem(f"header has {len(header)} columns, expected {3 + 2 * n_dims} "
                    f"(Actor, Description, Power and a position and salience per each of "
                    f"{n_dims} dimensions)", file=file, line=rows[1][0])
        )
        raise ScenarioError(problems)
    dims = []
    for d in range(n_dims):
        label = header[3 + 2 * d]
        dims.append(label)
    ids = [f"dim{d + 1}" if n_dims > 1 else "dim1" for d in range(n_dims)]
    actor_rows = rows[2:]
    if len(actor_rows) != n_actors:
        problems.append(
            Problem(f"line 1 announces {n_actors} actors, the file has {len(actor_rows)}",
                    "nActors", file, l1)
        )
    actors: list[dict[str, Any]] = []
    stances: list[dict[str, Any]] = []
    lines: dict[Loc, int] = {}
    for k, (line, cells) in enumerate(actor_rows):
        if len(cells) < 3 + 2 * n_dims:
            problems.append(Problem(f"expected {3 + 2 * n_dims} columns, got {len(cells)}",
                                    file=file, line=line))
            continue
        cap = _float(cells[2], file=file, line=line, field=header[2], problems=problems,
                     nonneg=True)
        actors.append({"id": cells[0], "name": cells[0], "capability": cap, "note": cells[1]})
        lines[("actors", k)] = line
        for d in range(n_dims):
            pos = _float(cells[3 + 2 * d], file=file, line=line, field=header[3 + 2 * d],
                         problems=problems)
            sal = _float(cells[4 + 2 * d], file=file, line=line, field=header[4 + 2 * d],
                         problems=problems, nonneg=True)
            lines[("stances", len(stances))] = line
            stances.append({"actor": cells[0], "issue": ids[d], "position": pos,
                            "salience": sal})
    if problems:
        raise ScenarioError(problems)
    data = {
        "name": title[0] or p.stem,
        "description": title[1] if len(title) > 1 else "",
        "source": "KTAB spatial-model CSV",
        "actors": actors,
        "issues": [{"id": i, "name": n} for i, n in zip(ids, dims, strict=True)],
        "stances": stances,
    }
    return _build(data, file, _locator(lines))


# ---------------------------------------------------------------------------------------------
# decide
def read_decide(path: str | os.PathLike[str]) -> Scenario:
    """Read the decide exchange-model format (tab-separated, values optionally quoted).

    ``#A id name [description]``, ``#P id name [description]``, ``#M issue scale-point`` (the
    issue's scale is the range of its points; 0–100 without any), ``#D actor issue position
    salience power`` with salience and power on 0–1 (salience is stored ×100; power becomes the
    stance's capability). ``#O`` names the scenario; ``#/`` lines are comments.
    """
    p = Path(path)
    file = str(p)
    text = _read_text(p)
    problems: list[Problem] = []
    name = p.stem
    actors: dict[str, dict[str, Any]] = {}
    issues: dict[str, dict[str, Any]] = {}
    points: dict[str, list[float]] = {}
    d_rows: list[tuple[int, list[str]]] = []
    lines: dict[Loc, int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        cells = [c.strip().strip("'\"").strip() for c in raw.split("\t")]
        tag = cells[0]
        if tag == "#/":
            continue
        if tag == "#O":
            name = cells[1] if len(cells) > 1 else name
        elif tag == "#A":
            if len(cells) < 2 or not cells[1]:
                problems.append(Problem("an #A line needs an actor id", "actor", file, lineno))
                continue
            if cells[1] in actors:
                problems.append(Problem(f"duplicate actor id '{cells[1]}'", "actor", file, lineno))
                continue
            lines[("actors", len(actors))] = lineno
            actors[cells[1]] = {"id": cells[1], "name": cells[2] if len(cells) > 2 else ""}
        elif tag == "#P":
            if len(cells) < 2 or not cells[1]:
                problems.append(Problem("a #P line needs an issue id", "issue", file, lineno))
                continue
            if cells[1] in issues:
                problems.append(Problem(f"duplicate issue id '{cells[1]}'", "issue", file, lineno))
                continue
            desc = cells[3] if len(cells) > 3 and cells[3] else ""
            label = cells[2] if len(cells) > 2 else ""
            lines[("issues", len(issues))] = lineno
            issues[cells[1]] = {"id": cells[1], "name": label or desc, "note": desc}
        elif tag == "#M":
            if len(cells) < 3:
                problems.append(Problem("an #M line needs an issue and a scale point",
                                        file=file, line=lineno))
                continue
            v = _float(cells[2], file=file, line=lineno, field="scale point", problems=problems)
            if v is not None:
                points.setdefault(cells[1], []).append(v)
        elif tag == "#D":
            d_rows.append((lineno, cells))
        else:
            problems.append(
                Problem(f"unknown line tag {tag[:20]!r}: expected #A, #P, #M, #D, #O or #/ "
                        "(tab-separated)", file=file, line=lineno)
            )
    for iid, pts in points.items():
        if iid not in issues:
            problems.append(Problem(f"#M line for unknown issue '{iid}'", "issue", file))
            continue
        if len(pts) >= 2 and max(pts) > min(pts):
            issues[iid]["scale_min"], issues[iid]["scale_max"] = min(pts), max(pts)
    stances: list[dict[str, Any]] = []
    powers: dict[str, list[float]] = {}
    for lineno, cells in d_rows:
        if len(cells) < 6:
            problems.append(
                Problem(f"a #D line needs actor, issue, position, salience and power; got "
                        f"{len(cells) - 1} values", file=file, line=lineno)
            )
            continue
        actor, issue = cells[1], cells[2]
        pos = _float(cells[3], file=file, line=lineno, field="position", problems=problems)
        sal = _float(cells[4], file=file, line=lineno, field="salience", problems=problems,
                     nonneg=True)
        pw = _float(cells[5], file=file, line=lineno, field="power", problems=problems,
                    nonneg=True)
        if sal is not None and sal > 1:
            problems.append(Problem(f"salience must be between 0 and 1, got {cells[4]}",
                                    "salience", file, lineno))
            sal = None
        if pw is not None and pw > 1:
            problems.append(Problem(f"power must be between 0 and 1, got {cells[5]}",
                                    "power", file, lineno))
            pw = None
        if actor not in actors:
            problems.append(Problem(f"unknown actor '{actor}': no #A line declares it",
                                    "actor", file, lineno))
        if issue not in issues:
            problems.append(Problem(f"unknown issue '{issue}': no #P line declares it",
                                    "issue", file, lineno))
        elif pos is not None:
            lo = issues[issue].get("scale_min", 0.0)
            hi = issues[issue].get("scale_max", 100.0)
            if not lo <= pos <= hi:
                problems.append(Problem(f"position {pos:g} is outside issue '{issue}''s scale "
                                        f"[{lo:g}, {hi:g}]", "position", file, lineno))
        if pw is not None:
            powers.setdefault(actor, []).append(pw)
        lines[("stances", len(stances))] = lineno
        stances.append({"actor": actor, "issue": issue, "position": pos,
                        "salience": None if sal is None else sal * 100.0, "capability": pw})
    if problems or any(s["position"] is None or s["salience"] is None for s in stances):
        raise ScenarioError(_fold_into_duplicates(problems))
    for aid, a in actors.items():
        pw_list = powers.get(aid, [])
        a["capability"] = max(pw_list) if pw_list else 0.0
    data = {
        "name": name,
        "source": "decide exchange-model input",
        "actors": list(actors.values()),
        "issues": list(issues.values()),
        "stances": stances,
    }
    return _build(data, file, _locator(lines))


# ---------------------------------------------------------------------------------------------
# dispatch and writing
def _detect(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    text = _read_text(path)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if first.lstrip().startswith("{"):
        return "json"
    tag = first.lstrip("'\"")
    if tag[:2] in ("#A", "#P", "#M", "#D", "#O", "#/") and tag[2:3] in ("\t", "'", '"'):
        return "decide"
    if first.startswith("#") or first.lower().replace(" ", "").startswith("actor,actor_name"):
        return "long"
    header = {c.strip().strip("'\"").lower() for c in re.split(r"[,;\t]", first)}
    if {"actor", "issue", "position", "salience"} <= header:  # the long CSV's own columns
        return "long"
    # KTAB's title line, its fields possibly quoted ("13","2") as a spreadsheet may write them
    try:
        cells = [c.strip() for c in next(csv.reader([first], skipinitialspace=True), [])]
    except csv.Error:  # (a NUL byte, a field too long: the one-issue reader says what)
        cells = []
    if len(cells) >= 4 and cells[2].isdigit() and cells[3].isdigit():
        return "ktab"
    return "one-issue"


def load_scenario(path: str | os.PathLike[str], *, format: str | None = None) -> Scenario:
    """Read a scenario file, detecting its format from the name and first line.

    ``format`` forces one of ``yaml``, ``json``, ``one-issue``, ``long``, ``ktab``, ``decide``.
    For DEU-style
    wide files (many issues with observed outcomes) use :func:`detente.scenario.read_deu`.
    """
    p = Path(path)
    fmt = format or _detect(p)
    readers: dict[str, Callable[[Path], Scenario]] = {
        "yaml": read_yaml,
        "json": read_json,
        "one-issue": read_one_issue_csv,
        "long": read_stances_csv,
        "ktab": read_ktab,
        "decide": read_decide,
    }
    if fmt not in readers:
        raise ScenarioError(
            [Problem(f"unknown format {fmt!r}: expected one of {', '.join(readers)}", file=str(p))]
        )
    return readers[fmt](p)


def write_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write YAML (``.yaml``/``.yml``) or detente's long CSV (``.csv``), atomically."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        atomic_write_text(p, dump_scenario_yaml(scenario))
    elif p.suffix.lower() == ".csv":
        atomic_write_text(p, _write_long_csv(scenario))
    else:
        raise InputError(f"{p}: cannot tell the format; use a .yaml or .csv name")

