"""Rewrite src/detente/report/calibration.json: the case report's calibration on the case bank.

Run after changing a case-bank file, the calibration or model code it runs, or numpy/scipy
(``tests/report/test_calibration_cache.py`` fails until then):

    PYTHONPATH=src python scripts/build_calibration_cache.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from detente._atomic import atomic_write_text
from detente.report._calibration_cache import CACHE_FILE, build_cache
from detente.report._uncertainty_section import CALIBRATION_DRAWS

#: The fits shipped: the report's default seed.
SETTINGS = [("compromise", CALIBRATION_DRAWS, 0)]


def main() -> int:
    out = Path(__file__).resolve().parents[1] / "src" / "detente" / "report" / CACHE_FILE
    atomic_write_text(out, build_cache(SETTINGS))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
