"""Reading articles: plain text, Markdown or HTML, from files or standard input, checked.

Every mistake a user can make here (a binary file, an empty file, a file beyond the size
limit, bytes that are not UTF-8 or UTF-16 text) raises :class:`~detente.errors.InputError`
(``LimitError`` for the size) naming the file, before anything is extracted or written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from detente.errors import InputError, LimitError, Problem

__all__ = ["MAX_BYTES", "Article", "article_from_bytes", "example_article", "example_names",
           "read_article"]

#: Largest article accepted (bytes): 5 MB is some 800,000 words, far beyond any article.
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Article:
    """One article: where it came from, its plain text, and the URL it names, if any."""

    name: str
    text: str
    url: str | None = None


class _HTMLText(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "head", "nav", "footer", "svg"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "section", "article", "blockquote", "header", "title", "dd", "dt"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            self.canonical = a["href"]
        if tag == "meta" and (a.get("property") or "").lower() == "og:url" and a.get("content"):
            self.canonical = self.canonical or a["content"]
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _from_html(text: str) -> tuple[str, str | None]:
    p = _HTMLText()
    p.feed(text)
    p.close()
    body = "".join(p.parts)
    body = re.sub(r"[ \t\r\f\v]+", " ", body)
    body = re.sub(r"\s*\n\s*\n\s*", "\n\n", body)
    return body.strip(), p.canonical


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|[.,;:!?)]|$)")


def _from_markdown(text: str) -> str:
    lines = []
    for line in text.splitlines():
        s = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", "", line)
        s = _MD_LINK.sub(r"\1", s)
        s = _MD_MARK.sub(r"\1", s)
        s = s.replace("`", "")
        lines.append(s)
    return "\n".join(lines)


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or bool(
        re.search(r"<(p|div|body|article)[\s>]", head)
    )


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError([Problem("binary data (NUL bytes): expected a text, Markdown or HTML "
                                  "article", file=name)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError([Problem(
            f"not UTF-8 text (byte {data[e.start]:#04x} at offset {e.start}); convert it, e.g. "
            "`iconv -f latin1 -t utf-8`", file=name, line=line)]) from None


def article_from_bytes(data: bytes, name: str, kind: str | None = None) -> Article:
    """Check and clean one article; ``kind`` is ``text``, ``markdown``, ``html`` or None (guess
    from the name's suffix, else from the content)."""
    if len(data) > MAX_BYTES:
        raise LimitError([Problem(f"{len(data):,} bytes is beyond the limit of {MAX_BYTES:,} "
                                  "bytes for one article", file=name)])
    text = _decode(data, name)
    if not text.strip():
        raise InputError([Problem("empty article: no text to read", file=name)])
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if bad > 0.01 * min(len(text), 20000):
        raise InputError([Problem("this does not look like text (control characters)",
                                  file=name)])
    suffix = Path(name).suffix.lower()
    kind = kind or ("html" if suffix in (".html", ".htm", ".xhtml") else
                    "markdown" if suffix in (".md", ".markdown") else
                    "html" if _looks_html(text) else "text")
    url = None
    if kind == "html":
        text, url = _from_html(text)
    elif kind == "markdown":
        text = _from_markdown(text)
    text = html.unescape(text) if kind != "html" and "&#" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError([Problem("no readable text after removing the markup", file=name)])
    m = re.search(r"^\s*(?:URL|Source):\s*(https?://\S+)", text[:2000], re.M | re.I)
    if m and url is None:
        url = m.group(1)
    if url is None and re.match(r"^https?://", name):
        url = name
    return Article(name=name, text=text, url=url)


def example_names() -> list[str]:
    """Names of the example articles shipped with detente (``example:NAME``)."""
    from importlib import resources

    folder = resources.files("detente.text") / "data" / "examples"
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir()
                  if p.name.endswith((".txt", ".md", ".html")) and p.name != "README.md")


def example_article(name: str) -> Article:
    """A shipped example article by name (``detente extract example:essay``)."""
    from importlib import resources

    folder = resources.files("detente.text") / "data" / "examples"
    for ext in ("txt", "md", "html"):
        f = folder / f"{name}.{ext}"
        if f.is_file():
            return article_from_bytes(f.read_bytes(), f"example:{name}", None)
    raise InputError([Problem(f"no example article {name!r}; the examples are: "
                              f"{', '.join(example_names())}", file=f"example:{name}")])


def read_article(path: str | Path, kind: str | None = None) -> Article:
    """Read one article file (``-`` is standard input)."""
    import sys

    name = str(path)
    if name.startswith("example:"):
        return example_article(name[len("example:"):])
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return article_from_bytes(data, "<stdin>", kind)
    p = Path(path)
    if not p.exists():
        raise InputError([Problem("no such file", file=name)])
    if p.is_dir():
        raise InputError([Problem("is a folder; give the article files", file=name)])
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise LimitError([Problem(f"{size:,} bytes is beyond the limit of {MAX_BYTES:,} "
                                  "bytes for one article", file=name)])
    return article_from_bytes(p.read_bytes(), name, kind)
