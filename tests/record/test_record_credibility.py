"""Credibility: closed forms, attribution rules, dedup, leakage, drivers, vectorized curve."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from record_helpers import agreement, event, record
from scipy import stats

from detente.errors import InputError
from detente.record import (
    CredibilitySettings,
    Record,
    credibility,
    credibility_curve,
    event_weight,
    load_shipped_record,
)
from detente.record._model import CONTINUATORS, ORGANISATIONS, STATEHOOD, members_of


def test_closed_form_beta_posterior() -> None:
    """n kept milestones of weight 1 on the as_of day: Beta(1 + n, 1), interval from scipy."""
    n = 4
    rec = record(*[event(f"k{i}", "2020-01-01") for i in range(n)])
    c = credibility(rec, "AAA", as_of="2020-01-01")
    assert c.alpha == pytest.approx(1 + n) and c.beta == pytest.approx(1)
    assert c.mean == pytest.approx((1 + n) / (2 + n))
    lo, hi = stats.beta.ppf([0.05, 0.95], 1 + n, 1)
    assert (c.low, c.high) == (pytest.approx(lo), pytest.approx(hi))
    assert c.n_events == n


def test_half_life_halves_the_weight() -> None:
    s = CredibilitySettings(half_life_years=4.0)
    as_of = date(2020, 1, 1) + timedelta(days=round(4 * 365.25))
    c = credibility(record(event("v", "2020-01-01", type="violation_established")), "AAA",
                    as_of=as_of, settings=s)
    assert c.beta - 1 == pytest.approx(0.5, rel=1e-3)
    no_forget = CredibilitySettings(half_life_years=None)
    c2 = credibility(record(event("v", "2020-01-01", type="violation_established")), "AAA",
                     as_of=as_of, settings=no_forget)
    assert c2.beta - 1 == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        pytest.param({"type": "violation_established"}, -1.0, id="finding"),
        pytest.param({"type": "violation_alleged"}, -0.3, id="allegation"),
        pytest.param({"type": "violation_alleged", "disputed": True}, -0.3 * 0.7, id="disputed"),
        pytest.param({"type": "violation_alleged", "evidence": "determination",
                      "disputed": True}, -0.3 * 0.7, id="determination-weighs-as-allegation"),
        pytest.param({"type": "violation_alleged", "evidence": "resolution",
                      "disputed": True}, -0.6, id="resolution-not-discounted"),
        pytest.param({"type": "withdrew", "lawful": True}, -0.3, id="lawful-withdrawal"),
        pytest.param({"type": "withdrew", "lawful": False}, -1.0, id="repudiation"),
        pytest.param({"type": "withdrew"}, -0.6, id="contested-withdrawal"),
        pytest.param({"type": "suspended", "lawful": True}, -0.2, id="lawful-suspension"),
        pytest.param({"type": "kept"}, 1.0, id="kept"),
        pytest.param({"type": "signed"}, 0.0, id="signing-is-not-evidence"),
    ],
)
def test_event_weights(kw: dict[str, object], expected: float) -> None:
    e = event("e", "2000-01-01", **kw)  # type: ignore[arg-type]
    assert event_weight(e, agreement(), CredibilitySettings()) == pytest.approx(expected)
    weaker = agreement(kind="verbal_assurance")
    assert event_weight(e, weaker, CredibilitySettings()) == pytest.approx(0.4 * expected)


def test_allegation_counts_less_than_finding() -> None:
    found = credibility(record(event("v", "2020-01-01", type="violation_established")), "AAA",
                        as_of="2020-01-01")
    alleged = credibility(record(event("v", "2020-01-01", type="violation_alleged",
                                       disputed=True)), "AAA", as_of="2020-01-01")
    assert found.mean < alleged.mean < 0.5


def test_continuator_counts_ussr_conduct_for_russia() -> None:
    assert CONTINUATORS["SUN"] == "RUS"
    rec = record(event("v", "1985-01-01", actors="SUN", type="violation_established"),
                 agreements=(agreement(parties="USA;SUN"),))
    full = credibility(rec, "RUS", toward="USA", as_of="1985-01-01")
    assert full.beta == pytest.approx(2.0)
    half = credibility(rec, "RUS", toward="USA", as_of="1985-01-01",
                       settings=CredibilitySettings(continuator_weight=0.5))
    assert half.beta == pytest.approx(1.5)
    # a commitment made to the USSR is one made to Russia
    rec2 = record(event("k", "1990-01-01", actors="USA"),
                  agreements=(agreement(parties="USA;SUN"),))
    assert credibility(rec2, "USA", toward="RUS", as_of="1990-01-01").alpha == pytest.approx(2.0)


def test_organisation_acts_are_shared_by_members_of_the_day() -> None:
    assert "FIN" in members_of("NATO", 2024) and "FIN" not in members_of("NATO", 2010)
    assert "GBR" in members_of("EU", 2019) and "GBR" not in members_of("EU", 2021)
    assert ORGANISATIONS["UN"] == ()
    rec = record(event("s1", "2010-01-01", actors="NATO", type="violation_established"),
                 event("s2", "2024-01-01", actors="NATO", type="violation_established"),
                 agreements=(agreement(parties="NATO;RUS"),))
    usa = credibility(rec, "USA", toward="RUS", as_of="2024-01-01",
                      settings=CredibilitySettings(half_life_years=None))
    fin = credibility(rec, "FIN", toward="RUS", as_of="2024-01-01",
                      settings=CredibilitySettings(half_life_years=None))
    assert usa.beta == pytest.approx(1 + 0.5 + 0.5)
    assert fin.beta == pytest.approx(1 + 0.5)


def test_toward_keeps_only_commitments_to_that_party() -> None:
    rec = record(event("k1", "2000-01-01", agreement="t"),
                 event("k2", "2000-01-01", agreement="u"),
                 agreements=(agreement("t", "AAA;BBB"), agreement("u", "AAA;CCC")))
    assert credibility(rec, "AAA", toward="BBB", as_of="2001-01-01").n_events == 1
    assert credibility(rec, "AAA", as_of="2001-01-01").n_events == 2


def test_conduct_recorded_twice_counts_once() -> None:
    one = record(event("a", "2014-03-18", type="violation_established", conduct="x"))
    two = record(event("a", "2014-03-18", type="violation_established", conduct="x"),
                 event("b", "2014-03-27", type="violation_alleged", conduct="x"),
                 event("c", "2014-04-01", type="violation_established", conduct="x",
                       agreement="t"))
    c1 = credibility(one, "AAA", as_of="2014-05-01")
    c2 = credibility(two, "AAA", as_of="2014-05-01")
    assert c2.beta == pytest.approx(c1.beta, rel=1e-3) or c2.beta > c1.beta
    # the group contributes its single largest weight: the latest finding (least decayed)
    expected = 2 ** (-(date(2014, 5, 1) - date(2014, 4, 1)).days / (10 * 365.25))
    assert c2.beta - 1 == pytest.approx(expected)


def test_month_precision_counts_only_once_the_month_is_over() -> None:
    rec = record(event("v", "2022-08", type="violation_established"))
    assert credibility(rec, "AAA", as_of="2022-08-15").n_events == 0
    assert credibility(rec, "AAA", as_of="2022-08-31").n_events == 1


def test_nothing_after_as_of_leaks_in_on_the_shipped_record() -> None:
    rec = load_shipped_record()
    cut = date(2022, 1, 10)
    past = Record(agreements=rec.agreements,
                  events=tuple(e for e in rec.events if e.date.end <= cut))
    for actor, toward in [("USA", "RUS"), ("RUS", "USA"), ("RUS", "UKR"), ("USA", "IRN")]:
        a = credibility(rec, actor, toward=toward, as_of=cut)
        b = credibility(past, actor, toward=toward, as_of=cut)
        assert (a.alpha, a.beta) == (pytest.approx(b.alpha, rel=1e-12),
                                     pytest.approx(b.beta, rel=1e-12))
        assert all(d.event.date.end <= cut for d in a.drivers)


def _naive(rec: Record, actor: str, toward: str | None, as_of: date,
           s: CredibilitySettings) -> tuple[float, float]:
    """Independent loop implementation of the documented formula (no numpy)."""
    groups: dict[str, float] = {}
    for e in rec.events:
        ag = rec.agreement(e.agreement)
        if e.date.end > as_of:
            continue
        year = e.date.start.year

        def is_party(code: str, parties: tuple[str, ...] = ag.parties, y: int = year) -> bool:
            for p in parties:
                if code == p or (p, code) in (("SUN", "RUS"), ("RUS", "SUN")):
                    return True
                if code in members_of(p, y):
                    return True
            return False

        born = STATEHOOD.get(toward or "")
        if toward is not None and (not is_party(toward) or (born and e.date.start < born)):
            continue
        att = 0.0
        for a in e.actors:
            if a == actor:
                att = 1.0
            elif a == "SUN" and actor == "RUS":
                att = max(att, s.continuator_weight)
            elif actor in members_of(a, year):
                att = max(att, s.org_share)
        w = event_weight(e, ag, s) * att
        if w == 0:
            continue
        age = (as_of - e.date.end).days
        w *= 0.5 ** (age / (s.half_life_years * 365.25)) if s.half_life_years else 1.0
        key = (e.conduct + ("+" if w > 0 else "-")) if e.conduct else e.id
        old = groups.get(key, 0.0)
        groups[key] = w if abs(w) > abs(old) else old
    alpha = s.prior_kept + sum(w for w in groups.values() if w > 0)
    beta = s.prior_broken - sum(w for w in groups.values() if w < 0)
    return alpha, beta


@pytest.mark.parametrize(
    ("actor", "toward", "as_of"),
    [("USA", "RUS", "2022-01-10"), ("RUS", "USA", "2026-11-25"), ("RUS", "UKR", "2026-11-25"),
     ("USA", "IRN", "2026-11-25"), ("IRN", None, "2019-06-01"), ("NATO", "RUS", "2024-01-01"),
     ("RUS", None, "1995-01-01")],
)
def test_matches_independent_loop_implementation(actor: str, toward: str | None,
                                                 as_of: str) -> None:
    rec = load_shipped_record()
    s = CredibilitySettings()
    c = credibility(rec, actor, toward=toward, as_of=as_of, settings=s)
    alpha, beta = _naive(rec, actor, toward, date.fromisoformat(as_of), s)
    assert (c.alpha, c.beta) == (pytest.approx(alpha), pytest.approx(beta))


def test_drivers_are_exact_leave_one_out_effects() -> None:
    rec = load_shipped_record()
    c = credibility(rec, "RUS", toward="USA", as_of="2026-11-25")
    assert [abs(d.delta) for d in c.drivers] == sorted((abs(d.delta) for d in c.drivers),
                                                       reverse=True)
    for d in c.drivers[:6]:
        without = Record(agreements=rec.agreements,
                         events=tuple(e for e in rec.events if e.id != d.event.id))
        c2 = credibility(without, "RUS", toward="USA", as_of="2026-11-25")
        assert d.delta == pytest.approx(c.mean - c2.mean, abs=1e-12)
        assert (d.delta > 0) == (d.weight > 0)


def test_vectorized_curve_equals_pointwise_credibility() -> None:
    rec = load_shipped_record()
    dates = [date(1990, 1, 1) + timedelta(days=700 * k) for k in range(19)]
    curve = credibility_curve(rec, "USA", "RUS", dates)
    for k, d in enumerate(dates):
        c = credibility(rec, "USA", toward="RUS", as_of=d)
        assert curve.mean[k] == pytest.approx(c.mean)
        assert (curve.low[k], curve.high[k]) == (pytest.approx(c.low), pytest.approx(c.high))
    assert np.all(curve.low <= curve.mean) and np.all(curve.mean <= curve.high)


def test_no_evidence_gives_the_prior() -> None:
    c = credibility(record(event("s", "2000-01-01", type="signed")), "AAA", as_of="2001-01-01")
    assert (c.mean, c.n_events, c.drivers) == (0.5, 0, ())


def test_bad_inputs_are_refused() -> None:
    rec = load_shipped_record()
    with pytest.raises(KeyError, match="does not appear"):
        credibility(rec, "XYZ")
    with pytest.raises(InputError, match="toward must differ"):
        credibility(rec, "USA", toward="USA")
    with pytest.raises(InputError, match="as_of"):
        credibility(rec, "USA", as_of="10/01/2022")
    with pytest.raises(ValueError, match="unknown key"):
        CredibilitySettings(evidence_weights={"rumour": 0.1})
    with pytest.raises(ValueError, match="non-negative"):
        CredibilitySettings(evidence_weights={"allegation": -1})
    with pytest.raises(ValueError):
        CredibilitySettings(level=1.5)


def test_bargaining_call_works_without_a_database() -> None:
    kappa = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10").mean
    assert 0.0 < kappa < 1.0 and math.isfinite(kappa)
    d = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10").as_dict(3)
    assert set(d) >= {"actor", "toward", "as_of", "mean", "low", "high", "drivers"}
    assert len(d["drivers"]) == 3
