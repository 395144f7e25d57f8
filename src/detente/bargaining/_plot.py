"""Moved to :mod:`detente.report` (the one home of figures); kept for old imports."""

from detente.report._bargaining_plot import plot_trust_curve, plot_utility_plane

__all__ = ["plot_trust_curve", "plot_utility_plane"]
