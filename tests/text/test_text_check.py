"""The claim check: true claims confirmed, a wrong year or actor never confirmed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.record import load_shipped_record
from detente.text import Candidate, balance, check, check_markdown, extract_text

REC = load_shipped_record()
ACTS = ("signed", "ratified", "entered_into_force", "extended", "withdrew", "suspended",
        "violation_alleged", "kept")
EVENTS = [e for e in REC.events if e.type.value in ACTS]


def claim(e_agreement: str, actors: tuple[str, ...], etype: str, when: str | None) -> Candidate:
    return Candidate(doc="t", sentence_index=0, sentence="s", start=0, end=1,
                     agreement=e_agreement, agreement_text="x", actors=actors, type=etype,
                     date=when, date_text="", alleged_by=(), negated=False, hypothetical=False,
                     confidence=0.9, trigger="x")


def test_examples() -> None:
    cs = extract_text("In 2019, the United States withdrew from the INF Treaty. In 2002, Russia "
                      "withdrew from the ABM Treaty. The United States withdrew from the ABM "
                      "Treaty in 1999. Russia threatened to withdraw from the CFE Treaty.")
    got = [(v.status, v.reason.split(":")[0]) for v in check(cs, REC)]
    assert got == [("confirmed", "same act, actor and date in the record"),
                   ("contradicted", "wrong actor"), ("contradicted", "wrong date"),
                   ("not_a_fact", "hypothetical, conditional or threatened")]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(EVENTS))
def test_every_record_event_restated_is_confirmed(e) -> None:  # type: ignore[no-untyped-def]
    v = check([claim(e.agreement, e.actors, e.type.value, str(e.date))], REC)[0]
    assert v.status == "confirmed"
    assert e.id in v.event_ids


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EVENTS), st.sampled_from([-9, -5, -3, -2, 2, 3, 5, 9]))
def test_a_wrong_year_is_never_confirmed(e, shift: int) -> None:  # type: ignore[no-untyped-def]
    year = e.date.start.year + shift
    violation = {"violation_alleged", "violation_established"}
    kinds = violation if e.type.value in violation else {e.type.value}
    # the record holding the same act (a violation alleged or established) that year makes the
    # moved claim true, not false
    same = [x for x in REC.events_of(e.agreement) if x.type.value in kinds and
            set(x.actors) & set(e.actors) and x.date.start.year <= year <= x.date.end.year]
    conduct = [x for x in REC.events if e.conduct and x.conduct == e.conduct]
    span = (min(x.date.start.year for x in conduct), max(x.date.end.year for x in conduct)) \
        if conduct else None
    if same or (span and span[0] <= year <= span[1]):
        return  # the record holds the act in that year too: the claim is not false
    v = check([claim(e.agreement, e.actors, e.type.value, str(year))], REC)[0]
    assert v.status != "confirmed"
    if e.type.value != "violation_alleged":
        assert v.status == "contradicted"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([e for e in EVENTS if e.type.value in ("withdrew", "suspended",
                                                               "signed", "ratified")]),
       st.sampled_from(["USA", "RUS", "SUN", "IRN", "UKR", "PRK", "CHN", "GBR"]))
def test_a_wrong_actor_is_never_confirmed(e, who: str) -> None:  # type: ignore[no-untyped-def]
    from detente.text._check import _actor_match

    holders = [x for x in REC.events_of(e.agreement) if x.type == e.type and
               _actor_match({who}, x)]
    if holders:
        return  # that actor did this too
    v = check([claim(e.agreement, (who,), e.type.value, str(e.date))], REC)[0]
    assert v.status in ("contradicted", "not_in_record")


def test_negated_claims_are_not_checked() -> None:
    e = EVENTS[0]
    c = replace(claim(e.agreement, e.actors, e.type.value, str(e.date)), negated=True)
    assert check([c], REC)[0].status == "not_a_fact"


def test_balance_counts_the_article_beside_the_record() -> None:
    cs = extract_text("In 2019 the United States withdrew from the INF Treaty. The State "
                      "Department said in 2018 that Russia violated the INF Treaty.")
    years, rows = balance(cs, REC)
    assert years == (2018, 2019)
    by = {r.party: r for r in rows}
    assert by["USA"].in_article == 1 and by["RUS"].in_article == 1
    # the record's own count, computed here directly
    want = len({e.conduct or e.id for e in REC.events if "USA" in e.actors and
                2018 <= e.date.start.year <= 2019 and e.type.value in
                ("violation_alleged", "violation_established", "withdrew", "suspended",
                 "deratified", "not_ratified", "hostile_act_during_talks")})
    assert by["USA"].in_record_all == want
    md = check_markdown("a.txt", check(cs, REC), years, rows)
    assert "| USA | 1 |" in md


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([e for e in EVENTS if e.date.start == e.date.end and not e.conduct]),
       st.sampled_from([-3, -1, 1, 2, 3]))
def test_a_day_precise_claim_a_few_days_off_is_confirmed_with_the_gap(  # type: ignore[no-untyped-def]
        e, shift: int) -> None:
    from datetime import timedelta

    when = e.date.start + timedelta(days=shift)
    v = check([claim(e.agreement, e.actors, e.type.value, when.isoformat())], REC)[0]
    assert v.status == "confirmed"
    if "same act, actor and date" not in v.reason:  # unless another event holds that day
        # the gap is stated to the record event nearest the claim (another event of the same
        # act and actor may lie nearer than ``e``: 2015-02-16 and 2015-02-18)
        import re

        m = re.search(r"dates it (\d{4}-\d\d-\d\d), (\d+) days? from", v.reason)
        assert m, v.reason
        near = date.fromisoformat(m.group(1))
        assert int(m.group(2)) == abs((when - near).days) <= abs(shift)


def test_a_claim_weeks_off_in_the_same_year_is_a_wrong_date() -> None:
    from datetime import timedelta

    e = next(x for x in EVENTS if x.agreement == "inf_1987" and x.type.value == "suspended"
             and x.actors == ("RUS",) and not x.conduct)
    when = e.date.start + timedelta(days=20)
    v = check([claim(e.agreement, e.actors, e.type.value, when.isoformat())], REC)[0]
    assert v.status == "contradicted" and v.reason.startswith("wrong date")
    near = check([claim(e.agreement, e.actors, e.type.value,
                        (e.date.start - timedelta(days=1)).isoformat())], REC)[0]
    assert near.status == "confirmed" and "1 day from" in near.reason
