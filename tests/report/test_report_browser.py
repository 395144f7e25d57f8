"""The Geneva 2022 report in a real browser: Debian's chromium, headless, driven by Playwright
(``make browser`` installs chromium; Playwright's own browser download is not used). No console
error, no page error, no network request but the file itself, every section there."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
SECTIONS = ["key-judgements", "scenario", "forecasts", "outcome", "crisis", "bargaining",
            "credibility", "sensitivity", "indicators", "methods"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def _open(browser: Any, path: Path) -> tuple[Any, dict[str, list[str]]]:
    page = browser.new_page()
    seen: dict[str, list[str]] = {"console": [], "requests": [], "errors": []}
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.wait_for_timeout(200)
    return page, seen


def test_geneva_report_renders_cleanly(browser: Any, geneva_files: tuple[Path, Path]) -> None:
    path = geneva_files[0]
    page, seen = _open(browser, path)
    try:
        assert seen["errors"] == []
        assert [c for c in seen["console"] if c.startswith(("error", "warning"))] == []
        assert seen["requests"] == [path.resolve().as_uri()]
        ids = page.eval_on_selector_all("section[id]", "els => els.map(e => e.id)")
        assert ids == SECTIONS
        # every section shows something: a body or its one-line reason for being skipped
        for sid in SECTIONS:
            text = page.inner_text(f"section#{sid}")
            assert len(text.strip().splitlines()) >= 2, sid
        sens = page.inner_text("section#sensitivity")
        assert "Skipped:" not in sens and "mu*" in sens
        assert page.eval_on_selector_all("section#sensitivity table", "els => els.length") >= 3
        # the sensitivity section's links to the key assumptions land on that section
        inner = page.eval_on_selector_all("section#sensitivity a[href^='#']",
                                          "els => els.map(e => e.getAttribute('href'))")
        assert inner and set(inner) == {"#indicators"}
        assert page.query_selector("section#indicators") is not None
        assert "50% interval" in page.inner_text("section#forecasts")
        # the inline figures are laid out (non-zero size), not broken images
        sizes = page.eval_on_selector_all(
            "figure.fig svg", "els => els.map(e => [e.getBoundingClientRect().width, "
            "e.getBoundingClientRect().height])")
        assert len(sizes) >= 3 and all(w > 100 and h > 100 for w, h in sizes)
        # links in the contents point at sections that exist
        hrefs = page.eval_on_selector_all("nav a", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs == [f"#{s}" for s in SECTIONS[1:]]
    finally:
        page.close()


def test_loading_fetches_no_source_link(browser: Any, geneva_files: tuple[Path, Path]) -> None:
    """Source links are plain anchors: loading the page fetches none of them."""
    page, seen = _open(browser, geneva_files[0])
    try:
        n_links = page.eval_on_selector_all("a[href^='http']", "els => els.length")
        assert n_links > 50  # every stance and event cites its source
        assert all(u.startswith("file://") for u in seen["requests"])
    finally:
        page.close()
