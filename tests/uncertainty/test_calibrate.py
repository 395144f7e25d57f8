"""Calibration: CRPS, coverage, and the odd/even protocol on synthetic data."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from scipy import stats

from detente.collective import forecast
from detente.uncertainty import InputSpace, calibrate, calibrate_cases, coverage, crps


def test_crps_of_a_point_is_the_absolute_error() -> None:
    assert crps(np.full(10, 3.0), 7.5) == pytest.approx(4.5)


def test_crps_of_a_normal_sample_is_the_closed_form() -> None:
    """Gneiting & Raftery (2007): CRPS(N(μ, σ²), y) = σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π]."""
    rng = np.random.default_rng(0)
    x = rng.normal(2.0, 3.0, 200_000)
    for y in (-1.0, 2.0, 6.5):
        z = (y - 2.0) / 3.0
        exact = 3.0 * (z * (2 * stats.norm.cdf(z) - 1) + 2 * stats.norm.pdf(z)
                       - 1 / math.sqrt(math.pi))
        assert crps(x, y) == pytest.approx(exact, rel=0.01)


def test_coverage_counts_interval_hits() -> None:
    d = np.tile(np.arange(101.0)[:, None], (1, 4))
    assert coverage(d, np.array([50.0, 30.0, 80.0, 95.0]), 0.5) == 0.5
    assert coverage(d, np.array([50.0, 10.0, 80.0, 96.0]), 0.9) == 0.75


def _synthetic(random_scenario: Any, n: int, sigma: float, seed: int
               ) -> list[tuple[Any, dict[str, float]]]:
    """Cases whose outcome is the compromise at positions moved by independent N(0, σ²)
    noise (truncated to the scale): the truth the calibration should find."""
    rng = np.random.default_rng(seed)
    out = []
    for t in range(n):
        sc = random_scenario(n_actors=3, n_issues=1, seed=1000 + t, sd=0.0)
        plain = sc.model_copy(update={"stances": tuple(
            s.model_copy(update={"uncertain": None}) for s in sc.stances)})
        from detente.uncertainty import Jitter

        space = InputSpace.of(plain, Jitter(position=sigma))
        truth = forecast(space.scenario_at(space.sample(1, rng)[0]), "compromise").outcomes[0]
        out.append((plain, {"i0": float(truth)}))
    return out


def test_calibration_finds_the_noise_and_covers(random_scenario: Any) -> None:
    cases = _synthetic(random_scenario, 160, sigma=20.0, seed=5)
    rep = calibrate(cases[0::2], cases[1::2], "compromise", draws=300, seed=1,
                    grid=(0.0, 5.0, 10.0, 20.0, 40.0), common=(0.0,))
    assert rep.scale == 20.0
    assert abs(rep.coverage50 - 0.5) < 0.12 and abs(rep.coverage90 - 0.9) < 0.08
    assert rep.crps < rep.mae  # a right spread beats the point forecast
    assert rep.as_dict()["test"]["coverage90"] == rep.coverage90


def test_case_bank_runs() -> None:
    rep = calibrate_cases(draws=40, grid=(0.0, 30.0), seed=0)
    assert rep.n_fit + rep.n_test >= 10 and 0 <= rep.coverage90 <= 1
    assert math.isfinite(rep.crps) and math.isfinite(rep.mae)


# --- conformal recalibration of the central intervals --------------------------------------


def test_conformity_is_the_smallest_covering_level() -> None:
    """Against the definition: y is inside the central ℓ interval (numpy quantiles, bounds
    inside) exactly when ℓ ≥ its score; draws with ties and point masses included."""
    from detente.uncertainty import conformity

    rng = np.random.default_rng(3)
    for trial in range(200):
        n = int(rng.integers(2, 60))
        x = np.clip(rng.normal(50, 40, n), 0, 100).round(int(rng.integers(0, 2)))
        y = float(rng.choice([rng.uniform(-5, 105), *x, 0.0, 100.0]))
        s = conformity(x, y)
        if y < x.min() or y > x.max():
            assert s == 2.0
            continue
        for ell in np.linspace(0, 1, 41):
            inside = coverage(x[:, None], np.array([y]), float(ell)) == 1.0
            assert inside == (ell >= s - 1e-9), (trial, ell, s)


def test_recalibration_of_uniform_scores_is_the_identity() -> None:
    from detente.uncertainty import Recalibration

    t = 999
    r = Recalibration.fit(np.arange(1, t + 1) / (t + 1))
    for level in (0.5, 0.9):
        assert r.interval_level(level) == pytest.approx(level, abs=1e-12)
    for q in (0.05, 0.25, 0.5, 0.75, 0.95):
        assert r.level(q) == pytest.approx(q, abs=1e-12)
        assert r.cdf(r.level(q)) == pytest.approx(q, abs=1e-3)


@pytest.mark.parametrize("truth", ["wide", "heavy", "censored"])
def test_recalibrated_intervals_cover_at_nominal(truth: str) -> None:
    """A predictive sample that is too narrow (N(0, 1) for N(0, 1.5²) outcomes), has tails too
    light (for Student t, 2 degrees of freedom) or, on a 0–100 scale, is censored at the ends
    with point masses there, as DEU outcomes are (each case its own centre: the draws'
    N(μ, 30²) against outcomes' N(μ, 60²), both censored): recalibrated on 2,000 outcomes,
    its intervals cover 2,000 fresh outcomes at nominal within three standard errors of
    sampling (fit and test), while the raw intervals miss by more."""
    from detente.uncertainty import Recalibration, conformity

    rng = np.random.default_rng(11)
    base = rng.standard_normal(1000)

    def cases(n: int) -> tuple[np.ndarray, np.ndarray]:
        if truth == "wide":
            return np.tile(base[:, None], (1, n)), 1.5 * rng.standard_normal(n)
        if truth == "heavy":
            return np.tile(base[:, None], (1, n)), rng.standard_t(2, n)
        mu = rng.uniform(10, 90, n)
        return (np.clip(mu + 30 * rng.standard_normal((1000, n)), 0, 100),
                np.clip(mu + 60 * rng.standard_normal(n), 0, 100))

    n = 2000
    fm, fy = cases(n)
    r = Recalibration.fit([conformity(fm[:, j], fy[j]) for j in range(n)])
    m, test_y = cases(n)
    draws = base
    for level in (0.5, 0.9):
        se = math.sqrt(level * (1 - level) * (1 / n + 1 / n))
        raw = coverage(m, test_y, level)
        cal = coverage(m, test_y, level, r)
        assert abs(cal - level) < 3 * se, (level, cal)
        assert abs(raw - level) > 3 * se  # the test has power: the raw intervals are off
    if truth == "wide":  # the recalibrated 95 % quantile is the outcomes' own
        q = float(np.quantile(draws, r.level(0.95)))
        assert q == pytest.approx(1.5 * stats.norm.ppf(0.95), abs=0.15)


def test_calibrate_recalibrates_on_synthetic_cases_with_known_noise(random_scenario: Any
                                                                     ) -> None:
    """Outcomes = compromise at positions moved by N(0, 20²) noise; the grid offers only
    σ = 10 (too narrow): the raw intervals under-cover, the recalibrated ones cover at
    nominal within three standard errors (fit and test sampling), and their CRPS is lower."""
    cases = _synthetic(random_scenario, 400, sigma=20.0, seed=8)
    rep = calibrate(cases[0::2], cases[1::2], "compromise", draws=300, seed=2,
                    grid=(0.0, 10.0), common=(0.0,))
    assert rep.scale == 10.0
    n = 200
    for level, raw, cal in ((0.5, rep.coverage50, rep.recalibrated_coverage50),
                            (0.9, rep.coverage90, rep.recalibrated_coverage90)):
        se = math.sqrt(level * (1 - level) * 2 / n)
        assert abs(cal - level) < 3 * se, (level, cal)
        assert raw < level - 3 * se
    assert rep.recalibrated_crps < rep.crps
    d = rep.as_dict()
    assert d["recalibrated"]["coverage90"] == rep.recalibrated_coverage90
    assert len(d["calibration"]["recalibration"]["scores"]) == n


def test_the_fit_never_reads_the_test_cases(random_scenario: Any) -> None:
    """Whatever the test cases' outcomes (even wild ones), the fitted noise, recalibration,
    grid and fit coverage are the same; only the held-out figures change."""
    cases = _synthetic(random_scenario, 60, sigma=20.0, seed=3)
    fit, test = cases[0::2], cases[1::2]
    other = [(sc, {k: 100.0 - v for k, v in obs.items()}) for sc, obs in test]
    kw: dict[str, Any] = {"draws": 60, "seed": 4, "grid": (0.0, 10.0, 30.0), "common": (0.0, 0.9)}
    a = calibrate(fit, test, "compromise", **kw)
    b = calibrate(fit, other, "compromise", **kw)
    for f in ("scale", "common", "censor", "fit_coverage50", "fit_coverage90", "grid",
              "recalibration"):
        assert getattr(a, f) == getattr(b, f), f
    assert (a.coverage50, a.coverage90, a.crps) != (b.coverage50, b.coverage90, b.crps)


def test_deu_fit_never_reads_even_proposals(tmp_path: Any) -> None:
    """DEU III with every even proposal's outcome changed fits the very same calibration."""
    from detente.uncertainty import calibrate_deu
    from detente.uncertainty._calibrate import DEU_PATH

    if not DEU_PATH.is_file():
        pytest.skip("no DEU III reference copy")
    lines = DEU_PATH.read_text(encoding="utf-8").splitlines()
    head = [h.strip('"') for h in lines[0].split("\t")]
    pr, out = head.index("prnrnmc"), head.index("out")
    changed = 0
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split("\t")
        try:
            even = int(float(cells[pr].strip('"'))) % 2 == 0
        except ValueError:
            even = False
        if even and cells[out].strip('"') not in ("", "NA"):
            cells[out] = '"' + ("0" if float(cells[out].strip('"')) > 50 else "100") + '"'
            changed += 1
        rows.append("\t".join(cells))
    assert changed > 100
    other = tmp_path / "deu3-even-changed.csv"
    other.write_text("\n".join(rows) + "\n", encoding="utf-8")
    kw: dict[str, Any] = {"draws": 20, "seed": 1, "grid": (0.0, 40.0)}
    a = calibrate_deu(**kw)
    b = calibrate_deu(path=other, **kw)
    assert a.n_fit == b.n_fit and a.n_test == b.n_test
    for f in ("scale", "common", "censor", "fit_coverage50", "fit_coverage90", "grid",
              "recalibration"):
        assert getattr(a, f) == getattr(b, f), f
    assert a.mae != b.mae


def test_calibration_round_trips_and_drives_simulate(tmp_path: Any,
                                                     random_scenario: Any) -> None:
    from detente.uncertainty import Calibration, Recalibration, simulate

    r = Recalibration.fit(np.linspace(0.0, 1.0, 50) ** 0.5)  # intervals too narrow
    cal = Calibration("position=10%", r, "compromise", "synthetic")
    path = tmp_path / "cal.json"
    path.write_text(__import__("json").dumps(cal.as_dict()), encoding="utf-8")
    assert Calibration.load(path) == cal
    sc = random_scenario(n_actors=5, n_issues=2, sd=0.0)
    raw = simulate(sc, "compromise", 3000, seed=5, jitter="position=10%", above=50)
    rec = simulate(sc, "compromise", 3000, seed=5, calibration=cal, above=50)
    m, k = raw.summary("compromise"), rec.summary("compromise")
    assert np.array_equal(m.mean, k.mean) and rec.jitter == raw.jitter
    assert m.draws is not None
    for q in (0.05, 0.25, 0.5, 0.75, 0.95):
        want = np.quantile(m.draws, r.level(q), axis=0)
        assert np.allclose(k.quantiles[q], want)
    assert m.p_above is not None and k.p_above is not None
    assert np.allclose(k.p_above, 1 - r.cdf(1 - m.p_above))
    assert rec.as_dict()["calibration"]["fit_outcomes"] == 50
    from detente.errors import InputError

    with pytest.raises(InputError, match="not both"):
        simulate(sc, "compromise", 10, seed=5, calibration=cal, jitter="position=5")
    bad = tmp_path / "bad.json"
    bad.write_text('{"jitter": "position=10%"}', encoding="utf-8")
    with pytest.raises(InputError, match="recalibration.scores"):
        Calibration.load(bad)
    bad.write_text('{"jitter": "position=10%",\n "recalibration": {"scores": [0.5, 0.2]}}',
                   encoding="utf-8")
    with pytest.raises(InputError, match="sorted conformity"):
        Calibration.load(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        Calibration.load(bad)


@pytest.mark.parametrize("split", ["name", "year"])
def test_case_bank_splits(split: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """By name: alternate places in name order; by year: odd as_of years to fit, even to
    test (the split of detente evaluate --subset); no case on both sides."""
    from detente.cases import load_bank
    from detente.evaluation import case_number
    from detente.uncertainty import _calibrate

    seen: dict[str, Any] = {}

    def capture(fit: Any, test: Any, model: str, **kw: Any) -> str:
        seen.update(fit=fit, test=test)
        return "captured"

    monkeypatch.setattr(_calibrate, "calibrate", capture)
    assert calibrate_cases(split=split) == "captured"
    fit = [sc.name for sc, _ in seen["fit"]]
    test = [sc.name for sc, _ in seen["test"]]
    bank = [sc for sc in load_bank() if sc.observed]
    assert not set(fit) & set(test) and len(fit) + len(test) == len(bank)
    if split == "year":
        assert all(case_number(sc) % 2 == 1 for sc, _ in seen["fit"])
        assert all(case_number(sc) % 2 == 0 for sc, _ in seen["test"])
    else:
        names = [sc.name for sc in bank]
        assert fit == names[0::2] and test == names[1::2]
    from detente.errors import InputError

    with pytest.raises(InputError, match="split"):
        calibrate_cases(split="month")
