"""Intervals and sensitivity in the case report, from :mod:`detente.uncertainty`.

- **Intervals**: each model's forecast per issue with the central 50 % and 90 % intervals of a
  Monte Carlo over the inputs (:func:`~detente.uncertainty.simulate`). Inputs with a
  distribution in the scenario vary as it says; every other position varies under the noise
  :func:`~detente.uncertainty.calibrate_cases` fits on the case bank (the noise that makes the
  compromise model's intervals cover what happened in half the cases, checked on the other
  half). Where that calibration cannot run, a stated default jitter (:data:`DEFAULT_JITTER`)
  is used instead and the report says so.
- **Sensitivity**: Morris elementary effects (:func:`~detente.uncertainty.sensitivity`) of each
  issue's forecast by the report's main model (:data:`MAIN_MODEL`) to every position and
  salience under :data:`SENSITIVITY_JITTER`, ranked, and summed per actor; and the sensitivity
  of each side's credibility to its settings (half-life, allegation weight, …) via
  :func:`~detente.uncertainty.credibility_sensitivity`.

The settings are small so that a Geneva-sized report stays within seconds; every number is
the one the command printed under its table gives with the same seed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from detente.errors import InputError
from detente.report._html import command, e, sh, table
from detente.scenario import Scenario

__all__ = ["CALIBRATION_DRAWS", "CREDIBILITY_SAMPLES", "DEFAULT_JITTER", "MAIN_MODEL",
           "SENSITIVITY_JITTER", "SENSITIVITY_SAMPLES", "SIMULATED", "SIM_DRAWS",
           "UncertaintyData", "confidence_min", "interval_confidence", "intervals_part",
           "sensitivity_judgement", "sensitivity_section", "uncertainty_data"]

#: Monte Carlo draws per model for the intervals (modest: a report, not a study).
SIM_DRAWS = 400
#: Draws per case of the calibration on the case bank (``detente calibrate cases --draws``).
CALIBRATION_DRAWS = 50
#: Models simulated for intervals: those batched as array code over the draws. The exchange
#: model and the crisis model need minutes for a few hundred draws on a small machine; the
#: crisis model's own band over its draws is in the crisis section.
SIMULATED = ("compromise", "median", "nash", "eum")
#: The noise used when the calibration cannot run (an assumption, stated in the report).
DEFAULT_JITTER = "position=10%,salience=25%"
#: The report's main model for the sensitivity ranking (stated in the methods appendix).
MAIN_MODEL = "eum"
#: Sensitivity: Morris trajectories and the local noise each input varies under.
SENSITIVITY_SAMPLES = 4
SENSITIVITY_JITTER = "position=10,salience=25%"
#: Morris trajectories of the credibility sensitivity (the command's default).
CREDIBILITY_SAMPLES = 8
#: Inputs shown per issue in the sensitivity table.
TOP = 3


@dataclass(frozen=True, eq=False)
class UncertaintyData:
    """The uncertainty runs behind the report, and why any part is absent."""

    sim: Any = None  # SimulationResult
    jitter: str = DEFAULT_JITTER
    calibration: Any = None  # CalibrationReport (None: default jitter)
    calibration_failed: str | None = None
    sim_skipped: str | None = None
    not_simulated: tuple[str, ...] = ()
    sens: Any = None  # SensitivityResult
    sens_model: str | None = None
    sens_skipped: str | None = None
    cred: dict[str, Any] = field(default_factory=dict)  # "A->B" -> CredibilitySensitivity
    data: dict[str, Any] = field(default_factory=dict)
    seed: int = 0


def uncertainty_data(sc: Scenario, models: Sequence[str], *, seed: int, a: str | None,
                     b: str | None, as_of: str | None, record: Any) -> UncertaintyData:
    """Run the calibration, the simulation, the sensitivity analyses (as the report needs)."""
    from detente.report._calibration_cache import cached_calibration
    from detente.uncertainty import (
        credibility_sensitivity,
        sensitivity,
        simulate,
    )

    doc: dict[str, Any] = {}
    sim_models = [m for m in models if m in SIMULATED]
    not_sim = tuple(m for m in models if m not in SIMULATED)
    calib = None
    failed = None
    jitter = DEFAULT_JITTER
    sim = None
    sim_skipped = None
    if sim_models:
        try:
            calib = cached_calibration("compromise", CALIBRATION_DRAWS, seed)
            jitter = calib.jitter
            doc["calibration"] = calib.as_dict()
        except InputError as err:
            failed = str(err)
        try:
            sim = simulate(sc, sim_models, SIM_DRAWS, seed=seed, jitter=jitter)
            doc["intervals"] = sim.numbers()
        except InputError as err:
            sim_skipped = f"the Monte Carlo refused the inputs: {err}"
    else:
        sim_skipped = ("none of the report's models is batched for the Monte Carlo "
                       f"({', '.join(SIMULATED)})")
    sens = None
    sens_skipped = None
    sens_model = MAIN_MODEL if MAIN_MODEL in models else (sim_models[0] if sim_models else None)
    if sens_model is None:
        sens_skipped = "no model of the report is batched for the sensitivity analysis"
    else:
        try:
            sens = sensitivity(sc, sens_model, method="morris", n=SENSITIVITY_SAMPLES,
                               jitter=SENSITIVITY_JITTER, seed=seed)
            doc["sensitivity"] = sens.as_dict()
        except InputError as err:
            sens_skipped = f"the sensitivity analysis refused the inputs: {err}"
    cred: dict[str, Any] = {}
    if a is not None and b is not None and record is not None:
        for actor, toward in ((a, b), (b, a)):
            try:
                cred[f"{actor}->{toward}"] = credibility_sensitivity(
                    record, actor, toward, as_of, method="morris", n=CREDIBILITY_SAMPLES,
                    seed=seed)
            except InputError:
                continue
        if cred:
            doc["credibility_sensitivity"] = {k: v.as_dict() for k, v in cred.items()}
    return UncertaintyData(sim, jitter, calib, failed, sim_skipped, not_sim, sens, sens_model,
                           sens_skipped, cred, doc, seed)


def _width(sc: Scenario, issue_id: str) -> float:
    i = sc.issue(issue_id)
    return i.scale_max - i.scale_min


def _n(x: float, fmt: str = ".1f") -> str:
    """A number for a table cell (no negative zero), a dash when missing."""
    if x is None or not math.isfinite(float(x)):
        return "—"
    out = format(float(x), fmt)
    return out[1:] if out.startswith("-") and float(out) == 0 else out


def interval_confidence(sc: Scenario, ud: UncertaintyData, issue: str
                        ) -> tuple[str, str] | None:
    """Confidence from the width of the simulated 50 % intervals of ``issue`` (their mean over
    the simulated models, as a share of the scale): ≤ 25 % high, ≤ 50 % moderate, else low."""
    if ud.sim is None or issue not in ud.sim.issue_ids:
        return None
    k = ud.sim.issue_ids.index(issue)
    iss = sc.issue(issue)
    span = iss.scale_max - iss.scale_min
    widths = []
    for m in ud.sim.models:
        lo, hi = m.interval(0.5)
        if math.isfinite(float(lo[k])) and math.isfinite(float(hi[k])):
            widths.append(float(hi[k] - lo[k]) / span)
    if not widths:
        return None
    w = sum(widths) / len(widths)
    level = "high" if w <= 0.25 else "moderate" if w <= 0.5 else "low"
    return level, f"the 50% intervals under input noise span {w:.0%} of the scale"


def _simulate_cmd(ref: str, ud: UncertaintyData) -> str:
    ms = " ".join(f"-m {m.model}" for m in ud.sim.models)
    return (f"detente simulate {sh(ref)} {ms} --draws {ud.sim.draws} --seed {ud.sim.seed} "
            f"--jitter {ud.jitter} -f json")


def intervals_part(sc: Scenario, ref: str, ud: UncertaintyData, seed: int) -> str:
    """The intervals under the forecast table (HTML), or a one-line reason."""
    if ud.sim is None:
        return f'<p class="skip">Intervals skipped: {e(ud.sim_skipped)}.</p>'
    sim = ud.sim
    rows = []
    from detente._format import scale_digits

    for k, iss in enumerate(sim.issue_ids):
        # one decimal on a 0–100 scale, more on narrow scales (0–0.001 would read 0.0)
        dg = scale_digits(float(sim.scale_max[k] - sim.scale_min[k])) - 1
        f1, f2 = f".{dg}f", f".{dg + 1}f"
        for m in sim.models:
            a50, b50 = m.interval(0.5)
            a90, b90 = m.interval(0.9)
            rows.append([sc.issue(iss).label, m.model, _n(m.point[k], f1), _n(m.median[k], f1),
                         f"{_n(a50[k], f1)}–{_n(b50[k], f1)}",
                         f"{_n(a90[k], f1)}–{_n(b90[k], f1)}", _n(m.mcse[k], f2)])
    tab = table(["issue", "model", "forecast", "median of draws", "50% interval",
                 "90% interval", "± mcse"], rows)
    if ud.calibration is not None:
        c = ud.calibration
        noise = (
            f"<p>Input noise: <b>calibrated</b> on the case bank by <code>detente calibrate "
            f"cases</code> (fitted on {c.n_fit} cases with known outcomes, checked on "
            f"{c.n_test} others): each position varies by a normal of standard deviation "
            f"{c.scale:g}% of its scale"
            + (", censored at the scale's ends" if c.censor else "")
            + (f", correlated {c.common:g} among the positions on one issue" if c.common
               else "")
            + f" (<code>--jitter {e(c.jitter)}</code>). On the held-out cases the 50% and 90% "
            f"intervals of the compromise model covered {c.coverage50:.1%} and "
            f"{c.coverage90:.1%} of the outcomes (CRPS {c.crps:.1f} beside a point error of "
            f"{c.mae:.1f}). Applying this noise to every model and to this case is an "
            "assumption: it was fitted for the compromise model on other cases. Its size says "
            "that most of a forecast's error is shared by an issue's coding, not noise that "
            "averages out across actors; the intervals are correspondingly wide.</p>"
            + command(f"detente calibrate cases --draws {c.draws} --seed {c.seed} -f json"))
    else:
        why = f" ({e(ud.calibration_failed)})" if ud.calibration_failed else ""
        noise = (f"<p>Input noise: the calibration on the case bank could not run{why}; "
                 f"<b>assumed</b> default jitter <code>{e(ud.jitter)}</code> (position sd 10% "
                 "of the scale, salience sd 25% of the value), not calibrated.</p>")
    missing = ""
    if ud.not_simulated:
        missing = (f"<p>Not simulated here: {e(', '.join(ud.not_simulated))} (one model run "
                   f"per draw: minutes for {sim.draws} draws on a small machine; "
                   "<code>detente simulate</code> gives them with more time; the crisis "
                   "model's band over its own draws is in the crisis section).</p>")
    conv = int(sum(int(m.converged.sum()) for m in sim.models))
    total = sum(len(m.converged) for m in sim.models)
    return (
        f"<h3>Intervals: {sim.draws} Monte Carlo draws, seed {sim.seed}</h3>"
        + noise
        + "<p>Central intervals of each model's forecast over the draws; ± mcse is the Monte "
        f"Carlo standard error of the draws' mean ({conv} of {total} issue–model pairs meet "
        "the convergence check of 0.5% of the scale: more draws narrow the error of the "
        "interval ends, not the intervals).</p>"
        + tab + command(_simulate_cmd(ref, ud)) + missing
    )


def _indicator_names(indicators: Sequence[Any]) -> dict[str, Any]:
    out = {}
    for i in indicators:
        if i.kind in ("position", "salience") and i.issue:
            out[f"{i.actor}.{i.issue}.{i.kind}"] = i
        elif i.kind == "capability":
            out[f"{i.actor}.capability"] = i
    return out


def sensitivity_section(sc: Scenario, ref: str, ud: UncertaintyData, as_of: str | None,
                        indicators: Sequence[Any]) -> str | None:
    """The sensitivity section's body, or ``None`` when nothing could be computed."""
    from detente.uncertainty._credibility import RANGES

    parts = []
    swept = _indicator_names(indicators)
    if ud.sens is not None:
        s = ud.sens
        rows = []
        from detente._format import scale_digits

        for iss, xs in s.ranking.items():
            i_ = sc.issue(iss)
            fm = f".{scale_digits(i_.scale_max - i_.scale_min)}f"  # .2f on a 0–100 scale
            for x in xs[:TOP]:
                ind = swept.get(x.input)
                mark = ("" if ind is None else
                        '<a href="#indicators">' + ("changes a judgement" if ind.flips_at
                                                     is not None else "swept: robust")
                        + "</a>")
                rows.append([e(sc.issue(iss).label), e(x.input), _n(x.mu_star, fm),
                             _n(x.mu_star_conf, fm), _n(x.sigma, fm), mark])
        actors = [[e(sc.issue(iss).label),
                   e(", ".join(f"{a} {v:.{scale_digits(_width(sc, iss))}f}"
                               for a, v in xs[:TOP]))]
                  for iss, xs in s.actors.items()]
        still = [sc.issue(i).label for i in sc.issue_ids if i not in s.ranking]
        ranks = []
        for name, ind in swept.items():
            xs = s.ranking.get(ind.issue or "", ())
            pos = [j for j, x in enumerate(xs) if x.input == name]
            if pos:
                x = xs[pos[0]]
                ranks.append([e(name), f"{pos[0] + 1} of {len(xs)}", _n(x.mu_star, ".2f"),
                              '<a href="#indicators">' + ("changes a judgement"
                                                           if ind.flips_at is not None
                                                           else "robust") + "</a>"])
        swept_part = ("<p>The inputs the key assumptions section sweeps, and where they rank "
                      "here (a what-if on the report's discrete judgements there; the main "
                      "model's forecast here):</p>"
                      + table(["input", "rank on its issue", "mu*", "in the sweep"], ranks,
                              raw=True)) if ranks else ""
        parts.append(
            f"<h3>Which inputs move each issue's forecast ({e(s.model)} model)</h3>"
            f"<p>Morris elementary effects (Morris 1991; Campolongo et al. 2007) of the "
            f"{e(s.model)} model's forecast — the report's main model (methods appendix) — "
            f"over {s.runs:,} runs: every position and salience varies under a local noise "
            f"(<code>--jitter {e(SENSITIVITY_JITTER)}</code>: position sd 10 points, salience "
            "sd 25% of its value). <b>mu*</b> is the mean absolute move of the forecast, in "
            "points of the issue's scale, when the input moves across that range; <b>sigma</b> "
            "large beside mu* means the effect depends on the other inputs. The "
            f"{TOP} strongest inputs per issue; the last column links the inputs the key "
            "assumptions section sweeps.</p>"
            + table(["issue", "input", "mu*", "± 95%", "sigma", "key assumption"], rows,
                    raw=True)
            + "<p>Whose numbers matter, per issue (the sum of mu* over an actor's inputs):</p>"
            + table(["issue", "actors (Σ mu*)"], actors, raw=True)
            + (f"<p>No input moves: {e(', '.join(still))}.</p>" if still else "")
            + swept_part
            + command(f"detente sensitivity {sh(ref)} -m {s.model} --method morris -n "
                      f"{SENSITIVITY_SAMPLES} --jitter {SENSITIVITY_JITTER} --seed {ud.seed} "
                      "-f json")
        )
    else:
        parts.append(f'<p class="skip">Forecast sensitivity skipped: {e(ud.sens_skipped)}.</p>')
    if ud.cred:
        cparts = []
        for key, c in ud.cred.items():
            actor, toward = key.split("->")
            rows = [[e(name), f"{RANGES[name][0]:g}–{RANGES[name][1]:g}", f"{mu:.3f}",
                     f"{sg:.3f}"] for name, mu, sg in c.indices]
            cparts.append(
                f"<h4>{e(actor)} toward {e(toward)}</h4>"
                f"<p>Posterior mean {c.base:.3f} at the default settings; "
                f"{c.low:.3f}–{c.high:.3f} over {c.runs} sampled settings.</p>"
                + table(["setting", "range", "mu*", "sigma"], rows)
                + command(f"detente credibility-sensitivity {sh(actor)} --toward {sh(toward)}"
                          + (f" --as-of {sh(as_of)}" if as_of else "")
                          + f" -n {CREDIBILITY_SAMPLES} --seed {ud.seed} -f json"))
        parts.append(
            "<h3>What the credibility figures depend on</h3>"
            "<p>Credibility rests on settings an analyst chooses: the half-life of old events, "
            "the weight of an allegation beside an established finding, the discount of a "
            "disputed event and the prior. Each varies over a plausible range (Morris "
            "screening); mu* is the mean absolute move of the posterior mean. The trust the "
            "bargaining and crisis sections use is this figure; the key assumptions section "
            '<a href="#indicators">sweeps it</a> to find where a judgement would change.</p>'
            + "".join(cparts))
    if ud.sens is None and not ud.cred:
        return None
    return "".join(parts)


def confidence_min(*levels: str) -> str:
    order = {"low": 0, "moderate": 1, "high": 2}
    return min(levels, key=lambda x: order.get(x, 0))


def sensitivity_judgement(sc: Scenario, ud: UncertaintyData) -> str | None:
    """One sentence: whose numbers move the main model's forecasts most, over all issues."""
    if ud.sens is None or not ud.sens.actors:
        return None
    total: dict[str, float] = {}
    for xs in ud.sens.actors.values():
        for a, v in xs:
            total[a] = total.get(a, 0.0) + v
    top = sorted(total.items(), key=lambda t: (-t[1], t[0]))[:2]
    return (f"The {ud.sens.model} forecasts depend most on {top[0][0]}'s numbers"
            + (f", then {top[1][0]}'s" if len(top) > 1 else "") + " (sensitivity section).")
