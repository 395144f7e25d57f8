"""Server state: uploaded scenarios (by content hash, for permalinks) and the record."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from detente.errors import InputError, InputLookupError, LimitError, Problem
from detente.web._settings import WebSettings

if TYPE_CHECKING:
    from detente.record import Record, Store
    from detente.scenario import Scenario

__all__ = ["State", "scenario_hash"]

_HASH = re.compile(r"^[0-9a-f]{16}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


_HASHES: OrderedDict[int, tuple[Scenario, str]] = OrderedDict()
_HASHES_LOCK = threading.Lock()


def scenario_hash(scenario: Scenario) -> str:
    """16 hex digits of the SHA-256 of the scenario's canonical YAML (remembered per object:
    scenarios are frozen)."""
    from detente.scenario import dump_scenario_yaml

    with _HASHES_LOCK:
        hit = _HASHES.get(id(scenario))
        if hit is not None and hit[0] is scenario:
            return hit[1]
    h = hashlib.sha256(dump_scenario_yaml(scenario).encode("utf-8")).hexdigest()[:16]
    with _HASHES_LOCK:
        _HASHES[id(scenario)] = (scenario, h)
        while len(_HASHES) > 1024:
            _HASHES.popitem(last=False)
    return h


class StoreUnavailable(Exception):
    """The record database the server was started with cannot be opened (a 503 answer: no
    field of the request is at fault, and a retry may succeed once the database is up)."""


class State:
    """Everything a running server keeps between requests (thread-safe)."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._scenarios: OrderedDict[str, Scenario] = OrderedDict()
        self._notes: dict[str, tuple[str, ...]] = {}  # the reader's notes on an upload
        self._shipped: dict[str, Scenario] = {}  # shipped files, read once
        self._store: Store | None = None
        self._record: Record | None = None

    # -- scenarios ---------------------------------------------------------------------------
    def shipped(self) -> dict[str, list[str]]:
        """The shipped examples and the case bank, by name."""
        from detente.cases import list_cases
        from detente.examples import list_examples

        return {"examples": list_examples(), "cases": list_cases()}

    def check_size(self, scenario: Scenario) -> None:
        lim = self.settings.limits
        problems = []
        if len(scenario.actors) > lim.actors:
            problems.append(Problem(f"{len(scenario.actors)} actors, over this server's limit of "
                                    f"{lim.actors}", "actors", loc=("actors",)))
        if len(scenario.issues) > lim.issues:
            problems.append(Problem(f"{len(scenario.issues)} issues, over this server's limit of "
                                    f"{lim.issues}", "issues", loc=("issues",)))
        if problems:
            raise LimitError(problems)

    def put(self, scenario: Scenario, notes: Sequence[str] = ()) -> str:
        """Keep ``scenario`` (within the limits) with the reader's ``notes`` on it (shown with
        it: a salience rescaled, …); its hash, the permalink key."""
        self.check_size(scenario)
        key = scenario_hash(scenario)
        with self._lock:
            self._scenarios[key] = scenario
            self._scenarios.move_to_end(key)
            if notes:  # the last reading's: the same scenario read again without a note
                self._notes[key] = tuple(notes)
            else:
                self._notes.pop(key, None)
            while len(self._scenarios) > self.settings.limits.stored_scenarios:
                old, _ = self._scenarios.popitem(last=False)
                self._notes.pop(old, None)
        return key

    def notes(self, ref: str) -> tuple[str, ...]:
        """The reader's notes on an uploaded scenario (none for a shipped one)."""
        with self._lock:
            return self._notes.get(ref, ())

    def get(self, ref: str) -> Scenario:
        """A scenario by reference: an uploaded one's hash, a shipped example or a case name."""
        if _HASH.match(ref):
            with self._lock:
                sc = self._scenarios.get(ref)
                if sc is not None:
                    self._scenarios.move_to_end(ref)
                    return sc
            raise InputLookupError([Problem(
                f"no scenario {ref} on this server (uploaded scenarios are kept in memory while "
                "the server runs): upload it again", "scenario", loc=("scenario",))])
        if not _NAME.match(ref):
            raise InputError([Problem("expected a shipped example, a case name or a scenario "
                                      "hash", "scenario", loc=("scenario",))])
        with self._lock:
            cached = self._shipped.get(ref)
        if cached is not None:
            return cached
        names = self.shipped()
        if ref in names["cases"]:
            from detente.cases import load_case

            return self._keep(ref, load_case(ref))
        if ref in names["examples"]:
            from detente.examples import load_example

            return self._keep(ref, load_example(ref))
        raise InputLookupError([Problem(
            f"no scenario named '{ref}'; shipped: "  # a name both an example and a case: once
            f"{', '.join(dict.fromkeys(names['examples'] + names['cases']))}",
            "scenario", loc=("scenario",))])

    def _keep(self, name: str, scenario: Scenario) -> Scenario:
        with self._lock:
            return self._shipped.setdefault(name, scenario)

    # -- the record --------------------------------------------------------------------------
    @property
    def writable(self) -> bool:
        return self.settings.allow_writes and self.settings.db != "shipped"

    def store(self) -> Store:
        from detente.record import open_store

        with self._lock:
            if self._store is None:
                try:
                    self._store = open_store(self.settings.db)
                except InputError as e:  # the server's database, not the request, is at fault
                    raise StoreUnavailable(str(e)) from None
            return self._store

    def record(self) -> Record:
        """The record (read once, read again after a write)."""
        with self._lock:
            if self._record is not None:
                return self._record
        if self.settings.db == "shipped":
            from detente.record import load_shipped_record

            rec = load_shipped_record()
        else:
            rec = self.store().record()
        with self._lock:
            self._record = rec
        return rec

    def write_events(self, events: list[Any]) -> Any:
        from detente.text import write_events

        report = write_events(self.store(), events)
        with self._lock:
            self._record = None
        return report

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def relocate(err: InputError, file: str) -> InputError:
    """``err`` with its problems' file shown as ``file``."""
    if not err.problems:
        return err
    return type(err)([replace(p, file=file) for p in err.problems])
