"""``detente report``: the case report as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli._app import UserError, app, console, scenario_path, user_errors


@app.command("report")
@user_errors
def report_cmd(
    scenario: Annotated[str, typer.Argument(help="Scenario file or shipped example name.")],
    out: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"),
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for the record (default: the scenario's as_of or date).")] = None,
    a: Annotated[str | None, typer.Option("--a", help="First side of the bilateral analysis.")
                 ] = None,
    b: Annotated[str | None, typer.Option("--b", help="Second side.")] = None,
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="Models to include (default: every registered model).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of every random draw.")] = 0,
    grid: Annotated[int, typer.Option("--grid", help="Points per issue in the bargaining "
                                      "space.")] = 11,
) -> None:
    """Write a case report: key judgements first, then the evidence, figures inline."""
    from detente._atomic import atomic_write_text
    from detente.report import build_report, render_html
    from detente.scenario import load_scenario

    path = scenario_path(scenario)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UserError(f"{out}: the report is HTML; give a .html file name")
    sc = load_scenario(path)
    rep = build_report(sc, ref=scenario, source_bytes=path.read_bytes(), as_of=as_of, a=a, b=b,
                       models=model, seed=seed, grid=grid)
    atomic_write_text(out, render_html(rep))
    skipped = [s.title for s in rep.sections if s.skipped]
    console.print(f"report written to {out} ({len(rep.sections) - len(skipped)} sections"
                  + (f"; skipped: {', '.join(skipped)}" if skipped else "") + ")")
