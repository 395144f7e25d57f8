"""decide-exchange-model 2022.1.28's model loop, as its public classes run it, timed.

Runs under ``.peers/decide/bin/python`` only (decide is GPL; detente never imports it). No
observer, no patch of decide's code: the input file is read, the model built, and ``ModelLoop``
runs ``--rounds`` rounds. decide breaks ties with an unseeded coin (``random.random()``); the
global ``random`` module is seeded (``--seed``) so runs repeat. Prints one line: the model
loop's wall-clock seconds, its CPU seconds, and the seconds from interpreter start-up to the end
(imports and file reading included), measured with ``time.perf_counter`` against the process
start time.

Usage: python decide_clean.py INPUT [--rounds N] [--seed S]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import time

os.environ.setdefault("MPLBACKEND", "Agg")
logging.disable(logging.CRITICAL)

from decide.data.modelfactory import ModelFactory  # noqa: E402
from decide.data.reader import InputDataFile  # noqa: E402
from decide.model import equalgain  # noqa: E402
from decide.model.observers.observer import Observable  # noqa: E402
from decide.model.utils import ModelLoop  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    random.seed(args.seed)
    data = InputDataFile.open(args.input)
    model = ModelFactory(data)(model_klass=equalgain.EqualGainModel, randomized_value=None)
    loop = ModelLoop(model, Observable(model_ref=model, output_directory="."), 0)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        loop.loop()
    print(time.perf_counter() - t0, time.process_time() - c0)


if __name__ == "__main__":
    main()
