"""The case report as PDF, through WeasyPrint (BSD; the optional extra ``detente[pdf]``).

The HTML report already carries its figures as static inline SVG and no script, so the PDF is
the same document laid out for paper: WeasyPrint draws the SVG as vector graphics."""

from __future__ import annotations

from typing import Any

__all__ = ["PDF_HINT", "pdf_engine", "render_pdf"]

PDF_HINT = ("a PDF needs WeasyPrint: pip install 'detente[pdf]' (it uses the system's Pango: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 on Debian)")

_PRINT_CSS = """
@page { size: A4; margin: 15mm 12mm; }
body { max-width: none; margin: 0; font-size: 10pt; }
table { font-size: 7.5pt; } figure.fig svg { width: 100%; height: auto; }
section { break-before: auto; } h2 { break-after: avoid; }
a { color: #1a4d8f; text-decoration: none; }
"""


def pdf_engine() -> tuple[Any | None, str]:
    """WeasyPrint if it can be imported (it loads Pango when imported), else ``None`` and why."""
    try:
        import weasyprint
    except ImportError:
        return None, f"WeasyPrint is not installed; {PDF_HINT}"
    except OSError as err:  # the Python package is there, the system library is not
        return None, f"WeasyPrint cannot load its system libraries ({err}); {PDF_HINT}"
    return weasyprint, ""


def render_pdf(html_text: str) -> bytes:
    """``html_text`` (a rendered case report) as PDF bytes.

    Raises :class:`RuntimeError` with the install hint when no PDF engine is available."""
    engine, why = pdf_engine()
    if engine is None:
        raise RuntimeError(why)
    doc = engine.HTML(string=html_text, base_url=None)
    out: bytes = doc.write_pdf(stylesheets=[engine.CSS(string=_PRINT_CSS)])
    return out
