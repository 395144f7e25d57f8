"""Actor names in scripts the default font lacks (CJK): figures without "missing glyph"
warnings; the report's SVG keeps the names as text; Latin-only figures are untouched."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib
import pytest

from detente import _glyphs
from detente.collective import forecast
from detente.report import build_report, plot_eum_trajectory, plot_forecasts, render_html
from detente.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
CJK = ROOT / "tests" / "data" / "review9" / "unicode-odd-scales.yaml"


def _glyph_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_the_report_of_a_cjk_scenario_warns_nothing_and_keeps_the_names() -> None:
    sc = load_scenario(CJK)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        html = render_html(build_report(sc, ref=str(CJK), source_bytes=CJK.read_bytes()))
    assert _glyph_warnings(caught) == []
    figures = html.count("<figure")
    assert figures >= 1
    assert "中国" in html.split("<figure", 1)[1]  # drawn as text in the SVG, for the browser


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_figures_of_a_cjk_scenario_warn_nothing(tmp_path: Path, suffix: str) -> None:
    sc = load_scenario(CJK)
    fcs = [forecast(sc, "compromise"), forecast(sc, "eum", rng=0)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plot_forecasts(sc, fcs, tmp_path / f"f{suffix}")
        plot_eum_trajectory(fcs[1], tmp_path / f"e{suffix}")
    assert _glyph_warnings(caught) == []
    assert (tmp_path / f"f{suffix}").stat().st_size > 0


def _figure_with(label: str) -> tuple[object, object]:
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot(1, 1, 1)
    return fig, ax.set_title(label)


def test_latin_greek_text_is_left_alone() -> None:
    fig, title = _figure_with("Ελλάδα–Türkiye −5")
    before = title.get_fontfamily()  # type: ignore[attr-defined]
    with _glyphs.figure_text(fig, fmt="png"):
        assert title.get_fontfamily() == before  # type: ignore[attr-defined]
        assert title.get_text() == "Ελλάδα–Türkiye −5"  # type: ignore[attr-defined]


def test_an_installed_font_with_the_glyphs_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A font that has the characters (here matplotlib's Last Resort font, standing in for an
    installed CJK font such as Noto Sans CJK) joins the text's fallback list."""
    from matplotlib import font_manager

    lr = [f for f in font_manager.fontManager.ttflist if f.name == _glyphs.LAST_RESORT]
    if not lr:
        pytest.skip("this matplotlib has no Last Resort font")
    monkeypatch.setattr(_glyphs, "_installed", lambda: ((lr[0].name, lr[0].fname),))
    fig, title = _figure_with("中国")
    for fmt in ("png", "svg"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with _glyphs.figure_text(fig, fmt=fmt):
                assert title.get_fontfamily()[-1] == _glyphs.LAST_RESORT  # type: ignore
                fig.savefig(io.BytesIO(), format=fmt)  # type: ignore[attr-defined]
        assert _glyph_warnings(caught) == []
        assert title.get_text() == "中国"  # type: ignore[attr-defined]


def test_without_any_font_raster_text_gets_the_replacement_character(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_glyphs, "_installed", lambda: ())
    monkeypatch.setattr(_glyphs, "_has_last_resort", lambda: False)
    fig, title = _figure_with("中国 (CHN)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with _glyphs.figure_text(fig, fmt="png"):
            fig.savefig(io.BytesIO(), format="png")  # type: ignore[attr-defined]
    assert _glyph_warnings(caught) == []
    assert title.get_text() == "\ufffd\ufffd (CHN)"  # type: ignore[attr-defined]


def test_without_any_font_svg_text_stays_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_glyphs, "_installed", lambda: ())
    fig, title = _figure_with("中国")
    buf = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, \
            matplotlib.rc_context({"svg.fonttype": "none"}):
        warnings.simplefilter("always")
        with _glyphs.figure_text(fig, fmt="svg"):
            fig.savefig(buf, format="svg")  # type: ignore[attr-defined]
    assert _glyph_warnings(caught) == []
    assert "中国" in buf.getvalue()
