"""An outcomes file kept apart from the inputs: read_outcomes (YAML and CSV), located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario import ScenarioError, load_scenario, read_outcomes

FIXTURE = Path(__file__).resolve().parents[1] / "evaluation" / "data" / "fixture-deal-2004.yaml"


def _bare(tmp_path: Path) -> Path:
    """The fixture without its observed values and outcome."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    keep = []
    skip = False
    for ln in lines:
        if ln.startswith("outcome:"):
            skip = True
            continue
        if skip and ln.startswith("  "):
            continue
        skip = False
        if ln.strip().startswith("observed:"):
            continue
        keep.append(ln)
    p = tmp_path / "inputs.yaml"
    p.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return p


YAML = """\
outcome:
  kind: agreement
  date: "2004-05-01"
  note: "signed"
  source: "https://example.org/x"
observed:
  limits:
    value: 40
    date: "2004-05-01"
    note: "limits agreed"
    source: "https://example.org/y"
"""

CSV = """\
issue,value,date,note,source
episode,agreement,2004-05-01,signed,https://example.org/x
limits,40,2004-05-01,limits agreed,https://example.org/y
"""


@pytest.mark.parametrize(("name", "text"), [("o.yaml", YAML), ("o.csv", CSV)])
def test_outcomes_file_adds_what_happened(tmp_path: Path, name: str, text: str) -> None:
    sc = load_scenario(_bare(tmp_path))
    assert sc.outcome is None and sc.observed == {}
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    full = read_outcomes(out, sc)
    assert full.outcome is not None and full.outcome.kind == "agreement"
    assert full.observed == {"limits": 40.0}
    reference = load_scenario(FIXTURE)
    assert full.issue("limits").observed.note == "limits agreed"  # type: ignore[union-attr]
    assert full.observed == reference.observed


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param("o.csv", CSV.replace("limits,40", "limitz,40"),
                     "o.csv, line 3: field 'issue': unknown issue 'limitz'", id="csv-unknown"),
        pytest.param("o.yaml", YAML.replace("  limits:", "  limitz:"),
                     "o.yaml, line 8: field 'issue': unknown issue 'limitz'", id="yaml-unknown"),
        pytest.param("o.csv", CSV.replace("limits,40", "limits,140"),
                     "o.csv, line 3: field 'value': observed value 140 is outside",
                     id="csv-off-scale"),
        pytest.param("o.yaml", YAML.replace("value: 40", "value: 140"),
                     "o.yaml, line 8: field 'value': observed value 140 is outside",
                     id="yaml-off-scale"),
        pytest.param("o.yaml", YAML.replace('date: "2004-05-01"\n    note',
                                            'date: "2003-12-31"\n    note'),
                     "o.yaml, line 9: field 'date': observed date 2003-12-31 is before as_of",
                     id="yaml-before-as_of"),
        pytest.param("o.csv", CSV.replace("episode,agreement", "episode,peace"),
                     "o.csv, line 2: field 'kind'", id="csv-unknown-kind"),
    ],
)
def test_outcomes_file_errors_are_located(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    sc = load_scenario(_bare(tmp_path))
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        read_outcomes(out, sc)
    assert expected in str(info.value)


def test_cli_observed_option(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    out.write_text(CSV, encoding="utf-8")
    r = CliRunner().invoke(app, ["evaluate", str(_bare(tmp_path)), "--observed", str(out),
                                 "-m", "median", "-f", "json"])
    assert r.exit_code == 0, r.stderr
    assert '"mae": 10.0' in r.stdout
    bad = tmp_path / "b.csv"
    bad.write_text(CSV.replace("limits,40", "limitz,40"), encoding="utf-8")
    r = CliRunner().invoke(app, ["evaluate", str(_bare(tmp_path)), "--observed", str(bad)])
    assert r.exit_code == 2 and "unknown issue 'limitz'" in r.stderr
