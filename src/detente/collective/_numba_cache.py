"""Where numba caches the compiled kernels (``_eum_jit``, ``_exchange_jit``)."""

from __future__ import annotations

import os

__all__ = ["ensure_cache_dir"]


def ensure_cache_dir(module_file: str) -> None:
    """Point numba's cache at the user's cache directory (``$XDG_CACHE_HOME/detente/numba``)
    when the directory of ``module_file`` cannot be written, as in a read-only install.

    numba's own fallback is the user cache too; this makes it explicit and testable. A
    ``NUMBA_CACHE_DIR`` already set is left alone; where no directory can be written numba
    compiles without caching.
    """
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    here = os.path.join(os.path.dirname(os.path.abspath(module_file)), "__pycache__")
    probe = here if os.path.isdir(here) else os.path.dirname(here)
    if os.access(probe, os.W_OK):
        return
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    target = os.path.join(base, "detente", "numba")
    try:
        os.makedirs(target, exist_ok=True)
    except OSError:
        return
    if os.access(target, os.W_OK):
        os.environ["NUMBA_CACHE_DIR"] = target
