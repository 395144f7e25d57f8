"""Helpers to run the NegMAS peer script in .peers/negmas (absent: tests skip)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import numpy as np

from detente.bargaining import Domain

ROOT = Path(__file__).resolve().parents[2]
PEER_PYTHON = ROOT / ".peers" / "negmas" / "bin" / "python"
SCRIPT = Path(__file__).resolve().parent / "peer_scripts" / "negmas_peer.py"
SKIP_REASON = (
    f"NegMAS peer environment not found at {PEER_PYTHON.parent.parent}: "
    "run scripts/peers/negmas.sh to create it"
)


def peer_available() -> bool:
    return PEER_PYTHON.is_file()


def domain_spec(domain: Domain) -> dict[str, Any]:
    return {
        "issues": [{"name": i.id, "options": list(i.options)} for i in domain.issues],
        "parties": [
            {
                "weights": [float(w) for w in p.weights],
                "values": [[float(x) for x in v] for v in p.values],
                "reservation_value": float(p.reservation_value),
            }
            for p in domain.parties
        ],
    }


def run_peer(domain: Domain, timeout: float = 300, **extra: Any) -> dict[str, Any]:
    spec = domain_spec(domain)
    spec.update(extra)
    proc = subprocess.run(
        [str(PEER_PYTHON), str(SCRIPT)], input=json.dumps(spec), capture_output=True, text=True,
        timeout=timeout, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"NegMAS peer failed:\n{proc.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(proc.stdout)
    return out


def random_domain(seed: int, shape: tuple[int, ...] = (10, 10, 10), ra: float = 0.2,
                  rb: float = 0.3) -> Domain:
    """A random additive domain (uniform per-option values, random weights)."""
    from detente.bargaining import BargainingIssue, Party

    rng = np.random.default_rng(seed)
    issues = tuple(
        BargainingIssue(f"i{k}", tuple(f"v{j}" for j in range(n))) for k, n in enumerate(shape)
    )
    parties = []
    for pid, rv in (("a", ra), ("b", rb)):
        w = rng.random(len(shape)) + 0.1
        parties.append(Party(pid, w / w.sum(), tuple(rng.random(n) for n in shape), rv))
    return Domain(f"random-{seed}", issues, parties[0], parties[1], deadline=100)
