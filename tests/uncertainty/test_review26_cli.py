"""Review 26: an analyst's mistakes on the uncertainty commands."""

from __future__ import annotations

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_diff_unknown_model_is_not_blamed_on_the_first_file() -> None:
    r = runner.invoke(app, ["diff", "geneva-2022", "ec-emissions", "-m", "nosuch"])
    assert r.exit_code == 2
    err = r.stderr
    assert "unknown model 'nosuch'" in err and "registered models" in err
    assert "geneva-2022.yaml" not in err  # the name is no fault of scenario A's file
