"""Test-wide settings: matplotlib without a display; hypothesis derandomised on CI; a private
record database."""

from __future__ import annotations

import os
from collections.abc import Iterator

import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")

# On CI (CI=true) property tests draw the same examples every run, so that a red build can be
# reproduced; locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _private_default_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the user's own record database: the default store (created and
    filled with the shipped dataset on first use) lives in a folder of this test session.
    Folders with their own conftest (record, text) give each test a fresh one."""
    home = tmp_path_factory.mktemp("detente-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DETENTE_DB", str(home / "default.sqlite"))
        mp.setenv("XDG_DATA_HOME", str(home / "xdg"))
        yield
