"""Reading articles: bad input is refused with a located error, markup is removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import InputError, LimitError
from detente.text import MAX_BYTES, article_from_bytes, read_article


def test_binary_empty_huge_and_wrong_encoding_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        article_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.png")
    with pytest.raises(InputError, match="empty"):
        article_from_bytes(b"  \n\n ", "x.txt")
    with pytest.raises(LimitError, match="beyond the limit"):
        article_from_bytes(b"a" * (MAX_BYTES + 1), "x.txt")
    with pytest.raises(InputError, match="not UTF-8") as e:
        article_from_bytes("ligne 1\nTraité signé à Moscou".encode("latin-1"), "x.txt")
    assert e.value.problems[0].line == 2
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_article(tmp_path)


def test_utf16_with_bom_is_read() -> None:
    a = article_from_bytes("The INF Treaty was signed in 1987.".encode("utf-16"), "x.txt")
    assert a.text.startswith("The INF Treaty")


def test_html_text_and_canonical_url() -> None:
    page = (b"<html><head><title>t</title><link rel='canonical' href='https://ex.org/a'>"
            b"<script>var x = 'withdrew';</script></head><body><p>The United States "
            b"withdrew from the <b>ABM Treaty</b> in 2002.</p><p>Second &amp; last.</p>"
            b"</body></html>")
    a = article_from_bytes(page, "page.html")
    assert a.url == "https://ex.org/a"
    assert "withdrew from the ABM Treaty in 2002." in a.text
    assert "var x" not in a.text and "Second & last." in a.text


def test_markdown_markup_is_removed() -> None:
    a = article_from_bytes(b"# Title\n\nThe **INF Treaty** was [signed](https://x.org) in "
                           b"*1987*.\n", "a.md")
    assert "The INF Treaty was signed in 1987." in a.text
    assert "#" not in a.text
