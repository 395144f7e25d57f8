"""The crisis section of the case report: P(agreement / standoff / escalation) on the public and
the private channel, what closes the zone of agreement, the explanation in words, and a public
demand read as a signal.

Only the public API of :mod:`detente.crisis` is used (``crisis_forecast``, ``explain``,
``channel_gap``, ``has_private`` and their result types), with the settings the ``detente
crisis`` command uses, so that every number here is the one that command prints.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.crisis._calibrate import mixture_line
from detente.report._html import command, e, link, num, sh, table
from detente.scenario import Scenario

__all__ = ["CRISIS_DRAWS", "CrisisData", "crisis_data", "crisis_judgements", "crisis_section",
           "replace_scenario", "ultimatum"]

#: Monte Carlo draws of the crisis runs (the ``detente crisis`` default).
CRISIS_DRAWS = 2000
#: Draws of the counterfactual runs (what closes the zone) and of the what-if sweeps.
CHEAP_DRAWS = 500
#: The crisis command's default σ of private costs of conflict, and a public ultimatum's
#: commitment (coding protocol: 0.9).
RESOLVE_SD = 0.5
ULTIMATUM_COMMITMENT = 0.9
EPISODE_KINDS = (("agreement", "agreement"), ("no_agreement", "standoff"),
                 ("escalation", "escalation"))


def replace_scenario(sc: Scenario, **fields: Any) -> Scenario:
    """A validated copy of ``sc`` with ``fields`` replaced (what-if runs)."""
    data = {k: getattr(sc, k) for k in type(sc).model_fields}
    data.update(fields)
    return Scenario(**data)


def ultimatum() -> Any:
    """The crisis package's reading of a public demand as a signal, where it offers one (the same
    function ``detente crisis`` calls), else ``None``."""
    import detente.crisis as crisis

    fn = getattr(crisis, "ultimatum_signal", None)
    if fn is None:
        try:
            from detente.crisis import _signal
        except ImportError:  # pragma: no cover - depends on the crisis package's layout
            return None
        fn = getattr(_signal, "ultimatum_signal", None)
    return fn


@dataclass(frozen=True, eq=False)
class CrisisData:
    """The crisis runs behind the section (one per channel) and what they print."""

    channels: dict[str, Any]  # channel -> CrisisResult
    signals: dict[str, Any]  # channel -> Signal (where a dyad exists)
    explanations: dict[str, list[str]]
    counterfactual: list[tuple[str, dict[str, float] | None, str]]
    gaps: list[Any]  # ChannelGap of the other models
    data: dict[str, Any] = field(default_factory=dict)


def _issues_doc(res: Any, sc: Scenario) -> dict[str, dict[str, Any]]:
    s = res.analysis.setup
    scaled = s.to_scale(res.draws)
    mean = scaled.mean(axis=0)
    lo, hi = np.quantile(scaled, 0.1, axis=0), np.quantile(scaled, 0.9, axis=0)
    d = res.analysis.dyad
    out = {}
    for k, iid in enumerate(s.issue_ids):
        out[iid] = {
            "forecast": float(mean[k]), "interval_80": [float(lo[k]), float(hi[k])],
            "standoff": None if d is None else float(s.to_scale(d.standoff)[k]),
            "deal": (None if res.analysis.proposal is None
                     else float(s.to_scale(res.analysis.proposal)[k])),
        }
    return out


def _episode(sc: Scenario, seed: int, as_of: str | None, draws: int, **changes: Any
             ) -> dict[str, float] | None:
    from detente.crisis import crisis_forecast

    trust = changes.pop("trust", "record")
    try:
        r = crisis_forecast(sc, rng=seed, draws=draws, resolve_sd=RESOLVE_SD, channel="public",
                            trust=trust, as_of=as_of, **changes)
    except ValueError:
        return None
    return dict(r.episode)


def crisis_data(sc: Scenario, *, seed: int, as_of: str | None, models: Sequence[str],
                record: Any = None) -> CrisisData:
    """Run the crisis model on both channels (the public one only when the scenario gives no
    private stances), the counterfactuals and the other models' channel gap. ``record``: the
    record the trust is read from (None: the shipped one)."""
    from detente.crisis import channel_gap, crisis_forecast, explain, has_private
    from detente.crisis._explain import escalation_source

    channels = ["public", "private"] if has_private(sc) else ["public"]
    kappa: Any = "record" if record is None else record
    runs: dict[str, Any] = {}
    signals: dict[str, Any] = {}
    expl: dict[str, list[str]] = {}
    doc: dict[str, Any] = {}
    sig_fn = ultimatum()
    for ch in channels:
        res = crisis_forecast(sc, rng=seed, draws=CRISIS_DRAWS, resolve_sd=RESOLVE_SD,
                              channel=ch, trust=kappa, challenger="", counterpart="",
                              as_of=as_of)
        runs[ch] = res
        expl[ch] = list(explain(res.analysis)) + [
            x for x in (escalation_source(res),) if x]
        an = res.analysis
        d = an.dyad
        entry: dict[str, Any] = {"episode": dict(res.episode),
                                 "episode_model": dict(res.episode_model),
                                 "base_rate_weight": res.base_rate_weight,
                                 "base_rate": res.base_rate,
                                 "issues": _issues_doc(res, sc)}
        if d is not None:
            entry["challenger"] = an.setup.actor_ids[d.a]
            entry["counterpart"] = an.setup.actor_ids[d.counterpart]
            entry["credible_threat"] = bool(an.credible)
            entry["zone_exists"] = bool(an.zone_exists)
            entry["trust"] = [float(d.kappa_a), float(d.kappa_b)]
            if sig_fn is not None:
                try:
                    sig = sig_fn(sc, None, commitment=ULTIMATUM_COMMITMENT, sunk_cost=0.0,
                                 resolve_sd=RESOLVE_SD, rng=seed, channel=ch, trust=kappa,
                                 challenger="", counterpart="", as_of=as_of)
                except ValueError:
                    sig = None
                if sig is not None:
                    signals[ch] = sig
                    entry["signal"] = dict(sig.as_dict())
        doc[ch] = entry
    # what closes the zone: the public channel without each ingredient (cheaper runs)
    cf: list[tuple[str, dict[str, float] | None, str]] = []
    if runs["public"].analysis.dyad is not None:
        no_rl = [s.model_copy(update={"red_line": None}) for s in sc.stances]
        no_ac = [s.model_copy(update={"commitment": 0.0}) for s in sc.stances]
        cases: list[tuple[str, Scenario, dict[str, Any], str]] = [
            ("as coded", sc, {}, ""),
            ("without red lines", replace_scenario(sc, stances=tuple(no_rl)), {},
             f"{sum(s.red_line is not None for s in sc.stances)} red lines dropped"),
            ("without audience costs", replace_scenario(sc, stances=tuple(no_ac)), {},
             f"{sum(s.commitment > 0 for s in sc.stances)} public commitments set to 0"),
            ("without outside options", replace_scenario(sc, outside_options=()), {},
             f"{len(sc.outside_options)} outside option(s) dropped"),
            ("at full trust", sc, {"trust": 1.0}, "κ = 1 both ways instead of the record's"),
        ]
        for label, variant, opts, what in cases:
            opts = {"trust": kappa, **opts}
            cf.append((label, _episode(variant, seed, as_of, CHEAP_DRAWS, **opts), what))
        doc["counterfactual"] = {label: ep for label, ep, _ in cf}
    gaps = []
    if has_private(sc):
        for m in models:
            if m == "crisis":
                continue
            gaps.append(channel_gap(sc, m, seed=seed))
    return CrisisData(runs, signals, expl, cf, gaps, doc)


def _p(p: float, n: int, model: float | None = None, weight: float = 0.0) -> str:
    # the Monte Carlo error is the structural draws'; the mixture scales it by 1 − ε
    pm = p if model is None else model
    se = (1.0 - weight) * math.sqrt(max(pm * (1 - pm), 0.0) / n)
    return f"{p:.3f} ± {se:.3f}"


def _brier(ep: Mapping[str, float], kind: str) -> float:
    return float(sum((ep[k] - (1.0 if k == kind else 0.0)) ** 2 for k, _ in EPISODE_KINDS))


def crisis_section(sc: Scenario, ref: str, as_of: str | None, cd: CrisisData,
                   models: Sequence[str], seed: int = 0) -> str:
    """The section's HTML body."""
    from detente.report._case_report import likelihood_term

    asof = f" --as-of {sh(as_of)}" if as_of else ""
    chans = list(cd.channels)
    pub = cd.channels["public"]
    an = pub.analysis
    d = an.dyad
    parts: list[str] = []
    if d is not None:
        o = d.options[an.option]
        parts.append(
            f"<p>The crisis model (coercive bargaining: Fearon 1995, 1997; Putnam 1988; Tomz "
            f"2007) picks <b>{e(an.setup.actor_ids[d.a])}</b> as the challenger — the actor "
            f"with an outside option: “{e(o.action or 'act alone')}” against "
            f"{e(', '.join(an.setup.actor_ids[t] for t in o.targets))} — and "
            f"{e(an.setup.actor_ids[d.counterpart])} as its counterpart. "
            f"{e(an.trust_note)}.</p>")
    else:
        parts.append("<p>No actor has an outside option: the crisis model's collective layer "
                     "decides and P(escalation) is 0.</p>")
    # probabilities, both channels
    rows = []
    for key, label in EPISODE_KINDS:
        row = [label]
        for ch in chans:
            p = float(cd.channels[ch].episode[key])
            run = cd.channels[ch]
            row += [_p(p, CRISIS_DRAWS, run.episode_model.get(key), run.base_rate_weight),
                    likelihood_term(p)]
        if len(chans) == 2:
            gap = (float(cd.channels["private"].episode[key])
                   - float(cd.channels["public"].episode[key]))
            row.append(f"{gap:+.3f}")
        rows.append(row)
    head = ["episode"]
    for ch in chans:
        head += [f"P ({ch})", "term"]
    if len(chans) == 2:
        head.append("gap (private − public)")
    parts.append(
        f"<p>Probabilities over {CRISIS_DRAWS:,} draws of the private costs of conflict, each "
        "with its Monte Carlo standard error (the model's own spread; intervals over the "
        "inputs are skipped, see the sensitivity section).</p>" + table(head, rows))
    mixed = [f"{ch}: {line}" for ch in chans if (line := mixture_line(
        cd.channels[ch].episode, cd.channels[ch].episode_model,
        cd.channels[ch].base_rate_weight, cd.channels[ch].base_rate))]
    if mixed:
        parts.append(
            "<p>These are calibrated figures: the structural model's probabilities mixed with "
            "the case bank's outcome frequencies (design revision 9 of docs/crisis.md; the "
            "standard errors are the structural draws' scaled by the model's weight). "
            + " ".join(e(m) + "." for m in mixed) + "</p>")
    outcome = sc.outcome
    if outcome is not None:
        bs = ", ".join(f"{ch} {_brier(cd.channels[ch].episode, outcome.kind):.3f}"
                       for ch in chans)
        kind = dict(EPISODE_KINDS)[outcome.kind]
        parts.append(
            f"<p>What happened: <b>{e(kind)}</b>"
            + (f" ({e(outcome.date)})" if outcome.date else "")
            + ". The model gave it P = "
            + ", ".join(f"{float(cd.channels[ch].episode[outcome.kind]):.3f} ({ch})"
                        for ch in chans)
            + f"; Brier score of the three-way forecast {bs} (0 is perfect, 2 the worst; a "
            "uniform forecast scores 0.667).</p>")
    run = f"detente crisis {sh(ref)}{asof} --draws {CRISIS_DRAWS} --seed {seed}"
    parts.append(command(f"{run} -f json")
                 + (command(f"{run} --channel private -f json")
                    if len(chans) == 2 else ""))
    # per issue
    irows = []
    for iss in sc.issues:
        row = [iss.label, "—" if iss.status_quo is None else f"{iss.status_quo:g}"]
        for ch in chans:
            doc = cd.data[ch]["issues"][iss.id]
            lo, hi = doc["interval_80"]
            row += [num(doc["deal"], ".1f") if doc["deal"] is not None else "—",
                    f"{doc['forecast']:.1f}", f"{lo:.1f}–{hi:.1f}"]
        if len(chans) == 2:
            g = (cd.data["private"]["issues"][iss.id]["forecast"]
                 - cd.data["public"]["issues"][iss.id]["forecast"])
            row.append(f"{g:+.1f}")
        irows.append(row)
    ihead = ["issue", "status quo"]
    for ch in chans:
        ihead += [f"deal ({ch})", f"forecast ({ch})", "80% of draws"]
    if len(chans) == 2:
        ihead.append("gap")
    parts.append("<h3>Per issue: the expected deal and the forecast over the draws</h3>"
                 + table(ihead, irows))
    # red lines, audience costs, outside options
    rl = [[e(s.actor), e(s.issue), e(f"not {s.red_line.side} {s.red_line.value:g}"),
           f"{s.commitment:g}", e(s.red_line.note), link(s.red_line.source)]
          for s in sc.stances if s.red_line is not None]
    if rl:
        parts.append("<h3>Red lines (no deal may cross them)</h3>"
                     + table(["actor", "issue", "red line", "public commitment", "note",
                              "source"], rl, raw=True))
    ac = [[s.actor, s.issue, f"{s.position:g}", f"{s.commitment:g}"]
          for s in sc.stances if s.commitment > 0 and s.red_line is None]
    if ac:
        parts.append("<h3>Public commitments (audience costs of conceding)</h3>"
                     "<p>Commitment 0.3 a stated preference, 0.6 a public demand by a leader or "
                     "government, 0.9 a public ultimatum or red line by the head of state; "
                     "backing away from the public position costs commitment × salience weight × "
                     "distance.</p>"
                     + table(["actor", "issue", "public position", "commitment"], ac))
    oo = [[e(o.actor), e(", ".join(o.target) or "everyone else"), e(o.action),
           "from capabilities" if o.p_prevail is None else f"{o.p_prevail:g}",
           f"{o.cost:g}", f"{o.target_cost:g}",
           e(", ".join(f"{k} {v:g}" for k, v in o.imposes.items())), link(o.source)]
          for o in sc.outside_options]
    if oo:
        parts.append("<h3>Outside options</h3>"
                     + table(["actor", "target", "action", "P(prevail)", "cost", "cost to target",
                              "imposes", "source"], oo, raw=True))
    if cd.counterfactual:
        crow = []
        for label, ep, what in cd.counterfactual:
            if ep is None:
                crow.append([label, what, "—", "—", "—"])
            else:
                crow.append([label, what, *[f"{ep[k]:.3f}" for k, _ in EPISODE_KINDS]])
        parts.append(
            "<h3>What closes the zone: the public channel without each ingredient</h3>"
            f"<p>Each row reruns the crisis model ({CHEAP_DRAWS} draws, same seed) with one "
            "ingredient removed; a row whose P(agreement) rises names what closes the "
            "zone.</p>"
            + table(["run", "change", "P(agreement)", "P(standoff)", "P(escalation)"], crow))
    # explanation
    for ch in chans:
        parts.append(f"<h3>Why ({e(ch)} channel)</h3><ul>"
                     + "".join(f"<li>{e(line)}</li>" for line in cd.explanations[ch])
                     + "</ul>")
    # the other models' channel gap
    if cd.gaps:
        names = [g.model for g in cd.gaps]
        grows = []
        for k, iss in enumerate(sc.issues):
            row = [iss.label]  # by name, as the report's other tables
            for g in cd.gaps:
                a, b = float(g.public.outcomes[k]), float(g.private.outcomes[k])
                row.append("—" if not (math.isfinite(a) and math.isfinite(b))
                           else f"{a:.1f} → {b:.1f} ({b - a:+.1f})")
            grows.append(row)
        opts = " ".join(f"-m {m}" for m in names) + f" --seed {seed}"
        parts.append(
            "<h3>Public versus private channel, every other model</h3>"
            "<p>Each model on the public positions and on the closed-channel ones (public → "
            "private, gap in brackets).</p>" + table(["issue", *names], grows)
            + command(f"detente forecast {sh(ref)} {opts} --channel private -f json"))
    # ultimatum
    if cd.signals:
        srows = []
        fields = [("demand", lambda s: ", ".join(f"{k} {v:g}" for k, v in s.demand.items())),
                  ("P(resolved) before the demand", lambda s: f"{s.prior_resolve:.3f}"),
                  ("P(resolved | demand made)",
                   lambda s: ("undefined (no type makes it)" if s.posterior_resolve is None
                              else f"{s.posterior_resolve:.3f}")),
                  ("P(a bluffing sender makes it)", lambda s: f"{s.p_send_bluff:.3f}"),
                  ("P(the receiver accepts it)", lambda s: f"{s.acceptance:.3f}"),
                  ("acceptance of the sender's best demand", lambda s: f"{s.best_acceptance:.3f}"),
                  ("audience cost of backing down", lambda s: f"{s.audience_cost:.3f}"),
                  ("meant to be accepted", lambda s: "yes" if s.meant_to_be_accepted else "no")]
        for label, f in fields:
            srows.append([label, *[f(cd.signals[ch]) for ch in cd.signals]])
        first = next(iter(cd.signals.values()))
        parts.append(
            f"<h3>The ultimatum: {e(first.sender)}'s public demand read as a signal</h3>"
            "<p>The challenger's public positions taken as a take-it-or-leave-it demand made in "
            f"public (commitment {ULTIMATUM_COMMITMENT:g}, Fearon 1997's tying hands): what the "
            "receiver should believe about the sender's resolve once it is made, and whether it "
            "was meant to be accepted.</p>"
            + table(["", *[f"{ch} channel" for ch in cd.signals]], srows)
            + "<ul>" + "".join(f"<li>{e(x)}</li>" for x in first.describe()) + "</ul>")
    elif d is not None:
        parts.append("<p class='skip'>Ultimatum analysis skipped: this build of the crisis "
                     "package offers no signal reading.</p>")
    return "".join(parts)


def crisis_judgements(sc: Scenario, cd: CrisisData) -> list[Any]:
    """Key judgements from the crisis runs: escalation, and what the ultimatum was for."""
    from detente.report._case_report import Judgement, likelihood_term

    pub = cd.channels["public"]
    an = pub.analysis
    d = an.dyad
    if d is None:
        return []
    a = an.setup.actor_ids[d.a]
    o = d.options[an.option]
    ps = {ch: float(r.episode["escalation"]) for ch, r in cd.channels.items()}
    terms = {likelihood_term(p) for p in ps.values()}
    conf = "moderate" if len(terms) == 1 else "low"
    basis = ("crisis model, calibrated (mixed with the bank's base rate), "
             + ", ".join(f"{ch} channel {p:.2f}" for ch, p in ps.items())
             + ("; the channels agree on the term" if len(terms) == 1 else
                "; the channels disagree on the term"))
    out = [Judgement(
        f"{a} carries out its outside option (“{o.action or 'act alone'}”) rather than settle "
        f"(crisis model, public channel: P(escalation) {ps['public']:.2f}, P(agreement) "
        f"{float(pub.episode['agreement']):.2f}).",
        conf, basis, likelihood_term(ps["public"]), ps["public"])]
    sig = cd.signals.get("public")
    if sig is not None:
        # a reading of a hypothetical: the challenger's public positions made an ultimatum.
        # Said as a fact ("CHN's public demand was not meant to be accepted: it announces the
        # outside option") it contradicted the judgement above whenever P(escalation) was ~0
        hits = [(st.actor, st.issue) for st in sc.stances
                if st.actor != sig.sender and st.red_line is not None
                and st.issue in sig.demand
                and (sig.demand[st.issue] > st.red_line.value + 1e-9
                     if st.red_line.side == "above"
                     else sig.demand[st.issue] < st.red_line.value - 1e-9)]
        who = list(dict.fromkeys(a for a, _ in hits))
        on = list(dict.fromkeys(i for _, i in hits))
        crossed = ("" if not hits else f"{who[0]}'s red line on {on[0]}" if len(hits) == 1
                   else f"the red lines of {', '.join(who)} (on {', '.join(on)})")
        were = (f"Were {sig.sender} to make its public positions an ultimatum (a public "
                f"take-it-or-leave-it demand, commitment {ULTIMATUM_COMMITMENT:g})")
        if sig.meant_to_be_accepted:
            txt = (f"{were}, it would read as an offer meant to be accepted (accepted with "
                   f"probability {sig.acceptance:.2f}).")
        else:
            why = f", as it crosses {crossed}" if crossed else ""
            txt = (f"{were}, it would be accepted with probability {sig.acceptance:.2f}{why}: "
                   "it would not be meant to be accepted — it would announce, or prepare, the "
                   "outside option"
                   + (f"; making it would move the belief that {sig.sender} is resolved from "
                      f"{sig.prior_resolve:.2f} to {sig.posterior_resolve:.2f}."
                      if sig.posterior_resolve is not None else
                      f", though no type of {sig.sender} would make it in the model, so it "
                      "could not be read as a sign of resolve."))
        out.append(Judgement(txt, "moderate", "crisis model's signal reading of the "
                             "challenger's public positions (Fearon 1997)"))
    return out
