"""Commands: simulate, sensitivity, diff, calibrate (uncertainty)."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from detente._atomic import atomic_write_text
from detente._format import scale_digits
from detente.cli._app import (
    SummaryFormat,
    TableFormat,
    TableJson,
    TableJsonCsv,
    UserError,
    about_file,
    app,
    console,
    db_option,
    err_console,
    esc,
    figure_path,
    model_names,
    output_path,
    print_styled,
    print_wide,
    scenario_path,
    user_errors,
)

__all__: list[str] = []

SetOpt = Annotated[list[str] | None, typer.Option(
    "--set", help="What-if: ACTOR.ISSUE.FIELD=VALUE, ACTOR.capability=VALUE or "
    "ISSUE.status_quo=VALUE (a value may be a distribution such as '60 ± 10'); repeat.")]
DropOpt = Annotated[list[str] | None, typer.Option(
    "--drop", help="What-if: leave out an actor (its stances and options); repeat.")]
ModelsOpt = Annotated[list[str] | None, typer.Option(
    "--model", "-m", help="Model name; repeat for several; 'all' for every model.")]
OptionOpt = Annotated[list[str] | None, typer.Option(
    "--option", "-o", help="Model option NAME=VALUE (applies to each model that has it).")]


def _load(file: str, set_: list[str] | None, drop: list[str] | None) -> Any:
    return _load_noted(file, set_, drop)[0]


def _load_noted(file: str, set_: list[str] | None, drop: list[str] | None
                ) -> tuple[Any, tuple[str, ...]]:
    """The scenario with the what-if applied, and what its --drop took with it (the notes a
    JSON output carries; stderr has them too)."""
    from detente.scenario import load_scenario
    from detente.uncertainty import apply_whatif, whatif_notes

    sc = load_scenario(scenario_path(file))
    return apply_whatif(sc, set_ or (), drop or ()), whatif_notes(sc, drop or ())


def _about(file: str) -> Any:
    """:func:`about_file` for a scenario argument (a file, or a shipped name)."""
    return about_file(scenario_path(file))


def _model_options(names: list[str], pairs: list[str] | None) -> dict[str, dict[str, Any]]:
    from detente.cli._forecast import _parse_options
    from detente.collective import get_model

    opts = _parse_options(pairs)
    out = {n: {k: v for k, v in opts.items() if k in get_model(n).options} for n in names}
    unused = set(opts) - {k for n in names for k in get_model(n).options}
    if unused:
        raise UserError(f"no model among {', '.join(names)} has option(s) "
                        f"{', '.join(sorted(unused))}")
    return out


@contextmanager
def _progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A callback ``(done, total)`` that shows a rich progress bar on the error stream once the
    run has taken over a second (only on a terminal)."""
    t0 = time.perf_counter()
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            if time.perf_counter() - t0 < 1.0 or not err_console.is_terminal:
                return
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), TimeRemainingColumn(), console=err_console,
                           transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(what, total=total)
        state["bar"].update(state["task"], completed=done, total=total)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()


_wide = print_wide


def _iv(lo: float, hi: float, digits: int = 1) -> str:
    """An interval ``lo–hi``, or a dash when there is none."""
    if math.isnan(lo) and math.isnan(hi):
        return "—"
    return f"{_f(lo, digits)}–{_f(hi, digits)}"


def _f(x: float, digits: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


@app.command("simulate")
@user_errors
def simulate_cmd(
    file: Annotated[str, typer.Argument(
        metavar="SCENARIO",
        help="Scenario file (YAML, CSV, KTAB, decide) or example / case name.")],
    model: ModelsOpt = None,
    draws: Annotated[int, typer.Option("--draws", "-n", help="Number of draws.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed: the same seed gives the same "
                                      "numbers on any backend.")] = 0,
    jitter: Annotated[str | None, typer.Option(
        "--jitter", help="Noise on every number without a distribution: e.g. "
        "position=10,salience=25% (sd in the field's units, or % of the scale / value).")] = None,
    above: Annotated[float | None, typer.Option(
        "--above", help="Also give P(forecast > VALUE) per issue.")] = None,
    option: OptionOpt = None,
    set_: SetOpt = None,
    drop: DropOpt = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Run on a Dask LocalCluster of N worker processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Run on a running Dask cluster (tcp://HOST:PORT).")] = None,
    threads: Annotated[int | None, typer.Option(
        "--threads", min=1, help="Chunks run at once in this process (default: one per "
        "core; 1: one after another). The numbers are the same.")] = None,
    fmt: TableFormat = TableJsonCsv.table,
    plot: Annotated[Path | None, typer.Option(
        "--plot", callback=figure_path,
        help="Write the distribution per issue and model (PNG/SVG/PDF).")] = None,
    calibration: Annotated[Path | None, typer.Option(
        "--calibration", help="Calibrated intervals: the file `detente calibrate --save` "
        "wrote (its noise replaces --jitter; quantiles recalibrated).")] = None,
) -> None:
    """Monte Carlo over the scenario's uncertain inputs: per issue and model the mean, median,
    50 % and 90 % intervals, P(above), the Monte Carlo standard error and a convergence check.

    Inputs vary where the scenario gives a distribution (position: 60 ± 10, normal(60, 10),
    uniform, triangular, beta, discrete) and, with --jitter, everywhere else.
    """
    from detente.uncertainty import Calibration, check_above, simulate

    if workers is not None and scheduler is not None:
        raise UserError("give --workers or --scheduler, not both")
    if threads is not None and (workers is not None or scheduler is not None):
        raise UserError("--threads is for a local run; on Dask give --workers")
    if calibration is not None and jitter is not None:
        raise UserError("give --jitter or --calibration, not both: the calibration brings "
                        "the noise its recalibration was fitted under")
    cal = Calibration.load(calibration) if calibration is not None else None
    scenario, wnotes = _load_noted(file, set_, drop)
    check_above(scenario, above, name="--above")
    names = model_names(model, ["compromise"])
    with _progress(f"simulate {draws:,} draws") as progress, _about(file):
        res = simulate(scenario, names, draws, seed=seed, jitter=jitter, above=above,
                       options=_model_options(names, option), workers=workers,
                       scheduler=scheduler, progress=progress, calibration=cal,
                       threads=threads)
    if fmt is TableJsonCsv.json:
        doc = res.as_dict()
        doc["notes"] = [*wnotes, *doc["notes"]]  # what a --drop took with it (also on stderr)
        console.print_json(json.dumps(doc, allow_nan=False))
    elif fmt is TableJsonCsv.csv:
        from detente._format import simulation_csv

        typer.echo(simulation_csv(res), nl=False)
    else:
        _table(res, scenario)
    if plot is not None:
        from detente.uncertainty._plot import plot_simulation

        plot_simulation(res, plot)
        if fmt is TableJsonCsv.table:
            console.print(f"plot written to {plot}")


def _table(res: Any, scenario: Any) -> None:
    jit = f", jitter {res.jitter}" if res.jitter else ""
    if res.calibration is not None:
        jit += ", recalibrated"
    t = Table(title=f"{res.scenario}: {res.draws:,} draws, seed {res.seed}{jit} "
              f"({len(res.inputs)} uncertain inputs; {res.backend})", title_justify="left")
    for col in ("issue", "model", "point", "mean", "median", "50 %", "90 %"):
        t.add_column(col, justify="left" if col in ("issue", "model") else "right")
    if res.above is not None:
        t.add_column(f"P(>{res.above:g})", justify="right")
    t.add_column("± mcse", justify="right", style="dim")
    t.add_column("conv.", justify="center")
    for k, iss in enumerate(res.issue_ids):
        dg = scale_digits(float(res.scale_max[k] - res.scale_min[k]))  # 2 on a 0–100 scale
        for m in res.models:
            a50, b50 = m.interval(0.5)
            a90, b90 = m.interval(0.9)
            cells = [res.label(iss), m.model, _f(m.point[k], dg), _f(m.mean[k], dg),
                     _f(m.median[k], dg),
                     _iv(a50[k], b50[k], dg - 1), _iv(a90[k], b90[k], dg - 1)]
            if res.above is not None:
                cells.append(_f(m.p_above[k]))
            cells += [_f(m.mcse[k], dg + 1), "—" if m.n[k] == 0 else
                      "yes" if m.converged[k] else Text("no", style="red")]
            t.add_row(*cells)
    _wide(t)
    for m in res.models:
        if m.episode is not None:
            parts = []
            for kd, label in (("agreement", "agreement"), ("no_agreement", "standoff"),
                              ("escalation", "escalation")):
                e = m.episode[kd]
                parts.append(f"P({label}) {e['mean']:.2f} [{e['q0.05']:.2f}–{e['q0.95']:.2f}]")
            console.print(f"{m.model}: " + ", ".join(parts) + " (mean [90 % of draws])")
            if m.model == "crisis":
                from detente.crisis._model import BASE_RATE_WEIGHT

                w = float(m.options.get("base_rate_weight", BASE_RATE_WEIGHT))
                if w > 0:
                    console.print(f"  calibrated: each draw's structural probabilities mixed "
                                  f"with the case bank's base rate at weight {w:g} (design "
                                  f"revision 9), so the spread is {1 - w:g} × the model's",
                                  style="dim")
    for note in res.notes:
        print_styled(f"[dim]note:[/] {esc(note)}")
    if any(bool((~m.converged & (m.n > 0)).any()) for m in res.models):
        console.print("conv. no: the Monte Carlo error is above 0.5 % of the scale or the "
                      "two halves of the run disagree; add draws", style="dim")
    empty = [f"{m.model} on {res.label(iss)}" for m in res.models
             for k, iss in enumerate(m.issue_ids) if m.n[k] == 0]
    if empty:
        console.print("—: no draw gave a forecast (" + ", ".join(empty) + "); more draws "
                      "will not change that (see `detente forecast` for why)", style="dim")


@app.command("sensitivity")
@user_errors
def sensitivity_cmd(
    file: Annotated[str, typer.Argument(
        metavar="SCENARIO", help="Scenario file or example / case name.")],
    model: Annotated[str, typer.Option("--model", "-m", help="Model name.")] = "compromise",
    method: Annotated[str, typer.Option(
        "--method", help="sobol (variance shares S1, ST) or morris (elementary effects).")
    ] = "sobol",
    n: Annotated[int, typer.Option(
        "--samples", "-n", min=2, help="Sobol base sample (a power of two) or Morris "
        "trajectories.")] = 256,
    jitter: Annotated[str | None, typer.Option(
        "--jitter", help="Vary the numbers without a distribution: e.g. position=10,"
        "salience=25%.")] = None,
    inputs: Annotated[list[str] | None, typer.Option(
        "--input", help="Vary only these: ACTOR.ISSUE.FIELD, ACTOR, ISSUE or FIELD; repeat.")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Inputs shown per issue.")] = 5,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the sample.")] = 0,
    option: OptionOpt = None,
    set_: SetOpt = None,
    drop: DropOpt = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Which number would change this forecast: Sobol or Morris indices (SALib) of each
    issue's forecast to the uncertain inputs, ranked, and per actor."""
    from detente.uncertainty import sensitivity

    if method not in ("sobol", "morris"):
        raise UserError(f"--method must be sobol or morris, got {method!r}")
    scenario, wnotes = _load_noted(file, set_, drop)
    with _about(file):
        res = sensitivity(scenario, model, method=method, inputs=tuple(inputs or ()),
                          jitter=jitter, n=n, seed=seed,
                          options=_model_options([model], option)[model])
    if fmt is TableJson.json:
        doc = res.as_dict()
        if wnotes:  # what a what-if's --drop took with it (also on stderr)
            doc["notes"] = list(wnotes)
        console.print_json(json.dumps(doc, allow_nan=False))
        return
    print_styled(f"[bold]{esc(res.scenario)}[/]: {esc(model)}, {method}, {res.runs:,} runs over "
                  f"{len(res.inputs)} inputs")
    for iss, xs in res.ranking.items():
        t = Table(title=f"{res.label(iss)}: inputs that move the forecast most",
                  title_justify="left")
        t.add_column("input")
        if method == "sobol":
            for c in ("S1", "± 95 %", "ST", "± 95 %"):
                t.add_column(c, justify="right")
            for x in xs[:top]:
                t.add_row(x.input, _f(x.s1), _f(x.s1_conf), _f(x.st), _f(x.st_conf))
        else:
            for c in ("mu*", "± 95 %", "sigma"):
                t.add_column(c, justify="right")
            for x in xs[:top]:
                t.add_row(x.input, _f(x.mu_star), _f(x.mu_star_conf), _f(x.sigma))
        console.print(t)
        who = ", ".join(f"{a} {v:.2f}" for a, v in res.actors[iss][:top])
        console.print(f"  by actor ({'ΣS1' if method == 'sobol' else 'Σmu*'}): {who}")
    for iss, why in res.skipped.items():
        console.print(f"{res.label(iss)}: no indices: {why}")
    if method == "sobol":
        wide = max((x.s1_conf for xs in res.ranking.values() for x in xs
                    if math.isfinite(x.s1_conf)), default=0.0)
        if wide > 0.25:
            console.print(f"the 95 % intervals of S1 reach ±{wide:.2f}: too few samples "
                          f"for these indices to rank the inputs; raise --samples (now {n})",
                          style="yellow")


@app.command("diff")
@user_errors
def diff_cmd(
    a: Annotated[str, typer.Argument(
        metavar="A", help="First scenario (file or example / case name).")],
    b: Annotated[str, typer.Argument(
        metavar="B", help="Second scenario.")],
    model: ModelsOpt = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="What-if on the second scenario: ACTOR.ISSUE.FIELD=VALUE, "
        "ACTOR.capability=VALUE or ISSUE.status_quo=VALUE; repeat.")] = None,
    drop: Annotated[list[str] | None, typer.Option(
        "--drop", help="What-if on the second scenario: leave out an actor; repeat.")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """What two scenarios differ in, and how each model's forecast moves between them."""
    from detente.scenario import load_scenario
    from detente.uncertainty import diff_scenarios

    sa, sb = load_scenario(scenario_path(a)), _load(b, set_, drop)
    d = diff_scenarios(sa, sb, model_names(model, ["compromise"]),
                       names=(str(scenario_path(a)), str(scenario_path(b))))
    if fmt is TableJson.json:
        console.print_json(json.dumps(d.as_dict(), allow_nan=False))
        return
    if not d.changes:
        console.print("the scenarios' inputs are the same")
    else:
        t = Table(title=f"{a} → {b}: {len(d.changes)} difference(s)", title_justify="left")
        for col in ("what", "A", "B"):
            t.add_column(col)
        for c in d.changes:
            t.add_row(c.what, "—" if c.a is None else str(c.a), "—" if c.b is None else str(c.b))
        print_wide(t)
    if not d.moves:
        ids_a, ids_b = {i.id for i in sa.issues}, {i.id for i in sb.issues}
        console.print("no forecast to compare: the scenarios have no issue in common "
                      f"(A: {', '.join(sorted(ids_a))}; B: {', '.join(sorted(ids_b))})")
        return
    t = Table(title="forecast per issue", title_justify="left")
    for col in ("model", "issue", "A", "B", "change"):
        t.add_column(col, justify="left" if col in ("model", "issue") else "right")
    widths = {i.id: i.scale_max - i.scale_min for i in sb.issues}
    for m, iss, x, y in d.moves:
        dg = scale_digits(widths.get(iss, 100.0))
        t.add_row(m, iss, _f(x, dg), _f(y, dg),
                  "—" if math.isnan(y - x) else f"{y - x:+.{dg}f}")
    print_wide(t)
    if d.episodes:
        e = Table(title="episode probabilities", title_justify="left")
        for col in ("model", "outcome", "A", "B", "change"):
            e.add_column(col, justify="left" if col in ("model", "outcome") else "right")
        for m, k, x, y in d.episodes:
            e.add_row(m, "standoff" if k == "no_agreement" else k, _f(x), _f(y),
                      "—" if math.isnan(y - x) else f"{y - x:+.2f}")
        print_wide(e)


@app.command("calibrate", help=(
    "Calibrated intervals: fit the input-noise scale on odd cases, report on even ones the "
    "coverage of the 50 % and 90 % intervals and the CRPS beside the point forecast's MAE.\n\n"
    "The intervals are then recalibrated on the odd cases (split conformal) and reported "
    "again; --save writes the fit for `detente simulate --calibration`."))
@user_errors
def calibrate_cmd(
    data: Annotated[str, typer.Argument(
        metavar="DATA",
        help="deu (DEU III, from ../shared or --path) or cases (the case bank).")] = "deu",
    model: Annotated[str, typer.Option("--model", "-m", help="Model name.")] = "compromise",
    draws: Annotated[int, typer.Option("--draws", "-n", help="Draws per case.")] = 200,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed.")] = 0,
    path: Annotated[Path | None, typer.Option(
        "--path", help="DEU III data file (default: the shared reference copy).")] = None,
    split: Annotated[str, typer.Option(
        "--split", help="cases: odd/even by place in name order (name) or by as_of year "
        "(year).")] = "name",
    save: Annotated[Path | None, typer.Option(
        "--save", callback=output_path, help="Write the fitted calibration (noise and "
        "recalibration) to this JSON file, for `detente simulate --calibration`.")] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Calibrated intervals: fit the input-noise scale on odd cases, report on even ones the
    coverage of the 50 % and 90 % intervals and the CRPS beside the point forecast's MAE."""
    from detente.uncertainty import calibrate_cases, calibrate_deu

    if data not in ("deu", "cases"):
        raise UserError(f"DATA must be deu or cases, got {data!r}")
    if split not in ("name", "year"):
        raise UserError(f"--split must be name or year, got {split!r}")
    if split != "name" and data != "cases":
        raise UserError("--split applies to the case bank (DEU III splits by proposal number)")
    with _progress(f"calibrate on {data}") as progress:
        rep = (calibrate_deu(model, path=path, draws=draws, seed=seed, progress=progress)
               if data == "deu" else
               calibrate_cases(model, draws=draws, seed=seed, split=split,
                               progress=progress))
    if save is not None:
        try:
            atomic_write_text(save, json.dumps(rep.calibration.as_dict(), indent=1) + "\n")
        except OSError as e:
            raise UserError(f"{save}: cannot write the calibration ({e.strerror})") from None
    if fmt is TableJson.json:
        console.print_json(json.dumps(rep.as_dict(), allow_nan=False))
        return
    print_styled(f"[bold]{esc(rep.data)}[/], model {esc(rep.model)}: noise fitted on "
                 f"{rep.n_fit} odd case(s), tested on {rep.n_test} even case(s); {rep.draws} "
                 "draws each")
    console.print(f"  fitted noise: position sd {rep.scale:g} points of a 0–100 scale, "
                  f"correlation {rep.common:g} on an issue (--jitter {rep.jitter})")
    t = Table(title="held-out (even) cases", title_justify="left")
    for c in ("measure", "noise only", "recalibrated", "goal"):
        t.add_column(c, justify="left" if c == "measure" else "right")
    t.add_row("coverage of 50 % intervals", f"{rep.coverage50 * 100:.1f} %",
              f"{rep.recalibrated_coverage50 * 100:.1f} %", "50 ± 5 %")
    t.add_row("coverage of 90 % intervals", f"{rep.coverage90 * 100:.1f} %",
              f"{rep.recalibrated_coverage90 * 100:.1f} %", "90 ± 5 %")
    t.add_row("CRPS", f"{rep.crps:.2f}", f"{rep.recalibrated_crps:.2f}", "lower is better")
    t.add_row("MAE of the point forecast", f"{rep.mae:.2f}", "", "")
    console.print(t)
    r = rep.calibration.recalibration
    console.print(f"  recalibration (split conformal on the odd cases): the 90 % interval is "
                  f"the draws' {r.interval_level(0.9):.1%} central interval, the 50 % their "
                  f"{r.interval_level(0.5):.1%}")
    if save is not None:
        console.print(f"calibration written to {save} (detente simulate --calibration {save})")
    for note in rep.notes:
        print_styled(f"[dim]note:[/] {esc(note)}")


@app.command("credibility-sensitivity")
@user_errors
def credibility_sensitivity_cmd(
    actor: Annotated[str, typer.Argument(
        metavar="ACTOR", help="Actor code (ISO alpha-3, e.g. RUS).")],
    toward: Annotated[str | None, typer.Option(
        help="Counterpart: commitments made to this actor only.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date YYYY-MM-DD (default today).")] = None,
    method: Annotated[str, typer.Option(
        "--method", help="morris (elementary effects) or sobol.")] = "morris",
    n: Annotated[int, typer.Option(
        "--samples", "-n", min=2, help="Morris trajectories or Sobol base sample.")] = 8,
    setting: Annotated[list[str] | None, typer.Option(
        "--setting", help="Vary only these (half_life_years, allegation, disputed_factor, "
        "prior_kept, prior_broken); repeat.")] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the sample.")] = 0,
    db: Annotated[str | None, typer.Option(
        "--db", callback=db_option,
        help="Record database URL (default: $DETENTE_DB or the shipped record).")
    ] = None,
    fmt: SummaryFormat = TableJson.table,
) -> None:
    """Which credibility setting (half-life, allegation weight, disputed factor, prior) moves
    ACTOR's credibility, and how far: Morris or Sobol indices over their plausible ranges."""
    from detente.cli._app import load_record, not_after_today
    from detente.cli._record import _parse_date
    from detente.uncertainty import credibility_sensitivity
    from detente.uncertainty._credibility import RANGES

    day = _parse_date(as_of, "--as-of")
    if day is not None:
        not_after_today(day, "--as-of")  # as credibility itself refuses it
    res = credibility_sensitivity(load_record(db), actor, toward, day,
                                  settings=tuple(setting or RANGES), method=method, n=n,
                                  seed=seed)
    if fmt is TableJson.json:
        console.print_json(json.dumps(res.as_dict(), allow_nan=False))
        return
    who = f"{actor} toward {toward}" if toward else f"{actor} toward anyone"
    console.print(f"credibility of {who} as of {res.as_of}: {res.base:.3f} at the default "
                  f"settings; {res.low:.3f}–{res.high:.3f} over {res.runs} sampled settings")
    t = Table(title=f"settings that move it most ({method})", title_justify="left")
    t.add_column("setting")
    t.add_column("range", style="dim")
    for c in (("S1", "ST") if method == "sobol" else ("mu*", "sigma")):
        t.add_column(c, justify="right")
    for s, a, b in res.indices:
        lo, hi = RANGES[s]
        t.add_row(s, f"{lo:g}–{hi:g}", f"{a:.3f}", f"{b:.3f}")
    console.print(t)
