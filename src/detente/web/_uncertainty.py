"""Uncertainty for the web: ``detente.uncertainty`` (simulate, sensitivity, what-if) with the
server's limits, located errors, and background runs with progress and cancellation.

No model code: the numbers are :func:`detente.uncertainty.simulate` and
:func:`detente.uncertainty.sensitivity`. A background run passes ``simulate`` its own
``progress`` hook, called after each chunk of draws; the hook raises :class:`Cancelled` when the
run has been cancelled, so the run stops between chunks. A run that is not cancelled is the
same call as a one-shot ``simulate`` with the same seed, so its numbers are the same.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from detente.errors import InputError, InputLookupError, LimitError, Problem
from detente.web._settings import Limits

if TYPE_CHECKING:
    from detente.scenario import Scenario
    from detente.uncertainty import SensitivityResult, SimulationResult

__all__ = [
    "Busy",
    "Cancelled",
    "Job",
    "Jobs",
    "Plan",
    "Request",
    "UncertaintyResult",
    "plan",
    "run",
]

METHODS = ("none", "sobol", "morris")


class Busy(Exception):
    """Every run slot of the server is taken (a 429 answer)."""


class Cancelled(Exception):
    """Raised by the progress hook of a cancelled run (between two chunks)."""


@dataclass(frozen=True)
class Request:
    """What to run: the uncertainty page's options (every one of them in its URL)."""

    models: tuple[str, ...] = ("compromise",)
    draws: int = 1000
    seed: int = 0
    jitter: str = ""
    above: float | None = None
    sets: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    method: str = "none"
    n: int = 64
    smodel: str | None = None
    inputs: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """A request checked against the limits: the edited scenario and what will run."""

    request: Request
    scenario: Scenario
    models: tuple[str, ...]
    draws: int
    sensitivity_model: str | None
    sensitivity_runs: int
    n_inputs: int
    notes: tuple[str, ...] = ()
    """What the what-if's drops took with them (every face of the run carries them)."""


@dataclass(frozen=True, eq=False)
class UncertaintyResult:
    plan: Plan
    simulation: SimulationResult
    sensitivity: SensitivityResult | None
    sensitivity_error: str | None
    elapsed_s: float


def _err(message: str, *loc: str | int) -> InputError:
    return InputError([Problem(message, str(loc[0]) if loc else "", loc=tuple(loc))])


def _relocate(e: InputError, *loc: str | int) -> InputError:
    """``e`` with every problem that has no location put at ``loc``."""
    if e.problems and all(p.loc for p in e.problems):
        return e
    probs = [Problem(p.message, p.field or str(loc[0]), p.file, p.line, p.row, p.loc or loc)
             for p in e.problems] or [Problem(str(e), str(loc[0]), loc=loc)]
    return type(e)(probs)


def whatif(scenario: Scenario, sets: Sequence[str], drops: Sequence[str]) -> Scenario:
    """``apply_whatif`` with each error at the ``set[k]`` or ``drop[k]`` it is about, and
    named so (not by the CLI's ``--set``)."""
    from detente.uncertainty import apply_whatif, parse_set

    settings = []
    for k, text in enumerate(sets):
        try:
            settings.append(parse_set(text, name=f"set[{k}]"))
        except InputError as e:
            raise _relocate(e, "set", k) from None
    set_names = [f"set[{k}] {st.text}" for k, st in enumerate(settings)]
    drop_names = [f"drop[{k}] {d}" for k, d in enumerate(drops)]

    def apply(n_sets: int, n_drops: int) -> Scenario:
        return apply_whatif(scenario, settings[:n_sets], drops[:n_drops],
                            set_names=set_names[:n_sets], drop_names=drop_names[:n_drops])

    try:
        return apply(len(settings), len(drops))
    except InputError as e:
        msg = str(e)
        for k, name in enumerate(set_names):
            if name in msg:
                raise _relocate(e, "set", k) from None
        for k, name in enumerate(drop_names):
            if name in msg:
                raise _relocate(e, "drop", k) from None
        # a value the scenario's validation refuses: the first setting (or drop) that fails
        for k in range(len(settings)):
            try:
                apply(k + 1, 0)
            except InputError:
                raise _relocate(e, "set", k) from None
        for k in range(len(drops)):
            try:
                apply(len(settings), k + 1)
            except InputError:
                raise _relocate(e, "drop", k) from None
        raise _relocate(e, "set" if sets else "drop") from None


def whatif_notes(scenario: Scenario, drops: Sequence[str]) -> tuple[str, ...]:
    """What the drops take with them, each drop named as :func:`whatif` names it."""
    from detente.uncertainty import whatif_notes as notes

    return notes(scenario, drops, drop_names=[f"drop[{k}] {d}" for k, d in enumerate(drops)])


def plan(scenario: Scenario, req: Request, limits: Limits) -> Plan:
    """Check ``req`` on ``scenario`` against ``limits`` (errors located at the option)."""
    from detente.collective import get_model
    from detente.collective._budget import estimate_work
    from detente.uncertainty import InputSpace, check_above, parse_jitter

    problems: list[Problem] = []
    if not 1 <= req.draws <= limits.draws:
        raise LimitError([Problem(f"{req.draws:,} draws: expected 1 to {limits.draws:,} (this "
                                  "server's limit; use detente simulate for more)", "draws",
                                  loc=("draws",))])
    if req.method not in METHODS:
        raise _err(f"method: expected one of {', '.join(METHODS)}, got {req.method!r}",
                   "method")
    sc = whatif(scenario, req.sets, req.drops)
    if len(sc.actors) > limits.actors or len(sc.issues) > limits.issues:
        what = (f"{len(sc.actors)} actors" if len(sc.actors) > limits.actors
                else f"{len(sc.issues)} issues")
        raise LimitError([Problem(f"{what}, over this server's limit of "
                                  f"{limits.actors} actors and {limits.issues} issues",
                                  "scenario", loc=("scenario",))])
    try:
        check_above(sc, req.above)
    except InputError as e:
        raise _relocate(e, "above") from None
    try:
        jit = parse_jitter(req.jitter or None, name="jitter")
    except InputError as e:
        raise _relocate(e, "jitter") from None
    models = tuple(dict.fromkeys(req.models)) or ("compromise",)
    if len(models) > 12:
        raise _err("at most 12 models", "models")
    unknown = [m for m in req.options if m not in models and m != req.smodel]
    if unknown:
        raise _err(f"options for '{unknown[0]}', which is not among the models asked for "
                   f"({', '.join(models)})", "options", unknown[0])
    per_draw = 0.0
    lookups = 0
    for i, name in enumerate(models):
        try:
            opts = get_model(name).resolve(dict(req.options.get(name, {})))
        except InputError as e:
            problems += [Problem(m, "models", loc=("models", i)) for m in e.messages]
            lookups += isinstance(e, InputLookupError)  # a model that does not exist: a 404
            continue
        est = estimate_work(name, len(sc.actors), len(sc.issues), opts)
        if not est.within or (est.seconds is not None and est.seconds > limits.model_seconds):
            problems.append(Problem(f"{est.describe()}: over this server's limit of "
                                    f"{limits.model_seconds:g} s per model run", "models",
                                    loc=("models", i)))
        per_draw += seconds_per_run(name, est.seconds)
    if problems:
        raise (InputLookupError if lookups == len(problems) else InputError)(problems)
    if per_draw * req.draws > limits.simulate_seconds:
        most = max(1, int(limits.simulate_seconds / per_draw))
        raise LimitError([Problem(
            f"{req.draws:,} draws of {', '.join(models)} are estimated at "
            f"{per_draw * req.draws:,.0f} s, over this server's limit of "
            f"{limits.simulate_seconds:g} s: at most about {most:,} draws of these models",
            "draws", loc=("draws",))])
    smodel = None
    runs = 0
    try:
        space = InputSpace.of(sc, jit, req.inputs)
    except InputError as e:
        raise _relocate(e, "inputs") from None
    k = len(space.inputs)
    if req.method != "none":
        smodel = req.smodel or models[0]
        try:
            get_model(smodel).resolve(dict(req.options.get(smodel, {})))
        except InputError as e:
            raise _relocate(e, "smodel") from None
        if req.method == "sobol":
            if req.n < 2 or req.n & (req.n - 1):
                raise _err(f"n: Sobol's base sample must be a power of two (2, 4, …, 1024), "
                           f"got {req.n}", "n")
            runs = req.n * (k + 2)
        else:
            if req.n < 2:
                raise _err(f"n: Morris needs at least 2 trajectories, got {req.n}", "n")
            runs = req.n * (k + 1)
        est = estimate_work(smodel, len(sc.actors), len(sc.issues),
                            get_model(smodel).resolve(dict(req.options.get(smodel, {}))))
        if runs * seconds_per_run(smodel, est.seconds) > limits.simulate_seconds:
            raise LimitError([Problem(
                f"{req.method} with n={req.n} on {k} inputs is {runs:,} runs of {smodel}, "
                f"estimated at {runs * seconds_per_run(smodel, est.seconds):,.0f} s, over this "
                f"server's limit of {limits.simulate_seconds:g} s: lower n or keep fewer "
                "inputs", "n", loc=("n",))])
        if runs > limits.sensitivity_runs:
            raise LimitError([Problem(
                f"{req.method} with n={req.n} on {k} inputs is {runs:,} model runs, over this "
                f"server's limit of {limits.sensitivity_runs:,}: lower n or keep fewer inputs",
                "n", loc=("n",))])
    return Plan(req, sc, models, req.draws, smodel, runs, k, whatif_notes(scenario, req.drops))


UNMEASURED = {"crisis": 0.5, "status_quo": 1e-4}
"""Seconds per draw assumed for the models ``detente.collective`` has no time estimate for (the
crisis model runs one game per draw: about 0.5 s on a 3 × 3 case on the 2-core development
machine); any other such model is taken at 0.05 s."""


def seconds_per_run(model: str, estimate: float | None) -> float:
    """Seconds one draw of ``model`` is taken to cost: its work estimate, at least 0.1 ms (the
    per-draw overhead); :data:`UNMEASURED` for a model without an estimate."""
    if estimate is None:
        return UNMEASURED.get(model, 0.05)
    return max(estimate, 1e-4)


def simulate_plan(p: Plan, progress: Callable[[int, int], None] | None = None
                  ) -> SimulationResult:
    from detente.uncertainty import simulate

    req = p.request
    opts = {m: dict(req.options.get(m, {})) for m in p.models if m in req.options}
    try:
        res = simulate(p.scenario, list(p.models), p.draws, seed=req.seed,
                       jitter=req.jitter or None, above=req.above, options=opts or None,
                       progress=progress)
    except InputError as e:
        # a model's own check of an option it was given (eum's rounds < 0) names no field
        raise (_relocate(e, "options") if opts else e) from None
    # the what-if's notes lead the result's, which the page and the API's JSON show
    return dataclasses.replace(res, notes=(*p.notes, *res.notes)) if p.notes else res


def sensitivity_plan(p: Plan) -> SensitivityResult:
    from detente.uncertainty import sensitivity

    req = p.request
    assert p.sensitivity_model is not None
    opts = dict(req.options.get(p.sensitivity_model, {}))
    try:
        return sensitivity(p.scenario, p.sensitivity_model, method=req.method,
                           inputs=req.inputs, jitter=req.jitter or None, n=req.n,
                           seed=req.seed, options=opts)
    except InputError as e:
        raise (_relocate(e, "options") if opts else e) from None


def _too_few_inputs(n: int) -> str:
    return (f"sensitivity needs at least two varying inputs, found {n}: give a jitter (e.g. "
            "position=10,salience=25%) or distributions in the scenario")


def run(p: Plan, progress: Callable[[int, int], None] | None = None,
        stage: Callable[[str], None] | None = None) -> UncertaintyResult:
    """The simulation, then (when asked) the sensitivity analysis of ``p``."""
    t0 = time.perf_counter()
    if stage is not None:
        stage("simulate")
    sim = simulate_plan(p, progress)
    sens, sens_err = None, None
    if p.sensitivity_model is not None:
        if stage is not None:
            stage("sensitivity")
        if p.n_inputs < 2:
            sens_err = _too_few_inputs(p.n_inputs)
        else:
            try:
                sens = sensitivity_plan(p)
            except InputError as e:
                sens_err = "; ".join(e.messages)
    return UncertaintyResult(p, sim, sens, sens_err, time.perf_counter() - t0)


def _options_key(options: Mapping[str, Any]) -> str:
    import json

    return json.dumps(options, sort_keys=True, default=str)


def simulation_key(p: Plan) -> tuple[Any, ...]:
    """What a plan's simulation depends on: two plans with the same key give the same numbers
    (the run is seeded), so a finished run's simulation serves the other."""
    from detente.web._state import scenario_hash

    req = p.request
    return (scenario_hash(p.scenario), p.notes, p.models, p.draws, req.seed, req.jitter,
            req.above, _options_key({m: req.options[m] for m in p.models if m in req.options}))


def sensitivity_key(p: Plan) -> tuple[Any, ...] | None:
    """What a plan's sensitivity analysis depends on (None: the plan asks for none)."""
    from detente.web._state import scenario_hash

    req = p.request
    if p.sensitivity_model is None:
        return None
    return (scenario_hash(p.scenario), p.notes, p.sensitivity_model, req.method, req.n,
            req.inputs, req.jitter, req.seed,
            _options_key(req.options.get(p.sensitivity_model, {})))


# ---------------------------------------------------------------------------------------------
# background runs
@dataclass
class Job:
    """One background run: its progress (chunks done of total), state and result."""

    id: str
    query: str
    total: int
    done: int = 0
    stage: str = "queued"
    status: str = "running"  # running, done, cancelled, error
    result: UncertaintyResult | None = None
    errors: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    changed: threading.Condition = field(default_factory=threading.Condition)
    version: int = 0

    def snapshot(self) -> dict[str, Any]:
        with self.changed:
            end = self.finished if self.finished is not None else time.monotonic()
            return {"id": self.id, "status": self.status, "stage": self.stage,
                    "done": self.done, "total": self.total,
                    "elapsed_s": round(end - self.started, 3), "errors": list(self.errors),
                    "query": self.query, "version": self.version}

    def update(self, **kw: Any) -> None:
        with self.changed:
            for k, v in kw.items():
                setattr(self, k, v)
            self.version += 1
            self.changed.notify_all()

    def wait_change(self, version: int, timeout: float) -> None:
        """Block until the job changes past ``version`` (or ``timeout`` seconds)."""
        with self.changed:
            if self.version == version:
                self.changed.wait(timeout)

    def cancel(self) -> None:
        self.cancel_event.set()


class Jobs:
    """The server's runs: at most ``limits.runs`` at once (a synchronous API call takes a slot
    too); finished jobs kept for their results (the 8 most recent: a result keeps its draws,
    up to 100,000 per model), and the 8 most recent finished simulations (of jobs or of the
    page) and sensitivity analyses by their options, which the downloads serve instead of
    running again."""

    KEEP = 8

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.runs)
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        # finished runs (background or on the page) by what they depend on, the KEEP most
        # recent: their downloads serve them instead of running again
        self._sims: OrderedDict[tuple[Any, ...], SimulationResult] = OrderedDict()
        self._sens: OrderedDict[tuple[Any, ...], SensitivityResult] = OrderedDict()

    def remember(self, p: Plan, res: UncertaintyResult) -> None:
        """Keep a finished run's results for the downloads of the same options."""
        with self._lock:
            _keep(self._sims, simulation_key(p), res.simulation, self.KEEP)
            if res.sensitivity is not None and (k := sensitivity_key(p)) is not None:
                _keep(self._sens, k, res.sensitivity, self.KEEP)

    def simulation(self, p: Plan) -> SimulationResult:
        """``p``'s simulation: a finished run's when one had the same options, else run now
        (in a run slot) and kept."""
        key = simulation_key(p)
        with self._lock:
            hit = self._sims.get(key)
        if hit is not None:
            return hit
        with self.slot():
            sim = simulate_plan(p)
        with self._lock:
            _keep(self._sims, key, sim, self.KEEP)
        return sim

    def sensitivity(self, p: Plan) -> SensitivityResult:
        """``p``'s sensitivity analysis: a finished run's when one had the same options, else
        run now (in a run slot) and kept; an error at ``method`` when the plan asks for none."""
        key = sensitivity_key(p)
        if key is None:
            raise _err("no sensitivity analysis asked for (method none): choose sobol or "
                       "morris", "method")
        if p.n_inputs < 2:
            raise _err(_too_few_inputs(p.n_inputs), "jitter")
        with self._lock:
            hit = self._sens.get(key)
        if hit is not None:
            return hit
        with self.slot():
            sens = sensitivity_plan(p)
        with self._lock:
            _keep(self._sens, key, sens, self.KEEP)
        return sens

    @contextmanager
    def slot(self) -> Iterator[None]:
        """A run slot for the duration (``Busy`` when none is free)."""
        self._take()
        try:
            yield
        finally:
            self._slots.release()

    def _take(self) -> None:
        if not self._slots.acquire(blocking=False):
            raise Busy(f"this server already runs {self.limits.runs} simulation(s) or "
                       "sensitivity analyses, its limit: try again when one has finished (or "
                       "cancel one)")

    def start(self, p: Plan, query: str) -> Job:
        """Run ``p`` in a background thread; the job (``Busy`` when every slot is taken)."""
        from detente.uncertainty import CHUNK

        self._take()
        chunks = max(1, -(-p.draws // CHUNK))
        job = Job(id=secrets.token_hex(8), query=query, total=chunks)
        with self._lock:
            self._jobs[job.id] = job
            self._evict()

        def progress(done: int, total: int) -> None:
            job.update(done=done, total=total)
            if job.cancel_event.is_set():
                raise Cancelled

        def stage(name: str) -> None:
            if job.cancel_event.is_set():
                raise Cancelled
            job.update(stage=name)

        def work() -> None:
            try:
                res = run(p, progress, stage)
                if job.cancel_event.is_set():
                    raise Cancelled
                self.remember(p, res)
                job.update(result=res, status="done", stage="done",
                           finished=time.monotonic())
            except Cancelled:
                job.update(status="cancelled", finished=time.monotonic())
            except InputError as e:
                job.update(status="error", errors=list(e.messages), finished=time.monotonic())
            except Exception as e:  # noqa: BLE001 - a bug: reported to the page, not hidden
                job.update(status="error", errors=[f"internal error: {type(e).__name__}: {e}"],
                           finished=time.monotonic())
            finally:
                self._slots.release()

        threading.Thread(target=work, name=f"detente-job-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise InputLookupError([Problem(f"no run {job_id[:40]!r} on this server (runs are "
                                            "kept in memory while the server runs)", "job",
                                            loc=("job",))])
        return job

    def _evict(self) -> None:
        done = [k for k, j in self._jobs.items() if j.status != "running"]
        while len(self._jobs) > self.KEEP and done:
            self._jobs.pop(done.pop(0), None)

    def cancel_all(self) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for j in jobs:
            j.cancel()


def _keep(cache: OrderedDict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any,
          size: int) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)
