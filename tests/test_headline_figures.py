"""README headline figures, pinned. Where possible each is derived here by an independent
computation (a few lines of numpy on the raw file), not by the code under test:

* compromise and weighted median on DEU III: recomputed from the CSV with the csv module and
  numpy (all 353 issues, odd and even proposals);
* the Geneva 2022 bargaining figures: ZOPA shares, the Nash point and the trust each deal needs
  recomputed from the two utility tables with numpy (κ for one party solves one linear
  inequality per outcome), then compared with the library and the README;
* the EUM and exchange DEU III figures have no independent implementation in the tree: they are
  regression pins of the README's numbers (the EUM default also has an external check against
  jmckib's replication where that is available, see docs/hardening.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from detente.collective import evaluate
from detente.scenario import read_deu

DEU3 = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "cases" / "deu3" / \
    "deu3.csv"
NOT_ACTORS = {"prnrnmc", "prnr", "prname", "proc", "proccde"}

pytestmark = pytest.mark.skipif(not DEU3.exists(), reason="shared reference data not present")


def _deu_rows() -> tuple[list[str], list[dict[str, str]]]:
    with open(DEU3, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header = rows[0]
    actors = [h[1:] for h in header if h.startswith("p") and h not in NOT_ACTORS
              and "s" + h[1:] in header]
    body = [dict(zip(header, r, strict=False)) for r in rows[1:]]
    scored = [r for r in body if r.get("isnr", "").strip() and r.get("out", "").strip()]
    return actors, scored


def _weighted_median(x: np.ndarray, w: np.ndarray) -> float:
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    cum = np.cumsum(w)
    half = cum[-1] / 2
    k = int(np.argmax(cum >= half - 1e-12 * cum[-1]))
    if np.isclose(cum[k], half, rtol=1e-12, atol=0) and k + 1 < len(x):
        return float((x[k] + x[k + 1]) / 2)
    return float(x[k])


def _independent(kind: str, parity: int | None) -> tuple[int, float]:
    actors, scored = _deu_rows()
    errors = []
    for r in scored:
        if parity is not None and int(float(r["prnrnmc"])) % 2 != parity:
            continue
        p, s = [], []
        for a in actors:
            if r.get("p" + a, "").strip() and r.get("s" + a, "").strip():
                p.append(float(r["p" + a]))
                s.append(float(r["s" + a]))
        x, w = np.array(p), np.array(s)
        if w.sum() <= 0:
            continue
        pred = float(w @ x / w.sum()) if kind == "compromise" else _weighted_median(x, w)
        errors.append(abs(pred - float(r["out"])))
    return len(errors), float(np.mean(errors))


@pytest.mark.parametrize(("model", "subset", "readme"), [
    ("compromise", "all", 23.68), ("compromise", "odd", 21.39), ("compromise", "even", 26.07),
    ("median", "all", 28.44), ("median", "odd", 26.51), ("median", "even", 30.45),
])
def test_baselines_on_deu3_match_an_independent_computation(
    model: str, subset: str, readme: float
) -> None:
    n_ind, mae_ind = _independent(model, {"all": None, "odd": 1, "even": 0}[subset])
    data = read_deu(DEU3)
    if subset != "all":
        data = data.subset(subset)
    ev = evaluate(data, model)
    assert ev.n == n_ind
    assert ev.mae == pytest.approx(mae_ind, abs=1e-9)
    assert round(mae_ind, 2) == readme
    if subset == "all":
        assert n_ind == 353


@pytest.mark.parametrize(("options", "readme"), [
    ({}, 27.15),
    ({"outcome": "mean"}, 27.05),
    ({"variant": "scholz_code"}, 28.90),
    ({"variant": "scholz_code", "outcome": "mean"}, 26.28),
    ({"variant": "masad", "outcome": "mean"}, 27.25),
    ({"risk": "bdm"}, 29.88),
    ({"risk": "bdm", "variant": "scholz_code", "outcome": "mean"}, 24.85),
])
def test_eum_deu3_readme_figures(options: dict[str, str], readme: float) -> None:
    """Regression pins of the README's EUM table (all 353 issues)."""
    ev = evaluate(read_deu(DEU3), "eum", **options)
    assert ev.n == 353
    assert round(ev.mae, 2) == readme


def test_eum_tuned_setting_on_even_proposals() -> None:
    ev = evaluate(read_deu(DEU3).subset("even"), "eum", variant="scholz_code",
                  accept="nearest", outcome="mean", rounds=1, q=0.5)
    assert round(ev.mae, 2) == 26.46


def test_exchange_deu3_by_proposal_readme_figure() -> None:
    ev = evaluate(read_deu(DEU3).by_group(), "exchange")
    assert round(ev.mae, 2) == 24.93


# --- Geneva 2022 (README, "What the Geneva 2022 USA–Russia domain implies") -----------------
@pytest.fixture(scope="module")
def geneva() -> tuple[object, np.ndarray, np.ndarray]:
    from detente.bargaining import domain_from_scenario
    from detente.examples import load_example

    # the figures describe the domain without red lines (the crisis inputs added to the example
    # later cut options crossing a red line: docs/crisis.md)
    sc = load_example("geneva-2022")
    sc = sc.with_stances(s.model_copy(update={"red_line": None}) for s in sc.stances)
    dom = domain_from_scenario(sc, "USA", "RUS", steps=11)
    ua, ub = dom.utilities()
    return dom, ua, ub


def _need(u: np.ndarray, b: np.ndarray, r: float) -> np.ndarray:
    """Least κ in [0, 1] with κ·u + (1 − κ)·b ≥ r for each outcome (inf when none)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.where(u > b, (r - b) / (u - b), np.where(b >= r, 0.0, np.inf))
    k = np.where((u <= b) & (b < r), np.inf, k)
    k = np.where(u >= r, np.maximum(k, 0.0), np.inf)  # at κ = 1 the deal must pay
    return np.clip(k, 0.0, None)


def test_geneva_bargaining_figures(geneva: tuple[object, np.ndarray, np.ndarray]) -> None:
    from detente.bargaining import broken_utilities, solve, trust_threshold

    dom, ua, ub = geneva
    ra, rb = dom.a.reservation_value, dom.b.reservation_value  # type: ignore[attr-defined]
    assert (round(ra, 3), round(rb, 3)) == (0.671, 0.588)
    assert ua.size == 2_965_248
    # ZOPA at full trust: 16.98 % of the outcomes (README)
    inside = (ua > ra) & (ub > rb)  # strictly better than walking away (README, zopa)
    assert round(100 * inside.mean(), 2) == 16.98
    assert int(inside.sum()) == 503_475
    # the Nash point: argmax of the product of gains inside the zone, by brute force
    gains = np.where(inside, (ua - ra) * (ub - rb), -np.inf)
    k_nash = int(np.argmax(gains))
    sol = solve(dom, "nash")  # type: ignore[arg-type]
    assert sol is not None and sol.index == k_nash
    assert (round(float(ua[k_nash]), 3), round(float(ub[k_nash]), 3)) == (0.805, 0.743)
    # trust each deal needs, status quo as the breach: κ = max over the two parties
    ba, bb = broken_utilities(dom, "status_quo")  # type: ignore[arg-type]
    need = np.maximum(_need(ua, ba, ra), _need(ub, bb, rb))
    assert round(float(need[k_nash]), 3) == 0.373
    assert float(need.min()) == pytest.approx(0.0, abs=1e-12)  # κ* = 0
    assert trust_threshold(dom, breach="status_quo") == pytest.approx(0.0, abs=1e-9)  # type: ignore[arg-type]
    # zone share at κ = 0.5 and 0 (README: 6.73 %, 1.90 %)
    for kappa, share in ((0.5, 6.73), (0.0, 1.90)):
        va, vb = kappa * ua + (1 - kappa) * ba, kappa * ub + (1 - kappa) * bb
        assert round(100 * float(((va > ra) & (vb > rb)).mean()), 2) == share
    # counterpart's ideal as the breach: κ* = 0.518, the Nash deal needs 0.597
    ia, ib = broken_utilities(dom, "ideal")  # type: ignore[arg-type]
    need_i = np.maximum(_need(ua, ia, ra), _need(ub, ib, rb))
    assert round(float(need_i.min()), 3) == 0.518
    assert round(float(need_i[k_nash]), 3) == 0.597
    assert trust_threshold(dom, breach="ideal") == pytest.approx(float(need_i.min()), abs=1e-9)  # type: ignore[arg-type]
