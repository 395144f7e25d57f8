"""Figures and reports (matplotlib for files). Models never import this package."""

from detente._atomic import save_figure
from detente.report._case_report import (
    LIKELIHOOD_TERMS,
    CaseReport,
    Judgement,
    Section,
    build_report,
    likelihood_term,
    render_html,
)
from detente.report._eum_plot import plot_eum_trajectory
from detente.report._evaluation_plot import plot_evaluation
from detente.report._forecast_plot import plot_forecasts

__all__ = [
    "LIKELIHOOD_TERMS",
    "CaseReport",
    "Judgement",
    "Section",
    "build_report",
    "likelihood_term",
    "plot_eum_trajectory",
    "plot_evaluation",
    "plot_forecasts",
    "render_html",
    "save_figure",
]
