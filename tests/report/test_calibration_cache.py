"""The shipped case-bank calibration (report/calibration.json): equal to a fresh fit, used only
when its key (case bank, code, numpy) matches, and a refit otherwise."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from detente.report import _calibration_cache as cc
from detente.report._uncertainty_section import CALIBRATION_DRAWS
from detente.uncertainty import CalibrationReport, calibrate_cases

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "detente" / "report" / cc.CACHE_FILE


def _script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_calibration_cache", ROOT / "scripts" / "build_calibration_cache.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_shipped_file_equals_a_fresh_fit() -> None:
    """Refits: a change to the bank, the fit's code or numpy without rerunning the script
    fails here (instead of the report silently refitting every time)."""
    fresh = cc.build_cache(_script().SETTINGS)
    assert SHIPPED.read_text(encoding="utf-8") == fresh, (
        "src/detente/report/calibration.json is stale: run "
        "`PYTHONPATH=src python scripts/build_calibration_cache.py`")


def test_the_report_settings_are_shipped_and_round_trip_exactly() -> None:
    got = cc.stored_calibration("compromise", CALIBRATION_DRAWS, 0)
    assert isinstance(got, CalibrationReport)
    fit = calibrate_cases("compromise", draws=CALIBRATION_DRAWS, seed=0)
    assert json.dumps(got.as_dict()) == json.dumps(fit.as_dict())
    assert got.jitter == fit.jitter and got.calibration == fit.calibration


def test_a_matching_key_skips_the_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("refitted although the shipped fit matches")

    monkeypatch.setattr("detente.uncertainty.calibrate_cases", refuse)
    assert cc.cached_calibration("compromise", CALIBRATION_DRAWS, 0).scale > 0


def test_other_settings_refit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cc.stored_calibration("compromise", CALIBRATION_DRAWS, 1) is None
    assert cc.stored_calibration("median", CALIBRATION_DRAWS, 0) is None
    calls = []
    monkeypatch.setattr("detente.uncertainty.calibrate_cases",
                        lambda *a, **k: calls.append((a, k)) or "refit")
    assert cc.cached_calibration("compromise", CALIBRATION_DRAWS, 1) == "refit"
    assert calls == [(("compromise",), {"draws": CALIBRATION_DRAWS, "seed": 1})]


def test_a_changed_case_file_changes_the_key(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    import detente.cases as cases

    paths = cases._paths()
    name, path = next(iter(paths.items()))
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    before = cc.cache_key("compromise", CALIBRATION_DRAWS, 0)
    monkeypatch.setattr(cases, "_paths", lambda: {**paths, name: copy})
    assert cc.cache_key("compromise", CALIBRATION_DRAWS, 0) == before  # same bytes
    copy.write_bytes(copy.read_bytes() + b"\n# edited\n")
    assert cc.cache_key("compromise", CALIBRATION_DRAWS, 0) != before
    assert cc.stored_calibration("compromise", CALIBRATION_DRAWS, 0) is None


def test_a_changed_numpy_version_changes_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    before = cc.cache_key("compromise", CALIBRATION_DRAWS, 0)
    monkeypatch.setattr(np, "__version__", np.__version__ + ".post1")
    assert cc.cache_key("compromise", CALIBRATION_DRAWS, 0) != before


def test_every_code_file_of_the_key_exists() -> None:
    root = ROOT / "src" / "detente"
    assert all((root / rel).is_file() for rel in cc.CODE)
