"""The JSON API (OpenAPI at ``/openapi.json``, described at ``/docs``)."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Header, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from detente.bargaining._domain import DEFAULT_STEPS
from detente.errors import InputError, Problem
from detente.web import _service as svc
from detente.web._state import State, scenario_hash

if TYPE_CHECKING:
    from detente.scenario import Scenario

__all__ = ["CandidateIn", "router", "scenario_of"]



def _no_unknown_query(request: Request) -> None:
    """A query parameter the operation does not take (``start=`` for ``since=``) is a 422
    naming it, not silently ignored."""
    from fastapi.exceptions import RequestValidationError

    root = getattr(request.scope.get("route"), "dependant", None)
    if root is None:
        return
    todo: list[Any] = [root]
    known: set[str] = set()
    while todo:
        d = todo.pop()
        known |= {f.alias for f in d.query_params}
        todo.extend(d.dependencies)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError([
            {"loc": ("query", name), "type": "extra_forbidden",
             "msg": "unknown query parameter"
                    + (f"; this operation takes: {', '.join(sorted(known))}" if known else
                       "; this operation takes none")}
            for name in unknown])


class ErrorItem(BaseModel):
    """One problem: where (``loc``, the path of the field at fault), what and, for an uploaded
    file, its line (``null`` otherwise)."""

    loc: list[str | int]
    msg: str
    type: str
    line: int | None = None


class ErrorOut(BaseModel):
    """Every error answer of the API: FastAPI's shape, plus the line in an uploaded file."""

    detail: list[ErrorItem]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("a body that is not JSON in UTF-8"),
    404: _error("a name that does not exist (scenario, hash, model, actor in the record)"),
    413: _error("a body or upload over the server's size limit"),
    422: _error("a mistake in the input, at the field (`loc`) and line at fault"),
    503: _error("the record database the server was started with cannot be opened"),
}
router = APIRouter(prefix="/api", dependencies=[Depends(_no_unknown_query)], responses=ERRORS)

Name = Annotated[str, Field(min_length=1, max_length=100)]
Code = Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.*-]+$")]
OptCode = Annotated[str | None, Query(min_length=1, max_length=40,
                                      pattern=r"^[A-Za-z0-9_.*-]+$")]
DateQ = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]
OptionValue = str | int | float | bool


def state_of(request: Request) -> State:
    return request.app.state.detente


StateDep = Annotated[State, Depends(state_of)]


class ScenarioIn(BaseModel):
    """Which scenario: a name or hash (``scenario``), or a whole scenario ``document``."""

    model_config = ConfigDict(extra="forbid")
    scenario: Name | None = Field(None, description="A shipped example or case name, or the "
                                  "hash of a scenario uploaded to this server.",
                                  examples=["geneva-2022"])
    document: dict[str, Any] | None = Field(None, description="A scenario document (the YAML "
                                            "format's fields, as JSON).")

    @field_validator("scenario", mode="before")
    @classmethod
    def _not_a_document(cls, v: Any) -> Any:
        # the first thing an API user tries: the whole scenario under "scenario"
        if isinstance(v, dict | list):
            raise PydanticCustomError(
                "scenario_name", "expected a scenario's name or hash (e.g. 'geneva-2022'); "
                "send a whole scenario as 'document' instead")
        return v

    @model_validator(mode="after")
    def _one(self) -> ScenarioIn:
        if (self.scenario is None) == (self.document is None):
            raise ValueError("give exactly one of scenario (a name or hash) and document")
        return self


def scenario_of(state: State, body: ScenarioIn) -> Scenario:
    from detente.scenario import scenario_from_data

    if body.document is not None:
        try:
            sc = scenario_from_data(body.document, "document")
        except InputError as e:
            raise type(e)([Problem(p.message, p.field, None, None, p.row,
                                   ("document", *p.loc)) for p in e.problems]
                          or str(e)) from None
        state.check_size(sc)
        return sc
    assert body.scenario is not None
    return state.get(body.scenario)


def _scenario_doc(sc: Scenario, notes: Sequence[str] = ()) -> dict[str, Any]:
    from detente.scenario import dump_scenario_yaml

    return {"hash": scenario_hash(sc), "name": sc.name, "actors": list(sc.actor_ids),
            "issues": [i.id for i in sc.issues], "yaml": dump_scenario_yaml(sc),
            "scenario": sc.model_dump(mode="json", exclude_defaults=True),
            "notes": list(notes)}


@contextlib.contextmanager
def _query_field(value: str | None, field: str, default: str) -> Iterator[None]:
    """Give an unlocated lookup error the query parameter it is about."""
    try:
        yield
    except InputError as e:
        if any(p.loc for p in e.problems):
            raise
        name = field if value and f"'{value}'" in str(e) else default
        raise type(e)([Problem(m, name, loc=("query", name)) for m in
                       ([p.message for p in e.problems] or [str(e)])]) from None


# -- scenarios ----------------------------------------------------------------------------------
@router.get("/scenarios", summary="Shipped examples and the case bank")
def list_scenarios(state: StateDep) -> dict[str, list[str]]:
    return state.shipped()


@router.get("/scenarios/{ref}", summary="One scenario (by name or hash) with its YAML")
def get_scenario(state: StateDep, ref: Annotated[str, PathParam(max_length=100)]
                 ) -> dict[str, Any]:
    return _scenario_doc(state.get(ref), state.notes(ref))


class ScenarioPost(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: dict[str, Any] | None = None
    yaml: str | None = Field(None, description="A scenario as YAML text.")

    @model_validator(mode="after")
    def _one(self) -> ScenarioPost:
        if (self.document is None) == (self.yaml is None):
            raise ValueError("give exactly one of document and yaml")
        return self


@router.post("/scenarios", summary="Validate and keep a scenario; its hash is its permalink")
def post_scenario(state: StateDep, body: ScenarioPost) -> dict[str, Any]:
    from detente.scenario import read_yaml_text

    with svc.reading_notes("yaml" if body.yaml is not None else "document") as notes:
        if body.yaml is not None:
            sc = read_yaml_text(body.yaml, "yaml")
        else:
            sc = scenario_of(state, ScenarioIn(document=body.document))
    state.put(sc, notes)
    return _scenario_doc(sc, notes)


@router.post("/scenarios/upload", summary="Upload a scenario file (YAML, JSON or CSV)")
async def upload_scenario(state: StateDep, file: Annotated[UploadFile, File()]
                          ) -> dict[str, Any]:
    raw = await file.read(state.settings.limits.body_bytes + 1)
    sc, notes = svc.read_upload_noted(state, file.filename, raw)
    state.put(sc, notes)
    return _scenario_doc(sc, notes)


# -- models and forecasts -----------------------------------------------------------------------
@router.get("/models", summary="The registered forecasting models and their options")
def models() -> list[dict[str, Any]]:
    from detente.collective import list_models

    return [{"name": m.name, "summary": m.summary, "reference": m.reference,
             "baseline": m.baseline,
             "options": {k: {"default": svc._clean(o.default) if isinstance(
                 o.default, (int, float, str, bool)) else str(o.default), "doc": o.doc}
                 for k, o in m.options.items()}}
            for m in list_models()]


class ForecastIn(ScenarioIn):
    models: list[Name] | None = Field(None, max_length=12, description="Models to run, at least "
                                      "one (left out: every registered model).",
                                      examples=[["eum", "median"]])
    options: dict[Name, dict[Name, OptionValue]] = Field(
        default_factory=dict, description="Options per model, e.g. {\"eum\": {\"rounds\": 5}}")
    seed: int = Field(0, ge=0, le=2**32 - 1)
    trajectory: bool = Field(True, description="Include positions per round.")
    explanation: bool = Field(True, description="Include the plain-language explanation.")
    set: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=50, description="What-if, as `detente forecast --set`: "
        "ACTOR.ISSUE.FIELD=VALUE, ACTOR.capability=VALUE or ISSUE.status_quo=VALUE.",
        examples=[["RUS.open_door.salience=90"]])
    drop: list[Name] = Field(default_factory=list, max_length=50,
                             description="What-if, as `detente forecast --drop`: actors left "
                             "out.")


def _what_if(sc: Scenario, sets: Sequence[str], drops: Sequence[str]
             ) -> tuple[Scenario, list[str]]:
    """``sc`` with the what-if applied (the one home of what-ifs, as the command line's
    ``--set``/``--drop``; each mistake at its ``set[k]`` or ``drop[k]``) and what a drop took
    with it."""
    if not (sets or drops):
        return sc, []
    from detente.web._uncertainty import whatif

    with svc.reading_notes("what-if") as edit_notes:  # what a drop took with it
        sc = whatif(sc, sets, drops)
    return sc, edit_notes


@router.post("/forecast", summary="Forecast every issue with one or more models, side by side")
def post_forecast(state: StateDep, body: ForecastIn) -> dict[str, Any]:
    with svc.reading_notes("document") as notes:
        sc = scenario_of(state, body)
    if body.scenario is not None:  # an upload's notes, kept with it
        notes = list(state.notes(body.scenario))
    sc, edit_notes = _what_if(sc, body.set, body.drop)
    notes = [*notes, *edit_notes]
    fs = svc.run_forecasts(state, sc, body.models, body.options, body.seed)
    return {**svc.forecast_payload(sc, fs, trajectory=body.trajectory,
                                   explanation=body.explanation), "notes": notes}


# -- bargaining ---------------------------------------------------------------------------------
class BargainIn(ScenarioIn):
    a: Name | None = Field(None, description="First party (actor id).", examples=["USA"])
    b: Name | None = Field(None, description="Second party (actor id).", examples=["RUS"])
    grid: int = Field(DEFAULT_STEPS, ge=2, le=101, description="Points per issue scale "
                      "(the command line's default).")
    trust: float | None = Field(None, ge=0, le=1, description="Trust κ for both parties.")
    as_of: date | None = Field(None, description="Trust from the record's credibility as of "
                               "this date (instead of trust).")
    breach: Literal["status_quo", "ideal"] | None = None
    reservation: tuple[Annotated[float, Field(ge=0, le=1)],
                       Annotated[float, Field(ge=0, le=1)]] | None = Field(
        None, description="Reservation values (outside options) of a and b; default: the "
        "utility of the status quo.")
    set: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=50, description="What-if, as `detente bargain --set`: "
        "ACTOR.ISSUE.FIELD=VALUE, ACTOR.capability=VALUE or ISSUE.status_quo=VALUE.",
        examples=[["GBR.withdrawal.salience=40"]])
    drop: list[Name] = Field(default_factory=list, max_length=50,
                             description="What-if, as `detente bargain --drop`: actors left "
                             "out.")


@router.post("/bargain", summary="Zone of agreement, solutions and trust threshold of two actors",
             description="What `detente bargain -f json` writes: the domain, the bargaining "
             "solutions (at full trust and at the given trust), the zone of agreement at both, "
             "the trust threshold and the zone-against-trust curve, `trust`, `record`, `breach`, "
             "and `solution_trust_needed`: per solution, the least common trust from which both "
             "parties sign its deal (`null`: no trust up to 1 suffices). With `set`/`drop`, "
             "the what-if of `detente bargain --set/--drop`; `notes` says what a drop took "
             "with it.")
def post_bargain(state: StateDep, body: BargainIn) -> dict[str, Any]:
    sc = scenario_of(state, body)
    sc, notes = _what_if(sc, body.set, body.drop)
    r = svc.bargain(state, sc, body.a, body.b, grid=body.grid, trust=body.trust,
                    as_of=body.as_of.isoformat() if body.as_of else None, breach=body.breach,
                    reservation=body.reservation, pick_first_two=False)
    return {**svc.bargain_payload(r), "notes": notes}


# -- uncertainty --------------------------------------------------------------------------------
SetText = Annotated[str, Field(min_length=1, max_length=200)]


class WhatIfIn(ScenarioIn):
    set: list[SetText] = Field(default_factory=list, max_length=50, description="What-if, "
                               "as --set: ACTOR.ISSUE.FIELD=VALUE, ACTOR.capability=VALUE or "
                               "ISSUE.status_quo=VALUE (a value may be a distribution).",
                               examples=[["RUS.open_door.salience=90"]])
    drop: list[Name] = Field(default_factory=list, max_length=50,
                             description="What-if, as --drop: actors left out.")
    jitter: str | None = Field(None, max_length=200, description="Noise on every number "
                               "without a distribution, e.g. position=10,salience=25%.",
                               examples=["position=10,salience=25%"])
    seed: int = Field(0, ge=0, le=2**32 - 1)


class SimulateIn(WhatIfIn):
    models: list[Name] = Field(default_factory=lambda: ["compromise"], min_length=1,
                               max_length=12, examples=[["compromise", "median"]])
    draws: int = Field(1000, ge=1, le=10**9, description="Monte Carlo draws (at most the "
                       "server's limit: 100,000 and an estimated 300 s by default).")
    above: float | None = Field(None, allow_inf_nan=False, description="Also give "
                                "P(forecast > above) per issue.")
    options: dict[Name, dict[Name, OptionValue]] = Field(
        default_factory=dict, description="Options per model, e.g. {\"eum\": {\"rounds\": 5}}")


def _unc_request(body: WhatIfIn, **kw: Any) -> Any:
    from detente.web import _uncertainty as unc

    return unc.Request(sets=tuple(body.set), drops=tuple(body.drop), jitter=body.jitter or "",
                       seed=body.seed, **kw)


def _jobs(request: Request) -> Any:
    return request.app.state.jobs


@router.post("/simulate", summary="Monte Carlo over the scenario's uncertain inputs: per issue "
             "and model the mean, quantiles, P(above), Monte Carlo standard error",
             responses={429: _error("the server runs as many simulations as it may")})
def post_simulate(request: Request, state: StateDep, body: SimulateIn) -> dict[str, Any]:
    from detente.web import _uncertainty as unc

    sc = scenario_of(state, body)
    req = _unc_request(body, models=tuple(body.models), draws=body.draws, above=body.above,
                       options={k: dict(v) for k, v in body.options.items()})
    plan = unc.plan(sc, req, state.settings.limits)
    with _jobs(request).slot():
        res = unc.simulate_plan(plan)
    doc = res.as_dict()
    doc["hash"] = scenario_hash(plan.scenario)
    return svc._clean(doc)


class SensitivityIn(WhatIfIn):
    model: Name = Field("compromise", examples=["compromise"])
    method: Literal["sobol", "morris"] = "sobol"
    n: int = Field(64, ge=2, le=4096, description="Sobol's base sample (a power of two; "
                   "N·(k + 2) runs) or Morris's trajectories (r·(k + 1) runs).")
    inputs: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=50, description="Keep some inputs: ACTOR.ISSUE.FIELD, "
        "an actor, an issue or a field name.")
    options: dict[Name, OptionValue] = Field(default_factory=dict)


@router.post("/sensitivity", summary="Sobol or Morris indices of each issue's forecast to the "
             "uncertain inputs, ranked",
             responses={429: _error("the server runs as many analyses as it may")})
def post_sensitivity(request: Request, state: StateDep, body: SensitivityIn) -> dict[str, Any]:
    from detente.web import _uncertainty as unc

    sc = scenario_of(state, body)
    req = _unc_request(body, models=(body.model,), draws=1, method=body.method, n=body.n,
                       smodel=body.model, inputs=tuple(body.inputs),
                       options={body.model: dict(body.options)})
    try:
        plan = unc.plan(sc, req, state.settings.limits)
    except InputError as e:
        raise type(e)([Problem(p.message, p.field, p.file, p.line, p.row,
                               ("model",) if p.loc[:1] in (("models",), ("smodel",))
                               else ("options",) if p.loc[:1] == ("options",) else p.loc)
                       for p in e.problems] or str(e)) from None
    if plan.n_inputs < 2:
        raise InputError([Problem(
            f"sensitivity needs at least two varying inputs, found {plan.n_inputs}: give a "
            "jitter (e.g. position=10,salience=25%) or distributions in the scenario"
            + (", or keep more inputs" if body.inputs else ""),
            "jitter", loc=("inputs" if body.inputs else "jitter",))])
    with _jobs(request).slot():
        res = unc.sensitivity_plan(plan)
    doc = res.as_dict()
    if plan.notes:  # what the what-if's drops took with them
        doc["notes"] = list(plan.notes)
    doc["hash"] = scenario_hash(plan.scenario)
    return svc._clean(doc)


# -- the record ---------------------------------------------------------------------------------
@router.get("/credibility", summary="Credibility of an actor's commitments, with its drivers")
def get_credibility(state: StateDep, actor: Code, toward: OptCode = None,
                    as_of: DateQ = None, top: Annotated[int, Query(ge=1, le=200)] = 20
                    ) -> dict[str, Any]:
    from detente.record import credibility

    day = svc.parse_date(as_of, "as_of", as_of=True)
    with _query_field(toward, "toward", "actor"):
        cred = credibility(state.record(), actor, toward=toward, as_of=day)
    return svc._clean(cred.as_dict(top=top))


@router.get("/credibility/curve", summary="Credibility over time (monthly)")
def get_credibility_curve(state: StateDep, actor: Code, toward: OptCode = None,
                          since: DateQ = None, until: DateQ = None) -> dict[str, Any]:
    with _query_field(toward, "toward", "actor"):
        c = svc.credibility_curve(state, actor, toward, since, until)
    return {"actor": c.actor, "toward": c.toward, "level": c.level,
            "dates": [d.isoformat() for d in c.dates], "mean": svc._clean(c.mean.tolist()),
            "low": svc._clean(c.low.tolist()), "high": svc._clean(c.high.tolist())}


@router.get("/record/agreements", summary="Agreements in the record")
def get_agreements(state: StateDep, party: OptCode = None,
                   kind: OptCode = None) -> list[dict[str, Any]]:
    return svc.agreements(state, party, kind)


@router.get("/record/events", summary="Events in the record (filters: agreement, actor, type, "
            "dates)")
def get_events(state: StateDep, agreement: OptCode = None, actor: OptCode = None,
               type: OptCode = None, since: DateQ = None, until: DateQ = None,
               limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    with _query_field(agreement, "agreement", "agreement"):
        rows = svc.events(state, agreement, actor, type, since, until)
    return {"total": len(rows), "events": rows[:limit]}


# -- text ---------------------------------------------------------------------------------------
class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=1_000_000)
    name: str = Field("article", max_length=100)
    ref_date: date | None = Field(None, description="Date of the article (for relative dates).")


@router.post("/text/extract", summary="Candidate record events in an article")
def post_extract(state: StateDep, body: TextIn) -> list[dict[str, Any]]:
    return [svc._clean(c.as_dict()) for c in svc.extract(state, body.text, body.name,
                                                         body.ref_date)]


@router.post("/text/check", summary="Each claim in an article against the record")
def post_check(state: StateDep, body: TextIn) -> list[dict[str, Any]]:
    from detente.text import check

    cands = svc.extract(state, body.text, body.name, body.ref_date)
    return [svc._clean(v.as_dict()) for v in check(cands, state.record())]


class CandidateIn(BaseModel):
    """A candidate event as ``/api/text/extract`` gives it (reviewed, possibly edited)."""

    model_config = ConfigDict(extra="ignore")
    doc: str = Field("article", max_length=200)
    sentence_index: int = Field(0, ge=0, le=10**6)
    sentence: str = Field("", max_length=20_000)
    start: int = Field(0, ge=0)
    end: int = Field(0, ge=0)
    agreement: str = Field(min_length=1, max_length=100)
    agreement_text: str = Field("", max_length=1000)
    actors: list[Annotated[str, Field(max_length=40)]] = Field(min_length=1, max_length=50)
    type: str = Field(min_length=1, max_length=40)
    date: str | None = Field(None, max_length=20)
    date_text: str = Field("", max_length=200)
    alleged_by: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list,
                                                                    max_length=50)
    negated: bool = False
    hypothetical: bool = False
    confidence: float = Field(1.0, ge=0, le=1)
    trigger: str = Field("", max_length=200)
    evidence: str = Field("record", max_length=40)
    url: str | None = Field(None, max_length=2000)


class AcceptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    candidates: list[CandidateIn] = Field(min_length=1, max_length=500)
    source: str | None = Field(None, max_length=2000, description="Source URL of the article "
                               "(else each candidate's url).")


def require_writes(request: Request,
                   authorization: Annotated[str | None, Header()] = None) -> State:
    """Writes need a server started with --allow-writes and ``Authorization: Bearer TOKEN``."""
    state = state_of(request)
    check_token(state, (authorization or "").removeprefix("Bearer ").strip()
                if (authorization or "").startswith("Bearer ") else None)
    return state


def check_token(state: State, token: str | None) -> None:
    if not state.writable:
        raise WriteRefused(403, "this server is read-only: start it with --allow-writes "
                           "(and --db pointing at a record database) to write to the record")
    expected = state.settings.token or ""
    if not token or not secrets.compare_digest(token.encode(), expected.encode()):
        raise WriteRefused(401, "writing needs the server's token: Authorization: Bearer TOKEN")


class WriteRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@router.post("/record/events", summary="Write accepted candidates to the record (needs the "
             "token)", status_code=201,
             responses={401: _error("no or wrong token"), 403: _error("read-only server")})
def post_events(body: AcceptIn, state: Annotated[State, Depends(require_writes)]
                ) -> JSONResponse:
    ids = svc.accept(state, [c.model_dump() for c in body.candidates], body.source)
    return JSONResponse({"written": ids}, status_code=201)
