"""Scoring a model against observed outcomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.collective._budget import check_work
from detente.collective._eum import eum_outcomes
from detente.collective._registry import _REGISTRY, ModelSpec, forecast_many, get_model
from detente.errors import InputError
from detente.scenario import Dataset
from detente.scenario._dataset import StackedCases

__all__ = ["Evaluation", "evaluate", "model_spec"]


@dataclass(frozen=True)
class Evaluation:
    """Absolute errors of a model's forecasts against observed outcomes (on the data's scale)."""

    model: str
    dataset: str
    n: int
    mae: float
    median_ae: float
    errors: np.ndarray
    skipped: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "n": self.n,
            "mae": self.mae,
            "median_ae": self.median_ae,
        }


def evaluate(dataset: Dataset, model: str = "compromise", **options: Any) -> Evaluation:
    """Forecast every scored issue of ``dataset`` with ``model``; mean and median absolute error.

    Issues where the model gives no forecast (e.g. Nash without a status quo) are counted in
    ``skipped`` and left out of the figures. A model that forecasts straight from stacked
    rows (``eum``) runs on the file's arrays (:meth:`Dataset.stacked`), with the same numbers.
    """
    if not isinstance(dataset, Dataset):
        raise InputError(
            f"evaluate needs a Dataset of scored cases (detente.scenario.read_deu(path)), got "
            f"{type(dataset).__name__}; for scenarios with observed outcomes (and episodes) use "
            f"detente.evaluation.evaluate(scenarios, model)")
    data = dataset.scored()
    outcomes = _FROM_ROWS.get(model)
    stacked = data.stacked() if outcomes is not None else None
    if outcomes is not None and stacked is not None:
        return _from_rows(data.name, stacked, model, outcomes, options)
    cases = data.cases
    forecasts = forecast_many([c.scenario for c in cases], model, **options)
    errs = []
    skipped = 0
    for case, fc in zip(cases, forecasts, strict=True):
        for issue_id, obs in case.observed.items():
            pred = fc.outcome(issue_id)
            if np.isnan(pred):
                skipped += 1
            else:
                errs.append(abs(pred - obs))
    e = np.asarray(errs, dtype=float)
    mae = float(e.mean()) if e.size else float("nan")
    med = _median(e) if e.size else float("nan")
    return Evaluation(model, dataset.name, int(e.size), mae, med, e, skipped)


def model_spec(name: str) -> ModelSpec:
    """The registered model ``name``: the models of :mod:`detente.collective` (registered on
    import) without importing the others (:func:`get_model` imports every model first, to
    list them all when ``name`` is unknown)."""
    spec = _REGISTRY.get(name)
    return spec if spec is not None else get_model(name)


def _median(e: np.ndarray) -> float:
    """``numpy.median`` of a non-empty array without NaN, the same number (the middle value,
    or the mean of the two middle ones), without the import of ``numpy.ma`` it brings."""
    s = np.sort(e)
    h = s.size // 2
    return float(s[h]) if s.size % 2 else float((s[h - 1] + s[h]) / 2.0)


_FROM_ROWS: dict[str, Callable[..., np.ndarray]] = {"eum": eum_outcomes}
"""Models whose forecasts of many issues come straight from :class:`StackedCases`."""


def _from_rows(
    name: str, rows: StackedCases, model: str, outcomes: Callable[..., np.ndarray],
    options: dict[str, Any],
) -> Evaluation:
    """:func:`evaluate` on stacked rows: the same checks (options, work), forecasts and
    errors, in the same order, as forecasting each case's scenario."""
    opts = model_spec(model).resolve(options)
    for n_actors, n_issues in zip(rows.n_actors.tolist(), rows.n_issues.tolist(), strict=True):
        check_work(model, n_actors, n_issues, opts)
    pred = outcomes(rows, **opts)
    scored = ~np.isnan(rows.observed)
    p, o = pred[scored], rows.observed[scored]
    missing = np.isnan(p)
    e = np.abs(p[~missing] - o[~missing])
    mae = float(e.mean()) if e.size else float("nan")
    med = _median(e) if e.size else float("nan")
    return Evaluation(model, name, int(e.size), mae, med, e, int(missing.sum()))
