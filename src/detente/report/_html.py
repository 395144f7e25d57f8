"""Small HTML helpers shared by the case report's sections (escaping, tables, links)."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["command", "e", "link", "num", "sh", "table"]


def e(x: Any) -> str:
    """``x`` as escaped HTML text."""
    return html.escape(str(x), quote=True)


def num(x: float | None, fmt: str = ".2f") -> str:
    """A number, or a dash when it is missing or not finite."""
    return "—" if x is None or not math.isfinite(float(x)) else format(float(x), fmt)


def link(url: str) -> str:
    """Source text with every http(s) address made a link."""
    parts = [p.strip() for p in re.split(r"\s;\s|\s+", url.strip()) if p.strip()]
    out = []
    for p in parts:
        if re.match(r"^https?://", p):
            out.append(f'<a href="{e(p)}">{e(p)}</a>')
        elif p != ";":
            out.append(e(p))
    return " ".join(out)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, raw: bool = False,
          cls: str = "") -> str:
    """An HTML table; cells are escaped unless ``raw``."""
    esc: Callable[[Any], str] = (lambda c: str(c)) if raw else e
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    c = f' class="{cls}"' if cls else ""
    return f"<table{c}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def sh(value: object) -> str:
    """``value`` as one shell word in a reproduce command (quoted only when it needs it: a
    file name with a space, an actor id with ``<``)."""
    import shlex

    return shlex.quote(str(value))


def command(cmd: str) -> str:
    """The command that reproduces the table or figure above it."""
    return f'<p class="cmd">Reproduce: <code>{e(cmd)}</code></p>'
