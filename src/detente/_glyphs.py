"""Non-Latin text (actor names in Chinese, Arabic, …) in matplotlib figures, without warnings.

matplotlib's default font (DejaVu Sans) has Latin, Greek and Cyrillic but no CJK; a label it
cannot draw gives a "Glyph … missing from font" warning and an empty box. :func:`figure_text`
wraps the layout and saving of a figure:

- texts with characters the default font lacks get a font fallback list: the default font, then
  the installed fonts (matplotlib's font list: system fonts such as Debian's ``fonts-noto-cjk``
  "Noto Sans CJK JP" or ``fonts-wqy-zenhei`` "WenQuanYi Zen Hei") that have those characters;
- characters no installed font has: in an SVG that keeps text as text (``svg.fonttype`` none,
  the case report's figures) they stay as written, for the browser to draw with its fonts; in
  PNG, PDF or outlined SVG they are drawn by matplotlib's "Last Resort" font (a box naming the
  script) where matplotlib has it, else replaced by U+FFFD.

Figures whose text the default font covers are untouched (byte-identical output).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from typing import Any

__all__ = ["PREFERRED", "figure_text"]

#: Fallback families tried first, in this order (Debian packages: fonts-noto-cjk,
#: fonts-wqy-zenhei, fonts-wqy-microhei, fonts-droid-fallback, fonts-noto-core, fonts-freefont-ttf).
PREFERRED: tuple[str, ...] = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Noto Sans Arabic",
    "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans", "FreeSans",
)
LAST_RESORT = "Last Resort High-Efficiency"
_MISSING = r"Glyph \d+ .* missing from font"


@cache
def _charmap(path: str) -> frozenset[int]:
    from matplotlib import font_manager

    try:
        return frozenset(font_manager.get_font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _primary(prop: Any) -> frozenset[int]:
    from matplotlib import font_manager

    return _charmap(font_manager.findfont(prop, fallback_to_default=True))


@cache
def _installed() -> tuple[tuple[str, str], ...]:
    """(family, file) of every font matplotlib knows, the preferred fallbacks first."""
    from matplotlib import font_manager

    seen: dict[str, str] = {}
    for f in sorted(font_manager.fontManager.ttflist, key=lambda f: (f.name, f.fname)):
        if f.name != LAST_RESORT and f.style == "normal":
            seen.setdefault(f.name, f.fname)
    first = [(n, seen[n]) for n in PREFERRED if n in seen]
    return tuple(first + [(n, p) for n, p in seen.items() if n not in PREFERRED])


def _fallbacks(chars: set[int]) -> tuple[list[str], set[int]]:
    """Installed families covering ``chars`` (greedy, in :func:`_installed` order), and the
    characters none has."""
    left = set(chars)
    chosen = []
    for name, path in _installed():
        if not left:
            break
        got = left & _charmap(path)
        if got:
            chosen.append(name)
            left -= got
    return chosen, left


def _has_last_resort() -> bool:
    from matplotlib import font_manager

    return any(f.name == LAST_RESORT for f in font_manager.fontManager.ttflist)


@contextmanager
def figure_text(fig: Any, path: str | os.PathLike[str] | None = None,
                fmt: str | None = None) -> Iterator[None]:
    """Fit the fonts of ``fig``'s texts (see the module docstring) for layout and saving inside
    the block; ``path`` or ``fmt`` (``"png"``, ``"svg"``, ``"pdf"``) says what is written."""
    from matplotlib import rcParams
    from matplotlib.text import Text

    texts = [t for t in fig.findobj(Text) if t.get_text()]
    odd: dict[Any, set[int]] = {}
    for t in texts:
        cover = _primary(t.get_fontproperties())
        chars = {ord(c) for c in t.get_text() if not c.isspace()} - cover
        if chars:
            odd[t] = chars
    if not odd:
        yield
        return
    kind = (fmt or os.fspath(path or "").rsplit(".", 1)[-1]).lower()
    as_text = kind == "svg" and rcParams["svg.fonttype"] == "none"
    fams, left = _fallbacks(set().union(*odd.values()))
    last = not as_text and bool(left) and _has_last_resort()
    if last:
        fams.append(LAST_RESORT)
        left = set()
    for t, chars in odd.items():
        base = list(t.get_fontproperties().get_family())
        if fams:
            t.set_fontfamily(base + [f for f in fams if f not in base])
        if left and not as_text and chars & left:
            t.set_text("".join("\ufffd" if ord(c) in left else c for c in t.get_text()))
    quiet = warnings.catch_warnings() if as_text and left else nullcontext()
    with quiet:
        if as_text and left:
            warnings.filterwarnings("ignore", message=_MISSING, category=UserWarning)
        yield
