"""The record adapter: who trusts whom, and a clear error when detente.record is absent."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.bargaining import RecordUnavailable, record_trust
from detente.cli import app
from detente.errors import InputError


@dataclass(frozen=True)
class _Cred:
    mean: float


def _fake_record(monkeypatch: pytest.MonkeyPatch, table: dict[tuple[str, str], float],
                 seen: list[tuple[str, str | None, str | None]]) -> None:
    mod: Any = types.ModuleType("detente.record")

    def credibility(record: object, actor: str, toward: str | None = None,
                    as_of: str | None = None) -> _Cred:
        assert record == "shipped"
        seen.append((actor, toward, as_of))
        return _Cred(table[(actor, toward or "")])

    mod.credibility = credibility
    mod.load_shipped_record = lambda: "shipped"
    monkeypatch.setitem(sys.modules, "detente.record", mod)


def test_directions(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str | None, str | None]] = []
    # RUS keeps its word toward USA with 0.3; USA toward RUS with 0.6
    _fake_record(monkeypatch, {("RUS", "USA"): 0.3, ("USA", "RUS"): 0.6}, seen)
    t = record_trust("USA", "RUS", "2022-01-10")
    assert t.trust_a == 0.3 and t.trust_b == 0.6  # a's trust in b = b's credibility toward a
    assert ("RUS", "USA", "2022-01-10") in seen and ("USA", "RUS", "2022-01-10") in seen
    assert t.as_dict()["credibility_RUS_toward_USA"] == 0.3


def test_out_of_range_credibility_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_record(monkeypatch, {("B", "A"): 1.3, ("A", "B"): 0.5}, [])
    with pytest.raises(InputError, match="outside"):
        record_trust("A", "B")


def test_cli_as_of_uses_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_record(monkeypatch, {("RUS", "USA"): 0.45, ("USA", "RUS"): 0.7}, [])
    r = CliRunner().invoke(app, ["bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid",
                                 "3", "--as-of", "2022-01-10"])
    assert r.exit_code == 0, r.stdout + r.stderr
    out = " ".join(r.stdout.split())
    assert "record as of 2022-01-10" in out and "0.450/0.700" in out


def test_missing_record_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "detente.record", None)  # import fails
    with pytest.raises(RecordUnavailable, match="--trust"):
        record_trust("A", "B")


def test_shipped_record_end_to_end() -> None:
    """With the real record: the CLI's trust pair is the record's credibility, per direction."""
    import json

    record_mod = pytest.importorskip("detente.record")
    rec = record_mod.load_shipped_record()
    want_a = record_mod.credibility(rec, "RUS", toward="USA", as_of="2022-01-10").mean
    want_b = record_mod.credibility(rec, "USA", toward="RUS", as_of="2022-01-10").mean
    r = CliRunner().invoke(app, ["bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid",
                                 "3", "--as-of", "2022-01-10", "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["trust"] == pytest.approx([want_a, want_b])
    assert doc["record"]["credibility_RUS_toward_USA"] == pytest.approx(want_a)
    assert doc["zopa_at_trust"]["trust"] == pytest.approx([want_a, want_b])
