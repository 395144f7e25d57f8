"""Which engine the exchange model (``choose_engine``) and the EUM kernel (``_use_compiled``)
run on: a small case on numpy without importing numba, the compiled code when it is loaded,
cached or worth compiling, the environment's override; and how numba's disk cache is found
(``_numba_cache``). Both engines give the same results (``test_exchange_jit.py``,
``test_eum_jit.py``): here only the choice is tested."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from detente.collective import _eum_kernel, _numba_cache
from detente.collective import _exchange_engine as eng
from detente.collective._exchange_engine import (
    COMPILE_WORK,
    SMALL_WORK,
    choose_engine,
    exchange_work,
    run_exchange_batch,
)
from detente.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process as on a fresh install: nothing compiled, nothing cached, nothing spent."""
    monkeypatch.delenv("DETENTE_EXCHANGE_ENGINE", raising=False)
    monkeypatch.setattr(eng, "_jit_loaded", lambda: False)
    monkeypatch.setattr(eng, "cached", lambda *a: False)
    monkeypatch.setattr(eng, "_NUMPY_SPENT", [0])


def test_work_is_actor_pairs_times_issue_pairs_times_rounds() -> None:
    assert exchange_work(14, 6, 10) == 14 * 14 * 15 * 10 == 29_400  # Geneva
    assert exchange_work(100, 50, 10) == 122_500_000
    assert exchange_work(5, 1, 10) == 0  # one issue: nothing to exchange


@pytest.mark.usefixtures("fresh")
def test_fresh_process_small_case_numpy_large_case_compiled() -> None:
    assert choose_engine(exchange_work(14, 6, 10)) == "numpy"  # Geneva
    assert choose_engine(exchange_work(15, 13, 10)) == "numpy"  # decide's cop21
    assert choose_engine(exchange_work(30, 30, 10)) == "numpy"  # between the bounds
    assert choose_engine(exchange_work(60, 30, 10)) == "compiled"  # over COMPILE_WORK
    assert choose_engine(exchange_work(100, 50, 10)) == "compiled"  # the 100 x 50 benchmark


@pytest.mark.usefixtures("fresh")
def test_loaded_round_wins_at_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eng, "_jit_loaded", lambda: True)
    assert choose_engine(1) == "compiled"
    assert choose_engine(1, tie_break="random") == "numpy"  # the compiled round has no coin
    assert choose_engine(1, edge_replay=True) == "numpy"


@pytest.mark.usefixtures("fresh")
def test_disk_cache_counts_only_above_the_small_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[object, ...]] = []

    def in_cache(*a: object) -> bool:
        asked.append(a)
        return True

    monkeypatch.setattr(eng, "cached", in_cache)
    assert choose_engine(SMALL_WORK - 1) == "numpy"
    assert asked == []  # a small case does not even look
    assert choose_engine(SMALL_WORK) == "compiled"
    assert asked and asked[0][1] == ("_layout", "_round")


@pytest.mark.usefixtures("fresh")
def test_ski_rental_compiles_once_numpy_work_adds_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs between the bounds go to numpy until the numpy work spent in the process plus the
    next run's reaches COMPILE_WORK; then the compiled round."""
    ran: list[str] = []
    monkeypatch.setattr(eng, "_run_compiled", lambda *a: ran.append("compiled"))
    rng = np.random.default_rng(0)
    n, m = 20, 20
    sc = (rng.uniform(0, 100, (n, m)), rng.uniform(0.05, 1, (n, m)),
          rng.uniform(0.05, 1, (n, m)), np.ones((n, m), bool))
    one = exchange_work(n, m, 1)
    rounds = 14
    assert SMALL_WORK <= one * rounds < COMPILE_WORK
    before = -(-COMPILE_WORK // (one * rounds)) - 1  # with one more run: the budget reached
    eng._NUMPY_SPENT[0] = 0
    for _ in range(2):
        run_exchange_batch([sc], rounds=rounds, tie_break="second", stop_when_stable=True)
    assert ran == [] and eng._NUMPY_SPENT[0] == 2 * one * rounds
    eng._NUMPY_SPENT[0] = before * one * rounds  # as if ``before`` runs had gone to numpy
    assert choose_engine(one * rounds) == "compiled"
    eng._NUMPY_SPENT[0] = (before - 1) * one * rounds
    assert choose_engine(one * rounds) == "numpy"


def test_explicit_engine_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eng, "_jit_loaded", lambda: False)
    monkeypatch.setattr(eng, "cached", lambda *a: False)
    for name in ("numpy", "NumPy "):
        monkeypatch.setenv("DETENTE_EXCHANGE_ENGINE", name)
        assert choose_engine(10**9) == "numpy"
    monkeypatch.setenv("DETENTE_EXCHANGE_ENGINE", "numba")
    assert choose_engine(1) == "compiled"
    monkeypatch.setenv("DETENTE_EXCHANGE_ENGINE", "auto")
    assert choose_engine(1) == "numpy"
    assert choose_engine(1, "compiled") == "compiled"  # an explicit engine wins
    monkeypatch.setenv("DETENTE_EXCHANGE_ENGINE", "jit")
    with pytest.raises(InputError, match="DETENTE_EXCHANGE_ENGINE"):
        choose_engine(1)
    with pytest.raises(ValueError, match="engine"):
        choose_engine(1, "fast")
    with pytest.raises(ValueError, match="random"):
        choose_engine(1, "numba", tie_break="random")


def test_eum_compiles_only_when_loaded_cached_or_worth_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from detente.collective import _eum_jit

    monkeypatch.delenv("DETENTE_EUM_ENGINE", raising=False)
    monkeypatch.setattr(_eum_kernel, "_jit_loaded", lambda: False)
    monkeypatch.setattr(_eum_kernel, "cached", lambda *a: False)
    monkeypatch.setattr(_eum_kernel, "_NUMPY_SPENT", [0])
    cfg = _eum_kernel.EUMSettings()
    use = _eum_kernel._use_compiled
    low, mid = _eum_kernel.COMPILED_MIN_WORK, _eum_kernel.COMPILE_WORK
    assert not use(None, cfg, low - 1)
    assert _eum_kernel._NUMPY_SPENT == [0]  # under the bound: not counted
    assert not use(None, cfg, 8_000_000)  # the report's Monte Carlo run, fresh install: numpy
    assert _eum_kernel._NUMPY_SPENT == [8_000_000]
    assert use(None, cfg, mid - 8_000_000) is _eum_jit.AVAILABLE  # the budget is reached
    assert use(None, cfg, mid) is _eum_jit.AVAILABLE
    assert use("compiled", cfg, 1) is _eum_jit.AVAILABLE
    monkeypatch.setattr(_eum_kernel, "_NUMPY_SPENT", [0])
    monkeypatch.setattr(_eum_kernel, "cached", lambda *a: True)
    assert use(None, cfg, low) is _eum_jit.AVAILABLE
    assert not use(None, cfg, low - 1)
    monkeypatch.setattr(_eum_kernel, "cached", lambda *a: False)
    monkeypatch.setattr(_eum_kernel, "_jit_loaded", lambda: True)
    assert use(None, cfg, low) is _eum_jit.AVAILABLE
    assert Path(_eum_kernel._JIT_FILE) == Path(_eum_jit.__file__).resolve()
    for name in _eum_kernel._JIT_ENTRIES:
        assert hasattr(getattr(_eum_jit, name), "signatures")  # numba dispatchers


def test_entries_are_the_jit_modules() -> None:
    from detente.collective import _exchange_jit as jit

    assert eng._JIT_ENTRIES == jit.ENTRIES
    assert Path(eng._JIT_FILE) == Path(jit.__file__).resolve()
    for name in jit.ENTRIES:
        assert hasattr(getattr(jit, name), "signatures")  # numba dispatchers


_KERNEL = """
import numba

@numba.njit(cache=True)
def twice(x):
    return 2 * x

@numba.njit(cache=True)
def thrice(x):
    return 3 * x
"""


def _compile(module: Path, env: dict[str, str], call: str) -> None:
    subprocess.run([sys.executable, "-c", f"import kern; kern.{call}"], check=True,
                   cwd=module.parent, env=env, timeout=300, capture_output=True)


def test_cache_check_sees_what_numba_wrote(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """numba compiles a toy module into NUMBA_CACHE_DIR; ``cached`` finds it there (and only the
    function that was compiled), and not after the source changes or under another numba."""
    src = tmp_path / "pkg"
    src.mkdir()
    module = src / "kern.py"
    module.write_text(textwrap.dedent(_KERNEL))
    cache = tmp_path / "cache"
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache)}
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(cache))
    where = Path(_numba_cache.cache_dir(str(module)))
    assert not _numba_cache.cached(str(module), ("twice",))
    _compile(module, env, "twice(2)")
    assert sorted(p.name.split("-")[0] for p in where.glob("*.nbi")) == ["kern.twice"]
    assert _numba_cache.cached(str(module), ("twice",))
    assert not _numba_cache.cached(str(module), ("twice", "thrice"))
    monkeypatch.setattr(_numba_cache, "_numba_version", lambda: "0.0.0")
    assert not _numba_cache.cached(str(module), ("twice",))
    monkeypatch.undo()
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(cache))
    module.write_text(textwrap.dedent(_KERNEL) + "# edited\n")
    assert not _numba_cache.cached(str(module), ("twice",))  # stale: numba would recompile


def test_cache_check_in_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without NUMBA_CACHE_DIR numba caches in ``__pycache__`` beside a writable module."""
    module = tmp_path / "kern.py"
    module.write_text(textwrap.dedent(_KERNEL))
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    assert _numba_cache.cache_dir(str(module)) == str(tmp_path / "__pycache__")
    assert not _numba_cache.cached(str(module), ("thrice",))
    _compile(module, env, "thrice(2)")
    assert _numba_cache.cached(str(module), ("thrice",))


def _modules_after(args: list[str], env: dict[str, str]) -> set[str]:
    code = (
        "import sys\n"
        "from detente.cli import main\n"
        f"sys.argv = ['detente', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300, env=env)
    return set(out.stderr.split())


def test_first_forecast_of_a_small_case_compiles_nothing(tmp_path: Path) -> None:
    """Every model on Geneva in a fresh process with an empty numba cache: numba is never
    imported (nothing compiles) and the cache stays empty."""
    cache = tmp_path / "numba"
    cache.mkdir()
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DETENTE_EXCHANGE_ENGINE", None)
    env.pop("DETENTE_EUM_ENGINE", None)
    mods = _modules_after(["forecast", "geneva-2022", "-m", "all", "--seed", "0", "-f", "csv"],
                          env)
    assert "detente.collective._exchange_engine" in mods  # the exchange model ran
    assert "numba" not in mods
    assert not any(cache.iterdir())


def test_bad_engine_setting_is_a_user_error_on_the_command_line() -> None:
    env = {**os.environ, "DETENTE_EXCHANGE_ENGINE": "fast", "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-m", "detente", "forecast", "geneva-2022", "-m",
                          "exchange"], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 2
    assert "DETENTE_EXCHANGE_ENGINE" in out.stderr and "Traceback" not in out.stderr


def test_cache_dir_of_a_read_only_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ``ensure_cache_dir`` sends numba (the user cache), ``cache_dir`` looks, under
    numba's per-directory subpath."""
    module = tmp_path / "ro" / "kern.py"
    monkeypatch.setenv("NUMBA_CACHE_DIR", "")  # restored after the test (ensure_cache_dir sets it)
    monkeypatch.delenv("NUMBA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(_numba_cache, "_in_tree_writable", lambda f: False)
    where = Path(_numba_cache.cache_dir(str(module)))
    assert where.parent == tmp_path / "xdg" / "detente" / "numba"
    assert where.name.startswith("ro_") and len(where.name) == len("ro_") + 40  # SHA-1
    _numba_cache.ensure_cache_dir(str(module))
    assert os.environ["NUMBA_CACHE_DIR"] == str(where.parent)
    assert Path(_numba_cache.cache_dir(str(module))) == where
