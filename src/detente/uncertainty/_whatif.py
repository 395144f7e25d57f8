"""What-if without editing files: set numbers, drop actors, and compare two scenarios.

``--set RUS.open_door.salience=90`` (a stance: position, salience, capability, commitment,
red_line — the value of an existing red line), ``--set USA.capability=40`` (an actor),
``--set GBR.cost=0.84`` (the actor's outside option: cost, target_cost, p_prevail),
``--set open_door.status_quo=30`` (an issue); a value may be a distribution
(``--set RUS.open_door.position="60 ± 10"``; not for a red line). ``--drop CHN`` removes an actor
with its stances, its outside options and its place in other actors' targets and in who decides.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from detente.errors import InputError, InputNote
from detente.scenario import OUTCOME_KINDS, Scenario, ScenarioError
from detente.scenario._model import own_red_line_problems
from detente.scenario._uncertain import looks_uncertain

__all__ = ["Change", "ScenarioDiff", "Setting", "apply_whatif", "diff_scenarios", "parse_set",
           "whatif_notes"]

STANCE_FIELDS = ("position", "salience", "capability", "commitment", "red_line")
ACTOR_FIELDS = ("capability",)
#: fields of the actor's outside option (``ACTOR.cost=0.5``): what the crisis explanation's
#: "what would reopen it" names
ACTOR_OPTION_FIELDS = ("cost", "target_cost", "p_prevail")
ISSUE_FIELDS = ("status_quo",)


@dataclass(frozen=True)
class Setting:
    """One ``--set``: the path (``ACTOR.ISSUE.FIELD``, ``ACTOR.FIELD`` or ``ISSUE.FIELD``) and
    the value (a number, or a distribution's text)."""

    path: tuple[str, ...]
    value: float | str

    @property
    def text(self) -> str:
        v = f"{self.value:g}" if isinstance(self.value, float) else self.value
        return f"{'.'.join(self.path)}={v}"


#: what a red line's setting expects (its value moves; the side stays the scenario's)
_RED_LINE_FORM = ("a red line is moved by its value alone, a number on the issue's scale, as "
                  "ACTOR.ISSUE.red_line=VALUE (e.g. GBR.sovereignty.red_line=70); its side "
                  "(above/below) stays as the scenario gives it")


def parse_set(text: str, *, name: str = "--set") -> Setting:
    """``RUS.open_door.salience=90`` → :class:`Setting` (``InputError`` says what is expected;
    ``name`` is what the messages call the text: the CLI's option, or an API's field)."""
    target, eq, value = text.partition("=")
    parts = tuple(p.strip() for p in target.strip().split("."))
    if not eq or not value.strip() or len(parts) not in (2, 3) or not all(parts):
        raise InputError(f"{name} {text!r}: expected ACTOR.ISSUE.FIELD=VALUE, ACTOR.FIELD=VALUE "
                         "or ISSUE.FIELD=VALUE (e.g. RUS.open_door.salience=90, "
                         "USA.capability=40)")
    v = value.strip()
    red_line = len(parts) == 3 and parts[2] == "red_line"
    if looks_uncertain(v) and not red_line:
        return Setting(parts, v)
    try:
        x = float(v)
    except ValueError:
        if red_line:
            raise InputError(f"{name} {text!r}: {v!r} is not a red line's value; "
                             f"{_RED_LINE_FORM}") from None
        raise InputError(f"{name} {text!r}: {v!r} is not a number or a distribution "
                         "(e.g. 60, '60 ± 10', 'uniform(40, 80)')") from None
    if not math.isfinite(x):
        raise InputError(f"{name} {text!r}: expected a finite number")
    return Setting(parts, x)


def _dump(sc: Scenario) -> dict[str, Any]:
    return sc.model_dump()


def _put(rec: dict[str, Any], name: str, value: float | str) -> None:
    rec[name] = value
    unc = rec.get("uncertain")
    if isinstance(unc, dict) and unc.get(name) is not None:
        unc = {k: v for k, v in unc.items() if k != name and v is not None}
        rec["uncertain"] = unc or None


def _drop_effects(data: dict[str, Any], gone: frozenset[str]) -> list[str]:
    """Remove from the dumped scenario ``data`` what leaving out ``gone`` takes with it beyond
    the actors' own inputs (a threat with no target left, a unilateral or joint decider), and
    say so: one phrase per effect."""
    options = []
    said: list[str] = []
    for o in data.get("outside_options", ()):
        if o["actor"] in gone:
            continue
        targets = [t for t in o.get("target", ()) if t not in gone]
        if o.get("target") and not targets:
            said.append(f"{o['actor']}'s outside option ({o.get('action') or 'no action'}) "
                        f"had no target left and is removed")
            continue
        options.append({**o, "target": targets})
    data["outside_options"] = options
    for iss in data["issues"]:
        d = iss.get("decision")
        if isinstance(d, dict) and d.get("unilateral") in gone:
            iss["decision"] = "collective"
            said.append(f"'{iss['id']}' was {d['unilateral']}'s alone to decide and is now "
                        "decided collectively")
        elif isinstance(d, dict) and "joint" in d:
            left = [x for x in d["joint"] if x not in gone]
            iss["decision"] = {"joint": left} if left else "collective"
    return said


def _drop_note(said: list[str], drop_label: Sequence[str]) -> str:
    return f"{', '.join(drop_label)}: " + "; ".join(said) if said else ""


def whatif_notes(scenario: Scenario, drop: Iterable[str] = (), *,
                 drop_names: Sequence[str] | None = None) -> tuple[str, ...]:
    """What :func:`apply_whatif` says (and warns, as an :class:`~detente.errors.InputNote`)
    that dropping ``drop`` takes with it beyond the actors' own inputs, for the faces that
    carry the notes in their output (JSON, API): empty when it takes nothing else."""
    drops = list(drop)
    if not drops:
        return ()
    note = _drop_note(_drop_effects(_dump(scenario), frozenset(drops)),
                      list(drop_names or [f"--drop {d}" for d in drops]))
    return (note,) if note else ()


def apply_whatif(scenario: Scenario, set: Iterable[str | Setting] = (),  # noqa: A002
                 drop: Iterable[str] = (), *, set_names: Sequence[str] | None = None,
                 drop_names: Sequence[str] | None = None) -> Scenario:
    """``scenario`` with numbers set and actors dropped (validated again; a value off its scale
    or an unknown name raises :class:`~detente.errors.InputError` saying which ``--set``).

    ``set_names`` and ``drop_names`` are what the messages call each edit (default
    ``--set TEXT`` and ``--drop ID``, the CLI's options; an API names its own fields)."""
    settings = [s if isinstance(s, Setting) else parse_set(s) for s in set]
    drops = list(drop)
    set_label = list(set_names or [f"--set {st.text}" for st in settings])
    drop_label = list(drop_names or [f"--drop {d}" for d in drops])
    if not settings and not drops:
        return scenario
    data = _dump(scenario)
    actors = {a["id"]: a for a in data["actors"]}
    issues = {i["id"]: i for i in data["issues"]}
    for k, who in enumerate(drops):
        if who not in actors:
            parts = [x.strip() for x in who.split(",")]
            one_each = (" (one actor each time: a list is not split)"
                        if len(parts) > 1 and all(x in actors for x in parts) else "")
            raise InputError(f"{drop_label[k]}: no actor '{who}'{one_each}; actors: "
                             f"{', '.join(actors)}")
    for j, st in enumerate(settings):
        p = st.path
        if (gone_at := next((n for n, d in enumerate(drops) if d == p[0]), None)) is not None:
            # the setting would be applied, then dropped with its actor: a what-if that did
            # not do what it said
            raise InputError(f"{set_label[j]}: actor '{p[0]}' is left out by "
                             f"{drop_label[gone_at]}; expected a setting on an actor that stays "
                             "(or do not drop it)")
        if len(p) == 3:
            a, i, f = p
            if a not in actors:
                raise InputError(f"{set_label[j]}: no actor '{a}'; actors: {', '.join(actors)}")
            if i not in issues:
                raise InputError(f"{set_label[j]}: no issue '{i}'; issues: {', '.join(issues)}")
            if f not in STANCE_FIELDS:
                raise InputError(f"{set_label[j]}: a stance's field is one of "
                                 f"{', '.join(STANCE_FIELDS)}, got '{f}'")
            rec = next((s for s in data["stances"] if s["actor"] == a and s["issue"] == i), None)
            if rec is None:
                raise InputError(f"{set_label[j]}: '{a}' has no stance on '{i}'")
            if f == "red_line":
                if not isinstance(rec.get("red_line"), dict):
                    raise InputError(f"{set_label[j]}: '{a}' has no red line on '{i}' to move")
                if isinstance(st.value, str):
                    raise InputError(f"{set_label[j]}: {st.value!r} is not a red line's value; "
                                     f"{_RED_LINE_FORM}")
                rec["red_line"] = {**rec["red_line"], "value": st.value}
            else:
                _put(rec, f, st.value)
        else:
            x, f = p
            if x in actors and f in ACTOR_FIELDS:
                _put(actors[x], f, st.value)
            elif x in actors and f in ACTOR_OPTION_FIELDS:
                held = [o for o in data.get("outside_options", ()) if o["actor"] == x]
                if len(held) != 1:
                    raise InputError(
                        f"{set_label[j]}: '{x}' holds {len(held)} outside options; "
                        + ("one is needed" if not held else "edit the file to say which"))
                _put(held[0], f, st.value)
            elif x in issues and f in ISSUE_FIELDS:
                if isinstance(st.value, str):
                    raise InputError(f"{set_label[j]}: a status quo is a number")
                issues[x][f] = st.value
            else:
                raise InputError(f"{set_label[j]}: expected ACTOR.capability, an outside "
                                 f"option's ACTOR.{'|'.join(ACTOR_OPTION_FIELDS)} (actors: "
                                 f"{', '.join(actors)}) or ISSUE.status_quo (issues: "
                                 f"{', '.join(issues)})")
    if drops:
        gone = frozenset(drops)
        data["actors"] = [a for a in data["actors"] if a["id"] not in gone]
        data["stances"] = [s for s in data["stances"] if s["actor"] not in gone]
        note = _drop_note(_drop_effects(data, gone), drop_label)
        if note:
            warnings.warn(note, InputNote, stacklevel=2)
    edits = [*set_label, *drop_label]
    # every face titles its output with the scenario's name: the edits go with it, so that a
    # what-if's table, JSON, report or web page is never read as the file's own forecast
    data["name"] = (f"{data['name']} (what-if: "
                    + "; ".join([*(f"set {st.text}" for st in settings),
                                 *(f"drop {d}" for d in drops)]) + ")")

    def blame(ids: frozenset[str], length: int = 0) -> str:
        """The edits that name one of ``ids`` (with a path of ``length`` parts, if given; all
        of them when none does)."""
        hit = [lab for st, lab in zip(settings, set_label, strict=True) if ids & frozenset(st.path)
               and length in (0, len(st.path))]
        hit += [lab for d, lab in zip(drops, drop_label, strict=True) if d in ids]
        return ", ".join(hit or edits)

    try:
        out = Scenario.model_validate(data)
        own = own_red_line_problems(out)
        if own:
            raise ScenarioError(own)
        return out
    except ScenarioError as e:
        named = [frozenset(map(str, p.loc)) | frozenset(p.message.split("'"))
                 for p in e.problems]  # ids quoted in the message: 'line'
        raise InputError("; ".join(f"what-if ({blame(n)}): {p.message}"
                                   for p, n in zip(e.problems, named, strict=True))) from None
    except ValidationError as e:
        parts = []
        for err in e.errors():
            loc, where, ids = tuple(err["loc"]), "", frozenset[str]()
            if len(loc) >= 2 and loc[0] in ("issues", "actors", "stances") \
                    and isinstance(loc[1], int) and loc[1] < len(data[loc[0]]):
                rec = data[loc[0]][loc[1]]
                ids = frozenset((rec["actor"], rec["issue"]) if loc[0] == "stances"
                                else (rec["id"],))
                where = (f"stance {rec['actor']}.{rec['issue']}" if loc[0] == "stances"
                         else f"{loc[0][:-1]} '{rec['id']}'")
            msg = str(err["msg"]).removeprefix("Value error, ")
            length = 2 if loc and loc[0] == "issues" else 0  # ISSUE.status_quo
            parts.append(f"what-if ({blame(ids, length)}): " + (f"{where}: " if where else "")
                         + msg)
        raise InputError("; ".join(parts)) from None


@dataclass(frozen=True)
class Change:
    """One difference between two scenarios: where, and the value in each (``None``: absent)."""

    what: str
    a: Any
    b: Any


@dataclass(frozen=True)
class ScenarioDiff:
    """What two scenarios differ in, and how each model's forecast moves (``moves``: model,
    issue, forecast on A, forecast on B)."""

    a: str
    b: str
    changes: tuple[Change, ...]
    moves: tuple[tuple[str, str, float, float], ...]
    episodes: tuple[tuple[str, str, float, float], ...] = ()
    """Models that give episode probabilities (crisis): model, outcome kind (agreement,
    no_agreement, escalation), probability on A, on B."""

    def as_dict(self) -> dict[str, Any]:
        def num(x: float) -> float | None:
            return None if math.isnan(x) else x

        return {
            "a": self.a, "b": self.b,
            "changes": [{"what": c.what, "a": c.a, "b": c.b} for c in self.changes],
            "forecasts": [{"model": m, "issue": i, "a": num(x), "b": num(y),
                           "change": num(y - x)} for m, i, x, y in self.moves],
            "episodes": [{"model": m, "outcome": k, "a": num(x), "b": num(y),
                          "change": num(y - x)} for m, k, x, y in self.episodes],
        }


def _txt(m: Any, name: str) -> Any:
    u = getattr(m, "uncertain", None)
    d = getattr(u, name, None) if u is not None else None
    return d.text if d is not None else getattr(m, name)


def _located(forecast: Any, sc: Scenario, model: str, name: str) -> Any:
    try:
        return forecast(sc, model, rng=0)
    except InputError as e:
        raise e.located(name) from None


_OPTION_FIELDS = ("action", "p_prevail", "cost", "target_cost", "imposes", "date")


def _crisis_changes(a: Scenario, b: Scenario) -> list[Change]:
    """The scenario-level inputs the crisis model reads: the moment (``as_of``, else ``date``:
    trust is read from the record then), each outside option field by field (named by its
    holder and targets), and the linkage."""
    ch = [Change(f, getattr(a, f) or None, getattr(b, f) or None)
          for f in ("as_of", "date") if (getattr(a, f) or None) != (getattr(b, f) or None)]

    def options(sc: Scenario) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for o in sc.outside_options:
            key = f"{o.actor}→{','.join(o.target) or 'all'}"
            n, k = 2, key
            while k in out:  # two options of one holder against the same targets
                k, n = f"{key}#{n}", n + 1
            out[k] = o
        return out

    oa, ob = options(a), options(b)
    for k in sorted(set(oa) | set(ob)):
        if k not in ob:
            ch.append(Change(f"outside option {k}", "present", None))
        elif k not in oa:
            ch.append(Change(f"outside option {k}", None, "present"))
        else:
            for f in _OPTION_FIELDS:
                x, y = _txt(oa[k], f), _txt(ob[k], f)
                if x != y:
                    ch.append(Change(f"outside option {k}.{f}", x, y))

    def links(sc: Scenario) -> set[str]:
        return {f"conditional {x.conditional} on {x.on}" if x.conditional
                else f"package [{', '.join(x.package or ())}]" for x in sc.linkage}

    la, lb = links(a), links(b)
    ch += [Change(f"linkage {k}", "present" if k in la else None, "present" if k in lb else None)
           for k in sorted(la ^ lb)]
    return ch


def diff_scenarios(a: Scenario, b: Scenario, models: Sequence[str] = ("compromise",),
                   names: tuple[str, str] = ("scenario A", "scenario B")) -> ScenarioDiff:
    """The differences between ``a`` and ``b`` (actors, issues, stances, crisis inputs) and the
    forecast of each model on each issue in both; a model's input error names the scenario it
    is about (``names``: the files, on the command line)."""
    from detente.collective import forecast
    from detente.collective._registry import get_model

    for m in models:  # a name no model has is no fault of either scenario: said unlocated
        get_model(m)
    ch: list[Change] = []
    aa, ba = {x.id: x for x in a.actors}, {x.id: x for x in b.actors}
    for k in sorted(set(aa) | set(ba)):
        if k not in ba:
            ch.append(Change(f"actor {k}", "present", None))
        elif k not in aa:
            ch.append(Change(f"actor {k}", None, "present"))
        elif _txt(aa[k], "capability") != _txt(ba[k], "capability"):
            ch.append(Change(f"{k}.capability", _txt(aa[k], "capability"),
                             _txt(ba[k], "capability")))
    ai, bi = {x.id: x for x in a.issues}, {x.id: x for x in b.issues}
    for iid in sorted(set(ai) | set(bi)):
        if iid not in bi:
            ch.append(Change(f"issue {iid}", "present", None))
        elif iid not in ai:
            ch.append(Change(f"issue {iid}", None, "present"))
        else:
            for f in ("status_quo", "scale_min", "scale_max", "decision"):
                x, y = getattr(ai[iid], f), getattr(bi[iid], f)
                if x != y:
                    ch.append(Change(f"{iid}.{f}", str(x) if f == "decision" else x,
                                     str(y) if f == "decision" else y))
    sa = {(s.actor, s.issue): s for s in a.stances}
    sb = {(s.actor, s.issue): s for s in b.stances}
    for key in sorted(set(sa) | set(sb)):
        name = ".".join(key)
        if key not in sb:
            ch.append(Change(f"stance {name}", "present", None))
            continue
        if key not in sa:
            ch.append(Change(f"stance {name}", None, "present"))
            continue
        for f in ("position", "salience", "capability", "commitment"):
            x, y = _txt(sa[key], f), _txt(sb[key], f)
            if x != y:
                ch.append(Change(f"{name}.{f}", x, y))
        for f in ("private", "red_line"):
            x, y = getattr(sa[key], f), getattr(sb[key], f)
            if x != y:
                ch.append(Change(f"{name}.{f}", None if x is None else x.model_dump(mode="json"),
                                 None if y is None else y.model_dump(mode="json")))
    ch += _crisis_changes(a, b)
    moves = []
    episodes = []
    for m in models:
        fa, fb = (_located(forecast, sc, m, name) for sc, name in zip((a, b), names,
                                                                       strict=True))
        for j, iss in enumerate(fa.issue_ids):
            if iss in fb.issue_ids:
                moves.append((m, iss, float(fa.outcomes[j]), fb.outcome(iss)))
        if fa.episode is not None and fb.episode is not None:
            episodes += [(m, k, float(fa.episode[k]), float(fb.episode[k]))
                         for k in OUTCOME_KINDS if k in fa.episode and k in fb.episode]
    return ScenarioDiff(a.name, b.name, tuple(ch), tuple(moves), tuple(episodes))
