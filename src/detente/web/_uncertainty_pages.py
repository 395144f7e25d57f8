"""The uncertainty page (``/uncertainty``) and its background runs (``/uncertainty/jobs``).

Every option is in the page's GET URL (its permalink). A run of up to ``Limits.inline_draws``
draws is computed while answering the GET (the page works without JavaScript); with JavaScript
every run goes through a background job: ``POST /uncertainty/jobs?…`` starts it, ``GET
/uncertainty/jobs/{id}/events`` streams its progress (server-sent events), ``POST
/uncertainty/jobs/{id}/cancel`` stops it between two chunks, ``GET /uncertainty/jobs/{id}/result``
is the result as an HTML fragment.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from detente.errors import InputError, Problem
from detente.web import _uncertainty as unc
from detente.web._state import State

__all__ = ["UncertaintyQuery", "router"]

router = APIRouter(include_in_schema=False)

DEFAULT_JITTER = "position=10,salience=25%"
Text = Annotated[str | None, Query(max_length=200)]
JobId = Annotated[str, PathParam(min_length=1, max_length=40)]


class UncertaintyQuery:
    """The page's options as they appear in its URL."""

    def __init__(
        self,
        s: Annotated[str | None, Query(max_length=100)] = None,
        model: Annotated[list[str] | None, Query()] = None,
        draws: Annotated[int, Query(ge=1, le=10**9)] = 2000,
        seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0,
        jitter: Text = None,
        above: Annotated[str | None, Query(max_length=40)] = None,
        set: Annotated[list[str] | None, Query()] = None,  # noqa: A002 - the CLI's --set
        drop: Annotated[list[str] | None, Query()] = None,
        method: Annotated[str, Query(max_length=10)] = "morris",
        n: Annotated[int, Query(ge=2, le=4096)] = 8,
        smodel: Annotated[str | None, Query(max_length=40)] = None,
        run: Annotated[str | None, Query(max_length=5)] = None,
    ) -> None:
        self.s = s or None
        self.models = [m for m in (model or []) if m][:13] or ["compromise"]
        self.draws = draws
        self.seed = seed
        self.jitter = DEFAULT_JITTER if jitter is None else jitter.strip()
        self.above_text = (above or "").strip()
        self.sets = [line.strip() for v in (set or []) for line in v.splitlines()
                     if line.strip()][:50]
        self.drops = [d for d in (drop or []) if d][:50]
        self.method = method
        self.n = n
        self.smodel = smodel or None
        self.run = run not in (None, "", "0")

    def above(self) -> float | None:
        if not self.above_text:
            return None
        try:
            v = float(self.above_text)
        except ValueError:
            v = float("nan")
        if v != v or v in (float("inf"), float("-inf")):
            raise InputError([Problem(f"above: expected a number, got {self.above_text!r}",
                                      "above", loc=("above",))])
        return v

    def request(self) -> unc.Request:
        return unc.Request(models=tuple(self.models), draws=self.draws, seed=self.seed,
                           jitter=self.jitter, above=self.above(), sets=tuple(self.sets),
                           drops=tuple(self.drops), method=self.method, n=self.n,
                           smodel=self.smodel if self.method != "none" else None)

    def query(self, run: bool = True) -> str:
        """The permalink's query string."""
        pairs: list[tuple[str, Any]] = [("s", self.s)]
        pairs += [("model", m) for m in self.models]
        pairs += [("draws", self.draws), ("seed", self.seed), ("jitter", self.jitter),
                  ("above", self.above_text)]
        pairs += [("set", x) for x in self.sets]
        pairs += [("drop", x) for x in self.drops]
        pairs += [("method", self.method), ("n", self.n)]
        if self.smodel:
            pairs.append(("smodel", self.smodel))
        if run:
            pairs.append(("run", 1))
        return urlencode([(k, v) for k, v in pairs if v is not None])


Q = Annotated[UncertaintyQuery, Depends(UncertaintyQuery)]


def _state(request: Request) -> State:
    return request.app.state.detente


def _jobs(request: Request) -> unc.Jobs:
    return request.app.state.jobs


def _fmt(x: Any, digits: int = 1) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return ""
    return "—" if v != v else f"{v:.{digits}f}"


def result_context(r: unc.UncertaintyResult, query: str | None = None) -> dict[str, Any]:
    """What ``_uncertainty_result.html`` shows: the table rows and the figures, and (given the
    run's query string) the links that download the summary."""
    from detente.report._uncertainty_figures import distribution_figure, sensitivity_figure

    sim = r.simulation
    qs = sorted(sim.models[0].quantiles) if sim.models else []
    rows = []
    for k, iss in enumerate(sim.issue_ids):
        for m in sim.models:
            rows.append({
                "issue": iss, "label": sim.label(iss), "model": m.model, "point": m.point[k],
                "mean": m.mean[k],
                "q": [m.quantiles[q][k] for q in qs],
                "p_above": None if m.p_above is None else m.p_above[k],
                "mcse": m.mcse[k], "converged": bool(m.converged[k]), "n": int(m.n[k])})
    figs = [{"id": f"dist-{k}", "issue": iss, "spec": distribution_figure(sim, iss)}
            for k, iss in enumerate(sim.issue_ids)]
    sfigs = []
    ranks: list[dict[str, Any]] = []
    if r.sensitivity is not None:
        s = r.sensitivity
        for k, iss in enumerate(sim.issue_ids):
            if iss not in s.ranking:
                continue
            sfigs.append({"id": f"sens-{k}", "issue": iss, "spec": sensitivity_figure(s, iss)})
            top = s.ranking[iss][:5]
            ranks.append({"issue": iss, "label": s.label(iss), "top": top,
                          "actors": s.actors[iss][:5]})
    downloads = {f: f"/uncertainty/download?{query}&format={f}" for f in ("csv", "json")
                 } if query else None
    sdownloads = {f: f"/uncertainty/sensitivity/download?{query}&format={f}"
                  for f in ("csv", "json")} if query and r.sensitivity is not None else None
    return {"r": r, "sim": sim, "qs": qs, "rows": rows, "dfigs": figs, "sfigs": sfigs,
            "ranks": ranks, "fmt": _fmt, "downloads": downloads,
            "sdownloads": sdownloads}


@router.get("/uncertainty", response_class=HTMLResponse)
def uncertainty_page(request: Request, q: Q) -> HTMLResponse:
    from detente.collective import list_models
    from detente.web._app import error_status, html

    st = _state(request)
    all_models = [m.name for m in list_models()]
    ctx: dict[str, Any] = {"title": "Uncertainty", "shipped": st.shipped(),
                           "all_models": all_models, "q": q, "errors": [], "result": None,
                           "autostart": False, "limits": st.settings.limits,
                           "methods": unc.METHODS}
    if not q.s:
        return html(request, "uncertainty.html", sc=None, **ctx)
    sc = st.get(q.s)
    ctx.update(sc=sc, ref=q.s, title=f"Uncertainty: {sc.name}", query=q.query())
    if not q.run:
        return html(request, "uncertainty.html", **ctx)
    try:
        plan = unc.plan(sc, q.request(), st.settings.limits)
    except InputError as e:
        return html(request, "uncertainty.html", error_status(e), **{**ctx, "errors": [
            _located(p) for p in e.problems] or [str(e)]})
    if plan.draws > st.settings.limits.inline_draws:
        ctx["autostart"] = True
        return html(request, "uncertainty.html", **ctx)
    with _jobs(request).slot():
        res = unc.run(plan)
    _jobs(request).remember(plan, res)  # its downloads serve it
    ctx.update(result_context(res, q.query(run=False)))
    ctx["result"] = res
    return html(request, "uncertainty.html", **ctx)


def _located(p: Problem) -> str:
    where = ".".join(str(x) for x in p.loc)
    if p.loc and re.match(rf"{re.escape(str(p.loc[0]))}\b", p.message):
        return p.message  # it names its field already ("jitter: …", "set[0] …"): once is enough
    return f"{where}: {p.message}" if where else p.message


@router.get("/uncertainty/download")
def download(request: Request, q: Q,
             fmt: Annotated[Literal["csv", "json"], Query(alias="format")] = "csv"
             ) -> Response:
    """The simulation's summary as ``detente simulate -f csv`` / ``-f json`` writes it: the
    page's run itself when it has finished on this server (kept with the last few), else the
    same seeded run again (the sensitivity analysis is a download of its own)."""
    import dataclasses

    from detente._format import simulation_csv
    from detente.web import _service as svc
    from detente.web._pages import _attachment

    st = _state(request)
    if not q.s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    sc = st.get(q.s)
    req = dataclasses.replace(q.request(), method="none", smodel=None)
    plan = unc.plan(sc, req, st.settings.limits)
    res = _jobs(request).simulation(plan)
    if fmt == "json":
        body = json.dumps(svc._clean(res.as_dict()), allow_nan=False, indent=2) + "\n"
        media = "application/json"
    else:
        body, media = simulation_csv(res), "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={
        "content-disposition": _attachment(f"{sc.name}-simulation", f".{fmt}")})


@router.get("/uncertainty/sensitivity/download")
def download_sensitivity(request: Request, q: Q,
                         fmt: Annotated[Literal["csv", "json"], Query(alias="format")] = "csv"
                         ) -> Response:
    """The sensitivity analysis the page shows, as ``detente sensitivity -f json`` writes it
    (JSON) or one row per issue and input (CSV): the page's own when its run has finished on
    this server, else the same seeded analysis again."""
    from detente._format import sensitivity_csv
    from detente.web import _service as svc
    from detente.web._pages import _attachment

    st = _state(request)
    if not q.s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    sc = st.get(q.s)
    plan = unc.plan(sc, q.request(), st.settings.limits)
    res = _jobs(request).sensitivity(plan)
    if fmt == "json":
        doc = res.as_dict()
        if plan.notes:  # what the what-if's drops took with them, as the command line's JSON
            doc["notes"] = list(plan.notes)
        body = json.dumps(svc._clean(doc), allow_nan=False, indent=2) + "\n"
        media = "application/json"
    else:
        body, media = sensitivity_csv(res), "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={
        "content-disposition": _attachment(f"{sc.name}-sensitivity", f".{fmt}")})


@router.post("/uncertainty/jobs")
def start_job(request: Request, q: Q) -> JSONResponse:
    """Start a background run of the page's options; its id and number of chunks."""
    st = _state(request)
    if not q.s:
        raise InputError([Problem("choose a scenario (s=NAME or s=HASH)", "s", loc=("s",))])
    sc = st.get(q.s)
    plan = unc.plan(sc, q.request(), st.settings.limits)
    job = _jobs(request).start(plan, q.query())
    return JSONResponse(job.snapshot(), status_code=202)


@router.get("/uncertainty/jobs/{job_id}")
def job_status(request: Request, job_id: JobId) -> dict[str, Any]:
    return _jobs(request).get(job_id).snapshot()


@router.post("/uncertainty/jobs/{job_id}/cancel")
def cancel_job(request: Request, job_id: JobId) -> dict[str, Any]:
    job = _jobs(request).get(job_id)
    job.cancel()
    return job.snapshot()


@router.get("/uncertainty/jobs/{job_id}/events")
async def job_events(request: Request, job_id: JobId) -> StreamingResponse:
    """Server-sent events: ``progress`` (chunks done of total) at each change, then ``end``
    (status done, cancelled or error) and the stream closes."""
    job = _jobs(request).get(job_id)

    async def stream() -> AsyncIterator[str]:
        last = -1
        yield "retry: 2000\n\n"
        while True:
            snap = job.snapshot()
            if snap["version"] != last:
                last = snap["version"]
                yield f"event: progress\ndata: {json.dumps(snap)}\n\n"
            if snap["status"] != "running":
                yield f"event: end\ndata: {json.dumps(snap)}\n\n"
                return
            if await request.is_disconnected():
                return
            await asyncio.sleep(0.1)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"cache-control": "no-store", "x-accel-buffering": "no"})


@router.get("/uncertainty/jobs/{job_id}/result", response_class=HTMLResponse)
def job_result(request: Request, job_id: JobId) -> Response:
    """The finished run's result as an HTML fragment (the page's result section)."""
    job = _jobs(request).get(job_id)
    if job.status != "done" or job.result is None:
        return JSONResponse({"detail": [{"loc": ["job"], "type": "state",
                                         "msg": f"run {job.id} is {job.status}, not done"}]},
                            status_code=409)
    env = request.app.state.templates
    text = env.get_template("_uncertainty_result.html").render(
        **result_context(job.result, job.query))
    return HTMLResponse(text)
