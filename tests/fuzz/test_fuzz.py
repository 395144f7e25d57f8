"""Fuzzing every reader and command (the contract is in ``_harness``).

``make test`` runs the hand-written hostile files, a time-boxed mutation run (20 s) and a
10 s reader run; ``make fuzz`` (``DETENTE_FUZZ=1``) runs ``DETENTE_FUZZ_FILES`` mutated files
(default 4,000: about 6,000 command runs), 20,000 reader runs and the hypothesis property with
more examples.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.scenario import read_yaml

from ._harness import Tally, check, fuzz, fuzz_readers, iter_hostile

FULL = bool(os.environ.get("DETENTE_FUZZ"))


def test_hostile_files_keep_the_contract(tmp_path: Path) -> None:
    tally = Tally()
    for kind, path in iter_hostile(tmp_path):
        args = {"scenario": [["forecast", str(path), "-f", "json"], ["show", str(path)],
                             ["bargain", str(path), "-f", "json"]],
                "deu": [["evaluate", str(path), "-f", "json"]],
                "domain": [["bargain", str(path), "-f", "json"]],
                "record": [["record", "import", str(path), "--db",
                            str(tmp_path / "r.sqlite")]]}[kind]
        for a in args:
            check(a, path, tally, kind)
    assert not tally.failures, "\n".join(tally.failures)
    assert tally.exits[2] >= 30


def test_billion_laughs_answered_fast(tmp_path: Path) -> None:
    path = next(p for _, p in iter_hostile(tmp_path) if p.name == "laughs.yaml")
    tally = Tally()
    t0 = time.perf_counter()
    check(["show", str(path)], path, tally)
    elapsed = time.perf_counter() - t0
    assert tally.exits[2] == 1 and not tally.failures, tally.failures
    # the bar is 1 s; the assertion leaves room for a loaded machine (measured: ~0.2 s)
    assert elapsed < 3.0


def test_mutation_fuzz(tmp_path: Path) -> None:
    n = int(os.environ.get("DETENTE_FUZZ_FILES", "4000")) if FULL else 10_000
    budget = None if FULL else 20.0
    report = os.environ.get("DETENTE_FUZZ_REPORT")
    tally = fuzz(n, seed=int(os.environ.get("DETENTE_FUZZ_SEED", "18")), tmp=tmp_path,
                 budget_s=budget, progress=Path(report) if report else None)
    print("\nfuzz:", tally.summary())
    if report:
        Path(report).write_text(tally.summary() + "\n" + "\n".join(tally.failures) + "\n",
                                encoding="utf-8")
    assert tally.runs > 0
    assert not tally.failures, "\n".join(tally.failures[:30])


# --- hypothesis: arbitrary YAML documents through the scenario reader -----------------------
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
)
_keys = st.sampled_from(["name", "actors", "issues", "stances", "id", "actor", "issue",
                         "position", "salience", "capability", "status_quo", "scale_min",
                         "scale_max", "low", "high", "note", "x"])
_docs = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(_keys, inner, max_size=5)),
    max_leaves=30,
)


@settings(max_examples=400 if FULL else 60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=st.dictionaries(_keys, _docs, max_size=6))
def test_yaml_reader_gives_a_scenario_or_a_located_error(tmp_path: Path, doc: Any) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        read_yaml(path)
    except InputError as e:
        assert all(str(path) in m for m in e.messages), e.messages


@pytest.mark.parametrize("text", ["", " ", "\n", ",", "\r", "#A", "name: [", "- - -"])
def test_tiny_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    tally = Tally()
    for args in (["show", str(path)], ["forecast", str(path)], ["evaluate", str(path)]):
        check(args, path, tally)
    assert not tally.failures, tally.failures


def test_reader_fuzz(tmp_path: Path) -> None:
    """Every reader on mutated files, without running a model (fast: thousands a minute)."""
    n = int(os.environ.get("DETENTE_FUZZ_READER_FILES", "20000")) if FULL else 100_000
    tally = fuzz_readers(n, seed=int(os.environ.get("DETENTE_FUZZ_SEED", "18")), tmp=tmp_path,
                         budget_s=None if FULL else 10.0)
    print("\nreader fuzz:", tally.summary())
    report = os.environ.get("DETENTE_FUZZ_REPORT")
    if report:
        with open(report + ".readers", "w", encoding="utf-8") as f:
            f.write(tally.summary() + "\n" + "\n".join(tally.failures) + "\n")
    assert not tally.failures, "\n".join(tally.failures[:30])
