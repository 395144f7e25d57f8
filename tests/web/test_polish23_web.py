"""polish23: review22's remaining leftovers (its findings, "Not fixed")."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app


def _cli_json(*args: str) -> dict[str, Any]:
    r = CliRunner().invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _figures(doc: dict[str, Any]) -> dict[str, Any]:
    """A bargain document without its wording (how each face names the trust's source and the
    what-if in a note), the figures only."""
    return {k: v for k, v in doc.items() if k not in ("trust_source", "notes")}


def test_bargain_takes_the_command_lines_what_ifs_with_its_figures(client: TestClient) -> None:
    body = {"scenario": "falklands-1982", "a": "GBR", "b": "ARG", "trust": 0.6,
            "set": ["GBR.withdrawal.salience=40", "ARG.capability=30"], "drop": ["USA"]}
    r = client.post("/api/bargain", json=body)
    assert r.status_code == 200, r.text
    api = r.json()
    cli = _cli_json("bargain", "falklands-1982", "--a", "GBR", "--b", "ARG", "--trust", "0.6",
                    "--set", "GBR.withdrawal.salience=40", "--set", "ARG.capability=30",
                    "--drop", "USA", "-f", "json")
    assert _figures(api) == _figures(cli)
    assert "what-if" in api["domain"]["name"]
    # and the what-if changed the figures (it is not ignored)
    plain = client.post("/api/bargain", json={k: v for k, v in body.items()
                                              if k not in ("set", "drop")}).json()
    assert _figures(plain) != _figures(api)
    assert plain["solutions"] != api["solutions"]


def test_bargain_what_if_notes_say_what_a_drop_took(client: TestClient) -> None:
    body = {"scenario": "falklands-1982", "a": "ARG", "b": "USA", "trust": 0.5, "drop": ["GBR"]}
    r = client.post("/api/bargain", json=body)
    assert r.status_code == 200, r.text
    cli = _cli_json("bargain", "falklands-1982", "--a", "ARG", "--b", "USA", "--trust", "0.5",
                    "--drop", "GBR", "-f", "json")
    assert cli["notes"], "the drop takes GBR's outside option with it"
    (note,) = r.json()["notes"]
    assert note == cli["notes"][0].replace("--drop GBR", "drop[0] GBR")
    assert client.post("/api/bargain", json={**body, "drop": []}).json()["notes"] == []


def test_bargain_what_if_mistakes_are_located_as_in_the_forecast(client: TestClient) -> None:
    base = {"scenario": "falklands-1982", "a": "GBR", "b": "ARG"}
    for extra, loc in (({"set": ["GBR.withdrawal.salience=40", "ARG.withdrawl.position=3"]},
                        ["set", 1]),
                       ({"set": ["GBR.withdrawal.salience=-5"]}, ["set", 0]),
                       ({"drop": ["USA", "USSR"]}, ["drop", 1]),
                       ({"set": ["GBR.withdrawal.red_line=below:90"]}, ["set", 0])):
        r = client.post("/api/bargain", json={**base, **extra})
        assert r.status_code == 422, (extra, r.text)
        (d,) = r.json()["detail"]
        assert d["loc"] == loc, (extra, d)
        f = client.post("/api/forecast", json={"scenario": "falklands-1982",
                                               "models": ["median"], **extra})
        assert f.status_code == 422
        assert f.json()["detail"][0]["msg"] == d["msg"]  # the same words as the forecast's
    # a party the what-if left out is at that party
    r = client.post("/api/bargain", json={**base, "drop": ["ARG"]})
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == ["b"]


def test_the_schema_gives_bargain_its_what_ifs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ref = spec["paths"]["/api/bargain"]["post"]["requestBody"]["content"]["application/json"][
        "schema"]["$ref"].rsplit("/", 1)[1]
    props = spec["components"]["schemas"][ref]["properties"]
    assert {"set", "drop"} <= set(props)
    assert props["set"]["type"] == "array" and props["drop"]["type"] == "array"


def _page_needs(html: str) -> dict[str, tuple[str, str]]:
    """The bargaining page's "trust needed" per solution: (shown text, exact figure)."""
    import re

    table = html.split('id="solutions"', 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th>([^<]*)</th>", table.split("</thead>", 1)[0])
    assert "trust needed" in heads, heads
    return {name: (shown, exact) for name, exact, shown in re.findall(
        r'<tr><th>([^<]+)</th>.*?<td class="need" data-need="([^"]*)">([^<]*)</td>', table)}


def test_the_bargaining_page_shows_the_trust_each_solution_needs(client: TestClient) -> None:
    q = {"s": "falklands-1982", "a": "GBR", "b": "ARG", "trust": 0.6}
    r = client.get("/bargain", params=q)
    assert r.status_code == 200, r.text
    page = _page_needs(r.text)
    api = client.post("/api/bargain", json={"scenario": "falklands-1982", "a": "GBR",
                                            "b": "ARG", "trust": 0.6}).json()
    cli = _cli_json("bargain", "falklands-1982", "--a", "GBR", "--b", "ARG", "--trust", "0.6",
                    "-f", "json")
    need = api["solution_trust_needed"]
    assert need == cli["solution_trust_needed"]
    assert set(page) == set(need) == set(api["solutions"])
    for name, (shown, exact) in page.items():
        if need[name] is None:
            assert (shown, exact) == ("never", "")
        else:
            assert float(exact) == need[name]
            assert shown == f"{need[name]:.3f}"  # as the command line's table prints it
    # the deals at the given trust are beside it, and the page says what the column is
    assert "At the given trust" in r.text and "least common trust" in r.text

