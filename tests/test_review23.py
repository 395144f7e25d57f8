"""Review 23: an operator installs detente for a team and tries to break it (the command line
with bad input, the record under concurrent writes and kills, files written atomically)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _detente(*args: str, stdout: int | None = subprocess.PIPE,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "detente", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": SRC, **(env or {})})


def test_top_level_help_into_a_closed_pipe_is_no_traceback() -> None:
    """`detente --help | head -1`: the reader has gone; before, a BrokenPipeError traceback."""
    read, write = os.pipe()
    os.close(read)
    try:
        p = _detente("--help", stdout=write)
    finally:
        os.close(write)
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr, p.stderr
    assert p.returncode == 0
