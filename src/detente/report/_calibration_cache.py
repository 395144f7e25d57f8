"""The report's calibration on the case bank, fitted once and shipped (``calibration.json``).

The case report's intervals run under the noise :func:`~detente.uncertainty.calibrate_cases`
fits on the case bank; that fit is the same for every report with the same seed, so the
package ships it. The stored fit is used only when its **key** matches: a SHA-256 over the fit's
settings, the case-bank files, the source of the code the fit runs (:data:`CODE`) and the numpy
and scipy versions. Any change to one of them refits, as before. ``scripts/
build_calibration_cache.py`` rewrites the file; a test refits and checks the shipped file
equals the fit, so it cannot go stale silently.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["CACHE_FILE", "CODE", "build_cache", "cache_key", "cached_calibration",
           "stored_calibration"]

#: The shipped fits, beside this module.
CACHE_FILE = "calibration.json"
#: The source files (relative to the ``detente`` package) whose code the fit runs: the
#: calibration, the batched models, the scenario reader and the case bank's loader.
CODE: tuple[str, ...] = (
    "_limits.py",
    "cases/__init__.py",
    "collective/__init__.py",
    "collective/_baselines.py",
    "collective/_forecast.py",
    "collective/_registry.py",
    "scenario/__init__.py",
    "scenario/_dataset.py",
    "scenario/_io.py",
    "scenario/_model.py",
    "scenario/_outcomes.py",
    "scenario/_uncertain.py",
    "uncertainty/_calibrate.py",
    "uncertainty/_inputs.py",
    "uncertainty/_models.py",
)


def _package_root() -> Path:
    return Path(__file__).resolve().parents[1]


def cache_key(model: str, draws: int, seed: int) -> str:
    """The SHA-256 (hex) that a stored fit of ``calibrate_cases(model, draws=, seed=)`` must
    carry to be used."""
    import numpy as np
    import scipy

    from detente.cases import _paths

    h = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        h.update(label.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big") + data)

    part("settings", json.dumps({"model": model, "draws": draws, "seed": seed,
                                 "split": "name"}, sort_keys=True).encode("utf-8"))
    part("numpy", np.__version__.encode("ascii"))
    part("scipy", scipy.__version__.encode("ascii"))
    for name, path in _paths().items():
        part(f"case:{name}", path.read_bytes())
    root = _package_root()
    for rel in CODE:
        part(f"code:{rel}", (root / rel).read_bytes())
    return h.hexdigest()


def _stored() -> list[dict[str, Any]]:
    f = resources.files("detente.report").joinpath(CACHE_FILE)
    try:
        doc = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    fits = doc.get("fits") if isinstance(doc, dict) else None
    return [x for x in fits if isinstance(x, dict)] if isinstance(fits, list) else []


def stored_calibration(model: str, draws: int, seed: int) -> Any:
    """The shipped fit (a :class:`~detente.uncertainty.CalibrationReport`) for these settings
    when its key matches the current bank, code and numpy; ``None`` otherwise."""
    from detente.errors import InputError
    from detente.uncertainty import CalibrationReport

    fits = _stored()
    if not fits:
        return None
    key = cache_key(model, draws, seed)
    for entry in fits:
        if entry.get("key") == key and isinstance(entry.get("report"), dict):
            try:
                return CalibrationReport.from_dict(entry["report"])
            except InputError:
                return None
    return None


def cached_calibration(model: str, draws: int, seed: int) -> Any:
    """``calibrate_cases(model, draws=draws, seed=seed)``: the shipped fit when its key
    matches, else a fresh fit."""
    from detente.uncertainty import calibrate_cases

    got = stored_calibration(model, draws, seed)
    if got is not None:
        return got
    return calibrate_cases(model, draws=draws, seed=seed)


def build_cache(settings: list[tuple[str, int, int]]) -> str:
    """The text of ``calibration.json``: a fresh fit and its key for each ``(model, draws,
    seed)``."""
    from detente.uncertainty import calibrate_cases

    fits = [{"model": m, "draws": d, "seed": s, "key": cache_key(m, d, s),
             "report": calibrate_cases(m, draws=d, seed=s).as_dict()} for m, d, s in settings]
    return json.dumps({"about": "detente case-report calibration on the case bank, fitted by "
                                "scripts/build_calibration_cache.py; used only when the key "
                                "matches (see detente/report/_calibration_cache.py)",
                       "fits": fits}, indent=1, sort_keys=True) + "\n"
