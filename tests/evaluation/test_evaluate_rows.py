"""``evaluate(dataset, "eum")`` on a DEU file's arrays against the same evaluation through
every case's scenario (forecast_many, eum_batch), and ``detente evaluate`` on DEU files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from detente.cli import app
from detente.collective import evaluate
from detente.collective._eum_kernel import VARIANTS
from detente.collective._evaluate import _median
from detente.errors import InputError
from detente.scenario import Case, Dataset, read_deu

DEU3 = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"
needs_deu3 = pytest.mark.skipif(not DEU3.is_file(), reason="shared DEU III data not found")


def _through_scenarios(data: Dataset) -> Dataset:
    """The same cases holding their scenarios: evaluate takes the per-scenario path."""
    out = Dataset(data.name, tuple(Case(c.scenario, dict(c.observed), c.group,
                                        dict(c.attributes)) for c in data.cases), data.notes)
    assert out.stacked() is None
    return out


def _same_evaluation(data: Dataset, model: str = "eum", **options: object) -> None:
    assert data.stacked() is not None or not data.cases
    a = evaluate(data, model, **options)
    b = evaluate(_through_scenarios(data), model, **options)
    assert (a.model, a.dataset, a.n, a.skipped) == (b.model, b.dataset, b.n, b.skipped)
    assert np.array_equal(a.errors, b.errors)
    assert (a.mae, a.median_ae) == (b.mae, b.median_ae) or (np.isnan(a.mae) and np.isnan(b.mae))


@needs_deu3
@pytest.mark.parametrize("capability", ["equal", "gdp"])
@pytest.mark.parametrize("view", ["all", "odd", "even", "by_proposal", "even_by_proposal"])
def test_rows_path_equals_the_scenario_path(capability: str, view: str) -> None:
    data = read_deu(DEU3, capability=capability)
    if view in ("odd", "even"):
        data = data.subset(view)
    if view.endswith("by_proposal"):
        data = (data.subset("even") if view.startswith("even") else data).by_group()
    _same_evaluation(data)


@needs_deu3
def test_headline_eum_figure_unchanged() -> None:
    ev = evaluate(read_deu(DEU3), "eum")
    assert ev.n == 353 and ev.mae == pytest.approx(27.15, abs=0.005)


_OPTIONS = st.fixed_dictionaries({}, optional={
    "variant": st.sampled_from(sorted(VARIANTS)),
    "outcome": st.sampled_from(["median", "mean"]),
    "rounds": st.integers(1, 12),
    "risk": st.sampled_from(["security", "bdm", "neutral"]),
    "risk_update": st.sampled_from(["every_round", "first_round"]),
    "distance": st.sampled_from(["positions", "issue"]),
    "q": st.sampled_from([1.0, 0.5]),
    "tolerance": st.sampled_from([0.0, 0.01]),
    "pairs": st.sampled_from(["auto", True, False]),
})


@needs_deu3
@settings(max_examples=25, deadline=None)
@given(options=_OPTIONS, picks=st.lists(st.integers(0, 363), min_size=1, max_size=40),
       grouped=st.booleans())
def test_rows_path_equals_the_scenario_path_for_any_options(
    options: dict[str, object], picks: list[int], grouped: bool
) -> None:
    whole = read_deu(DEU3)
    data = Dataset(whole.name, tuple(whole.cases[k] for k in sorted(set(picks))), whole.notes)
    _same_evaluation(data.by_group() if grouped else data, **options)


def test_issue_without_forecast_is_skipped_alike(tmp_path: Path) -> None:
    f = tmp_path / "z.csv"
    f.write_text("isnr\tpA\tsA\tpB\tsB\trp\tout\n"
                 "i1\t10\t0\t90\t0\t50\t40\n"   # no salience anywhere: no forecast
                 "i2\t10\t60\t90\t30\t50\t40\n"
                 "i3\t20\t60\t\t\t\t\n", encoding="utf-8")  # no observed outcome
    data = read_deu(f)
    _same_evaluation(data)
    ev = evaluate(data, "eum")
    assert (ev.n, ev.skipped) == (1, 1)
    assert ev.mae == pytest.approx(abs(evaluate(_through_scenarios(data), "eum").mae))


@needs_deu3
@pytest.mark.parametrize(("options", "message"), [
    ({"variant": "nope"}, "must be one of"),
    ({"nonsense": 1}, "has no option 'nonsense'"),
    ({"rounds": "x"}, "must be a whole number"),
])
def test_bad_options_refused_alike(options: dict[str, object], message: str) -> None:
    data = read_deu(DEU3)
    with pytest.raises(InputError) as fast:
        evaluate(data, "eum", **options)
    with pytest.raises(InputError) as slow:
        evaluate(_through_scenarios(data), "eum", **options)
    assert str(fast.value) == str(slow.value) and message in str(fast.value)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=60))
def test_median_is_numpys(values: list[float]) -> None:
    e = np.asarray(values)
    assert _median(e) == float(np.median(e))


# -- the command line ----------------------------------------------------------------------
def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


@needs_deu3
@pytest.mark.parametrize("args", [
    [],
    ["--capability", "gdp"],
    ["--subset", "odd"],
    ["--subset", "even", "--by-proposal"],
    ["-o", "variant=masad", "-o", "rounds=5"],
])
def test_cli_eum_on_deu_gives_the_scenario_paths_figures(args: list[str]) -> None:
    models = ["eum"] if "-o" in args else ["eum", "compromise"]  # options go to every model
    code, out, err = run("evaluate", str(DEU3), *(x for m in models for x in ("-m", m)),
                         "-f", "json", *args)
    assert code == 0, err
    doc = json.loads(out)
    data = read_deu(DEU3, capability="gdp" if "gdp" in args else "equal")
    if "--subset" in args:
        data = data.subset(args[args.index("--subset") + 1])
    if "--by-proposal" in args:
        data = data.by_group()
    options = {"variant": "masad", "rounds": 5} if "-o" in args else {}
    slow = _through_scenarios(data)
    if len(models) == 1:  # one model: its figures alone
        doc = {"dataset": data.name, "models": [doc]}
    assert doc["dataset"] == data.name
    for got, model in zip(doc["models"], models, strict=True):
        ev = evaluate(slow, model, **(options if model == "eum" else {}))
        assert got == {"model": model, "n": ev.n, "mae": ev.mae, "median_ae": ev.median_ae}


@needs_deu3
def test_cli_default_model_and_table() -> None:
    code, out, err = run("evaluate", str(DEU3), "-f", "json")
    assert code == 0, err
    assert json.loads(out)["mae"] == pytest.approx(23.68, abs=0.005)
    code, out, err = run("evaluate", str(DEU3), "-m", "eum")
    assert code == 0, err
    assert "353" in out and "27.15" in out


def test_cli_bad_deu_file_exits_2_with_the_place(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("isnr\tpA\tsA\tpB\tsB\trp\tout\ni1\t10\t50\t190\t20\t50\t40\n"
                 "i2\t10\tlots\t90\t20\t50\t40\n", encoding="utf-8")
    code, out, err = run("evaluate", str(f), "-m", "eum")
    assert code == 2, out + err
    assert f"{f}, line 2: field 'position': position 190 is outside" in err
    assert f"{f}, line 3: field 'sA': expected a number, got 'lots'" in err
    assert "Traceback" not in out + err


def test_cli_unknown_model_on_deu_lists_every_model(tmp_path: Path) -> None:
    f = tmp_path / "ok.csv"
    f.write_text("isnr\tpA\tsA\trp\tout\ni1\t10\t50\t50\t40\n", encoding="utf-8")
    code, _, err = run("evaluate", str(f), "-m", "nope")
    assert code == 2
    assert "unknown model 'nope'" in err and "crisis" in err and "eum" in err


@needs_deu3
def test_cli_eum_on_deu_imports_only_what_it_needs() -> None:
    """Start-up: the crisis model, the forecast command, the EUM's explanation and numpy.ma
    (numpy.median's import) stay out of ``detente evaluate deu3.csv -m eum``."""
    code = ("import sys\nfrom detente.cli import main\n"
            f"sys.argv = ['detente', 'evaluate', {str(DEU3)!r}, '-m', 'eum']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('detente.crisis', 'detente.cli._forecast', "
            "'detente.collective._eum_explain', 'numpy.ma') if m in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
