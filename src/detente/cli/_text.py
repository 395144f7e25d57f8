"""``detente extract`` and ``detente check``: articles in, candidate events and verdicts out."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from detente.cli._app import (
    TableFormat,
    TableJsonCsv,
    UserError,
    app,
    console,
    count,
    esc,
    load_record,
    print_lines,
    print_styled,
    user_errors,
)

DbOpt = Annotated[str | None, typer.Option(
    "--db", help="Record store (database URL or SQLite path; default as for `detente record`). "
    "'shipped' checks against the shipped dataset without a database (not for writing).")]
FilesArg = Annotated[list[str], typer.Argument(
    help="Article files (plain text, Markdown or HTML); '-' reads standard input.")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="The article's date (YYYY-MM-DD) for 'today', 'last month' ...; default: "
    "its dateline, if any.")]


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _ref(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--date: expected YYYY-MM-DD, got {text!r}") from None


def _read_all(files: list[str]) -> list[Any]:
    from detente.errors import InputError
    from detente.text import read_article

    if not files:
        raise UserError("give at least one article file (or '-' for standard input)")
    if files.count("-") > 1:
        raise UserError("standard input ('-') can be read only once")
    articles: list[Any] = []
    problems: list[Any] = []
    for f in files:
        try:
            articles.append(read_article(f))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return articles


def _candidate_row(c: Any) -> dict[str, Any]:
    return {
        "doc": c.doc, "sentence": c.sentence_index + 1, "agreement": c.agreement,
        "actors": ";".join(c.actors), "type": c.type, "date": c.date or "",
        "alleged_by": ";".join(c.alleged_by), "negated": c.negated,
        "hypothetical": c.hypothetical, "confidence": c.confidence, "start": c.start,
        "end": c.end, "text": c.sentence,
    }


def _print_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    from rich.table import Table

    t = Table(title=title, show_lines=False)
    for col in columns:
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(*[str(r[c]) for c in columns])
    console.print(t)


def _print_candidates(rows: list[dict[str, Any]], title: str) -> None:
    """One candidate per two lines (a narrow terminal): what, then the sentence."""

    console.print(title)
    for r in rows:
        alleged = f", alleged by {r['alleged_by']}" if r["alleged_by"] else ""
        flags = f" [yellow]{esc(r['flags'].strip())}[/]" if r["flags"].strip() else ""
        print_styled(f"[bold]{esc(r['actors'])} {esc(r['type'])} {esc(r['agreement'])}[/] "
                     f"{esc(r['date'] or 'undated')}{esc(alleged)}{flags} — {esc(r['doc'])}, "
                     f"sentence {esc(r['sentence'])}, confidence {esc(r['confidence'])}")
        console.print(f"  {r['text']}", style="dim")


def _ask(c: Any) -> Any:

    from detente.text import Decision

    print_styled(f"\n[bold]{esc(c.doc)}[/], sentence {c.sentence_index + 1} (confidence "
                 f"{c.confidence:.2f}):\n  {esc(c.sentence)}")
    when = c.date or "(no date)"
    alleged = f" alleged by {'/'.join(c.alleged_by)}" if c.alleged_by else ""
    print_styled(f"  → {esc('/'.join(c.actors))} [bold]{esc(c.type)}[/] {esc(c.agreement)} "
                 f"{esc(when)}{esc(alleged)}")
    while True:
        ans = typer.prompt("  [a]ccept, [e]dit, [r]eject", default="a").strip().lower()
        if ans in ("a", "accept"):
            return Decision("accept")
        if ans in ("r", "reject"):
            return Decision("reject")
        if ans in ("e", "edit"):
            changes = []
            for field, cur in (("agreement", c.agreement), ("actors", ";".join(c.actors)),
                               ("type", c.type), ("date", c.date or ""),
                               ("alleged_by", ";".join(c.alleged_by))):
                new = typer.prompt(f"    {field}", default=cur, show_default=True)
                if new != cur:
                    changes.append((field, new))
            return Decision("edit", tuple(changes))


@app.command("extract")
@user_errors
def extract_cmd(
    files: FilesArg,
    fmt: TableFormat = TableJsonCsv.table,
    source: Annotated[str | None, typer.Option(
        help="Public URL of the article (the events' source; default: the article's own "
        "canonical link or 'URL:' line).")] = None,
    ref_date: DateOpt = None,
    facts_only: Annotated[bool, typer.Option(
        "--facts-only", help="Leave out negated and hypothetical acts.")] = False,
    review_: Annotated[bool, typer.Option(
        "--review", help="Accept, edit or reject each factual candidate, then write the "
        "accepted ones to the record store (all or nothing).")] = False,
    accept: Annotated[bool, typer.Option(
        "--accept-all", help="Write every factual candidate at or above --min-confidence.")
    ] = False,
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="With --accept-all: the lowest confidence written (a "
        "probability that the candidate is right, 0 to 1).")] = 0.0,
    db: DbOpt = None,
) -> None:
    """Candidate record events in articles: agreement, actor, type, date, alleger, flags."""
    from detente.text import Extractor, accept_all, review, to_events, write_events

    if review_ and accept:
        raise UserError("use either --review or --accept-all, not both")
    articles = _read_all(files)
    writing = review_ or accept
    if writing and db == "shipped":
        raise UserError("--db shipped is read-only; give a store to write to")
    # the record names the agreements: the store written to, else the shipped dataset
    record = load_record(db) if writing else load_record(db or "shipped")
    ex = Extractor(record)
    ref = _ref(ref_date)
    cands = [c for a in articles for c in ex.extract(a, ref)]
    if writing:
        chosen = review([c for c in cands if c.is_fact], _ask) if review_ else \
            accept_all(cands, min_confidence)
        events, skipped = to_events(chosen, record, source)
        print_lines([f"skipped: {s}" for s in skipped], err=True)
        from detente.record import open_store

        with open_store(db) as store:
            report = write_events(store, events)
            console.print(f"wrote to {store.url}: {report}")
        return
    shown = [c for c in cands if c.is_fact] if facts_only else cands
    if fmt is TableJsonCsv.json:
        console.print_json(json.dumps([c.as_dict() for c in shown]))
    elif fmt is TableJsonCsv.csv:
        from detente.record import Record
        from detente.record._csv import events_csv

        events, skipped = to_events([c for c in shown if c.is_fact], record, source)
        print_lines([f"skipped: {s}" for s in skipped], err=True)
        agreements = tuple(record.agreement(a) for a in sorted({e.agreement for e in events}))
        typer.echo(events_csv(Record(agreements=agreements, events=tuple(events))), nl=False)
    else:
        rows = [_candidate_row(c) for c in shown]
        from pathlib import Path

        for r in rows:
            r["doc"] = Path(r["doc"]).name
            r["flags"] = ("negated " if r["negated"] else "") + \
                ("hypothetical" if r["hypothetical"] else "")
        if not rows or console.width < 150:  # a table of ten columns folds past reading
            _print_candidates(rows, count(len(shown), "candidate event"))
        else:
            for r in rows:
                r["text"] = r["text"][:90]
            _print_table(rows, ["doc", "sentence", "agreement", "actors", "type", "date",
                                "alleged_by", "flags", "confidence", "text"],
                         count(len(shown), "candidate event"))


@app.command("check")
@user_errors
def check_cmd(
    files: FilesArg,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] =
    CheckFormat.table,
    ref_date: DateOpt = None,
    db: DbOpt = "shipped",
) -> None:
    """Each claim in an article against the record, and the article's selection beside it."""
    from detente.text import Extractor, balance, check, check_markdown

    articles = _read_all(files)
    record = load_record(db)
    ex = Extractor(record)
    ref = _ref(ref_date)
    out: list[dict[str, Any]] = []
    for a in articles:
        cands = ex.extract(a, ref)
        verdicts = check(cands, record)
        years, rows = balance(cands, record)
        if fmt is CheckFormat.markdown:
            typer.echo(check_markdown(a.name, verdicts, years, rows))
            continue
        out.append({"article": a.name, "verdicts": [v.as_dict() for v in verdicts],
                    "years": list(years) if years else None,
                    "balance": [r.as_dict() for r in rows]})
        if fmt is CheckFormat.table:
            vrows = [{"status": v.status, "claim": f"{'/'.join(v.candidate.actors)} "
                      f"{v.candidate.type} {v.candidate.agreement} {v.candidate.date or ''}",
                      "reason": v.reason, "events": ";".join(v.event_ids)[:40],
                      "text": v.candidate.sentence[:70]} for v in verdicts]
            _print_table(vrows, ["status", "claim", "reason", "events", "text"],
                         f"{a.name}: claims against the record")
            if rows:
                _print_table([r.as_dict() for r in rows[:15]],
                             ["party", "in_article", "in_record_these_agreements",
                              "in_record_all"],
                             f"Breaches {years[0]}-{years[1]}: the article beside the record"
                             if years else "Balance")
    if fmt is CheckFormat.json:
        console.print_json(json.dumps(out))
