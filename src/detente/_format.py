"""Number formatting shared by every face (CLI, web, report)."""

from __future__ import annotations

import math


def scale_digits(width: float) -> int:
    """Decimals that show a value on a scale ``width`` wide to about a thousandth of it (at
    least 2: a 0–100 scale keeps 2 decimals, a 0–1 scale gets 3, a 0–0.001 scale 6)."""
    if not math.isfinite(width) or width <= 0:
        return 2
    return max(2, 3 - math.floor(math.log10(width)))


def fixed(x: float, digits: int) -> str:
    """``x`` with ``digits`` decimals, never as a negative zero: a value a hair below zero
    (-1e-17 from floating point) prints "0.0", not "-0.0"."""
    text = f"{x:.{digits}f}"
    if text.startswith("-") and float(text) == 0.0:
        return text[1:]
    return text
