"""Credibility from detente's record of agreements, behind a small adapter.

The record package (``detente.record``) provides ``load_shipped_record()`` and
``credibility(record, actor, toward=..., as_of=...)`` whose result has a ``mean`` (the posterior
mean of the Beta reputation, Jøsang & Ismail 2002). This module is the only place bargaining
touches it, and it reports clearly when the package is not installed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from detente.errors import InputError

__all__ = ["RecordUnavailable", "TrustFromRecord", "record_trust"]


class RecordUnavailable(InputError):
    """detente.record (the record of agreements) is not available in this installation."""


@dataclass(frozen=True)
class TrustFromRecord:
    """The two trust levels of a dyad, from the record as of a date.

    ``trust_a`` is party a's trust in b: b's credibility toward a (and vice versa).
    """

    a: str
    b: str
    as_of: str | None
    trust_a: float
    trust_b: float

    @property
    def pair(self) -> tuple[float, float]:
        return (self.trust_a, self.trust_b)

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "as_of": self.as_of,
            f"credibility_{self.b}_toward_{self.a}": self.trust_a,
            f"credibility_{self.a}_toward_{self.b}": self.trust_b,
        }


def _record_module() -> Any:
    try:
        return importlib.import_module("detente.record")
    except ImportError as e:
        raise RecordUnavailable(
            "credibility from the record needs detente.record, which is not installed in this "
            f"version ({e}); give the trust as a number instead (--trust X)"
        ) from None


def record_trust(a: str, b: str, as_of: str | None = None, record: Any = None,
                 settings: Any = None) -> TrustFromRecord:
    """Trust of ``a`` in ``b`` and of ``b`` in ``a`` from the record (shipped one by default),
    at the credibility ``settings`` (default ``CredibilitySettings()``)."""
    mod = _record_module()
    if record is None:
        record = mod.load_shipped_record()
    kw = {} if settings is None else {"settings": settings}  # (the adapter's minimal contract)
    ka = float(mod.credibility(record, b, toward=a, as_of=as_of, **kw).mean)
    kb = float(mod.credibility(record, a, toward=b, as_of=as_of, **kw).mean)
    for who, k in ((b, ka), (a, kb)):
        if not 0.0 <= k <= 1.0:
            raise InputError(f"the record gave {who} a credibility of {k!r}, outside [0, 1]")
    return TrustFromRecord(a, b, as_of, ka, kb)
