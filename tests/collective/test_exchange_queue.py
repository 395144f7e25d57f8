"""The exchange model's incremental list against decide's rule as written: sort the whole
remaining list by key (stably) before every pick; at a tie the first or the second; the second
taken sends the first to the end of the list; keys of some exchanges change between picks."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.collective._exchange_engine import _Queue, _rekey


@dataclass
class _FakeRound:
    alive: np.ndarray
    valid: np.ndarray
    seq: np.ndarray
    scen: np.ndarray


@dataclass
class _FakeScenario:
    rng: np.random.Generator
    ties: int = 0
    log: list[int] = field(default_factory=list)


def _naive_pick(perm: list[int], key: np.ndarray, alive: np.ndarray, valid: np.ndarray,
                take_second: bool, sc: _FakeScenario) -> tuple[int | None, list[int]]:
    perm = [e for e in perm if alive[e]]
    while perm:
        perm = sorted(perm, key=lambda e: key[e])  # Python's sort is stable
        top = perm[0]
        if len(perm) > 1 and key[perm[0]] == key[perm[1]]:
            sc.ties += 1
            if take_second:
                top = perm[1]
                perm = perm[2:] + perm[:1]
            else:
                perm = perm[1:]
        else:
            perm = perm[1:]
        alive[top] = False
        if valid[top]:
            return top, perm
    return None, perm


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 40),
    seed=st.integers(0, 2**32 - 1),
    levels=st.integers(1, 6),
    tie_break=st.sampled_from(["first", "second"]),
)
def test_queue_picks_as_decide_sorts(n: int, seed: int, levels: int, tie_break: str) -> None:
    rng = np.random.default_rng(seed)
    key = -rng.integers(0, levels, n).astype(float)  # few levels: many ties
    valid = rng.random(n) > 0.2
    # the naive list
    alive_a = np.ones(n, dtype=bool)
    perm = list(range(n))
    sc_a = _FakeScenario(np.random.default_rng(0))
    # the queue
    fake = _FakeRound(np.ones(n, dtype=bool), valid.copy(), np.arange(n, dtype=np.int64),
                      np.zeros(n, dtype=np.int64))
    nrk = key.copy()
    q = _Queue(0, n, nrk)
    sc_b = _FakeScenario(np.random.default_rng(0))
    for _ in range(n + 2):
        top_a, perm = _naive_pick(perm, key, alive_a, valid, tie_break == "second", sc_a)
        top_b = q.pick(fake, sc_b, nrk, tie_break)  # type: ignore[arg-type]
        assert top_a == top_b
        assert sc_a.ties == sc_b.ties
        if top_a is None:
            break
        # a realisation: some exchanges in play change key, some stop paying
        touched = rng.choice(n, size=min(n, int(rng.integers(0, 6))), replace=False)
        touched = touched[alive_a[touched]]
        old = nrk.take(touched)
        new_keys = -rng.integers(0, levels, touched.size).astype(float)
        key[touched] = new_keys
        nrk[touched] = new_keys
        still = rng.random(touched.size) > 0.2
        alive_a[touched] &= still
        fake.alive[touched] &= still
        fake.valid[touched] = valid[touched] = valid[touched] | still
        if touched.size:
            _rekey(fake, [q], touched, old, nrk)  # type: ignore[arg-type]
    np.testing.assert_array_equal(alive_a, fake.alive)
