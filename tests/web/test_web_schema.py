"""Property tests of the JSON API against its own OpenAPI schema: no generated request, valid or
not, gets a 5xx answer, and every answer is one the schema documents (its status code, content
type and body). Bounded: a few examples per operation (about a minute and a half in all)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from detente.web import WebSettings, create_app  # noqa: E402

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(WebSettings(db="shipped")))


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error(case):  # type: ignore[no-untyped-def]
    # review22: the errors (404, 413, 422, 400 for a body not JSON in UTF-8) were not in the
    # schema, so an answer the API gives on purpose was undocumented
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance,
                                   content_type_conformance, response_schema_conformance])
