"""Atomic writes leave no temporary file behind, even after kill -9 (swept on the next write)."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente._atomic import atomic_write_text, sweep_leftovers

WRITER = """
import sys, time
from detente._atomic import atomic_write_bytes
import detente._atomic as a
real = a.os.replace
def slow_replace(src, dst):
    time.sleep(30)  # killed here: the temporary file is complete but not yet renamed
    real(src, dst)
a.os.replace = slow_replace
atomic_write_bytes(sys.argv[1], b"x" * 1_000_000)
"""


def test_leftover_of_a_killed_writer_is_swept(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    rng = random.Random(7)
    for _ in range(3):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
        deadline = time.time() + 60
        while not list(tmp_path.glob(".out.csv.*.tmp")) and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        assert target.read_text(encoding="utf-8").startswith(("old", "new"))  # never half
        assert list(tmp_path.glob(".out.csv.*.tmp"))  # the killed writer's leftover
        atomic_write_text(target, "new\n")
        assert not list(tmp_path.glob(".out.csv.*.tmp"))
        assert target.read_text(encoding="utf-8") == "new\n"


def test_sweep_keeps_files_of_live_processes(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    mine = tmp_path / f".f.yaml.{os.getpid()}.abc.tmp"
    other = tmp_path / ".f.yaml.1.abc.tmp"  # pid 1 is alive (init)
    dead = tmp_path / ".f.yaml.999999999.abc.tmp"
    for f in (mine, other, dead):
        f.write_text("x", encoding="utf-8")
    assert sweep_leftovers(target) == [dead]
    assert mine.exists() and other.exists()


def test_write_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    from detente._atomic import atomic_write_text
    from detente.errors import InputError

    target = tmp_path / "no" / "such" / "report.html"
    with pytest.raises(InputError, match="the folder .*no/such' does not exist"):
        atomic_write_text(target, "x")
    assert not (tmp_path / "no").exists()


def test_write_over_a_folder_is_a_user_error(tmp_path: Path) -> None:
    from detente._atomic import atomic_write_text
    from detente.errors import InputError

    with pytest.raises(InputError, match="is a folder"):
        atomic_write_text(tmp_path, "x")


def test_cli_report_into_a_missing_folder_exits_2_without_a_temporary_name(
        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    out = tmp_path / "missing" / "r.html"
    res = CliRunner().invoke(app, ["report", "geneva-2022", "--a", "USA", "--b", "RUS",
                                   "-o", str(out)])
    assert res.exit_code == 2
    flat = re.sub(r"[│\s]+", " ", res.stderr)  # the usage box wraps at the terminal's width
    assert "does not exist" in flat and ".tmp" not in flat
