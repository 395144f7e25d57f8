"""``detente report``: the case report as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli._app import (
    UserError,
    about_file,
    app,
    console,
    date_option,
    db_option,
    load_record,
    model_names,
    output_path,
    scenario_path,
    user_errors,
)


@app.command("report")
@user_errors
def report_cmd(
    scenario: Annotated[str, typer.Argument(
        metavar="SCENARIO", help="Scenario file or shipped example name.")],
    out: Annotated[Path, typer.Option(
        "-o", "--output", callback=output_path,
        help="File to write: .html, .md for Markdown (figures as SVG files beside it), or "
        ".pdf for a PDF.")] = Path("report.html"),
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Write a PDF (to the -o name with a .pdf suffix) instead of HTML; needs "
        "WeasyPrint (pip install 'detente\\[pdf]').")] = False,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for the record (default: the scenario's as_of or date).")] = None,
    a: Annotated[str | None, typer.Option("--a", help="First side of the bilateral analysis.")
                 ] = None,
    b: Annotated[str | None, typer.Option("--b", help="Second side.")] = None,
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="Models to include; repeat for several; 'all' for every model "
        "(the default).")] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of every random draw.")] = 0,
    grid: Annotated[int, typer.Option("--grid", min=2, help="Points per issue in the bargaining "
                                      "space.")] = 11,
    db: Annotated[str | None, typer.Option(
        "--db", callback=db_option, help="The record the trust and credibility are read from "
        "(database URL or SQLite path, as `detente credibility --db`; default: the shipped "
        "dataset).")] = None,
) -> None:
    """Write a case report: key judgements first, then the evidence, figures inline."""
    from detente._atomic import atomic_write_bytes, atomic_write_text, check_writable
    from detente.report import build_report, render_html
    from detente.scenario import load_scenario

    as_of = date_option(as_of, "--as-of")
    path = scenario_path(scenario)
    suffix = out.suffix.lower()
    as_pdf = pdf or suffix == ".pdf"
    if as_pdf:
        from detente.report._pdf import pdf_engine, render_pdf

        out = out.with_suffix(".pdf")
        engine, why = pdf_engine()
        if engine is None:  # before the (slow) build: say at once what is missing
            raise UserError(f"cannot write {out}: {why}")
    elif suffix not in (".html", ".htm", ".md"):
        raise UserError(f"{out}: give a .html or .md file name (or .pdf, or --pdf, for a PDF)")
    check_writable(out)  # before the (slow) build
    sc = load_scenario(path)
    record = None if db is None or db == "shipped" else load_record(db)
    with about_file(path):
        rep = build_report(sc, ref=scenario, source_bytes=path.read_bytes(), as_of=as_of, a=a,
                           b=b, models=model_names(model, []) or None, seed=seed, grid=grid,
                           record=record, record_ref=None if record is None else db)
    written = ""
    if as_pdf:
        atomic_write_bytes(out, render_pdf(render_html(rep)))
    elif suffix == ".md":
        from detente.report import render_markdown

        text, figures = render_markdown(rep, figure_name=f"{out.stem}-figure")
        for name, svg in figures:  # the figures first: the text links to them
            atomic_write_text(out.with_name(name), svg)
        atomic_write_text(out, text)
        if figures:
            written = f", {len(figures)} figure(s) beside it as {out.stem}-figure-N.svg"
    else:
        atomic_write_text(out, render_html(rep))
    skipped = [s.title for s in rep.sections if s.skipped]
    console.print(f"report written to {out} ({len(rep.sections) - len(skipped)} sections"
                  + (f"; skipped: {', '.join(skipped)}" if skipped else "") + ")" + written)
