"""Review 13: an issue's own checks (status quo on its scale, a scale the right way round) are
reported at the field, not at the issue as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.scenario import ScenarioError, load_scenario

DOC = """\
name: trade dispute
actors:
  - {{id: USA, capability: 100}}
  - {{id: CHN, capability: 80}}
issues:
  - id: tariffs
    name: Tariff level
    scale_min: {lo}
    scale_max: {hi}
    status_quo: {sq}
stances:
  - {{actor: USA, issue: tariffs, position: 40, salience: 80}}
  - {{actor: CHN, issue: tariffs, position: 10, salience: 90}}
"""


@pytest.mark.parametrize(("lo", "hi", "sq", "field", "line"), [
    (0, 100, 180, "status_quo", 10),
    (50, 10, 30, "scale_max", 9),
])
def test_an_issue_check_names_its_field_and_line(
        lo: int, hi: int, sq: int, field: str, line: int, tmp_path: Path) -> None:
    f = tmp_path / "trade.yaml"
    f.write_text(DOC.format(lo=lo, hi=hi, sq=sq), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    first = e.value.messages[0]
    assert f"trade.yaml, line {line}: field '{field}':" in first, first
