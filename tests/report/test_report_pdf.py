"""``detente report --pdf``: a PDF through WeasyPrint where it is installed (the ``pdf`` extra, and
the test extra), a clear exit-2 message where it is not."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.report import _pdf

ARGS = ["report", "ec-emissions", "-m", "compromise", "-m", "median"]


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's objects with its Flate-compressed streams (object streams included) inflated."""
    parts = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)


def _titles(objects: bytes) -> list[str]:
    out = []
    for m in re.finditer(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", objects):
        t = m.group(1)
        if t.startswith(b"<"):
            raw = bytes.fromhex(t[1:-1].decode())
            out.append(raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode())
        else:
            out.append(re.sub(rb"\\(.)", rb"\1", t[1:-1]).decode("latin-1"))
    return out


def test_pdf_through_weasyprint(geneva_html: tuple[str, str], tmp_path: Path) -> None:
    engine, why = _pdf.pdf_engine()
    if engine is None:
        pytest.skip(why)
    data = _pdf.render_pdf(geneva_html[0])
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    objects = _pdf_objects(data)
    pages = len(re.findall(rb"/Type\s*/Page\b", objects))
    assert pages >= 10, pages
    titles = _titles(objects)
    for title in ("Key judgements", "The crisis: agreement, standoff or escalation?",
                  "Is a deal possible, and on what?", "Key assumptions and indicators to watch",
                  "Methods and settings"):
        assert title in titles, (title, titles[:20])


@pytest.mark.parametrize("how", [["--pdf", "-o", "{d}/r.html"], ["-o", "{d}/r.pdf"]])
def test_cli_writes_a_pdf(tmp_path: Path, how: list[str]) -> None:
    engine, why = _pdf.pdf_engine()
    if engine is None:
        pytest.skip(why)
    res = CliRunner().invoke(app, [*ARGS, *[h.format(d=tmp_path) for h in how]])
    assert res.exit_code == 0, res.output
    out = tmp_path / "r.pdf"
    assert out.read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "r.html").exists()
    assert "report written to" in res.output and "r.pdf" in res.output


def test_cli_without_weasyprint_exits_2_with_the_install_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "pdf_engine", lambda: (None, "WeasyPrint is not installed; "
                                                     + _pdf.PDF_HINT))
    res = CliRunner().invoke(app, [*ARGS, "--pdf", "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2
    assert "WeasyPrint is not installed" in res.output and "detente[pdf]" in res.output
    assert "Traceback" not in res.output
    assert not list(tmp_path.iterdir())


def test_render_pdf_refuses_without_an_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "pdf_engine", lambda: (None, "no engine"))
    with pytest.raises(RuntimeError, match="no engine"):
        _pdf.render_pdf("<html></html>")


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, [*ARGS, "-o", str(tmp_path / "r.docx")])
    assert res.exit_code == 2
    assert ".html" in res.output and ".pdf" in res.output
