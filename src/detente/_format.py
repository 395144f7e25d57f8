"""Number formatting shared by every face (CLI, web, report)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detente.collective import Forecast


TIE_MARK = "*"
"""The mark on a forecast's number in the CLI's forecast table (before it: the numbers are
right-aligned) and the web's (after it), where it is a weighted median resting on an exact tie
between positions (``Forecast.ties``)."""
TIE_LEGEND = ("a median resting on an exact tie between positions: the forecast is the "
              "midpoint of the tied range (notes below)")


def scale_digits(width: float) -> int:
    """Decimals that show a value on a scale ``width`` wide to about a thousandth of it (at
    least 2: a 0–100 scale keeps 2 decimals, a 0–1 scale gets 3, a 0–0.001 scale 6)."""
    if not math.isfinite(width) or width <= 0:
        return 2
    return max(2, 3 - math.floor(math.log10(width)))


def fixed(x: float, digits: int) -> str:
    """``x`` with ``digits`` decimals, never as a negative zero: a value a hair below zero
    (-1e-17 from floating point) prints "0.0", not "-0.0"."""
    text = f"{x:.{digits}f}"
    if text.startswith("-") and float(text) == 0.0:
        return text[1:]
    return text


def forecasts_csv(forecasts: Sequence[Forecast]) -> str:
    """The forecasts as ``detente forecast -f csv`` writes them (and the dashboard's download):
    one row per model and issue, ``model,issue,outcome``, the outcome at full precision (empty
    when a model gives none)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["model", "issue", "outcome"])
    for f in forecasts:
        for i, o in zip(f.issue_ids, f.outcomes, strict=True):
            w.writerow([f.model, i, "" if math.isnan(o) else repr(float(o))])
    return buf.getvalue()


def forecasts_doc(scenario_name: str, forecasts: Sequence[Forecast],
                  notes: Sequence[str] = ()) -> dict[str, Any]:
    """The forecasts as ``detente forecast -f json`` writes them (and the dashboard's
    download)."""
    doc: dict[str, Any] = {"scenario": scenario_name,
                           "forecasts": [f.as_dict() for f in forecasts]}
    if notes:  # what a what-if's --drop took with it
        doc["notes"] = list(notes)
    return doc


def simulation_csv(result: Any) -> str:
    """A simulation's summary as ``detente simulate -f csv`` writes it (and the dashboard's
    download): one row per model and issue, full precision."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    qs = sorted(result.models[0].quantiles) if result.models else []
    w.writerow(["model", "issue", "point", "mean", "sd", "mcse", *[f"q{q:g}" for q in qs],
                "p_above", "converged"])
    for m in result.models:
        for k, iss in enumerate(m.issue_ids):
            w.writerow([m.model, iss, repr(float(m.point[k])), repr(float(m.mean[k])),
                        repr(float(m.sd[k])), repr(float(m.mcse[k])),
                        *[repr(float(m.quantiles[q][k])) for q in qs],
                        "" if m.p_above is None else repr(float(m.p_above[k])),
                        str(bool(m.converged[k])).lower()])
    return buf.getvalue()


def sensitivity_csv(result: Any) -> str:
    """A sensitivity analysis as the dashboard's CSV download: one row per issue and input,
    most influential first, its actor and the method's indices at full precision (Sobol:
    ``s1,s1_conf,st,st_conf``; Morris: ``mu_star,mu_star_conf,sigma``; empty when not
    defined), the figures of ``detente sensitivity -f json``'s ``issues``."""
    import csv
    import io

    fields = (("s1", "s1_conf", "st", "st_conf") if result.method == "sobol"
              else ("mu_star", "mu_star_conf", "sigma"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["model", "method", "issue", "input", "actor", *fields])
    for iss, xs in result.ranking.items():
        for x in xs:
            w.writerow([result.model, result.method, iss, x.input, x.actor,
                        *("" if math.isnan(v := float(getattr(x, f))) else repr(v)
                          for f in fields)])
    return buf.getvalue()
