"""The record's store: SQLAlchemy 2.0 over SQLite by default (PostgreSQL works by URL).

Where the database is: ``open_store(url)`` if given, else ``$DETENTE_DB``, else
``detente/record.sqlite`` in the per-user data folder (``$XDG_DATA_HOME`` or
``~/.local/share`` on Linux, ``~/Library/Application Support`` on macOS, ``%APPDATA%`` on
Windows). A plain path is taken as an SQLite file. A fresh store is filled with the shipped
dataset on first use. Imports run in one transaction: every row is checked first, and nothing is
written unless all are good.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    String,
    Text,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from detente._dburl import IN_MEMORY_REFUSED, in_memory_sqlite
from detente._limits import read_text
from detente.errors import InputError, LimitError
from detente.record._csv import (
    check_export_pair,
    json_as_csv,
    json_problems,
    read_csv_rows,
    reading_exports,
    write_record_dir,
)
from detente.record._model import Agreement, Event, Record, RecordError, unknown_code
from detente.record._shipped import load_shipped_record
from detente.scenario import Problem

__all__ = ["ImportReport", "Store", "StoreBusyError", "default_url", "open_store"]

ENV_VAR = "DETENTE_DB"
BUSY_TIMEOUT_S = 30.0
"""How long a command waits for another process's write to the same SQLite file."""
CONNECT_TIMEOUT_S = 10.0
"""How long opening a PostgreSQL store waits for the server to answer (connecting and the
first exchange), unless the URL says ``?connect_timeout=SECONDS`` (libpq's name; 0: no limit)."""


class StoreBusyError(InputError):
    """The database stayed locked by another process for longer than the busy timeout."""


class _Base(DeclarativeBase):
    pass


class _AgreementRow(_Base):
    __tablename__ = "agreements"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    parties: Mapped[str] = mapped_column(Text)
    domain: Mapped[str] = mapped_column(String(60))
    signed: Mapped[str | None] = mapped_column(String(10), nullable=True)
    in_force: Mapped[str | None] = mapped_column(String(10), nullable=True)
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class _EventRow(_Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    agreement: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    date: Mapped[str] = mapped_column(String(10), index=True)
    actors: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(40))
    alleged_by: Mapped[str] = mapped_column(Text, default="")
    established_by: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(String(20))
    lawful: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    conduct: Mapped[str] = mapped_column(String(80), default="")
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class _MetaRow(_Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def _data_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":  # pragma: no cover
        return Path(os.environ.get("APPDATA", home / "AppData" / "Roaming")) / "detente"
    if sys.platform == "darwin":  # pragma: no cover
        return home / "Library" / "Application Support" / "detente"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "detente"


def default_url() -> str:
    """``$DETENTE_DB`` if set, else an SQLite file in the per-user data folder."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return _as_url(env)
    return _as_url(str(_data_dir() / "record.sqlite"))


def _as_url(text: str) -> str:
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _to_row(item: Agreement | Event) -> _AgreementRow | _EventRow:
    if isinstance(item, Agreement):
        return _AgreementRow(
            id=item.id, name=item.name, kind=item.kind.value, parties=";".join(item.parties),
            domain=item.domain, signed=str(item.signed) if item.signed else None,
            in_force=str(item.in_force) if item.in_force else None, source=item.source,
            note=item.note,
        )
    return _EventRow(
        id=item.id, agreement=item.agreement, date=str(item.date), actors=";".join(item.actors),
        type=item.type.value, alleged_by=";".join(item.alleged_by),
        established_by=";".join(item.established_by), evidence=item.evidence.value,
        lawful=item.lawful, disputed=item.disputed, conduct=item.conduct, source=item.source,
        note=item.note,
    )


_BATCH = 500
"""Rows per statement of an import (and ids per lookup: under SQLite's 999 parameters)."""


def _to_dict(item: Agreement | Event) -> dict[str, Any]:
    row = _to_row(item)
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def _agreement(row: _AgreementRow) -> Agreement:
    return Agreement(
        id=row.id, name=row.name, kind=row.kind, parties=row.parties,
        domain=row.domain, signed=row.signed or None, in_force=row.in_force or None,
        source=row.source, note=row.note or "",
    )


def _event(row: _EventRow) -> Event:
    return Event.model_validate(
        {
            "id": row.id, "agreement": row.agreement, "date": row.date, "actors": row.actors,
            "type": row.type, "alleged_by": row.alleged_by, "established_by": row.established_by,
            "evidence": row.evidence, "lawful": row.lawful, "disputed": bool(row.disputed),
            "conduct": row.conduct or "", "source": row.source, "note": row.note or "",
        }
    )


class ImportReport:
    """What an import did: rows added and replaced, per kind."""

    def __init__(self) -> None:
        self.added: dict[str, int] = {"agreements": 0, "events": 0}
        self.replaced: dict[str, int] = {"agreements": 0, "events": 0}

    def __str__(self) -> str:
        parts = []
        for k in ("agreements", "events"):
            if self.added[k] or self.replaced[k]:
                parts.append(f"{k}: {self.added[k]} added, {self.replaced[k]} replaced")
        return "; ".join(parts) or "nothing to import"


class Store:
    """A record kept in a database. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        """Where the store is, as shown in messages (a password replaced by ``***``)."""
        self.created = False
        """True when this call created and seeded the database."""
        # writes take the write lock at BEGIN (SQLite: BEGIN IMMEDIATE) so that concurrent
        # writers queue behind the busy timeout instead of failing half-way
        self._writer = engine.execution_options(detente_immediate=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def record(self) -> Record:
        """The whole record, as an immutable in-memory value."""
        with Session(self.engine) as s:
            ags = tuple(_agreement(r) for r in s.scalars(select(_AgreementRow)))
            evs = tuple(_event(r) for r in s.scalars(select(_EventRow)))
        return Record(agreements=ags, events=evs).sorted()

    def is_empty(self) -> bool:
        with Session(self.engine) as s:
            return s.scalars(select(_AgreementRow.id).limit(1)).first() is None

    def add(self, record: Record, *, replace: bool = True) -> ImportReport:
        """Insert (or, with ``replace``, overwrite by id) all of ``record`` in one transaction."""
        if not replace:
            current = self.record()
            ids = [a.id for a in record.agreements] + [e.id for e in record.events]
            clash = [i for i in ids if current.has(i)]
            if clash:
                raise RecordError([Problem(f"id {i!r} is already in the store", "id")
                                   for i in clash])
        return self._write(record.agreements, record.events)

    def _write(self, agreements: Sequence[Agreement], events: Sequence[Event]) -> ImportReport:
        """Write the rows in one transaction, in batches: which ids are stored already is asked
        :data:`_BATCH` ids at a time, then new rows are inserted and stored ones overwritten
        :data:`_BATCH` rows per statement (before: two statements per row, about 450 rows/s).
        An id given twice counts once as added (or replaced), then as replaced; the last wins."""
        report = ImportReport()
        with _busy(self.url), Session(self._writer) as s, s.begin():
            for kind, table, items in (("agreements", _AgreementRow, agreements),
                                       ("events", _EventRow, events)):
                rows: dict[str, dict[str, Any]] = {}
                for item in items:
                    if item.id in rows:
                        report.replaced[kind] += 1
                    rows[item.id] = _to_dict(item)
                if not rows:
                    continue
                ids = list(rows)
                stored: set[str] = set()
                for i in range(0, len(ids), _BATCH):
                    stored.update(s.scalars(select(table.id).where(
                        table.id.in_(ids[i:i + _BATCH]))))
                report.replaced[kind] += len(stored)
                report.added[kind] += len(rows) - len(stored)
                new = [r for i, r in rows.items() if i not in stored]
                old = [r for i, r in rows.items() if i in stored]
                for i in range(0, len(new), _BATCH):
                    s.execute(insert(table), new[i:i + _BATCH])
                for i in range(0, len(old), _BATCH):
                    s.execute(update(table), old[i:i + _BATCH])
        return report

    def import_csv(self, *paths: str | os.PathLike[str]) -> ImportReport:
        """Import CSV files (agreements and/or events; a folder means both files in it).

        A ``.json`` file is a list of objects with the CSV columns as keys (what ``detente
        record agreements/events --format json`` writes), checked the same way; its problems
        are named by item (1 = the first).

        All-or-nothing: every bad row in every file is reported in one :class:`RecordError`
        and nothing is written unless all rows are good. Rows whose id is already stored
        replace the stored ones.
        """
        files: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                found = [p / n for n in ("agreements.csv", "events.csv") if (p / n).exists()]
                if not found:
                    found = [p / n for n in ("agreements.json", "events.json")
                             if (p / n).exists()]
                if not found:
                    raise RecordError([Problem("no agreements.csv or events.csv (or .json) in "
                                               "this folder", "", str(p))])
                files.extend(found)
            elif p.exists():
                files.append(p)
            else:
                raise RecordError([Problem("no such file", "", str(p))])
        with reading_exports(files):  # an export into the folder: wait for its end
            check_export_pair(files)
            problems: list[Problem] = []
            agreements: list[Agreement] = []
            events: list[tuple[Event, str, int]] = []
            rows: list[tuple[Agreement | Event, str, int, bool]] = []  # every item read, where
            refused_agreements = False  # an agreement row with a problem (its id may be named)
            for path in files:
                try:
                    text = read_text(path, what="a record CSV file")
                except LimitError:
                    raise
                except InputError as e:
                    raise RecordError(e.problems) from None
                at: list[int] = []
                is_json = path.suffix.lower() == ".json"
                if is_json:
                    text = json_as_csv(text, str(path))
                kind, items, probs = read_csv_rows(text, str(path), at)
                problems.extend(json_problems(probs) if is_json else probs)
                rows.extend((i, str(path), n, is_json) for i, n in zip(items, at, strict=True)
                            if isinstance(i, Agreement | Event))
                if kind == "agreements":
                    refused_agreements = refused_agreements or bool(probs)
                    agreements.extend(i for i in items if isinstance(i, Agreement))
                else:
                    events.extend((i, str(path), n) for i, n in zip(items, at, strict=True)
                                  if isinstance(i, Event))
        stored = self.record()
        codes = stored.actors() | load_shipped_record().actors()
        for item, f, n, is_json in rows:  # a three-letter code that is no country's: a typo
            fields = ((("parties", item.parties),) if isinstance(item, Agreement) else
                      (("actors", item.actors), ("alleged_by", item.alleged_by)))
            for name, values in fields:
                for code in values:
                    if unknown_code(code, codes):
                        bad = Problem(
                            f"unknown actor code {code!r}: a three-letter code is read as ISO "
                            "3166 alpha-3 (USA, RUS, CHN; SUN for the USSR), and this is none, "
                            "nor a code the record already uses; a typo? (organisations and "
                            "non-state actors: codes of other lengths, e.g. NATO, EU, TALIBAN)",
                            name, f, None, n)
                        problems.extend(json_problems([bad]) if is_json else [bad])
        known = {a.id for a in stored.agreements} | {a.id for a in agreements}
        for ev, f, n in events:
            if ev.agreement not in known:
                problems.append(Problem(
                    f"event {ev.id}: unknown agreement {ev.agreement!r} (not in the store or "
                    "the imported agreements"
                    + (", unless on an agreement row refused above)" if refused_agreements
                       else ")"), "agreement", f, None, n))
        if problems:
            raise RecordError(problems)
        return self._write(agreements, [e for e, _, _ in events])

    def export_csv(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write ``agreements.csv`` and ``events.csv`` into ``folder`` (see
        :func:`~detente.record.write_record_dir`)."""
        return write_record_dir(self.record(), folder)

    def meta(self, key: str) -> str | None:
        with Session(self.engine) as s:
            row = s.get(_MetaRow, key)
            return None if row is None else row.value

    def _set_meta(self, key: str, value: str) -> None:
        with _busy(self.url), Session(self._writer) as s, s.begin():
            s.merge(_MetaRow(key=key, value=value))

    def _seed(self, seed: bool) -> None:
        """Fill a new store with the shipped dataset, once: the check and the writes are one
        write transaction, so of several processes opening a new store one seeds it and the
        others wait, then find it seeded."""
        with _busy(self.url), Session(self._writer) as s, s.begin():
            if s.get(_MetaRow, "seeded") is not None:
                return
            empty = s.scalars(select(_AgreementRow.id).limit(1)).first() is None
            if seed and empty:
                rec = load_shipped_record()
                for a in rec.agreements:
                    s.merge(_to_row(a))
                s.flush()
                for e in rec.events:
                    s.merge(_to_row(e))
                s.merge(_MetaRow(key="seeded", value="shipped"))
                self.created = True
            else:
                s.merge(_MetaRow(key="seeded", value="no"))


class _busy:
    """Turn SQLite's "database is locked" and PostgreSQL's lock timeout (after the busy
    timeout) into a clear message."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if (isinstance(e, OperationalError) and "locked" in str(e.orig)) or (
                isinstance(e, DBAPIError) and "55P03" in str(e.orig)):  # lock_not_available
            raise StoreBusyError(
                f"{self.url}: database busy: another process kept it locked for more than "
                f"{BUSY_TIMEOUT_S:g} s; nothing was written, try again"
            ) from None


def _sqlite_events(engine: Engine) -> None:
    """Busy timeout on every connection; BEGIN (IMMEDIATE for writers) emitted by us, since
    the sqlite3 module's own transaction handling defers BEGIN and cannot take the write lock
    up front."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("detente_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


_PG_WRITE_LOCK = 0x6465_7465_6E74_6501
"""The key of the PostgreSQL advisory lock that every write transaction takes ("detente" + 1)."""


def _postgres_events(engine: Engine) -> None:
    """PostgreSQL: every write transaction (creating the tables, seeding, an import) first
    takes one advisory lock, held to its end, waiting at most the busy timeout; writers queue
    as on SQLite. Without it, of several processes opening a new database at once all but one
    failed (``CREATE TABLE`` or a unique constraint on the seeded rows), and two imports of the
    same ids could collide."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        # pg8000's ``timeout`` (our connect timeout) stays on its socket for every later read:
        # once connected, a long import or query must not be cut off by it
        sock = getattr(dbapi_conn, "_usock", None)
        if sock is not None and hasattr(sock, "settimeout"):
            sock.settimeout(None)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("detente_immediate"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(BUSY_TIMEOUT_S * 1000)}ms'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


def shown_url(url: str) -> str:
    """``url`` as printed in messages: a password in it is replaced by ``***``."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - not a URL at all: shown as given (it has no password)
        return url
    return url if parsed.password is None else parsed.render_as_string(hide_password=True)


_URL_FORMS = ("an SQLite file path, sqlite:///PATH, or "
              "postgresql+pg8000://USER[:PASSWORD]@HOST[:PORT]/DATABASE")


def _pg_connect_timeout(url: str) -> tuple[Any, float | None]:
    """A pg8000 URL without its ``connect_timeout`` (pg8000 has no such parameter) and the
    timeout in seconds (:data:`CONNECT_TIMEOUT_S` unless given; None for 0, no limit)."""
    parsed = make_url(url)
    given = parsed.query.get("connect_timeout")
    if given is None:
        return parsed, CONNECT_TIMEOUT_S
    text = given if isinstance(given, str) else given[-1]
    try:
        seconds = float(text)
        if not seconds >= 0 or seconds == float("inf"):
            raise ValueError
    except ValueError:
        raise InputError(
            f"cannot open the record store at {shown_url(url)}: connect_timeout={text!r} in the "
            "URL: expected a number of seconds (0: wait without limit; default "
            f"{CONNECT_TIMEOUT_S:g})") from None
    return parsed.difference_update_query(["connect_timeout"]), (seconds or None)


def _as_pg8000(url: str) -> str:
    """``url`` with pg8000 as its driver (the password shown as ``***``), for a message."""
    try:
        parsed = make_url(url)
        return parsed.set(drivername="postgresql+pg8000").render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not parsed: the general form
        return "postgresql+pg8000://USER[:PASSWORD]@HOST[:PORT]/DATABASE"


_INSTALL_PG = "pip install 'detente[postgres]' (or pip install pg8000)"


def _driver_missing(e: ImportError, url: str) -> str:
    """Why a database driver could not be imported, naming the package to install."""
    missing = e.name or str(e)
    try:
        parsed = make_url(url)
        backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
        explicit = "+" in parsed.drivername
    except Exception:  # noqa: BLE001 - the URL parsed before the import was tried
        backend, driver, explicit = "", missing, True
    if backend != "postgresql":
        return (f"its driver '{missing}' is not installed, and {backend or 'this'} databases "
                "are not supported: the record store is an SQLite file or PostgreSQL through "
                f"pg8000 ({_URL_FORMS})")
    if driver == "pg8000":
        if missing != "pg8000":  # pg8000 is there, a package it needs is not
            return (f"the PostgreSQL driver pg8000 cannot load: the package '{missing}' it "
                    f"needs is not installed; {_INSTALL_PG}")
        return f"the PostgreSQL driver pg8000 is not installed: {_INSTALL_PG}"
    why = ("" if explicit else
           f" (postgresql:// without a driver means '{driver}', SQLAlchemy's default)")
    return (f"its driver '{missing}' is not installed{why}; detente's PostgreSQL driver is "
            f"pg8000: write {_as_pg8000(url)} and {_INSTALL_PG}")


def _why(e: Exception, timeout: float | None = None, url: str = "") -> str:
    """Why a store could not be opened, for an operator: what to do, not SQLAlchemy's
    internals (its "[SQL: …]" and "Background on this error" lines)."""
    causes = [e, getattr(e, "orig", None)]
    causes += [getattr(c, "__cause__", None) for c in causes]
    if any(isinstance(c, TimeoutError) for c in causes):
        return (f"the server did not answer within {timeout:g} s (is it running, and are the "
                "host and port right? a firewall that drops packets looks the same; "
                "?connect_timeout=SECONDS in the URL changes the wait)")
    if isinstance(e, ArgumentError) and "parse" in str(e):
        return f"not a database URL; expected {_URL_FORMS}"
    if isinstance(e, NoSuchModuleError):
        kind = str(e).rsplit(":", 1)[-1].strip()
        if kind.split(".")[0] in ("postgres", "pg", "pgsql"):
            return (f"'{kind}://' is not a name SQLAlchemy knows for PostgreSQL; write "
                    f"{_as_pg8000(url)}")
        return f"unknown kind of database '{kind}'; expected {_URL_FORMS}"
    if isinstance(e, ImportError):
        return _driver_missing(e, url)
    if isinstance(e, TypeError) and "'user'" in str(e):
        return f"no user name in the URL; expected {_URL_FORMS}"
    if isinstance(e, DBAPIError):
        for exc in (e.orig, getattr(e.orig, "__context__", None)):  # pg8000: "network error"
            first = exc.args[0] if exc is not None and exc.args else None  # while the server's
            if isinstance(first, dict) and first.get("M"):  # own refusal is in its context
                return str(first["M"])
        refused = next((c for c in causes if isinstance(c, OSError)), None)
        if refused is not None:  # no server there (pg8000: "Can't create a connection …")
            return (f"cannot reach the server: {refused.strerror or refused} (is it running, "
                    "and are the host and port right?)")
        orig = str(e.orig).strip()
        if "file is not a database" in orig:
            return "the file is not an SQLite database (a scenario or CSV file given as --db?)"
        return orig.splitlines()[0] if orig else type(e.orig).__name__
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def check_store_url(url: str) -> None:
    """Refuse (an :class:`~detente.errors.InputError`, the words of :func:`open_store`) a
    server database URL that no connection could ever use — not a URL, an unknown kind of
    database, a driver not installed — without connecting: a server starts before its
    first request opens the store, and a server database may come up after it."""
    if "://" not in url or url.startswith("sqlite"):
        return
    from sqlalchemy.engine import make_url

    try:
        target = make_url(url)
        target.get_dialect().import_dbapi()  # the driver: what create_engine imports
    except Exception as e:  # noqa: BLE001 - turned into a clear message
        raise InputError(f"cannot open the record store at {shown_url(url)}: {_why(e, None, url)}"
                         ) from None


def open_store(url: str | None = None, *, seed: bool = True, **engine_args: Any) -> Store:
    """Open (creating if needed) the store at ``url`` (see the module doc for the default).

    With ``seed`` (the default), a new, empty store receives the shipped dataset on first use.
    A store created with ``seed=False``, or one the user emptied, stays empty. An in-memory
    SQLite database (``sqlite://``, ``sqlite:///:memory:``, ``:memory:``) is refused (an
    :class:`~detente.errors.InputError`): each connection would see its own, empty one.
    """
    given = url or os.environ.get(ENV_VAR, "").strip()  # as written: ":memory:" is no path
    if given and in_memory_sqlite(given):
        where = "" if url else f" (${ENV_VAR})"
        raise InputError(f"cannot open the record store at {shown_url(given)}{where}: "
                         f"{IN_MEMORY_REFUSED}")
    url = _as_url(url) if url else default_url()
    if url.startswith("sqlite:///"):
        file = Path(url.removeprefix("sqlite:///"))
        if file.is_dir():
            raise InputError(f"cannot open the record store at {url}: {file} is a folder; "
                             "expected a database file (e.g. record.sqlite in it)")
        file.parent.mkdir(parents=True, exist_ok=True)
    sqlite = url.startswith("sqlite")
    if sqlite:
        engine_args.setdefault("connect_args", {}).setdefault("timeout", BUSY_TIMEOUT_S)
    shown = shown_url(url)
    timeout: float | None = None
    try:
        target: Any = url
        if url.startswith("postgresql+pg8000:"):
            target, timeout = _pg_connect_timeout(url)
            engine_args.setdefault("connect_args", {}).setdefault("timeout", timeout)
        engine = create_engine(target, **engine_args)
        if sqlite:
            _sqlite_events(engine)
        elif engine.dialect.name == "postgresql":
            _postgres_events(engine)
        with _busy(shown), engine.execution_options(detente_immediate=True).begin() as conn:
            _Base.metadata.create_all(conn)
    except (StoreBusyError, InputError):
        raise
    except Exception as e:  # noqa: BLE001 - turned into a clear message
        raise InputError(f"cannot open the record store at {shown}: {_why(e, timeout, url)}"
                         ) from None
    store = Store(engine, shown)
    if store.meta("seeded") is None:
        store._seed(seed)
    return store
