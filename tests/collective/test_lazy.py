"""Results built on first access: the EUM's explanation and pairwise diagnostics."""

from __future__ import annotations

import numpy as np
import pytest

from detente.collective import forecast
from detente.collective._eum import PAIRS_AUTO_LIMIT
from detente.collective._lazy import LazyMapping, LazyTuple
from detente.examples import load_example
from detente.scenario import Actor, Issue, Scenario, Stance


def test_lazy_tuple_builds_once_and_behaves_as_a_tuple() -> None:
    calls = []

    def make() -> list[str]:
        calls.append(1)
        return ["a", "b"]

    t = LazyTuple(make)
    assert not t.built
    assert len(t) == 2 and list(t) == ["a", "b"] and t[1] == "b" and t[:1] == ("a",)
    assert t == ("a", "b") and t.built and calls == [1]


def test_lazy_mapping_builds_each_value_once() -> None:
    calls: list[str] = []
    m = LazyMapping({"x": 1}, {"y": lambda: calls.append("y") or 2})
    assert set(m) == {"x", "y"} and len(m) == 2 and "y" in m and calls == []
    assert m["y"] == 2 and m["y"] == 2 and calls == ["y"]
    assert dict(m) == {"x": 1, "y": 2}
    with pytest.raises(KeyError):
        m["z"]
    with pytest.raises(ValueError, match="both ready and lazy"):
        LazyMapping({"x": 1}, {"x": lambda: 2})


def test_eum_explanation_and_pairs_are_built_only_when_read() -> None:
    sc = load_example("geneva-2022")
    lazy = forecast(sc, "eum")
    assert isinstance(lazy.explanation, LazyTuple) and not lazy.explanation.built
    assert not lazy.notes  # small scenario: pairs kept (auto)
    relation = lazy.diagnostics["relation"]
    eager = forecast(sc, "eum", pairs=True)
    np.testing.assert_array_equal(relation, eager.diagnostics["relation"])
    for name in ("eu_own", "eu_other", "probability", "offer"):
        np.testing.assert_array_equal(lazy.diagnostics[name], eager.diagnostics[name])
    assert list(lazy.explanation) == list(eager.explanation)
    assert any("Issue" in line for line in lazy.explanation)


def _wide(n: int) -> Scenario:
    rng = np.random.default_rng(1)
    actors = tuple(Actor(id=f"A{k}", capability=float(c))
                   for k, c in enumerate(rng.uniform(1, 10, n)))
    stances = tuple(Stance(actor=a.id, issue="x", position=float(p), salience=float(s))
                    for a, p, s in zip(actors, rng.uniform(0, 100, n), rng.uniform(10, 100, n),
                                       strict=True))
    return Scenario(actors=actors, issues=(Issue(id="x"),), stances=stances)


def test_pairs_auto_declines_above_the_limit_and_says_so() -> None:
    n = int(np.sqrt(PAIRS_AUTO_LIMIT / 10)) + 5  # 10 rounds × 1 issue × n² just above
    fc = forecast(_wide(n), "eum", rounds=10)
    assert "relation" not in fc.diagnostics
    assert any("pairwise diagnostics not kept" in note for note in fc.notes)
    kept = forecast(_wide(n), "eum", rounds=10, pairs=True)
    assert kept.diagnostics["relation"].shape == (10, n, n, 1)
    np.testing.assert_array_equal(fc.outcomes, kept.outcomes)
    small = forecast(_wide(20), "eum", rounds=10)
    assert "relation" in small.diagnostics and not small.notes


def test_eum_pairwise_arrays_come_from_a_second_run_only_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The forecast runs the kernel without pairwise arrays; the first read of one runs it
    once more with them (then never again), and that run's trajectory is the forecast's."""
    from detente.collective import _eum

    calls: list[bool] = []
    real = _eum.eum_kernel

    def counting(*args: object, **kw: object) -> object:
        calls.append(bool(kw.get("record_pairs")))
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_eum, "eum_kernel", counting)
    fcs = _eum.eum_batch([load_example("geneva-2022"), _wide(12)])
    assert calls == [False]
    rel = [fc.diagnostics["relation"] for fc in fcs]
    _ = [fc.diagnostics["eu_own"] for fc in fcs]
    assert calls == [False, True]
    assert rel[1].shape == (10, 12, 12, 1)
    paired = real(*_eum._rows([_wide(12).compile()])[:4], _eum.eum_settings()[0],
                  record_pairs=True)
    np.testing.assert_array_equal(paired.positions[:, 0, :12].T,
                                  (fcs[1].trajectory[:, :, 0].T - 0.0) / 100.0)
