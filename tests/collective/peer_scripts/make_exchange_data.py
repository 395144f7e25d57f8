"""Regenerate tests/collective/data/decide_exchange_*.json: decide's own numbers.

Runs ``decide_driver.py`` under the peer's interpreter (``.peers/decide/bin/python``; make it
with ``scripts/peers/decide.sh``) on decide's three inputs and keeps, per round, the outcomes,
voting and start positions, the realised exchanges and decide's knife-edge decisions.

Usage (from the repository root): python tests/collective/peer_scripts/make_exchange_data.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CASES = ROOT / ".." / "shared" / "reference" / "cases" / "decide"
PEER = ROOT / ".peers" / "decide" / "bin" / "python"
DRIVER = Path(__file__).with_name("decide_driver.py")
OUT = ROOT / "tests" / "collective" / "data"


def main() -> None:
    if not PEER.exists():
        sys.exit(f"{PEER} is missing: run scripts/peers/decide.sh first")
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("sample_data.txt", "copenhagen.csv", "cop21.csv"):
        env = dict(os.environ, MPLBACKEND="Agg")
        raw = subprocess.run(
            [str(PEER), str(DRIVER), str(CASES / name), "--rounds", "10"],
            check=True, capture_output=True, text=True, env=env,
        ).stdout
        d = json.loads(raw)
        keep = {k: d[k] for k in ("peer", "input", "coin", "ties", "actors", "issues", "lower",
                                  "upper", "edge_decisions")}
        keep["rounds"] = [
            {
                "start_outcome": r["start_outcome"],
                "voting_outcome": r["voting_outcome"],
                "start_positions": r["start_positions"],
                "voting_positions": r["voting_positions"],
                "exchanges": [
                    [e["i"]["actor"], e["i"]["supply_issue"], e["i"]["y"],
                     e["j"]["actor"], e["j"]["supply_issue"], e["j"]["y"], e["gain"]]
                    for e in r["exchanges"]
                ],
            }
            for r in d["rounds"]
        ]
        keep["final_positions"] = d["final_positions"]
        path = OUT / f"decide_exchange_{Path(name).stem}.json"
        path.write_text(json.dumps(keep, separators=(",", ":")) + "\n")
        print(f"{path.relative_to(ROOT)}: {len(keep['rounds'])} rounds, "
              f"{sum(len(r['exchanges']) for r in keep['rounds'])} exchanges")


if __name__ == "__main__":
    main()
