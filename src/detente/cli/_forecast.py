"""Commands: forecast, models, demo, examples, show, convert."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from detente._format import TIE_LEGEND, TIE_MARK, fixed, scale_digits
from detente.cli._app import (
    SummaryFormat,
    TableFormat,
    TableJson,
    TableJsonCsv,
    UserError,
    about_file,
    app,
    console,
    count,
    esc,
    figure_path,
    model_names,
    output_path,
    print_lines,
    print_styled,
    print_wide,
    scenario_path,
    user_errors,
)
from detente.cli._progress import long_run

__all__: list[str] = []


def _parse_options(pairs: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UserError(f"--option {pair!r}: expected NAME=VALUE")
        out[key.strip()] = _coerce(value.strip())
    return out


def _coerce(value: str) -> Any:
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    for cast in (int, float):
        try:
            number = cast(value)
        except ValueError:
            continue
        if isinstance(number, float) and "e" in low and number.is_integer():
            return int(number)  # 1e9: a whole number in exponent form, e.g. rounds=1e9
        return number
    return value


def _fmt(x: float, digits: int = 2) -> str:
    return "—" if math.isnan(x) else fixed(x, digits)


def _render(scenario: Any, forecasts: list[Any], fmt: TableJsonCsv, explain: bool,
            notes: tuple[str, ...] = ()) -> None:
    from detente._format import forecasts_csv, forecasts_doc
    from detente.crisis._calibrate import forecast_mixture_line

    if fmt is TableJsonCsv.json:
        # notes: what a what-if's --drop took with it (also on stderr)
        doc = forecasts_doc(scenario.name, forecasts, notes)
        console.print_json(json.dumps(doc, allow_nan=False))
        return
    if fmt is TableJsonCsv.csv:
        typer.echo(forecasts_csv(forecasts), nl=False)
        return
    table = Table(title=f"{scenario.name}: forecast per issue", title_justify="left")
    table.add_column("issue")
    table.add_column("scale", style="dim")
    table.add_column("status quo", justify="right")
    from detente.collective import beside_status_quo

    columns = beside_status_quo(forecasts)  # the status-quo baseline is the column above
    for f in columns:
        table.add_column(f.model, justify="right", min_width=len(f.model))
    for k, issue in enumerate(scenario.issues):
        sq = "—" if issue.status_quo is None else f"{issue.status_quo:g}"
        dg = scale_digits(issue.scale_max - issue.scale_min)  # 2 on a 0–100 scale
        table.add_row(
            issue.label,
            f"{issue.scale_min:g}–{issue.scale_max:g}",
            sq,
            # the mark before the number: right-aligned, the decimal points stay in line
            *[(TIE_MARK if issue.id in f.ties else "") + _fmt(f.outcomes[k], dg)
              for f in columns],
        )
    print_wide(table)
    if any(f.ties for f in columns):
        print_styled(f"[dim]{TIE_MARK} {esc(TIE_LEGEND)}[/]")
    for f in forecasts:
        if f not in columns:
            print_styled(f"[dim]{esc(f.model)}: its forecast is the status quo column[/]")
    for f in forecasts:
        if f.episode is not None:
            console.print(f"{f.model}: P(agreement) {f.episode['agreement']:.2f}, "
                          f"P(standoff) {f.episode['no_agreement']:.2f}, "
                          f"P(escalation) {f.episode['escalation']:.2f}")
            mixed = forecast_mixture_line(f.diagnostics or {}, f.episode)
            if mixed:
                console.print(f"  {mixed}")
    for f in forecasts:
        for note in f.notes:
            print_styled(f"[dim]{esc(f.model)}:[/] {esc(note)}")
        if explain and f.explanation:
            console.print(f"\n{f.model}: why", style="bold")
            print_lines(f.explanation, indent="  ")


def _render_gaps(scenario: Any, gaps: list[Any]) -> None:
    from detente.crisis import has_private

    if not has_private(scenario):
        console.print("the scenario gives no private positions: both channels agree",
                      style="dim")
    table = Table(title=f"{scenario.name}: public vs private channel (gap = private − public)",
                  title_justify="left")
    table.add_column("issue")
    for g in gaps:
        table.add_column(f"{g.model} public", justify="right")
        table.add_column(f"{g.model} private", justify="right")
        table.add_column("gap", justify="right", style="bold")
    for k, issue in enumerate(scenario.issues):
        cells = []
        dg = scale_digits(issue.scale_max - issue.scale_min)
        for g in gaps:
            a, b = float(g.public.outcomes[k]), float(g.private.outcomes[k])
            cells += [_fmt(a, dg), _fmt(b, dg), _fmt(b - a, dg)]
        table.add_row(esc(issue.label), *cells)  # by name, as the forecast table above
    print_wide(table)
    for g in gaps:
        if g.episode_gap is not None:
            e = g.episode_gap
            console.print(f"{g.model}: P(escalation) public "
                          f"{g.public.episode['escalation']:.2f}, private "
                          f"{g.private.episode['escalation']:.2f} (gap {e['escalation']:+.2f}); "
                          f"P(agreement) gap {e['agreement']:+.2f}")


@app.command("forecast")
@user_errors
def forecast_cmd(
    file: Annotated[
        str, typer.Argument(metavar="SCENARIO",
                            help="Scenario file (YAML, CSV, KTAB, decide) or example name.")
    ],
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="Model name; repeat for several; 'all' for every "
                     "model (default: compromise, median, nash)."),
    ] = None,
    fmt: TableFormat = TableJsonCsv.table,
    option: Annotated[
        list[str] | None,
        typer.Option("--option", "-o", help="Model option NAME=VALUE (applies to each model)."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Explain the forecast in plain words.")
    ] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", callback=figure_path,
        help="Write a PNG of positions and forecasts.")
    ] = None,
    seed: Annotated[int, typer.Option(
        "--seed", min=0, help="Seed for random models (the crisis model's draws): the same "
        "seed, the same forecast, as in crisis, evaluate and demo.")] = 0,
    channel: Annotated[
        str | None,
        typer.Option("--channel", help="public or private: run every model on the stances' "
                     "public or private (closed-channel) positions and show the gap."),
    ] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="What-if: ACTOR.ISSUE.FIELD=VALUE, ACTOR.capability=VALUE or "
        "ISSUE.status_quo=VALUE; repeat.")] = None,
    drop: Annotated[list[str] | None, typer.Option(
        "--drop", help="What-if: leave out an actor; repeat.")] = None,
) -> None:
    """Forecast the outcome of each issue with one or more models, side by side."""
    from detente.collective import forecast, get_model
    from detente.scenario import load_scenario

    path = scenario_path(file)
    scenario = load_scenario(path)
    wnotes: tuple[str, ...] = ()
    if set_ or drop:  # (detente.uncertainty imports scipy.stats and SALib: only for a what-if)
        from detente.uncertainty import apply_whatif, whatif_notes

        wnotes = whatif_notes(scenario, drop or ())
        scenario = apply_whatif(scenario, set_ or (), drop or ())
    names = model_names(model, ["compromise", "median", "nash"])
    opts = _parse_options(option)
    if channel is not None and "channel" in opts:
        raise UserError("give the channel once: --channel or --option channel=...")
    forecasts = []
    gaps = []
    for name in names:
        spec = get_model(name)
        own = {k: v for k, v in opts.items() if k in spec.options}
        if channel is None:
            with long_run(name, len(scenario.actors), len(scenario.issues), spec.resolve(own)), \
                    about_file(path):
                forecasts.append(forecast(scenario, name, rng=seed, **own))
        else:
            from detente.crisis import channel_gap

            own.pop("channel", None)
            with about_file(path):
                g = channel_gap(scenario, name, seed=seed, **own)
            if channel not in ("public", "private"):
                raise UserError(f"--channel must be public or private, got {channel!r}")
            gaps.append(g)
            forecasts.append(g.private if channel == "private" else g.public)
    unused = set(opts) - {k for n in names for k in get_model(n).options}
    if unused:
        raise UserError(
            f"no model among {', '.join(names)} has option(s) {', '.join(sorted(unused))}"
        )
    if gaps and fmt is TableJsonCsv.json:
        doc = {"scenario": scenario.name, "channel": channel,
               "forecasts": [f.as_dict() for f in forecasts],
               "channels": [g.as_dict() for g in gaps],
               **({"notes": list(wnotes)} if wnotes else {})}
        console.print_json(json.dumps(doc, allow_nan=False))
    else:
        _render(scenario, forecasts, fmt, explain, wnotes)
    if gaps and fmt is TableJsonCsv.table:
        _render_gaps(scenario, gaps)
    if plot is not None:
        from detente.report import plot_forecasts

        plot_forecasts(scenario, forecasts, plot)
        if fmt is TableJsonCsv.table:
            console.print(f"plot written to {plot}")


@app.command("models")
@user_errors
def models_cmd(
    name: Annotated[str | None, typer.Argument(
        metavar="MODEL", help="A model's name: its options in full, one per line.")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """List the registered forecasting models, or one model's options, defaults and reference."""
    from detente.collective import get_model, list_models

    specs = list_models() if name is None else [get_model(name)]
    if fmt is TableJson.json:
        console.print_json(json.dumps([
            {"name": s.name, "summary": s.summary, "reference": s.reference,
             "baseline": s.baseline,
             "options": [{"name": k, "default": o.default, "doc": o.doc}
                         for k, o in s.options.items()]}
            for s in specs]))
        return
    if name is None:
        table = Table(title="registered models (detente models NAME: one model's options)",
                      title_justify="left", show_lines=True)
        table.add_column("name", style="bold")
        table.add_column("what it does")
        table.add_column("options")
        table.add_column("reference", style="dim")
        for spec in specs:
            table.add_row(spec.name, spec.summary, ", ".join(spec.options) or "—",
                          spec.reference)
        console.print(table)
        return
    spec = specs[0]
    print_styled(f"[bold]{esc(spec.name)}[/]: {esc(spec.summary)}")
    console.print(spec.reference, style="dim")
    if not spec.options:
        console.print("no options")
    for k, o in spec.options.items():
        print_styled(f"  [bold]{esc(k)}[/] = {esc(repr(o.default))}: {esc(o.doc)}")


@app.command("demo")
@user_errors
def demo_cmd(
    name: Annotated[str, typer.Argument(
        metavar="EXAMPLE", help="Shipped example to run.")] = "geneva-2022",
    plot: Annotated[
        Path, typer.Option("--plot", callback=figure_path,
        help="Where to write the PNG plot.")
    ] = Path("detente-demo.png"),
    fmt: TableFormat = TableJsonCsv.table,
) -> None:
    """Run every registered model on a shipped example, print the forecasts, write a plot."""
    from detente.collective import forecast, list_models
    from detente.examples import example_path, list_examples, load_example
    from detente.report import plot_forecasts

    if name not in list_examples():
        raise UserError(f"no example named '{name}'; shipped: {', '.join(list_examples())}")
    scenario = load_example(name)
    # the status-quo baseline is already the table's "status quo" column
    forecasts = [forecast(scenario, spec.name, rng=0) for spec in list_models()
                 if not spec.baseline]
    if fmt is TableJsonCsv.table:
        print_styled(f"[bold]{esc(scenario.name)}[/]  ({esc(example_path(name).name)})")
        if scenario.description:
            console.print(scenario.description.strip(), style="dim")
    _render(scenario, forecasts, fmt, explain=False)
    plot_forecasts(scenario, forecasts, plot)
    if fmt is TableJsonCsv.table:
        console.print(f"plot written to {plot.resolve()}")


@app.command("examples")
def examples_cmd() -> None:
    """List the shipped example scenarios."""
    from detente.examples import example_path, list_examples

    for name in list_examples():
        print_styled(f"{esc(name)}  [dim]{esc(example_path(name))}[/]")


@app.command("show")
@user_errors
def show_cmd(
    file: Annotated[
        str, typer.Argument(metavar="SCENARIO",
                            help="Scenario file (YAML, CSV, KTAB, decide) or example name.")
    ],
) -> None:
    """Print a scenario's actors, issues and stances as read (to check an input file)."""
    from detente.scenario import load_scenario

    sc = load_scenario(scenario_path(file))
    print_styled(f"[bold]{esc(sc.name)}[/]  {count(len(sc.actors), 'actor')}, "
                 f"{count(len(sc.issues), 'issue')}, {count(len(sc.stances), 'stance')}")
    if sc.description:
        console.print(sc.description.strip(), style="dim")
    if sc.as_of:
        console.print(f"as of {sc.as_of}")
    if sc.outcome is not None:
        when = f" on {sc.outcome.date}" if sc.outcome.date else ""

        print_styled(f"outcome: {esc(sc.outcome.kind)}{esc(when)}  [dim]{esc(sc.outcome.note)}[/]")
    has_obs = any(i.observed is not None for i in sc.issues)
    issues = Table(title="issues", title_justify="left")
    for col in ("id", "name", "scale", "low", "high", "status quo"):
        issues.add_column(col)
    if has_obs:
        issues.add_column("observed")
    for i in sc.issues:
        obs = [] if not has_obs else [
            "—" if i.observed is None else
            f"{i.observed.value:g}" + (f" ({i.observed.date})" if i.observed.date else "")
        ]
        issues.add_row(i.id, i.name, f"{i.scale_min:g}–{i.scale_max:g}", i.low, i.high,
                       "—" if i.status_quo is None else f"{i.status_quo:g}", *obs)
    console.print(issues)
    grid = Table(title="position (salience) per actor", title_justify="left")
    grid.add_column("actor")
    grid.add_column("name")
    grid.add_column("capability", justify="right")
    for i in sc.issues:
        grid.add_column(i.id, justify="right")
    for a in sc.actors:
        cells = []
        for i in sc.issues:
            s = sc.stance(a.id, i.id)
            cells.append("—" if s is None else f"{s.position:g} ({s.salience:g})")
        grid.add_row(a.id, a.name, f"{a.capability:g}", *cells)
    console.print(grid)


@app.command("convert")
@user_errors
def convert_cmd(
    file: Annotated[
        str, typer.Argument(metavar="SCENARIO",
                            help="Scenario file in any format detente reads, or example name.")
    ],
    out: Annotated[Path, typer.Argument(
        metavar="OUT", callback=output_path,
        help="Output: .yaml/.yml or .csv (detente long CSV).")],
) -> None:
    """Convert a scenario to YAML or detente's long CSV (written atomically)."""
    from detente.scenario import load_scenario, write_scenario

    if out.suffix.lower() not in (".yaml", ".yml", ".csv"):
        raise UserError(f"{out}: expected a .yaml, .yml or .csv output name")
    write_scenario(load_scenario(scenario_path(file)), out)
    console.print(f"written {out}")
