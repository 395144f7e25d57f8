"""review17: a demand no type of sender would make has no posterior (was NaN; JSON crashed)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis._signal import ultimatum_signal

runner = CliRunner()


def test_cuba_demand_made_by_no_type_has_no_posterior() -> None:
    # In cuba-1962 the USA's outside option is worth less than the standoff for every draw of
    # its costs (prior resolve 0) and bluffing does not pay: no type sends the demand, so
    # P(resolved | demand) is 0/0 — undefined, reported as None and in words, never NaN.
    sig = ultimatum_signal(load_case("cuba-1962"))
    assert sig.prior_resolve == 0.0 and sig.p_send_bluff == 0.0
    assert sig.posterior_resolve is None
    text = " ".join(sig.describe())
    assert "nan" not in text and "undefined after it" in text


def test_crisis_json_and_table_on_cuba() -> None:
    res = runner.invoke(app, ["crisis", "cuba-1962", "-f", "json"])
    assert res.exit_code == 0, res.stdout + res.stderr
    doc = json.loads(res.stdout)
    assert doc["signal"]["posterior_resolve"] is None
    res = runner.invoke(app, ["crisis", "cuba-1962"])
    assert res.exit_code == 0
    assert " nan " not in res.stdout and "undefined after it" in res.stdout
