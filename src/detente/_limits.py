"""Stated limits on what detente reads, and readers that respect them.

Every file detente reads goes through :func:`read_text` (a size limit, UTF-8), YAML through
:func:`safe_yaml` (aliases, nesting depth and expanded size limited) and CSV through
:func:`csv_rows` (field size and row count limited, bare carriage returns accepted, every
``csv`` error located). Going past a limit raises :class:`~detente.errors.LimitError` naming the
file, the limit and what was found, before the work that the limit protects.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from detente.errors import InputError, LimitError, Problem

__all__ = [
    "MAX_CSV_FIELD_CHARS",
    "MAX_CSV_ROWS",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "MAX_SCENARIO_BYTES",
    "MAX_YAML_ALIASES",
    "MAX_YAML_DEPTH",
    "MAX_YAML_NODES",
    "csv_rows",
    "max_scenario_bytes",
    "read_text",
    "safe_yaml",
]


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


MAX_FILE_BYTES = _env_int("DETENTE_MAX_FILE_BYTES", 64 * 1024 * 1024)
"""Largest input file read (bytes); ``DETENTE_MAX_FILE_BYTES`` changes it."""
MAX_SCENARIO_BYTES = 4 * 1024 * 1024
"""Largest scenario file read (bytes; YAML, CSV or JSON, and the other files the scenario
reader takes: settings, outcomes); ``DETENTE_MAX_SCENARIO_BYTES`` changes it, read at each
call. The largest shipped scenario is 78 kB; PyYAML's checked loader reads some 0.25 MB/s,
so 4 MiB is 15–20 s, where the 64 MiB file cap would be many minutes."""
MAX_LINE_CHARS = 1_000_000
"""Longest line of a YAML file (characters)."""
MAX_YAML_DEPTH = 64
"""Deepest nesting of YAML collections (a scenario needs 4)."""
MAX_YAML_ALIASES = 1_000
"""Most YAML aliases (``*name``) in one document."""
MAX_YAML_NODES = 2_000_000
"""Most YAML values once every alias is expanded (stops "billion laughs")."""
MAX_CSV_FIELD_CHARS = 1_000_000
"""Longest CSV field (characters)."""
MAX_CSV_ROWS = 2_000_000
"""Most CSV rows in one file."""


_OTHER_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
               (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def max_scenario_bytes() -> int:
    """:data:`MAX_SCENARIO_BYTES`, or ``$DETENTE_MAX_SCENARIO_BYTES`` if set (a whole number)."""
    return _env_int("DETENTE_MAX_SCENARIO_BYTES", MAX_SCENARIO_BYTES)


def read_text(path: Path, *, what: str = "a text file", max_bytes: int | None = None,
              limit_env: str = "DETENTE_MAX_FILE_BYTES") -> str:
    """The file's text (UTF-8, BOM dropped); located :class:`InputError` on every failure.
    ``max_bytes`` (default :data:`MAX_FILE_BYTES`) is named in the message as ``limit_env``,
    the variable that changes it."""
    file = str(path)
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        with open(path, "rb") as f:
            raw = f.read(limit + 1)
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=file)]) from None
    except IsADirectoryError:
        raise InputError([Problem("is a folder, expected a file", file=file)]) from None
    except PermissionError:
        raise InputError([Problem("permission denied", file=file)]) from None
    except OSError as e:
        raise InputError([Problem(f"cannot read: {e.strerror or e}", file=file)]) from None
    if len(raw) > limit:
        raise LimitError([Problem(
            f"file larger than the limit of {limit:,} bytes ({limit_env}): expected "
            f"{what} of at most that size", file=file)])
    bom = next((name for mark, name in _OTHER_BOMS if raw.startswith(mark)), None)
    if bom is not None:  # saved as "Unicode" by a Windows editor: say so, not "byte 0"
        raise InputError([Problem(
            f"{bom} text (it starts with a {bom} byte-order mark): expected {what} in UTF-8; "
            f"save it as UTF-8 (e.g. `iconv -f {bom} -t UTF-8`)", file=file, line=1)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError([Problem(f"not UTF-8 text (byte {e.start}): expected {what}",
                                  file=file, line=line)]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError([Problem(f"a NUL character: expected {what}, not a binary file",
                                  file=file, line=line)])
    return text


# ---------------------------------------------------------------------------------------------
# YAML
class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with nesting depth and alias count limited while composing."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self._file = file
        self._depth = 0
        self._aliases = 0

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:  # noqa: N803 (PyYAML's)
        # Refuse deep flow nesting ([[[...) while scanning: PyYAML's scanner keeps one possible
        # simple key per flow level and revisits them all at every token, so its time grows
        # with depth × length, and it scans far ahead of the composer's depth check.
        if self.flow_level >= MAX_YAML_DEPTH:
            mark = self.get_mark()
            raise LimitError([Problem(
                f"YAML nested deeper than {MAX_YAML_DEPTH} levels: expected a scenario "
                "(lists of mappings)", file=self._file, line=mark.line + 1)])
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark
                raise LimitError([Problem(
                    f"more than {MAX_YAML_ALIASES:,} YAML aliases (*name): expected a plain "
                    "scenario file", file=self._file, line=mark.line + 1)])
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            mark = self.peek_event().start_mark
            raise LimitError([Problem(
                f"YAML nested deeper than {MAX_YAML_DEPTH} levels: expected a scenario "
                "(lists of mappings)", file=self._file, line=mark.line + 1)])
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A scalar YAML resolves but cannot build (an unquoted `2024-13-01` is a timestamp
        # whose month is 13) raised a bare ValueError, reported without its line.
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as e:
            if not isinstance(node, yaml.ScalarNode):
                raise
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            what = f"the value {shown!r} cannot be read: {e}"
            if node.tag == "tag:yaml.org,2002:timestamp":
                what += " (expected a real date, YYYY-MM-DD)"
            raise InputError([Problem(what, file=self._file,
                                      line=node.start_mark.line + 1)]) from None


def _expanded_size(root: yaml.Node, file: str) -> None:
    """Refuse a document whose values, aliases expanded, exceed :data:`MAX_YAML_NODES`."""
    memo: dict[int, int] = {}
    # iterative post-order walk over the node graph (shared nodes counted once per use)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            if isinstance(node, yaml.MappingNode):
                total = 1 + sum(memo[id(k)] + memo[id(v)] for k, v in node.value)
            elif isinstance(node, yaml.SequenceNode):
                total = 1 + sum(memo[id(v)] for v in node.value)
            else:
                total = 1
            memo[key] = total
            if total > MAX_YAML_NODES:
                raise LimitError([Problem(
                    f"the YAML expands to more than {MAX_YAML_NODES:,} values once its aliases "
                    "are expanded: expected a plain scenario file", file=file,
                    line=node.start_mark.line + 1)])
            continue
        if key in memo:
            continue
        if key in on_path:
            raise InputError([Problem("a YAML alias refers to the collection that holds it "
                                      "(a cycle)", file=file, line=node.start_mark.line + 1)])
        on_path.add(key)
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append((k, False))
                stack.append((v, False))
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                stack.append((v, False))


def safe_yaml(text: str, file: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document within the limits; return the data and its node tree.

    Syntax errors and limits become :class:`InputError` naming the file and line.
    """
    for lineno, ln in enumerate(_lines(text), start=1):
        if ln > MAX_LINE_CHARS:
            raise LimitError([Problem(
                f"a line of {ln:,} characters, over the limit of {MAX_LINE_CHARS:,}: expected a "
                "scenario file", file=file, line=lineno)])
    try:
        loader = _LimitedLoader(text, file)
    except yaml.reader.ReaderError as e:  # a control character, found before parsing starts
        at = text[: max(e.position, 0)].count("\n") + 1
        raise InputError([Problem(f"not valid YAML: character #x{e.character:04x} is not "
                                  "allowed (a control character)", file=file, line=at)]
                         ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _expanded_size(node, file)
        data = loader.construct_document(node)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line: int | None = mark.line + 1 if mark is not None else None
        if isinstance(e, yaml.reader.ReaderError):
            line = text[: max(e.position, 0)].count("\n") + 1
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        context = getattr(e, "context", None)
        msg = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
        if "'\\t'" in problem:  # PyYAML names the character, not the rule
            msg += ": a tab; YAML indents with spaces only (replace the tab with spaces)"
        raise InputError([Problem(msg, file=file, line=line)]) from None
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        raise InputError([Problem(f"a value that cannot be read: {e}", file=file)]) from None
    except RecursionError:  # pragma: no cover - the depth limit comes first
        raise LimitError([Problem("YAML nested too deeply", file=file)]) from None
    finally:
        loader.dispose()
    return data, node


def _lines(text: str) -> Iterator[int]:
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            yield n - start
            return
        yield end - start
        start = end + 1


# ---------------------------------------------------------------------------------------------
# CSV
def csv_rows(
    text: str, delimiter: str, file: str, *, skipinitialspace: bool = False,
    max_rows: int | None = None,
) -> list[tuple[int, list[str]]]:
    """(1-based line, cells) of every row; bare ``\\r`` line ends accepted.

    A field over :data:`MAX_CSV_FIELD_CHARS`, more than ``max_rows`` rows (default
    :data:`MAX_CSV_ROWS`) or a malformed quote raise a located :class:`InputError`.
    """
    limit = MAX_CSV_ROWS if max_rows is None else max_rows
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter,
                        skipinitialspace=skipinitialspace)
    try:
        for cells in reader:
            out.append((reader.line_num, cells))
            if len(out) > limit:
                raise LimitError([Problem(
                    f"more than {limit:,} rows: over the limit for one file", file=file,
                    line=reader.line_num)])
    except csv.Error as e:
        msg = str(e)
        if "field larger than field limit" in msg:
            msg = (f"a field longer than {MAX_CSV_FIELD_CHARS:,} characters (an unclosed quote?)")
        raise InputError([Problem(f"not valid CSV: {msg}", file=file,
                                  line=reader.line_num + 1)]) from None
    finally:
        csv.field_size_limit(old)
    return out
