"""Calibrated intervals: do the simulated intervals mean what they say?

The noise model has three settings: the standard deviation ``σ`` (in points of a 0–100 scale,
i.e. ``σ/100`` of each issue's width) of a normal around every stated position; whether it is
truncated to the scale or censored there (values beyond an end sit at the end, as outcomes often
do); and the correlation ``ρ`` of the noise among the positions on one issue (a Gaussian copula:
independent coding errors average out in a model that weighs many actors, a shared error does
not). On the *odd* cases (DEU III: odd proposal number ``prnrnmc``; the case bank: odd place in
name order, or odd ``as_of`` year) they are chosen from a grid to bring the coverage of the
central 50 % and 90 % intervals of the simulated forecasts closest to nominal (the sum of the
two gaps). On the *even* cases, untouched by the fit, the report gives the coverage of both
intervals, the continuous ranked probability score (CRPS, from the draws) and, beside it, the
mean absolute error of the point forecast — both in points of a 0–100 scale. For one forecast
the CRPS equals the absolute error of a point forecast; a spread that is right lowers it.

Draws use common random numbers across the grid (the same uniforms for every setting), so the
fit is smooth and reproducible from the seed.

One noise scale cannot bring both intervals to nominal on DEU III (the 50 % interval covers
53 %, the 90 % only 83 %): the shape of the predictive distribution is wrong, not only its
width. The fit therefore adds a **recalibration of the central intervals** by split conformal
prediction over nested sets (Vovk, Gammerman & Shafer 2005, *Algorithmic Learning in a Random
World*, ch. 4; Lei et al. 2018, "Distribution-free predictive inference for regression", JASA
113; nested sets: Gupta, Kuchibhotla & Ramdas 2022, "Nested conformal prediction and quantile
out-of-bag ensemble methods", Pattern Recognition 127). The simulated central intervals are
nested in their level ℓ; each *odd* case's outcome gets the score ``s`` = the smallest ℓ whose
interval holds it (:func:`conformity`; above 1 when it lies beyond every draw). The
recalibrated interval of nominal level ``L`` is the simulated one at ℓ = the ``⌈(T + 1) L⌉``-th
smallest of the ``T`` fit scores (capped at 1): for exchangeable cases it covers at least ``L``
of new outcomes, and at most ``L + 1/(T + 1)`` when scores do not tie. Mapping each quantile
probability ``q`` to the simulated one at ``½ ∓ ℓ(|1 − 2q|)/2`` gives the whole recalibrated
quantile function (median unchanged), from which the CRPS is computed.

Quantile recalibration of the PIT (Kuleshov, Fenner & Ermon 2018, ICML) was tried first and
fails here: many DEU outcomes sit at an end of the scale, where the censored draws have a point
mass, so an interval reaching the end covers all of them whatever the PIT says (held-out: 43 %
and 98 % for 50 % and 90 %). The conformal scores count coverage exactly as it is measured.
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

from detente._limits import read_text
from detente.errors import InputError
from detente.scenario import Scenario
from detente.uncertainty._inputs import InputSpace, Jitter, parse_jitter
from detente.uncertainty._models import run_batch

__all__ = ["GRID", "OUTSIDE", "Calibration", "CalibrationReport", "Recalibration", "calibrate",
           "calibrate_cases", "calibrate_deu", "conformity", "coverage", "crps"]

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
    interval (the simulated central interval at :meth:`Recalibration.interval_level`)."""
    if recalibration is not None:
        level = recalibration.interval_level(level)
    a, b = (1 - level) / 2, 1 - (1 - level) / 2
    lo = np.quantile(draws, a, axis=0)
    hi = np.quantile(draws, b, axis=0)
    return float(np.mean((y >= lo - 1e-9) & (y <= hi + 1e-9)))


OUTSIDE = 2.0
"""The conformity score of an outcome beyond every draw (no central interval holds it)."""


def conformity(draws: np.ndarray, y: float) -> float:
    """The smallest level ℓ whose central interval ``[Q((1 − ℓ)/2), Q((1 + ℓ)/2)]`` of the
    sample ``draws`` (``Q``: ``numpy.quantile``, linear) holds ``y``; :data:`OUTSIDE` when
    ``y`` is below the least or above the greatest draw."""
    x = np.sort(np.asarray(draws, dtype=float))
    n = len(x)
    if n == 0 or y < x[0] or y > x[-1]:
        return OUTSIDE
    if n == 1:
        return 0.0
    j = int(np.searchsorted(x, y, side="right"))  # x[j-1] <= y < x[j]
    a = 1.0 if j == n else ((j - 1) + (y - x[j - 1]) / (x[j] - x[j - 1])) / (n - 1)
    i = int(np.searchsorted(x, y, side="left"))  # x[i-1] < y <= x[i]
    b = 0.0 if i == 0 else ((i - 1) + (y - x[i - 1]) / (x[i] - x[i - 1])) / (n - 1)
    return float(max(1.0 - 2.0 * a, 2.0 * b - 1.0, 0.0))


@dataclass(frozen=True)
class Recalibration:
    """Split conformal recalibration of nested central intervals (see the module docstring):
    the sorted conformity scores of the fit outcomes. :meth:`interval_level` maps a nominal
    level to the simulated one; :meth:`level` a quantile probability to the simulated one;
    :meth:`cdf` the other way (a step function)."""

    scores: tuple[float, ...]

    def __post_init__(self) -> None:
        p = np.asarray(self.scores, dtype=float)
        if p.ndim != 1 or len(p) == 0 or not np.all(np.isfinite(p)) or \
                np.any((p < 0) | (p > OUTSIDE)) or np.any(np.diff(p) < 0):
            raise InputError(f"a recalibration needs sorted conformity scores in [0, "
                             f"{OUTSIDE:g}]")

    @classmethod
    def fit(cls, scores: Sequence[float] | np.ndarray) -> Recalibration:
        """The recalibration fitted on these scores (one per fit outcome)."""
        return cls(tuple(float(v) for v in np.sort(np.asarray(scores, dtype=float))))

    def interval_level(self, level: float) -> float:
        """The simulated central level whose interval is the recalibrated ``level`` one."""
        if level <= 0:
            return 0.0
        t = len(self.scores)
        k = math.ceil((t + 1) * level - 1e-9)
        return 1.0 if k > t else min(self.scores[k - 1], 1.0)

    def level(self, q: float | np.ndarray) -> Any:
        """The simulated quantile probability read for the recalibrated ``q``."""
        qq = np.asarray(q, dtype=float)
        ell = np.vectorize(self.interval_level, otypes=[float])(np.abs(1.0 - 2.0 * qq))
        out = np.where(qq < 0.5, 0.5 - ell / 2, 0.5 + ell / 2)
        return float(out) if np.ndim(out) == 0 else out

    def cdf(self, p: float | np.ndarray) -> Any:
        """The recalibrated probability at the simulated one ``p`` (the inverse of
        :meth:`level`): ``½ ∓ G(|1 − 2p|)/2``, ``G(ℓ)`` the share of fit scores ≤ ℓ
        over ``T + 1``."""
        pp = np.asarray(p, dtype=float)
        s = np.asarray(self.scores)
        g = np.searchsorted(s, np.abs(1.0 - 2.0 * pp) + 1e-12, side="right") / (len(s) + 1)
        out = np.where(pp < 0.5, 0.5 - g / 2, 0.5 + g / 2)
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
                "recalibration": {"method": "split conformal, nested central intervals",
                                  "scores": list(self.recalibration.scores)}}

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
                not isinstance(rec.get("scores"), list):
            raise InputError(f"{where}: expected the fields jitter (text) and "
                             "recalibration.scores (a list of numbers), as `detente calibrate "
                             "--save` writes them")
        try:
            scores = tuple(float(v) for v in rec["scores"])
        except (TypeError, ValueError):
            raise InputError(f"{where}: recalibration.scores must be numbers") from None
        try:
            return cls(d["jitter"], Recalibration(scores), str(d.get("model", "compromise")),
                       str(d.get("data", "")))
        except InputError as e:
            raise InputError(f"{where}: {e}") from None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Calibration:
        """Read a calibration file (``detente calibrate --save FILE``, or its ``-f json``)."""
        p = Path(path)
        text = read_text(p, what="a calibration file (JSON, from `detente calibrate --save`)")
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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CalibrationReport:
        """The report :meth:`as_dict` gave (e.g. a stored fit); JSON floats round-trip exactly,
        so the result equals the fitted report."""
        try:
            rec = d.get("calibration")
            recal = None if rec is None else Calibration.from_dict(rec).recalibration
            again = d.get("recalibrated", {})
            return cls(
                data=str(d["data"]), model=str(d["model"]), draws=int(d["draws"]),
                seed=int(d["seed"]), n_fit=int(d["fit_cases"]), n_test=int(d["test_cases"]),
                scale=float(d["scale"]), common=float(d["common"]), censor=bool(d["censor"]),
                coverage50=float(d["test"]["coverage50"]),
                coverage90=float(d["test"]["coverage90"]),
                crps=float(d["test"]["crps"]), mae=float(d["test"]["mae"]),
                fit_coverage50=float(d["fit"]["coverage50"]),
                fit_coverage90=float(d["fit"]["coverage90"]),
                grid=tuple((float(g["scale"]), float(g["common"]), bool(g["censor"]),
                            float(g["coverage50"]), float(g["coverage90"]))
                           for g in d["grid"]),
                notes=tuple(str(n) for n in d["notes"]), recalibration=recal,
                recalibrated_coverage50=float(again.get("coverage50", math.nan)),
                recalibrated_coverage90=float(again.get("coverage90", math.nan)),
                recalibrated_crps=float(again.get("crps", math.nan)))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise InputError(f"not a calibration report (as_dict): {e!r}") from None


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


def _check_cases(cases: Any, name: str) -> None:
    """Each case a pair (scenario, {issue id: observed value}), the values finite numbers on
    issues of the scenario."""
    if isinstance(cases, (str, bytes)) or not isinstance(cases, Sequence):
        raise InputError(f"{name}: expected a list of (scenario, {{issue: observed}}) pairs, got "
                         f"{type(cases).__name__}")
    for k, case in enumerate(cases):
        if not (isinstance(case, (tuple, list)) and len(case) == 2
                and isinstance(case[0], Scenario) and isinstance(case[1], Mapping)):
            raise InputError(f"{name}[{k}]: expected a pair (scenario, {{issue: observed}}), "
                             f"got {type(case).__name__}")
        sc, obs = case
        for iid, value in obs.items():
            if iid not in sc.issue_ids:
                raise InputError(f"{name}[{k}]: no issue '{iid}' in scenario '{sc.name}'; its "
                                 f"issues: {', '.join(sc.issue_ids)}")
            if (isinstance(value, bool)
                    or not isinstance(value, (int, float, np.integer, np.floating))
                    or not math.isfinite(value)):
                raise InputError(f"{name}[{k}]: the observed value of issue '{iid}' must be a "
                                 f"finite number, got {value!r}")


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
    _check_cases(fit, "fit")
    _check_cases(test, "test")
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
    # recalibration, on the fit cases alone: their conformity scores at the fitted noise
    fm, fy = best_fit
    recal = Recalibration.fit([conformity(fm[:, j], float(fy[j])) for j in range(len(fy))])
    d, y, _ = run(test, sigma, rho, censor, 1)
    if not d:
        raise InputError("no test case has an observed outcome the model forecasts")
    m = np.column_stack(d)
    yy = np.asarray(y)
    scores = [crps(m[:, j], yy[j]) for j in range(m.shape[1])]
    # the recalibrated forecast's sample: the draws' quantiles read for evenly spaced levels
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
                    grid: Sequence[float] = GRID, split: str = "name",
                    progress: Callable[[int, int], None] | None = None) -> CalibrationReport:
    """:func:`calibrate` on the case bank: fit on the odd cases, report on the even ones.
    ``split="name"``: odd and even places in name order (1st, 3rd, …; the case report's fit);
    ``"year"``: odd and even ``as_of`` years (:func:`detente.evaluation.subset`, the split the
    other tuned parts of detente use)."""
    from detente.cases import load_bank

    bank = [sc for sc in load_bank() if sc.observed]
    if split == "name":
        fit_sc, test_sc = bank[0::2], bank[1::2]
        data = "case bank"
    elif split == "year":
        from detente.evaluation import subset

        fit_sc, test_sc = subset(bank, "odd"), subset(bank, "even")
        data = "case bank (odd/even years)"
    else:
        raise InputError(f"split must be 'name' or 'year', got {split!r}")
    return calibrate([(sc, sc.observed) for sc in fit_sc], [(sc, sc.observed) for sc in test_sc],
                     model, draws=draws, seed=seed, grid=grid, data=data, progress=progress)
