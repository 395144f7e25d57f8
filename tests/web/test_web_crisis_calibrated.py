"""The web faces of the crisis model's calibrated episode (design revision 9 of
docs/crisis.md): the dashboard says the figure is mixed with the bank's base rate, and the HTTP
API's JSON carries the calibrated and the structural probabilities."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient


def test_api_forecast_has_calibrated_and_structural_episode(client: TestClient) -> None:
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["crisis"],
                                           "seed": 0})
    assert r.status_code == 200, r.text
    m = r.json()["models"][0]
    ep, model, w = m["episode"], m["episode_model"], m["base_rate_weight"]
    pi = m["base_rate"]["probabilities"]
    assert m["base_rate"]["left_out"] == "geneva-2022"
    for k in ("agreement", "no_agreement", "escalation"):
        assert abs(ep[k] - ((1 - w) * model[k] + w * pi[k])) < 1e-12
    assert any("not from the structure" in line for line in m["explanation"])


def test_forecast_page_says_what_the_figure_is(client: TestClient) -> None:
    r = client.get("/forecast?s=geneva-2022&model=crisis")
    assert r.status_code == 200
    text = " ".join(html.unescape(r.text).split())
    assert 'id="episode-mixture-crisis"' in r.text
    m = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["crisis"],
                                           "seed": 0}).json()["models"][0]
    n = m["base_rate"]["n_cases"]
    assert (f"A calibrated figure: P(escalation) from the model "
            f"{m['episode_model']['escalation']:.2f}") in text
    assert (f"base rate {m['base_rate']['probabilities']['escalation']:.2f} (the other {n} "
            f"bank cases) at weight {m['base_rate_weight']:g} → "
            f"{m['episode']['escalation']:.2f}") in text
