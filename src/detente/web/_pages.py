"""The dashboard's pages: server-rendered HTML; every view is a GET URL (its permalink)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from detente.bargaining._domain import DEFAULT_STEPS
from detente.errors import InputError, Problem
from detente.web import _editor
from detente.web import _service as svc
from detente.web._state import State, scenario_hash

__all__ = ["NAV", "add_page", "error_page", "router"]

router = APIRouter(include_in_schema=False)

NAV: list[tuple[str, str]] = [
    ("/scenarios", "Scenarios"),
    ("/forecast", "Forecasts"),
    ("/bargain", "Bargaining"),
    ("/record", "Record"),
    ("/credibility", "Credibility"),
    ("/text", "Text"),
    ("/docs", "API"),
]
"""The navigation bar: (path, label). A page added later (e.g. uncertainty) calls
:func:`add_page` with its router's path."""


def add_page(path: str, label: str, before: str = "/docs") -> None:
    """Put a page in the navigation bar (before ``before``)."""
    if any(p == path for p, _ in NAV):
        return
    k = next((n for n, (p, _) in enumerate(NAV) if p == before), len(NAV))
    NAV.insert(k, (path, label))


Ref = Annotated[str | None, Query(max_length=100)]
Opt = Annotated[str | None, Query(max_length=100)]


def _state(request: Request) -> State:
    return request.app.state.detente


def _html(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    from detente.web._app import html

    return html(request, name, status, **ctx)


def error_page(request: Request, exc: InputError, status: int) -> HTMLResponse:
    return _html(request, "error.html", status, title="Error", messages=list(exc.messages),
                 code=status)


def _qs(**params: Any) -> str:
    return urlencode([(k, v) for k, v in params.items() if v not in (None, "")], doseq=True)


def _fig(name: str, fig: dict[str, Any]) -> dict[str, Any]:
    return {"id": name, "spec": fig}


# -- home and API docs --------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    st = _state(request)
    return _html(request, "home.html", title="detente", shipped=st.shipped())


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [(p["name"], p.get("in", ""), p.get("required", False),
                       p.get("schema", {}).get("type", "")) for p in op.get("parameters", [])]
            body: dict[str, Any] = op.get("requestBody", {}).get("content", {})
            first: dict[str, Any] = next(iter(body.values()), {})
            ref = str(first.get("schema", {}).get("$ref", ""))
            ops.append({"method": method.upper(), "path": path,
                        "summary": op.get("summary", ""), "params": params,
                        "body": ref.rsplit("/", 1)[-1]})
    models = schema.get("components", {}).get("schemas", {})
    return _html(request, "docs.html", title="API", ops=ops, info=schema.get("info", {}),
                 models={k: v for k, v in models.items() if not k.startswith("HTTP")})


# -- scenarios ----------------------------------------------------------------------------------
@router.get("/scenarios", response_class=HTMLResponse)
def scenarios(request: Request) -> HTMLResponse:
    return _html(request, "scenarios.html", title="Scenarios", shipped=_state(request).shipped())


@router.post("/scenarios/upload", response_class=HTMLResponse)
async def scenarios_upload(request: Request, file: Annotated[UploadFile, File()]) -> Response:
    st = _state(request)
    raw = await file.read(st.settings.limits.body_bytes + 1)
    try:
        sc, notes = svc.read_upload_noted(st, file.filename, raw)
        key = st.put(sc, notes)
    except InputError as e:
        name = svc.safe_name(file.filename)
        doc = _raw_yaml(name, raw)
        if isinstance(doc, dict) and isinstance(doc.get("actors"), list):
            d = _editor.draft_from_doc(doc)
            at, general = _editor.place_errors(e, _editor.upload_cells(d, doc))
            return _editor_page(request, d, at, general, 422,
                                note=f"{name} has problems: they are shown at their fields")
        from detente.web._app import error_status

        return _html(request, "scenarios.html", error_status(e), title="Scenarios",
                     shipped=st.shipped(), upload_errors=list(e.messages))
    return RedirectResponse(f"/scenarios/view?{_qs(s=key)}", status_code=303)


def _raw_yaml(name: str, raw: bytes) -> Any:
    """The upload's YAML document as parsed (within the limits), or None."""
    from detente._limits import safe_yaml

    if not name.lower().endswith((".yaml", ".yml")):
        return None
    try:
        data, _ = safe_yaml(raw.decode("utf-8-sig"), name)
    except (InputError, UnicodeDecodeError):
        return None
    return _keys(data)


def _keys(v: Any) -> Any:
    """String keys throughout, as JSON has them; YAML 1.1 reads the key ``on`` as True, and the
    form's round trip through JSON must keep it ``on`` (as ``Linkage`` reads it)."""
    if isinstance(v, dict):
        return {("on" if k is True else str(k)): _keys(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_keys(x) for x in v]
    return v


@router.get("/scenarios/view", response_class=HTMLResponse)
def scenario_view(request: Request, s: Ref = None) -> HTMLResponse:
    if not s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    sc = _state(request).get(s)
    stance = {(x.actor, x.issue): x for x in sc.stances}
    return _html(request, "scenario_view.html", title=sc.name, sc=sc, ref=s, stance=stance,
                 hash=scenario_hash(sc), notes=_state(request).notes(s))


@router.get("/scenarios/download")
def scenario_download(request: Request, s: Ref = None) -> Response:
    from detente.scenario import dump_scenario_yaml

    if not s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    sc = _state(request).get(s)
    return Response(dump_scenario_yaml(sc), media_type="application/x-yaml",
                    headers={"content-disposition": _attachment(sc.name, ".yaml")})


def _attachment(name: str, suffix: str) -> str:
    """A Content-Disposition header for a download named after ``name``: an ASCII fallback
    (HTTP headers are Latin-1) and the UTF-8 name in ``filename*`` (RFC 6266, RFC 5987), so
    that a scenario called 'Ελλάδα–Türkiye' downloads instead of failing with a 500."""
    from urllib.parse import quote

    def keep(c: str) -> bool:
        return c.isascii() and (c.isalnum() or c in "-_.")

    ascii_name = "".join(c if keep(c) else "_" for c in name)[:60].strip("_") or "scenario"
    utf8 = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60] or "scenario"
    plain = f'attachment; filename="{ascii_name}{suffix}"'
    return plain if utf8.isascii() else f"{plain}; filename*=UTF-8''{quote(utf8 + suffix)}"


@router.get("/scenarios/edit", response_class=HTMLResponse)
def scenario_edit(request: Request, s: Ref = None) -> HTMLResponse:
    if s:
        sc = _state(request).get(s)
        d = _editor.draft_from_doc(sc.model_dump(mode="json", exclude_defaults=True))
    else:
        d = _editor.Draft(name="new scenario",
                          actors=[{"orig": "", "id": "", "name": "", "cap": ""}] * 2,
                          issues=[{"orig": "", "id": "", "name": "", "sq": "", "min": "",
                                   "max": ""}])
    return _editor_page(request, d, {}, [], 200)


def _editor_page(request: Request, d: _editor.Draft, at: dict[str, list[str]],
                 general: list[str], status: int, note: str = "") -> HTMLResponse:
    return _html(request, "scenario_edit.html", status, title="Edit scenario", d=d, errors=at,
                 general=general, note=note)


@router.post("/scenarios/edit", response_class=HTMLResponse)
async def scenario_save(request: Request) -> Response:
    from detente.scenario import scenario_from_data

    form = await request.form()
    d = _editor.draft_from_form(form)
    action = form.get("action")
    blank = {"orig": "", "id": "", "name": "", "cap": "", "sq": "", "min": "", "max": ""}
    if action == "add_actor" and len(d.actors) < _editor.MAX_ROWS:
        d.actors.append(dict(blank))
        return _editor_page(request, d, {}, [], 200)
    if action == "add_issue" and len(d.issues) < _editor.MAX_ROWS:
        d.issues.append(dict(blank))
        return _editor_page(request, d, {}, [], 200)
    doc, where = _editor.doc_from_draft(d)
    st = _state(request)
    try:
        sc = scenario_from_data(doc, "table")
        key = st.put(sc)
    except InputError as e:
        at, general = _editor.place_errors(e, where)
        return _editor_page(request, d, at, general, 422,
                            note="the table has problems: they are shown at their fields")
    return RedirectResponse(f"/scenarios/view?{_qs(s=key)}", status_code=303)


# -- forecasts ----------------------------------------------------------------------------------
@router.get("/forecast/download")
def forecast_download(request: Request, s: Ref = None,
                      model: Annotated[list[str] | None, Query(max_length=12)] = None,
                      seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0,
                      fmt: Annotated[Literal["csv", "json"], Query(alias="format")] = "csv"
                      ) -> Response:
    """The page's forecasts as ``detente forecast -f csv`` / ``-f json`` writes them."""
    import json

    from detente._format import forecasts_csv, forecasts_doc
    from detente.collective import list_models

    if not s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    st = _state(request)
    sc = st.get(s)
    chosen = [m for m in (model or []) if m] or [m.name for m in list_models()
                                                 if m.name != "crisis"]
    fs = svc.run_forecasts(st, sc, chosen, None, seed)
    if fmt == "json":
        body = json.dumps(forecasts_doc(sc.name, fs), allow_nan=False, indent=2) + "\n"
        media = "application/json"
    else:
        body, media = forecasts_csv(fs), "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={
        "content-disposition": _attachment(f"{sc.name}-forecasts", f".{fmt}")})


@router.get("/forecast", response_class=HTMLResponse)
def forecast_page(request: Request, s: Ref = None,
                  model: Annotated[list[str] | None, Query(max_length=12)] = None,
                  issue: Opt = None, seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0
                  ) -> HTMLResponse:
    from detente.collective import list_models
    from detente.report._web_figures import eum_trajectory_figure, forecast_issue_figure

    st = _state(request)
    all_models = [m.name for m in list_models()]
    if not s:
        return _html(request, "forecast.html", title="Forecasts", sc=None,
                     shipped=st.shipped(), all_models=all_models)
    sc = st.get(s)
    chosen = [m for m in (model or []) if m] or [m for m in all_models if m != "crisis"]
    fs = svc.run_forecasts(st, sc, chosen, None, seed)
    issues = [i.id for i in sc.issues]
    if issue is not None and issue not in issues:
        raise InputError([Problem(f"no issue '{issue}'; issues: {', '.join(issues)}", "issue",
                                  loc=("issue",))])
    focus = issue or issues[0]
    figs = [_fig(f"issue-{k}", forecast_issue_figure(sc, fs, i))
            for k, i in enumerate(issues)]
    iterating = [f for f in fs if f.trajectory is not None]
    traj = [_fig(f"traj-{f.model}", eum_trajectory_figure(f, focus, sc.issue(focus).label))
            for f in iterating]
    trades = next((list(f.diagnostics.get("exchanges", []))[:200] for f in fs
                   if f.model == "exchange"), None)
    from detente._format import TIE_LEGEND, TIE_MARK
    from detente.collective import beside_status_quo

    downloads = {f: f"/forecast/download?{_qs(s=s, model=chosen, seed=seed, format=f)}"
                 for f in ("csv", "json")}
    return _html(request, "forecast.html", title=f"Forecasts: {sc.name}", sc=sc, ref=s,
                 downloads=downloads,
                 forecasts=fs, columns=beside_status_quo(fs), figs=figs, traj=traj,
                 trades=trades, focus=focus,
                 issues=issues, chosen=chosen, all_models=all_models, seed=seed,
                 shipped=st.shipped(), fmt=_fmt, digits=_digits(sc), tie_mark=TIE_MARK,
                 tie_legend=TIE_LEGEND)


def _digits(sc: Any) -> dict[str, int]:
    """Decimals per issue: one on a 0–100 scale, more on narrow scales (a 0–0.001 issue would
    otherwise read 0.0 for every model), as the command line does."""
    from detente._format import scale_digits

    return {i.id: scale_digits(i.scale_max - i.scale_min) - 1 for i in sc.issues}


def _fmt(x: Any, digits: int = 1) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return ""
    return "—" if v != v else f"{v:.{digits}f}"


# -- bargaining ---------------------------------------------------------------------------------
@router.get("/bargain", response_class=HTMLResponse)
def bargain_page(request: Request, s: Ref = None, a: Opt = None, b: Opt = None,
                 grid: Annotated[int, Query(ge=2, le=101)] = DEFAULT_STEPS,
                 trust: Annotated[float | None, Query(ge=0, le=1)] = None,
                 as_of: Annotated[str | None, Query(max_length=10)] = None,
                 breach: Opt = None, reservation: Opt = None) -> HTMLResponse:
    from detente.report._web_figures import (
        trust_curve_figure,
        utility_plane_data,
        utility_plane_figure,
    )

    st = _state(request)
    if not s:
        return _html(request, "bargain.html", title="Bargaining", sc=None, shipped=st.shipped())
    sc = st.get(s)
    if as_of:
        trust = None  # the form sends both: the date, when given, decides
    try:
        rv = _reservation(reservation)
        r = svc.bargain(st, sc, a, b, grid=grid, trust=trust, as_of=as_of or None,
                        breach=breach or None, reservation=rv)
    except InputError as e:
        from detente.web._app import error_status

        ids = list(sc.actor_ids)
        return _html(request, "bargain.html", error_status(e), title=f"Bargaining: {sc.name}",
                     sc=sc, ref=s, r=None, errors=list(e.messages), kappa=trust or 1.0,
                     grid=grid, as_of=as_of or "", breach=breach or "",
                     reservation=reservation or "", shipped=st.shipped(),
                     a=a or (ids[0] if ids else ""), b=b or (ids[1] if len(ids) > 1 else ""))
    plane = utility_plane_data(r.domain, breach or None)
    kappa = r.trust[0] if r.trust[0] == r.trust[1] else min(r.trust)
    c = r.analysis.curve
    zone = {"plane": plane, "curve": {"trust": [float(x) for x in c.trust],
                                      "size": [int(x) for x in c.size],
                                      "share": [float(x) for x in c.share]},
            "n_outcomes": int(r.domain.n_outcomes)}
    figs = [_fig("plane", utility_plane_figure(r.domain, plane, r.trust, r.analysis.solutions)),
            _fig("curve", trust_curve_figure(c, kappa))]
    return _html(request, "bargain.html", title=f"Bargaining: {sc.name}", sc=sc, ref=s, r=r,
                 figs=figs, zone=zone, kappa=kappa, grid=grid, as_of=as_of or "",
                 breach=breach or "", reservation=reservation or "", shipped=st.shipped(),
                 a=r.domain.a.id, b=r.domain.b.id, errors=[])


def _reservation(text: str | None) -> tuple[float, float] | None:
    """``RA,RB`` from the form, or None."""
    if not text:
        return None
    parts = text.replace(";", ",").split(",")
    try:
        ra, rb = (float(x) for x in parts)
    except ValueError:
        raise InputError([Problem(f"expected two numbers like 0.4,0.3, got {text[:40]!r}",
                                  "reservation", loc=("reservation",))]) from None
    return ra, rb


# -- the record ---------------------------------------------------------------------------------
@router.get("/record", response_class=HTMLResponse)
def record_page(request: Request, actor: Opt = None, agreement: Opt = None,
                type: Opt = None, since: Opt = None, until: Opt = None,
                highlight: Opt = None) -> HTMLResponse:
    from detente.record import EventType

    st = _state(request)
    rows = svc.events(st, agreement or None, actor or None, type or None, since or None,
                      until or None)
    ags = svc.agreements(st, None, None)
    shown = [a for a in ags if not agreement or a["id"] == agreement]
    return _html(request, "record.html", title="Record", events=rows[:1000], total=len(rows),
                 agreements=ags, shown_agreements=shown,
                 types=[t.value for t in EventType],
                 f={"actor": actor or "", "agreement": agreement or "", "type": type or "",
                    "since": since or "", "until": until or ""}, highlight=highlight or "")


@router.get("/credibility", response_class=HTMLResponse)
def credibility_page(request: Request, actor: Opt = None, toward: Opt = None,
                     as_of: Opt = None, since: Opt = None) -> HTMLResponse:
    from detente.record import credibility
    from detente.report._web_figures import credibility_figure

    st = _state(request)
    if not actor:
        return _html(request, "credibility.html", title="Credibility", cred=None,
                     f={"actor": "RUS", "toward": "USA", "as_of": "", "since": ""})
    day = svc.parse_date(as_of or None, "as_of", as_of=True)
    cred = credibility(st.record(), actor, toward=toward or None, as_of=day)
    curve = svc.credibility_curve(st, actor, toward or None, since or None,
                                  as_of or None)
    fig = _fig("cred", credibility_figure(curve, cred.drivers))
    return _html(request, "credibility.html", title=f"Credibility of {actor}", cred=cred,
                 figs=[fig], f={"actor": actor, "toward": toward or "", "as_of": as_of or "",
                                "since": since or ""})


# -- text ---------------------------------------------------------------------------------------
@router.get("/text", response_class=HTMLResponse)
def text_page(request: Request) -> HTMLResponse:
    return _html(request, "text.html", title="Text", cands=None, text="", source="")


@router.post("/text", response_class=HTMLResponse)
def text_extract(request: Request, text: Annotated[str, Form(max_length=1_000_000)],
                 source: Annotated[str, Form(max_length=2000)] = "") -> HTMLResponse:
    from detente.text import candidate_to_event, check

    st = _state(request)
    cands = svc.extract(st, text, "article", None)
    verdicts = check(cands, st.record())
    rows = []
    for c, v in zip(cands, verdicts, strict=True):
        try:
            candidate_to_event(c, st.record(), source or None)
            problem = ""
        except InputError as e:
            problem = "; ".join(e.messages)
        rows.append({"c": c, "v": v, "json": json.dumps(c.as_dict(), default=str),
                     "problem": problem})
    return _html(request, "text.html", title="Text", cands=rows, text=text, source=source)


_EDITABLE = ("agreement", "actors", "type", "date")


@router.post("/text/accept", response_class=HTMLResponse)
async def text_accept(request: Request) -> Response:
    from pydantic import ValidationError

    from detente.web._api import CandidateIn, check_token

    st = _state(request)
    form = await request.form()
    token = form.get("token")
    check_token(st, token if isinstance(token, str) else None)
    chosen = []
    edits = []
    for k in form.getlist("accept"):
        raw = form.get(f"cand_{k}") if isinstance(k, str) and k.isdigit() else None
        if not isinstance(raw, str):
            continue
        edits.append({f: v.strip() for f in _EDITABLE
                      if isinstance(v := form.get(f"{f}_{k}"), str)})
        try:
            chosen.append(CandidateIn.model_validate_json(raw).model_dump())
        except ValidationError:
            raise InputError([Problem(f"candidate {k} is not a valid candidate", "accept",
                                      loc=("accept", str(k)))]) from None
    if not chosen:
        raise InputError([Problem("no candidate ticked: nothing to accept", "accept",
                                  loc=("accept",))])
    src = form.get("source")
    ids = svc.accept(st, chosen, src if isinstance(src, str) and src else None, edits)
    first = chosen[0]
    return RedirectResponse(f"/record?{_qs(agreement=first['agreement'], highlight=ids[0])}",
                            status_code=303)
