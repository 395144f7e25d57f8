"""The case report as Markdown: the same judgements and sections as :func:`render_html`.

The sections are built once, as HTML; this module reads that HTML (only the few tags the report
writes) and writes Markdown: headings, paragraphs, lists, pipe tables, links, bold and code.
Each figure becomes an SVG file beside the Markdown file, linked as an image whose alt text is
the figure's title, so the text stays readable in a plain editor.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from detente.report._case_report import CaseReport

__all__ = ["render_markdown"]

_TEXT = re.compile(r"<text[^>]*?font-size:\s*([0-9.]+)px[^>]*>([^<]+)")


#: inline HTML tags and the Markdown that opens and closes each (the same mark both ways)
_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


class _ToMarkdown(HTMLParser):
    """HTML of one section → Markdown lines; ``<svg>`` elements are collected as figures."""

    def __init__(self, figure_name: str, first_figure: int) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.lists: list[str] = []  # "ul" / "ol" stack
        self.counters: list[int] = []
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.header_rows = 0
        self.in_head = False
        self.href: list[str | None] = []
        self.svg_depth = 0
        self.svg: list[str] = []
        self.figures: list[tuple[str, str]] = []  # (file name, svg text)
        self.figure_name = figure_name
        self.next_figure = first_figure

    # text sinks -----------------------------------------------------------------------------
    def _emit(self, s: str) -> None:
        (self.cell if self.cell is not None else self.buf).append(s)

    def _flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text:
            self.out.append(prefix + text)
            self.out.append("")

    # parser callbacks -----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.svg_depth:
            if tag == "svg":
                self.svg_depth += 1
            self.svg.append(self.get_starttag_text() or "")
            return
        if tag == "svg":
            self.svg_depth = 1
            self.svg = [self.get_starttag_text() or ""]
        elif tag in ("p", "h3", "h4", "figure", "details", "summary", "div"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag)
            self.counters.append(0)
        elif tag == "li":
            self._flush()
        elif tag == "table":
            self._flush()
            self.table, self.header_rows = [], 0
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "br":
            self._emit(" ")
        elif tag in _INLINE:
            self._emit(_INLINE[tag])
        elif tag == "a":
            href = dict(attrs).get("href")
            self.href.append(href)
            if href:
                self._emit("[")

    def handle_endtag(self, tag: str) -> None:
        if self.svg_depth:
            self.svg.append(f"</{tag}>")
            if tag == "svg":
                self.svg_depth -= 1
                if not self.svg_depth:
                    self._figure("".join(self.svg))
            return
        if tag == "p" or tag == "div" or tag == "figure":
            self._flush()
        elif tag == "summary":
            text = " ".join("".join(self.buf).split())
            self.buf = []
            if text:
                self.out += [f"**{text}**", ""]
        elif tag == "h3":
            self._flush("### ")
        elif tag == "h4":
            self._flush("#### ")
        elif tag == "li" and self.lists:
            self.counters[-1] += 1
            mark = f"{self.counters[-1]}." if self.lists[-1] == "ol" else "-"
            text = " ".join("".join(self.buf).split())
            self.buf = []
            if text:
                self.out.append("  " * (len(self.lists) - 1) + f"{mark} {text}")
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.counters.pop()
            if not self.lists:
                self.out.append("")
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(_cell("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.table is not None and self.row is not None:
            self.table.append(self.row)
            if self.in_head:
                self.header_rows += 1
            self.row = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "table" and self.table is not None:
            self._table(self.table, self.header_rows)
            self.table = None
        elif tag in _INLINE:
            self._emit(_INLINE[tag])
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href:
                self._emit(f"]({href})")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.svg_depth:
            self.svg.append(self.get_starttag_text() or "")
        elif tag == "br":
            self._emit(" ")

    def handle_data(self, data: str) -> None:
        if self.svg_depth:
            self.svg.append(data.replace("&", "&amp;").replace("<", "&lt;"))
        else:
            self._emit(data)

    def handle_comment(self, data: str) -> None:
        if self.svg_depth:
            self.svg.append(f"<!--{data}-->")

    # blocks ---------------------------------------------------------------------------------
    def _table(self, rows: list[list[str]], header_rows: int) -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        head = rows[0] if header_rows else [""] * width
        body = rows[1:] if header_rows else rows
        self.out.append("| " + " | ".join(head) + " |")
        self.out.append("|" + "---|" * width)
        self.out.extend("| " + " | ".join(r) + " |" for r in body)
        self.out.append("")

    def _figure(self, svg: str) -> None:
        name = f"{self.figure_name}-{self.next_figure}.svg"
        self.next_figure += 1
        title = _svg_title(svg) or f"figure {self.next_figure - 1}"
        self.figures.append((name, svg))
        self._flush()
        self.out.append(f"![{_cell(title)}]({name})")
        self.out.append("")


def _svg_title(svg: str) -> str:
    """The figure's title: its text in the largest font, the first such (the report draws its
    figures' text as SVG text elements, the title larger than labels and ticks)."""
    texts = [(float(size), " ".join(unescape(t).split())) for size, t in _TEXT.findall(svg)]
    texts = [(size, t) for size, t in texts if t]
    if not texts:
        return ""
    top = max(size for size, _ in texts)
    return next(t for size, t in texts if size == top)


def render_markdown(report: CaseReport, figure_name: str = "figure"
                    ) -> tuple[str, list[tuple[str, str]]]:
    """The report as Markdown, and its figures as ``(file name, SVG text)`` pairs.

    Images are linked by file name (``figure_name-1.svg``, ...), to be written beside the
    Markdown file; the HTML report (:func:`render_html`) stays the one self-contained file.
    """
    lines = [f"# {report.title}", "", "## Key judgements", ""]
    for k, j in enumerate(report.judgements, 1):
        lead = f"**{j.likelihood.capitalize()}**: " if j.likelihood else ""
        lines.append(f"{k}. {lead}{j.text} *(confidence: {j.confidence} — {j.basis})*")
    lines += ["", "## Contents", ""]
    lines += [f"{k}. [{s.title}](#{s.key})" for k, s in enumerate(report.sections, 1)]
    lines.append("")
    figures: list[tuple[str, str]] = []
    for s in report.sections:
        lines += [f'<a id="{s.key}"></a>', "", f"## {s.title}", ""]
        if s.skipped is not None:
            lines += [f"*Skipped: {s.skipped}.*", ""]
            continue
        p = _ToMarkdown(figure_name, len(figures) + 1)
        p.feed(s.body)
        p.close()
        p._flush()
        lines += p.out
        figures += p.figures
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text, figures
