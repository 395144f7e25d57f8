"""Two ``record export`` runs into one folder at once, and an import reading a folder while an
export replaces its pair (real processes).

The first export is held between its two renames (a new ``agreements.csv`` beside the old
``events.csv``) until the second process has tried its own export (or the reader its read):
without a lock on the folder, the second export's pair is interleaved with the first's (a
mixed pair the manifest no longer names, imported silently), and the reader sees the half
replaced pair. With the lock, the second waits for the first and the folder ends whole.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.record import Record, load_shipped_record, read_record_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the folder lock is POSIX flock")

SRC = str(Path(__file__).resolve().parents[2] / "src")

# argv: folder, which record ("a" or "b"), marker folder, pause ("pause" or "go")
_EXPORTER = r"""
import os, sys, time
from pathlib import Path
from detente.record import Record, load_shipped_record, write_record_dir

folder, which, marks, pause = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
rec = load_shipped_record()
half = len(rec.agreements) // 2
agreements = rec.agreements[:half] if which == "a" else rec.agreements[half:]
ids = {a.id for a in agreements}
record = Record(agreements=agreements, events=tuple(e for e in rec.events if e.agreement in ids))
if pause == "pause":
    real, calls = os.replace, {"n": 0}

    def replace(src, dst):
        real(src, dst)
        calls["n"] += 1
        if calls["n"] == 2:  # the new agreements.csv is in place, the old events.csv too
            (marks / "a_mid").touch()
            deadline = time.monotonic() + 20
            while not (marks / "b_done").exists() and time.monotonic() < deadline:
                if (marks / "b_trying").exists():  # give an unlocked export time to finish
                    time.sleep(1.5)
                    break
                time.sleep(0.02)

    os.replace = replace
else:
    (marks / "b_trying").touch()
write_record_dir(record, folder)
(marks / ("a_done" if pause == "pause" else "b_done")).touch()
"""


def _records() -> tuple[Record, Record]:
    rec = load_shipped_record()
    half = len(rec.agreements) // 2
    out = []
    for agreements in (rec.agreements[:half], rec.agreements[half:]):
        ids = {a.id for a in agreements}
        out.append(Record(agreements=agreements,
                          events=tuple(e for e in rec.events if e.agreement in ids)))
    return out[0], out[1]


def _start(folder: Path, which: str, marks: Path, pause: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.Popen([sys.executable, "-c", _EXPORTER, str(folder), which, str(marks),
                             pause], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for(path: Path, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the exporter ended early: {proc.stderr.read()}")  # type: ignore[union-attr]
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.02)


def _done(proc: subprocess.Popen[str]) -> None:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err


def test_two_exports_into_one_folder_leave_one_whole_pair(tmp_path: Path) -> None:
    a, b = _records()
    folder, marks = tmp_path / "out", tmp_path / "marks"
    marks.mkdir()
    first = _start(folder, "a", marks, "pause")
    _wait_for(marks / "a_mid", first)
    second = _start(folder, "b", marks, "go")
    _done(first)
    _done(second)
    # the second export waited for the first: its pair, whole, is what the folder holds
    assert read_record_dir(folder).sorted() == b.sorted()
    assert read_record_dir(folder).sorted() != a.sorted()


def test_a_read_during_an_export_waits_for_the_whole_pair(tmp_path: Path) -> None:
    a, b = _records()
    folder, marks = tmp_path / "out", tmp_path / "marks"
    marks.mkdir()
    from detente.record import write_record_dir

    write_record_dir(b, folder)
    first = _start(folder, "a", marks, "pause")
    _wait_for(marks / "a_mid", first)
    (marks / "b_trying").touch()  # the reader: the exporter goes on 1.5 s from now
    got = read_record_dir(folder)  # waits for the export's end, not refused as mixed
    _done(first)
    assert got.sorted() == a.sorted()


def test_an_export_held_too_long_is_one_plain_line(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An export (or a read) that waited the whole wait for the folder's lock: exit 2 naming
    the folder and what holds it, never a traceback."""
    import fcntl

    from typer.testing import CliRunner

    from detente.cli import app
    from detente.record import _csv

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(_csv, "EXPORT_LOCK_WAIT_S", 0.3)
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another export, as the system sees it
        runner = CliRunner()
        for args in (["record", "export", str(folder), "--db", "shipped"],
                     ["record", "import", str(folder)]):
            if args[1] == "import":
                _csv.write_record_dir(load_shipped_record(), tmp_path / "copy")
                for name in ("agreements.csv", "events.csv"):
                    (folder / name).write_bytes((tmp_path / "copy" / name).read_bytes())
            r = runner.invoke(app, args)
            out = r.stderr + r.stdout
            assert r.exit_code == 2, out
            assert "another `detente record export`" in out and str(folder) in out, out
            assert "Traceback" not in out
    finally:
        os.close(fd)
    assert not list(folder.glob(".*.tmp"))  # nothing half written was left
