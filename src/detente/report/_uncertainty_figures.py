"""Figures of the web dashboard's uncertainty page: plotly specifications as JSON-ready dicts.

- :func:`distribution_figure` — one issue: per model the histogram of its draws (where the
  simulation kept them), its 50 % and 90 % intervals, median and point forecast, and the
  threshold of ``P(above)``.
- :func:`sensitivity_figure` — one issue: the inputs ranked by their Sobol total index (with
  S1 beside it and the 95 % confidence half-widths) or by Morris's ``mu*``.

Like :mod:`detente.report._web_figures`, Python needs no plotly: the browser draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from detente.report._web_figures import _PALETTE, _layout, _num, _short

if TYPE_CHECKING:
    from detente.uncertainty import SensitivityResult, SimulationResult

__all__ = ["distribution_figure", "histogram", "sensitivity_figure"]

BINS = 40


def histogram(draws: np.ndarray, lo: float, hi: float, bins: int = BINS
              ) -> tuple[list[float], list[float]]:
    """Bin centres and densities (per unit of the scale) of the finite ``draws`` on [lo, hi]."""
    x = draws[np.isfinite(draws)]
    if x.size == 0 or not hi > lo:
        return [], []
    h, edges = np.histogram(x, bins=bins, range=(lo, hi), density=True)
    centres = (edges[:-1] + edges[1:]) / 2
    return [float(c) for c in centres], [float(v) for v in h]


def distribution_figure(result: SimulationResult, issue_id: str) -> dict[str, Any]:
    """The distribution of each model's forecast of ``issue_id`` over the draws."""
    j = result.issue_ids.index(issue_id)
    lo, hi = float(result.scale_min[j]), float(result.scale_max[j])
    data: list[dict[str, Any]] = []
    top = 0.0
    for k, m in enumerate(result.models):
        colour = _PALETTE[k % len(_PALETTE)]
        if m.draws is not None:
            xs, ys = histogram(m.draws[:, j], lo, hi)
            if xs:
                top = max(top, max(ys))
                data.append({"type": "scatter", "mode": "lines", "line": {"shape": "hvh",
                             "color": colour}, "name": m.model, "legendgroup": m.model,
                             "x": xs, "y": ys, "yaxis": "y",
                             "hovertemplate": "%{x:.1f}: density %{y:.3g}<extra>"
                             + m.model + "</extra>"})
    rows = [m.model for m in result.models]
    for k, m in enumerate(result.models):
        colour = _PALETTE[k % len(_PALETTE)]
        for level, width in ((0.9, 2), (0.5, 8)):
            try:
                a, b = m.interval(level)
            except Exception:  # noqa: BLE001 - a level the run did not compute: no bar
                continue
            va, vb = _num(a[j]), _num(b[j])
            if va is None or vb is None:
                continue
            data.append({"type": "scatter", "mode": "lines", "x": [va, vb],
                         "y": [m.model, m.model], "yaxis": "y2", "showlegend": False,
                         "legendgroup": m.model, "line": {"color": colour, "width": width},
                         "hovertemplate": f"{level:.0%} interval %{{x:.1f}}<extra>{m.model}"
                                          "</extra>"})
        med, pt = _num(m.median[j]), _num(m.point[j])
        if med is not None:
            data.append({"type": "scatter", "mode": "markers", "x": [med], "y": [m.model],
                         "yaxis": "y2", "showlegend": False, "legendgroup": m.model,
                         "marker": {"symbol": "circle", "color": "white", "size": 9,
                                    "line": {"color": colour, "width": 2}},
                         "hovertemplate": "median %{x:.2f}<extra>" + m.model + "</extra>"})
        if pt is not None:
            data.append({"type": "scatter", "mode": "markers", "x": [pt], "y": [m.model],
                         "yaxis": "y2", "showlegend": False, "legendgroup": m.model,
                         "marker": {"symbol": "line-ns-open", "color": "#000", "size": 14,
                                    "line": {"width": 2}},
                         "hovertemplate": "point forecast %{x:.2f}<extra>" + m.model
                                          + "</extra>"})
    shapes = []
    if result.above is not None and lo <= result.above <= hi:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": result.above,
                       "x1": result.above, "y0": 0, "y1": 1,
                       "line": {"color": "#b3261e", "dash": "dot", "width": 1}})
    return {"data": data, "layout": _layout(
        _short(f"{result.label(issue_id)}: forecasts over {result.draws:,} draws", 60),
        xaxis={"title": {"text": "outcome"}, "range": [lo, hi], "anchor": "y2"},
        yaxis={"title": {"text": "density"}, "domain": [0.34, 1.0], "rangemode": "tozero",
               "range": [0, top * 1.08] if top > 0 else None},
        yaxis2={"domain": [0.0, 0.26], "type": "category", "categoryorder": "array",
                "categoryarray": rows[::-1], "anchor": "x", "automargin": True},
        legend={"x": 1, "y": 1, "xanchor": "right", "yanchor": "top", "orientation": "v",
                "bgcolor": "rgba(255,255,255,0.7)"},
        shapes=shapes, height=360,
    )}


def sensitivity_figure(result: SensitivityResult, issue_id: str, top: int = 12
                       ) -> dict[str, Any]:
    """The ``top`` inputs of ``issue_id`` by influence, most influential at the top."""
    ranked = list(result.ranking.get(issue_id, ()))[:top]
    names = [_short(x.input, 40) for x in ranked][::-1]
    rev = ranked[::-1]
    if result.method == "sobol":
        data = [
            {"type": "bar", "orientation": "h", "name": "ST (total)", "y": names,
             "x": [_num(x.st) for x in rev], "marker": {"color": "#1f77b4"},
             "error_x": {"type": "data", "array": [_num(x.st_conf) for x in rev],
                         "visible": True, "thickness": 1}},
            {"type": "bar", "orientation": "h", "name": "S1 (alone)", "y": names,
             "x": [_num(x.s1) for x in rev], "marker": {"color": "#9ecae1"},
             "error_x": {"type": "data", "array": [_num(x.s1_conf) for x in rev],
                         "visible": True, "thickness": 1}},
        ]
        xtitle = "share of the forecast's variance"
    else:
        data = [
            {"type": "bar", "orientation": "h", "name": "mu* (mean |effect|)", "y": names,
             "x": [_num(x.mu_star) for x in rev], "marker": {"color": "#1f77b4"},
             "error_x": {"type": "data", "array": [_num(x.mu_star_conf) for x in rev],
                         "visible": True, "thickness": 1}},
            {"type": "bar", "orientation": "h", "name": "sigma (interactions)", "y": names,
             "x": [_num(x.sigma) for x in rev], "marker": {"color": "#fdae6b"}},
        ]
        xtitle = "points of the issue's scale"
    return {"data": data, "layout": _layout(
        _short(f"{result.label(issue_id)}: {result.model}, {result.method} "
               f"({result.runs:,} runs)", 60),
        barmode="group", xaxis={"title": {"text": xtitle}, "rangemode": "tozero"},
        yaxis={"automargin": True}, height=max(260, 60 + 34 * len(ranked)),
        margin={"l": 160, "r": 20, "t": 50, "b": 60})}
