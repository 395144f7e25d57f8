"""The crisis section and the key assumptions / indicators of the case report: the sweep finds
real changes (checked by recomputing the judgements with library calls on each side of every
reported change), sections fall back to a one-line reason, and the crisis numbers feed the key
judgements under ICD 203's terms."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from detente.bargaining import analyse, domain_from_scenario
from detente.crisis import crisis_forecast
from detente.examples import load_example
from detente.report import _crisis_section as cs
from detente.report import build_report, likelihood_term
from detente.report._indicators import BISECT, sweep
from detente.scenario import Scenario

AS_OF = "2022-01-10"


# -- the sweep on a step function with a known threshold -----------------------------------------

@settings(max_examples=200, deadline=None)
@given(lo=st.floats(-100, 100), width=st.floats(0.5, 200), now_f=st.floats(0, 1),
       t_f=st.floats(-0.2, 1.2), up=st.booleans())
@example(lo=0.0, width=43.44686982444135, now_f=0.0, t_f=1.0, up=False)  # a change at hi exactly
def test_sweep_brackets_the_threshold(lo: float, width: float, now_f: float, t_f: float,
                                      up: bool) -> None:
    hi = lo + width
    now, t = lo + now_f * width, lo + t_f * width

    def evaluate(v: float) -> dict[str, str]:
        return {"j": "low" if (v < t) == up else "high"}

    base = evaluate(now)
    same, flips, key, after = sweep(evaluate, base, now, lo, hi)
    # the sweep treats values within 1e-9 of the range from ``now`` as ``now`` itself
    reachable = any(evaluate(v) != base for v in (lo, hi)
                    if abs(v - now) > 1e-9 * max(1.0, width))
    if not reachable:
        assert (same, flips, key, after) == (None, None, None, None)
        return
    assert flips is not None and same is not None
    assert key == "j" and after != base["j"]
    assert evaluate(same) == base and evaluate(flips) != base
    assert min(same, flips) <= t <= max(same, flips)
    assert abs(flips - same) <= width / 2**BISECT + 1e-9


# -- the Geneva indicators, recomputed independently ----------------------------------------------

def _escalation(sc: Scenario, trust: Any = "record") -> str:
    r = crisis_forecast(sc, rng=0, draws=cs.CHEAP_DRAWS, resolve_sd=cs.RESOLVE_SD,
                        channel="public", trust=trust, challenger="RUS", as_of=AS_OF)
    return likelihood_term(float(r.episode["escalation"]))


def _deal(sc: Scenario, pair: tuple[float, float]) -> tuple[str, str]:
    dom = domain_from_scenario(sc, "USA", "RUS", steps=11)
    res = analyse(dom, pair, trust_source="record")
    nash = res.zopa_trust.best["nash"]
    moved = [i.label for i, q in zip(dom.issues, dom.status_quo, strict=True)
             if nash.options[i.id] != i.options[q]]
    return ("a deal exists" if res.zopa_trust.exists else "no deal",
            ", ".join(moved) or "none (the status quo)")


def _variant(sc: Scenario, ind: dict[str, Any], value: float) -> Scenario:
    if ind["kind"] in ("position", "salience"):
        return sc.with_stances([
            s.model_copy(update={ind["kind"]: value})
            if (s.actor, s.issue) == (ind["actor"], ind["issue"]) else s for s in sc.stances])
    if ind["kind"] == "capability":
        return cs.replace_scenario(sc, actors=tuple(
            a.model_copy(update={"capability": value}) if a.id == ind["actor"] else a
            for a in sc.actors))
    return sc


def _judged(sc: Scenario, ind: dict[str, Any], value: float, pair: tuple[float, float]
            ) -> dict[str, str]:
    var = _variant(sc, ind, value)
    crisis_trust: Any = "record"
    if ind["kind"] == "trust":
        # both credibilities move by the same amount until the lower one is `value`
        p0, p1 = ind["pair"]
        d = value - min(p0, p1)
        moved = (min(1.0, max(0.0, p0 + d)), min(1.0, max(0.0, p1 + d)))
        if ind["actor"] == "USA and RUS":
            pair = moved
        else:
            crisis_trust = moved
    deal, nash = _deal(var, pair)
    return {"escalation": _escalation(var, crisis_trust), "deal": deal, "nash": nash}


def test_geneva_indicators_hold_when_recomputed(geneva_report: Any) -> None:
    sc = load_example("geneva-2022")
    data = geneva_report.data
    pair = tuple(data["bargaining"]["trust"])
    base = data["indicators"]["judgements"]
    assert _judged(sc, {"kind": "none"}, 0.0, pair) == base
    inputs = data["indicators"]["inputs"]
    kinds = {i["kind"] for i in inputs}
    assert kinds == {"position", "salience", "capability", "trust"}
    found = [i for i in inputs if i["flips_at"] is not None]
    assert len(found) >= 3
    for ind in inputs:  # a trust sweep starts from the record's own pair
        if ind["kind"] == "trust":
            assert ind["now"] == min(ind["pair"])
    for ind in found:
        before = _judged(sc, ind, ind["same_at"], pair)
        after = _judged(sc, ind, ind["flips_at"], pair)
        assert before[ind["judgement"]] == ind["before"] == base[ind["judgement"]], ind
        assert after[ind["judgement"]] == ind["after"] != ind["before"], ind
    for ind in inputs:
        if ind["flips_at"] is None:  # robust: neither end of the range changes anything
            for v in (ind["lo"], ind["hi"]):
                if v != ind["now"]:
                    assert _judged(sc, ind, v, pair) == base, ind


def test_indicators_read_as_observable_statements(geneva_html: tuple[str, str],
                                                  geneva_report: Any) -> None:
    text = geneva_html[0]
    section = text[text.index('id="indicators"'):text.index('id="methods"')]
    assert "Indicators to watch" in section and "Key assumptions" in section
    sc = load_example("geneva-2022")
    for ind in geneva_report.data["indicators"]["inputs"]:
        if ind["kind"] == "position" and ind["flips_at"] is not None:
            # the statement names the issue by its label (no position indicator flipped a
            # judgement on Geneva before round crisis16, so this line had never run)
            label = sc.issue(ind["issue"]).label
            assert f"If {ind['actor']}&#x27;s stated position on {label} moves past" in section
    nearest = [j for j in geneva_report.judgements if j.text.startswith("Nearest to changing")]
    assert len(nearest) == 1


# -- the crisis section ---------------------------------------------------------------------------

def test_crisis_key_judgement_uses_the_icd_term(geneva_report: Any) -> None:
    p = geneva_report.data["crisis"]["public"]["episode"]["escalation"]
    j = [x for x in geneva_report.judgements if "outside option" in x.text and x.probability]
    assert len(j) == 1
    assert j[0].probability == p and j[0].likelihood == likelihood_term(p)
    assert sum(geneva_report.data["crisis"]["public"]["episode"].values()) == pytest.approx(1.0)


def test_counterfactuals_name_what_closes_the_zone(geneva_report: Any) -> None:
    cf = geneva_report.data["crisis"]["counterfactual"]
    assert set(cf) == {"as coded", "without red lines", "without audience costs",
                       "without outside options", "at full trust"}
    # without an outside option nobody can escalate: a closed form
    assert cf["without outside options"]["escalation"] == 0.0
    for ep in cf.values():
        assert sum(ep.values()) == pytest.approx(1.0)


def test_public_channel_only_without_private_stances() -> None:
    sc = load_example("geneva-2022")
    sc = cs.replace_scenario(sc, stances=tuple(s.model_copy(update={"private": None})
                                               for s in sc.stances))
    cd = cs.crisis_data(sc, seed=0, as_of=AS_OF, models=["compromise"])
    assert list(cd.channels) == ["public"] and cd.gaps == []
    body = cs.crisis_section(sc, "x.yaml", AS_OF, cd, ["compromise"])
    assert "P (public)" in body and "P (private)" not in body
    assert "--channel private" not in body


def test_ultimatum_part_says_why_when_the_crisis_package_offers_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cs, "ultimatum", lambda: None)
    sc = load_example("geneva-2022")
    cd = cs.crisis_data(sc, seed=0, as_of=AS_OF, models=["compromise"])
    assert cd.signals == {}
    body = cs.crisis_section(sc, "x.yaml", AS_OF, cd, ["compromise"])
    assert "Ultimatum analysis skipped:" in body


def test_plain_scenarios_skip_with_reasons() -> None:
    rep = build_report(load_example("ec-emissions"), a="DE", b="UK",
                       models=["compromise", "median"])
    skipped = {s.key: s.skipped for s in rep.sections if s.skipped}
    assert "no crisis inputs" in skipped["crisis"]
    assert "does not appear in the record" in skipped["credibility"]
    # the bargaining needs no record (sides it does not know are bargained at full trust,
    # tests/test_review9.py) but a status quo to value walking away
    assert "no status_quo" in skipped["bargaining"]
    # the forecast sensitivity needs no dyad: the main model (eum) is not in the report, so the
    # first simulated model stands in; credibility's sensitivity needs a record: absent
    assert "sensitivity" not in skipped
    assert rep.data["sensitivity"]["model"] == "compromise"
    assert "credibility_sensitivity" not in rep.data
    assert [m["model"] for m in rep.data["intervals"]["models"]] == ["compromise", "median"]
    assert "no bilateral analysis" in skipped["indicators"]
    assert "indicators" not in rep.data and "crisis" not in rep.data
