"""The compiled exchange round (numba, ``_exchange_jit``) against the numpy round loop: the same
results bit for bit (positions, outcomes, realised exchanges in order, externalities, candidate
counts, ties, knife-edge tests) on random scenarios rich in ties and knife edges; and numba
stays off the import paths that must start fast, and works from a read-only install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.collective._exchange_engine import ExchangeRun, run_exchange_batch, run_exchange_rounds

ROOT = Path(__file__).resolve().parents[2]


def _assert_same(a: ExchangeRun, b: ExchangeRun) -> None:
    for f in ("start_positions", "voting_positions", "start_outcomes", "voting_outcomes",
              "externalities"):
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f), err_msg=f)
    assert a.exchanges == b.exchanges
    for f in ("candidates", "ties", "edge_events", "converged"):
        assert getattr(a, f) == getattr(b, f), f


@st.composite
def _scenario(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    n = draw(st.integers(2, 9))
    m = draw(st.integers(2, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    grid = draw(st.booleans())  # positions on a grid and few salience levels: ties, edges
    pos = (rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], (n, m)) if grid
           else rng.uniform(0, 100, (n, m)))
    sal = rng.choice([0.25, 0.5, 1.0], (n, m)) if grid else rng.uniform(0.05, 1, (n, m))
    power = rng.choice([0.5, 1.0], (n, m)) if grid else rng.uniform(0, 1, (n, m))
    present = rng.random((n, m)) > draw(st.sampled_from([0.0, 0.2]))
    return pos, sal, power, present


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sc=_scenario(),
    tie_break=st.sampled_from(["first", "second"]),
    variant=st.sampled_from(["equal_gain", "random_rate"]),
    edge=st.sampled_from(["pass", "cap"]),
    stop=st.booleans(),
)
def test_compiled_round_equals_numpy_round(
    sc: tuple[np.ndarray, ...], tie_break: str, variant: str, edge: str, stop: bool
) -> None:
    kw = {"rounds": 5, "tie_break": tie_break, "variant": variant, "edge": edge,
          "stop_when_stable": stop}
    a = run_exchange_rounds(*sc, engine="numpy", rng=np.random.default_rng(3), **kw)
    b = run_exchange_rounds(*sc, engine="compiled", rng=np.random.default_rng(3), **kw)
    _assert_same(a, b)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sc=_scenario(),
    want=st.sampled_from([1, 2, 3, 8]),
    tie_break=st.sampled_from(["first", "second"]),
    variant=st.sampled_from(["equal_gain", "random_rate"]),
    edge=st.sampled_from(["pass", "cap"]),
)
def test_compiled_round_with_a_small_heap_equals_numpy_round(
    sc: tuple[np.ndarray, ...], want: int, tie_break: str, variant: str, edge: str
) -> None:
    """The heap takes about ``HEAP_WANT`` exchanges at a time, the rest wait above a
    threshold (``_refill``); with a tiny one the threshold is raised many times a round, and
    the picks, ties and results must not change."""
    from detente.collective import _exchange_jit as jit

    kw = {"rounds": 4, "tie_break": tie_break, "variant": variant, "edge": edge}
    a = run_exchange_rounds(*sc, engine="numpy", rng=np.random.default_rng(5), **kw)
    saved = jit.HEAP_WANT
    jit.HEAP_WANT = want
    try:
        b = run_exchange_rounds(*sc, engine="compiled", rng=np.random.default_rng(5), **kw)
    finally:
        jit.HEAP_WANT = saved
    _assert_same(a, b)


@pytest.mark.parametrize("want", [1, 16, 300])
def test_compiled_batch_with_a_small_heap_equals_numpy_batch(want: int) -> None:
    from detente.collective import _exchange_jit as jit

    rng = np.random.default_rng(12)
    inputs = [(rng.uniform(0, 100, (n, m)), rng.uniform(0.05, 1, (n, m)),
               rng.uniform(0.05, 1, (n, m)), rng.random((n, m)) > 0.1)
              for n, m in ((25, 12), (14, 9))]
    a = run_exchange_batch(inputs, rounds=3, tie_break="second", engine="numpy")
    saved = jit.HEAP_WANT
    jit.HEAP_WANT = want
    try:
        b = run_exchange_batch(inputs, rounds=3, tie_break="second", engine="compiled")
    finally:
        jit.HEAP_WANT = saved
    for x, y in zip(a, b, strict=True):
        _assert_same(x, y)


def test_compiled_batch_equals_numpy_batch_on_a_larger_scenario() -> None:
    rng = np.random.default_rng(11)
    inputs = []
    for n, m in ((25, 12), (12, 9), (3, 2)):
        inputs.append((rng.uniform(0, 100, (n, m)), rng.uniform(0.05, 1, (n, m)),
                       rng.uniform(0.05, 1, (n, m)), rng.random((n, m)) > 0.1))
    a = run_exchange_batch(inputs, rounds=4, tie_break="second", engine="numpy")
    b = run_exchange_batch(inputs, rounds=4, tie_break="second", engine="compiled")
    for x, y in zip(a, b, strict=True):
        _assert_same(x, y)
    assert sum(a[0].candidates) > 5000  # the heap is rebuilt on the way (many dead entries)


def test_compiled_engine_refuses_what_it_does_not_do() -> None:
    x = np.array([[0.0, 100.0], [100.0, 0.0]])
    ones = np.ones((2, 2))
    with pytest.raises(ValueError):
        run_exchange_rounds(x, ones, ones, ones > 0, tie_break="random", engine="compiled")
    with pytest.raises(ValueError):
        run_exchange_rounds(x, ones, ones, ones > 0, engine="jit")


def _imports(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )
    return set(out.stdout.split())


def test_numba_is_not_imported_by_import_detente_nor_the_eum() -> None:
    assert "numba" not in _imports("import detente, detente.collective")
    deu = ROOT / ".." / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"
    if not deu.is_file():
        pytest.skip("DEU III not found beside the checkout")
    mods = _imports(
        "from detente.collective import evaluate\n"
        "from detente.scenario import read_deu\n"
        f"evaluate(read_deu({str(deu)!r}), 'eum')\n"
    )
    assert "detente.collective._eum_kernel" in mods
    assert "numba" not in mods


def test_read_only_install_still_runs(tmp_path: Path) -> None:
    """The module alone in a read-only directory: numba caches in the user's cache directory
    (XDG_CACHE_HOME) instead of beside the module, and the round runs."""
    pkg = tmp_path / "ro"
    pkg.mkdir()
    shutil.copy(ROOT / "src" / "detente" / "collective" / "_exchange_jit.py", pkg / "xjit.py")
    pkg.chmod(0o555)
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(cache)
    code = (
        # as root permissions do not bind: make os.access report the directory read-only
        "import os\n"
        "_access = os.access\n"
        f"os.access = lambda p, m: False if str(p).startswith({str(pkg)!r}) else _access(p, m)\n"
        "import numpy as np, xjit\n"
        "x = np.array([[0., 100.], [100., 0.], [40., 60.]])\n"
        "ex = xjit.enumerate_exchanges(x, np.ones((3, 2)), np.ones((3, 2), bool),"
        " np.array([50., 50.]))\n"
        "print(ex.shape[0], os.environ.get('NUMBA_CACHE_DIR'))\n"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True, cwd=pkg, env=env, timeout=600)
    finally:
        pkg.chmod(0o755)
    count, where = out.stdout.split()
    assert int(count) == 2  # actors 0 and 2 (left on p only) with actor 1 (left on q only)
    assert where == str(cache / "detente" / "numba")
    assert any(cache.rglob("*.nbi"))  # the compiled functions were cached there


@settings(max_examples=60, deadline=None)
@given(sc=_scenario())
def test_layout_decodes_to_the_listed_exchanges(sc: tuple[np.ndarray, ...]) -> None:
    """The per-pair groups of the compiled round give exchange e the same (I, J, p, q) as the
    explicit list in decide's order (``enumerate_exchanges``)."""
    from detente.collective import _exchange_jit as jit

    pos, sal, power, present = sc
    w = np.where(present, sal * power, 0.0)
    denom = w.sum(axis=0)
    nbs = np.where(denom > 0, (np.where(present, pos, 0.0) * w).sum(axis=0)
                   / np.where(denom > 0, denom, 1.0), 0.0)
    rows = jit.enumerate_exchanges(pos, sal, present, nbs)
    lay = jit.layout(pos, sal, present, nbs)
    assert int(lay[3][-1]) == rows.shape[0]
    got = [jit.decode(e, lay, sal) for e in range(rows.shape[0])]
    assert got == [tuple(int(v) for v in r) for r in rows]


@pytest.mark.parametrize("edge", ["pass", "cap"])
def test_compiled_equals_numpy_on_a_larger_grid_scenario(edge: str) -> None:
    """Positions on a grid and few salience levels, 24 actors × 7 issues: knife edges and
    ties over hundreds of steps, where the compiled round skips the recalculation of exchanges
    touched on a demand side only unless a knife edge was met at their last calculation or is
    met now, and orders the changed keys by insertion sort when few: the same results bit for
    bit as the numpy round, which recalculates every touched exchange."""
    rng = np.random.default_rng(21)
    n, m = 24, 7
    pos = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], (n, m))
    sal = rng.choice([0.25, 0.5, 1.0], (n, m))
    power = rng.choice([0.5, 1.0], (n, m))
    present = rng.random((n, m)) > 0.1
    kw = {"rounds": 4, "tie_break": "second", "edge": edge}
    a = run_exchange_rounds(pos, sal, power, present, engine="numpy", **kw)
    b = run_exchange_rounds(pos, sal, power, present, engine="compiled", **kw)
    _assert_same(a, b)
    assert a.edge_events > 0 and a.ties > 0  # the scenario does meet knife edges and ties
    assert sum(a.realised) > 200


def test_records_and_externalities_are_built_on_first_access() -> None:
    """The forecast's outcomes do not build the realised-exchange records nor the
    externalities; reading them gives what the round computed, and the diagnostics keep their
    keys in their order."""
    from detente.collective import forecast
    from detente.scenario import Actor, Issue, Scenario, Stance

    rng = np.random.default_rng(4)
    actors = [f"a{i}" for i in range(6)]
    issues = ["p", "q", "r"]
    sc = Scenario(
        name="lazy", actors=tuple(Actor(id=a) for a in actors),
        issues=tuple(Issue(id=i) for i in issues),
        stances=tuple(Stance(actor=a, issue=i, position=float(rng.uniform(0, 100)),
                             salience=float(rng.uniform(0.1, 1))) for a in actors for i in issues),
    )
    fc = forecast(sc, "exchange", rounds=3)
    assert "not built" in repr(fc.diagnostics)
    assert list(fc.diagnostics) == [
        "start_outcomes", "voting_outcomes", "start_positions", "voting_positions",
        "externalities", "candidates", "realised", "ties", "edge_events", "converged",
        "exchanges"]
    c = sc.compile()
    run = run_exchange_rounds(c.position * 100.0, c.salience, np.where(c.present, c.capability,
                              0.0), c.present, rounds=3, stop_when_stable=True)
    assert not run.exchanges.built  # type: ignore[attr-defined]
    assert run.realised == [len(r) for r in run.exchanges] == fc.diagnostics["realised"]
    ext = fc.diagnostics["externalities"]
    assert ext == {a: run.externalities[:, i].tolist()  # type: ignore[index]
                   for i, a in enumerate(actors)}
    assert len(fc.diagnostics["exchanges"]) == sum(run.realised) > 0
