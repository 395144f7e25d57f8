"""What a record database URL names, told without loading a database driver (the command
line checks ``--db`` while it reads its arguments)."""

from __future__ import annotations

from urllib.parse import parse_qs

__all__ = ["IN_MEMORY_REFUSED", "in_memory_sqlite"]

IN_MEMORY_REFUSED = (
    "an in-memory SQLite database is not a record store: it lasts as long as one connection, "
    "so every connection (each command, each thread of the web server) would see a new, empty "
    "one, and what an import wrote would be gone when the command ends; give a file "
    "(--db PATH/record.sqlite, in a temporary folder for a throw-away record), or --db shipped "
    "to read the shipped dataset")


def in_memory_sqlite(text: str) -> bool:
    """``text`` (a ``--db`` value or URL) names an SQLite database held in memory:
    ``:memory:``, ``sqlite://``, ``sqlite:///:memory:``, or a URI form with ``mode=memory``
    or ``file::memory:`` (any ``sqlite+DRIVER`` scheme)."""
    text = text.strip()
    if text == ":memory:":
        return True
    scheme, sep, rest = text.partition("://")
    if not sep or not scheme.lower().startswith("sqlite"):
        return False
    if not rest.startswith("/"):  # sqlite:// or sqlite://?…: no database named
        return rest == "" or rest.startswith("?")
    path, _, query = rest[1:].partition("?")
    if path in ("", ":memory:") or path.startswith("file::memory:"):
        return True
    return "memory" in parse_qs(query).get("mode", [])
