"""Review 26: an analyst's mistakes through the HTTP API."""

from __future__ import annotations

from web_helpers import detail


def test_bargain_api_asks_for_the_parties_of_a_many_actor_scenario(client):
    # the command line refuses to guess two of 14 actors; the API silently took the first two
    r = client.post("/api/bargain", json={"scenario": "geneva-2022"})
    assert r.status_code == 422
    locs = [d["loc"] for d in detail(r)]
    assert locs == [["a"], ["b"]]
    assert "needs both parties" in detail(r)[0]["msg"] and "USA" in detail(r)[0]["msg"]


def test_bargain_api_names_a_missing_party_instead_of_an_actor_none(client):
    r = client.post("/api/bargain", json={"scenario": "geneva-2022", "a": "USA"})
    assert r.status_code == 422 and [d["loc"] for d in detail(r)] == [["b"]]
    assert "'None'" not in detail(r)[0]["msg"] and "'a' and 'b'" in detail(r)[0]["msg"]


def test_bargain_api_takes_the_two_actors_of_a_two_actor_scenario(client):
    doc = {"name": "pair", "actors": [{"id": "A", "capability": 50}, {"id": "B", "capability": 50}],
           "issues": [{"id": "x", "status_quo": 50}],
           "stances": [{"actor": "A", "issue": "x", "position": 10, "salience": 80},
                       {"actor": "B", "issue": "x", "position": 90, "salience": 60}]}
    r = client.post("/api/bargain", json={"document": doc})
    assert r.status_code == 200, r.text
    assert r.json()["domain"]["name"].endswith("A–B")


def test_bargain_page_still_opens_on_the_first_two_actors(client):
    r = client.get("/bargain?s=geneva-2022")
    assert r.status_code == 200 and "<h2>Solutions</h2>" in r.text
    assert '<select name="a"><option selected>USA</option>' in r.text
