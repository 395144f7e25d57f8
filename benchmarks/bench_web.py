"""The web API under load: 200 concurrent forecast requests on loopback against ``detente
serve`` (one uvicorn process), beside the library called directly in the same run.

Each request runs the EUM on geneva-2022 with its own seed (no two requests share a cached
result) and asks for the outcomes only (no trajectory, no explanation), as the baseline
computes them. Printed: errors, latency p50/p99, requests per second, the server's peak resident
memory (VmHWM), and the ratio of the server's wall time to the same 200 forecasts called
directly in one thread (the baseline). Timings are noisy on a shared machine; the ratio is what
to compare between runs.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

N = 200
MODEL = "eum"
SCENARIO = "geneva-2022"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _load(url: str) -> tuple[list[float], list[str], float]:
    limits = httpx.Limits(max_connections=N, max_keepalive_connections=N)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:
        async def one(k: int) -> tuple[float, str | None]:
            t = time.perf_counter()
            try:
                r = await c.post("/api/forecast", json={"scenario": SCENARIO, "models": [MODEL],
                                                        "seed": 1000 + k, "trajectory": False,
                                                        "explanation": False})
            except httpx.HTTPError as e:
                return time.perf_counter() - t, f"{type(e).__name__}: {e}"
            err = None if r.status_code == 200 else f"HTTP {r.status_code}"
            return time.perf_counter() - t, err

        t0 = time.perf_counter()
        out = await asyncio.gather(*(one(k) for k in range(N)))
        wall = time.perf_counter() - t0
    return [t for t, _ in out], [e for _, e in out if e], wall


def _library_baseline() -> float:
    from detente.collective import forecast
    from detente.examples import load_example

    sc = load_example(SCENARIO)
    forecast(sc, MODEL, rng=0)  # warm
    t0 = time.perf_counter()
    for k in range(N):
        forecast(sc, MODEL, rng=1000 + k)
    return time.perf_counter() - t0


def main() -> None:
    port = _port()
    url = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile(prefix="detente-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--port", str(port),
                             "--db", "shipped"], stdout=subprocess.DEVNULL, stderr=log,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"detente serve did not start (log: {log.name})")
            time.sleep(0.2)
        httpx.post(f"{url}/api/forecast", json={"scenario": SCENARIO, "models": [MODEL]},
                   timeout=60)
        idle = _rss_mb(proc.pid)
        lat, errors, wall = asyncio.run(_load(url))
        peak = _peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    base = _library_baseline()
    ms = np.array(lat) * 1000
    print(f"{N} concurrent POST /api/forecast ({MODEL} on {SCENARIO}, distinct seeds), one "
          "uvicorn process on loopback")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"  latency p50 {np.percentile(ms, 50):.0f} ms, p99 {np.percentile(ms, 99):.0f} ms, "
          f"max {ms.max():.0f} ms; all {N} done in {wall:.2f} s ({N / wall:.0f} requests/s)")
    print(f"  server memory: {idle:.0f} MB resident after warm-up, peak {peak:.0f} MB (VmHWM)")
    print(f"  baseline: the library called directly, {N} forecasts in one thread: {base:.2f} s "
          f"({base / N * 1000:.1f} ms each)")
    print(f"  ratio server wall / library: {wall / base:.2f}x; p50 latency / one library call: "
          f"{np.percentile(ms, 50) / (base / N * 1000):.1f}x")
    if errors:
        raise SystemExit(f"bench_web: {len(errors)} requests failed")


if __name__ == "__main__":
    main()
