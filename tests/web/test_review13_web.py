"""Review 13: what an API user hits first."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from web_helpers import detail

DOC: dict[str, Any] = {
    "name": "ceasefire",
    "actors": [{"id": "ARM", "capability": 30}, {"id": "AZE", "capability": 60},
               {"id": "RUS", "name": "mediator", "capability": 80}],
    "issues": [{"id": "line", "status_quo": 50}],
    "stances": [{"actor": "ARM", "issue": "line", "position": 20, "salience": 90},
                {"actor": "AZE", "issue": "line", "position": 90, "salience": 90},
                {"actor": "RUS", "issue": "line", "position": 60, "salience": 50}],
}


def test_a_document_under_scenario_is_pointed_at_document(client: TestClient) -> None:
    # had been "Input should be a valid string", which does not say where a scenario goes
    for path, extra in (("/api/forecast", {}), ("/api/bargain", {"a": "ARM", "b": "AZE"}),
                        ("/api/simulate", {})):
        r = client.post(path, json={"scenario": DOC, **extra})
        assert r.status_code == 422, (path, r.text)
        d = detail(r)
        assert d[0]["loc"] == ["body", "scenario"]
        assert "'document'" in d[0]["msg"] and "name or hash" in d[0]["msg"]
