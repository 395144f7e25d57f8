"""Command: crisis — Fearon's bargaining range, commitment and information problems, fed by
the scenario and the record; the crisis model's dyad, zone, episode and explanation; a public
demand read as a signal."""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

import typer
from rich.table import Table

from detente.cli._app import (
    SummaryFormat,
    TableJson,
    UserError,
    about_file,
    actor_option,
    app,
    console,
    date_option,
    db_option,
    esc,
    load_record,
    print_lines,
    print_styled,
    scenario_path,
    user_errors,
)

__all__: list[str] = []



def _need_outside_options(scenario: Any, a: str | None, b: str | None) -> None:
    """--a/--b choose the dyad of a threat; without any outside option there is none, and the
    options would be ignored in silence (as --a naming an actor without one is refused)."""
    holders = sorted({o.actor for o in scenario.outside_options})
    if holders:
        if a is not None and a not in holders:
            raise UserError(f"--a {a}: no outside option in scenario '{scenario.name}': the "
                            f"challenger is an actor with one ({', '.join(holders)})")
        return
    for option, who in (("--a", a), ("--b", b)):
        if who is not None:
            raise UserError(f"{option} {who}: no actor has an outside option in scenario "
                            f"'{scenario.name}', so there is no challenger and counterpart to "
                            "choose (the forecast is the collective layer's; add "
                            "outside_options to the scenario, see docs/crisis.md)")

def _demand(text: str | None) -> dict[str, float] | None:
    if not text:
        return None
    out: dict[str, float] = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--demand {text!r}: expected ISSUE=VALUE,ISSUE=VALUE")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise UserError(f"--demand: {value!r} is not a number (issue {key.strip()})") from None
        if not math.isfinite(out[key.strip()]):
            raise UserError(f"--demand: {value!r} is not a finite number")
    return out


def _check_demand(demand: dict[str, float] | None, scenario: Any) -> None:
    """The issues and values of ``--demand`` against the scenario, before any model runs."""
    issues = {i.id: i for i in scenario.issues}
    for iid, val in (demand or {}).items():
        if iid not in issues:
            raise UserError(f"--demand: unknown issue '{iid}'; expected one of: "
                            f"{', '.join(issues)}")
        lo, hi = issues[iid].scale_min, issues[iid].scale_max
        if not lo <= val <= hi:
            raise UserError(f"--demand: {val:g} on '{iid}' is outside its scale [{lo:g}, {hi:g}]")


def _trust(text: str) -> Any:
    if text == "record":
        return text
    try:
        t = float(text)
    except ValueError:
        raise UserError(f"--trust must be a number in [0, 1] or 'record', got {text!r}") from None
    if not 0 <= t <= 1:
        raise UserError(f"--trust must be in [0, 1], got {text}")
    return t


@app.command("crisis")
@user_errors
def crisis_cmd(
    file: Annotated[str, typer.Argument(
        metavar="SCENARIO", help="Scenario file or example name.")],
    a: Annotated[str | None, typer.Option(
        "--a", help="The challenger (an actor with an outside option; default: the one with "
        "the most attractive option).")] = None,
    b: Annotated[str | None, typer.Option(
        "--b", help="The counterpart whose record sets the trust (default: the challenger's "
        "most capable target).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for the record's credibility (default: the scenario's as_of).")
    ] = None,
    channel: Annotated[str, typer.Option(
        "--channel", help="public or private positions and saliences.")] = "public",
    trust: Annotated[str, typer.Option(
        "--trust", help="κ in [0, 1], or 'record'.")] = "record",
    db: Annotated[str | None, typer.Option(
        "--db", callback=db_option, help="The record whose credibility sets the trust "
        "(database URL or SQLite path, as `detente credibility --db`; default: the shipped "
        "dataset).")] = None,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws.")] = 2000,
    resolve_sd: Annotated[float, typer.Option(
        "--resolve-sd", help="σ of private costs of conflict (log-sd).")] = 0.5,
    p_later: Annotated[float | None, typer.Option(
        "--p-later", help="The challenger's chance of prevailing after a power shift "
        "(commitment problem; default: no shift).")] = None,
    delta: Annotated[float, typer.Option(
        "--delta", help="Discount factor for the commitment problem.")] = 0.9,
    demand: Annotated[str | None, typer.Option(
        "--demand", help="A public demand to read as a signal, ISSUE=VALUE,... (default: the "
        "challenger's public positions).")] = None,
    commitment: Annotated[float, typer.Option(
        "--commitment", help="Commitment of that demand (0.9: a public ultimatum).")] = 0.9,
    sunk: Annotated[float, typer.Option(
        "--sunk", help="Costs the demand sinks up front (mobilisation), stake units.")] = 0.0,
    explain: Annotated[bool, typer.Option("--explain", help="Explain in words.")] = True,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="What-if: ACTOR.ISSUE.FIELD=VALUE (incl. red_line), ACTOR.capability, "
        "ACTOR.cost|target_cost|p_prevail (its outside option) or ISSUE.status_quo; "
        "repeat.")] = None,
    drop: Annotated[list[str] | None, typer.Option(
        "--drop", help="What-if: leave out an actor; repeat.")] = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = 0,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Coercive bargaining on a scenario: who can walk away, the bargaining range (Fearon
    1995), whether promises can be believed (commitment problem, Powell 2006), what private
    costs do (information problem), P(agreement / standoff / escalation), and a public demand
    read as a signal (Fearon 1997)."""
    import numpy as np
    from scipy import stats

    from detente._format import fixed
    from detente.bargaining import commitment_problem, information_problem
    from detente.crisis import crisis_forecast
    from detente.crisis import explain as explain_lines
    from detente.crisis._calibrate import mixture_lines_all
    from detente.crisis._explain import escalation_source
    from detente.crisis._signal import ultimatum_signal
    from detente.scenario import load_scenario

    if channel not in ("public", "private"):
        raise UserError(f"--channel must be public or private, got {channel!r}")
    if not 0 <= delta < 1:
        raise UserError(f"--delta must be in [0, 1), got {delta}")
    if p_later is not None and not 0 <= p_later <= 1:
        raise UserError(f"--p-later must be in [0, 1], got {p_later}")
    from detente.collective._budget import WORK_BOUNDS

    most = int(WORK_BOUNDS["crisis"])  # as `forecast -m crisis -o draws=…` (memory: the draws)
    if draws < 1 or draws > most:
        raise UserError(f"--draws must be between 1 and {most:,}, got {draws} (on Geneva 2022, "
                        "20,000 draws held 1.2 GB and 200,000 needed 11 GB)")
    if not 0 <= commitment <= 1:
        raise UserError(f"--commitment must be in [0, 1], got {commitment}")
    if not (sunk >= 0 and math.isfinite(sunk)):
        raise UserError(f"--sunk must be a finite number ≥ 0, got {sunk}")
    if not (resolve_sd >= 0 and math.isfinite(resolve_sd)):
        raise UserError(f"--resolve-sd must be a finite number ≥ 0, got {resolve_sd}")
    as_of = date_option(as_of, "--as-of")
    if db is not None and trust != "record":
        raise UserError(f"--db: only with --trust record (it chooses the record the trust is "
                        f"read from; --trust {trust} gives the trust itself)")
    demanded = _demand(demand)
    path = scenario_path(file)
    scenario = load_scenario(path)
    wnotes: tuple[str, ...] = ()
    if set_ or drop:  # what-if without editing the file
        from detente.uncertainty import apply_whatif, whatif_notes

        wnotes = whatif_notes(scenario, drop or [])
        scenario = apply_whatif(scenario, set_ or [], drop or [])
    actor_option(scenario, a, "--a")
    actor_option(scenario, b, "--b")
    _need_outside_options(scenario, a, b)
    _check_demand(demanded, scenario)
    kappa = _trust(trust)
    if db is not None and db != "shipped":
        kappa = load_record(db)  # a record of one's own: the crisis model reads the trust there
    opts: dict[str, Any] = {"channel": channel, "trust": kappa,
                            "challenger": a or "", "counterpart": b or "", "as_of": as_of}
    with about_file(path):
        res = crisis_forecast(scenario, rng=seed, draws=draws, resolve_sd=resolve_sd, **opts)
    an = res.analysis
    s, d = an.setup, an.dyad
    scaled = s.to_scale(res.draws)
    forecast = scaled.mean(axis=0)
    lo80, hi80 = np.quantile(scaled, 0.1, axis=0), np.quantile(scaled, 0.9, axis=0)
    doc: dict[str, Any] = {"scenario": scenario.name, "channel": channel,
                           "episode": res.episode, "episode_model": res.episode_model,
                           "base_rate_weight": res.base_rate_weight,
                           "base_rate": res.base_rate}
    if d is not None:
        o = d.options[an.option]
        c_a, c_b, p = o.cost, o.target_cost, o.p
        fr = {"p": p, "cost_a": c_a, "cost_b": c_b, "low": max(0.0, p - c_a),
              "high": min(1.0, p + c_b)}
        cm = commitment_problem(p, p if p_later is None else p_later, c_a, c_b, delta)
        sd = max(resolve_sd, 1e-9)
        cost_b = stats.lognorm(s=sd, scale=max(c_b, 1e-12) * math.exp(-sd**2 / 2))
        info = information_problem(p, c_a, cost_b)
        doc.update({
            "challenger": s.actor_ids[d.a], "counterpart": s.actor_ids[d.counterpart],
            "option": {"action": o.action, "p_prevail": p, "p_given": o.p_given,
                       "cost": c_a, "target_cost": c_b,
                       "targets": [s.actor_ids[t] for t in o.targets]},
            "trust": {"challenger_in_counterpart": d.kappa_a,
                      "counterpart_in_challenger": d.kappa_b, "how": an.trust_note},
            "fearon_range": fr, "commitment_problem": cm.as_dict(),
            "information_problem": {"demand": info.offer, "breakdown": info.breakdown,
                                    "expected_utility": info.expected_utility},
            "credible_threat": an.credible, "zone_exists": an.zone_exists,
        })
        # a user's mistake here is an InputError (exit 2); anything else is a bug, reported
        # as one rather than printed as the signal's "error"
        sig = ultimatum_signal(scenario, demanded, commitment=commitment,
                               sunk_cost=sunk, resolve_sd=resolve_sd, rng=seed,
                               **{k: v for k, v in opts.items() if k != "as_of"},
                               as_of=as_of)
        doc["signal"] = sig.as_dict()
    doc["issues"] = [
        {"issue": i, "name": iss.label, "status_quo": iss.status_quo,
         "forecast": float(forecast[k]),
         "interval_80": [float(lo80[k]), float(hi80[k])],
         "standoff": None if d is None else float(s.to_scale(d.standoff)[k]),
         "deal": (None if an.proposal is None else float(s.to_scale(an.proposal)[k]))}
        for k, (i, iss) in enumerate(zip(s.issue_ids, scenario.issues, strict=True))]
    doc["explanation"] = explain_lines(an) + [
        x for x in (escalation_source(res),) if x]
    if wnotes:  # what a what-if's --drop took with it (also on stderr)
        doc["notes"] = list(wnotes)
    if fmt is TableJson.json:
        console.print_json(json.dumps(doc, allow_nan=False, default=float))
        return
    print_styled(f"[bold]{esc(scenario.name)}[/] ({channel} channel): P(agreement) "
                  f"{res.episode['agreement']:.2f}, P(standoff) {res.episode['no_agreement']:.2f}"
                  f", P(escalation) {res.episode['escalation']:.2f}")
    mixed = mixture_lines_all(res.episode, res.episode_model, res.base_rate_weight,
                              res.base_rate)
    if mixed:
        console.print(mixed)
    if d is not None:
        o = d.options[an.option]
        fr = doc["fearon_range"]
        cm = doc["commitment_problem"]
        info = doc["information_problem"]
        console.print(f"{doc['challenger']} can walk away: {o.action or 'act alone'} "
                      f"(p = {o.p:.2f}{' given' if o.p_given else ' from capabilities'}, "
                      f"cost {o.cost:g}, cost to each target {o.target_cost:g}).")
        t = Table(title="Fearon's problems on a unit issue (challenger's share x)",
                  title_justify="left")
        t.add_column("problem")
        t.add_column("figure")
        t.add_row("bargaining range (Fearon 1995)",
                  f"[{fr['low']:.3f}, {fr['high']:.3f}]: both prefer any such x to fighting")
        t.add_row("commitment (Powell 2006)",
                  f"p {cm['p_now']:.2f} → {cm['p_later']:.2f}, δ {cm['delta']:g}: "
                  + ("no self-enforcing deal (war)" if cm["war"] else
                     f"self-enforcing today's shares [{cm['low']:.3f}, {cm['high']:.3f}]")
                  + f"; promises kept with κ = {d.kappa_a:.2f} / {d.kappa_b:.2f} "
                  f"({an.trust_note})")
        t.add_row("information (private costs, σ "
                  f"{resolve_sd:g})", f"optimal demand {info['demand']:.3f}, breakdown risk "
                  f"{info['breakdown']:.1%}" + ("" if an.credible else
                  " — if the threat were credible; at the believed values it is not"))
        console.print(t)
    tab = Table(title="per issue", title_justify="left")
    for col in ("issue", "status quo", "standoff", "deal", "forecast", "80% interval"):
        tab.add_column(col, justify="left" if col == "issue" else "right")
    for row in doc["issues"]:
        def f(x: Any) -> str:
            return "—" if x is None else fixed(x, 1)
        # the issue's name, as every other face labels it (it was the id)
        tab.add_row(esc(row["name"]), f(row["status_quo"]), f(row["standoff"]), f(row["deal"]),
                    f(row["forecast"]), f"{fixed(row['interval_80'][0], 1)}–"
                    f"{fixed(row['interval_80'][1], 1)}")
    console.print(tab)
    if explain:
        console.print("why", style="bold")
        print_lines(doc["explanation"], indent="  ")
    if d is not None and "signal" in doc:
        console.print("the demand, were it made, read as a signal (Fearon 1997) — a "
                      "hypothetical", style="bold")
        print_lines(sig.describe(), indent="  ")
