"""The calls pages and API share: library functions with the server's limits applied.

No model code: scenarios are read by ``detente.scenario``, forecasts come from
``detente.collective.forecast``, bargaining from ``detente.bargaining``, credibility from
``detente.record``, text from ``detente.text``; figures from ``detente.report._web_figures``.
"""

from __future__ import annotations

import contextlib
import math
import re
import tempfile
import threading
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.bargaining._domain import DEFAULT_STEPS
from detente.errors import InputError, LimitError, Problem
from detente.web._state import State, relocate, scenario_hash

if TYPE_CHECKING:
    from detente.bargaining import Analysis, Domain
    from detente.collective import Forecast
    from detente.scenario import Scenario

__all__ = [
    "BargainResult",
    "bargain",
    "forecast_payload",
    "parse_date",
    "read_upload",
    "read_upload_noted",
    "reading_notes",
    "run_forecasts",
    "safe_name",
]

_SAFE = re.compile(r"[^A-Za-z0-9._ -]+")
_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": None, ".tsv": None,
            ".txt": None}


def safe_name(filename: str | None) -> str:
    """A display name for an upload (never used as a path)."""
    base = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    return _SAFE.sub("_", base)[:80] or "upload"


def upload_stem(filename: str | None) -> str:
    """What an upload's scenario is called when the file does not name it (a CSV, a YAML
    without ``name``): the file's stem, as the command line names it, kept to letters, digits,
    ``-`` and ``_`` (anything else becomes ``_``) and 60 characters, so that it is also a
    safe file name in the reader's private folder; ``upload`` when nothing is left."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    kept = re.sub(r"[^\w-]", "_", stem)[:60].strip("_")
    return kept or "upload"


def read_upload(state: State, filename: str | None, raw: bytes) -> Scenario:
    """A scenario from an uploaded file's bytes (YAML, or any CSV form the CLI reads).

    YAML is parsed in memory (``read_yaml_text``); a CSV is handed to ``load_scenario`` in a
    private temporary folder under a name the server chooses, so no part of the request
    becomes a path. Errors name the uploaded file.
    """
    from detente.scenario import load_scenario, read_json_text, read_yaml_text

    name = safe_name(filename)
    lim = state.settings.limits.body_bytes
    if len(raw) > lim:
        raise LimitError([Problem(f"upload of {len(raw):,} bytes, over the limit of {lim:,}",
                                  "file", name)])
    suffix = Path(name).suffix.lower()
    if suffix not in _FORMATS:
        raise InputError([Problem(f"cannot tell the format of '{name}': expected a .yaml, "
                                  ".yml, .json, .csv, .tsv or .txt file", "file", name,
                                  loc=("file",))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError([Problem(f"not UTF-8 text (byte {e.start}): expected a scenario file",
                                  "file", name, loc=("file",))]) from None
    if "\x00" in text:
        raise InputError([Problem("a NUL character: expected a scenario file, not a binary "
                                  "file", "file", name, loc=("file",))])
    stem = upload_stem(filename)
    if _FORMATS[suffix] == "yaml":
        return read_yaml_text(text, name, name=stem)
    if _FORMATS[suffix] == "json":
        return read_json_text(text, name, name=stem)
    with tempfile.TemporaryDirectory(prefix="detente-web-") as tmp:
        path = Path(tmp) / f"{stem}{suffix if suffix != '.txt' else '.csv'}"
        path.write_text(text, encoding="utf-8")
        try:
            return load_scenario(path)
        except InputError as e:
            raise relocate(e, name) from None


_NOTES_LOCK = threading.Lock()
_TMP_UPLOAD = re.compile(r"\S*detente-web-[^/\\\s]+[/\\][\w-]+\.\w+")


@contextlib.contextmanager
def reading_notes(name: str) -> Iterator[list[str]]:
    """The readers' notes (:class:`~detente.errors.InputNote`: a salience rescaled, or below 1
    among values on 0–100) while reading an upload named ``name``, as the command line prints
    them on stderr; a CSV's private temporary path is shown as ``name``. The warnings filter
    is process-wide, so readings that collect notes take turns (a read is bounded by the
    upload limit)."""
    from detente.errors import InputNote

    notes: list[str] = []
    with _NOTES_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputNote)
        try:
            yield notes
        finally:
            notes.extend(_TMP_UPLOAD.sub(name, str(w.message)) for w in caught
                         if issubclass(w.category, InputNote))


def read_upload_noted(state: State, filename: str | None, raw: bytes
                      ) -> tuple[Scenario, list[str]]:
    """:func:`read_upload` with the notes the reader gave on the way."""
    with reading_notes(safe_name(filename)) as notes:
        sc = read_upload(state, filename, raw)
    return sc, notes


def parse_date(text: str | None, field: str, *, as_of: bool = False) -> date | None:
    """``text`` as a date (None when blank); ``as_of``: a date the record's credibility is read
    at, which may not be after today (recency would discount every event as seen from then)."""
    if text is None or text == "":
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError([Problem(f"expected a date YYYY-MM-DD, got {text[:40]!r}", field,
                                  loc=(field,))]) from None
    if as_of:
        from detente.record._credibility import future_as_of

        if (why := future_as_of(day)) is not None:
            raise InputError([Problem(f"{day} is {why}", field, loc=(field,))])
    return day


# ---------------------------------------------------------------------------------------------
# forecasts
_CACHE: OrderedDict[tuple[Any, ...], Forecast] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 128


def run_forecasts(state: State, scenario: Scenario, models: list[str] | None,
                  options: dict[str, dict[str, Any]] | None = None,
                  seed: int = 0) -> list[Forecast]:
    """Every requested model (all registered models by default) on ``scenario``."""
    from detente.collective import forecast, get_model, list_models
    from detente.collective._budget import estimate_work

    state.check_size(scenario)
    options = options or {}
    if models is not None and not models:  # an empty list is a mistake, not "every model"
        raise InputError([Problem("at least one model is expected (leave 'models' out to run "
                                  "every registered model)", "models", loc=("models",))])
    names = models or [m.name for m in list_models()]
    for k, extra in enumerate(options):
        if extra not in names:
            raise InputError([Problem(f"options for '{extra}', which is not among the models "
                                      f"asked for ({', '.join(names)})", extra,
                                      loc=("options", extra))])
        del k
    lim = state.settings.limits.model_seconds
    specs = []
    for i, name in enumerate(names):
        try:
            spec = get_model(name)
            opts = spec.resolve(options.get(name, {}))
        except InputError as e:
            raise type(e)([Problem(m, "models", loc=("models", i)) for m in e.messages]
                          ) from None
        est = estimate_work(name, len(scenario.actors), len(scenario.issues), opts)
        if not est.within or (est.seconds is not None and est.seconds > lim):
            raise LimitError([Problem(
                f"{est.describe()}: over this server's limit of {lim:g} s per model run "
                "(use the command line for long runs)", name, loc=("models", i))])
        specs.append((name, opts))
    key0 = scenario_hash(scenario)
    out = []
    for name, opts in specs:
        served: int | None = None  # the served record's hash, when the crisis model reads it
        if name == "crisis" and opts.get("trust") == "record" and state.settings.db != "shipped":
            # the crisis model reads its trust from the record this server serves, as the
            # bargaining page does (it read the shipped record whatever --db said)
            rec = state.record()
            served = hash(rec)
            key_opts = tuple(sorted((k, repr(v)) for k, v in opts.items()))
            opts = {**opts, "trust": rec}
        else:
            key_opts = tuple(sorted((k, repr(v)) for k, v in opts.items()))
        key = (key0, name, key_opts, seed, served)
        with _CACHE_LOCK:
            hit = _CACHE.get(key)
            if hit is not None:
                _CACHE.move_to_end(key)
        if hit is None:
            try:
                hit = forecast(scenario, name, rng=seed, **opts)
            except InputError as e:
                if e.problems:
                    raise
                # a model's own check of an option (eum's rounds < 0) names no field: it is at
                # the model's options when they were given, else at the model
                i = names.index(name)
                where: tuple[str | int, ...] = (("options", name) if options.get(name)
                                                else ("models", i))
                raise type(e)([Problem(str(e), str(where[-1]), loc=where)]) from None
            with _CACHE_LOCK:
                _CACHE[key] = hit
                while len(_CACHE) > _CACHE_SIZE:
                    _CACHE.popitem(last=False)
        out.append(hit)
    return out


def _clean(x: Any) -> Any:
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {str(k): _clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_clean(v) for v in x]
    return x


def forecast_payload(scenario: Scenario, forecasts: list[Forecast],
                     trajectory: bool = True, explanation: bool = True) -> dict[str, Any]:
    """JSON-ready: per model, outcomes per issue, notes, explanation, the EUM trajectory and the
    exchange model's trades; per issue, the status quo and what happened."""
    models = []
    for f in forecasts:
        d = f.as_dict()
        if explanation:
            d["explanation"] = list(f.explanation)
        if trajectory and f.trajectory is not None:
            d["trajectory"] = {"actors": list(f.actor_ids),
                               "positions": _clean(f.trajectory.tolist())}
        trades = f.diagnostics.get("exchanges") if f.model == "exchange" else None
        if trades is not None:
            d["trades"] = _clean(list(trades))
        models.append(_clean(d))
    issues = [{"issue": i.id, "name": i.label, "status_quo": i.status_quo,
               "observed": None if i.observed is None else i.observed.value,
               "scale": [i.scale_min, i.scale_max]} for i in scenario.issues]
    return {"scenario": scenario.name, "hash": scenario_hash(scenario), "issues": issues,
            "models": models}


# ---------------------------------------------------------------------------------------------
# bargaining
@dataclass(frozen=True)
class BargainResult:
    domain: Domain
    analysis: Analysis
    trust: tuple[float, float]
    source: str
    record: dict[str, Any] | None
    breach: str


def bargain(state: State, scenario: Scenario, a: str | None, b: str | None, *,
            grid: int = DEFAULT_STEPS,
            trust: float | None = None, as_of: str | None = None,
            breach: str | None = None,
            reservation: tuple[float, float] | None = None,
            pick_first_two: bool = True) -> BargainResult:
    """The bargaining analysis of two actors of ``scenario`` (as ``detente bargain``).

    Without ``a`` and ``b`` the page shows the first two actors (``pick_first_two``); the API,
    like the command line, takes them only from a two-actor scenario and otherwise asks."""
    from detente.bargaining import analyse, domain_from_scenario, record_trust
    from detente.bargaining._domain import check_outcomes

    lim = state.settings.limits
    state.check_size(scenario)
    ids = [x.id for x in scenario.actors]
    if a is None and b is None and (len(ids) == 2 or (pick_first_two and len(ids) > 2)):
        a, b = ids[0], ids[1]
    problems = [Problem(f"missing: a scenario with {len(ids)} actors needs both parties, "
                        f"'a' and 'b' (actors: {', '.join(ids)})", f, loc=(f,))
                if v is None else
                Problem(f"unknown actor '{v}'; expected one of: {', '.join(ids)}", f, loc=(f,))
                for f, v in (("a", a), ("b", b)) if v not in ids]
    if problems:
        raise InputError(problems)
    assert a is not None and b is not None
    if a == b:
        raise InputError([Problem("the two parties must differ", "b", loc=("b",))])
    if not 2 <= grid <= lim.grid:
        raise InputError([Problem(f"grid must be between 2 and {lim.grid}, got {grid}", "grid",
                                  loc=("grid",))])
    if trust is not None and as_of:
        raise InputError([Problem("give either trust or as_of, not both", "as_of",
                                  loc=("as_of",))])
    if trust is not None and not (math.isfinite(trust) and 0 <= trust <= 1):
        raise InputError([Problem(f"trust must be in [0, 1], got {trust}", "trust",
                                  loc=("trust",))])
    if breach not in (None, "status_quo", "ideal"):
        raise InputError([Problem("breach: expected status_quo or ideal", "breach",
                                  loc=("breach",))])
    if reservation is not None and not all(math.isfinite(x) and 0 <= x <= 1
                                           for x in reservation):
        raise InputError([Problem(f"reservation values must be in [0, 1], got {reservation}",
                                  "reservation", loc=("reservation",))])
    try:
        dom = domain_from_scenario(scenario, a, b, steps=grid, reservation=reservation)
    except InputError as e:
        if any(p.loc for p in e.problems):
            raise
        field = "reservation" if "reservation" in str(e) else "scenario"
        raise type(e)([Problem(m, field, loc=(field,)) for m in e.messages]) from None
    check_outcomes(dom, limit=lim.outcomes)
    record = None
    if as_of:
        parse_date(as_of, "as_of", as_of=True)
        rec = state.record()
        for party, code in (("a", a), ("b", b)):
            # a party the record never heard of is at its field, not an unlocated 404
            _known_actor(rec, code, party, loc=(party,), what=f"party {party} (actor)")
        rt = record_trust(a, b, as_of, record=rec)
        pair, source, record = rt.pair, f"record as of {as_of}", rt.as_dict()
    elif trust is not None:
        pair, source = (trust, trust), f"given ({trust:g})"
    else:
        pair, source = (1.0, 1.0), "full trust"
    res = analyse(dom, pair, breach=breach, trust_source=source)  # type: ignore[arg-type]
    mode = breach or ("status_quo" if dom.status_quo is not None else "ideal")
    return BargainResult(dom, res, pair, source, record, mode)


def bargain_payload(r: BargainResult) -> dict[str, Any]:
    doc = r.analysis.as_dict()
    doc["trust"] = list(r.trust)
    doc["record"] = r.record
    doc["breach"] = r.breach
    return _clean(doc)


# ---------------------------------------------------------------------------------------------
# the record
_MAX_CURVE_DATES = 1200


def credibility_curve(state: State, actor: str, toward: str | None, since: str | None,
                      until: str | None) -> Any:
    from detente.record import credibility_curve as curve

    lo, hi = parse_date(since, "since"), parse_date(until, "until")
    rec = state.record()
    if lo is None and hi is None:
        return curve(rec, actor, toward=toward)
    hi = hi or date.today()
    if lo is None:
        lo = date(max(hi.year - 30, 1), 1, 1)
    if lo > hi:
        raise InputError([Problem("since is after until", "since", loc=("since",))])
    dates: list[date] = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month) and len(dates) < _MAX_CURVE_DATES:
        dates.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if not dates or dates[-1] != hi:
        dates.append(hi)
    return curve(rec, actor, toward=toward, dates=dates)


def agreement_row(a: Any) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind.value, "parties": list(a.parties),
            "domain": a.domain, "signed": str(a.signed or ""),
            "in_force": str(a.in_force or ""), "source": a.source, "note": a.note}


def event_row(e: Any) -> dict[str, Any]:
    return {"id": e.id, "agreement": e.agreement, "date": str(e.date), "actors": list(e.actors),
            "type": e.type.value, "alleged_by": list(e.alleged_by),
            "established_by": list(e.established_by), "evidence": e.evidence.value,
            "lawful": e.lawful, "disputed": e.disputed, "conduct": e.conduct,
            "source": e.source, "note": e.note}


def _known_value(value: str, field: str, allowed: list[str]) -> None:
    """A filter value outside a fixed vocabulary is an error naming the field (422), not a
    silent empty answer."""
    if value not in allowed:
        raise InputError([Problem(f"unknown {field} {value[:40]!r}; expected one of: "
                                  f"{', '.join(allowed)}", field, loc=("query", field))])


def _known_actor(record: Any, code: str, field: str,
                 loc: tuple[str | int, ...] | None = None, what: str | None = None) -> None:
    """An actor filter the record has never heard of is a lookup error (404) naming the field
    (a query parameter unless ``loc`` says otherwise), with the words of
    ``detente credibility``."""
    from detente.errors import InputLookupError
    from detente.record._credibility import _check_actor

    try:
        _check_actor(record, code, what or field)
    except InputLookupError as e:
        raise InputLookupError([Problem(str(e), field, loc=loc or ("query", field))]
                               ) from None


def agreements(state: State, party: str | None, kind: str | None) -> list[dict[str, Any]]:
    from detente.record import AgreementKind

    rec = state.record()
    if party is not None:
        _known_actor(rec, party, "party")
    if kind is not None:
        _known_value(kind, "kind", [k.value for k in AgreementKind])
    return [agreement_row(a) for a in rec.sorted().agreements
            if (party is None or party in a.parties) and (kind is None or a.kind.value == kind)]


def events(state: State, agreement: str | None, actor: str | None, type_: str | None,
           since: str | None, until: str | None) -> list[dict[str, Any]]:
    rec = state.record()
    lo, hi = parse_date(since, "since"), parse_date(until, "until")
    if agreement is not None:
        rec.agreement(agreement)  # an unknown agreement is a located lookup error
    if actor is not None:
        _known_actor(rec, actor, "actor")
    if type_ is not None:
        from detente.record import EventType

        _known_value(type_, "type", [t.value for t in EventType])
    out = []
    for e in rec.sorted().events:
        if agreement is not None and e.agreement != agreement:
            continue
        if actor is not None and actor not in e.actors:
            continue
        if type_ is not None and e.type.value != type_:
            continue
        if lo is not None and e.date.end < lo:
            continue
        if hi is not None and e.date.start > hi:
            continue
        out.append(event_row(e))
    return out


# ---------------------------------------------------------------------------------------------
# text
def extract(state: State, text: str, name: str, ref_date: date | None) -> list[Any]:
    from detente.text import extract_text

    lim = state.settings.limits.body_bytes
    if len(text.encode("utf-8")) > lim:
        raise LimitError([Problem(f"text over the limit of {lim:,} bytes", "body",
                                  loc=("text",))])
    return extract_text(text, state.record(), ref_date, name=safe_name(name))


def accept(state: State, candidates: list[dict[str, Any]], source: str | None,
           edits: list[dict[str, str]] | None = None) -> list[str]:
    """Write the candidates (after the reviewer's ``edits``, field → new text, applied by
    ``detente.text.apply_decision``) to the record as events, in one transaction; their ids."""
    from detente.text import (
        Decision,
        already_recorded,
        apply_decision,
        candidate_to_event,
        same_act,
    )
    from detente.text._extract import Candidate

    rec = state.record()
    seen = rec  # the record and the candidates before this one: an act is written once
    evs = []
    problems: list[Problem] = []
    for k, d in enumerate(candidates):
        d = {**d, "actors": tuple(d["actors"]), "alleged_by": tuple(d["alleged_by"])}
        try:
            c = Candidate(**d)
            change = {f: v for f, v in ((edits or [{}] * len(candidates))[k]).items()
                      if v != _shown(getattr(c, f))}
            if change:
                edited = apply_decision(c, Decision("edit", tuple(change.items())))
                assert edited is not None
                c = edited
            ev = candidate_to_event(c, rec, source or None)
            known = already_recorded(c, seen, source or None)
            if known is not None:  # another source for an act recorded: counted once
                ev = same_act(ev, known)
            evs.append(ev)
            seen = seen.with_items(events=[ev])
        except InputError as e:
            problems += [Problem(p.message, p.field, loc=("candidates", k, p.field))
                         for p in e.problems] or [Problem(str(e), loc=("candidates", k))]
    if problems:
        raise InputError(problems)
    state.write_events(evs)
    return [e.id for e in evs]


def _shown(v: Any) -> str:
    """A candidate's field as the review form shows it."""
    if isinstance(v, (tuple, list)):
        return ";".join(v)
    return "" if v is None else str(v)
