"""Filters that match nothing known and query parameters an operation does not take are
errors naming the parameter (review 11, N4), not a silent 200 with nothing in it."""

from __future__ import annotations

import pytest
from web_helpers import detail

from detente.record import AgreementKind, EventType, load_shipped_record


@pytest.mark.parametrize(("url", "params", "status", "field"), [
    ("/api/record/events", {"actor": "XXX"}, 404, "actor"),
    ("/api/record/events", {"type": "nope"}, 422, "type"),
    ("/api/record/agreements", {"party": "XXX"}, 404, "party"),
    ("/api/record/agreements", {"kind": "nope"}, 422, "kind"),
])
def test_an_unknown_filter_value_is_an_error_naming_it(client, url, params, status, field):
    r = client.get(url, params=params)
    assert r.status_code == status
    (d,) = detail(r)
    assert d["loc"] == ["query", field]
    assert repr(params[field]) in d["msg"]


def test_the_type_error_lists_the_known_types(client):
    msg = detail(client.get("/api/record/events", params={"type": "nope"}))[0]["msg"]
    assert all(t.value in msg for t in EventType)
    msg = detail(client.get("/api/record/agreements", params={"kind": "nope"}))[0]["msg"]
    assert all(k.value in msg for k in AgreementKind)


def test_known_filters_still_answer(client):
    rec = load_shipped_record()
    r = client.get("/api/record/events", params={"actor": "RUS", "type": "kept",
                                                 "limit": 5000})
    assert r.status_code == 200
    want = [e for e in rec.events if "RUS" in e.actors and e.type is EventType.kept]
    assert r.json()["total"] == len(want) > 0
    # an organisation member the record knows (as credibility does) is no error
    r = client.get("/api/record/agreements", params={"party": "USA", "kind": "treaty"})
    assert r.status_code == 200 and r.json()


@pytest.mark.parametrize(("url", "params", "unknown"), [
    ("/api/credibility/curve", {"actor": "RUS", "start": "2000-01-01"}, ["start"]),
    ("/api/record/events", {"actor": "RUS", "limt": "5", "tipe": "kept"}, ["limt", "tipe"]),
    ("/api/scenarios", {"x": "1"}, ["x"]),
])
def test_unknown_query_parameters_are_a_422_naming_them(client, url, params, unknown):
    r = client.get(url, params=params)
    assert r.status_code == 422
    got = detail(r)
    assert [d["loc"] for d in got] == [["query", u] for u in unknown]
    assert all("unknown query parameter" in d["msg"] for d in got)


def test_the_unknown_parameter_message_lists_what_the_operation_takes(client):
    msg = detail(client.get("/api/credibility/curve",
                            params={"actor": "RUS", "start": "2000-01-01"}))[0]["msg"]
    assert "since" in msg and "until" in msg and "toward" in msg
