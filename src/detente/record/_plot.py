"""Moved to :mod:`detente.report` (the one home of figures); kept for old imports."""

from detente.report._credibility_plot import plot_credibility

__all__ = ["plot_credibility"]
