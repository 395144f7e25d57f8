"""CSV reading and writing for the record: ``agreements.csv`` and ``events.csv``.

Reading validates every row and reports every bad one (file, row, field, reason) at once.
Column names of the shared research ledger (``agreement_id``, ``event_id``, ``actor``,
``event_type``, ``finding_by``, ``violation_found``) are accepted as aliases.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from detente._atomic import write_temp
from detente._limits import csv_rows, read_text
from detente.errors import InputError, LimitError
from detente.record._model import Agreement, Event, Record, RecordError
from detente.scenario import Problem, atomic_write_text

__all__ = [
    "json_as_csv",
    "json_problems",
    "AGREEMENT_COLUMNS",
    "EVENT_COLUMNS",
    "EXPORT_MANIFEST",
    "agreements_csv",
    "check_export_pair",
    "export_lock",
    "reading_exports",
    "events_csv",
    "read_csv_rows",
    "read_record_dir",
    "write_record_dir",
]

AGREEMENT_COLUMNS = ("id", "name", "kind", "parties", "domain", "signed", "in_force", "source",
                     "note")
EVENT_COLUMNS = ("id", "agreement", "date", "actors", "type", "alleged_by", "established_by",
                 "evidence", "lawful", "disputed", "conduct", "source", "note")

_ALIASES = {
    "agreement_id": "id",
    "event_id": "id",
    "actor": "actors",
    "event_type": "type",
    "finding_by": "established_by",
}
_TYPE_ALIASES = {"violation_found": "violation_established"}
_BOOL = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False}

Kind = Literal["agreements", "events"]


def _kind_of(header: list[str]) -> Kind | None:
    names = set(header)
    if "event_id" in names or ("agreement" in names and "type" in names) or "event_type" in names:
        return "events"
    if "name" in names and ("parties" in names or "kind" in names):
        return "agreements"
    return None


def _bool(value: str, field: str) -> bool | None:
    v = value.strip().lower()
    if v == "":
        return None
    if v not in _BOOL:
        raise InputError(f"expected true or false, got {value!r}")
    return _BOOL[v]


def _row_to_dict(kind: Kind, raw: dict[str, str], shared: bool) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in raw.items():
        if key is None:
            continue
        name = key.strip()
        if kind == "events" and name == "agreement_id":
            name = "agreement"
        else:
            name = _ALIASES.get(name, name)
        row[name] = (value or "").strip()
    if kind == "events":
        row["type"] = _TYPE_ALIASES.get(row.get("type", ""), row.get("type", ""))
        if shared:
            _shared_evidence(row)
    for k in [k for k, v in row.items() if v == "" and k not in ("signed", "in_force")]:
        if k in ("note", "alleged_by", "established_by", "conduct", "evidence", "lawful"):
            del row[k]
    return row


def _shared_evidence(row: dict[str, Any]) -> None:
    """Map the research ledger's ``finding_by`` conventions onto ``evidence``/``established_by``."""
    by = row.get("established_by", "")
    if not by or row.get("evidence"):
        return
    if by.endswith("-compliance-report"):
        row["evidence"], row["established_by"] = "determination", ""
    elif by == "UNGA":
        row["evidence"], row["established_by"] = "resolution", ""
    elif by.startswith("OPCW (agent"):
        row["evidence"], row["established_by"] = "corroborated", "OPCW"
    elif by.endswith("-admission"):
        row["evidence"], row["established_by"] = "admission", by.split("-")[0]
    elif row.get("type") == "violation_alleged":
        row["evidence"] = "corroborated"
    else:
        row["evidence"] = "finding"


def _problems_from(e: ValidationError, file: str, row: int) -> list[Problem]:
    out = []
    for err in e.errors():
        loc = [str(x) for x in err.get("loc", ()) if not str(x).startswith("function-")]
        field = loc[0] if loc else ""
        msg = err.get("msg", "invalid value").removeprefix("Value error, ")
        if err.get("type") == "missing":
            msg = "required value is missing"
        elif err.get("type") == "enum":
            ctx = err.get("ctx") or {}
            msg = f"expected one of {ctx.get('expected', '')}, got {err.get('input')!r}"
        out.append(Problem(msg, field, file, None, row))
    return out


def read_csv_rows(
    text: str, file: str, rows_out: list[int] | None = None
) -> tuple[Kind, list[Agreement] | list[Event], list[Problem]]:
    """Parse one CSV text (agreements or events, told apart by the header).

    Returns the parsed items and every problem found (row numbers count the header as row 1).
    ``rows_out``, if given, receives each returned item's row, in order (for later checks that
    name the row, such as an event's unknown agreement).
    """
    try:
        rows = csv_rows(text, ",", file)
    except LimitError:
        raise
    except InputError as e:
        raise RecordError(e.problems) from None
    rows = [(n, cells) for n, cells in rows if cells]
    header = rows[0][1] if rows else []
    if not rows:
        raise RecordError([Problem(
            "the file is empty: expected a header line of agreement columns "
            f"({', '.join(AGREEMENT_COLUMNS)}) or event columns ({', '.join(EVENT_COLUMNS)})",
            "", file, None, None)])
    kind = _kind_of(list(header))
    other = next((d for d in (";", "\t") if len(header) == 1 and d in header[0]), None)
    if kind is None and other is not None:
        raise RecordError([Problem(
            f"the header is separated by {'semicolons' if other == ';' else 'tabs'}: record "
            "files are comma-separated (save the file as CSV with commas), with the columns "
            f"{', '.join(EVENT_COLUMNS)} for events", "", file, 1, None)])
    if kind is None:
        raise RecordError([Problem(
            "cannot tell agreements from events by the header; expected columns "
            f"{', '.join(AGREEMENT_COLUMNS)} or {', '.join(EVENT_COLUMNS)}", "", file, 1, None)])
    shared = "finding_by" in header
    items: list[Any] = []
    at: list[int] = []  # each item's row
    problems: list[Problem] = []
    for n, cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            problems.append(Problem("more values than columns", "", file, None, n))
            continue
        raw = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        row = _row_to_dict(kind, raw, shared)
        try:
            if kind == "events":
                if "disputed" in row:
                    row["disputed"] = _bool(row["disputed"], "disputed") or False
                if "lawful" in row:
                    row["lawful"] = _bool(row["lawful"], "lawful")
                items.append(Event.model_validate(row))
            else:
                items.append(Agreement.model_validate(row))
            at.append(n)
        except ValidationError as e:
            problems.extend(_problems_from(e, file, n))
        except InputError as e:
            problems.append(Problem(str(e), "disputed/lawful", file, None, n))
    problems += _future_events(kind, items, at, file)
    seen: dict[str, int] = {}
    for item, n in zip(items, at, strict=True):
        if item.id in seen:
            problems.append(Problem(f"duplicate id {item.id!r} (first on row {seen[item.id]})",
                                    "id", file, None, n))
        else:
            seen[item.id] = n
    if rows_out is not None:
        rows_out.extend(at)
    return kind, items, problems


def _future_events(kind: Kind, items: list[Any], rows: list[int], file: str
                   ) -> list[Problem]:
    """An event dated after today (its first possible day): an event is what happened, so the
    date is a typo (2031 for 2021); stored, it would count in every credibility read after
    its date. An agreement's entry into force may be to come, its signing may not: a signature
    is what has happened (2030 for 2020 would pass as a record of an agreement not yet made)."""
    from datetime import date

    today = date.today()
    if kind != "events":
        return [Problem(f"agreement {a.id}: signed {a.signed} is after today ({today}): a "
                        "signature records what has happened; check the year (an entry into "
                        "force may be to come)", "signed", file, None, n)
                for a, n in zip(items, rows, strict=True)
                if a.signed is not None and a.signed.start > today]
    return [Problem(f"event {e.id}: date {e.date} is after today ({today}): an event records "
                    "what has happened; check the year", "date", file, None, n)
            for e, n in zip(items, rows, strict=True) if e.date.start > today]


def read_record_dir(path: str | os.PathLike[str]) -> Record:
    """Read ``agreements.csv`` and ``events.csv`` from a folder into a checked :class:`Record`."""
    p = Path(path)
    with reading_exports([p / n for n in _PAIR]):
        return _read_record_dir(p)


def _read_record_dir(p: Path) -> Record:
    check_export_pair([p / n for n in _PAIR if (p / n).exists()])
    problems: list[Problem] = []
    agreements: list[Agreement] = []
    events: list[Event] = []
    for name in ("agreements.csv", "events.csv"):
        f = p / name
        if not f.exists():
            problems.append(Problem(f"missing file {name}", "", str(f), None, None))
            continue
        try:
            text = read_text(f, what="a record CSV file")
        except LimitError:
            raise
        except InputError as err:
            raise RecordError(err.problems) from None
        kind, items, probs = read_csv_rows(text, str(f))
        problems.extend(probs)
        if kind == "agreements":
            agreements.extend(items)  # type: ignore[arg-type]
        else:
            events.extend(items)  # type: ignore[arg-type]
    ids = {a.id for a in agreements}
    for e in events:
        if e.agreement not in ids:
            problems.append(Problem(f"event {e.id}: unknown agreement {e.agreement!r}",
                                    "agreement", str(p / "events.csv"), None, None))
    if problems:
        raise RecordError(problems)
    return Record(agreements=tuple(agreements), events=tuple(events))


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ";".join(value)
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def _write(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_fmt(r[c]) for c in columns])
    return buf.getvalue()


def agreements_csv(record: Record) -> str:
    rec = record.sorted()
    return _write(
        ({c: getattr(a, c) for c in AGREEMENT_COLUMNS} for a in rec.agreements),
        AGREEMENT_COLUMNS,
    )


def events_csv(record: Record) -> str:
    rec = record.sorted()
    return _write(
        ({c: getattr(e, c) for c in EVENT_COLUMNS} for e in rec.events), EVENT_COLUMNS
    )


EXPORT_MANIFEST = "record-export.json"
"""Written by :func:`write_record_dir` beside the two CSV files: the SHA-256 of each file of
the pair it wrote (and, while it replaces them, of the pair it replaces), so that a reader can
tell a pair left half-replaced by a killed export."""
_PAIR = ("agreements.csv", "events.csv")


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def write_record_dir(record: Record, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``agreements.csv`` and ``events.csv`` into ``path`` (created if missing, but not
    the folders that hold it), with :data:`EXPORT_MANIFEST` beside them.

    Two files cannot be replaced in one step, so: both are first written in full to temporary
    files; the manifest then lists the new pair and the pair being replaced; the two renames
    follow; the manifest at last lists the new pair only. A process killed at any point leaves
    each file whole (old or new) and, if it left a new ``agreements.csv`` beside an old
    ``events.csv``, :func:`check_export_pair` (run by every import) refuses the pair.

    The whole replacement holds :func:`export_lock` on the folder: a second export into it
    waits for the first (two at once would interleave their files into a pair the manifest
    names as neither's), and a read (:func:`read_record_dir`, an import) waits for it too."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise InputError(f"{p}: not a folder")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{p}: cannot create it: the folder '{parent}' does not exist")
    p.mkdir(exist_ok=True)
    out = [p / n for n in _PAIR]
    data = [agreements_csv(record).encode("utf-8"), events_csv(record).encode("utf-8")]
    new: dict[str, str | None] = {n: hashlib.sha256(d).hexdigest()
                                  for n, d in zip(_PAIR, data, strict=True)}
    temps: list[Path] = []
    with export_lock(p, exclusive=True):
        old: dict[str, str | None] = {n: _sha256(f) for n, f in zip(_PAIR, out, strict=True)}
        try:
            temps = [write_temp(f, d) for f, d in zip(out, data, strict=True)]
            pairs = [new] if old == new or not any(old.values()) else [new, old]
            atomic_write_text(p / EXPORT_MANIFEST, _manifest(pairs))
            for tmp, f in zip(temps, out, strict=True):
                os.replace(tmp, f)
            atomic_write_text(p / EXPORT_MANIFEST, _manifest([new]))
        finally:
            for tmp in temps:
                if tmp.exists():
                    tmp.unlink()
    return out


EXPORT_LOCK_WAIT_S = 30.0
"""How long an export waits for another export into the same folder (or for a read of it),
and a read for an export, before giving up with a plain message."""


@contextmanager
def export_lock(folder: Path, exclusive: bool) -> Iterator[None]:
    """Hold the lock of an export folder: exclusive for an export (which replaces the pair and
    the manifest), shared for a read (which checks the pair against the manifest and reads the
    two files). The lock is ``flock`` on the folder itself, so no lock file is left behind;
    the system drops it when the process ends, however it ends. Where the system has no
    ``flock`` (Windows) or the file system refuses it on a folder (some network file systems),
    nothing is locked: the manifest check still refuses a pair mixed by a stopped export."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not there (a read reports the missing files) or not readable
        yield
        return
    try:
        op = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + EXPORT_LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(fd, op | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    doing = "export into" if exclusive else "read"
                    raise InputError(
                        f"{folder}: another `detente record export` into this folder (or a "
                        f"read of it) has held it for {EXPORT_LOCK_WAIT_S:.0f} s; cannot "
                        f"{doing} it now: try again when it has finished") from None
                time.sleep(0.05)
            except OSError:  # flock refused on this file system: the manifest check remains
                break
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


@contextmanager
def reading_exports(files: Iterable[Path]) -> Iterator[None]:
    """A shared :func:`export_lock` on every folder that ``files`` are read from, so that a
    read of an exported pair never sees an export half done (it waits for its end)."""
    with ExitStack() as stack:
        for folder in sorted({Path(f).parent for f in files}):
            stack.enter_context(export_lock(folder, exclusive=False))
        yield


def _manifest(pairs: list[dict[str, str | None]]) -> str:
    return json.dumps({
        "written_by": "detente record export",
        "about": "SHA-256 of agreements.csv and events.csv as exported together; while an "
                 "export replaces a pair, the old pair too. A detente import refuses an "
                 "agreements.csv and an events.csv that are each listed here but in no pair "
                 "together (an export killed between its two renames).",
        "pairs": pairs,
    }, indent=2) + "\n"


def check_export_pair(files: Iterable[Path]) -> None:
    """Refuse an ``agreements.csv`` and an ``events.csv`` from one folder holding
    :data:`EXPORT_MANIFEST` when each file is one of an exported pair but the two are of no
    pair together: what a ``record export`` killed between its two renames leaves. A file
    edited after the export matches no pair and is not questioned."""
    folders: dict[Path, set[str]] = {}
    for f in files:
        folders.setdefault(Path(f).parent, set()).add(Path(f).name)
    for folder, names in folders.items():
        manifest = folder / EXPORT_MANIFEST
        if not set(_PAIR) <= names or not manifest.exists():
            continue
        try:
            pairs = json.loads(read_text(manifest, what="a record export manifest"))["pairs"]
            listed = [(q.get(_PAIR[0]), q.get(_PAIR[1])) for q in pairs]
        except (InputError, ValueError, KeyError, TypeError, AttributeError):
            raise RecordError([Problem(
                f"not the manifest that detente record export writes (expected JSON with "
                f"\"pairs\"); delete it if {_PAIR[0]} and {_PAIR[1]} here are your own files",
                "", str(manifest), None, None)]) from None
        have = (_sha256(folder / _PAIR[0]), _sha256(folder / _PAIR[1]))
        if have in listed:
            continue
        if any(a == have[0] for a, _ in listed) and any(e == have[1] for _, e in listed):
            raise RecordError([Problem(
                f"{_PAIR[0]} and {_PAIR[1]} here are from two different exports (an export "
                "was stopped between writing the two files, see "
                f"{EXPORT_MANIFEST}): importing them would mix two states of the record; run "
                "`detente record export` into this folder again", "", str(folder), None, None)])


def json_as_csv(text: str, file: str) -> str:
    """A JSON list of agreement or event objects (what ``detente record agreements/events
    --format json`` writes) as the CSV text :func:`read_csv_rows` reads: same columns, same
    checks. Lists (``actors``, ``parties``) are joined with ';', booleans written as
    true/false, null as empty."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordError([Problem(f"not valid JSON: {e.msg}", "", file, e.lineno, None)]
                          ) from None
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise RecordError([Problem(
            "expected a JSON list of objects, one per agreement or event, with the CSV columns "
            f"as keys ({', '.join(EVENT_COLUMNS)} for events)", "", file, None, None)])
    columns: list[str] = list(dict.fromkeys(str(k) for item in data for k in item))

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return ";".join(cell(x) for x in v)
        return str(v)

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for item in data:
        w.writerow([cell(item.get(c)) for c in columns])
    return buf.getvalue()


def json_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems found in :func:`json_as_csv`'s text, named by item (1 = the list's first)
    rather than by CSV row (2 = the first item: the header is row 1)."""
    out = []
    for p in problems:
        msg = re.sub(r"\(first on row (\d+)\)", lambda m: f"(first as item {int(m[1]) - 1})",
                     p.message)
        if p.row is not None:
            p = replace(p, file=f"{p.file}, item {p.row - 1}", row=None)
        out.append(replace(p, message=msg))
    return out
