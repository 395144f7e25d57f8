"""Forecasts against what happened: the case bank and DEU III, baselines, errors, Brier scores.

``evaluate(cases, models)`` scores every model on scenarios with observed outcomes, the
status-quo baseline and the compromise model always beside them; ``evaluate_dataset`` is the
single-model DEU III scoring of :mod:`detente.collective` (unchanged).
"""

from detente.collective._evaluate import Evaluation
from detente.collective._evaluate import evaluate as evaluate_dataset
from detente.evaluation._score import (
    BASE_RATE,
    BASELINES,
    Comparison,
    EpisodeScore,
    EvaluationReport,
    IssueScore,
    ModelScore,
    base_rate,
    brier_escalation,
    brier_score,
    compare,
    cross_validate,
    evaluate,
)
from detente.evaluation._splits import case_number, leave_one_case_out, subset

__all__ = [
    "BASELINES",
    "BASE_RATE",
    "Comparison",
    "EpisodeScore",
    "Evaluation",
    "EvaluationReport",
    "IssueScore",
    "ModelScore",
    "base_rate",
    "brier_escalation",
    "brier_score",
    "case_number",
    "compare",
    "cross_validate",
    "evaluate",
    "evaluate_dataset",
    "leave_one_case_out",
    "subset",
]
