"""Monte Carlo over uncertain inputs: :func:`simulate`.

Draws are made in chunks of a fixed size (:data:`CHUNK`, independent of the backend and the
number of workers). Chunk ``c`` draws its inputs from ``SeedSequence(seed).spawn(...)[c]``
(built directly as ``SeedSequence(entropy, spawn_key=(c,))``, which is the same), runs every
model on its draws as one batch (:mod:`._models`) and reduces them to streaming statistics
(:mod:`._stats`); the chunks' statistics are merged in chunk order. The same seed therefore
gives the same numbers in one local process on any number of threads, on a Dask
``LocalCluster`` with any number of workers or on a remote scheduler; memory is bounded by the
chunk size times the number of chunks in flight (the draws themselves are kept only up to
``keep`` draws).

Locally, ``threads`` chunks run at once on a thread pool: the compiled EUM rounds release the
GIL (``numba.njit(nogil=True)``) and numpy releases it inside its loops, so the chunks share the
cores; each chunk draws from its own generators and writes only its own arrays, and the main
thread merges the chunks in chunk order and calls ``progress``, so every number is the same
for every thread count.
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.scenario import OUTCOME_KINDS, Scenario
from detente.uncertainty._inputs import InputSpace, Jitter, parse_jitter
from detente.uncertainty._models import run_batch
from detente.uncertainty._stats import Stream

__all__ = ["CHUNK", "KEEP", "ModelSummary", "SimulationResult", "check_above", "simulate"]

CHUNK = 2048
"""Draws per chunk (fixed: the numbers do not depend on how chunks are spread over workers)."""
KEEP = 100_000
"""Up to this many draws, each model's draws are kept (exact quantiles, figures)."""
LEVELS = (0.5, 0.9)
TOLERANCE = 0.005
"""Convergence: the Monte Carlo standard error of the mean at most this share of the scale."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Plan:
    """What every chunk runs (pickled to Dask workers once)."""

    space: InputSpace
    models: tuple[tuple[str, Mapping[str, Any]], ...]
    draws: int
    chunk: int
    entropy: int
    above: float | None
    keep: bool

    @property
    def n_chunks(self) -> int:
        return max(1, math.ceil(self.draws / self.chunk))


@dataclass
class ChunkOut:
    index: int
    outcomes: dict[str, Stream]
    episodes: dict[str, Stream]
    kept: dict[str, np.ndarray]
    kept_episodes: dict[str, np.ndarray]


def chunk_seeds(entropy: int, index: int) -> tuple[np.random.SeedSequence,
                                                   np.random.SeedSequence]:
    """The seed sequences of chunk ``index``: one for its inputs, one for the models."""
    child = np.random.SeedSequence(entropy, spawn_key=(index,))
    inputs, models = child.spawn(2)
    return inputs, models


def run_chunk(plan: Plan, index: int, kernel_threads: int | None = None) -> ChunkOut:
    """Draw chunk ``index``'s inputs, run every model on them, reduce to statistics
    (``kernel_threads``: the EUM kernel's own threads, None: its default)."""
    n = min(plan.chunk, plan.draws - index * plan.chunk)
    ss_in, ss_model = chunk_seeds(plan.entropy, index)
    values = plan.space.sample(n, np.random.default_rng(ss_in))
    arr = plan.space.arrays(values)
    lo, hi = arr["scale_min"], arr["scale_max"]
    out = ChunkOut(index, {}, {}, {}, {})
    model_rngs = ss_model.spawn(len(plan.models))
    for (model, opts), ss in zip(plan.models, model_rngs, strict=True):
        x, ep = run_batch(model, dict(opts), arr, plan.space, values, np.random.default_rng(ss),
                          threads=kernel_threads)
        out.outcomes[model] = Stream.of(x, lo, hi, plan.above)
        if plan.keep:
            out.kept[model] = x
        if ep is not None:
            out.episodes[model] = Stream.of(ep, np.zeros(3), np.ones(3), None)
            if plan.keep:
                out.kept_episodes[model] = ep
    return out


@dataclass(frozen=True, eq=False)
class ModelSummary:
    """One model's distribution of forecasts, per issue (arrays over ``issue_ids``).

    ``point`` is the forecast on the point inputs; ``quantiles`` maps a probability to the
    quantile per issue; ``p_above`` the share of draws above the threshold; ``mcse`` the Monte
    Carlo standard error of ``mean``; ``converged`` whether that error is at most
    :data:`TOLERANCE` of the scale and the two halves of the run agree (|z| < 3); ``episode``
    (crisis model) maps each outcome kind to the mean and quantiles of its probability.
    """

    model: str
    options: Mapping[str, Any]
    issue_ids: tuple[str, ...]
    point: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    mcse: np.ndarray
    quantiles: Mapping[float, np.ndarray]
    p_above: np.ndarray | None
    converged: np.ndarray
    n: np.ndarray
    draws: np.ndarray | None = None
    episode: Mapping[str, Mapping[str, float]] | None = None
    episode_draws: np.ndarray | None = None
    point_episode: Mapping[str, float] | None = None

    def __repr__(self) -> str:
        # a notebook line: the mean and sd per issue, not the draws and the quantile arrays
        per = ", ".join(f"{i!r}: {float(m):.4g} ± {float(d):.3g}"
                        for i, m, d in zip(self.issue_ids, self.mean, self.sd, strict=True))
        return f"ModelSummary(model={self.model!r}, mean ± sd={{{per}}})"

    @property
    def median(self) -> np.ndarray:
        return self.quantiles[0.5]

    def interval(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        """The central interval of probability ``level`` (e.g. 0.9: 5 % to 95 % quantiles)."""
        lo, hi = _round((1 - level) / 2), _round(1 - (1 - level) / 2)
        if lo not in self.quantiles:
            raise InputError(f"no {level:.0%} interval in this result; levels computed: "
                             f"{', '.join(f'{q:g}' for q in sorted(self.quantiles))}")
        return self.quantiles[lo], self.quantiles[hi]


def _round(q: float) -> float:
    return round(q, 10)


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """What :func:`simulate` returns: per model a :class:`ModelSummary`, and how it ran."""

    scenario: str
    issue_ids: tuple[str, ...]
    scale_min: np.ndarray
    scale_max: np.ndarray
    draws: int
    seed: int
    chunk: int
    levels: tuple[float, ...]
    above: float | None
    jitter: str
    inputs: tuple[str, ...]
    models: tuple[ModelSummary, ...]
    backend: str = "local"
    workers: int = 1
    threads: int = 1
    """Chunks run at once in the local process (1 on Dask: each worker runs one chunk)."""
    startup_s: float = 0.0
    elapsed_s: float = 0.0
    shutdown_s: float = 0.0
    notes: tuple[str, ...] = ()
    calibration: Any = None
    """The :class:`~detente.uncertainty.Calibration` applied (None: raw draws)."""
    issue_names: Mapping[str, str] = field(default_factory=dict)
    """Each issue's name (its label: the id when it has none), for tables and figures."""

    def label(self, issue: str) -> str:
        """The issue's name as every face shows it (the id when it has none)."""
        return self.issue_names.get(issue, issue)

    def __repr__(self) -> str:
        # a notebook line, not every model's arrays (``summary(model)`` has them)
        return (f"SimulationResult(scenario={self.scenario!r}, draws={self.draws}, "
                f"seed={self.seed}, models={[m.model for m in self.models]!r}, "
                f"issues={len(self.issue_ids)}, backend={self.backend!r}"
                + (", calibrated" if self.calibration is not None else "")
                + (f", notes={len(self.notes)}" if self.notes else "") + ")")

    @property
    def run_s(self) -> float:
        """Seconds of the run itself: ``elapsed_s`` less the cluster's start-up and shutdown
        (both 0 locally)."""
        return self.elapsed_s - self.startup_s - self.shutdown_s

    def summary(self, model: str) -> ModelSummary:
        for m in self.models:
            if m.model == model:
                return m
        raise InputError(f"model '{model}' was not simulated; simulated: "
                         f"{', '.join(m.model for m in self.models)}")

    def numbers(self) -> dict[str, Any]:
        """Every statistic (not the run's timing or backend): equal for equal seeds."""
        d = self.as_dict()
        d.pop("run")
        return d

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: per model and issue the statistics; the run's settings under ``run``."""

        def num(x: Any) -> float | None:
            x = float(x)
            return None if math.isnan(x) else x

        models = []
        for m in self.models:
            issues = []
            for k, iss in enumerate(m.issue_ids):
                row: dict[str, Any] = {
                    "issue": iss, "name": self.label(iss), "point": num(m.point[k]),
                    "mean": num(m.mean[k]),
                    "sd": num(m.sd[k]), "mcse": num(m.mcse[k]),
                    "quantiles": {f"{q:g}": num(v[k]) for q, v in sorted(m.quantiles.items())},
                    "converged": bool(m.converged[k]), "n": int(m.n[k]),
                }
                if m.p_above is not None:
                    row["p_above"] = num(m.p_above[k])
                issues.append(row)
            entry: dict[str, Any] = {"model": m.model, "issues": issues}
            if m.episode is not None:
                entry["episode"] = {k: {s: num(v) for s, v in st.items()}
                                    for k, st in m.episode.items()}
            models.append(entry)
        cal = {} if self.calibration is None else {"calibration": {
            "jitter": self.calibration.jitter, "model": self.calibration.model,
            "data": self.calibration.data,
            "fit_outcomes": len(self.calibration.recalibration.scores)}}
        return {
            "scenario": self.scenario, "draws": self.draws, "seed": self.seed,
            "levels": list(self.levels), "above": self.above, "jitter": self.jitter,
            "inputs": list(self.inputs), "models": models, "notes": list(self.notes), **cal,
            "run": {"backend": self.backend, "workers": self.workers, "threads": self.threads,
                    "chunk": self.chunk,
                    "startup_s": self.startup_s, "elapsed_s": self.elapsed_s,
                    "shutdown_s": self.shutdown_s},
        }


def _entropy(rng: np.random.Generator | int | None, seed: int | None) -> int:
    if seed is not None and rng is not None:
        raise InputError("give either rng or seed, not both")
    src = seed if seed is not None else rng
    if src is None:
        return int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]
    if isinstance(src, np.random.Generator):
        return int(src.integers(0, 2**63 - 1))
    if isinstance(src, (int, np.integer)) and not isinstance(src, bool):
        if src < 0:
            raise InputError(f"seed must be ≥ 0, got {src}")
        return int(src)
    raise InputError(f"rng must be a numpy Generator or a whole number, got {src!r}")


def _resolve_models(scenario: Scenario, model: str | Sequence[str],
                    options: Mapping[str, Mapping[str, Any]] | None
                    ) -> tuple[tuple[str, dict[str, Any]], ...]:
    from detente.collective import get_model
    from detente.collective._budget import check_work

    names = [model] if isinstance(model, str) else list(model)
    if not names:
        raise InputError("simulate needs at least one model")
    opts = dict(options or {})
    unknown = sorted(set(opts) - set(names))
    if unknown:
        raise InputError(f"options given for model(s) not simulated: {', '.join(unknown)}")
    out = []
    for name in dict.fromkeys(names):
        spec = get_model(name)
        resolved = spec.resolve(opts.get(name, {}))
        check_work(name, len(scenario.actors), len(scenario.issues), resolved)
        out.append((name, resolved))
    return tuple(out)


def check_above(scenario: Scenario, above: float | None, *, name: str = "above") -> None:
    """Refuse a threshold off every issue's scale: P(forecast > it) would be 0 (or 1) for
    every issue by construction, not a finding. ``name`` is what the message calls it (the
    CLI's ``--above``, the API's ``above``)."""
    if above is None:
        return
    if not math.isfinite(above):
        raise InputError(f"{name} must be a finite number, got {above}")
    if not scenario.issues or any(i.scale_min <= above <= i.scale_max for i in scenario.issues):
        return
    scales = ", ".join(f"{i.id} {i.scale_min:g}–{i.scale_max:g}" for i in scenario.issues[:6])
    more = f" … ({len(scenario.issues)} issues)" if len(scenario.issues) > 6 else ""
    every = "every issue's scale" if len(scenario.issues) > 1 else "the issue's scale"
    sure = "0" if all(above > i.scale_max for i in scenario.issues) else "1"
    raise InputError(f"{name} {above:g} is outside {every} ({scales}{more}): P(forecast > "
                     f"{above:g}) would be {sure} by construction; give a value on the scale")


def simulate(
    scenario: Scenario,
    model: str | Sequence[str] = "compromise",
    draws: int = 1000,
    rng: np.random.Generator | int | None = None,
    *,
    seed: int | None = None,
    jitter: Jitter | str | None = None,
    above: float | None = None,
    levels: Sequence[float] = LEVELS,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    chunk: int = CHUNK,
    keep: int = KEEP,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    progress: Progress | None = None,
    calibration: Any = None,
    threads: int | None = None,
) -> SimulationResult:
    """Run ``model`` (a name or several) on ``draws`` draws of the scenario's uncertain inputs.

    ``rng`` (a ``numpy.random.Generator`` or a seed) or ``seed`` fixes every number; ``jitter``
    (a :class:`Jitter` or text such as ``position=10,salience=25%``) adds noise to the inputs
    without a distribution; ``above`` asks for the probability that each issue's forecast
    exceeds it; ``levels`` the central intervals (default 50 % and 90 %); ``options`` per model
    name. ``workers`` runs on a Dask ``LocalCluster`` of that many processes, ``scheduler``
    (``tcp://HOST:PORT``) or ``client`` on an existing cluster; the numbers are the same.
    Locally, ``threads`` chunks run at once (default: one per core, at most the number of
    chunks; 1: one chunk after another); the numbers are the same for every thread count.
    ``progress(done, total)`` is called after each chunk, from the calling thread.
    ``calibration`` (a :class:`~detente.uncertainty.Calibration`, e.g.
    ``calibrate_deu().calibration``) runs under its fitted noise (instead of ``jitter``) and
    recalibrates the quantiles, intervals and P(above) (split conformal, see
    :mod:`._calibrate`); mean, sd and the kept draws stay raw.
    """
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) or draws < 1:
        raise InputError(f"draws must be a whole number ≥ 1, got {draws!r}")
    if chunk < 1:
        raise InputError(f"chunk must be ≥ 1, got {chunk}")
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)) \
                or threads < 1:
            raise InputError(f"threads must be a whole number ≥ 1, got {threads!r}")
        if workers is not None or scheduler is not None or client is not None:
            raise InputError("threads is for the local run; on Dask give workers (each "
                             "worker runs its chunks)")
    check_above(scenario, above)
    for lv in levels:
        if not 0 < lv < 1:
            raise InputError(f"interval levels must be between 0 and 1, got {lv}")
    if calibration is not None:
        from detente.uncertainty._calibrate import Calibration

        if not isinstance(calibration, Calibration):
            raise InputError("calibration must be a Calibration (Calibration.load(path), or "
                             f"a calibration report's .calibration), got {calibration!r}")
        if jitter is not None:
            raise InputError("give jitter or calibration, not both: the recalibration was "
                             "fitted under the calibration's own noise")
        jitter = calibration.jitter
    jit = parse_jitter(jitter) if isinstance(jitter, str) or jitter is None else jitter
    entropy = _entropy(rng, seed)
    models = _resolve_models(scenario, model, options)
    space = InputSpace.of(scenario, jit)
    notes: list[str] = []
    if not space.inputs:
        notes.append("no uncertain input (no distribution in the scenario, no jitter): every "
                     "draw equals the point forecast, except for models with their own random "
                     "draws (crisis), whose spread is then their Monte Carlo noise alone")
    if space.crisis_inputs and any(m not in ("crisis",) for m, _ in models):
        notes.append("private positions, probabilities of prevailing and costs vary only the "
                     "crisis model's forecast")
    if calibration is not None:
        notes.append(f"calibrated: noise {calibration.jitter} and quantile recalibration "
                     f"fitted for the {calibration.model} model on the odd cases of "
                     f"{calibration.data or 'its data'}; quantiles, intervals and P(above) are "
                     "recalibrated, mean and sd are those of the raw draws")
    plan = Plan(space, models, int(draws), int(chunk), entropy, above, draws <= keep)
    t0 = time.perf_counter()
    backend, n_workers, n_threads = "local", 1, 1
    timing: dict[str, float] = {}
    if workers is not None or scheduler is not None or client is not None:
        from detente.uncertainty._dask import run_on_dask

        outs_iter, backend, n_workers = run_on_dask(plan, workers, scheduler, client, progress,
                                                    timing)
        merged = _merge(plan, outs_iter)
    else:
        n_threads = min(threads if threads is not None else (os.cpu_count() or 1),
                        plan.n_chunks)
        merged = _merge(plan, _local(plan, progress, n_threads))
    elapsed = time.perf_counter() - t0
    return _result(scenario, plan, merged, levels, jit, notes, backend, n_workers,
                   timing.get("startup", 0.0), elapsed, timing.get("shutdown", 0.0),
                   calibration, n_threads)


def _local(plan: Plan, progress: Progress | None, threads: int = 1) -> Any:
    """The chunks' results in chunk order; ``threads`` > 1: that many chunks in flight on a
    thread pool (the next one submitted once the oldest is handed on, so at most ``threads``
    chunks are alive). A chunk's EUM kernel runs on one thread while at least ``threads``
    chunks remain to start; the last ones, which end the run with cores to spare, split
    their rounds over the kernel's own threads (the numbers never depend on it)."""
    n = plan.n_chunks
    if threads <= 1:
        for i in range(n):
            yield run_chunk(plan, i)
            if progress is not None:
                progress(i + 1, n)
        return
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="detente-chunk")
    try:
        flight: deque[Any] = deque()
        nxt = 0
        while nxt < n and len(flight) < threads:
            flight.append(pool.submit(run_chunk, plan, nxt, 1 if n - nxt >= threads else None))
            nxt += 1
        done = 0
        while flight:
            out = flight.popleft().result()
            done += 1
            yield out
            del out
            if progress is not None:
                progress(done, n)
            if nxt < n:
                flight.append(pool.submit(run_chunk, plan, nxt,
                                          1 if n - nxt >= threads else None))
                nxt += 1
    finally:
        for f in flight:
            f.cancel()
        pool.shutdown(wait=True)


@dataclass
class _Merged:
    outcomes: dict[str, Stream] = field(default_factory=dict)
    halves: dict[str, list[Stream | None]] = field(default_factory=dict)
    episodes: dict[str, Stream] = field(default_factory=dict)
    kept: dict[str, list[np.ndarray]] = field(default_factory=dict)
    kept_episodes: dict[str, list[np.ndarray]] = field(default_factory=dict)


def _merge(plan: Plan, outs: Any) -> _Merged:
    """Merge chunk results in chunk order (a result arriving early waits for its turn)."""
    m = _Merged()
    pending: dict[int, ChunkOut] = {}
    nxt = 0
    half = plan.n_chunks // 2
    for out in outs:
        pending[out.index] = out
        while nxt in pending:
            o = pending.pop(nxt)
            for name, s in o.outcomes.items():
                m.outcomes[name] = m.outcomes[name].merge(s) if name in m.outcomes else s
                h = m.halves.setdefault(name, [None, None])
                side = 0 if nxt < half else 1
                prev = h[side]
                h[side] = s if prev is None else prev.merge(s)
            for name, s in o.episodes.items():
                m.episodes[name] = m.episodes[name].merge(s) if name in m.episodes else s
            for name, x in o.kept.items():
                m.kept.setdefault(name, []).append(x)
            for name, x in o.kept_episodes.items():
                m.kept_episodes.setdefault(name, []).append(x)
            nxt += 1
    if nxt != plan.n_chunks:
        raise RuntimeError(f"{plan.n_chunks - nxt} chunk(s) missing from the run")
    return m


def _quantiles(s: Stream, kept: np.ndarray | None, qs: Sequence[float]) -> dict[float, np.ndarray]:
    out: dict[float, np.ndarray] = {}
    for q in qs:
        if kept is not None:
            with np.errstate(invalid="ignore"):
                ok = np.isfinite(kept).any(axis=0)
                col = np.full(kept.shape[1], np.nan)
                if ok.any():
                    col[ok] = np.nanquantile(kept[:, ok], q, axis=0)
                out[q] = col
        else:
            out[q] = s.quantile(q)
    return out


def _result(scenario: Scenario, plan: Plan, m: _Merged, levels: Sequence[float], jit: Jitter,
            notes: list[str], backend: str, workers: int, startup: float,
            elapsed: float, shutdown: float = 0.0, calibration: Any = None,
            threads: int = 1) -> SimulationResult:
    from detente.collective import forecast

    qs = sorted({0.5, *(_round((1 - lv) / 2) for lv in levels),
                 *(_round(1 - (1 - lv) / 2) for lv in levels)})
    # the simulated quantile read for each nominal one: itself, or its recalibrated level
    at = {q: q if calibration is None else calibration.recalibration.level(q) for q in qs}
    raw_qs = sorted(set(at.values()))
    c = scenario.compile()
    width = c.scale_max - c.scale_min
    summaries = []
    for name, opts in plan.models:
        s = m.outcomes[name]
        kept = np.concatenate(m.kept[name]) if name in m.kept else None
        fc = forecast(scenario, name, rng=plan.entropy, **opts)
        a, b = m.halves[name]
        mcse = s.mcse
        ok = mcse <= TOLERANCE * width
        if a is not None and b is not None:
            with np.errstate(invalid="ignore", divide="ignore"):
                se = np.sqrt(a.mcse ** 2 + b.mcse ** 2)
                z = np.where(se > 0, np.abs(a.mean - b.mean) / np.where(se > 0, se, 1), 0.0)
            ok &= z < 3
        ok &= s.n > 0
        episode = None
        ep_draws = None
        if name in m.episodes:
            es = m.episodes[name]
            ep_draws = (np.concatenate(m.kept_episodes[name]) if name in m.kept_episodes
                        else None)
            eq = _quantiles(es, ep_draws, qs)
            episode = {kd: {"mean": float(es.mean[j]),
                            **{f"q{q:g}": float(eq[q][j]) for q in qs}}
                       for j, kd in enumerate(OUTCOME_KINDS)}
        raw = _quantiles(s, kept, raw_qs)
        p_above = s.p_above()
        if calibration is not None and p_above is not None:
            # P(Y > a) = 1 − R(F(a)), F(a) the share of draws at or below a, R = cdf
            p_above = np.where(np.isnan(p_above), np.nan,
                               1.0 - calibration.recalibration.cdf(1.0 - np.nan_to_num(p_above)))
        none = s.n == 0  # no draw gave a forecast (e.g. Nash without a status quo): no numbers
        summaries.append(ModelSummary(
            model=name, options=dict(opts), issue_ids=c.issue_ids,
            point=np.asarray(fc.outcomes, dtype=float), mean=np.where(none, np.nan, s.mean),
            sd=np.where(none, np.nan, s.sd), mcse=np.where(none, np.nan, mcse),
            quantiles={q: raw[at[q]] for q in qs}, p_above=p_above,
            converged=ok, n=s.n.copy(), draws=kept, episode=episode,
            episode_draws=ep_draws,
            point_episode=dict(fc.episode) if fc.episode is not None else None,
        ))
    return SimulationResult(
        scenario=scenario.name, issue_ids=c.issue_ids, scale_min=c.scale_min,
        scale_max=c.scale_max, draws=plan.draws, seed=plan.entropy, chunk=plan.chunk,
        levels=tuple(levels), above=plan.above, jitter=jit.text, inputs=plan.space.names,
        models=tuple(summaries), backend=backend, workers=workers, threads=threads,
        startup_s=startup,
        elapsed_s=elapsed, shutdown_s=shutdown, notes=tuple(notes), calibration=calibration,
        issue_names={i.id: i.label for i in scenario.issues})
