"""Commands: ``detente record agreements|events|show|import|export`` and ``detente credibility``."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from detente.cli._app import (
    DetenteTyper,
    SummaryFormat,
    TableFormat,
    TableJson,
    TableJsonCsv,
    UserError,
    app,
    console,
    count,
    db_option,
    esc,
    figure_path,
    load_record,
    not_after_today,
    output_folder,
    print_lines,
    print_styled,
    user_errors,
)
from detente.errors import InputNote
from detente.scenario import Problem, ScenarioError

__all__: list[str] = []

record_app = DetenteTyper(
    name="record",
    help="The record of agreements kept and broken: agreements, events, show, import, export.",
    no_args_is_help=True,
)
app.add_typer(record_app, name="record")


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", callback=db_option,
        help="Database URL or SQLite path (default: $DETENTE_DB, else a file in your user data "
        "folder, filled with the shipped dataset on first use). 'shipped' reads the shipped "
        "dataset without a database.",
    ),
]


def _parse_date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{what}: expected a date YYYY-MM-DD, got {text!r}") from None


def _emit(rows: list[dict[str, Any]], fmt: TableJsonCsv, title: str, columns: list[str]) -> None:
    if fmt is TableJsonCsv.json:
        console.print_json(json.dumps(rows))
        return
    if fmt is TableJsonCsv.csv:
        buf = io.StringIO()
        w = csv.DictWriter(buf, columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
        return
    table = Table(title=title, title_justify="left")
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*[str(r.get(c, "")) for c in columns])
    console.print(table)


def _agreement_row(a: Any) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "kind": a.kind.value, "parties": ";".join(a.parties),
        "domain": a.domain, "signed": str(a.signed or ""), "in_force": str(a.in_force or ""),
        "source": a.source, "note": a.note,
    }


def _event_row(e: Any) -> dict[str, Any]:
    return {
        "id": e.id, "agreement": e.agreement, "date": str(e.date), "actors": ";".join(e.actors),
        "type": e.type.value, "alleged_by": ";".join(e.alleged_by),
        "established_by": ";".join(e.established_by), "evidence": e.evidence.value,
        "lawful": "" if e.lawful is None else str(e.lawful).lower(),
        "disputed": str(e.disputed).lower(), "conduct": e.conduct, "source": e.source,
        "note": e.note,
    }


def _check_filter(option: str, value: str | None, known: Any, what: str) -> None:
    """A filter that can match nothing (a typo, a lower-case code) is refused, not answered
    with an empty table that reads as 'none in the record'."""
    if value is None or value in known:
        return
    hint = next((k for k in sorted(known) if k.lower() == value.lower()), None)
    if hint is not None:
        raise UserError(f"{option} {value!r}: no such {what} in the record; did you mean "
                        f"{hint!r}? (codes are case-sensitive)")
    listed = sorted(known)
    shown = ", ".join(listed[:20]) + (f", … ({len(listed)} in all)" if len(listed) > 20 else "")
    raise UserError(f"{option} {value!r}: no such {what} in the record; expected one of: {shown}")


def _check_actor_filter(option: str, value: str | None, rec: Any) -> None:
    if value is None or value in rec.actors():
        return
    from detente.record._model import FORMER_ALPHA3, ISO_ALPHA3

    hint = next((k for k in sorted(rec.actors()) if k.lower() == value.lower()), None)
    valid = value in ISO_ALPHA3 or value in FORMER_ALPHA3  # a right code the record lacks
    raise UserError(
        f"{option} {value!r}: no such actor in the record"
        + (f"; did you mean {hint!r}? (codes are case-sensitive)" if hint else
           f": it holds no agreement or event of {value}'s" if valid else
           "; use an ISO 3166 alpha-3 code (e.g. USA, RUS, IRN; SUN for the USSR) or an "
           "organisation code (e.g. NATO)"))


@record_app.command("agreements")
@user_errors
def agreements_cmd(
    party: Annotated[str | None, typer.Option(help="Only agreements with this party.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind (treaty, ...).")] = None,
    fmt: TableFormat = TableJsonCsv.table,
    db: DbOpt = None,
) -> None:
    """List the agreements in the record."""
    from detente.record._model import AgreementKind

    _check_filter("--kind", kind, {k.value for k in AgreementKind}, "agreement kind")
    rec = load_record(db)
    _check_actor_filter("--party", party, rec)
    rows = [
        _agreement_row(a) for a in rec.sorted().agreements
        if (party is None or party in a.parties) and (kind is None or a.kind.value == kind)
    ]
    cols = ["id", "kind", "parties", "signed", "in_force", "name"]
    _emit(rows, fmt, f"{len(rows)} agreements", cols if fmt is TableJsonCsv.table else list(
        _agreement_row(rec.agreements[0]).keys()) if rec.agreements else cols)


@record_app.command("events")
@user_errors
def events_cmd(
    agreement: Annotated[str | None, typer.Option(help="Only events under this agreement.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only events by this actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this event type.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date on.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    fmt: TableFormat = TableJsonCsv.table,
    db: DbOpt = None,
) -> None:
    """List the events in the record (filter by agreement, actor, type, dates)."""
    from detente.record._model import EventType

    _check_filter("--type", type_, {t.value for t in EventType}, "event type")
    lo, hi = _parse_date(since, "--since"), _parse_date(until, "--until")
    rec = load_record(db)
    if agreement is not None:
        rec.agreement(agreement)
    _check_actor_filter("--actor", actor, rec)
    rows = [
        _event_row(e) for e in rec.sorted().events
        if (agreement is None or e.agreement == agreement)
        and (actor is None or actor in e.actors)
        and (type_ is None or e.type.value == type_)
        and (lo is None or e.date.end >= lo)
        and (hi is None or e.date.start <= hi)
    ]
    cols = ["id", "date", "agreement", "actors", "type", "alleged_by", "evidence", "disputed"]
    _emit(rows, fmt, count(len(rows), "event"), cols if fmt is TableJsonCsv.table else [
        "id", "agreement", "date", "actors", "type", "alleged_by", "established_by", "evidence",
        "lawful", "disputed", "conduct", "source", "note"])


@record_app.command("show")
@user_errors
def show_cmd(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="An agreement or event id.")],
    db: DbOpt = None,
) -> None:
    """Show one agreement (with its events) or one event, with sources."""
    rec = load_record(db)
    if not rec.has(item_id):
        raise UserError(f"no agreement or event {item_id!r} in the record "
                        "(see `detente record agreements`)")
    try:
        a = rec.agreement(item_id)
    except KeyError:
        e = rec.event(item_id)
        for k, v in _event_row(e).items():
            print_styled(f"[bold]{esc(k)}[/]: {esc(v)}")
        return
    for k, v in _agreement_row(a).items():
        print_styled(f"[bold]{esc(k)}[/]: {esc(v)}")
    rows = [_event_row(e) for e in rec.sorted().events if e.agreement == a.id]
    _emit(rows, TableJsonCsv.table, count(len(rows), "event"),
          ["id", "date", "actors", "type", "alleged_by", "evidence", "note"])


@record_app.command("init")
@user_errors
def init_cmd(
    db: DbOpt = None,
    empty: Annotated[bool, typer.Option(
        "--empty", help="Start with no agreements and no events (your own ledger), not the "
        "shipped dataset.")] = False,
) -> None:
    """Create a record database: filled with the shipped dataset, or --empty."""
    from detente.record import open_store

    if db == "shipped":
        raise UserError("--db shipped is the package's read-only dataset; give a database to "
                        "create")
    with open_store(db, seed=not empty) as store:
        rec, url = store.record(), store.url
    held = f"{count(len(rec.agreements), 'agreement')} and {count(len(rec.events), 'event')}"
    if empty and (rec.agreements or rec.events):
        raise UserError(f"--empty: {url} already holds {held}; give a new file (a database "
                        "is never emptied by this command)")
    hint = f" --db {db}" if db else ""
    console.print(f"record database {url}: " + (held if rec.agreements or rec.events else
                  f"empty; add agreements and events with `detente record import FILE{hint}`"))


@record_app.command("import", help=(
    "Import CSV rows (all-or-nothing; every bad row is reported).\n\n"
    "Comma-separated, with a header line. Events: id, agreement, date, actors, type, "
    "alleged_by, established_by, evidence, lawful, disputed, conduct, source, note (actors "
    "separated by ';'; type e.g. kept, suspended, violation_alleged). Agreements: id, name, "
    "kind, parties, domain, signed, in_force, source, note. `detente record export DIR` writes "
    "both files: a model to copy. A .json file is a list of objects with these keys (what "
    "`detente record events --format json` writes)."))
@user_errors
def import_cmd(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE", help="agreements/events CSV (or JSON) files, or folders holding them.")],
    db: DbOpt = None,
) -> None:
    """Import CSV rows (all-or-nothing; every bad row is reported)."""
    from detente.record import open_store

    if db == "shipped":
        raise UserError("--db shipped is read-only; give a database to import into")
    with open_store(db) as store:
        report = store.import_csv(*files)
        console.print(f"imported into {store.url}: {report}")


@record_app.command("export")
@user_errors
def export_cmd(
    folder: Annotated[Path, typer.Argument(
        metavar="DIR", callback=output_folder,
        help="Folder to write into (created; the folder holding it must exist).")],
    db: DbOpt = None,
) -> None:
    """Export the record as agreements.csv and events.csv (atomic writes)."""
    from detente.record import write_record_dir

    paths = write_record_dir(load_record(db), folder)
    console.print("wrote " + ", ".join(str(p) for p in paths))


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _settings_from_file(path: Path) -> tuple[dict[str, Any], Callable[[Any], int | None]]:
    """Read credibility settings (a mapping of CredibilitySettings fields) from YAML or JSON;
    also return a function giving the line of a setting (for error messages)."""
    from detente.scenario._io import load_yaml_document

    data, locate = load_yaml_document(path, "a credibility settings file")
    if not isinstance(data, dict):
        raise ScenarioError([Problem("expected a mapping of settings (e.g. half_life_years: 5)",
                                     file=str(path), line=1)])
    return dict(data), locate


def credibility_settings(settings_file: Path | None, half_life: float | None = None,
                         level: float | None = None, allegation_weight: float | None = None
                         ) -> Any:
    """The CredibilitySettings of the --settings file and the options that override it (a bad
    value is located in the file or the options)."""
    from detente.record import CredibilitySettings

    kw, locate = ({}, None) if settings_file is None else _settings_from_file(settings_file)
    if half_life is not None:
        kw["half_life_years"] = half_life
    if level is not None:
        kw["level"] = level
    if allegation_weight is not None:
        kw["evidence_weights"] = {**kw.get("evidence_weights", {}),
                                  "allegation": allegation_weight}
    try:
        settings = CredibilitySettings(**kw)
    except ValidationError as err:
        problems = []
        for detail in err.errors():
            loc = tuple(detail["loc"])
            msg = "invalid setting: " + str(detail["msg"]).removeprefix("Value error, ")
            line = locate(loc) if locate is not None else None
            source = "command-line options" if settings_file is None else str(settings_file)
            problems.append(Problem(msg, ".".join(map(str, loc)), source, line))
        raise ScenarioError(problems) from None
    return settings


def _note_no_events(rec: Any, actor: str, toward: str | None, day: date,
                    settings: Any) -> None:
    """Say (``note:`` on stderr) that a credibility with no event behind it is the prior."""
    from detente.record import credibility

    whom = f"{actor}'s commitments toward {toward}" if toward else f"{actor}'s commitments"
    known = credibility(rec, actor, toward=toward, as_of=date.today(), settings=settings)
    first = min((d.event.date.start for d in known.drivers), default=None)
    since = (f" (the first is dated {first}; give a later --as-of)" if first is not None
             and first > day else "")
    warnings.warn(f"no event on {whom} in the record by {day}{since}: the figure is the "
                  "prior, not evidence", InputNote, stacklevel=2)


@app.command("credibility")
@user_errors
def credibility_cmd(
    actor: Annotated[str, typer.Argument(
        metavar="ACTOR", help="Actor code (ISO alpha-3, e.g. RUS).")],
    toward: Annotated[str | None, typer.Option(
        help="Counterpart: commitments made to this actor only.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date YYYY-MM-DD (default today); nothing after it is used.")] = None,
    fmt: SummaryFormat = TableJson.table,
    plot: Annotated[Path | None, typer.Option(
        callback=figure_path,
        help="Write credibility over time with the driving events (.png/.svg/.pdf).")] = None,
    top: Annotated[int, typer.Option(min=0, help="How many drivers to show.")] = 8,
    half_life: Annotated[float | None, typer.Option(
        "--half-life", help="Recency half-life in years (default 10).")] = None,
    level: Annotated[float | None, typer.Option(
        help="Credible-interval level (default 0.9).")] = None,
    allegation_weight: Annotated[float | None, typer.Option(
        "--allegation-weight",
        help="Weight of an allegation against an established finding (1.0); default 0.3.")] = None,
    settings_file: Annotated[Path | None, typer.Option(
        "--settings",
        help="YAML file of CredibilitySettings fields (weights, prior, half-life; see README)."
    )] = None,
    db: DbOpt = None,
) -> None:
    """Credibility of ACTOR's commitments (to --toward, or anyone), with its drivers."""
    from detente.record import credibility, credibility_curve
    from detente.record._credibility import _monthly
    from detente.report import plot_credibility

    day = _parse_date(as_of, "--as-of") or date.today()
    not_after_today(day, "--as-of")
    settings = credibility_settings(settings_file, half_life, level, allegation_weight)
    rec = load_record(db)
    cred = credibility(rec, actor, toward=toward, as_of=day, settings=settings)
    if cred.n_events == 0:
        _note_no_events(rec, actor, toward, day, settings)
    if plot is not None:
        first = min((d.event.date.start for d in cred.drivers), default=day)
        curve = credibility_curve(rec, actor, toward, _monthly(first, day), settings)
        plot_credibility(curve, cred.drivers, plot, top=top)
    if fmt is TableJson.json:
        console.print_json(json.dumps(cred.as_dict(top=top)))
    else:
        who = f"{actor} toward {toward}" if toward else f"{actor} toward anyone"
        print_styled(
            f"credibility of {esc(who)} as of {esc(cred.as_of)}: [bold]{cred.mean:.3f}[/] "
            f"({cred.level:.0%} interval {cred.low:.3f}–{cred.high:.3f}); "
            f"kept {cred.kept:.2f}, broken {cred.broken:.2f} "
            f"(weighted, {count(cred.n_events, 'event')})")
        console.print("drivers (leave-one-out effect on the mean; weight: + kept, - broken):")
        for d in cred.drivers[:top]:
            e = d.event
            print_lines(
                f"{d.delta:+.3f}  w={d.weight:+.2f}  {e.date}  {e.id}  {e.agreement}  "
                f"{e.type.value} ({e.evidence.value}{', disputed' if e.disputed else ''}): "
                f"{_short(e.note)}", indent="  ")
    if plot is not None:
        console.print(f"wrote {plot}")
