"""Figures and reports (matplotlib for files), the one home of every figure detente draws.

Models never import this package; matplotlib is imported only when a figure is drawn."""

from detente._atomic import save_figure
from detente.report._bargaining_plot import plot_trust_curve, plot_utility_plane
from detente.report._credibility_plot import plot_credibility
from detente.report._eum_plot import plot_eum_trajectory
from detente.report._forecast_plot import plot_forecasts

__all__ = [
    "plot_credibility",
    "plot_eum_trajectory",
    "plot_forecasts",
    "plot_trust_curve",
    "plot_utility_plane",
    "save_figure",
]
