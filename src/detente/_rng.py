"""One place that turns a user's ``rng`` argument into a numpy Generator.

Every public function that takes ``rng`` accepts a ``numpy.random.Generator``, a whole-number
seed ≥ 0 or ``None`` (fresh entropy). Anything else is a :class:`detente.errors.InputError`
naming the argument, not a numpy ``TypeError`` or ``ValueError`` from deep inside the seeding.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.errors import InputError


def as_generator(rng: Any, name: str = "rng") -> np.random.Generator:
    """``rng`` as a Generator: a Generator is used as is, a seed ≥ 0 or None seeds a new one."""
    if rng is None or isinstance(rng, np.random.Generator):
        return np.random.default_rng(rng)
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        if rng < 0:
            raise InputError(f"{name}: a seed must be a whole number ≥ 0, got {rng}")
        return np.random.default_rng(int(rng))
    raise InputError(f"{name} must be a numpy Generator, a whole-number seed ≥ 0 or None, "
                     f"got {rng!r} ({type(rng).__name__})")
