"""Review 23: an operator installs detente for a team and tries to break it (the command line
with bad input, the record under concurrent writes and kills, files written atomically)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from detente import load_example

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


# --- files an operator's users give by mistake ------------------------------------------------
from typer.testing import CliRunner  # noqa: E402

from detente.cli import app  # noqa: E402

runner = CliRunner()
GENEVA = Path(SRC) / "detente" / "examples" / "data" / "geneva-2022.yaml"


def _err(args: list[str]) -> tuple[int, str]:
    r = runner.invoke(app, args)
    return r.exit_code, r.stderr


def test_a_utf16_file_is_named_as_utf16_not_byte_0(tmp_path: Path) -> None:
    """A scenario or record CSV saved as "Unicode" (UTF-16 with a byte-order mark) by a Windows
    editor: before, "not UTF-8 text (byte 0)", which does not say what to do."""
    sc = tmp_path / "geneva.yaml"
    sc.write_text(GENEVA.read_text(encoding="utf-8"), encoding="utf-16")
    code, err = _err(["forecast", str(sc)])
    assert code == 2
    assert f"{sc}, line 1: UTF-16 text" in err and "save it as UTF-8" in err
    csv = tmp_path / "events.csv"
    csv.write_text("id,agreement\n", encoding="utf-32")
    code, err = _err(["record", "import", str(csv), "--db", str(tmp_path / "r.sqlite")])
    assert code == 2 and f"{csv}, line 1: UTF-32 text" in err


def test_a_calibration_file_not_in_utf8_is_named(tmp_path: Path) -> None:
    """`simulate --calibration` on a binary file: before, "error: not UTF-8 text (byte 0):
    expected a text file" with no file name."""
    bad = tmp_path / "cal.json"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, err = _err(["simulate", str(GENEVA), "-n", "20", "--calibration", str(bad)])
    assert code == 2
    assert f"{bad}, line 1: not UTF-8 text" in err and "calibration file" in err


def test_an_empty_settings_or_data_file_is_not_called_a_scenario(tmp_path: Path) -> None:
    """`credibility --settings` and `calibrate --path` on an empty file said "expected a
    scenario"."""
    empty = tmp_path / "settings.yaml"
    empty.write_text("", encoding="utf-8")
    code, err = _err(["credibility", "RUS", "--db", "shipped", "--settings", str(empty)])
    assert code == 2 and "expected a credibility settings file" in err and "scenario" not in err
    code, err = _err(["calibrate", "--path", str(empty), "-n", "5"])
    assert code == 2 and "expected a DEU-style data file" in err and "scenario" not in err


def test_a_simulation_figure_failing_mid_write_leaves_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`simulate --plot` wrote straight into the target: a failure (or kill) mid-write left a
    truncated figure. Now the figure is rendered first and renamed into place."""
    from matplotlib.figure import Figure

    from detente.uncertainty import simulate
    from detente.uncertainty._plot import plot_simulation

    res = simulate(load_example("geneva-2022"), "compromise", draws=20, seed=1,
                   jitter="position=5")
    out = tmp_path / "sim.png"
    out.write_bytes(b"the old figure")

    def half_then_fail(self: Figure, fname: object, *a: object, **k: object) -> None:
        if isinstance(fname, str | os.PathLike):
            Path(fname).write_bytes(b"\x89PNG half")
        else:
            fname.write(b"\x89PNG half")  # type: ignore[attr-defined]
        raise OSError("disk full")

    monkeypatch.setattr(Figure, "savefig", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        plot_simulation(res, out)
    assert out.read_bytes() == b"the old figure"
    assert [p.name for p in tmp_path.iterdir()] == ["sim.png"]


def test_a_typo_in_workers_does_not_start_that_many_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`simulate --workers 100000` started a LocalCluster of 100,000 processes; now refused
    (at most 4 per core) before any is started."""
    import distributed

    from detente.errors import LimitError
    from detente.uncertainty import simulate

    started: list[int] = []

    class NoCluster:
        def __init__(self, n_workers: int = 1, **_: object) -> None:
            started.append(n_workers)
            raise RuntimeError("a cluster was started")

    monkeypatch.setattr(distributed, "LocalCluster", NoCluster)
    with pytest.raises(LimitError, match="at most .* per core"):
        simulate(load_example("geneva-2022"), "compromise", draws=50, seed=1, workers=100_000)
    assert started == []
    code, err = _err(["simulate", str(GENEVA), "-n", "50", "--workers",
                      str(4 * (os.cpu_count() or 1) + 1)])
    assert code == 2 and "--scheduler" in err and started == []


# --- the record's database URL ----------------------------------------------------------------
def test_a_database_url_that_cannot_work_says_what_to_write(tmp_path: Path) -> None:
    """Before: SQLAlchemy's own words ("Can't load plugin: sqlalchemy.dialects:sqlit", "file is
    not a database [SQL: BEGIN IMMEDIATE] (Background on this error at: …)")."""
    code, err = _err(["record", "agreements", "--db", "sqlit:///x.db"])
    assert code == 2 and "unknown kind of database 'sqlit'" in err
    assert "postgresql+pg8000://" in err and "plugin" not in err
    code, err = _err(["record", "agreements", "--db", "://"])
    assert code == 2 and "not a database URL" in err
    png = tmp_path / "scenario.yaml"
    png.write_bytes(b"name: x\n" * 200)
    code, err = _err(["record", "agreements", "--db", str(png)])
    assert code == 2 and "not an SQLite database" in err
    assert "Background on this error" not in err and "[SQL:" not in err
    code, err = _err(["record", "agreements", "--db", str(tmp_path)])
    assert code == 2 and "is a folder" in err


def test_a_password_in_the_database_url_is_never_printed() -> None:
    """An operator puts the record on PostgreSQL with a password in $DETENTE_DB: error
    messages (and logs of them) showed it."""
    pytest.importorskip("pg8000")
    url = "postgresql+pg8000://analyst:s3cret-pw@127.0.0.1:1/record"
    code, err = _err(["record", "agreements", "--db", url])
    assert code == 2 and "cannot open the record store" in err
    assert "s3cret-pw" not in err and "analyst:***@127.0.0.1:1/record" in err
    r = runner.invoke(app, ["record", "agreements"], env={"DETENTE_DB": url})
    assert r.exit_code == 2 and "s3cret-pw" not in r.stderr


def test_an_unavailable_driver_points_to_pg8000() -> None:
    import importlib.util

    if importlib.util.find_spec("psycopg2") is not None:
        pytest.skip("psycopg2 is installed here")
    code, err = _err(["record", "agreements", "--db", "postgresql+psycopg2://u@localhost/db"])
    assert code == 2 and "'psycopg2' is not installed" in err and "postgresql+pg8000://" in err
