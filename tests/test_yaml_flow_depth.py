"""Deep flow nesting (``[[[…``) is refused while PyYAML scans, before its scanner's time grows
with depth × length (found by the web layer's hostile-upload tests)."""

from __future__ import annotations

import time

import pytest

from detente._limits import MAX_YAML_DEPTH, safe_yaml
from detente.errors import LimitError


@pytest.mark.parametrize("text", [
    "[" * 10_000 + "]" * 10_000,
    "[\n" * 200_000 + "]\n" * 200_000,          # across lines: no line-length limit applies
    "{a: " * 100_000 + "}" * 100_000,
    "x: " + "[" * 50_000,                         # never closed
])
def test_deep_flow_nesting_is_refused_at_once(text):
    t = time.perf_counter()
    with pytest.raises(LimitError, match=f"deeper than {MAX_YAML_DEPTH} levels"):
        safe_yaml(text, "deep.yaml")
    assert time.perf_counter() - t < 1.0


def test_flow_nesting_within_the_limit_still_reads():
    depth = MAX_YAML_DEPTH - 1
    data, _ = safe_yaml("[" * depth + "1" + "]" * depth, "ok.yaml")
    for _ in range(depth - 1):
        data = data[0]
    assert data == [1]
