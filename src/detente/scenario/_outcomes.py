"""What happened, kept apart from the inputs: an outcomes file added to a scenario.

An analyst who freezes a scenario at ``as_of`` can record the outcome later in a file of its own,
so that the inputs are never touched after the fact. YAML::

    as_of: "2022-01-10"            # optional: sets or replaces the scenario's
    outcome: {kind: escalation, date: "2022-02-24", note: "...", source: "..."}
    observed:
      russian_forces: {value: 100, date: "2022-02-24", note: "...", source: "..."}

or CSV with the columns ``issue,value,date,note,source``, one row per observed issue, and a row
whose issue is ``episode`` giving the outcome kind in ``value``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from detente.scenario._io import Loc, _read_text, _rows, _sniff, load_yaml_document
from detente.scenario._model import Problem, Scenario, ScenarioError

__all__ = ["read_outcomes"]

EPISODE_ROW = "episode"
_CSV_COLUMNS = ("issue", "value", "date", "note", "source")


def read_outcomes(path: str | os.PathLike[str], scenario: Scenario) -> Scenario:
    """``scenario`` with the ``as_of``, episode ``outcome`` and ``observed`` values of the
    outcomes file at ``path`` (YAML or CSV, see the module text); an issue's observed value in
    the file replaces one already in the scenario. Errors name the outcomes file and its line."""
    p = Path(path)
    file = str(p)
    if p.suffix.lower() in (".yaml", ".yml"):
        top, observed, lines = _from_yaml(p, scenario)
    else:
        top, observed, lines = _from_csv(p, scenario)
    index = {iss.id: k for k, iss in enumerate(scenario.issues)}
    data = scenario.model_dump()
    data.update(top)
    for issue_id, obs in observed.items():
        data["issues"][index[issue_id]]["observed"] = obs
    ids = {k: i for i, k in index.items()}

    def locate(loc: Loc) -> int | None:
        if len(loc) >= 3 and loc[0] == "issues" and loc[2] == "observed":
            key: Loc = ("observed", ids.get(int(loc[1]), ""), *loc[3:])
        else:
            key = tuple(loc)
        while key:
            if key in lines:
                return lines[key]
            key = key[:-1]
        return None

    try:
        return Scenario.model_validate(data)
    except ScenarioError as exc:
        raise exc.located(file, locate) from None
    except Exception as exc:  # pydantic ValidationError
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
            problems.append(Problem(str(err.get("msg", "invalid value")) +
                                    _got(err.get("input")), field, file, locate(loc), loc=loc))
        raise ScenarioError(problems) from None


def _got(value: Any) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return f" (got {value!r})"
    return ""


def _unknown(issue: str, scenario: Scenario, file: str, line: int | None) -> Problem:
    return Problem(
        f"unknown issue '{issue}'; expected one of: {', '.join(scenario.issue_ids)}"
        f" (or '{EPISODE_ROW}' for the episode outcome)",
        "issue", file, line,
    )


def _from_yaml(
    p: Path, scenario: Scenario
) -> tuple[dict[str, Any], dict[str, Any], dict[Loc, int]]:
    file = str(p)
    data, locate = load_yaml_document(p)
    if not isinstance(data, dict):
        raise ScenarioError([Problem("expected a mapping with keys as_of, outcome, observed",
                                     file=file, line=1)])
    extra = sorted(set(data) - {"as_of", "outcome", "observed"})
    problems = [Problem(f"unknown key '{k}': expected as_of, outcome or observed", k, file,
                        locate((k,))) for k in extra]
    top = {k: data[k] for k in ("as_of", "outcome") if k in data}
    observed = data.get("observed") or {}
    if not isinstance(observed, dict):
        problems.append(Problem("expected a mapping of issue id to {value, date, note, source}",
                                "observed", file, locate(("observed",))))
        observed = {}
    for issue in observed:
        if str(issue) not in scenario.issue_ids:
            problems.append(_unknown(str(issue), scenario, file, locate(("observed", issue))))
    if problems:
        raise ScenarioError(problems)
    lines: dict[Loc, int] = {}
    for key in ("as_of", "outcome"):
        line = locate((key,))
        if line is not None:
            lines[(key,)] = line
    for issue, obs in observed.items():
        for sub in ("", "value", "date", "note", "source"):
            loc: Loc = ("observed", issue, sub) if sub else ("observed", issue)
            line = locate(loc)
            if line is not None:
                lines[loc] = line
        if not isinstance(obs, dict):
            observed[issue] = {"value": obs}
    for sub in ("kind", "date", "note", "source"):
        line = locate(("outcome", sub))
        if line is not None:
            lines[("outcome", sub)] = line
    return top, {str(k): v for k, v in observed.items()}, lines


def _from_csv(
    p: Path, scenario: Scenario
) -> tuple[dict[str, Any], dict[str, Any], dict[Loc, int]]:
    file = str(p)
    text = _read_text(p)
    delim = _sniff(text.splitlines()[0], file, ", ".join(_CSV_COLUMNS))
    rows = _rows(text, delim)
    header = [h.lower() for h in rows[0][1]]
    missing = [c for c in ("issue", "value") if c not in header]
    if missing:
        raise ScenarioError([Problem(f"missing column '{m}': expected columns "
                                     f"{', '.join(_CSV_COLUMNS)}", m, file, rows[0][0])
                             for m in missing])
    idx = {h: i for i, h in enumerate(header)}

    def cell(cells: list[str], name: str) -> str:
        i = idx.get(name)
        return cells[i] if i is not None and i < len(cells) else ""

    problems: list[Problem] = []
    top: dict[str, Any] = {}
    observed: dict[str, Any] = {}
    lines: dict[Loc, int] = {}
    for line, cells in rows[1:]:
        issue = cell(cells, "issue")
        rest = {"date": cell(cells, "date") or None, "note": cell(cells, "note"),
                "source": cell(cells, "source")}
        if issue == EPISODE_ROW:
            top["outcome"] = {"kind": cell(cells, "value"), **rest}
            lines[("outcome",)] = line
        elif issue not in scenario.issue_ids:
            problems.append(_unknown(issue, scenario, file, line))
        elif issue in observed:
            problems.append(Problem(f"second row for issue '{issue}'", "issue", file, line))
        else:
            value = cell(cells, "value").strip()
            if delim != "," and value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")  # a decimal comma, as the scenario CSVs read it
            observed[issue] = {"value": value, **rest}
            lines[("observed", issue)] = line
    if problems:
        raise ScenarioError(problems)
    return top, observed, lines
