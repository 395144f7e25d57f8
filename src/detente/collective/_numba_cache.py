"""Where numba caches the compiled kernels (``_eum_jit``, ``_exchange_jit``), and whether a
kernel's compiled code is there, so that a small run need not compile it (tens of seconds)."""

from __future__ import annotations

import glob
import hashlib
import os
import sys

__all__ = ["cache_dir", "cached", "ensure_cache_dir"]


def _user_target() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "detente", "numba")


def _in_tree_writable(module_file: str) -> bool:
    here = os.path.join(os.path.dirname(os.path.abspath(module_file)), "__pycache__")
    probe = here if os.path.isdir(here) else os.path.dirname(here)
    return os.access(probe, os.W_OK)


def ensure_cache_dir(module_file: str) -> None:
    """Point numba's cache at the user's cache directory (``$XDG_CACHE_HOME/detente/numba``)
    when the directory of ``module_file`` cannot be written, as in a read-only install.

    numba's own fallback is the user cache too; this makes it explicit and testable. A
    ``NUMBA_CACHE_DIR`` already set is left alone; where no directory can be written numba
    compiles without caching.
    """
    if os.environ.get("NUMBA_CACHE_DIR") or _in_tree_writable(module_file):
        return
    target = _user_target()
    try:
        os.makedirs(target, exist_ok=True)
    except OSError:
        return
    if os.access(target, os.W_OK):
        os.environ["NUMBA_CACHE_DIR"] = target


def _subpath(module_file: str) -> str:
    """numba's directory name for a module's kernels under a cache root: the module's
    directory's name and the SHA-1 of its full path (numba's
    ``_CacheLocator.get_suitable_cache_subpath``)."""
    parent = os.path.dirname(os.path.abspath(module_file))
    return "_".join([os.path.basename(parent), hashlib.sha1(parent.encode()).hexdigest()])


def cache_dir(module_file: str) -> str:
    """The directory numba keeps ``module_file``'s compiled kernels in, as chosen once the
    module has been imported (:func:`ensure_cache_dir` run): ``$NUMBA_CACHE_DIR/<subpath>``,
    else the ``__pycache__`` beside the module when it can be written, else the user cache
    (``$XDG_CACHE_HOME/detente/numba/<subpath>``). Creates nothing."""
    root = os.environ.get("NUMBA_CACHE_DIR")
    if not root and _in_tree_writable(module_file):
        return os.path.join(os.path.dirname(os.path.abspath(module_file)), "__pycache__")
    return os.path.join(root or _user_target(), _subpath(module_file))


def _numba_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("numba")
    except Exception:  # pragma: no cover - numba not installed as a distribution
        return None


def cached(module_file: str, functions: tuple[str, ...]) -> bool:
    """Whether numba's cache holds compiled code of every function in ``functions`` (names in
    ``module_file``) for this source and this numba: without importing numba (whose import
    alone costs a few tenths of a second).

    A function's index file (``<module>.<name>-<line>.py<XY>.nbi``) starts with numba's version
    and holds the SHA-256 of the module's source as numba last compiled it; an index from
    another numba or an edited source does not count. The check cannot see whether the
    index's entries were compiled for this CPU (a cache copied from another machine): then
    numba compiles on first use, as without a cache."""
    where = cache_dir(module_file)
    try:
        with open(module_file, "rb") as f:
            stamp = hashlib.sha256(f.read()).digest()
    except OSError:
        return False
    stem = os.path.splitext(os.path.basename(module_file))[0]
    tag = f"py{sys.version_info[0]}{sys.version_info[1]}{getattr(sys, 'abiflags', '')}"
    version = _numba_version()
    for name in functions:
        pattern = os.path.join(glob.escape(where), f"{stem}.{name}-*.{tag}.nbi")
        if not any(_fresh(p, stamp, version) for p in glob.glob(pattern)):
            return False
    return True


def _fresh(index: str, stamp: bytes, version: str | None) -> bool:
    """Whether numba's index file ``index`` was written by numba ``version`` for the source
    whose SHA-256 is ``stamp``. The file is two pickles: the version (a short string, at the
    start) and ``(stamp, entries)``; both are looked for as bytes, nothing is unpickled."""
    try:
        with open(index, "rb") as f:
            data = f.read()
    except OSError:
        return False
    if version is not None and version.encode() not in data[:64]:
        return False
    return stamp in data


def module_loaded(name: str) -> bool:
    """Whether the compiled module ``name`` is loaded in this process, by its ``loaded()``,
    without importing it. A module another thread is still importing is already in
    ``sys.modules`` without ``loaded`` yet: not loaded."""
    loaded = getattr(sys.modules.get(name), "loaded", None)
    return loaded is not None and bool(loaded())
