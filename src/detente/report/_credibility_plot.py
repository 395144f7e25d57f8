"""The credibility plot: mean and credible band over time, the driving events annotated."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

from detente._atomic import atomic_write_bytes
from detente._glyphs import figure_text
from detente.errors import InputError
from detente.record._credibility import CredibilityCurve, Driver

__all__ = ["plot_credibility"]

_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def _label(d: Driver) -> str:
    e = d.event
    what = e.type.value.replace("_", " ")
    return f"{e.date} {e.agreement}: {what} ({d.delta:+.3f})"


def plot_credibility(
    curve: CredibilityCurve,
    drivers: Sequence[Driver],
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    top: int = 8,
) -> Path:
    """Draw ``curve``, its credible band and the ``top`` drivers; write PNG/SVG/PDF atomically."""
    target = Path(path)
    fmt = _FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise InputError(f"{target}: use a .png, .svg or .pdf file name for the plot")
    if not target.parent.exists():
        raise FileNotFoundError(f"{target.parent}: no such folder for the plot")
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure  # Agg-free: a bare Figure needs no GUI backend

    xs = date2num(list(curve.dates))
    fig = Figure(figsize=(11, 5.5), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    ax.xaxis_date()
    ax.fill_between(xs, curve.low, curve.high, color="tab:blue", alpha=0.18,
                    label=f"{curve.level:.0%} credible interval")
    ax.plot(xs, curve.mean, color="tab:blue", lw=1.8, label="posterior mean")
    ax.axhline(0.5, color="grey", lw=0.6, ls=":")
    shown = [d for d in drivers if d.delta != 0.0][:top]
    t0, t1 = curve.dates[0].toordinal(), curve.dates[-1].toordinal()
    for k, d in enumerate(sorted(shown, key=lambda d: d.event.date.end)):
        x = d.event.date.end
        colour = "tab:green" if d.delta > 0 else "tab:red"
        ax.axvline(float(date2num(x)), color=colour, lw=0.8, alpha=0.7)
        y = 0.97 - 0.055 * (k % 12)
        right = (x.toordinal() - t0) > 0.55 * max(t1 - t0, 1)
        ax.annotate(_label(d), xy=(float(date2num(x)), y), xycoords=("data", "axes fraction"),
                    fontsize=7, color=colour, ha="right" if right else "left", va="top",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.8})
    who = curve.actor + (f" toward {curve.toward}" if curve.toward else " toward anyone")
    ax.set_title(title or f"Credibility of {who}")
    ax.set_ylabel("P(commitment honoured)")
    ax.set_ylim(0.0, 1.0)
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(alpha=0.25)
    buf = io.BytesIO()
    with figure_text(fig, fmt=fmt):
        fig.tight_layout()
        fig.savefig(buf, format=fmt)
    atomic_write_bytes(target, buf.getvalue())
    return target
