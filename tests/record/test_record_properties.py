"""Property tests (hypothesis) of the credibility model's promises."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from record_helpers import agreement, event

from detente.record import CredibilitySettings, Event, Record, credibility, event_weight

AS_OF = date(2022, 1, 10)
_TYPES = ["kept", "extended", "ratified", "compliance_restored", "withdrew", "suspended",
          "violation_alleged", "violation_established", "hostile_act_during_talks",
          "not_ratified", "deratified", "signed", "expired"]
_AGREEMENTS = (agreement("t", "AAA;BBB"), agreement("m", "AAA;BBB;CCC", "memorandum"),
               agreement("o", "NATO;BBB", "political_commitment"))


@st.composite
def _event(draw: st.DrawFn, i: int) -> Event:
    t = draw(st.sampled_from(_TYPES))
    kw: dict[str, object] = {"disputed": draw(st.booleans()),
                             "conduct": draw(st.sampled_from(["", "", "g1", "g2"]))}
    if t in ("withdrew", "suspended"):
        kw["lawful"] = draw(st.sampled_from([None, True, False]))
    if t == "violation_alleged":
        kw["evidence"] = draw(st.sampled_from(["allegation", "determination", "corroborated",
                                               "resolution"]))
    if t == "violation_established":
        kw["evidence"] = draw(st.sampled_from(["finding", "admission"]))
    days = draw(st.integers(0, 40 * 365))
    d = (date(1985, 1, 1) + timedelta(days=days)).isoformat()
    return event(f"e{i}", d, actors=draw(st.sampled_from(["AAA", "BBB", "AAA;BBB", "NATO"])),
                 type=t, agreement=draw(st.sampled_from(["t", "m", "o"])), **kw)


@st.composite
def records(draw: st.DrawFn) -> Record:
    n = draw(st.integers(0, 12))
    return Record(agreements=_AGREEMENTS, events=tuple(draw(_event(i)) for i in range(n)))


def _settings() -> st.SearchStrategy[CredibilitySettings]:
    return st.builds(
        CredibilitySettings,
        half_life_years=st.one_of(st.none(), st.floats(0.5, 50)),
        prior_kept=st.floats(0.2, 5),
        prior_broken=st.floats(0.2, 5),
        disputed_factor=st.floats(0, 1),
        org_share=st.floats(0, 1),
    )


def _symmetric_settings() -> st.SearchStrategy[CredibilitySettings]:
    """Equal prior pseudo-counts (the default). With a lopsided prior, evidence against the
    prior first pulls the mean toward 1/2 and can widen the interval: Bayes, not a bug."""
    return st.builds(
        lambda h, p, d, o: CredibilitySettings(half_life_years=h, prior_kept=p, prior_broken=p,
                                               disputed_factor=d, org_share=o),
        st.one_of(st.none(), st.floats(0.5, 50)), st.floats(0.2, 5), st.floats(0, 1),
        st.floats(0, 1),
    )


_towards = st.sampled_from([None, "BBB"])
_new_dates = st.integers(0, 40 * 365).map(lambda k: date(1985, 1, 1) + timedelta(days=k))
COMMON = settings(max_examples=60, deadline=None)


@COMMON
@given(rec=records(), s=_settings(), toward=_towards, when=_new_dates,
       kind=st.sampled_from(["violation_alleged", "violation_established", "withdrew",
                             "hostile_act_during_talks"]),
       ag=st.sampled_from(["t", "m", "o"]), disputed=st.booleans())
def test_added_violation_never_raises_credibility(
    rec: Record, s: CredibilitySettings, toward: str | None, when: date, kind: str, ag: str,
    disputed: bool,
) -> None:
    before = credibility(rec, "AAA", toward=toward, as_of=AS_OF, settings=s)
    bad = event("new", min(when, AS_OF).isoformat(), type=kind, agreement=ag, disputed=disputed)
    after = credibility(rec.with_items(events=[bad]), "AAA", toward=toward, as_of=AS_OF,
                        settings=s)
    assert after.mean <= before.mean + 1e-12


@COMMON
@given(rec=records(), s=_settings(), toward=_towards, when=_new_dates,
       kind=st.sampled_from(["kept", "extended", "compliance_restored"]),
       ag=st.sampled_from(["t", "m", "o"]))
def test_added_kept_milestone_never_lowers_credibility(
    rec: Record, s: CredibilitySettings, toward: str | None, when: date, kind: str, ag: str
) -> None:
    before = credibility(rec, "AAA", toward=toward, as_of=AS_OF, settings=s)
    good = event("new", min(when, AS_OF).isoformat(), type=kind, agreement=ag)
    after = credibility(rec.with_items(events=[good]), "AAA", toward=toward, as_of=AS_OF,
                        settings=s)
    assert after.mean >= before.mean - 1e-12


@COMMON
@given(rec=records(), s=_settings(), toward=_towards, extra=_event(999),
       gap=st.integers(1, 3000))
def test_as_of_before_an_event_is_unaffected_by_it(
    rec: Record, s: CredibilitySettings, toward: str | None, extra: Event, gap: int
) -> None:
    as_of = extra.date.start - timedelta(days=gap)
    before = credibility(rec, "AAA", toward=toward, as_of=as_of, settings=s)
    after = credibility(rec.with_items(events=[extra]), "AAA", toward=toward, as_of=as_of,
                        settings=s)
    assert (after.mean, after.low, after.high) == (before.mean, before.low, before.high)
    assert extra.id not in {d.event.id for d in after.drivers}


@COMMON
@given(s=_symmetric_settings(), n=st.integers(1, 15),
       kind=st.sampled_from(["kept", "violation_alleged", "violation_established", "withdrew",
                             "suspended", "extended"]),
       disputed=st.booleans(), days=st.integers(0, 5000))
def test_more_evidence_of_the_same_kind_narrows_the_interval(
    s: CredibilitySettings, n: int, kind: str, disputed: bool, days: int
) -> None:
    d = (AS_OF - timedelta(days=days)).isoformat()

    def rec(k: int) -> Record:
        return Record(agreements=_AGREEMENTS, events=tuple(
            event(f"e{i}", d, type=kind, disputed=disputed) for i in range(k)))

    # an event of (numerically) no weight carries no evidence: nothing to narrow
    assume(abs(event_weight(rec(1).events[0], _AGREEMENTS[0], s)) > 1e-6)
    a = credibility(rec(n), "AAA", toward="BBB", as_of=AS_OF, settings=s)
    b = credibility(rec(n + 1), "AAA", toward="BBB", as_of=AS_OF, settings=s)
    assert b.high - b.low < a.high - a.low


@COMMON
@given(rec=records(), s=_symmetric_settings(), toward=_towards)
def test_replicating_the_whole_record_narrows_the_interval(
    rec: Record, s: CredibilitySettings, toward: str | None
) -> None:
    """Twice the evidence in the same proportions: same direction, a tighter interval."""
    twice = rec.with_items(events=[
        e.model_copy(update={"id": e.id + "b", "conduct": e.conduct + "b" if e.conduct else ""})
        for e in rec.events])
    a = credibility(rec, "AAA", toward=toward, as_of=AS_OF, settings=s)
    b = credibility(twice, "AAA", toward=toward, as_of=AS_OF, settings=s)
    if a.n_events == 0:
        assert b.high - b.low == a.high - a.low
    else:
        assert b.high - b.low < a.high - a.low + 1e-12
