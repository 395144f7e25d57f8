"""The exchange model on DEU III, each proposal one multi-issue negotiation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.collective import evaluate, forecast
from detente.scenario import read_deu

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEU = SHARED / "reference" / "cases" / "deu3" / "deu3.csv"

pytestmark = pytest.mark.skipif(not DEU.exists(), reason=f"DEU III not found at {DEU}")


def test_even_proposals_figure() -> None:
    """The figure the README reports (odd/even protocol: defaults, nothing tuned on this data)."""
    even = read_deu(DEU).subset("even").by_group()
    ev = evaluate(even, "exchange")
    assert ev.skipped == 0
    assert ev.n == 173
    assert ev.mae == pytest.approx(24.90, abs=0.005)


def test_single_issue_proposals_equal_the_compromise_model() -> None:
    data = read_deu(DEU).subset("odd").by_group()
    singles = [c for c in data.cases if len(c.scenario.issues) == 1][:15]
    assert singles
    for case in singles:
        np.testing.assert_allclose(
            forecast(case.scenario, "exchange").outcomes,
            forecast(case.scenario, "compromise").outcomes,
        )
