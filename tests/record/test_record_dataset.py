"""The shipped dataset: size, sources, codes, coverage, neutrality conventions."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from detente.record import EventType, Evidence, load_shipped_record
from detente.record._model import ORGANISATIONS
from detente.record._shipped import shipped_csv

REC = load_shipped_record()
NON_STATE = {"DPR", "LPR", "TALIBAN", "HEZBOLLAH"}


def test_size_and_sources() -> None:
    assert len(REC.agreements) >= 50
    assert len(REC.events) >= 250
    for item in (*REC.agreements, *REC.events):
        assert re.match(r"^https?://[^\s]+\.[a-z]{2,}", item.source), item.id


@pytest.mark.parametrize("agreement_id", [
    "abm_1972", "inf_1987", "start1_1991", "new_start_2010", "cfe_1990", "open_skies_1992",
    "ctbt_1996", "budapest_memo_1994", "nato_russia_founding_act_1997", "agreed_framework_1994",
    "jcpoa_2015", "minsk1_2014", "minsk2_2015", "istanbul_communique_2022", "bsgi_2022",
])
def test_agreements_behind_todays_negotiations_are_there(agreement_id: str) -> None:
    assert REC.events_of(agreement_id), agreement_id


def test_every_agreement_has_events_and_codes_are_valid() -> None:
    for a in REC.agreements:
        assert REC.events_of(a.id), a.id
    for code in REC.actors():
        assert (re.fullmatch(r"[A-Z]{3}", code) or code in ORGANISATIONS
                or code in NON_STATE), code


def test_kept_milestones_are_recorded() -> None:
    kept = [e for e in REC.events if e.type is EventType.kept]
    assert len(kept) >= 40
    assert {"USA", "RUS", "SUN", "IRN", "UKR"} <= {a for e in kept for a in e.actors}
    # milestones named in the brief
    notes = " ".join(e.note for e in kept)
    for needle in ("INF missile systems eliminated", "central limits", "IAEA verification report",
                   "observation flight", "reduction period"):
        assert needle in notes, needle


def test_neutral_coding_of_allegations_and_findings() -> None:
    for e in REC.events:
        if e.type is EventType.violation_alleged:
            assert e.alleged_by and e.evidence is not Evidence.finding, e.id
        if e.evidence is Evidence.determination:  # a party's own report is not a finding
            assert e.type is not EventType.violation_established, e.id
        if e.type is EventType.hostile_act_during_talks:
            assert REC.agreement(e.agreement).kind.value in ("talks", "draft"), e.id
    us_reports = [e for e in REC.events if e.evidence is Evidence.determination
                  and "USA" in e.alleged_by]
    assert len(us_reports) >= 5


def test_conduct_recorded_twice_shares_a_key() -> None:
    groups = Counter(e.conduct for e in REC.events if e.conduct)
    assert groups["rus_crimea_2014"] == 2 and groups["rus_invasion_2022"] == 2
    assert all(n >= 2 for n in groups.values())
    # the Helsinki duplicate of the Crimea row was removed rather than keyed
    assert not any(e.agreement == "helsinki_final_act_1975" and e.date.start.year == 2014
                   for e in REC.events)


def test_shipped_files_are_in_canonical_form() -> None:
    from detente.record._csv import agreements_csv, events_csv

    assert shipped_csv("agreements.csv") == agreements_csv(REC)
    assert shipped_csv("events.csv") == events_csv(REC)
