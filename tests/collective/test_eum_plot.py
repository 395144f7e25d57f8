"""The EUM trajectory plot."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.collective import forecast
from detente.errors import InputError
from detente.examples import load_example
from detente.report._eum_plot import plot_eum_trajectory


def test_plot_writes_png(tmp_path: Path) -> None:
    fc = forecast(load_example("ec-emissions"), "eum", variant="scholz_code")
    out = plot_eum_trajectory(fc, tmp_path / "eum.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert [p.name for p in tmp_path.iterdir()] == ["eum.png"]


def test_plot_errors_are_clear(tmp_path: Path) -> None:
    sc = load_example("ec-emissions")
    with pytest.raises(InputError, match="no trajectory"):
        plot_eum_trajectory(forecast(sc, "compromise"), tmp_path / "x.png")
    with pytest.raises(InputError, match="no issue 'nope'"):
        plot_eum_trajectory(forecast(sc, "eum"), tmp_path / "x.png", issue="nope")
