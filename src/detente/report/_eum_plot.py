"""Trajectory plot of an expected utility model run: each actor's position per round, with the
round's forecast (median and weighted mean)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from detente._atomic import save_figure
from detente._glyphs import figure_text
from detente.collective import Forecast
from detente.errors import InputError

__all__ = ["plot_eum_trajectory"]


def plot_eum_trajectory(
    forecast: Forecast, path: str | os.PathLike[str], issue: str | None = None
) -> Path:
    """Write a PNG of ``forecast``'s trajectory on one issue (the first by default).

    One line per actor (positions after each round, round 0 = input), the median and weighted
    mean per round as thick lines. ``forecast`` must come from an iterating model such as
    ``eum``. The file is written atomically (:func:`save_figure`). Returns the path written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if forecast.trajectory is None:
        raise InputError(
            f"model '{forecast.model}' gives no trajectory to plot (use an iterating model "
            "such as eum)"
        )
    if issue is None:
        k = 0
    elif issue in forecast.issue_ids:
        k = forecast.issue_ids.index(issue)
    else:
        raise InputError(
            f"no issue '{issue}' in the forecast; issues: {', '.join(forecast.issue_ids)}"
        )
    traj = forecast.trajectory[:, :, k]
    rounds = np.arange(traj.shape[0])
    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=110)
    span = float(np.nanmax(traj) - np.nanmin(traj)) if np.isfinite(traj).any() else 1.0
    for a, actor in enumerate(forecast.actor_ids):
        if np.isnan(traj[:, a]).all():
            continue
        # a small vertical offset per actor keeps actors at the same position visible
        jitter = (a - len(forecast.actor_ids) / 2) * 0.002 * (span or 1.0)
        ax.plot(rounds, traj[:, a] + jitter, marker="o", ms=3, lw=1, alpha=0.8, label=actor)
    diag = forecast.diagnostics
    if "median" in diag:
        ax.plot(rounds, diag["median"][:, k], color="black", lw=3, label="median")
    if "mean" in diag:
        ax.plot(rounds, diag["mean"][:, k], color="grey", lw=3, ls="--", label="weighted mean")
    ax.set_xlabel("round")
    ax.set_ylabel("position")
    ax.set_title(f"{forecast.scenario}: {forecast.issue_ids[k]} ({forecast.model})")
    ax.set_xticks(rounds)
    ax.legend(fontsize=7, ncol=2, loc="center left", bbox_to_anchor=(1.0, 0.5))
    try:
        with figure_text(fig, path):
            fig.tight_layout()
            return save_figure(fig, path)
    finally:
        plt.close(fig)
