"""Command: evaluate (forecasts against what happened: the case bank, any scenarios, DEU III)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from detente.cli._app import (
    TableFormat,
    TableJsonCsv,
    UserError,
    app,
    console,
    figure_path,
    model_names,
    print_wide,
    user_errors,
)
from detente.errors import InputError, Problem

if TYPE_CHECKING:
    from detente.evaluation import Comparison, EvaluationReport
    from detente.scenario import Scenario

__all__: list[str] = []

_SCENARIO_SUFFIXES = (".yaml", ".yml")


def _fmt(x: float, digits: int = 1) -> str:
    return "—" if math.isnan(x) else f"{x:.{digits}f}"


def _is_deu(path: Path) -> bool:
    """A file that is neither YAML nor detente's long CSV is read as a DEU-style wide file."""
    if path.suffix.lower() in _SCENARIO_SUFFIXES:
        return False
    from detente.scenario._io import _detect

    try:
        return _detect(path) not in ("long", "yaml")
    except InputError:
        return True  # let the DEU reader say what is wrong


def _load_inputs(args: list[str]) -> tuple[list[Scenario], Path | None, list[str]]:
    """Scenarios named by ``args`` (files, folders, ``cases``, case or example names), or one
    DEU-style file; notes on files skipped."""
    from detente.cases import case_path, list_cases
    from detente.examples import example_path, list_examples
    from detente.scenario import load_scenario

    paths: list[Path] = []
    notes: list[str] = []
    deu: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir()
                if f.is_file() and f.suffix.lower() in (*_SCENARIO_SUFFIXES, ".csv")
            )
            for f in found:
                if _is_deu(f):
                    notes.append(f"{f}: not a scenario file (YAML or detente long CSV); skipped")
                else:
                    paths.append(f)
            if not found:
                raise UserError(f"{p}: no .yaml, .yml or .csv scenario files in this folder")
        elif p.is_file():
            (deu if _is_deu(p) else paths).append(p)
        elif arg == "cases":
            paths.extend(case_path(n) for n in list_cases())
        elif arg in list_cases():
            paths.append(case_path(arg))
        elif arg in list_examples():
            paths.append(example_path(arg))
        else:
            raise UserError(
                f"{arg}: no such file or folder, and not 'cases', a case name or an example "
                f"name (cases: {', '.join(list_cases()) or '(none)'})"
            )
    if deu and (paths or len(deu) > 1):
        raise UserError(
            f"{deu[0]}: a DEU-style wide file is evaluated on its own; give it alone, or give "
            "scenario files (YAML or detente long CSV) with observed outcomes"
        )
    problems: list[Problem] = []
    scenarios = []
    for path in dict.fromkeys(paths):
        try:
            scenarios.append(load_scenario(path))
        except InputError as e:
            problems.extend(e.problems or (Problem(str(e), file=str(path)),))
    if problems:
        raise InputError(problems)
    return scenarios, (deu[0] if deu else None), notes


def _model_options(names: list[str], pairs: list[str] | None) -> dict[str, dict[str, Any]]:
    from detente.cli._forecast import _parse_options
    from detente.collective import get_model

    opts = _parse_options(pairs)
    out: dict[str, dict[str, Any]] = {}
    for n in names:
        own = {k: v for k, v in opts.items() if k in get_model(n).options}
        if own:
            out[n] = own
    unused = set(opts) - {k for d in out.values() for k in d}
    if unused:
        raise UserError(
            f"no model among {', '.join(names)} has option(s) {', '.join(sorted(unused))}"
        )
    return out


@app.command("evaluate")
@user_errors
def evaluate_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="SCENARIO",
            help="Scenario files or folders with observed outcomes, 'cases' (the whole case "
            "bank), case names, or one DEU-style wide file.",
            show_default=False,
        ),
    ],
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="Model name; repeat for several; 'all' for every "
                     "registered model (the default; the status quo and compromise are always "
                     "included)."),
    ] = None,
    fmt: TableFormat = TableJsonCsv.table,
    per_issue: Annotated[
        bool, typer.Option("--per-issue", help="Show each issue's forecast, observed value "
                           "and error.")
    ] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", callback=figure_path,
        help="Write a figure of forecast vs observed per issue per model (.png, .svg or "
        ".pdf).")
    ] = None,
    subset: Annotated[
        str, typer.Option(help="'all', or 'odd'/'even': cases whose as_of year is odd/even "
                          "(DEU: proposals). Tune on one half, report the other.")
    ] = "all",
    option: Annotated[
        list[str] | None, typer.Option("--option", "-o", help="Model option NAME=VALUE.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed for random models.")] = 0,
    observed: Annotated[
        Path | None, typer.Option("--observed", help="Outcomes file (YAML or CSV: issue, "
                                  "value, date, note, source) for a single scenario input.")
    ] = None,
    capability: Annotated[
        str, typer.Option(help="DEU files: 'equal' capabilities, or 'gdp' (the GDP row).")
    ] = "equal",
    by_proposal: Annotated[
        bool, typer.Option("--by-proposal", help="DEU files: each proposal as one multi-issue "
                           "case.")
    ] = False,
) -> None:
    """Score models against what happened: MAE per case and overall, the status-quo baseline
    beside them, and the Brier score of the episode outcome where a model gives probabilities."""
    _evaluate(inputs, model, fmt, per_issue, plot, subset, option, seed, capability,
              by_proposal, observed)


def _evaluate(
    inputs: list[str], model: list[str] | None, fmt: TableJsonCsv, per_issue: bool,
    plot: Path | None, subset: str, option: list[str] | None, seed: int, capability: str,
    by_proposal: bool, observed: Path | None = None,
) -> None:
    from detente.collective._evaluate import model_spec

    if subset not in ("all", "odd", "even"):
        raise UserError(f"--subset must be all, odd or even, got {subset!r}")
    model = model_names(model, []) or None  # 'all': every registered model
    for name in model or []:
        model_spec(name)
    scenarios, deu, notes = _load_inputs(inputs)
    if observed is not None:
        from detente.scenario import read_outcomes

        if deu is not None or len(scenarios) != 1:
            raise UserError("--observed applies to exactly one scenario input")
        scenarios = [read_outcomes(observed, scenarios[0])]
    if deu is not None:
        _evaluate_deu(deu, model or ["compromise"], fmt, option, capability, subset,
                      by_proposal, plot, per_issue)
        return
    from detente.evaluation import evaluate
    from detente.evaluation import subset as take

    chosen = take(scenarios, subset)
    if not chosen:
        raise UserError(f"no case in the {subset} subset of the {len(scenarios)} given")
    from detente.collective import list_models
    from detente.evaluation import BASELINES

    names = list(dict.fromkeys([*BASELINES, *(model or [m.name for m in list_models()])]))
    report = evaluate(chosen, names, options=_model_options(names, option), rng=seed)
    notes = notes + list(report.notes)
    comparisons = _comparisons(report, seed)
    if fmt is TableJsonCsv.json:
        doc = report.as_dict(per_issue=per_issue)
        doc["subset"] = subset
        doc["vs_status_quo"] = [c.as_dict() for c in comparisons.values()]
        if notes:
            doc["notes"] = notes
        typer.echo(json.dumps(doc, allow_nan=False, indent=2, ensure_ascii=False))
    elif fmt is TableJsonCsv.csv:
        typer.echo(_csv(report, per_issue), nl=False)
    else:
        _table(report, subset, per_issue, comparisons)
        for n in notes:
            console.print(n, style="dim")
    if plot is not None:
        from detente.report import plot_evaluation

        plot_evaluation(report, plot)
        if fmt is TableJsonCsv.table:
            console.print(f"plot written to {plot}")


def _comparisons(report: EvaluationReport, seed: int) -> dict[str, Comparison]:
    """Each model against the status quo (case bootstrap), where both forecast some issue."""
    from detente.evaluation import BASE_RATE, compare

    names = {m.model for m in report.models}
    if "status_quo" not in names:
        return {}
    return {
        m.model: compare(report, m.model, "status_quo", rng=seed)
        for m in report.models
        if m.model not in ("status_quo", BASE_RATE) and m.n > 0
    }


def _csv(report: EvaluationReport, per_issue: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")

    def num(x: float) -> str:
        return "" if math.isnan(x) else repr(float(x))

    if per_issue:
        w.writerow(["case", "issue", "model", "forecast", "observed", "error"])
        for r in report.issues:
            w.writerow([r.case, r.issue, r.model, num(r.forecast), num(r.observed),
                        num(r.error)])
        return buf.getvalue()
    w.writerow(["model", "case", "n_issues", "mae", "median_ae", "brier", "brier_escalation"])
    briers = {(e.model, e.case): e.brier for e in report.episodes}
    esc = {(e.model, e.case): e.brier_escalation for e in report.episodes}
    for m in report.models:
        w.writerow([m.model, "(all)", m.n, num(m.mae), num(m.median_ae), num(m.brier),
                    num(m.brier_escalation)])
        for c in report.cases:
            n_c = sum(1 for r in report.issues if r.model == m.model and r.case == c
                      and not math.isnan(r.error))
            w.writerow([m.model, c, n_c, num(m.case_mae.get(c, math.nan)), "",
                        num(briers.get((m.model, c), math.nan)),
                        num(esc.get((m.model, c), math.nan))])
    return buf.getvalue()


_SHORT = {"agreement": "agr", "no_agreement": "none", "escalation": "esc"}


def _header(name: str) -> str:
    return name.replace("_", "\n", 1) if len(name) > 8 else name


def _table(
    report: EvaluationReport, subset: str, per_issue: bool, comparisons: dict[str, Comparison]
) -> None:
    from detente.evaluation import BASE_RATE

    models = [m for m in report.models if m.model != BASE_RATE]
    base = next((m for m in report.models if m.model == BASE_RATE), None)
    briers = {(e.model, e.case): e.brier for e in report.episodes}
    scope = "" if subset == "all" else f" ({subset} cases)"
    t = Table(title=f"MAE per case{scope}: absolute error on 0-100, mean over the case's "
              "issues", title_justify="left")
    t.add_column("case", no_wrap=True)
    t.add_column("out", style="dim")
    for m in models:
        t.add_column(_header(m.model), justify="right")
    if base is not None:
        t.add_column("base\nrate BS", justify="right", style="dim")
    for c in report.cases:
        cells = [_fmt(m.case_mae.get(c, math.nan)) for m in models]
        if base is not None:
            cells.append(_fmt(briers.get((BASE_RATE, c), math.nan), 2))
        t.add_row(c, _SHORT.get(report.outcomes.get(c, ""), ""), *cells)
    print_wide(t)
    if report.outcomes:
        console.print("out: the episode outcome (agr = agreement, none = no agreement, "
                      "esc = escalation); base rate BS: Brier score of the base rate",
                      style="dim")
    s = Table(title=f"overall{scope}", title_justify="left")
    s.add_column("model", no_wrap=True)
    for col in ("MAE\nall issues", "median\nAE", "MAE mean\nof cases", "issues\nscored",
                "Δ MAE vs status quo\n[95% case bootstrap]"):
        s.add_column(col, justify="right")
    if base is not None:
        s.add_column("Brier\n(episode)", justify="right")
        s.add_column("Brier\nP(esc)", justify="right")
        s.add_column("episodes", justify="right")
    for m in [*models, *([base] if base is not None else [])]:
        cmp = comparisons.get(m.model)
        delta = ("" if cmp is None or math.isnan(cmp.difference) else
                 f"{cmp.difference:+.1f} [—]" if math.isnan(cmp.low) else
                 f"{cmp.difference:+.1f} [{cmp.low:+.1f}, {cmp.high:+.1f}]")
        row = [m.model, _fmt(m.mae, 2), _fmt(m.median_ae, 2), _fmt(m.mean_case_mae, 2),
               str(m.n), delta]
        if base is not None:
            row += [_fmt(m.brier, 3), _fmt(m.brier_escalation, 3), str(m.n_episodes)]
        s.add_row(*row, style="dim" if m.model == BASE_RATE else "")
    console.print(s)
    by_kind = report.mae_by_outcome()
    kinds = [k for k in ("agreement", "no_agreement", "escalation")
             if any(k in d for d in by_kind.values())]
    if len(kinds) > 1:
        o = Table(title=f"MAE by episode outcome{scope} (all issues of those cases)",
                  title_justify="left")
        o.add_column("outcome", no_wrap=True)
        o.add_column("cases", justify="right")
        for m in models:
            o.add_column(_header(m.model), justify="right")
        for k in kinds:
            n_cases = sum(1 for c in report.cases if report.outcomes.get(c) == k)
            o.add_row(k, str(n_cases),
                      *[_fmt(by_kind.get(m.model, {}).get(k, math.nan)) for m in models])
        print_wide(o)
    sq = next((m for m in models if m.model == "status_quo"), None)
    if sq is not None and not math.isnan(sq.mae):
        better = [m.model for m in models if m.model != "status_quo" and m.mae < sq.mae]
        if better:
            console.print(f"beat the status quo on MAE (all issues): {', '.join(better)}")
        else:
            console.print("no model beats the status quo on MAE (all issues)", style="bold")
    if comparisons:
        console.print("Δ MAE vs status quo: the model's MAE minus the status quo's on the "
                      "issues both forecast (negative: better than the status quo), with a 95% "
                      "interval from resampling whole cases ([—]: none from a single case)",
                      style="dim")
    if base is not None:
        console.print("Brier: multi-class, sum over agreement, no_agreement, escalation "
                      "of (p - o)^2 (0 best, 2 worst, 2/3 for 1/3 each); Brier P(esc): binary, "
                      "(p_escalation - o_escalation)^2 (0 best, 1 worst, 0.25 for a coin); "
                      "base rate: leave-one-case-out frequencies; '—': no probabilities from "
                      "the model", style="dim")
    for m in models:
        for note in m.notes:
            console.print(f"{m.model}: {note}", style="dim")
    probabilistic = [m for m in models if m.n_episodes > 0]
    if probabilistic and base is not None:
        e = Table(title="episode outcome: probability given to what happened (Brier score)",
                  title_justify="left")
        e.add_column("case", no_wrap=True)
        e.add_column("out", style="dim")
        for m in [*probabilistic, base]:
            e.add_column(_header(m.model), justify="right")
        rows = {(x.model, x.case): x for x in report.episodes}
        for c in report.cases:
            if c not in report.outcomes:
                continue
            cells = []
            for m in [*probabilistic, base]:
                x = rows.get((m.model, c))
                cells.append("—" if x is None else
                             f"{x.probabilities.get(x.observed, 0.0):.2f} ({x.brier:.2f})")
            e.add_row(c, _SHORT.get(report.outcomes[c], ""), *cells)
        e.add_section()
        e.add_row("Brier skill vs base rate", "",
                  *[_fmt(report.brier_skill(m.model), 2) for m in probabilistic], "")
        e.add_row("P(escalation): Brier", "",
                  *[_fmt(m.brier_escalation, 3) for m in [*probabilistic, base]])
        e.add_row("P(escalation): skill", "",
                  *[_fmt(report.brier_skill(m.model, escalation=True), 2)
                    for m in probabilistic], "")
        console.print(e)
        console.print("Brier skill: 1 − BS(model) / BS(base rate) on the same cases "
                      "(above 0: better than the base rate), multi-class and for P(escalation)",
                      style="dim")
    if per_issue:
        p = Table(title="per issue: forecast (absolute error on 0-100)", title_justify="left")
        p.add_column("case", no_wrap=True)
        p.add_column("issue")
        p.add_column("observed", justify="right")
        for m in models:
            p.add_column(_header(m.model), justify="right")
        by_issue: dict[tuple[str, str], dict[str, Any]] = {}
        for r in report.issues:
            by_issue.setdefault((r.case, r.issue), {"observed": r.observed})[r.model] = r
        for (case, issue), d in by_issue.items():
            row = [case, issue, f"{d['observed']:g}"]
            for m in models:
                hit = d.get(m.model)
                row.append("—" if hit is None or math.isnan(hit.forecast)
                           else f"{hit.forecast:.1f}\n({hit.error:.1f})")
            p.add_row(*row)
        console.print(p)


def _evaluate_deu(
    file: Path, models: list[str], fmt: TableJsonCsv, option: list[str] | None,
    capability: str, subset: str, by_proposal: bool, plot: Path | None, per_issue: bool,
) -> None:
    """DEU-style wide files, as before: one summary per model (mean and median error)."""
    from detente.collective import evaluate
    from detente.scenario import read_deu

    if plot is not None or per_issue:
        raise UserError("--plot and --per-issue apply to scenarios with observed outcomes, "
                        "not to DEU-style wide files")
    data = read_deu(file, capability=capability)
    if subset != "all":
        data = data.subset(subset)
    if by_proposal:
        data = data.by_group()
    opts: dict[str, Any] = {}
    if option:
        from detente.cli._forecast import _parse_options

        opts = _parse_options(option)
    results = [evaluate(data, m, **opts) for m in models]
    if fmt is TableJsonCsv.json:
        doc: Any = (results[0].as_dict() if len(results) == 1
                    else {"dataset": data.name, "models": [r.as_dict() for r in results]})
        console.print_json(json.dumps(doc, allow_nan=False) if _finite(doc) else
                           json.dumps(_nulls(doc)))
        return
    if fmt is TableJsonCsv.csv:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["model", "n", "mae", "median_ae", "skipped"])
        for r in results:
            w.writerow([r.model, r.n, repr(r.mae), repr(r.median_ae), r.skipped])
        typer.echo(buf.getvalue(), nl=False)
        return
    title = f"{models[0]} on {data.name}" if len(models) == 1 else f"models on {data.name}"
    table = Table(title=title, title_justify="left")
    if len(models) > 1:
        table.add_column("model")
    table.add_column("issues scored", justify="right")
    table.add_column("mean abs. error", justify="right")
    table.add_column("median abs. error", justify="right")
    for r in results:
        cells = [str(r.n), f"{r.mae:.2f}", f"{r.median_ae:.2f}"]
        table.add_row(*([r.model] if len(models) > 1 else []), *cells)
    print_wide(table)
    for r in results:
        if r.skipped:
            console.print(f"{r.model}: {r.skipped} issue(s) without a forecast were left "
                          "out", style="dim")


def _finite(doc: Any) -> bool:
    return "NaN" not in json.dumps(doc)


def _nulls(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {k: _nulls(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_nulls(v) for v in doc]
    if isinstance(doc, float) and not math.isfinite(doc):
        return None
    return doc


@app.command("cases")
@user_errors
def cases_cmd(
    fmt: TableFormat = TableJsonCsv.table,
) -> None:
    """List the case bank: real negotiations with what happened (evaluate them with
    `detente evaluate cases`; open one with `detente show NAME`)."""
    from detente.cases import case_path, list_cases, load_case

    rows: list[dict[str, Any]] = []
    for name in list_cases():
        sc = load_case(name)
        rows.append({
            "case": name, "as_of": sc.as_of or "",
            "outcome": sc.outcome.kind if sc.outcome else "",
            "outcome_date": (sc.outcome.date or "") if sc.outcome else "",
            "actors": len(sc.actors), "issues": len(sc.issues),
            "observed": len(sc.observed), "path": str(case_path(name)),
        })
    if fmt is TableJsonCsv.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt is TableJsonCsv.csv:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["case"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
        return
    t = Table(title=f"the case bank: {len(rows)} cases", title_justify="left")
    for col in ("case", "as of", "outcome", "on", "actors", "issues", "observed"):
        t.add_column(col, justify="right" if col in ("actors", "issues", "observed") else
                     "left")
    for r in rows:
        t.add_row(*(str(r[k]) for k in ("case", "as_of", "outcome", "outcome_date", "actors",
                                         "issues", "observed")))
    print_wide(t)
