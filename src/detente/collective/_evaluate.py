"""Scoring a model against observed outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.collective._registry import forecast_many
from detente.scenario import Dataset

__all__ = ["Evaluation", "evaluate"]


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
    ``skipped`` and left out of the figures.
    """
    cases = dataset.scored().cases
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
    med = float(np.median(e)) if e.size else float("nan")
    return Evaluation(model, dataset.name, int(e.size), mae, med, e, skipped)
