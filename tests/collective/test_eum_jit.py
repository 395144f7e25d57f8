"""The compiled EUM rounds (numba, ``_eum_jit``) against the numpy kernel: the same trace bit for
bit (positions, medians, means, risk exponents, security levels, accepted offers and their
relations, stopping rounds, every pairwise diagnostic) on random issues rich in ties, identical
actors, absent actors and zero salience or capability, over random settings; the dispatch rule
(``engine``, ``DETENTE_EUM_ENGINE``, the work threshold, ``risk='bdm'`` on numpy); and numba
stays off the paths that must start fast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.collective import _eum_kernel
from detente.collective._eum_kernel import (
    ACCEPT,
    COMPILED_MIN_WORK,
    COMPROMISE,
    PERCEPTION,
    PROBABILITY,
    VARIANTS,
    EUMSettings,
    EUMTrace,
    eum_final,
    eum_kernel,
)
from detente.errors import InputError
from detente.examples import _synthetic_eum_issue

ROOT = Path(__file__).resolve().parents[2]
DEU = ROOT / ".." / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"

FIELDS = ("positions", "median", "mean", "risk", "security", "accepted", "accepted_relation",
          "stopped", "member", "slot")
PAIRS = ("relation", "eu_own", "eu_other", "probability", "offer")

jit = pytest.importorskip("detente.collective._eum_jit")
if not jit.AVAILABLE:  # pragma: no cover - numpy's power loop not found: numpy path only
    pytest.skip("the compiled EUM path is not available here", allow_module_level=True)


def _assert_same(a: EUMTrace, b: EUMTrace) -> None:
    for f in FIELDS:
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f), err_msg=f, strict=True)
    for name in PAIRS:
        pa, pb = a.pairwise(name), b.pairwise(name)
        assert (pa is None) == (pb is None), name
        if pa is not None:
            np.testing.assert_array_equal(pa, pb, err_msg=name, strict=True)


@st.composite
def _issues(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    """``(B, n)`` rows: positions on a coarse grid (ties, voters at midpoints) or anywhere in
    [0, 1], a few salience and capability levels (zero included), some actors absent, some
    rows with copies of an actor (identical actors)."""
    b = draw(st.integers(1, 6))
    n = draw(st.integers(1, 9))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        pos = rng.choice([0.0, 0.25, 0.5, 0.75, 1.0], (b, n))
    else:
        pos = rng.uniform(0.0, 1.0, (b, n))
    if draw(st.booleans()):
        sal = rng.choice([0.0, 0.5, 1.0], (b, n))
        cap = rng.choice([0.0, 1.0, 3.0], (b, n))
    else:
        sal = rng.uniform(0.0, 1.0, (b, n))
        cap = rng.uniform(0.0, 10.0, (b, n))
    present = rng.uniform(size=(b, n)) > draw(st.sampled_from([0.0, 0.2, 0.5]))
    if n >= 3 and draw(st.booleans()):  # identical actors: actor 0 copied
        k = rng.integers(1, n)
        for arr in (pos, sal, cap, present):
            arr[:, k] = arr[:, 0]
    return pos, cap, sal, present


@st.composite
def _settings(draw: st.DrawFn) -> EUMSettings:
    base = EUMSettings().with_(**VARIANTS[draw(st.sampled_from(sorted(VARIANTS)))])
    changes: dict[str, object] = {"rounds": draw(st.integers(0, 6))}
    if draw(st.booleans()):
        changes.update(
            probability=draw(st.sampled_from(PROBABILITY)),
            vote_risk=draw(st.booleans()),
            perception=draw(st.sampled_from(PERCEPTION)),
            accept=draw(st.sampled_from(ACCEPT)),
            compromise=draw(st.sampled_from(COMPROMISE)),
            capitulation=draw(st.booleans()),
            risk=draw(st.sampled_from(["security", "neutral"])),
            risk_update=draw(st.sampled_from(["every_round", "first_round"])),
            distance=draw(st.sampled_from(["positions", "issue"])),
        )
    if draw(st.booleans()):
        changes["q"] = draw(st.sampled_from([0.0, 0.5, 0.9]))
        changes["t"] = draw(st.sampled_from([0.0, 0.3, 1.0, "eftekhari"]))
    if draw(st.booleans()):
        changes["tolerance"] = draw(st.sampled_from([1e-9, 1e-3, 0.05]))
    return base.with_(**changes)


@pytest.mark.filterwarnings("error::RuntimeWarning")  # no silent NaN / ∞ − ∞ on the way
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_issues(), cfg=_settings(), merge=st.booleans(), record=st.booleans())
def test_compiled_rounds_equal_numpy_bit_for_bit(
    rows: tuple[np.ndarray, ...], cfg: EUMSettings, merge: bool, record: bool
) -> None:
    kw = {"merge": merge, "record_pairs": record, "threads": 1}
    _assert_same(eum_kernel(*rows, cfg, engine="numpy", **kw),
                 eum_kernel(*rows, cfg, engine="compiled", **kw))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_issues(), cfg=_settings(), threads=st.integers(2, 5), record=st.booleans())
def test_compiled_rounds_on_threads_equal_numpy_on_one_thread(
    rows: tuple[np.ndarray, ...], cfg: EUMSettings, threads: int, record: bool
) -> None:
    """The compiled path splits each round's rows over its threads: the numbers of the numpy
    kernel on one thread, whatever the number of threads (the rows repeated, shifted, so that
    every thread gets pieces of every round)."""
    rows = tuple(np.concatenate([a] * 16) for a in rows)
    rows = (rows[0] + np.repeat(np.arange(16) / 64, len(rows[0]) // 16)[:, None], *rows[1:])
    _assert_same(eum_kernel(*rows, cfg, engine="numpy", threads=1, record_pairs=record),
                 eum_kernel(*rows, cfg, engine="compiled", threads=threads,
                            record_pairs=record))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_many_rows_on_threads_equal_one_thread(variant: str) -> None:
    """Enough rows that every thread gets a share in every round (rows stopping early
    included): 1, 2 and 3 threads give the numpy kernel's numbers bit for bit."""
    pos, cap, sal, present = _random_rows(90, 12, 11)
    pos[::3] = np.round(pos[::3] * 4) / 4  # ties and voters at midpoints
    cfg = EUMSettings(rounds=6, tolerance=1e-3).with_(**VARIANTS[variant])
    ref = eum_kernel(pos, cap, sal, present, cfg, engine="numpy", threads=1)
    for threads in (1, 2, 3):
        _assert_same(ref, eum_kernel(pos, cap, sal, present, cfg, engine="compiled",
                                     threads=threads))


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("risk", ["security", "bdm", "neutral"])
@pytest.mark.parametrize("engine", ["numpy", "compiled"])
def test_row_without_present_actor(risk: str, engine: str) -> None:
    """A row in which no actor is present (or every one has zero weight) beside ordinary
    rows: no floating-point warning (the security levels' spread used to form ∞ − ∞ there),
    risk exponents 1, no forecast (NaN median and mean), and the other rows as run alone."""
    pos = np.array([[0.2, 0.5, 0.9, 0.4], [0.1, 0.3, 0.4, 0.8], [0.3, 0.6, 0.1, 0.7]])
    cap = np.array([[1.0, 2.0, 3.0, 1.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])
    sal = np.full((3, 4), 0.5)
    present = np.array([[True] * 4, [False] * 4, [True] * 4])
    cfg = EUMSettings(rounds=3, risk=risk)
    tr = eum_kernel(pos, cap, sal, present, cfg, engine=engine)
    for b in (1, 2):
        assert np.isnan(tr.median[:, b]).all() and np.isnan(tr.mean[:, b]).all()
    np.testing.assert_array_equal(tr.risk[:, 1], 1.0)
    one = eum_kernel(pos[:1], cap[:1], sal[:1], present[:1], cfg, engine=engine)
    np.testing.assert_array_equal(tr.positions[:, 0], one.positions[:, 0])
    np.testing.assert_array_equal(tr.risk[:, 0], one.risk[:, 0])


def _random_rows(b: int, n: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return (rng.uniform(0, 1, (b, n)), rng.uniform(1, 10, (b, n)), rng.uniform(0, 1, (b, n)),
            rng.uniform(size=(b, n)) > 0.1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.sampled_from([7, 8, 9, 15, 16, 17, 24, 30, 31, 32, 33, 47, 48, 49]),
       seed=st.integers(0, 2**32 - 1), grid=st.booleans())
def test_counted_cuts_at_every_vector_width(n: int, seed: int, grid: bool) -> None:
    """The voters below each midpoint are counted over the positions padded with +inf to
    whole vectors (up to 48 actors): widths on either side of a multiple of 8, and positions
    on a coarse grid (voters exactly at midpoints), give the numpy kernel's numbers."""
    rng = np.random.default_rng(seed)
    b = 3
    pos = rng.integers(0, 6, (b, n)) / 5.0 if grid else rng.uniform(0, 1, (b, n))
    cap = rng.uniform(0.1, 1.0, (b, n))
    sal = rng.uniform(0.1, 1.0, (b, n))
    present = np.ones((b, n), dtype=bool)
    cfg = EUMSettings(rounds=4)
    _assert_same(eum_kernel(pos, cap, sal, present, cfg, engine="numpy", merge=False),
                 eum_kernel(pos, cap, sal, present, cfg, engine="compiled", merge=False,
                            threads=1))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.sampled_from([12, 30, 49, 60]), spots=st.integers(1, 6),
       seed=st.integers(0, 2**32 - 1), cfg=_settings())
def test_actors_sharing_positions(n: int, spots: int, seed: int, cfg: EUMSettings) -> None:
    """The compiled rounds compute tallies, probabilities and powers once per distinct
    position: many actors at a few positions (each with its own salience and capability, so
    none merge), some absent, give the numpy kernel's numbers, with the cuts counted (up to 48
    actors) or swept (more)."""
    rng = np.random.default_rng(seed)
    b = 3
    pos = rng.choice(rng.uniform(0, 1, spots), (b, n))
    cap = rng.uniform(0.1, 1.0, (b, n))
    sal = rng.uniform(0.1, 1.0, (b, n))
    present = rng.uniform(size=(b, n)) > 0.1
    _assert_same(eum_kernel(pos, cap, sal, present, cfg, engine="numpy", merge=False),
                 eum_kernel(pos, cap, sal, present, cfg, engine="compiled", merge=False,
                            threads=1))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_issues(), cfg=_settings(), engine=st.sampled_from(["numpy", "compiled"]))
def test_final_outcomes_equal_the_trace(
    rows: tuple[np.ndarray, ...], cfg: EUMSettings, engine: str
) -> None:
    """``eum_final`` (no trace of the rounds, the mean of the last round only) gives the last
    round of ``eum_kernel``'s trace bit for bit (rows repeated: some run together)."""
    rows = tuple(np.concatenate([a] * 3) for a in rows)
    trace = eum_kernel(*rows, cfg, engine=engine, record_pairs=False)
    mean, median = eum_final(*rows, cfg, engine=engine)
    np.testing.assert_array_equal(mean, trace.mean[-1], strict=True)
    np.testing.assert_array_equal(median, trace.median[-1], strict=True)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_wide_rows_and_many_actors(variant: str) -> None:
    """Rows of 40 actors (pairwise sums over more than 128 terms for ``scholz_code``), and rows
    of different widths run together."""
    cfg = EUMSettings(rounds=8).with_(**VARIANTS[variant])
    pos, cap, sal, present = _random_rows(12, 40, 7)
    present[:6, 20:] = False  # narrower rows: several width groups
    _assert_same(eum_kernel(pos, cap, sal, present, cfg, engine="numpy"),
                 eum_kernel(pos, cap, sal, present, cfg, engine="compiled", threads=1))


def test_deu3_full_diagnostics_equal() -> None:
    if not DEU.is_file():
        pytest.skip("DEU III not found beside the checkout")
    from detente.collective._eum import _rows
    from detente.scenario import read_deu

    cases = read_deu(DEU).scored().cases
    pos, cap, sal, present, _ = _rows([c.scenario.compile() for c in cases])
    for cfg in (EUMSettings(), EUMSettings().with_(**VARIANTS["scholz_code"])):
        _assert_same(eum_kernel(pos, cap, sal, present, cfg, engine="numpy"),
                     eum_kernel(pos, cap, sal, present, cfg, engine="compiled", threads=1))


def test_power_loop_is_numpys() -> None:
    """The compiled path's powers come from numpy's own loop (which may differ from the C
    library's ``pow`` in the last bit): checked on values unlike the import-time sample."""
    rng = np.random.default_rng(3)
    base = rng.uniform(0.0, 1.0, 10_001)
    expo = rng.uniform(0.5, 2.0, 10_001)
    out = np.empty_like(base)
    meta = np.empty(7, np.int64)
    jit._power(base, expo, out, base.size, meta, jit._POW_DATA)
    np.testing.assert_array_equal(out, np.power(base, expo))


def test_voter_order_is_numpys_stable_argsort() -> None:
    """The compiled rounds order the voters by an insertion sort into scratch: the permutation
    of numpy's stable argsort, ties, signed zeros, infinities and NaN included."""
    rng = np.random.default_rng(6)
    odd = np.array([0.0, -0.0, 1.0, 2.5, np.nan, -np.inf, np.inf, 5e-324, -1.0])
    for t in range(600):
        n = int(rng.integers(1, 70))
        if t % 2:
            v = rng.choice(odd, n)
        else:
            v = np.round(rng.uniform(-3, 3, n), int(rng.integers(0, 3)))
        out = np.empty(n, np.int64)
        jit._stable_order(v, out)
        np.testing.assert_array_equal(out, np.argsort(v, kind="stable"))


def test_pairwise_sum_is_numpys() -> None:
    rng = np.random.default_rng(4)
    for n in (0, 1, 7, 8, 9, 127, 128, 129, 300, 1000, 5000):
        a = rng.uniform(0, 1, n) * rng.choice([1e-6, 1.0, 1e6], n)
        assert jit._pairwise_sum(a, 0, n) == a.sum()


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    numpy_rows, compiled_rows = _eum_kernel._eum_rows, _eum_kernel._eum_rows_compiled

    def on_numpy(*a: object, **kw: object) -> None:
        calls.append("numpy")
        numpy_rows(*a, **kw)  # type: ignore[arg-type]

    def on_compiled(*a: object, **kw: object) -> None:
        calls.append("compiled")
        compiled_rows(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_eum_kernel, "_eum_rows", on_numpy)
    monkeypatch.setattr(_eum_kernel, "_eum_rows_compiled", on_compiled)
    return calls


def test_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy(monkeypatch)
    monkeypatch.delenv("DETENTE_EUM_ENGINE", raising=False)
    small = _random_rows(3, 5, 1)
    eum_kernel(*small)  # auto, little work: numpy
    assert set(calls) == {"numpy"}
    calls.clear()
    eum_kernel(*small, engine="compiled")
    assert set(calls) == {"compiled"}
    calls.clear()
    eum_kernel(*small, EUMSettings(risk="bdm"), engine="compiled")  # not covered: numpy
    assert set(calls) == {"numpy"}
    calls.clear()
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "compiled")
    eum_kernel(*small)
    assert set(calls) == {"compiled"}
    calls.clear()
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "numpy")
    big = _random_rows(2 * COMPILED_MIN_WORK // (10 * 30 * 30), 30, 2)
    eum_kernel(*big, record_pairs=False)
    assert set(calls) == {"numpy"}
    calls.clear()
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "auto")
    eum_kernel(*big, record_pairs=False)  # auto, work over the threshold: compiled
    assert set(calls) == {"compiled"}
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "jit")
    with pytest.raises(InputError, match="engine"):
        eum_kernel(*small)
    with pytest.raises(InputError, match="engine"):
        eum_kernel(*small, engine="fast")


def test_monte_carlo_batch_runs_compiled_and_matches_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from detente.collective import _eum_jit
    from detente.uncertainty import simulate

    _eum_jit.ready()  # compiled rounds loaded, as after a first run (else auto may run numpy)
    sc = _synthetic_eum_issue(30)
    monkeypatch.setenv("DETENTE_EUM_ENGINE", "numpy")
    ref = simulate(sc, "eum", 700, seed=5)
    monkeypatch.delenv("DETENTE_EUM_ENGINE")
    calls = _spy(monkeypatch)
    got = simulate(sc, "eum", 700, seed=5)
    assert "compiled" in calls
    assert got.numbers() == ref.numbers()
    # every draw's forecast, bit for bit (the benchmark's issue, pinned against numpy)
    np.testing.assert_array_equal(got.summary("eum").draws, ref.summary("eum").draws)


def _imports(code: str, **env: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
        check=True, capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env},
    )
    return set(out.stdout.split())


def test_numba_stays_off_small_runs() -> None:
    """A forecast of one issue (auto: numpy) never imports numba; forcing the engine does."""
    code = (
        "import numpy as np\n"
        "from detente.collective._eum_kernel import eum_kernel\n"
        "r = np.random.default_rng(0)\n"
        "eum_kernel(r.uniform(size=(4, 12)), np.ones((4, 12)), r.uniform(size=(4, 12)),"
        " np.ones((4, 12), bool))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_EUM_ENGINE"}
    out = subprocess.run(
        [sys.executable, "-c", code + "import sys; print('numba' in sys.modules)"],
        check=True, capture_output=True, text=True, cwd=ROOT, env=env,
    )
    assert out.stdout.split()[-1] == "False"
    assert "numba" in _imports(code, DETENTE_EUM_ENGINE="compiled")


@pytest.mark.parametrize("engine", ["numpy", "compiled"])
def test_rows_at_different_levels_run_as_alone(engine: str) -> None:
    """Positions on any common unit, each row at its own level (not all within [0, 1]): every
    row gives what it gives run alone (the rows' midpoints are searched in one sorted array,
    whose offsets must keep the rows apart)."""
    pos, cap, sal, present = _random_rows(6, 8, 1)
    pos = pos + np.array([50.0, 0.0, 30.0, 0.0, 80.0, 10.0])[:, None]
    cfg = EUMSettings(rounds=6)
    both = eum_kernel(pos, cap, sal, present, cfg, engine=engine, threads=1)
    for b in range(pos.shape[0]):
        one = eum_kernel(pos[b : b + 1], cap[b : b + 1], sal[b : b + 1], present[b : b + 1],
                         cfg, engine=engine)
        np.testing.assert_array_equal(both.positions[:, b], one.positions[:, 0])
        np.testing.assert_array_equal(both.median[:, b], one.median[:, 0])


def test_mirrored_cuts_where_rounding_splits_a_midpoint() -> None:
    """The compiled rounds count the voters below ``(x_i + off) + x_j`` for ``i ≤ j`` only and
    step from that count to ``j``'s against ``i``, ``(x_j + off) + x_i``: the same sum but for
    rounding, which the row offsets ``off`` (rows kept apart as in the numpy kernel's one
    sorted array) make differ. Voters placed exactly at midpoints of other actors, in many
    rows, put a voter between the two sums (checked below on the first round's offsets), and
    the traces still equal the numpy kernel's bit for bit."""
    rng = np.random.default_rng(11)
    b, n = 300, 10
    pos = rng.uniform(0.0, 1.0, (b, n))
    for k in range(5, n):  # actors 5.. sit at midpoints of pairs of actors 0..4
        i, j = rng.choice(5, 2, replace=False)
        pos[:, k] = (pos[:, i] + pos[:, j]) / 2.0
    cap = rng.uniform(1.0, 10.0, (b, n))
    sal = rng.uniform(0.2, 1.0, (b, n))
    present = np.ones((b, n), dtype=bool)
    # the first round's sums as the numpy kernel forms them (_geometry): a voter between
    # (x_i + off) + x_j and (x_j + off) + x_i occurs
    xs = np.sort(pos, axis=1)
    span = float((xs[:, -1] - xs[:, 0]).max()) + 1.0
    off = (4.0 * span) * np.arange(b)
    twice = 2.0 * xs + off[:, None]
    v = (pos[:, :, None] + off[:, None, None]) + pos[:, None, :]
    below = (twice[:, None, None, :] < v[..., None]).sum(axis=-1)
    assert (below != np.swapaxes(below, 1, 2)).any()
    cfg = EUMSettings(rounds=3)
    _assert_same(eum_kernel(pos, cap, sal, present, cfg, engine="numpy", merge=False),
                 eum_kernel(pos, cap, sal, present, cfg, engine="compiled", merge=False,
                            threads=1))


@settings(max_examples=60, deadline=None)
@given(b=st.integers(1, 5), n=st.integers(1, 12), seed=st.integers(0, 2**32 - 1),
       grid=st.booleans())
def test_merge_shortcut_equals_the_grouping(b: int, n: int, seed: int, grid: bool) -> None:
    """Rows of present actors at distinct positions skip the grouping's sort: the same
    members, representatives and multiplicities as the grouping (which rows with a shared
    position, on the grid, still take)."""
    rng = np.random.default_rng(seed)
    pos = rng.integers(0, 4, (b, n)) / 3.0 if grid else rng.uniform(0, 1, (b, n))
    cap = rng.choice([1.0, 2.0], (b, n))
    sal = rng.choice([0.5, 1.0], (b, n))
    present = np.ones((b, n), dtype=bool)
    got = _eum_kernel.merge_identical(pos, cap, sal, present)
    want = _eum_kernel._merge_groups(pos, cap, sal, present)
    for g, w in zip(got, want, strict=True):
        np.testing.assert_array_equal(g, w, strict=True)
