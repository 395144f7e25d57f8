"""The case report: one self-contained HTML file an analyst can hand to a colleague.

Laid out the way intelligence and political-risk analysts expect (ODNI, Intelligence Community
Directive 203, *Analytic Standards*, 2015): **key judgements first**, each with a fixed likelihood
term kept apart from a confidence level, then the evidence behind them — the scenario, every
model's forecast, what happened where the scenario records it, the bilateral zone of agreement at
the record's trust, each side's credibility and its drivers, and a methods appendix. Under every
table and figure stands the command that reproduces it. A section whose inputs are absent is
skipped with a one-line reason, so any scenario gets a report.

The report holds no model code: it calls the same library functions as the CLI, and every number
it prints is in :attr:`CaseReport.data`, which tests compare with the commands' JSON output.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.errors import InputError, InputLookupError
from detente.report._crisis_section import (
    CrisisData,
    crisis_data,
    crisis_judgements,
    crisis_section,
)
from detente.report._html import command, e, link, num, sh, table
from detente.report._indicators import (
    Judge,
    build_indicators,
    indicator_text,
    indicators_section,
)
from detente.report._uncertainty_section import (
    MAIN_MODEL,
    UncertaintyData,
    confidence_min,
    interval_confidence,
    intervals_part,
    sensitivity_judgement,
    sensitivity_section,
    uncertainty_data,
)
from detente.scenario import Scenario

__all__ = [
    "LIKELIHOOD_TERMS",
    "CaseReport",
    "Judgement",
    "Section",
    "build_report",
    "likelihood_term",
    "render_html",
]

#: ICD 203's expressions of likelihood and the probability ranges they stand for.
LIKELIHOOD_TERMS: tuple[tuple[float, float, str], ...] = (
    (0.00, 0.05, "almost no chance"),
    (0.05, 0.20, "very unlikely"),
    (0.20, 0.45, "unlikely"),
    (0.45, 0.55, "roughly even chance"),
    (0.55, 0.80, "likely"),
    (0.80, 0.95, "very likely"),
    (0.95, 1.00, "almost certain"),
)


def likelihood_term(p: float) -> str:
    """ICD 203's term for probability ``p`` (ranges closed on the left; 1 is almost certain)."""
    if not (math.isfinite(p) and 0.0 <= p <= 1.0):
        raise ValueError(f"a probability must be in [0, 1], got {p!r}")
    for lo, hi, term in LIKELIHOOD_TERMS:
        if lo <= p < hi:
            return term
    return LIKELIHOOD_TERMS[-1][2]


@dataclass(frozen=True)
class Judgement:
    """A key judgement: a statement, its likelihood term (if a probability backs it) and the
    analyst's confidence in the evidence (low, moderate, high), with the reason for that."""

    text: str
    confidence: str
    basis: str
    likelihood: str | None = None
    probability: float | None = None


@dataclass(frozen=True)
class Section:
    """One section: its HTML body, or the reason it was skipped."""

    key: str
    title: str
    body: str = ""
    skipped: str | None = None


@dataclass(frozen=True)
class CaseReport:
    """A built report: judgements, sections, the numbers behind them and the inputs' identity."""

    title: str
    scenario: str
    judgements: tuple[Judgement, ...]
    sections: tuple[Section, ...]
    data: Mapping[str, Any] = field(default_factory=dict)
    meta: Mapping[str, str] = field(default_factory=dict)


# -- helpers --------------------------------------------------------------------------------------

_e = e
_num = num
_link = link
_table = table
_command = command


def _svg(draw: Callable[[str], Any]) -> str:
    """Run ``draw(path)`` (a detente figure function writing an .svg) and return the SVG inline,
    made byte-stable: fixed id salt, no creation date."""
    import tempfile
    from pathlib import Path

    import matplotlib

    with tempfile.TemporaryDirectory() as tmp, matplotlib.rc_context(
        {"svg.hashsalt": "detente", "svg.fonttype": "none"}
    ):
        path = Path(tmp) / "figure.svg"
        draw(str(path))
        text = path.read_text(encoding="utf-8")
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    return f'<figure class="fig">{text}</figure>'


def _scale_range(sc: Scenario, issue_id: str) -> float:
    iss = sc.issue(issue_id)
    return iss.scale_max - iss.scale_min


# -- sections -------------------------------------------------------------------------------------

def _scenario_section(sc: Scenario, ref: str) -> Section:
    actors = _table(
        ["actor", "name", "capability", "note", "source"],
        [[_e(a.id), _e(a.label), _num(a.capability), _e(a.note), _link(a.source)]
         for a in sc.actors],
        raw=True,
    )
    issues = _table(
        ["issue", "name", "0 / low means", "100 / high means", "scale", "status quo"],
        [[i.id, i.label, i.low, i.high, f"{i.scale_min:g}–{i.scale_max:g}",
          "—" if i.status_quo is None else f"{i.status_quo:g}"] for i in sc.issues],
    )
    ids = sc.issue_ids
    grid = []
    for a in sc.actors:
        row = [a.id]
        for i in ids:
            s = sc.stance(a.id, i)
            row.append("" if s is None else f"{s.position:g} ({s.salience:g})")
        grid.append(row)
    matrix = _table(["actor", *ids], grid)
    notes = "".join(
        f"<li><b>{_e(s.actor)} · {_e(s.issue)}</b>: {_e(s.note)} {_link(s.source)}</li>"
        for s in sc.stances if s.note or s.source
    )
    body = (
        f"<p>{_e(sc.description)}</p>"
        + (f"<p>Source: {_link(sc.source)}</p>" if sc.source else "")
        + "<h3>Actors</h3>" + actors
        + "<h3>Issues: what the ends of each scale mean</h3>" + issues
        + "<h3>Positions (salience)</h3>" + matrix
        + _command(f"detente show {sh(ref)}")
        + (f"<details><summary>Every stance's note and source ({len(sc.stances)})</summary>"
           f"<ul class='notes'>{notes}</ul></details>" if notes else "")
    )
    return Section("scenario", "The scenario", body)


def _forecast_data(sc: Scenario, models: Sequence[str], seed: int, record: Any = None
                   ) -> dict[str, Any]:
    from detente.collective import forecast

    out: dict[str, Any] = {}
    for m in models:
        # the crisis model reads its trust from the report's record (the shipped one unless
        # given), as the crisis section does
        opts: dict[str, Any] = {"trust": record} if m == "crisis" and record is not None else {}
        fc = forecast(sc, model=m, rng=np.random.default_rng(seed), **opts)
        out[m] = fc
    return out


def _forecast_section(sc: Scenario, ref: str, forecasts: Mapping[str, Any], seed: int,
                      ud: UncertaintyData) -> Section:
    from detente.collective import beside_status_quo
    from detente.report._forecast_plot import plot_forecasts

    models = list(forecasts)
    # the status-quo baseline is the table's "status quo" column: not repeated
    shown = [f.model for f in beside_status_quo(list(forecasts.values()))]
    rows = []
    for k, iss in enumerate(sc.issues):
        row = [iss.label, "—" if iss.status_quo is None else f"{iss.status_quo:g}"]
        fmt = f".{_digits(iss.scale_max - iss.scale_min)}f"  # .2f on a 0–100 scale
        row += [_num(forecasts[m].outcomes[k], fmt) for m in shown]
        rows.append(row)
    table = _table(["issue", "status quo", *shown], rows)
    notes = [f"{m}: {n}" for m in models for n in forecasts[m].notes]
    fig = _svg(lambda p: plot_forecasts(sc, list(forecasts.values()), p))
    opts = " ".join(f"-m {m}" for m in models) + f" --seed {seed}"
    body = (
        "<p>Each model's forecast per issue on the issue's own scale, beside the status quo "
        "(what happens if nothing is agreed). The models and their references are in the "
        "methods appendix.</p>" + table + _command(f"detente forecast {sh(ref)} {opts} -f json")
        + ("<ul>" + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>" if notes else "")
        + fig + _command(f"detente forecast {sh(ref)} {opts} --plot forecasts.svg")
        + intervals_part(sc, ref, ud, seed)
    )
    return Section("forecasts", "What the models expect", body)


def _observed(sc: Scenario) -> dict[str, float]:
    out: dict[str, float] = {}
    for iss in sc.issues:
        obs = getattr(iss, "observed", None)
        if obs is not None:
            out[iss.id] = float(obs.value)
    return out


def _outcome_section(sc: Scenario, ref: str, forecasts: Mapping[str, Any],
                     observed: Mapping[str, float]) -> Section:
    if not observed:
        return Section("outcome", "What happened", skipped="the scenario records no observed "
                       "outcome (per-issue `observed` values)")
    from detente.collective import beside_status_quo

    # the status-quo baseline is the table's "status quo" column: not repeated
    models = [f.model for f in beside_status_quo(list(forecasts.values()))]
    rows = []
    errs: dict[str, list[float]] = {m: [] for m in ["status quo", *models]}
    for k, iss in enumerate(sc.issues):
        if iss.id not in observed:
            continue
        o = observed[iss.id]
        row = [iss.label, f"{o:g}"]
        sq = iss.status_quo
        if sq is not None:
            errs["status quo"].append(abs(sq - o))
        row.append("—" if sq is None else f"{abs(sq - o):.2f}")
        for m in models:
            x = float(forecasts[m].outcomes[k])
            if math.isfinite(x):
                errs[m].append(abs(x - o))
            row.append(_num(abs(x - o)))
        rows.append(row)
    mae = {m: (float(np.mean(v)) if v else float("nan")) for m, v in errs.items()}
    rows.append(["mean absolute error", "", *[_num(mae[m]) for m in ["status quo", *models]]])
    table = _table(["issue", "observed", "status quo", *models], rows)
    episode = getattr(sc, "outcome", None)
    ep = ""
    if episode is not None:
        ep = (f"<p>Episode outcome: <b>{_e(getattr(episode, 'kind', ''))}</b> "
              f"({_e(getattr(episode, 'date', ''))}). {_e(getattr(episode, 'note', ''))} "
              f"{_link(str(getattr(episode, 'source', '')))}</p>")
    body = ep + "<p>Absolute error of each forecast against what happened.</p>" + table + _command(
        f"detente evaluate {sh(ref)} --per-issue")
    return Section("outcome", "What happened, and each model's error", body)


def _credibility_data(a: str, b: str, as_of: str | None, record: Any) -> dict[str, Any]:
    from detente.record import credibility

    out = {}
    for actor, toward in ((a, b), (b, a)):
        out[f"{actor}->{toward}"] = credibility(record, actor, toward=toward, as_of=as_of)
    return out


def _months_to(end: Any, years: int = 40) -> list[Any]:
    """First of every month over the ``years`` before ``end``, then ``end`` itself (a fixed grid,
    so the figure does not depend on today's date)."""
    from datetime import date

    out = [date(y, m, 1) for y in range(end.year - years, end.year + 1) for m in range(1, 13)]
    return [d for d in out if d < end] + [end]


def _draw_credibility(curve: Any, drivers: Any, path: str) -> None:
    from detente.record._plot import plot_credibility

    plot_credibility(curve, drivers, path)


def _credibility_section(a: str, b: str, as_of: str | None, creds: Mapping[str, Any],
                         record: Any) -> Section:
    from detente.record import credibility_curve
    parts = []
    for key, c in creds.items():
        actor, toward = key.split("->")
        rows = [[f"{d.delta:+.3f}", f"{d.weight:+.2f}", _e(str(d.event.date)), _e(d.event.id),
                 _e(d.event.agreement), _e(d.event.type.value), _e(d.event.note),
                 _link(d.event.source)] for d in c.drivers[:8]]
        curve = credibility_curve(record, actor, toward=toward, dates=_months_to(c.as_of))
        fig = _svg(functools.partial(_draw_credibility, curve, c.drivers))
        parts.append(
            f"<h3>{_e(actor)} toward {_e(toward)}</h3>"
            f"<p>Posterior mean {c.mean:.3f} ({c.level:.0%} credible interval {c.low:.3f}–"
            f"{c.high:.3f}) from {c.n_events} events as of {c.as_of.isoformat()}; weighted "
            f"evidence kept {c.kept:.2f}, broken {c.broken:.2f}.</p>"
            + _table(["effect on mean", "weight", "date", "event", "agreement", "type", "note",
                      "source"], rows, raw=True)
            + _command(f"detente credibility {sh(actor)} --toward {sh(toward)}"
                       + (f" --as-of {sh(as_of)}" if as_of else "") + " -f json")
            + fig
        )
    intro = ("<p>How far each side can rely on the other's word, judging by the record of kept "
             "and broken agreements: a weighted Beta–Bernoulli reputation (Jøsang &amp; Ismail "
             "2002); drivers are the events whose removal would move the mean most.</p>")
    return Section("credibility", "Credibility of each side toward the other",
                   intro + "".join(parts))


def _bargaining_data(sc: Scenario, a: str, b: str, pair: tuple[float, float], grid: int,
                     source: str = "record") -> Any:
    from detente.bargaining import analyse, domain_from_scenario

    dom = domain_from_scenario(sc, a, b, steps=grid)
    return analyse(dom, pair, trust_source=source)


def _deal_rows(dom: Any, sols: Mapping[str, Any]) -> list[list[str]]:
    return [[name, *[str(x.options[i.id]) for i in dom.issues], f"{x.utility_a:.3f}",
             f"{x.utility_b:.3f}"] for name, x in sols.items()]


def _moved(dom: Any, sol: Any) -> list[str]:
    """Issues on which a deal differs from the status quo."""
    if dom.status_quo is None:
        return []
    return [i.id for i, q in zip(dom.issues, dom.status_quo, strict=True)
            if sol.options[i.id] != i.options[q]]


def _bargaining_section(ref: str, a: str, b: str, as_of: str | None, res: Any,
                        pair: tuple[float, float], no_record: str | None = None) -> Section:
    """The bilateral bargaining section; ``no_record`` (why the record cannot give the trust)
    means full trust was assumed, as ``detente bargain`` and the crisis model do."""
    dom = res.domain
    cols = ["deal", *[i.id for i in dom.issues]]
    sq = ""
    if dom.status_quo is not None:
        sq = _table(cols, [["status quo", *[i.options[q] for i, q in
                                            zip(dom.issues, dom.status_quo, strict=True)]]])
    z_full, z_t = res.zopa_full, res.zopa_trust
    at_trust = (_table([*cols, f"V({a})", f"V({b})"], _deal_rows(dom, z_t.best))
                if z_t.best else "<p>No deal survives at this trust.</p>")
    trust_text = (f"<b>At the record's trust</b> ({_e(a)} trusts {_e(b)} {pair[0]:.3f}, "
                  f"{_e(b)} trusts {_e(a)} {pair[1]:.3f})" if no_record is None else
                  f"<b>At full trust</b> (assumed: the record cannot give it, "
                  f"{_e(no_record)})")
    full = _table([*cols, f"u({a})", f"u({b})"], _deal_rows(dom, res.solutions))
    thr = res.threshold
    src = f"--as-of {sh(as_of)}" if as_of and no_record is None else "--trust 1"
    text = (
        f"<p>{_e(a)} and {_e(b)} over {len(dom.issues)} issues: {dom.n_outcomes:,} possible "
        f"deals, {res.frontier_size} on the Pareto frontier. Walking away is worth "
        f"{dom.a.reservation_value:.3f} to {_e(a)} and {dom.b.reservation_value:.3f} to "
        f"{_e(b)}. A deal is valued through trust: V = κ·u(deal) + (1 − κ)·u(deal broken by "
        "the other side).</p>"
        f"<p>{trust_text} the zone of possible agreement "
        + (f"holds {z_t.size:,} deals ({z_t.share:.2%} of all)" if z_t.exists
           else "is <b>empty</b>")
        + (f"; at full trust it holds {z_full.size:,} ({z_full.share:.2%}). "
           if no_record is None else ". ")
        + (f"The trust threshold κ* (below it no deal is worth signing) is {thr:.3f}."
           if thr is not None else "No deal is worth signing even at full trust.")
        + "</p>"
    )
    body = (text + sq + ("<h3>Deals that survive at the record's trust</h3>" + at_trust
                         if no_record is None else "")
            + "<h3>Deals at full trust</h3>" + full
            + _command(f"detente bargain {sh(ref)} --a {sh(a)} --b {sh(b)} {src} -f json"))
    return Section("bargaining", "Is a deal possible, and on what?", body)


def _credibility_judgements(creds: Mapping[str, Any], ud: UncertaintyData) -> list[Judgement]:
    """One judgement per direction of the dyad: how far each keeps its commitments."""
    out = []
    for key, c in creds.items():
        actor, toward = key.split("->")
        conf = "high" if c.n_events >= 20 and (c.high - c.low) < 0.4 else (
            "moderate" if c.n_events >= 5 else "low")
        out.append(Judgement(
            f"{actor} keeps a commitment made to {toward}, judging by the record as of "
            f"{c.as_of.isoformat()} (posterior mean "
            f"{c.mean:.2f}, {c.level:.0%} interval {c.low:.2f}–{c.high:.2f}).",
            conf, f"{c.n_events} events in the record; interval width {c.high - c.low:.2f}"
            + (f"; its settings (half-life, allegation weight, …) move the mean between "
               f"{ud.cred[key].low:.2f} and {ud.cred[key].high:.2f}" if key in ud.cred
               else ""),
            likelihood_term(c.mean), float(c.mean)))
    return out


def _has_sq(res: Any) -> bool:
    return res.domain.status_quo is not None


def _methods_section(models: Sequence[str], seed: int, meta: Mapping[str, str],
                     ud: UncertaintyData) -> Section:
    from detente.collective import get_model

    rows = []
    for m in models:
        spec = get_model(m)
        opts = ", ".join(f"{k}={o.default}" for k, o in spec.options.items()) or "—"
        rows.append([m, spec.summary, spec.reference, opts])
    body = (
        _table(["model", "what it does", "reference", "settings (defaults)"], rows)
        + "<p>Likelihood terms follow ICD 203 (almost no chance &lt;5%, very unlikely 5–20%, "
        "unlikely 20–45%, roughly even chance 45–55%, likely 55–80%, very likely 80–95%, "
        "almost certain &gt;95%); confidence (low, moderate, high) rates the evidence and the "
        "agreement between models, not the probability.</p>"
        + _table(["", ""], [[k, v] for k, v in meta.items()])
        + f"<p>Random seed {seed}.</p>"
        + _uncertainty_methods(ud)
    )
    return Section("methods", "Methods and settings", body)


def _uncertainty_methods(ud: UncertaintyData) -> str:
    from detente.report import _uncertainty_section as us

    sim = ("the input noise calibrated on the case bank (`detente calibrate cases`, "
           f"{us.CALIBRATION_DRAWS} draws per case)" if ud.calibration is not None else
           f"an assumed default jitter ({us.DEFAULT_JITTER}), not calibrated")
    return (
        "<p>Intervals: Monte Carlo (detente.uncertainty.simulate) with "
        f"{us.SIM_DRAWS} draws per model ({', '.join(us.SIMULATED)}), under {_e(sim)}; "
        "central 50% and 90% intervals of the draws. Sensitivity: Morris elementary effects "
        f"(SALib; Morris 1991, Campolongo et al. 2007) with {us.SENSITIVITY_SAMPLES} "
        f"trajectories under jitter {_e(us.SENSITIVITY_JITTER)}, of the report's main model, "
        f"<b>{_e(ud.sens_model or MAIN_MODEL)}</b> (the expected utility model when the "
        "report includes it); credibility's sensitivity to its settings with "
        f"{us.CREDIBILITY_SAMPLES} Morris trajectories. Confidence in an issue's forecast is "
        "the lower of the level from the models' disagreement and the level from the width "
        "of the 50% intervals (mean over the simulated models: ≤ 25% of the scale high, "
        "≤ 50% moderate, else low).</p>"
    )


def _crisis(sc: Scenario, ref: str, as_of: str | None, models: Sequence[str], seed: int,
            record: Any = None) -> tuple[Section, CrisisData | None]:
    title = "The crisis: agreement, standoff or escalation?"
    if not (sc.outside_options or any(s.red_line is not None or s.commitment > 0
                                       for s in sc.stances)):
        return Section("crisis", title, skipped="the scenario codes no crisis inputs (outside "
                       "options, red lines or public commitments)"), None
    try:
        cd = crisis_data(sc, seed=seed, as_of=as_of, models=models, record=record)
    except InputError as err:
        return Section("crisis", title, skipped=f"the crisis model refused the inputs: {err}"
                       ), None
    return Section("crisis", title, crisis_section(sc, ref, as_of, cd, models, seed)), cd


# -- judgements -----------------------------------------------------------------------------------

def _confidence_from_spread(spread: float, low_share: float) -> tuple[str, str]:
    """Confidence from the models' disagreement (share of the scale) and the share of inputs the
    scenario marks low-confidence."""
    if spread <= 0.15 and low_share < 0.25:
        return "high", f"models agree within {spread:.0%} of the scale"
    if spread <= 0.35 and low_share < 0.5:
        return "moderate", f"models spread over {spread:.0%} of the scale"
    why = f"models spread over {spread:.0%} of the scale"
    if low_share >= 0.25:
        why += f"; {low_share:.0%} of the stances are marked low-confidence"
    return "low", why


def _digits(width: float) -> int:
    """Decimals for a value on a scale ``width`` wide (2 on 0–100; see the CLI's)."""
    from detente._format import scale_digits

    return scale_digits(width)


def _issue_judgements(sc: Scenario, forecasts: Mapping[str, Any], ud: UncertaintyData
                      ) -> list[Judgement]:
    out = []
    low = [s for s in sc.stances if getattr(s, "confidence", "") == "low"]
    low_share = len(low) / max(len(sc.stances), 1)
    for k, iss in enumerate(sc.issues):
        vals = np.array([float(f.outcomes[k]) for f in forecasts.values()])
        vals = vals[np.isfinite(vals)]
        if vals.size == 0:
            continue
        span = _scale_range(sc, iss.id)
        spread = float(vals.max() - vals.min()) / span
        conf, why = _confidence_from_spread(spread, low_share)
        by_interval = interval_confidence(sc, ud, iss.id)
        if by_interval is not None:
            conf = confidence_min(conf, by_interval[0])
            why += "; " + by_interval[1]
        med = float(np.median(vals))
        dg = max(0, _digits(span) - 2)  # whole points on a 0–100 scale, more on narrow ones
        where = ""
        if iss.status_quo is not None:
            d = med - iss.status_quo
            toward = iss.high if d > 0 else iss.low
            end = (f"“{toward}”" if toward else
                   "the top of the scale" if d > 0 else "the bottom of the scale")
            where = ("at the status quo" if abs(d) < 0.05 * span else
                     f"{abs(d):.{dg}f} points from the status quo toward {end}")
        out.append(Judgement(
            f"{iss.label}: the models put the outcome between {vals.min():.{dg}f} and "
            f"{vals.max():.{dg}f} (median {med:.{dg}f}){', ' + where if where else ''}.",
            conf, why))
    return out


# -- build and render -----------------------------------------------------------------------------

def build_report(
    scenario: Scenario,
    *,
    ref: str | None = None,
    source_bytes: bytes | None = None,
    as_of: str | None = None,
    a: str | None = None,
    b: str | None = None,
    models: Sequence[str] | None = None,
    seed: int = 0,
    grid: int = 11,
    record: Any = None,
    record_ref: str | None = None,
) -> CaseReport:
    """Build the report for ``scenario``.

    ``ref`` is how commands under tables name the scenario (a file or an example name);
    ``source_bytes`` the input file, hashed into the report; ``a`` and ``b`` the dyad of the
    bargaining and credibility sections (skipped without them; a two-actor scenario's two
    actors by default, as ``detente bargain``); ``as_of`` the date for the record (default: the
    scenario's ``as_of`` or ``date``); ``record`` the record every section reads its trust and
    credibility from — the bargaining and credibility sections, the crisis section and the
    crisis model's column (default: the shipped record; ``detente report --db``);
    ``record_ref`` how the commands name that record (the ``--db`` value), said in the methods.
    """
    from detente import __version__
    from detente.collective import list_models

    ref = ref or scenario.name
    for who, code in (("--a", a), ("--b", b)):
        if code is not None and code not in scenario.actor_ids:
            raise InputError(f"{who} {code}: no such actor in scenario '{scenario.name}'; "
                             f"actors: {', '.join(scenario.actor_ids)}")
    if (a is None) != (b is None):
        raise InputError("give both --a and --b (the two sides of the bilateral analysis)")
    if a is not None and a == b:
        raise InputError(f"--a and --b must be two different actors, got {a} twice")
    if a is None and len(scenario.actors) == 2:
        a, b = scenario.actor_ids
    as_of = as_of or (str(getattr(scenario, "as_of", "") or "") or scenario.date or None)
    if models is None:
        models = [m.name for m in list_models() if not m.baseline]  # status quo: own column
    forecasts = _forecast_data(scenario, models, seed, record)
    observed = _observed(scenario)
    data: dict[str, Any] = {
        "forecasts": {m: {i: (None if not math.isfinite(float(x)) else float(x))
                          for i, x in zip(fc.issue_ids, fc.outcomes, strict=True)}
                      for m, fc in forecasts.items()},
    }
    rec = None
    if a is not None and b is not None:
        from detente.record import load_shipped_record

        rec = record if record is not None else load_shipped_record()
    ud = uncertainty_data(scenario, models, seed=seed, a=a, b=b, as_of=as_of, record=rec)
    data.update(ud.data)
    sections = [_scenario_section(scenario, ref),
                _forecast_section(scenario, ref, forecasts, seed, ud),
                _outcome_section(scenario, ref, forecasts, observed)]
    judgements = _issue_judgements(scenario, forecasts, ud)
    crisis_section, cd = _crisis(scenario, ref, as_of, models, seed, record)
    sections.append(crisis_section)
    if cd is not None:
        data["crisis"] = cd.data
        judgements.extend(crisis_judgements(scenario, cd))
    pair: tuple[float, float] | None = None
    why_not = "no dyad given (--a and --b)"
    creds = None
    no_record: str | None = None  # why the record gives no trust for the dyad
    if a is not None and b is not None:
        try:
            creds = _credibility_data(a, b, as_of, rec)
        except InputLookupError as err:
            why_not = f"no trust from the record for {a} and {b}: {err}"
            no_record = str(err)
    res = None
    no_bargain = why_not
    if a is not None and b is not None:
        # actors the record does not know (hypothetical or unlisted states) are bargained
        # under full trust, as `detente bargain` without --as-of and the crisis model do
        pair = (1.0, 1.0) if creds is None else (float(creds[f"{b}->{a}"].mean),
                                                 float(creds[f"{a}->{b}"].mean))
        try:
            res = _bargaining_data(scenario, a, b, pair, grid, "record" if no_record is None
                                   else "full trust (not in the record)")
        except InputError as err:  # e.g. no status quo: walking away has no value
            no_bargain = f"no bargaining analysis for {a} and {b}: {err}"
            pair = None
    if a is not None and b is not None and res is None:
        sections.append(Section("bargaining", "Is a deal possible, and on what?",
                                skipped=no_bargain))
        if creds is not None:
            data["credibility"] = {k: {"mean": c.mean, "low": c.low, "high": c.high}
                                   for k, c in creds.items()}
            sections.append(_credibility_section(a, b, as_of, creds, rec))
            judgements.extend(_credibility_judgements(creds, ud))
        else:
            sections.append(Section("credibility", "Credibility of each side toward the other",
                                    skipped=why_not))
    if a is not None and b is not None and res is not None and pair is not None:
        if creds is not None:
            data["credibility"] = {k: {"mean": c.mean, "low": c.low, "high": c.high}
                                   for k, c in creds.items()}
        data["bargaining"] = {
            "trust": list(pair), "threshold": res.threshold,
            "zopa_share_at_trust": res.zopa_trust.share, "zopa_share_full": res.zopa_full.share,
            "frontier_size": res.frontier_size,
            "trust_source": "record" if no_record is None else "full trust (not in the record)",
        }
        sections.append(_bargaining_section(ref, a, b, as_of, res, pair, no_record))
        if creds is not None:
            sections.append(_credibility_section(a, b, as_of, creds, rec))
        else:
            sections.append(Section("credibility", "Credibility of each side toward the other",
                                    skipped=why_not))
        at = "at the record's trust" if no_record is None else (
            "at full trust (the record has nothing on them)")
        judgements.extend(_credibility_judgements(creds or {}, ud))
        thr = res.threshold
        if thr is None:
            txt = f"No deal between {a} and {b} beats walking away for both, even at full trust."
        elif res.zopa_trust.exists:
            need = ("needs no trust at all" if thr <= 0 else
                    f"needs trust of at least {thr:.2f}")
            txt = (f"A deal between {a} and {b} that both prefer to walking away exists {at} "
                   f"({res.zopa_trust.share:.1%} of possible deals; the zone {need}).")
            nash = res.zopa_trust.best.get("nash")
            if nash is not None and _has_sq(res):
                moved = _moved(res.domain, nash)
                txt += (" In its Nash deal only " + ", ".join(moved) + " move from the status "
                        "quo." if moved else " Its Nash deal is the status quo.")
        else:
            txt = (f"{at[0].upper()}{at[1:]} no deal between {a} and {b} beats walking away "
                   f"for both: it would need trust of at least {thr:.2f}.")
        judgements.append(Judgement(txt, "moderate",
                                    "bargaining model on the scenario's positions and saliences"))
    elif a is None or b is None:
        for key, title in (("bargaining", "Is a deal possible, and on what?"),
                           ("credibility", "Credibility of each side toward the other")):
            sections.append(Section(key, title, skipped=why_not))
    sens_at = len(sections)  # placed here; written once the indicators are known
    challenger = counterpart = None
    crisis_trust: tuple[float, float] | None = None
    keys: list[str] = [x for x in (a, b) if x is not None]
    dyad = None if cd is None else cd.channels["public"].analysis.dyad
    if cd is not None and dyad is not None:
        ids = cd.channels["public"].analysis.setup.actor_ids
        challenger, counterpart = ids[dyad.a], ids[dyad.counterpart]
        crisis_trust = (float(dyad.kappa_a), float(dyad.kappa_b))
        keys += [challenger, counterpart]
    judge = Judge(a, b, pair, challenger, counterpart, crisis_trust, seed, as_of, grid)
    base, inds = build_indicators(scenario, judge, keys)
    title = "Key assumptions and indicators to watch"
    if inds:
        data["indicators"] = {"judgements": base, "inputs": [i.as_dict() for i in inds]}
        sections.append(Section("indicators", title,
                                indicators_section(scenario, base, inds)))
        near = min(inds, key=lambda i: i.distance)
        if near.flips_at is not None:
            judgements.append(Judgement(
                "Nearest to changing: " + indicator_text(scenario, near),
                # the stance's coding confidence (low/medium/high) on the report's ICD 203 scale
                {"medium": "moderate"}.get(near.confidence or "", near.confidence or "moderate"),
                f"what-if sweep of {len(inds)} inputs; the change lies "
                f"{near.distance:.0%} of the input's range away (key assumptions section)"))
    else:
        sections.append(Section("indicators", title, skipped="no judgement with a likelihood "
                                "or a yes/no to sweep: no bilateral analysis and no outside "
                                "option in the scenario"))
    sens_title = "Sensitivity: which inputs would change which forecast"
    sens_body = sensitivity_section(scenario, ref, ud, as_of, inds)
    sections.insert(sens_at, Section("sensitivity", sens_title, sens_body) if sens_body
                    else Section("sensitivity", sens_title, skipped=ud.sens_skipped or
                                 "no input to vary"))
    sj = sensitivity_judgement(scenario, ud)
    if sj is not None:
        judgements.append(Judgement(sj, "moderate", f"Morris screening of {ud.sens.runs:,} "
                                    "runs under a local noise; a ranking, not a probability"))
    digest = hashlib.sha256(source_bytes if source_bytes is not None
                            else scenario.model_dump_json().encode()).hexdigest()
    meta = {"detente version": __version__, "input": ref, "input SHA-256": digest,
            "as of": as_of or "—"}
    if record_ref:  # a record of one's own: the commands shown read it with --db
        meta["record"] = (f"{record_ref} (not the shipped record: add --db {record_ref} to "
                          "the crisis, bargain and credibility commands shown to reproduce "
                          "their figures)")
    sections.append(_methods_section(models, seed, meta, ud))
    return CaseReport(f"{scenario.name}: case report", scenario.name, tuple(judgements),
                      tuple(sections), data, meta)


_CSS = """
body{font-family:Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:2px solid #ccc;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;font-size:.85em}
td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f2f2f2}.cmd{font-size:.8em;color:#555}.cmd code{background:#f6f6f6}
.kj li{margin:.4em 0}.lik{font-weight:bold}.conf{color:#555;font-size:.9em}
.skip{color:#777;font-style:italic}figure.fig svg{max-width:100%;height:auto}
.notes{font-size:.8em}
"""


def render_html(report: CaseReport) -> str:
    """The report as one self-contained HTML document (inline CSS and SVG, no script, no
    network request)."""
    kj = "".join(
        "<li>" + (f'<span class="lik">{_e(j.likelihood.capitalize())}</span>: '
                  if j.likelihood else "")
        + f"{_e(j.text)} <span class='conf'>(confidence: {_e(j.confidence)} — "
        f"{_e(j.basis)})</span></li>"
        for j in report.judgements
    )
    toc = "".join(f'<li><a href="#{s.key}">{_e(s.title)}</a></li>' for s in report.sections)
    body = []
    for s in report.sections:
        inner = (f'<p class="skip">Skipped: {_e(s.skipped)}.</p>' if s.skipped is not None
                 else s.body)
        body.append(f'<section id="{s.key}"><h2>{_e(s.title)}</h2>{inner}</section>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(report.title)}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<style>{_CSS}</style></head><body>"
        f"<h1>{_e(report.title)}</h1>"
        "<section id=\"key-judgements\"><h2>Key judgements</h2>"
        f"<ol class=\"kj\">{kj}</ol></section>"
        f"<nav><h2>Contents</h2><ol>{toc}</ol></nav>"
        + "".join(body)
        + "</body></html>\n"
    )
