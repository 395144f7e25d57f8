"""Every case in the bank (and the test fixtures) follows the coding protocol's checkable rules
and every registered model runs on it."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
import yaml

import detente.cases
from detente.cases import case_path, list_cases, load_bank, load_case
from detente.collective import forecast, list_models
from detente.errors import InputError
from detente.scenario import Scenario, date_span, load_scenario

FIXTURES = sorted((Path(__file__).parent / "data").glob("*.yaml"))


def _cases() -> list[pytest.ParameterSet]:
    params = [pytest.param(n, id=n) for n in list_cases()]
    params += [pytest.param(str(p), id=f"fixture:{p.stem}") for p in FIXTURES]
    return params


def _load(ref: str) -> Scenario:
    return load_scenario(ref) if ref.endswith(".yaml") else load_case(ref)


@pytest.mark.parametrize("ref", _cases())
def test_case_follows_the_protocol(ref: str) -> None:
    sc = _load(ref)
    assert sc.as_of, "as_of missing"
    assert sc.outcome is not None, "episode outcome missing"
    assert sc.observed, "no observed issue"
    start = date_span(sc.as_of)[1]
    out = sc.outcome
    assert out.date and out.note and out.source, "outcome needs date, note and source"
    assert date_span(out.date)[0] > start, f"outcome {out.date} not after as_of {sc.as_of}"
    for iss in sc.issues:
        assert iss.status_quo is not None, f"issue {iss.id} needs a status_quo at as_of"
        assert iss.low and iss.high, f"issue {iss.id} needs low and high meanings"
        if iss.observed is None:
            continue
        o = iss.observed
        assert o.date and o.note and o.source, f"observed on {iss.id} needs date, note, source"
        assert date_span(o.date)[0] > start, f"observed on {iss.id} not after as_of"
    for s in sc.stances:
        assert s.note and s.source, f"stance {s.actor}/{s.issue} needs a note and a source"
        if s.date:
            assert date_span(s.date)[0] <= date_span(sc.as_of)[1]


@pytest.mark.parametrize("ref", _cases())
def test_every_model_runs_without_unexplained_nan(ref: str) -> None:
    sc = _load(ref)
    for spec in list_models():
        fc = forecast(sc, spec.name, rng=0)
        for issue_id, value in zip(fc.issue_ids, fc.outcomes, strict=True):
            if math.isnan(value):
                assert any(issue_id in note for note in fc.notes), (
                    f"{spec.name} gives NaN on {issue_id} without a note saying why"
                )


def test_bank_lists_geneva_and_loads_by_name() -> None:
    assert "geneva-2022" in list_cases()
    assert case_path("geneva-2022").name == "geneva-2022.yaml"
    assert load_case("geneva-2022").outcome is not None
    assert [s.name for s in load_bank()] == list_cases()


def test_unknown_case_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no case named 'atlantis-2099'; the bank has: "):
        case_path("atlantis-2099")


_CINC = re.compile(r"CINC\((\d{4}), ([A-Z]{2,4})\) = ([0-9.eE-]+)")
_NMC = Path(detente.cases.__file__).parent / "data" / "nmc-cinc.csv"


def _nmc_table() -> dict[tuple[str, int], float]:
    if not _NMC.is_file():
        return {}
    lines = [ln for ln in _NMC.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return {(r["stateabb"], int(r["year"])): float(r["cinc"]) for r in csv.DictReader(lines)}


@pytest.mark.parametrize("ref", _cases())
def test_capabilities_follow_the_cinc_formula(ref: str) -> None:
    """Where every actor's note states its CINC (the protocol's formula), the capability is
    100 × CINC_i / Σ_j CINC_j (to the 2 decimals written), and the CINC is the NMC table's."""
    path = Path(ref) if ref.endswith(".yaml") else case_path(ref)
    actors = yaml.safe_load(path.read_text(encoding="utf-8"))["actors"]
    found = [_CINC.search(a.get("note", "")) for a in actors]
    if not all(found):
        return  # another stated rule (organisations, the Geneva composite): nothing to recompute
    values = [float(m.group(3)) for m in found if m]
    total = sum(values)
    for a, v in zip(actors, values, strict=True):
        assert a["capability"] == pytest.approx(100 * v / total, abs=0.0051 + 1e-9), a["id"]
    table = _nmc_table()
    for m in found:
        assert m is not None
        key = (m.group(2), int(m.group(1)))
        if key in table:
            assert float(m.group(3)) == pytest.approx(table[key], rel=1e-6), key
