"""Test-wide settings: matplotlib without a display; hypothesis derandomised on CI."""

from __future__ import annotations

import os

import matplotlib
from hypothesis import settings

matplotlib.use("Agg")

# On CI (CI=true) property tests draw the same examples every run, so that a red build can be
# reproduced; locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
