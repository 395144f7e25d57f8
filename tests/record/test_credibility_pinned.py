"""Headline credibility figures, pinned, and recomputed here from the shipped CSV files.

The recomputation reads ``events.csv``/``agreements.csv`` with the csv module and sums the
documented weighted Beta-Bernoulli model in a few lines (own weight tables, own membership and
statehood rules, own conduct grouping); it does not call the library's code path. The pinned
values catch any silent change of data or defaults.
"""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pytest
from scipy import stats

from detente.record import credibility, load_shipped_record

TYPE_W = {"ratified": 0.25, "entered_into_force": 0.25, "extended": 0.5, "kept": 1.0,
          "compliance_restored": 0.5, "not_ratified": -0.25, "deratified": -0.5,
          "violation_alleged": -1.0, "violation_established": -1.0,
          "hostile_act_during_talks": -0.5}
LAWFUL_W = {"withdrew": {"true": -0.3, "": -0.6, "false": -1.0},
            "suspended": {"true": -0.2, "": -0.4, "false": -0.8}}
EVIDENCE_W = {"record": 1, "finding": 1, "admission": 1, "resolution": 0.6,
              "corroborated": 0.5, "determination": 0.3, "allegation": 0.3}
KIND_W = {"treaty": 1, "executive_agreement": 1, "ceasefire": 1, "memorandum": 0.8,
          "political_commitment": 0.8, "verbal_assurance": 0.4, "unilateral_pledge": 0.4,
          "draft": 0.4, "talks": 0.6}
NATO = {"USA": 1949, "GBR": 1949, "FRA": 1949, "DEU": 1955, "POL": 1999, "CAN": 1949,
        "ITA": 1949, "NLD": 1949, "BEL": 1949, "NOR": 1949, "DNK": 1949, "TUR": 1952,
        "ESP": 1982}
BORN = {"UKR": date(1991, 8, 24), "BLR": date(1991, 8, 25), "KAZ": date(1991, 12, 16)}


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("detente.record") / "data" / name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _end(d: str) -> date:
    y, *rest = (int(x) for x in d.split("-"))
    if len(rest) == 2:
        return date(y, rest[0], rest[1])
    if len(rest) == 1:
        m = rest[0]
        return date(y + (m == 12), m % 12 + 1, 1).fromordinal(
            date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1)
    return date(y, 12, 31)


def _member(code: str, party: str, year: int) -> bool:
    if party == code or {party, code} == {"SUN", "RUS"}:
        return True
    if party == "NATO":
        return NATO.get(code, 9999) <= year
    if party in ("OSCE", "CSCE"):
        return code in ("USA", "RUS", "UKR", "GBR", "FRA", "DEU", "BLR", "KAZ", "GEO")
    if party == "EU":
        return code in ("FRA", "DEU") or (code == "GBR" and 1973 <= year <= 2020)
    if party == "E3":
        return code in ("GBR", "FRA", "DEU")
    if party == "UNSC":
        return code in ("USA", "GBR", "FRA", "CHN", "RUS", "SUN")
    return False


def beta_bernoulli(actor: str, toward: str, as_of: date) -> tuple[float, float]:
    kinds = {a["id"]: a["kind"] for a in _rows("agreements.csv")}
    parties = {a["id"]: a["parties"].split(";") for a in _rows("agreements.csv")}
    best: dict[str, float] = {}
    for e in _rows("events.csv"):
        end = _end(e["date"])
        start = date.fromisoformat((e["date"] + "-01-01")[:10]) if len(e["date"]) < 10 \
            else date.fromisoformat(e["date"])
        year = start.year
        if end > as_of or start < BORN.get(toward, date.min):
            continue
        if not any(_member(toward, p, year) for p in parties[e["agreement"]]):
            continue
        actors = e["actors"].split(";")
        att = 1.0 if actor in actors else 1.0 if (actor == "RUS" and "SUN" in actors) else \
            0.5 if any(_member(actor, a, year) for a in actors if a in
                       ("NATO", "EU", "E3", "OSCE", "CSCE", "UNSC")) else 0.0
        t = e["type"]
        w = LAWFUL_W[t][e["lawful"]] if t in LAWFUL_W else TYPE_W.get(t, 0.0)
        w *= EVIDENCE_W[e["evidence"]] * KIND_W[kinds[e["agreement"]]] * att
        if e["disputed"] == "true" and e["evidence"] in ("allegation", "determination",
                                                         "corroborated"):
            w *= 0.7
        w *= 0.5 ** ((as_of - end).days / (10 * 365.25))
        if w == 0:
            continue
        key = f"{e['conduct']}{w > 0}" if e["conduct"] else e["id"]
        if abs(w) > abs(best.get(key, 0.0)):
            best[key] = w
    return 1 + sum(w for w in best.values() if w > 0), 1 - sum(w for w in best.values() if w < 0)


# mean, 90% interval low and high, as computed on the shipped record (this commit)
PINNED = {
    ("USA", "RUS", "2022-01-10"): (0.647, 0.406, 0.856),
    ("USA", "RUS", "2026-11-25"): (0.607, 0.355, 0.834),
    ("RUS", "USA", "2022-01-10"): (0.577, 0.351, 0.788),
    ("RUS", "USA", "2026-11-25"): (0.397, 0.198, 0.613),
    ("RUS", "UKR", "2022-01-10"): (0.519, 0.252, 0.781),
    ("RUS", "UKR", "2026-11-25"): (0.491, 0.267, 0.717),
    ("USA", "IRN", "2022-01-10"): (0.615, 0.247, 0.921),
    ("USA", "IRN", "2026-11-25"): (0.558, 0.181, 0.900),
}


@pytest.mark.parametrize(("actor", "toward", "as_of"), list(PINNED))
def test_headline_figures_pinned_and_recomputed(actor: str, toward: str, as_of: str) -> None:
    a, b = beta_bernoulli(actor, toward, date.fromisoformat(as_of))
    mean, low, high = PINNED[(actor, toward, as_of)]
    assert a / (a + b) == pytest.approx(mean, abs=5e-4)
    assert stats.beta.ppf(0.05, a, b) == pytest.approx(low, abs=5e-4)
    assert stats.beta.ppf(0.95, a, b) == pytest.approx(high, abs=5e-4)
    c = credibility(load_shipped_record(), actor, toward=toward, as_of=as_of)
    assert (c.alpha, c.beta) == (pytest.approx(a, rel=1e-9), pytest.approx(b, rel=1e-9))


def test_joint_milestones_count_for_each_party() -> None:
    """New START's first treaty year (EV1011, actors USA;RUS) counts for Russia toward the US."""
    c = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10")
    assert "EV1011" in {d.event.id for d in c.drivers}


def test_soviet_acts_do_not_count_toward_ukraine() -> None:
    c = credibility(load_shipped_record(), "RUS", toward="UKR", as_of="2022-01-10")
    assert all(d.event.date.start >= date(1991, 8, 24) for d in c.drivers)


def test_conduct_drivers_group_the_events_of_one_act() -> None:
    c = credibility(load_shipped_record(), "USA", toward="RUS", as_of="2022-01-10")
    by = {d.conduct: d for d in c.conduct_drivers}
    g = by["usa_open_skies_exit"]
    assert {e.id for e in g.events} == {"EV0061", "EV0062"}
    alone = [d.delta for d in c.drivers if d.event.id in ("EV0061", "EV0062")]
    # one notice alone barely moves the mean (its twin stays); the act as a whole does
    assert all(abs(x) < abs(g.delta) for x in alone)
    a, b = c.alpha, c.beta
    w = max(abs(d.weight) for d in c.drivers if d.event.id in ("EV0061", "EV0062"))
    assert g.delta == pytest.approx(a / (a + b) - a / (a + b - w))


def test_severity_multiplies_the_weight_of_one_conduct() -> None:
    from detente.record import CredibilitySettings

    rec = load_shipped_record()
    base = credibility(rec, "RUS", toward="UKR", as_of="2026-11-25")
    key = next(d.conduct for d in base.conduct_drivers if d.weight < 0 and
               not d.conduct.startswith("#"))
    heavy = credibility(rec, "RUS", toward="UKR", as_of="2026-11-25",
                        settings=CredibilitySettings(severity={key: 3.0}))
    w = next(d.weight for d in base.conduct_drivers if d.conduct == key)
    assert heavy.beta == pytest.approx(base.beta + 2 * abs(w))
    with pytest.raises(ValueError):
        CredibilitySettings(severity={key: -1})
