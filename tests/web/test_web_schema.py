"""Property tests of the JSON API against its own OpenAPI schema: no generated request, valid or
not, gets a 5xx answer. Bounded: a few examples per operation (about a minute in all)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from detente.web import WebSettings, create_app  # noqa: E402

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(WebSettings(db="shipped")))


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error(case):  # type: ignore[no-untyped-def]
    case.call_and_validate(checks=[not_a_server_error])
