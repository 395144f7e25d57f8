"""The JSON API: every route, its answers equal to the library's, and its errors (4xx with the
field path)."""

from __future__ import annotations

import math

import pytest
from web_helpers import TOKEN, detail

from detente.bargaining import analyse, domain_from_scenario, record_trust
from detente.collective import forecast, list_models
from detente.examples import example_path, load_example
from detente.record import credibility, load_shipped_record
from detente.text import extract_text

GENEVA = load_example("geneva-2022")


def test_scenarios_list_and_get(client):
    r = client.get("/api/scenarios")
    assert r.status_code == 200
    body = r.json()
    assert "geneva-2022" in body["examples"] and "munich-1938" in body["cases"]
    r = client.get("/api/scenarios/munich-1938")
    assert r.status_code == 200
    doc = r.json()
    assert doc["name"] == "munich-1938" and len(doc["hash"]) == 16 and doc["yaml"].startswith(
        "name:")
    assert client.get("/api/scenarios/no-such-case").status_code == 404
    r = client.get("/api/scenarios/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code in (404, 422)


def test_post_scenario_yaml_gives_a_permalink_hash(client):
    text = example_path("ec-emissions").read_text()
    r = client.post("/api/scenarios", json={"yaml": text})
    assert r.status_code == 200
    h = r.json()["hash"]
    again = client.get(f"/api/scenarios/{h}")
    assert again.status_code == 200 and again.json()["yaml"] == r.json()["yaml"]
    # the same scenario as a JSON document has the same hash
    r2 = client.post("/api/scenarios", json={"document": r.json()["scenario"]})
    assert r2.json()["hash"] == h


def test_post_scenario_errors_carry_the_field_path(client):
    doc = {"name": "x", "actors": [{"id": "A"}, {"id": "B", "capability": -1}],
           "issues": [{"id": "i", "status_quo": 500}],
           "stances": [{"actor": "A", "issue": "i", "position": 10, "salience": 101}]}
    r = client.post("/api/scenarios", json={"document": doc})
    assert r.status_code == 422
    locs = {tuple(d["loc"]) for d in detail(r)}
    assert ("document", "actors", 1, "capability") in locs
    assert ("document", "stances", 0, "salience") in locs
    assert any(loc[:3] == ("document", "issues", 0) for loc in locs)
    # both or neither of yaml/document
    assert client.post("/api/scenarios", json={}).status_code == 422
    # a YAML error names its line
    r = client.post("/api/scenarios", json={"yaml": "name: x\nactors: [\n"})
    assert r.status_code == 422 and detail(r)[0]["line"] is not None


def test_upload_yaml_and_csv(client, tmp_path):
    from detente.scenario import write_scenario

    r = client.post("/api/scenarios/upload",
                    files={"file": ("g.yaml", example_path("geneva-2022").read_bytes())})
    assert r.status_code == 200 and r.json()["actors"] == list(GENEVA.actor_ids)
    write_scenario(GENEVA, tmp_path / "g.csv")
    r = client.post("/api/scenarios/upload",
                    files={"file": ("g.csv", (tmp_path / "g.csv").read_bytes())})
    assert r.status_code == 200 and r.json()["issues"] == [i.id for i in GENEVA.issues]
    r = client.post("/api/scenarios/upload", files={"file": ("g.exe", b"MZ")})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["file"]
    bad = example_path("geneva-2022").read_text().replace("salience: 90", "salience: 190", 1)
    r = client.post("/api/scenarios/upload", files={"file": ("bad.yaml", bad.encode())})
    assert r.status_code == 422
    d = detail(r)[0]
    assert d["loc"][0] == "stances" and d["loc"][-1] == "salience" and d["line"] > 1


def test_models_lists_the_registry(client):
    r = client.get("/api/models")
    assert [m["name"] for m in r.json()] == [m.name for m in list_models()]


def test_forecast_equals_the_library(client):
    r = client.post("/api/forecast", json={"scenario": "geneva-2022",
                                           "models": ["median", "eum", "exchange"],
                                           "options": {"eum": {"rounds": 4}}})
    assert r.status_code == 200
    body = r.json()
    by = {m["model"]: m for m in body["models"]}
    for name, opts in (("median", {}), ("eum", {"rounds": 4}), ("exchange", {})):
        f = forecast(GENEVA, name, rng=0, **opts)
        got = [x["outcome"] for x in by[name]["issues"]]
        assert got == pytest.approx([None if math.isnan(v) else v for v in f.outcomes])
    eum = by["eum"]
    assert len(eum["trajectory"]["positions"]) == 5  # rounds + 1
    assert eum["explanation"]
    assert isinstance(by["exchange"]["trades"], list) and by["exchange"]["trades"]
    issues = {i["issue"]: i for i in body["issues"]}
    assert issues["open_door"]["status_quo"] == GENEVA.issue("open_door").status_quo


def test_forecast_errors(client):
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["nope"]})
    assert r.status_code == 404 and detail(r)[0]["loc"] == ["models", 0]
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["eum"],
                                           "options": {"eum": {"rounds": "many"}}})
    assert r.status_code in (404, 422) and detail(r)[0]["loc"] == ["models", 0]
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["eum"],
                                           "options": {"median": {}}})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["options", "median"]
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "document": {}})
    assert r.status_code == 422


def test_forecast_limits_are_422_with_the_field(client):
    actors = [{"id": f"A{k}"} for k in range(61)]
    doc = {"actors": actors, "issues": [{"id": "x"}],
           "stances": [{"actor": a["id"], "issue": "x", "position": 1, "salience": 1}
                       for a in actors]}
    r = client.post("/api/forecast", json={"document": doc, "models": ["median"]})
    assert r.status_code == 422
    assert detail(r)[0]["loc"] == ["actors"] and "limit of 60" in detail(r)[0]["msg"]
    # a model run estimated beyond the server's limit
    actors = [{"id": f"A{k}"} for k in range(60)]
    issues = [{"id": f"i{k}"} for k in range(20)]
    doc = {"actors": actors, "issues": issues,
           "stances": [{"actor": a["id"], "issue": i["id"], "position": 1, "salience": 1}
                       for a in actors for i in issues]}
    r = client.post("/api/forecast", json={"document": doc, "models": ["exchange"],
                                           "options": {"exchange": {"rounds": 20}}})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["models", 0]
    assert "limit of 20 s" in detail(r)[0]["msg"]


def test_bargain_equals_the_library(client):
    r = client.post("/api/bargain", json={"scenario": "geneva-2022", "a": "USA", "b": "RUS",
                                          "trust": 0.5})
    assert r.status_code == 200
    dom = domain_from_scenario(GENEVA, "USA", "RUS")  # the default grid, as the CLI
    res = analyse(dom, 0.5)
    body = r.json()
    assert body["zopa_at_trust"]["size"] == res.zopa_trust.size
    assert body["zopa_full_trust"]["size"] == res.zopa_full.size
    assert body["trust_threshold"] == pytest.approx(res.threshold)
    # trust from the record as of a date: the library's credibility pair
    r = client.post("/api/bargain", json={"scenario": "geneva-2022", "a": "USA", "b": "RUS",
                                          "as_of": "2022-01-10"})
    rt = record_trust("USA", "RUS", "2022-01-10", record=load_shipped_record())
    assert r.json()["trust"] == pytest.approx(list(rt.pair))


def test_bargain_errors(client):
    base = {"scenario": "geneva-2022", "a": "USA", "b": "RUS"}
    r = client.post("/api/bargain", json={**base, "a": "XXX"})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["a"]
    r = client.post("/api/bargain", json={**base, "b": "USA"})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["b"]
    r = client.post("/api/bargain", json={**base, "trust": 1.5})
    assert r.status_code == 422 and detail(r)[0]["loc"][-1] == "trust"
    r = client.post("/api/bargain", json={**base, "trust": 0.5, "as_of": "2022-01-10"})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["as_of"]
    r = client.post("/api/bargain", json={**base, "grid": 30})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["grid"]
    # the outcome-space limit: 21 points on 6 issues is over 2,000,000 outcomes
    r = client.post("/api/bargain", json={**base, "grid": 21})
    assert r.status_code == 422 and "outcomes" in detail(r)[0]["msg"]


def test_credibility_equals_the_library(client):
    r = client.get("/api/credibility", params={"actor": "RUS", "toward": "USA",
                                               "as_of": "2022-01-10"})
    c = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10")
    assert r.status_code == 200 and r.json()["mean"] == pytest.approx(c.mean)
    assert len(r.json()["drivers"]) == min(20, len(c.drivers))
    r = client.get("/api/credibility/curve", params={"actor": "RUS", "toward": "USA",
                                                     "since": "2010-01-01",
                                                     "until": "2022-01-10"})
    body = r.json()
    assert body["dates"][0] == "2010-01-01" and body["dates"][-1] == "2022-01-10"
    assert body["mean"][-1] == pytest.approx(c.mean)
    r = client.get("/api/credibility", params={"actor": "RUS", "toward": "ZZZ"})
    assert r.status_code == 404 and detail(r)[0]["loc"] == ["query", "toward"]
    r = client.get("/api/credibility", params={"actor": "RUS", "as_of": "yesterday"})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["as_of"]
    r = client.get("/api/credibility/curve", params={"actor": "RUS", "since": "2020-01-01",
                                                     "until": "2010-01-01"})
    assert r.status_code == 422


def test_record_queries_filter(client):
    rec = load_shipped_record()
    r = client.get("/api/record/agreements", params={"party": "RUS"})
    assert r.status_code == 200
    assert {a["id"] for a in r.json()} == {a.id for a in rec.agreements if "RUS" in a.parties}
    ag = r.json()[0]["id"]
    r = client.get("/api/record/events", params={"agreement": ag})
    want = [e for e in rec.events if e.agreement == ag]
    assert r.json()["total"] == len(want)
    r = client.get("/api/record/events", params={"actor": "USA", "since": "2018-01-01",
                                                 "until": "2019-12-31", "limit": 5000})
    for e in r.json()["events"]:
        assert "USA" in e["actors"] and e["date"][:4] in ("2018", "2019")
    r = client.get("/api/record/events", params={"agreement": "no_such"})
    assert r.status_code == 404 and detail(r)[0]["loc"] == ["query", "agreement"]
    r = client.get("/api/record/events", params={"actor": "bad code!"})
    assert r.status_code == 422


def test_extract_and_check(client):
    text = "In 2019, the United States withdrew from the INF Treaty."
    r = client.post("/api/text/extract", json={"text": text})
    assert r.status_code == 200
    want = [c.as_dict() for c in extract_text(text, load_shipped_record(), name="article")]
    assert [(c["agreement"], c["type"]) for c in r.json()] == [(c["agreement"], c["type"])
                                                               for c in want]
    r = client.post("/api/text/check", json={"text": text})
    assert r.status_code == 200 and r.json()[0]["status"] in ("confirmed", "contradicted",
                                                              "not_in_record", "not_a_fact")
    assert client.post("/api/text/extract", json={"text": ""}).status_code == 422


def test_writes_refused_when_read_only(client):
    body = {"candidates": [{"agreement": "inf_1987", "actors": ["USA"], "type": "withdrew",
                            "date": "2019-08-02"}], "source": "https://example.org/a"}
    r = client.post("/api/record/events", json=body,
                    headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403


def test_writes_need_the_token_and_land_in_the_record(writable):
    text = "On 2 August 2019, the United States withdrew from the INF Treaty."
    cands = writable.post("/api/text/extract", json={"text": text}).json()
    body = {"candidates": cands, "source": "https://example.org/inf"}
    assert writable.post("/api/record/events", json=body).status_code == 401
    r = writable.post("/api/record/events", json=body,
                      headers={"authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = writable.post("/api/record/events", json=body,
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    (eid,) = r.json()["written"]
    events = writable.get("/api/record/events", params={"agreement": "inf_1987",
                                                        "limit": 5000}).json()["events"]
    assert any(e["id"] == eid and e["source"] == "https://example.org/inf" for e in events)
    # a candidate that cannot be recorded: the field path says which
    bad = {"candidates": [{**cands[0], "date": None}], "source": "https://example.org/x"}
    r = writable.post("/api/record/events", json=bad,
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["candidates", 0, "date"]


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/forecast", "/api/bargain", "/api/credibility", "/api/credibility/curve",
              "/api/record/agreements", "/api/record/events", "/api/text/extract",
              "/api/text/check", "/api/scenarios", "/api/scenarios/upload", "/api/models"):
        assert p in paths, p


def test_body_over_the_limit_is_413(client):
    big = {"yaml": "x" * (3 * 1024 * 1024)}
    r = client.post("/api/scenarios", json=big)
    assert r.status_code == 413 and detail(r)[0]["loc"] == ["body"]
    r = client.post("/api/scenarios/upload", files={"file": ("big.yaml", b"#" * 3_000_000)})
    assert r.status_code == 413


def test_no_request_names_a_path(client, tmp_path):
    target = tmp_path / "evil.csv"
    r = client.post("/api/scenarios/upload",
                    files={"file": (f"../../../..{target}", b"actor,position\nA,not-a-number\n")})
    assert r.status_code == 422
    msg = " ".join(d["msg"] for d in detail(r))
    assert not target.exists()
    assert str(tmp_path) not in r.text and "/tmp/detente-web-" not in r.text, msg
    for ref in ("/etc/passwd", "..", "geneva-2022/../x", "C:\\x"):
        assert client.get("/scenarios/view", params={"s": ref}).status_code in (404, 422)


def test_bargain_reservation_values(client):
    pair = {"scenario": "ec-emissions", "a": "NL", "b": "BE"}  # named: the API does not guess
    r = client.post("/api/bargain", json=pair)
    assert r.status_code == 422 and detail(r)[0]["loc"] == ["reservation"]
    r = client.post("/api/bargain", json={**pair, "reservation": [0.4, 0.3]})
    assert r.status_code == 200
    dom = r.json()["domain"]
    assert [p["reservation_value"] for p in dom["parties"]] == [0.4, 0.3]
