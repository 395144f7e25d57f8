"""The pages: each one renders, shows what the library computes, and puts errors at the field."""

from __future__ import annotations

import re
from html import unescape

import pytest
import yaml
from web_helpers import TOKEN

from detente.bargaining import analyse, domain_from_scenario
from detente.examples import example_path, load_example
from detente.scenario import read_yaml_text

GENEVA = load_example("geneva-2022")
PAGES = ["/", "/scenarios", "/scenarios/view?s=geneva-2022", "/scenarios/edit?s=geneva-2022",
         "/scenarios/edit", "/forecast", "/forecast?s=geneva-2022",
         "/forecast?s=munich-1938&model=eum&model=median", "/bargain",
         "/bargain?s=geneva-2022&a=USA&b=RUS", "/record", "/record?actor=RUS&type=withdrew",
         "/credibility", "/credibility?actor=RUS&toward=USA&as_of=2022-01-10", "/text", "/docs"]


def field_errors(html: str) -> dict[str, str]:
    return {k: unescape(v) for k, v in
            re.findall(r'class="field-error" data-field="([^"]+)">([^<]*)<', html)}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', r.text)
    styles = re.findall(r'<link[^>]* href="([^"]+)"', r.text)
    assert all(u.startswith("/") and not u.startswith("//") for u in scripts + styles)
    assert 'id="permalink"' in r.text
    for path, _ in (("/scenarios", ""), ("/forecast", ""), ("/bargain", ""), ("/record", "")):
        assert f'href="{path}"' in r.text


def test_plotly_is_served_from_the_installed_package(client):
    import plotly

    from detente.web._app import plotly_js

    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and r.content == plotly_js().read_bytes()
    assert plotly_js().is_relative_to(plotly.__path__[0])


def test_unknown_scenario_is_a_404_page(client):
    r = client.get("/forecast?s=no-such-case")
    assert r.status_code == 404 and "no scenario named" in r.text
    r = client.get("/scenarios/view?s=0123456789abcdef")
    assert r.status_code == 404 and "upload it again" in r.text


def test_view_and_download_round_trip(client):
    r = client.get("/scenarios/view?s=geneva-2022")
    for a in GENEVA.actor_ids:
        assert f"<th>{a}" in r.text
    y = client.get("/scenarios/download?s=geneva-2022")
    assert y.headers["content-disposition"] == 'attachment; filename="geneva-2022.yaml"'
    assert read_yaml_text(y.text) == GENEVA


def test_upload_with_an_error_shows_it_at_the_field(client):
    bad = example_path("geneva-2022").read_text().replace("salience: 90", "salience: 190", 1)
    r = client.post("/scenarios/upload", files={"file": ("bad.yaml", bad.encode())})
    assert r.status_code == 422
    errs = field_errors(r.text)
    (key, msg), = errs.items()
    # the cell of the stance with salience 190
    doc = yaml.safe_load(bad)
    k = next(i for i, s in enumerate(doc["stances"]) if s["salience"] == 190)
    st = doc["stances"][k]
    ai = [a["id"] for a in doc["actors"]].index(st["actor"])
    ii = [i["id"] for i in doc["issues"]].index(st["issue"])
    assert key == f"s{ai}_{ii}_sal"
    assert "less than or equal to 100" in msg and msg.startswith("line ")
    assert re.search(rf'name="{key}" id="{key}" value="190"[^>]*aria-invalid="true"', r.text)


def test_upload_success_redirects_to_a_permalink(client):
    r = client.post("/scenarios/upload", follow_redirects=False,
                    files={"file": ("ec.yaml", example_path("ec-emissions").read_bytes())})
    assert r.status_code == 303
    loc = r.headers["location"]
    assert re.fullmatch(r"/scenarios/view\?s=[0-9a-f]{16}", loc)
    assert client.get(loc).status_code == 200


def test_upload_garbage_is_a_listed_error(client):
    r = client.post("/scenarios/upload", files={"file": ("x.csv", bytes(range(256)) * 4)})
    assert r.status_code == 422 and 'id="upload-errors"' in r.text


def _form_of(html: str) -> dict[str, str]:
    """The editor form's fields as a browser would submit them."""
    out = {}
    for name, value in re.findall(r'<input (?:type="hidden" )?name="([^"]+)"(?: id="[^"]+")? '
                                  r'value="([^"]*)"', html):
        out[name] = unescape(value)
    m = re.search(r'<textarea name="base_json" hidden>(.*?)</textarea>', html, re.S)
    assert m
    out["base_json"] = unescape(m.group(1))
    m = re.search(r'<textarea name="description"[^>]*>(.*?)</textarea>', html, re.S)
    out["description"] = unescape(m.group(1)) if m else ""
    return out


def test_editor_round_trip_keeps_the_scenario(client):
    form = _form_of(client.get("/scenarios/edit?s=geneva-2022").text)
    assert form["n_actors"] == str(len(GENEVA.actors))
    r = client.post("/scenarios/edit", data={**form, "action": "save"}, follow_redirects=False)
    assert r.status_code == 303
    h = r.headers["location"].rsplit("=", 1)[1]
    saved = client.get(f"/api/scenarios/{h}").json()["yaml"]
    assert read_yaml_text(saved) == GENEVA  # notes, sources, observed outcomes kept


def test_editor_errors_at_the_field_and_added_rows(client):
    form = _form_of(client.get("/scenarios/edit?s=geneva-2022").text)
    form.update({"a1_cap": "-3", "i0_sq": "500", "s0_0_pos": "abc", "action": "save"})
    r = client.post("/scenarios/edit", data=form)
    assert r.status_code == 422
    errs = field_errors(r.text)
    assert "a1_cap" in errs and "greater than or equal to 0" in errs["a1_cap"]
    # at the cell typed in (i0_sq), since an issue's own checks are located at their field
    assert "i0_sq" in errs and "outside the issue's scale" in errs["i0_sq"]
    assert "s0_0_pos" in errs and "valid number" in errs["s0_0_pos"]
    form = _form_of(client.get("/scenarios/edit").text)
    r = client.post("/scenarios/edit", data={**form, "action": "add_actor"})
    assert r.status_code == 200 and 'name="a2_id"' in r.text


def test_new_scenario_from_the_table(client):
    data = {"name": "two", "n_actors": "2", "n_issues": "1", "base_json": "{}",
            "a0_id": "A", "a1_id": "B", "a0_cap": "2", "i0_id": "x", "i0_sq": "50",
            "s0_0_pos": "10", "s0_0_sal": "80", "s1_0_pos": "90", "s1_0_sal": "40",
            "action": "save"}
    r = client.post("/scenarios/edit", data=data, follow_redirects=False)
    assert r.status_code == 303
    h = r.headers["location"].rsplit("=", 1)[1]
    sc = read_yaml_text(client.get(f"/api/scenarios/{h}").json()["yaml"])
    assert sc.actor_ids == ("A", "B") and sc.stance("A", "x").salience == 80
    bad = client.post("/scenarios/edit", data={**data, "base_json": "[" * 100_000})
    assert bad.status_code == 422


def test_templates_autoescape(client):
    doc = {"name": "<script>alert(1)</script>", "actors": [{"id": "A"}, {"id": "B"}],
           "issues": [{"id": "x", "name": "<img src=x onerror=alert(1)>"}],
           "stances": [{"actor": "A", "issue": "x", "position": 1, "salience": 5},
                       {"actor": "B", "issue": "x", "position": 9, "salience": 5}]}
    h = client.post("/api/scenarios", json={"document": doc}).json()["hash"]
    for url in (f"/scenarios/view?s={h}", f"/forecast?s={h}", f"/scenarios/edit?s={h}"):
        r = client.get(url)
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
        assert "&lt;script&gt;" in r.text or "\\u003cscript\\u003e" in r.text


def test_forecast_page_shows_every_model_and_what_happened(client):
    r = client.get("/forecast?s=munich-1938")
    sc = __import__("detente.cases", fromlist=["load_case"]).load_case("munich-1938")
    for name in ("compromise", "median", "nash", "eum", "exchange"):
        assert f"<th>{name}</th>" in r.text
    # the status-quo baseline is the table's own "status quo" column, not a second one
    assert "<th>status quo</th>" in r.text and "<th>status_quo</th>" not in r.text
    assert 'data-fig="fig-traj-eum"' in r.text and 'id="trades"' in r.text
    observed = [i for i in sc.issues if i.observed]
    assert observed and f"{observed[0].observed.value:.1f}" in r.text
    assert client.get("/forecast?s=geneva-2022&issue=nope").status_code == 422


def test_bargain_page_zone_matches_the_library(client):
    r = client.get("/bargain?s=geneva-2022&a=USA&b=RUS&trust=0.5")
    res = analyse(domain_from_scenario(GENEVA, "USA", "RUS"), 0.5)  # the default grid
    m = re.search(r'id="zone-size" data-size="(\d+)"', r.text)
    assert m and int(m.group(1)) == res.zopa_trust.size
    r = client.get("/bargain?s=geneva-2022&a=USA&b=RUS&as_of=2022-01-10&trust=1")
    assert r.status_code == 200 and "record as of 2022-01-10" in r.text
    assert client.get("/bargain?s=geneva-2022&a=USA&b=USA").status_code == 422


def test_record_page_filters_and_links_sources(client):
    r = client.get("/record?actor=RUS&type=withdrew")
    rows = re.findall(r'<tr id="ev-[^"]+"[^>]*><td>[^<]*</td><td><a [^>]*>[^<]*</a></td>'
                      r'<td>([^<]*)</td><td>([^<]*)</td>', r.text)
    assert rows and all("RUS" in a and t == "withdrew" for a, t in rows)
    assert 'rel="noopener noreferrer"' in r.text
    assert client.get("/record?since=notadate").status_code == 422


def test_text_page_read_only_and_accept_with_token(client, writable):
    text = "On 2 August 2019, the United States withdrew from the INF Treaty."
    r = client.post("/text", data={"text": text, "source": "https://example.org/inf"})
    assert r.status_code == 200 and "read-only" in r.text and 'id="accept-0"' in r.text
    r = writable.post("/text", data={"text": text, "source": "https://example.org/inf"})
    assert 'id="token"' in r.text
    cand = unescape(re.search(r'name="cand_0" value="([^"]*)"', r.text).group(1))
    form = {"accept": "0", "cand_0": cand, "source": "https://example.org/inf"}
    assert writable.post("/text/accept", data={**form, "token": "nope"}).status_code == 401
    r = writable.post("/text/accept", data={**form, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303
    page = writable.get(r.headers["location"])
    hid = r.headers["location"].rsplit("highlight=", 1)[1]
    assert f'id="ev-{hid}" class="highlight"' in page.text
    assert client.post("/text/accept", data={**form, "token": TOKEN}).status_code == 403


def test_navigation_can_take_a_later_page(client):
    from detente.web._pages import NAV, add_page

    before = list(NAV)
    try:
        add_page("/uncertainty", "Uncertainty", before="/bargain")
        paths = [p for p, _ in NAV]
        assert paths.index("/uncertainty") == paths.index("/bargain") - 1
        assert 'href="/uncertainty"' in client.get("/").text
    finally:
        NAV[:] = before


def test_text_review_edits_a_candidate_before_accepting(writable):
    text = "The United States withdrew from the INF Treaty."  # no date in the text
    r = writable.post("/text", data={"text": text, "source": "https://example.org/inf"})
    assert "no date in the text" in r.text
    cand = unescape(re.search(r'name="cand_0" value="([^"]*)"', r.text).group(1))
    form = {"accept": "0", "cand_0": cand, "source": "https://example.org/inf",
            "token": TOKEN, "date_0": "", "actors_0": "USA"}
    r = writable.post("/text/accept", data=form)
    assert r.status_code == 422 and "no date" in r.text
    r = writable.post("/text/accept", data={**form, "date_0": "2019-08-02"},
                      follow_redirects=False)
    assert r.status_code == 303
    hid = r.headers["location"].rsplit("highlight=", 1)[1]
    events = writable.get("/api/record/events", params={"agreement": "inf_1987",
                                                        "limit": 5000}).json()["events"]
    (ev,) = [e for e in events if e["id"] == hid]
    assert ev["date"] == "2019-08-02" and ev["actors"] == ["USA"]
