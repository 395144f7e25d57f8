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
    # and the command line's words, its option named as the command line names it
    r = client.post("/api/bargain", json={**base, "set": ["ARG.withdrawl.position=3"]})
    cli = CliRunner().invoke(app, ["bargain", "falklands-1982", "--a", "GBR", "--b", "ARG",
                                   "--set", "ARG.withdrawl.position=3"])
    assert cli.exit_code != 0
    msg = r.json()["detail"][0]["msg"]
    assert msg.replace("set[0] ", "--set ") in " ".join(cli.output.split())
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


# -- the uncertainty downloads serve the finished run ------------------------------------------
RUN = {"s": "geneva-2022", "model": ["compromise", "median"], "draws": 300, "seed": 11,
       "jitter": "position=10,salience=25%", "above": 50, "set": "RUS.open_door.salience=90",
       "method": "morris", "n": 4, "smodel": "median"}


def _counting(monkeypatch: Any, name: str) -> list[int]:
    """Count the calls of ``detente.uncertainty.NAME`` (the library function the web calls)."""
    import detente.uncertainty as lib

    calls: list[int] = []
    real = getattr(lib, name)

    def counted(*a: Any, **kw: Any) -> Any:
        calls.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(lib, name, counted)
    return calls


def _background_run(client: TestClient, params: dict[str, Any]) -> str:
    """Start a background run of the page's options, wait until it is done; its id."""
    import time

    r = client.post("/uncertainty/jobs", params=params)
    assert r.status_code == 202, r.text
    job = r.json()["id"]
    for _ in range(600):
        snap = client.get(f"/uncertainty/jobs/{job}").json()
        if snap["status"] != "running":
            break
        time.sleep(0.1)
    assert snap["status"] == "done", snap
    return job


def _page_means(html: str) -> dict[tuple[str, str], str]:
    import re

    return {(i, m): v for i, m, v in re.findall(
        r'<tr data-issue="([^"]+)" data-model="([^"]+)">.*?<td class="mean">([^<]*)</td>', html)}


def test_the_download_after_a_background_run_serves_that_run(client: TestClient,
                                                             monkeypatch: Any) -> None:
    import html
    import re

    job = _background_run(client, {**RUN, "seed": 12})
    fragment = client.get(f"/uncertainty/jobs/{job}/result").text
    links = dict(re.findall(r'id="download-(csv|json)" href="([^"]+)"', fragment))
    calls = _counting(monkeypatch, "simulate")
    js = client.get(html.unescape(links["json"]))
    csv = client.get(html.unescape(links["csv"]))
    assert js.status_code == csv.status_code == 200, js.text
    assert calls == []  # served, not run again
    doc = json.loads(js.text)
    means = _page_means(fragment)
    assert len(means) == 2 * 6
    for m in doc["models"]:
        for row in m["issues"]:
            assert means[(row["issue"], m["model"])] == f"{row['mean']:.2f}"
    assert doc["draws"] == 300 and doc["seed"] == 12
    # the CSV is the command line's writing of the same result
    assert csv.text.splitlines()[0].startswith("model,issue,point,mean")
    assert len(csv.text.splitlines()) == 1 + 2 * 6


def test_the_download_of_a_run_not_kept_runs_it_once(client: TestClient,
                                                     monkeypatch: Any) -> None:
    calls = _counting(monkeypatch, "simulate")
    q = {**RUN, "seed": 13, "method": "none", "format": "json"}
    first = client.get("/uncertainty/download", params=q)
    assert first.status_code == 200, first.text
    assert calls == [1]
    again = client.get("/uncertainty/download", params=q)
    assert calls == [1] and again.text == first.text
    other = client.get("/uncertainty/download", params={**q, "draws": 301})
    assert other.status_code == 200 and calls == [1, 1]  # other options: another run


def test_the_download_after_a_run_on_the_page_serves_that_run(client: TestClient,
                                                              monkeypatch: Any) -> None:
    import html
    import re

    page = client.get("/uncertainty", params={**RUN, "seed": 14, "method": "none", "run": 1})
    assert page.status_code == 200, page.text
    links = dict(re.findall(r'id="download-(csv|json)" href="([^"]+)"', page.text))
    calls = _counting(monkeypatch, "simulate")
    doc = client.get(html.unescape(links["json"])).json()
    assert calls == []
    means = _page_means(page.text)
    assert means and all(means[(r["issue"], m["model"])] == f"{r['mean']:.2f}"
                         for m in doc["models"] for r in m["issues"])


def test_the_sensitivity_analysis_downloads_what_the_page_shows(client: TestClient,
                                                                monkeypatch: Any) -> None:
    import csv
    import html
    import io
    import re

    job = _background_run(client, {**RUN, "seed": 15})
    fragment = client.get(f"/uncertainty/jobs/{job}/result").text
    links = dict(re.findall(r'id="download-sensitivity-(csv|json)" href="([^"]+)"', fragment))
    assert set(links) == {"csv", "json"}
    calls = _counting(monkeypatch, "sensitivity")
    js = client.get(html.unescape(links["json"]))
    cs = client.get(html.unescape(links["csv"]))
    assert js.status_code == cs.status_code == 200, js.text
    assert calls == []  # the page's own analysis, not another
    assert "geneva-2022" in js.headers["content-disposition"]
    assert "sensitivity.csv" in cs.headers["content-disposition"]
    doc = json.loads(js.text)
    assert doc["model"] == "median" and doc["method"] == "morris"
    # the page's table: per issue its most influential inputs with mu*, as in the download
    table = fragment.split('id="sensitivity-table"', 1)[1].split("</table>", 1)[0]
    shown = dict(re.findall(r"<tr><th>([^<]+)</th><td>([^<]*)</td>", table))
    assert shown
    for iss, xs in doc["issues"].items():
        want = "; ".join(f"{x['input']} (mu* {x['mu_star']:.2f})" for x in xs[:5])
        assert shown[doc["issue_names"][iss]] == want
    # the same as detente sensitivity -f json on the same options
    cli = _cli_json("sensitivity", "geneva-2022", "-m", "median", "--method", "morris",
                    "-n", "4", "--seed", "15", "--jitter", "position=10,salience=25%",
                    "--set", "RUS.open_door.salience=90", "-f", "json")
    assert doc == cli
    # the CSV: one row per issue and input, the JSON's figures
    rows = list(csv.DictReader(io.StringIO(cs.text)))
    assert len(rows) == sum(len(xs) for xs in doc["issues"].values())
    for row in rows:
        x = next(x for x in doc["issues"][row["issue"]] if x["input"] == row["input"])
        assert float(row["mu_star"]) == x["mu_star"] and row["method"] == "morris"


def test_the_sensitivity_download_without_a_run_kept_runs_it_and_says_what_is_missing(
        client: TestClient, monkeypatch: Any) -> None:
    calls = _counting(monkeypatch, "sensitivity")
    q = {**RUN, "seed": 16, "format": "csv"}
    r = client.get("/uncertainty/sensitivity/download", params=q)
    assert r.status_code == 200, r.text
    assert calls == [1]
    assert client.get("/uncertainty/sensitivity/download", params=q).text == r.text
    assert calls == [1]
    none = client.get("/uncertainty/sensitivity/download", params={**q, "method": "none"})
    assert none.status_code == 422
    assert "no sensitivity analysis" in none.text and "method" in none.text
    flat = client.get("/uncertainty/sensitivity/download", params={**q, "jitter": ""})
    assert flat.status_code == 422 and "at least two varying inputs" in flat.text
