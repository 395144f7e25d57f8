"""Run every benchmark module (``python -m benchmarks [--quick] [NAME ...]``)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    if "--quick" in argv:  # smaller repetitions and scaling sizes (see benchmarks/_timing.py)
        argv = [a for a in argv if a != "--quick"]
        os.environ["DETENTE_BENCH_QUICK"] = "1"
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [f"bench_{a}" if not a.startswith("bench_") else a for a in argv]
    if wanted:
        names = [n for n in names if n in wanted]
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        t0 = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        module.main()
        print(f"({name} took {time.perf_counter() - t0:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
