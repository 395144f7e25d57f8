"""Calibrated intervals: do the simulated intervals mean what they say?

The noise model has three settings: the standard deviation ``σ`` (in points of a 0–100 scale,
i.e. ``σ/100`` of each issue's width) of a normal around every stated position; whether it is
truncated to the scale or censored there (values beyond an end sit at the end, as outcomes
often do); and the correlation ``ρ`` of the noise among the positions on one issue (a Gaussian
copula: independent coding errors average out in a model that weighs many actors, a shared
error does not). On the *odd* cases (DEU III: odd proposal number ``prnrnmc``; the case bank:
odd place in name order) they are chosen from a grid to bring the coverage of the central
50 % and 90 % intervals of the simulated forecasts closest to nominal (the sum of the two
gaps). On the *even* cases, untouched by the fit, the report gives the coverage of both
intervals, the continuous ranked probability score (CRPS, from the draws) and, beside it, the
mean absolute error of the point forecast — both in points of a 0–100 scale. For one forecast
the CRPS equals the absolute error of a point forecast; a spread that is right lowers it.

Draws use common random numbers across the grid (the same uniforms for every setting), so the
fit is smooth and reproducible from the seed.

One noise scale cannot bring both intervals to nominal on DEU III (the 50 % interval covers
53 %, the 90 % only 83 %): the shape of the predictive distribution is wrong (tails too light),
not only its width. The fit therefore adds **quantile recalibration** (Kuleshov, Fenner & Ermon
2018, "Accurate uncertainties for deep learning using calibrated regression", ICML, §3): on the
odd cases, at the fitted noise, the probability integral transform ``p_t = F_t(y_t)`` of each
outcome under its forecast's draws (randomized where draws tie with the outcome, as at a
censored end: Czado, Gneiting & Held 2009, Biometrics 65) gives the map ``R(p)`` = the share of
fit outcomes with ``p_t ≤ p`` — the isotonic regression of that share on ``p``, which is
already monotone, so the pool-adjacent-violators step leaves it unchanged — taken at the
plotting positions ``i / (T + 1)`` and linear in between. The recalibrated forecast's quantile
at probability ``τ`` is the simulated quantile at ``R⁻¹(τ)``: its central 90 % interval runs
from the ``R⁻¹(0.05)`` to the ``R⁻¹(0.95)`` quantile of the draws. :class:`Calibration` holds the
noise and ``R``; :func:`detente.uncertainty.simulate` applies it (``calibration=``).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.scenario import Scenario
from detente.uncertainty._inputs import InputSpace, Jitter, parse_jitter
from detente.uncertainty._models import run_batch

__all__ = ["GRID", "Calibration", "CalibrationReport", "Recalibration", "calibrate",
           "calibrate_cases", "calibrate_deu", "coverage", "crps", "pit"]

GRID: tuple[float, ...] = (0.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0, 130.0)
"""Candidate position noise σ, in points of a 0–100 scale."""
COMMON: tuple[float, ...] = (0.0, 0.5, 0.8, 0.9, 0.95)
"""Candidate correlations ρ of the position noise on one issue (see :class:`Jitter`)."""

DEU_PATH = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "cases" / \
    "deu3" / "deu3.csv"


def crps(draws: np.ndarray, y: float) -> float:
    """The CRPS of the sample ``draws`` as a forecast of ``y``: ``E|X − y| − ½ E|X − X'|``."""
    x = np.sort(np.asarray(draws, dtype=float))
    n = len(x)
    if n == 0:
        return math.nan
    first = float(np.mean(np.abs(x - y)))
    i = np.arange(1, n + 1)
    spread = float(2.0 * np.sum((2 * i - n - 1) * x) / (n * n))
    return first - 0.5 * spread


def coverage(draws: np.ndarray, y: np.ndarray, level: float,
             recalibration: Recalibration | None = None) -> float:
    """Share of the columns of ``draws`` ``(D, m)`` whose central ``level`` interval holds
    ``y`` ``(m,)`` (the bounds count as inside); with ``recalibration``, the recalibrated
    interval (the draws' quantiles at ``R⁻¹((1 ∓ level) / 2)``)."""
    a, b = (1 - level) / 2, 1 - (1 - level) / 2
    if recalibration is not None:
        a, b = recalibration.level(a), recalibration.level(b)
    lo = np.quantile(draws, a, axis=0)
    hi = np.quantile(draws, b, axis=0)
    return float(np.mean((y >= lo - 1e-9) & (y <= hi + 1e-9)))


def pit(draws: np.ndarray, y: float, u: float) -> float:
    """The probability integral transform of ``y`` under the sample ``draws``, randomized
    over any draws equal to ``y`` by the uniform ``u`` (Czado, Gneiting & Held 2009):
    ``F(y−) + u (F(y) − F(y−))``."""
    x = np.asarray(draws, dtype=float)
    below = float(np.mean(x < y))
    at_or_below = float(np.mean(x <= y))
    return below + u * (at_or_below - below)


@dataclass(frozen=True)
class Recalibration:
    """Quantile recalibration of a predictive distribution (Kuleshov, Fenner & Ermon 2018):
    ``R(p)`` = the share of the fit outcomes whose PIT is at most ``p``, at the plotting
    positions ``i / (T + 1)`` of the sorted PITs ``pits`` (with ``R(0) = 0``, ``R(1) = 1``)
    and linear in between. The identity when the PITs are uniform."""

    pits: tuple[float, ...]

    def __post_init__(self) -> None:
        p = np.asarray(self.pits, dtype=float)
        if p.ndim != 1 or len(p) == 0 or not np.all(np.isfinite(p)) or \
                np.any((p < 0) | (p > 1)) or np.any(np.diff(p) < 0):
            raise InputError("a recalibration needs sorted PIT values in [0, 1]")

    @classmethod
    def fit(cls, pits: Sequence[float] | np.ndarray) -> Recalibration:
        """The map fitted on these PIT values (one per fit outcome)."""
        return cls(tuple(float(v) for v in np.sort(np.asarray(pits, dtype=float))))

    def _knots(self) -> tuple[np.ndarray, np.ndarray]:
        t = len(self.pits)
        x = np.concatenate([[0.0], self.pits, [1.0]])
        y = np.concatenate([[0.0], np.arange(1, t + 1) / (t + 1), [1.0]])
        return x, y

    def cdf(self, p: float | np.ndarray) -> Any:
        """``R(p)``: the probability that the outcome's PIT is at most ``p``."""
        x, y = self._knots()
        return np.interp(p, x, y)

    def level(self, tau: float | np.ndarray) -> Any:
        """``R⁻¹(τ)``: the probability at which the simulated quantile is the recalibrated
        ``τ`` quantile."""
        x, y = self._knots()
        out = np.interp(tau, y, x)
        return float(out) if np.ndim(out) == 0 else out


@dataclass(frozen=True)
class Calibration:
    """A fitted calibration: the input noise (:attr:`jitter`) and the quantile
    recalibration of the forecasts it gives (:attr:`recalibration`), fitted for ``model`` on
    the odd cases of ``data``. :func:`~detente.uncertainty.simulate` (``calibration=``) runs
    under the noise and reports recalibrated quantiles, intervals and P(above)."""

    jitter: str
    recalibration: Recalibration
    model: str = "compromise"
    data: str = ""

    def __post_init__(self) -> None:
        parse_jitter(self.jitter)  # an InputError on bad text

    def as_dict(self) -> dict[str, Any]:
        return {"jitter": self.jitter, "model": self.model, "data": self.data,
                "recalibration": {"method": "quantile (Kuleshov, Fenner & Ermon 2018)",
                                  "pit": list(self.recalibration.pits)}}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "calibration") -> Calibration:
        """From :meth:`as_dict`, or from the JSON of ``detente calibrate -f json`` (which
        holds it under ``calibration``)."""
        if isinstance(d, Mapping) and isinstance(d.get("calibration"), Mapping):
            d = d["calibration"]
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: expected a JSON object")
        rec = d.get("recalibration")
        if not isinstance(d.get("jitter"), str) or not isinstance(rec, Mapping) or \
                not isinstance(rec.get("pit"), list):
            raise InputError(f"{where}: expected the fields jitter (text) and recalibration.pit "
                             "(a list of numbers), as `detente calibrate -f json` writes them")
        try:
            pits = tuple(float(v) for v in rec["pit"])
        except (TypeError, ValueError):
            raise InputError(f"{where}: recalibration.pit must be numbers") from None
        try:
            return cls(d["jitter"], Recalibration(pits), str(d.get("model", "compromise")),
                       str(d.get("data", "")))
        except InputError as e:
            raise InputError(f"{where}: {e}") from None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Calibration:
        """Read a calibration file (``detente calibrate --save FILE``, or its ``-f json``)."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{p}: cannot read the calibration file ({e.strerror})") from None
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{p}, line {e.lineno}: not JSON ({e.msg})") from None
        return cls.from_dict(d, str(p))


@dataclass(frozen=True)
class CalibrationReport:
    """The fit (``scale``: σ in points of 0–100) and the held-out figures."""

    data: str
    model: str
    draws: int
    seed: int
    n_fit: int
    n_test: int
    scale: float
    common: float
    censor: bool
    coverage50: float
    coverage90: float
    crps: float
    mae: float
    fit_coverage50: float
    fit_coverage90: float
    grid: tuple[tuple[float, float, bool, float, float], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    recalibration: Recalibration | None = None
    """Fitted on the odd cases at the fitted noise (see the module docstring)."""
    recalibrated_coverage50: float = math.nan
    recalibrated_coverage90: float = math.nan
    recalibrated_crps: float = math.nan

    @property
    def calibration(self) -> Calibration:
        """The fitted noise and recalibration, for :func:`~detente.uncertainty.simulate`."""
        if self.recalibration is None:
            raise InputError("this report has no recalibration")
        return Calibration(self.jitter, self.recalibration, self.model, self.data)

    @property
    def jitter(self) -> str:
        return (f"position={self.scale:g}%" + (",censor=1" if self.censor else "")
                + (f",common={self.common:g}" if self.common else ""))

    def as_dict(self) -> dict[str, Any]:
        return {
            "data": self.data, "model": self.model, "draws": self.draws, "seed": self.seed,
            "fit_cases": self.n_fit, "test_cases": self.n_test, "scale": self.scale,
            "common": self.common, "censor": self.censor,
            "jitter": self.jitter,
            "test": {"coverage50": self.coverage50, "coverage90": self.coverage90,
                     "crps": self.crps, "mae": self.mae},
            "fit": {"coverage50": self.fit_coverage50, "coverage90": self.fit_coverage90},
            "grid": [{"scale": s, "common": r, "censor": c, "coverage50": a, "coverage90": b}
                     for s, r, c, a, b in self.grid],
            "notes": list(self.notes),
            **({} if self.recalibration is None else {
                "recalibrated": {"coverage50": self.recalibrated_coverage50,
                                 "coverage90": self.recalibrated_coverage90,
                                 "crps": self.recalibrated_crps},
                "calibration": self.calibration.as_dict()}),
        }


@dataclass
class _Prepared:
    """One issue of one case: its draws' uniforms and what happened."""

    scenario: Scenario
    issue: int
    observed: float
    lo: float
    hi: float
    point: float


def _units(sc: Scenario, k: int) -> float:
    iss = sc.issues[k]
    return 100.0 / (iss.scale_max - iss.scale_min)


def _draws(sc: Scenario, model: str, opts: dict[str, Any], sigma: float, rho: float,
           censor: bool, u: np.ndarray, shared: np.ndarray, rng_seed: int) -> np.ndarray:
    """Forecasts ``(D, n_issues)`` with position noise ``σ`` % of each scale, correlation
    ``ρ``, at uniforms ``u`` ``(D, n_stances)`` and shared normals ``(D, n_issues)``."""
    space = InputSpace.of(sc, Jitter(position=sigma / 100.0, relative=("position",),
                                     censor=censor, common=rho))
    if not space.inputs:  # σ = 0: every draw the point forecast
        space = InputSpace(sc, (), Jitter())
        values = np.zeros((u.shape[0], 0))
    else:
        uu = u[:, : len(space.inputs)]
        if rho > 0:
            uu = space.copula(uu, shared)
        values = space.values(uu)
    y, _ = run_batch(model, opts, space.arrays(values), space, values,
                     np.random.default_rng(rng_seed))
    return y


def calibrate(
    fit: Sequence[tuple[Scenario, dict[str, float]]],
    test: Sequence[tuple[Scenario, dict[str, float]]],
    model: str = "compromise",
    *,
    draws: int = 400,
    seed: int = 0,
    grid: Sequence[float] = GRID,
    common: Sequence[float] = COMMON,
    data: str = "cases",
    options: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CalibrationReport:
    """Fit the noise scale on ``fit`` and report on ``test`` (pairs of a scenario and its
    observed value per issue id)."""
    from detente.collective import forecast, get_model

    if draws < 10:
        raise InputError(f"draws must be ≥ 10 for intervals, got {draws}")
    if not fit or not test:
        raise InputError("calibration needs cases with observed outcomes to fit and to test")
    opts = get_model(model).resolve(dict(options or {}))
    total = (1 + (len(grid) - 1) * len(common) * 2) * len(fit) + len(test)
    done = 0
    ss = np.random.SeedSequence(seed)

    def run(cases: Sequence[tuple[Scenario, dict[str, float]]], sigma: float, rho: float,
            censor: bool, tag: int) -> tuple[list[np.ndarray], list[float], list[float]]:
        nonlocal done
        out_d, out_y, out_w = [], [], []
        for c_i, (sc, obs) in enumerate(cases):
            child = np.random.SeedSequence(ss.entropy, spawn_key=(tag, c_i))
            g = np.random.default_rng(child)
            u = g.random((draws, max(1, len(sc.stances))))
            shared = g.standard_normal((draws, len(sc.issues)))
            y = _draws(sc, model, opts, sigma, rho, censor, u, shared, seed)
            for k, iss in enumerate(sc.issue_ids):
                if iss in obs and np.isfinite(y[:, k]).all():
                    f = _units(sc, k)
                    out_d.append((y[:, k] - sc.issues[k].scale_min) * f)
                    out_y.append((obs[iss] - sc.issues[k].scale_min) * f)
                    out_w.append(f)
            done += 1
            if progress is not None:
                progress(done, total)
        return out_d, out_y, out_w

    table = []
    best: tuple[float, float, float, bool, float, float] | None = None
    best_fit: tuple[np.ndarray, np.ndarray] | None = None
    for sigma in grid:
        for rho in common if sigma > 0 else (0.0,):
            for censor in (False, True) if sigma > 0 else (False,):
                d, y, _ = run(fit, sigma, rho, censor, 0)
                if not d:
                    raise InputError("no fit case has an observed outcome the model forecasts")
                m = np.column_stack(d)
                yy = np.asarray(y)
                c50, c90 = coverage(m, yy, 0.5), coverage(m, yy, 0.9)
                table.append((float(sigma), float(rho), censor, c50, c90))
                gap = abs(c50 - 0.5) + abs(c90 - 0.9)
                if best is None or gap < best[0] - 1e-12:
                    best = (gap, float(sigma), float(rho), censor, c50, c90)
                    best_fit = (m, yy)
    assert best is not None and best_fit is not None
    _, sigma, rho, censor, f50, f90 = best
    # quantile recalibration, on the fit cases alone: their PITs at the fitted noise
    fm, fy = best_fit
    u = np.random.default_rng(np.random.SeedSequence(ss.entropy, spawn_key=(2,))).random(
        len(fy))
    recal = Recalibration.fit([pit(fm[:, j], float(fy[j]), float(u[j]))
                               for j in range(len(fy))])
    d, y, _ = run(test, sigma, rho, censor, 1)
    if not d:
        raise InputError("no test case has an observed outcome the model forecasts")
    m = np.column_stack(d)
    yy = np.asarray(y)
    scores = [crps(m[:, j], yy[j]) for j in range(m.shape[1])]
    # the recalibrated forecast's sample: the draws' quantiles at R⁻¹ of evenly spaced levels
    rq = np.quantile(m, recal.level((np.arange(draws) + 0.5) / draws), axis=0)
    rec_scores = [crps(rq[:, j], yy[j]) for j in range(m.shape[1])]
    errs = []
    for sc, obs in test:
        fc = forecast(sc, model, rng=seed, **opts)
        for k, iss in enumerate(sc.issue_ids):
            if iss in obs and np.isfinite(fc.outcomes[k]):
                errs.append(abs(float(fc.outcomes[k]) - obs[iss]) * _units(sc, k))
    notes = []
    if sigma == grid[-1] or (sigma == grid[0] and len(grid) > 1):
        notes.append(f"the fitted scale {sigma:g} is at the edge of the grid")
    n_fit_issues = sum(len(o) for _, o in fit)
    return CalibrationReport(
        data=data, model=model, draws=draws, seed=seed, n_fit=len(fit), n_test=len(test),
        scale=sigma, common=rho, censor=censor, coverage50=coverage(m, yy, 0.5),
        coverage90=coverage(m, yy, 0.9),
        crps=float(np.mean(scores)), mae=float(np.mean(errs)) if errs else math.nan,
        fit_coverage50=f50, fit_coverage90=f90, grid=tuple(table),
        notes=tuple(notes) + (f"{n_fit_issues} fit issue(s), {m.shape[1]} test issue(s)",),
        recalibration=recal, recalibrated_coverage50=coverage(m, yy, 0.5, recal),
        recalibrated_coverage90=coverage(m, yy, 0.9, recal),
        recalibrated_crps=float(np.mean(rec_scores)),
    )


def calibrate_deu(model: str = "compromise", *, path: str | os.PathLike[str] | None = None,
                  draws: int = 400, seed: int = 0, grid: Sequence[float] = GRID,
                  progress: Callable[[int, int], None] | None = None) -> CalibrationReport:
    """:func:`calibrate` on DEU III: fit on odd proposals, report on even ones."""
    from detente.scenario import read_deu

    p = Path(path) if path is not None else DEU_PATH
    if not p.is_file():
        raise InputError(f"{p}: no DEU III file; give its path with --path")
    data = read_deu(p).scored()
    fit = [(c.scenario, c.observed) for c in data.subset("odd")]
    test = [(c.scenario, c.observed) for c in data.subset("even")]
    return calibrate(fit, test, model, draws=draws, seed=seed, grid=grid, data="DEU III",
                     progress=progress)


def calibrate_cases(model: str = "compromise", *, draws: int = 400, seed: int = 0,
                    grid: Sequence[float] = GRID,
                    progress: Callable[[int, int], None] | None = None) -> CalibrationReport:
    """:func:`calibrate` on the case bank: fit on the odd cases in name order (1st, 3rd, …),
    report on the even ones."""
    from detente.cases import load_bank

    bank = [(sc, sc.observed) for sc in load_bank() if sc.observed]
    fit = bank[0::2]
    test = bank[1::2]
    return calibrate(fit, test, model, draws=draws, seed=seed, grid=grid, data="case bank",
                     progress=progress)
