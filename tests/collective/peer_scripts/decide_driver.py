"""Run decide-exchange-model 2022.1.28 on one input file and print its rounds as JSON.

Runs only under the peer's own interpreter (``.peers/decide/bin/python``, made by
``scripts/peers/decide.sh``); detente never imports this file. It drives the peer's public
classes (``InputDataFile``, ``ModelFactory``, ``EqualGainModel``, ``ModelLoop``) with an observer
that records, per round, the start positions and their Nash bargaining solution (decide's
"preference" outcome), the exchanges realised, and the voting positions with their outcome.
The peer's command line cannot be used as is (it never initialises its database proxy).
All positions are on decide's internal 0-100 scale (its ``Issue.normalize``).

The peer breaks ties between exchanges of equal gain with an unseeded coin (``random.random()``
from the global ``random`` module), so its results vary from run to run. ``--coin second`` fixes
that coin at 0.75 (the peer then realises the second of two tied exchanges and moves the first to
the end of its list), which makes the peer deterministic; ``--coin first`` fixes it at 0.25 (the
peer keeps the first and appends the second to its list a second time, a duplication bug);
``--coin seeded`` seeds the global ``random`` module with ``--seed``.

Which two exchanges count as "tied" is itself decided by rounding noise: decide sorts exchanges
by their exact Decimal gain, and two exchanges whose gains are equal in exact arithmetic often
differ in the 27th digit (e.g. 0.797479805113392899652441637 and ...636 on sample_data.txt), so
the order of a tied pair is an accident of Decimal rounding. With ``--ties canonical`` (default)
the driver sorts by the gain rounded to 18 decimals instead (a stable sort, so tied exchanges keep
decide's own list order), which is the only change it makes to decide's behaviour;
``--ties exact`` leaves decide's sort alone.

A second place where rounding noise decides: decide caps a move when the outcome would pass the
demander's position, testing ``x - nbs_0 >= 0 and x - nbs_1 >= 0`` (or both <= 0). When an
earlier capped exchange has put the outcome exactly on the demander's position, ``x - nbs_0`` is
zero in exact arithmetic and its Decimal sign is noise, so decide sometimes lets the next move
pass and sometimes not. The driver records each such "knife-edge" test (|x - nbs| < 1e-9) and
decide's decision in ``edge_decisions``, without changing it, so that tests can replay them.

Usage: python decide_driver.py INPUT [--rounds N] [--coin second|first|seeded] [--seed S]
       [--ties canonical|exact] [--time]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import time

os.environ.setdefault("MPLBACKEND", "Agg")
logging.disable(logging.CRITICAL)

from decide.data.modelfactory import ModelFactory  # noqa: E402
from decide.data.reader import InputDataFile  # noqa: E402
from decide.model import base, equalgain  # noqa: E402
from decide.model.observers.observer import Observable, Observer  # noqa: E402
from decide.model.utils import ModelLoop  # noqa: E402


class Recorder(Observer):
    def __init__(self, observable: Observable, actors: list, issues: list) -> None:
        super().__init__(observable)
        self.actors = actors
        self.issues = issues
        self.rounds: list[dict] = []

    def _positions(self) -> list[list[float | None]]:
        m = self.model_ref
        out = []
        for a in self.actors:
            row = []
            for k in self.issues:
                ai = m.actor_issues[k].get(a)
                row.append(None if ai is None else float(ai.position))
            out.append(row)
        return out

    def _nbs(self) -> list[float]:
        return [float(self.model_ref.nbs[k]) for k in self.issues]

    def before_loop(self, iteration: int, repetition: int) -> None:
        self.rounds.append({"start_positions": self._positions(), "start_outcome": self._nbs()})

    def after_loop(self, realized: list, iteration: int, repetition: int) -> None:
        rows = []
        for e in realized:
            rows.append(
                {
                    "gain": float(e.gain),
                    "i": _side(e.i),
                    "j": _side(e.j),
                }
            )
        self.rounds[-1]["exchanges"] = rows

    def end_loop(self, iteration: int, repetition: int) -> None:
        self.rounds[-1]["voting_positions"] = self._positions()
        self.rounds[-1]["voting_outcome"] = self._nbs()
        self.rounds[-1]["ties"] = self.model_ref.tie_count


def _side(x: equalgain.EqualGainExchangeActor) -> dict:
    return {
        "actor": x.actor.actor_id,
        "supply_issue": x.supply.issue.name,
        "demand_issue": x.demand.issue.name,
        "start": float(x.start_position),
        "supply_position": float(x.supply.position),
        "y": float(x.y),
        "move": float(x.move),
        "eu": float(x.eu),
    }


_EDGE: dict = {"round": 0, "decisions": [], "seen": {}}
_orig_check_nbs = base.AbstractExchangeActor.check_nbs


def _recording_check_nbs(self: base.AbstractExchangeActor) -> None:
    x = self.opposite_actor.demand.position
    a = x - self.adjust_nbs(self.supply.position)
    b = x - self.adjust_nbs(self.y)
    self.is_adjusted_by_nbs = False
    _orig_check_nbs(self)
    if min(abs(a), abs(b)) < 1e-9:
        key = (
            _EDGE["round"],
            self.actor.actor_id,
            self.supply.issue.name,
            self.opposite_actor.actor.actor_id,
            self.opposite_actor.supply.issue.name,
        )
        n = _EDGE["seen"].get(key, 0)
        _EDGE["seen"][key] = n + 1
        _EDGE["decisions"].append([*key, n, bool(self.is_adjusted_by_nbs)])


base.AbstractExchangeActor.check_nbs = _recording_check_nbs  # type: ignore[method-assign]


def _canonical_sort(self: equalgain.EqualGainModel) -> None:
    self.exchanges.sort(key=lambda e: round(e.gain, 18), reverse=True)


def run(path: str, rounds: int, seed: int, coin: str = "second", ties: str = "canonical") -> dict:
    random.seed(seed)
    if ties == "canonical":
        equalgain.EqualGainModel.sort_exchanges = _canonical_sort  # type: ignore[method-assign]
    if coin == "second":
        random.random = lambda: 0.75  # type: ignore[assignment]
    elif coin == "first":
        random.random = lambda: 0.25  # type: ignore[assignment]
    data = InputDataFile.open(path)
    if not data.is_valid:
        raise SystemExit(f"decide rejects {path}: {data.errors}")
    model = ModelFactory(data)(model_klass=equalgain.EqualGainModel, randomized_value=None)
    actors = list(model.actors)
    issues = list(model.issues)
    handler = Observable(model_ref=model, output_directory=".")
    rec = Recorder(handler, actors, issues)
    loop = ModelLoop(model, handler, 0)
    t0, c0 = time.perf_counter(), time.process_time()
    for r in range(rounds):
        _EDGE["round"] = r
        loop.loop()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    final = rec._positions()
    return {
        "peer": "decide-exchange-model 2022.1.28 (EqualGainModel, randomized_value=None)",
        "input": os.path.basename(path),
        "seed": seed,
        "coin": coin,
        "ties": ties,
        "actors": [a.actor_id for a in actors],
        "issues": [k.name for k in issues],
        "lower": [float(k.lower) for k in issues],
        "upper": [float(k.upper) for k in issues],
        "rounds": rec.rounds,
        "final_positions": final,
        "edge_decisions": _EDGE["decisions"],
        "seconds": elapsed,
        "cpu_seconds": cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--coin", choices=("second", "first", "seeded"), default="second")
    ap.add_argument("--ties", choices=("canonical", "exact"), default="canonical")
    ap.add_argument("--time", action="store_true",
                    help="print only the model loop's seconds: wall clock, then CPU time")
    args = ap.parse_args()
    out = run(args.input, args.rounds, args.seed, args.coin, args.ties)
    if args.time:
        print(out["seconds"], out["cpu_seconds"])
    else:
        json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
