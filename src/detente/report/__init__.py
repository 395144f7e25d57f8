"""Figures and reports (matplotlib for files). Models never import this package."""

from detente._atomic import save_figure
from detente.report._eum_plot import plot_eum_trajectory
from detente.report._evaluation_plot import plot_evaluation
from detente.report._forecast_plot import plot_forecasts

__all__ = ["plot_eum_trajectory", "plot_evaluation", "plot_forecasts", "save_figure"]
