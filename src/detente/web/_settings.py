"""What a server is allowed to do, and the limits it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Limits", "WebSettings"]


@dataclass(frozen=True)
class Limits:
    """Limits of one request. Going past one is a 413 (body) or 422 (content) answer."""

    body_bytes: int = 2 * 1024 * 1024
    """Largest request body (uploads, JSON, pasted articles)."""
    actors: int = 60
    """Most actors in a scenario the server runs models on."""
    issues: int = 20
    """Most issues in a scenario the server runs models on."""
    outcomes: int = 2_000_000
    """Largest bargaining outcome space (options per issue multiplied)."""
    grid: int = 21
    """Most points per issue scale when a bargaining domain is built from a scenario."""
    model_seconds: float = 20.0
    """Longest estimated model run (``detente.collective`` work estimate) a request may ask."""
    stored_scenarios: int = 256
    """Uploaded scenarios kept in memory for permalinks (least recently used dropped)."""
    draws: int = 100_000
    """Most Monte Carlo draws of one simulation (``/uncertainty``, ``/api/simulate``)."""
    sensitivity_runs: int = 50_000
    """Most model runs of one sensitivity analysis (Sobol ``N·(k + 2)``, Morris ``r·(k + 1)``)."""
    simulate_seconds: float = 300.0
    """Longest estimated simulation or sensitivity analysis: draws (or runs) × each model's
    estimated seconds per run (``detente.collective``'s work estimate, at least 0.1 ms)."""
    runs: int = 2
    """Most simulations and sensitivity analyses running at once; one more is a 429 answer."""
    inline_draws: int = 20_000
    """Up to this many draws the uncertainty page computes while answering its GET (so it
    works without JavaScript); larger runs go through a background job with live progress."""


@dataclass(frozen=True)
class WebSettings:
    """How ``detente serve`` runs: the record database, whether writes are allowed, limits.

    ``db``: a database URL or SQLite path, ``"shipped"`` for the shipped dataset read-only, or
    ``None`` for ``$DETENTE_DB`` / the default store (as the command line). Writing to the record
    needs ``allow_writes`` and a request carrying ``token`` (``Authorization: Bearer TOKEN``).
    """

    db: str | None = None
    allow_writes: bool = False
    token: str | None = None
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        from detente._dburl import IN_MEMORY_REFUSED, in_memory_sqlite

        if self.db is not None and in_memory_sqlite(self.db):
            raise ValueError(f"db={self.db!r}: {IN_MEMORY_REFUSED}")
        if self.allow_writes and not self.token:
            raise ValueError("allow_writes needs a token")
