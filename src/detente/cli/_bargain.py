"""Commands: bargain (zone of agreement, solutions, trust threshold), negotiate (a trace)."""

from __future__ import annotations

import json
import math
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from detente.cli._app import (
    SummaryFormat,
    TableJson,
    UserError,
    app,
    console,
    count,
    date_option,
    db_option,
    esc,
    figure_path,
    load_record,
    print_lines,
    print_styled,
    scenario_path,
    user_errors,
)
from detente.errors import InputError

if TYPE_CHECKING:
    from detente.bargaining import Domain
    from detente.bargaining._trust import Breach

__all__: list[str] = []


class BreachMode(StrEnum):
    status_quo = "status_quo"
    ideal = "ideal"


def _is_domain_yaml(path: Path) -> bool:
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    from detente._limits import max_scenario_bytes, read_text, safe_yaml

    try:
        data, _ = safe_yaml(read_text(path, max_bytes=max_scenario_bytes()), str(path))
    except InputError:
        return False  # let the scenario reader report the problem precisely
    return isinstance(data, dict) and "parties" in data


def _parse_reservation(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    try:
        ra, rb = (float(p) for p in parts)
    except ValueError:
        raise UserError(f"--reservation: expected two numbers like 0.4,0.3, got {text!r}") from None
    for r in (ra, rb):
        if not (math.isfinite(r) and 0 <= r <= 1):
            raise UserError(f"--reservation values must be in [0, 1], got {text!r}")
    return ra, rb


def _load(
    file: str, a: str | None, b: str | None, grid: int, deadline: int | None = None,
    reservation: str | None = None, whatif: tuple[list[str], list[str]] | None = None,
    parties: str = "--a and --b",
) -> Domain:
    """A domain from a bargaining YAML, a scenario file, or a shipped example's name;
    ``parties`` names the options that pick the two parties (in messages)."""

    path = scenario_path(file)
    try:
        return _load_domain(path, file, a, b, grid, deadline, reservation, whatif, parties)
    except InputError as e:
        raise e.located(str(path)) from None


def _load_domain(
    path: Path, file: str, a: str | None, b: str | None, grid: int, deadline: int | None,
    reservation: str | None, whatif: tuple[list[str], list[str]] | None = None,
    parties: str = "--a and --b",
) -> Domain:
    from detente.bargaining import domain_from_scenario, load_domain
    from detente.bargaining._domain import MAX_OPTIONS, check_outcomes
    from detente.scenario import load_scenario

    if _is_domain_yaml(path):
        if whatif and any(whatif):
            raise UserError("a bargaining domain: --set and --drop apply to scenarios")
        if a or b:
            raise UserError("a bargaining domain with its own two parties: "
                            f"drop {parties.replace(' and ', '/').split(' ')[0]}")
        dom = load_domain(path)
        res = _parse_reservation(reservation)
        if res is not None:
            dom = dom.with_reservation_values(*res)
    else:
        scenario = load_scenario(path)
        if whatif and any(whatif):  # uncertainty: what-if without editing the file
            from detente.uncertainty import apply_whatif

            scenario = apply_whatif(scenario, whatif[0], whatif[1])
        if a is None or b is None:
            if len(scenario.actors) == 2 and a is None and b is None:
                a, b = scenario.actor_ids
            else:
                raise UserError(
                    f"a scenario with {len(scenario.actors)} actors: pick the two "
                    f"parties with {parties} (actors: {', '.join(scenario.actor_ids)})"
                )
        if not 2 <= grid <= MAX_OPTIONS:  # the library's bound, named by the option
            raise UserError(f"--grid must be from 2 to {MAX_OPTIONS:,} (points per issue "
                            f"scale), got {grid:,}")
        dom = domain_from_scenario(scenario, a, b, steps=grid,
                                   reservation=_parse_reservation(reservation))
    if deadline is not None:
        if deadline < 1:
            raise UserError(f"--steps must be ≥ 1, got {deadline}")
        dom = dom.replace(deadline=deadline)
    check_outcomes(dom)  # before anything is allocated
    return dom


def _resolve_trust(dom: Domain, trust: float | None, as_of: str | None,
                   record: Any = None, settings: Any = None) -> tuple[
        tuple[float, float], str, dict[str, Any] | None]:
    from detente.bargaining import record_trust

    if trust is not None and as_of is not None:
        raise UserError("give either --trust or --as-of, not both")
    if trust is not None:
        if not (math.isfinite(trust) and 0 <= trust <= 1):
            raise UserError(f"--trust must be in [0, 1], got {trust}")
        return (trust, trust), f"given (--trust {trust:g})", None
    if as_of is not None:
        rec = record_trust(dom.a.id, dom.b.id, as_of, record=record, settings=settings)
        return rec.pair, f"record as of {as_of}", rec.as_dict()
    return (1.0, 1.0), "full trust (no --trust or --as-of given)", None


def _dated_hint(dom: Domain) -> str:
    """The scenario's own date, as a hint when trust defaulted to full ('' if none)."""
    from detente.record._credibility import scenario_as_of

    when = dom.as_of
    try:
        day = scenario_as_of(when)  # a partial date: its first day, as the crisis model reads it
    except InputError:  # after today: no date to suggest
        return ""
    return f"; the scenario is dated {when}: --as-of {day} reads trust from the record" \
        if day else ""


def _opts(options: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in options.items())


def _pair(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.3f}" if pair[0] == pair[1] else f"{pair[0]:.3f}/{pair[1]:.3f}"


def _k(x: float | None) -> str:
    return "none (no deal even at full trust)" if x is None else f"{x:.3f}"


# Arguments and options shared by the bargaining commands.
DomainArg = Annotated[str, typer.Argument(
    metavar="DOMAIN", help="Bargaining-domain YAML, a scenario file, or a shipped example's name.")]
PartyA = Annotated[str | None, typer.Option("--a", help="First party (actor id, scenarios).")]
PartyB = Annotated[str | None, typer.Option("--b", help="Second party (actor id).")]
PartiesOpt = Annotated[str | None, typer.Option(
    "--actors", help="The two parties of a scenario, e.g. USA,RUS.")]


@app.command("bargain")
@user_errors
def bargain_cmd(
    file: DomainArg,
    a: PartyA = None,
    b: PartyB = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Trust = credibility from the record as of DATE (YYYY-MM-DD).")] = None,
    trust: Annotated[float | None, typer.Option(
        "--trust", help="Trust κ in [0, 1] for both parties.")] = None,
    breach: Annotated[BreachMode | None, typer.Option(
        "--breach", help="What a broken deal reverts to (default: status quo if known).")] = None,
    grid: Annotated[int, typer.Option(
        "--grid", help="Points per issue scale when built from a scenario.")] = 11,
    reservation: Annotated[str | None, typer.Option(
        "--reservation", help="Reservation values RA,RB (outside options; default: the "
        "utility of the status quo).")] = None,
    fmt: SummaryFormat = TableJson.table,
    plot: Annotated[Path | None, typer.Option(
        "--plot", callback=figure_path,
        help="Write the utility plane (PNG/SVG/PDF).")] = None,
    trust_plot: Annotated[Path | None, typer.Option(
        "--trust-plot", callback=figure_path,
        help="Write the zone-of-agreement-against-trust figure.")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="What-if on a scenario: ACTOR.ISSUE.FIELD=VALUE or "
        "ACTOR.capability=VALUE; repeat.")] = None,
    drop: Annotated[list[str] | None, typer.Option(
        "--drop", help="What-if on a scenario: leave out an actor; repeat.")] = None,
    nash_weight: Annotated[float, typer.Option(
        "--nash-weight", help="The first party's bargaining power α in the Nash solution "
        "(asymmetric Nash, strictly between 0 and 1).")] = 0.5,
    db: Annotated[str | None, typer.Option(
        "--db", callback=db_option, help="With --as-of: the record whose credibility sets the "
        "trust (database URL or SQLite path, as `detente credibility --db`; default: the "
        "shipped dataset).")] = None,
    half_life: Annotated[float | None, typer.Option(
        "--half-life", help="With --as-of: recency half-life in years (default 10), as "
        "`detente credibility`.")] = None,
    allegation_weight: Annotated[float | None, typer.Option(
        "--allegation-weight", help="With --as-of: weight of an allegation (default 0.3), as "
        "`detente credibility`.")] = None,
    settings_file: Annotated[Path | None, typer.Option(
        "--credibility-settings", help="With --as-of: YAML file of credibility settings, as "
        "`detente credibility --settings`.")] = None,
) -> None:
    """Zone of agreement, bargaining solutions and the trust threshold of a two-party domain."""
    from detente.bargaining import analyse, trust_values
    from detente.bargaining._trust import broken_utilities

    as_of = date_option(as_of, "--as-of")
    if not (math.isfinite(nash_weight) and 0 < nash_weight < 1):
        raise UserError(f"--nash-weight must be strictly between 0 and 1 (the first party's "
                        f"bargaining power; 0.5: the symmetric Nash solution), got {nash_weight}")
    record_opts = {"--db": db, "--half-life": half_life,
                   "--allegation-weight": allegation_weight,
                   "--credibility-settings": settings_file}
    given = [k for k, v in record_opts.items() if v is not None]
    if given and as_of is None:
        raise UserError(f"{', '.join(given)}: only with --as-of (they choose the record and how "
                        "it is read for the trust; --trust gives the trust itself)")
    dom = _load(file, a, b, grid, reservation=reservation, whatif=(set_ or [], drop or []))
    rec_in = settings = None
    if as_of is not None and given:
        from detente.cli._record import credibility_settings

        settings = credibility_settings(settings_file, half_life, None, allegation_weight)
        rec_in = load_record(db or "shipped")
    pair, source, record = _resolve_trust(dom, trust, as_of, rec_in, settings)
    if settings is not None and (half_life, allegation_weight, settings_file) != (None,) * 3:
        source += " (credibility settings: " + ", ".join(
            f"{k} {v}" for k, v in (("half-life", half_life),
                                     ("allegation weight", allegation_weight),
                                     ("file", settings_file)) if v is not None) + ")"
    if db is not None and db != "shipped":
        source += f" (record: {db})"
    if trust is None and as_of is None and fmt is not TableJson.json:
        source += _dated_hint(dom)
    br: Breach | None = None if breach is None else breach.value
    res = analyse(dom, pair, breach=br, trust_source=source, nash_weight=nash_weight)
    ua, ub = dom.utilities()
    ba, bb = broken_utilities(dom, br)
    deal_need = res.solution_trust_needed
    va, vb = trust_values(dom, pair, utilities=(ua, ub), broken=(ba, bb))
    br_mode = br or ("status_quo" if dom.status_quo is not None else "ideal")
    breach_txt = ("status quo on the issues where the counterpart conceded"
                  if br_mode == "status_quo"
                  else "counterpart's ideal on the issues where it conceded")
    if fmt is TableJson.json:
        doc = res.as_dict()
        if drop and not _is_domain_yaml(scenario_path(file)):
            from detente.scenario import load_scenario
            from detente.uncertainty import whatif_notes

            # what the --drop took with it (also on stderr), from the file's own scenario
            if wnotes := whatif_notes(load_scenario(scenario_path(file)), drop):
                doc["notes"] = list(wnotes)
        doc["trust"] = list(pair)
        doc["record"] = record
        doc["breach"] = br_mode
        doc["solution_trust_needed"] = doc.pop("solution_trust_needed")  # last, as it was
        console.print_json(json.dumps(doc, allow_nan=False))
    else:
        A, B = dom.a.id, dom.b.id
        print_styled(f"[bold]{esc(dom.name)}[/]: {count(len(dom.issues), 'issue')}, "
                      f"{dom.n_outcomes:,} outcomes, {res.frontier_size} on the Pareto frontier")
        console.print(f"reservation values (walking away): {A} {dom.a.reservation_value:.3f}, "
                      f"{B} {dom.b.reservation_value:.3f} (utilities on 0–1: 1 at a party's "
                      "own position on every issue, less the salience-weighted distance from it "
                      "as a share of each scale)")
        for iss in dom.issues:
            if len(iss.options) == 1:  # the red lines left nothing but the status quo
                print_styled(f"[yellow]note:[/] on {esc(iss.id)} only {esc(iss.options[0])} is "
                             "left: the red lines exclude every other outcome, so the issue is "
                             "not bargained over")
        for p_ in dom.parties:
            if p_.best_note:
                print_styled(f"[yellow]note:[/] {esc(p_.best_note)}")
        full_trust = pair == (1.0, 1.0)
        shown = [] if full_trust else [(f"{n} @κ", s_) for n, s_ in
                                       res.solutions_trust.items()]
        shown += [(n if full_trust else f"{n} @1", s_) for n, s_ in res.solutions.items()]
        best_a, best_b = dom.a.best_options(), dom.b.best_options()
        cols: list[tuple[str, list[str]]] = []  # (label, option per issue)
        if dom.status_quo is not None:
            cols.append(("status quo", [iss.options[dom.status_quo[k]]
                                        for k, iss in enumerate(dom.issues)]))
        cols.append((dom.a.best_label, [iss.options[best_a[k]]
                                        for k, iss in enumerate(dom.issues)]))
        cols.append((dom.b.best_label, [iss.options[best_b[k]]
                                        for k, iss in enumerate(dom.issues)]))
        cols += [(name, [s_.options[iss.id] for iss in dom.issues]) for name, s_ in shown]
        title = "deals: option per issue" + (
            "" if full_trust else f" — at trust κ={_pair(pair)} first, then at full trust")
        d = Table(title=title, title_justify="left")
        # the narrower layout: one row per deal, or (the other way) one row per issue
        id_w = max(len(iss.id) for iss in dom.issues)
        by_deal = max(len(lb) for lb, _ in cols) + sum(max(len(i.id), 4) + 3 for i in dom.issues)
        by_issue = id_w + sum(max(len(lb), 4) + 3 for lb, _ in cols)
        if by_deal < by_issue:
            d.add_column("deal", no_wrap=True)
            for iss in dom.issues:
                d.add_column(iss.id, justify="right")
            for label, opts in cols:
                d.add_row(label, *opts, style="bold" if "@κ" in label else "")
        else:
            d.add_column("issue")
            for label, _ in cols:
                d.add_column(label, justify="right", style="bold" if "@κ" in label else "")
            for k, iss in enumerate(dom.issues):
                d.add_row(iss.id, *[opts[k] for _, opts in cols])
        console.print(d)
        if not full_trust and not res.solutions_trust:
            console.print(f"no deal is worth signing for both at trust κ={_pair(pair)}")
        t = Table(title=f"bargaining solutions; V = value at trust κ={_pair(pair)}",
                  title_justify="left")
        t.add_column("solution")
        t.add_column(f"u({A})", justify="right")
        t.add_column(f"u({B})", justify="right")
        t.add_column(f"V({A})", justify="right")
        t.add_column(f"V({B})", justify="right")
        t.add_column("trust needed", justify="right")
        for name, s in res.solutions.items():
            need_s = deal_need[name]
            t.add_row(name, f"{s.utility_a:.3f}", f"{s.utility_b:.3f}",
                      f"{va[s.index]:.3f}", f"{vb[s.index]:.3f}",
                      "never" if need_s is None else f"{need_s:.3f}")
        console.print(t)
        if res.nash_weight != 0.5:
            console.print(f"nash: asymmetric, {A}'s bargaining power α = {res.nash_weight:g} "
                          f"(maximises gain({A})^α · gain({B})^(1−α))")
        z = Table(title="zone of possible agreement", title_justify="left")
        z.add_column("trust κ")
        z.add_column("exists")
        z.add_column("outcomes", justify="right")
        z.add_column("share", justify="right")
        z.add_column("max joint surplus", justify="right")
        rows = [("1 (full)", res.zopa_full)]
        if not full_trust:  # at full trust the second row would repeat the first
            rows.append((_pair(pair), res.zopa_trust))
        for label, zz in rows:
            z.add_row(label, "yes" if zz.exists else "no", f"{zz.size:,}", f"{zz.share:.2%}",
                      f"{zz.surplus:.3f}")
        console.print(z)
        console.print(f"trust: {source}" + (
            f" — {B}'s credibility toward {A} {pair[0]:.3f}, {A}'s toward {B} {pair[1]:.3f}"
            if record else ""))
        console.print(f"breach: a broken deal reverts to the {breach_txt}")
        console.print(f"trust threshold κ* (no deal worth signing below it): {_k(res.threshold)}")
        c = res.curve
        marks = [0.0, 0.25, 0.5, 0.75, 1.0]
        cells = []
        for m in marks:
            j = int(min(range(len(c.trust)), key=lambda i: abs(float(c.trust[i]) - m)))
            cells.append(f"κ={c.trust[j]:.2f}: {c.share[j]:.2%}")
        console.print("zone size against trust: " + ", ".join(cells))
    if plot is not None:
        from detente.report import plot_utility_plane

        plot_utility_plane(dom, plot, trust=pair, breach=br)
        if fmt is TableJson.table:
            console.print(f"plot written to {plot}")
    if trust_plot is not None:
        from detente.report import plot_trust_curve

        plot_trust_curve(res.curve, trust_plot, title=f"{dom.name}: zone of agreement vs trust")
        if fmt is TableJson.table:
            console.print(f"trust figure written to {trust_plot}")


@app.command("negotiate")
@user_errors
def negotiate_cmd(
    file: DomainArg,
    strategy_a: Annotated[str, typer.Option(
        "--a", help="Strategy of the first party: boulware, linear, conceder, time:E, tft, "
        "hardliner, random.")],
    strategy_b: Annotated[str, typer.Option("--b", help="Strategy of the second party.")],
    actors: PartiesOpt = None,
    seed: Annotated[int, typer.Option(
        "--seed", min=0, help="Seed (random strategy): the same seed, the same trace.")] = 0,
    steps: Annotated[int | None, typer.Option(
        "--steps", help="Deadline: number of offers (default: the domain's, 100).")] = None,
    grid: Annotated[int, typer.Option(
        "--grid", help="Points per issue scale when built from a scenario.")] = 11,
    reservation: Annotated[str | None, typer.Option(
        "--reservation", help="Reservation values RA,RB (default: the status quo's).")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Run one alternating-offers negotiation and print the trace of offers."""
    from detente.bargaining import negotiate, parse_strategy

    sa, sb = parse_strategy(strategy_a), parse_strategy(strategy_b)
    pa = pb = None
    if actors is not None:
        parts = [p.strip() for p in actors.split(",")]
        if len(parts) != 2 or not all(parts):
            raise UserError(f"--actors: expected two actor ids like USA,RUS, got {actors!r}")
        pa, pb = parts
    dom = _load(file, pa, pb, grid, steps, reservation, parties="--actors A,B")
    tr = negotiate(dom, sa, sb, rng=seed)
    if fmt is TableJson.json:
        console.print_json(json.dumps(tr.as_dict(), allow_nan=False))
        return
    A, B = dom.a.id, dom.b.id
    t = Table(title=f"{dom.name}: {A} ({tr.strategy_a}) vs {B} ({tr.strategy_b}), "
              f"deadline {count(tr.deadline, 'offer')}", title_justify="left")
    t.add_column("step", justify="right")
    t.add_column("offer by")
    t.add_column(f"u({A})", justify="right")
    t.add_column(f"u({B})", justify="right")
    t.add_column("offer")
    for o in tr.offers:
        mark = " ✓" if tr.agreement is not None and o.step == tr.agreement.step else ""
        t.add_row(str(o.step), o.proposer + mark, f"{o.utility_a:.3f}", f"{o.utility_b:.3f}",
                  _opts(o.options))
    console.print(t)
    if tr.agreement is None:
        console.print(f"no agreement by the deadline: {A} {tr.utility_a:.3f}, "
                      f"{B} {tr.utility_b:.3f} (reservation values)")
    else:
        ag = tr.agreement
        who = B if ag.proposer == A else A
        console.print(f"agreement at step {ag.step} ({who} accepted {ag.proposer}'s offer): "
                      f"{A} {tr.utility_a:.3f}, {B} {tr.utility_b:.3f}"
                      + (f" (discounted {tr.discounted_a:.3f}, {tr.discounted_b:.3f})"
                         if (tr.discounted_a, tr.discounted_b) != (tr.utility_a, tr.utility_b)
                         else ""))


def _parties(a: str | None, b: str | None, actors: str | None) -> tuple[str | None, str | None]:
    """The two parties of a scenario, from --a/--b or --actors A,B."""
    if actors is None:
        return a, b
    if a is not None or b is not None:
        raise UserError("give the parties either as --a/--b or as --actors, not both")
    parts = [p.strip() for p in actors.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UserError(f"--actors: expected two actor ids like USA,RUS, got {actors!r}")
    return parts[0], parts[1]


def _num(x: float) -> float | None:
    return float(x) if math.isfinite(float(x)) else None


def _cell(x: float, fmt: str = ".3f") -> str:
    return format(x, fmt) if math.isfinite(x) else "—"


DEFAULT_STRATEGIES = "boulware,linear,conceder,tft,hardliner"


@app.command("tournament")
@user_errors
def tournament_cmd(
    file: DomainArg,
    a: PartyA = None,
    b: PartyB = None,
    actors: PartiesOpt = None,
    strategies: Annotated[str, typer.Option(
        "--strategies", help="Comma-separated strategies: boulware, linear, conceder, time:E, "
        "tft, tft:K, hardliner, random.")] = DEFAULT_STRATEGIES,
    steps: Annotated[int | None, typer.Option(
        "--steps", help="Deadline: number of offers (default: the domain's, 100).")] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the perturbations and the "
                                      "random strategy.")] = 0,
    repeats: Annotated[int, typer.Option(
        "--repeats", help="Versions of the domain per pairing: the domain itself and "
        "K − 1 copies with perturbed values.")] = 10,
    noise: Annotated[float, typer.Option(
        "--noise", help="Standard deviation of the perturbation of each option's value.")] = 0.1,
    grid: Annotated[int, typer.Option(
        "--grid", help="Points per issue scale when built from a scenario.")] = 11,
    reservation: Annotated[str | None, typer.Option(
        "--reservation", help="Reservation values RA,RB (default: the status quo's).")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Every strategy against every strategy (both orders) on seeded perturbed copies of a
    domain: agreement rate, utilities, distance to the Pareto frontier and the Nash point."""
    from detente.bargaining import parse_strategy, tournament

    names = [s.strip() for s in strategies.split(",")]
    if not all(names):
        raise UserError(f"--strategies: expected names separated by commas, got {strategies!r}")
    strats = []
    for name in names:
        try:
            strats.append(parse_strategy(name))
        except InputError as e:
            raise UserError(f"--strategies: {e}") from None
    labels = [s.label for s in strats]
    dup = sorted({x for x in labels if labels.count(x) > 1})
    if dup:
        raise UserError(f"--strategies: {', '.join(dup)} given more than once")
    if repeats < 1:
        raise UserError(f"--repeats must be ≥ 1, got {repeats}")
    if not (math.isfinite(noise) and noise >= 0):
        raise UserError(f"--noise must be ≥ 0, got {noise}")
    pa, pb = _parties(a, b, actors)
    dom = _load(file, pa, pb, grid, steps, reservation)
    t = tournament(dom, strats, repeats=repeats, noise=noise, rng=seed)
    per = t.by_strategy()
    A, B = dom.a.id, dom.b.id
    pairings = [
        {"a": sa, "b": sb, "agreement_rate": float(t.agreement_rate[i, j]),
         "utility_a": float(t.utility_a[i, j]), "utility_b": float(t.utility_b[i, j]),
         "pareto_distance": _num(t.pareto_distance[i, j]),
         "nash_distance": _num(t.nash_distance[i, j]), "mean_steps": float(t.steps[i, j])}
        for i, sa in enumerate(t.strategies) for j, sb in enumerate(t.strategies)
    ]
    if fmt is TableJson.json:
        doc = {
            "domain": dom.name, "parties": [A, B], "deadline": dom.deadline,
            "repeats": repeats, "noise": noise, "seed": seed,
            "strategies": list(t.strategies), "pairings": pairings,
            "by_strategy": {k: {m: _num(v) for m, v in d.items()} for k, d in per.items()},
        }
        console.print_json(json.dumps(doc, allow_nan=False))
        return
    print_styled(f"[bold]{esc(dom.name)}[/]: {esc(A)} vs {esc(B)}, {dom.n_outcomes:,} outcomes, "
                 f"deadline {count(dom.deadline, 'offer')}; {repeats} version(s) per pairing "
                 f"(noise {noise:g}, seed {seed}); {esc(A)} offers first")
    p = Table(title="per pairing (means over the versions; no agreement = reservation values)",
              title_justify="left")
    for col in (f"{A} plays", f"{B} plays"):
        p.add_column(col, no_wrap=True)
    for col in ("agreed", f"u({A})", f"u({B})", "to Pareto", "to Nash", "steps"):
        p.add_column(col, justify="right")
    for i, sa in enumerate(t.strategies):
        for j, sb in enumerate(t.strategies):
            p.add_row(sa, sb, f"{t.agreement_rate[i, j]:.0%}", f"{t.utility_a[i, j]:.3f}",
                      f"{t.utility_b[i, j]:.3f}", _cell(t.pareto_distance[i, j]),
                      _cell(t.nash_distance[i, j]), f"{t.steps[i, j]:.1f}")
    console.print(p)
    s = Table(title="per strategy (its games as either party, best own utility first)",
              title_justify="left")
    s.add_column("strategy", no_wrap=True)
    for col in ("agreed", "own u", "opponent u", "to Pareto", "to Nash"):
        s.add_column(col, justify="right")
    for name, d in sorted(per.items(), key=lambda kv: -kv[1]["own_utility"]):
        s.add_row(name, f"{d['agreement_rate']:.0%}", f"{d['own_utility']:.3f}",
                  f"{d['opponent_utility']:.3f}", _cell(d["pareto_distance"]),
                  _cell(d["nash_distance"]))
    console.print(s)


class Family(StrEnum):
    normal = "normal"
    uniform = "uniform"


def _floats(text: str, option: str) -> list[float]:
    try:
        vals = [float(p) for p in text.split(",")]
    except ValueError:
        raise UserError(f"{option}: expected numbers separated by commas, got {text!r}") from None
    if not all(math.isfinite(v) and v > 0 for v in vals):
        raise UserError(f"{option}: every spread must be > 0, got {text!r}")
    wide = [v for v in vals if v > 1]
    if wide:  # a belief about a utility in [0, 1]: 5 is a 0-100 issue scale's number
        raise UserError(
            f"{option}: a spread of {wide[0]:g} is wider than the whole utility scale: the belief "
            "is about the receiver's reservation value, a utility in [0, 1], so a spread must be "
            f"in (0, 1] (5 points of a 0–100 issue scale would be about {wide[0] / 100:g})")
    return vals


def _signal(file: str, sender: str) -> Any:
    """The sender's public demand read as a signal, when ``file`` is a scenario in which the
    sender holds an outside option (None otherwise)."""
    path = scenario_path(file)
    if _is_domain_yaml(path):
        return None
    from detente.crisis._signal import ultimatum_signal
    from detente.scenario import load_scenario

    scenario = load_scenario(path)
    if not any(o.actor == sender for o in scenario.outside_options):
        return None
    return ultimatum_signal(scenario, challenger=sender)


@app.command("ultimatum")
@user_errors
def ultimatum_cmd(
    file: DomainArg,
    a: PartyA = None,
    b: PartyB = None,
    actors: PartiesOpt = None,
    proposer: Annotated[str | None, typer.Option(
        "--proposer", help="Who makes the offer (party id; default: the first party).")] = None,
    family: Annotated[Family, typer.Option(
        "--family", help="Belief about the receiver's reservation value.")] = Family.normal,
    mean: Annotated[float | None, typer.Option(
        "--mean", help="Centre of the belief, a utility in [0, 1] (default: the receiver's "
        "reservation value).")
    ] = None,
    spread: Annotated[float, typer.Option(
        "--spread", help="Standard deviation (normal) or half-width (uniform) of the belief, "
        "in (0, 1]: a utility's scale.")
    ] = 0.1,
    sweep: Annotated[str, typer.Option(
        "--sweep", help="Spreads for the sensitivity table, comma-separated.")
    ] = "0.01,0.02,0.05,0.1,0.2,0.3",
    grid: Annotated[int, typer.Option(
        "--grid", help="Points per issue scale when built from a scenario.")] = 11,
    reservation: Annotated[str | None, typer.Option(
        "--reservation", help="Reservation values RA,RB (default: the status quo's).")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """The take-it-or-leave-it offer that maximises the proposer's expected utility when the
    receiver's reservation value is uncertain, and how it moves with that uncertainty."""
    from detente.bargaining import ultimatum_offer_curve

    spreads = _floats(str(spread), "--spread") + _floats(sweep, "--sweep")
    if mean is not None and not (math.isfinite(mean) and 0 <= mean <= 1):
        raise UserError(f"--mean must be in [0, 1] (a reservation value is a utility, 0 the "
                        f"receiver's worst outcome, 1 its best), got {mean:g}")
    pa, pb = _parties(a, b, actors)
    dom = _load(file, pa, pb, grid, reservation=reservation)
    who = dom.a.id if proposer is None else proposer
    if who not in (dom.a.id, dom.b.id):
        raise UserError(f"--proposer: no party {who!r} (parties: {dom.a.id}, {dom.b.id})")
    P = dom.party(who)
    R = dom.b if P is dom.a else dom.a
    mu = R.reservation_value if mean is None else mean
    curve = ultimatum_offer_curve(dom, spreads, mean=mu, family=family.value, proposer=who)
    best, rows = curve[0][1], curve[1:]
    width = "sd" if family is Family.normal else "half-width"
    signal = _signal(file, who)
    if fmt is TableJson.json:
        doc = {
            "domain": dom.name, "proposer": P.id, "receiver": R.id, "family": family.value,
            "mean": mu, "spread": spread,
            "reservation_values": {P.id: P.reservation_value, R.id: R.reservation_value},
            "offer": {k: (_num(v) if isinstance(v, float) else v)
                      for k, v in best.as_dict().items()},
            "sweep": [{"spread": s, **{k: (_num(v) if isinstance(v, float) else v)
                                       for k, v in u.as_dict().items()}} for s, u in rows],
            "signal": None if signal is None else signal.as_dict(),
        }
        console.print_json(json.dumps(doc, allow_nan=False))
        return
    print_styled(f"[bold]{esc(dom.name)}[/]: {esc(P.id)} makes a take-it-or-leave-it offer to "
                 f"{esc(R.id)}; {esc(R.id)}'s reservation value believed {family.value} around "
                 f"{mu:.3f} ({width} {spread:g}); {esc(P.id)}'s own reservation value "
                 f"{P.reservation_value:.3f}")
    console.print(f"{dom.n_outcomes:,} outcomes, {best.frontier_size} on the Pareto frontier "
                  "(only those can be optimal)")
    if best.index < 0:
        console.print(f"no offer worth making: every outcome is worth less to {P.id} than "
                      f"walking away ({P.reservation_value:.3f})")
    else:
        for p_ in (P, R):
            if p_.best_note:
                print_styled(f"[yellow]note:[/] {esc(p_.best_note)}")
        d = Table(title="optimal offer", title_justify="left")
        d.add_column("issue")
        if dom.status_quo is not None:
            d.add_column("status quo", justify="right")
        d.add_column(P.best_label, justify="right")
        d.add_column(R.best_label, justify="right")
        d.add_column("offer", justify="right")
        best_p, best_r = P.best_options(), R.best_options()
        for k, iss in enumerate(dom.issues):
            row = [iss.id]
            if dom.status_quo is not None:
                row.append(iss.options[dom.status_quo[k]])
            row += [iss.options[best_p[k]], iss.options[best_r[k]], best.options[iss.id]]
            d.add_row(*row)
        console.print(d)
        console.print(f"u({P.id}) {best.utility_proposer:.3f}, u({R.id}) "
                      f"{best.utility_receiver:.3f}; accepted with probability "
                      f"{best.acceptance:.1%} (rejected {best.rejection:.1%}); {P.id}'s "
                      f"expected utility {best.expected_utility:.3f}")
    t = Table(title=f"how the offer moves with {P.id}'s uncertainty ({family.value}, mean "
              f"{mu:.3f})", title_justify="left")
    t.add_column(width, justify="right")
    for col in (f"u({P.id})", f"u({R.id})", "accepted", f"expected u({P.id})"):
        t.add_column(col, justify="right")
    for s, u in rows:
        if u.index < 0:
            t.add_row(f"{s:g}", "no offer", "—", "—", f"{u.expected_utility:.3f}")
        else:
            t.add_row(f"{s:g}", f"{u.utility_proposer:.3f}", f"{u.utility_receiver:.3f}",
                      f"{u.acceptance:.1%}", f"{u.expected_utility:.3f}")
    console.print(t)
    if signal is not None:
        console.print(f"{P.id}'s public positions, were they made an ultimatum, read as a "
                      "signal (Fearon 1997) — a hypothetical", style="bold")
        print_lines(signal.describe(), indent="  ")
