"""Atomic file writes: a temporary file in the target's folder, flushed, then renamed over it.

A reader never sees a half-written file, and a failure leaves the old file as it was. The
temporary file is named ``.<name>.<pid>.<random>.tmp``: a process killed with ``kill -9`` cannot
remove its own, so every write first sweeps the leftovers of dead processes for that target.
"""

from __future__ import annotations

import glob
import io
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from detente.errors import InputError

__all__ = ["atomic_write_bytes", "atomic_write_text", "check_writable", "save_figure",
           "sweep_leftovers", "write_temp"]


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual mode under the umask
    (``mkstemp`` itself creates 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def sweep_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files of writes to ``target`` by processes that no longer run
    (or older than a day); return what was removed."""
    folder = target.parent if str(target.parent) else Path(".")
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for f in candidates:
        parts = f.name[len(target.name) + 2:].split(".")
        try:
            pid = int(parts[0])
        except (ValueError, IndexError):
            continue
        try:
            old = time.time() - f.stat().st_mtime > 86400
            if pid != os.getpid() and (old or not _alive(pid)):
                f.unlink()
                removed.append(f)
        except OSError:
            continue
    return removed


def check_writable(path: str | os.PathLike[str]) -> Path:
    """The folder of ``path`` exists and ``path`` is no folder (an :class:`InputError`
    otherwise): what :func:`atomic_write_bytes` needs, checkable before a long run."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: cannot write it: the folder '{folder}' does not exist"
                         if not folder.exists() else
                         f"{target}: cannot write it: '{folder}' is not a folder")
    if target.is_dir():
        raise InputError(f"{target}: is a folder: expected a file name to write")
    return folder


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    target = Path(path)
    tmp = write_temp(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return target


def write_temp(path: str | os.PathLike[str], data: bytes) -> Path:
    """The first half of an atomic write: ``data`` written and flushed to disk in a temporary
    file beside ``path`` (with the mode ``path`` will have), ready for ``os.replace``; return
    the temporary file. Whoever calls it renames or removes it (a ``kill -9`` leaves it for
    the next write's sweep)."""
    target = Path(path)
    folder = check_writable(target)
    sweep_leftovers(target)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically; return the path."""
    return atomic_write_bytes(path, text.encode("utf-8"))


_FIGURE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def save_figure(fig: Any, path: str | os.PathLike[str], dpi: int = 130) -> Path:
    """Render a matplotlib figure (PNG, SVG or PDF by the name's suffix; PNG without one) and
    write it atomically; return the path. A missing folder is refused (never created)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix and suffix not in _FIGURE_FORMATS:
        raise InputError(f"{target}: cannot write a figure as '{suffix}'; use .png, .svg or .pdf")
    from detente._glyphs import figure_text

    buf = io.BytesIO()
    fmt = _FIGURE_FORMATS.get(suffix, "png")
    with figure_text(fig, fmt=fmt):
        fig.savefig(buf, format=fmt, dpi=dpi, bbox_inches="tight")
    return atomic_write_bytes(target, buf.getvalue())
