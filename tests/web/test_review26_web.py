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


def test_an_unreachable_record_database_is_a_503_not_the_actors_fault():
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    # a well-formed URL to a port where no server listens: the database, not the query, fails
    app = create_app(WebSettings(db="postgresql+pg8000://u@127.0.0.1:1/d?connect_timeout=2"))
    with TestClient(app) as c:
        r = c.get("/api/credibility", params={"actor": "RUS"})
        assert r.status_code == 503, r.text
        d = detail(r)[0]
        assert d["loc"] == [] and "cannot open the record store" in d["msg"]
        assert r.headers["retry-after"]
        page = c.get("/credibility", params={"actor": "RUS"})
        assert page.status_code == 503 and "cannot open the record store" in page.text


def test_serve_refuses_a_database_url_no_connection_could_use(monkeypatch):
    # it said "serving" and answered every record request with a 422 at the query's actor
    import uvicorn
    from typer.testing import CliRunner

    from detente.cli import app

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(1))
    monkeypatch.delenv("DETENTE_DB", raising=False)
    r = CliRunner().invoke(app, ["serve", "--db", "foo://bar", "--port", "0"])
    assert r.exit_code == 2, r.output
    assert "unknown kind of database 'foo'" in r.output and "serving" not in r.output
    assert not started
    monkeypatch.setenv("DETENTE_DB", "postgres://u@h/d")
    r = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert r.exit_code == 2 and "postgresql+pg8000://u@h/d" in r.output and not started
    # a well-formed URL whose server may come up later still starts
    r = CliRunner().invoke(app, ["serve", "--db", "postgresql+pg8000://u@127.0.0.1:1/d",
                                 "--port", "0"])
    assert r.exit_code == 0, r.output
    assert started == [1]


def test_uncertainty_page_names_a_field_once(client):
    # the page printed "jitter: jitter: cannot read …", "above: above: …", "set.0: set[0] …"
    for query, field in (("jitter=position", "jitter"), ("above=abc", "above"),
                         ("set=XYZ.a.position%3D1", "set[0]")):
        r = client.get(f"/uncertainty?s=geneva-2022&run=1&{query}")
        assert r.status_code == 422
        text = r.text.replace("&#39;", "'")
        assert f"{field}: {field}" not in text and ".0: set[0]" not in text
        assert f"<li>{field}" in text
    r = client.get("/uncertainty?s=geneva-2022&run=1&draws=-4")  # a message without its field
    assert r.status_code == 422 and "<li>draws: " in r.text
