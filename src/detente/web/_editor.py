"""The editable actors × issues table: a scenario document to form rows and back, and every
validation problem put at its field (``loc`` from ``detente.scenario``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from detente.errors import InputError, Problem

__all__ = ["Draft", "doc_from_draft", "draft_from_doc", "draft_from_form", "place_errors"]

MAX_ROWS = 200
_ACTOR_FIELDS = {"id": "id", "name": "name", "capability": "cap"}
_ISSUE_FIELDS = {"id": "id", "name": "name", "status_quo": "sq", "scale_min": "min",
                 "scale_max": "max"}
_STANCE_FIELDS = {"position": "pos", "salience": "sal"}


@dataclass
class Draft:
    """What the form shows: rows of strings, the cells, and the document they edit."""

    name: str = "scenario"
    description: str = ""
    actors: list[dict[str, str]] = field(default_factory=list)
    issues: list[dict[str, str]] = field(default_factory=list)
    cells: dict[tuple[int, int], dict[str, str]] = field(default_factory=dict)
    base: dict[str, Any] = field(default_factory=dict)

    def cell(self, i: int, j: int) -> dict[str, str]:
        return self.cells.get((i, j), {"pos": "", "sal": ""})

    @property
    def base_json(self) -> str:
        return json.dumps(self.base, default=str, separators=(",", ":"))


def _s(v: Any) -> str:
    if v is None or isinstance(v, (dict, list)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def draft_from_doc(doc: Any) -> Draft:
    """Rows from a scenario document (valid or not: anything unreadable becomes a blank)."""
    d = Draft(base=doc if isinstance(doc, dict) else {})
    if not isinstance(doc, dict):
        return d
    d.name = _s(doc.get("name")) or "scenario"
    d.description = _s(doc.get("description"))
    actors: list[Any] = doc["actors"] if isinstance(doc.get("actors"), list) else []
    issues: list[Any] = doc["issues"] if isinstance(doc.get("issues"), list) else []
    for a in actors[:MAX_ROWS]:
        a = a if isinstance(a, dict) else {}
        d.actors.append({"orig": _s(a.get("id")), "id": _s(a.get("id")),
                         "name": _s(a.get("name")), "cap": _s(a.get("capability", ""))})
    for i in issues[:MAX_ROWS]:
        i = i if isinstance(i, dict) else {}
        d.issues.append({"orig": _s(i.get("id")), "id": _s(i.get("id")),
                         "name": _s(i.get("name")), "sq": _s(i.get("status_quo")),
                         "min": _s(i.get("scale_min", "")), "max": _s(i.get("scale_max", ""))})
    for s in stance_list(doc):
        ij = _cell_of(d, s)
        if ij is not None and ij not in d.cells:
            d.cells[ij] = {"pos": _s(s.get("position")), "sal": _s(s.get("salience"))}
    return d


def upload_cells(d: Draft, doc: Any) -> list[tuple[int, int] | None]:
    """For each stance of an uploaded document, its cell in ``d`` (None if it has none)."""
    return [_cell_of(d, s) for s in stance_list(doc)] if isinstance(doc, dict) else []


def stance_list(doc: dict[str, Any]) -> list[dict[str, Any]]:
    st = doc.get("stances")
    return [s if isinstance(s, dict) else {} for s in st] if isinstance(st, list) else []


def _cell_of(d: Draft, s: dict[str, Any]) -> tuple[int, int] | None:
    a, i = _s(s.get("actor")), _s(s.get("issue"))
    ai = next((k for k, r in enumerate(d.actors) if r["orig"] == a and a), None)
    ii = next((k for k, r in enumerate(d.issues) if r["orig"] == i and i), None)
    return None if ai is None or ii is None else (ai, ii)


def draft_from_form(form: Any) -> Draft:
    """Rows from the submitted form (``a3_id``, ``i1_sq``, ``s2_0_pos``...)."""
    def get(key: str) -> str:
        v = form.get(key)
        return v.strip()[:200] if isinstance(v, str) else ""

    def count(key: str) -> int:
        try:
            return max(0, min(int(get(key) or 0), MAX_ROWS))
        except ValueError:
            return 0

    base: Any = {}
    raw = form.get("base_json")
    if isinstance(raw, str) and raw:
        try:
            base = json.loads(raw)
        except (ValueError, RecursionError):
            raise InputError([Problem("the form's hidden document is not valid JSON: reload "
                                      "the scenario", "base_json")]) from None
    d = Draft(name=get("name") or "scenario", description=form.get("description", "")[:5000]
              if isinstance(form.get("description"), str) else "",
              base=base if isinstance(base, dict) else {})
    for k in range(count("n_actors")):
        d.actors.append({f: get(f"a{k}_{f}") for f in ("orig", "id", "name", "cap")})
    for k in range(count("n_issues")):
        d.issues.append({f: get(f"i{k}_{f}") for f in ("orig", "id", "name", "sq", "min", "max")})
    for i in range(len(d.actors)):
        for j in range(len(d.issues)):
            c = {"pos": get(f"s{i}_{j}_pos"), "sal": get(f"s{i}_{j}_sal")}
            if c["pos"] or c["sal"]:
                d.cells[(i, j)] = c
    return d


def _num(text: str) -> Any:
    """A number if the text is one; otherwise the text, for validation to report at the field."""
    try:
        return float(text)
    except ValueError:
        return text


def doc_from_draft(d: Draft) -> tuple[dict[str, Any], list[tuple[int, int] | None]]:
    """The scenario document, and for each stance in it the cell (actor row, issue row)."""
    base = d.base
    doc = {k: v for k, v in base.items() if k not in ("actors", "issues", "stances")}
    doc["name"] = d.name
    if d.description:
        doc["description"] = d.description
    else:
        doc.pop("description", None)
    by_id = lambda key: {x.get("id"): x for x in base.get(key, [])  # noqa: E731
                         if isinstance(x, dict)} if isinstance(base.get(key), list) else {}
    old_actors, old_issues = by_id("actors"), by_id("issues")
    old_stances = {(s.get("actor"), s.get("issue")): s for s in stance_list(base)}
    rank = {key: k for k, key in enumerate(old_stances)}

    def order(cell: tuple[tuple[int, int], dict[str, str]]) -> tuple[int, int, int]:
        (ai, ii), _ = cell  # stances keep the document's order; new ones come last
        k = rank.get((d.actors[ai]["orig"], d.issues[ii]["orig"]), len(rank))
        return (k, ai, ii)

    actors = []
    for r in d.actors:
        a = dict(old_actors.get(r["orig"], {}))
        a["id"] = r["id"]
        for key, f in (("name", "name"),):
            if r[f]:
                a[key] = r[f]
            else:
                a.pop(key, None)
        if r["cap"]:
            a["capability"] = _num(r["cap"])
        else:
            a.pop("capability", None)
        actors.append(a)
    issues = []
    for r in d.issues:
        i = dict(old_issues.get(r["orig"], {}))
        i["id"] = r["id"]
        for key, f, conv in (("name", "name", str), ("status_quo", "sq", _num),
                             ("scale_min", "min", _num), ("scale_max", "max", _num)):
            if r[f]:
                i[key] = conv(r[f])
            else:
                i.pop(key, None)
        issues.append(i)
    stances: list[dict[str, Any]] = []
    where: list[tuple[int, int] | None] = []
    for (ai, ii), c in sorted(d.cells.items(), key=order):
        s = dict(old_stances.get((d.actors[ai]["orig"], d.issues[ii]["orig"]), {}))
        s["actor"], s["issue"] = d.actors[ai]["id"], d.issues[ii]["id"]
        s["position"] = _num(c["pos"]) if c["pos"] else ""
        s["salience"] = _num(c["sal"]) if c["sal"] else ""
        stances.append(s)
        where.append((ai, ii))
    doc["actors"], doc["issues"], doc["stances"] = actors, issues, stances
    return doc, where


def place_errors(err: InputError, where: list[tuple[int, int] | None]
                 ) -> tuple[dict[str, list[str]], list[str]]:
    """Problems keyed by form field (``a0_cap``, ``i2_sq``, ``s1_3_sal``, ``i2`` for a row),
    and those with no field in the table."""
    at: dict[str, list[str]] = {}
    general: list[str] = []
    for p in err.problems or [Problem(str(err))]:
        key = _key(p.loc, where)
        msg = (f"line {p.line}: " if p.line else "") + p.message
        if key is None:
            general.append(str(p) if not p.loc else f"{'.'.join(map(str, p.loc))}: {msg}")
        else:
            at.setdefault(key, []).append(msg)
    return at, general


def _key(loc: tuple[str | int, ...], where: list[tuple[int, int] | None]) -> str | None:
    if len(loc) < 2 or not isinstance(loc[1], int):
        return None
    section, k = loc[0], loc[1]
    name = loc[2] if len(loc) > 2 else None
    if section == "actors" and k < MAX_ROWS:
        return f"a{k}_{_ACTOR_FIELDS[name]}" if name in _ACTOR_FIELDS else f"a{k}"
    if section == "issues" and k < MAX_ROWS:
        return f"i{k}_{_ISSUE_FIELDS[name]}" if name in _ISSUE_FIELDS else f"i{k}"
    if section == "stances" and k < len(where):
        cell = where[k]
        if cell is None:
            return None
        ai, ii = cell
        return f"s{ai}_{ii}_{_STANCE_FIELDS[name]}" if name in _STANCE_FIELDS else f"s{ai}_{ii}_pos"
    return None
