"""One check shared by the crisis revision tests: two crisis forecasts equal draw for draw."""

from __future__ import annotations

from typing import Any

import numpy as np


def assert_same_forecast(a: Any, b: Any) -> None:
    """``a`` and ``b`` (crisis forecasts) give the same episode and the same draws, bit for bit."""
    assert a.episode_model == b.episode_model
    assert a.episode == b.episode
    assert np.array_equal(a.draws, b.draws)
    assert np.array_equal(a.kind, b.kind)
