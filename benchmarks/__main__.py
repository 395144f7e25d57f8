"""Run every benchmark module (``python -m benchmarks [--quick] [NAME ...]``).

Each module runs in a fresh interpreter, so that what one leaves in memory (and the garbage
collector's work on it) does not slow the next. ``--quick`` sets ``DETENTE_BENCH_QUICK=1``:
fewer repetitions, the largest scaling sizes left out (see ``benchmarks/_timing.py``).
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    if "--quick" in argv:
        argv = [a for a in argv if a != "--quick"]
        env["DETENTE_BENCH_QUICK"] = "1"
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [f"bench_{a}" if not a.startswith("bench_") else a for a in argv]
    if wanted:
        names = [n for n in names if n in wanted]
    failed = 0
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], env=env,
                            cwd=here.parent, check=False).returncode
        failed += rc != 0
        print(f"({name} took {time.perf_counter() - t0:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
