"""The signal's own random stream: a fixed child of the seed, so reading a demand as a signal
shifts no other draw, and its draws are not the first draws of the seed itself."""

from __future__ import annotations

import numpy as np

from detente.crisis import crisis_forecast
from detente.crisis._signal import SIGNAL_STREAM, signal_stream, ultimatum_signal
from detente.examples import load_example


def test_a_generator_is_not_advanced_by_the_signal() -> None:
    sc = load_example("geneva-2022")
    g = np.random.default_rng(7)
    before = g.bit_generator.state
    ultimatum_signal(sc, rng=g, draws=500)
    assert g.bit_generator.state == before


def test_adding_the_signal_does_not_shift_the_forecast() -> None:
    sc = load_example("geneva-2022")
    g1 = np.random.default_rng(11)
    plain = crisis_forecast(sc, rng=g1, draws=300)
    after1 = g1.random(3)
    g2 = np.random.default_rng(11)
    ultimatum_signal(sc, rng=g2, draws=500)
    with_signal = crisis_forecast(sc, rng=g2, draws=300)
    assert np.array_equal(plain.draws, with_signal.draws)
    assert plain.episode == with_signal.episode
    assert np.array_equal(after1, g2.random(3))


def test_the_stream_is_a_fixed_child_of_the_seed() -> None:
    child = np.random.SeedSequence(5, spawn_key=(SIGNAL_STREAM,))
    want = np.random.default_rng(child).standard_normal(4)
    assert np.array_equal(signal_stream(5).standard_normal(4), want)
    # the same child from the seed or from a generator made from it
    assert np.array_equal(signal_stream(np.random.default_rng(5)).standard_normal(4), want)
    # not the seed's own first draws (which other parts of the model use)
    assert not np.array_equal(np.random.default_rng(5).standard_normal(4), want)
    # a spawned generator keeps its place in the tree
    kid = np.random.default_rng(5).spawn(1)[0]
    assert not np.array_equal(signal_stream(kid).standard_normal(4), want)


def test_same_seed_same_reading_from_a_seed_or_its_generator() -> None:
    sc = load_example("geneva-2022")
    a = ultimatum_signal(sc, rng=3, draws=800)
    b = ultimatum_signal(sc, rng=np.random.default_rng(3), draws=800)
    assert a == b
    c = ultimatum_signal(sc, rng=4, draws=800)
    assert c.demand == a.demand and c.audience_cost == a.audience_cost
