"""Figures and reports (matplotlib for files), the one home of every figure detente draws.

Models never import this package; matplotlib is imported only when a figure is drawn."""

from detente._atomic import save_figure
from detente.report._bargaining_plot import plot_trust_curve, plot_utility_plane
from detente.report._case_report import (
    LIKELIHOOD_TERMS,
    CaseReport,
    Judgement,
    Section,
    build_report,
    likelihood_term,
    render_html,
)
from detente.report._credibility_plot import plot_credibility
from detente.report._eum_plot import plot_eum_trajectory
from detente.report._evaluation_plot import plot_evaluation
from detente.report._forecast_plot import plot_forecasts
from detente.report._markdown import render_markdown

__all__ = [
    "LIKELIHOOD_TERMS",
    "build_report",
    "CaseReport",
    "Judgement",
    "likelihood_term",
    "plot_credibility",
    "plot_eum_trajectory",
    "plot_evaluation",
    "plot_forecasts",
    "plot_trust_curve",
    "plot_utility_plane",
    "render_html",
    "render_markdown",
    "Section",
    "save_figure",
]
