"""Fuzzing harness: seed files, mutations, the commands each file goes through, the contract.

The contract checked on every run (``check``):

* exit status 0 or 2 — never 70 (internal error), 1 (an escaped exception) or anything else;
* no traceback in the output;
* no hang: a run is stopped after ``TIMEOUT_S`` seconds and counted as a failure;
* exit 0 with ``-f json``: the output is valid JSON without NaN or infinities;
* exit 2: the message names the file.
"""

from __future__ import annotations

import json
import math
import random
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "cases"
TIMEOUT_S = 30
MODELS = ("compromise", "median", "nash", "eum", "exchange")

runner = CliRunner()


def seed_files() -> dict[str, list[Path]]:
    """Seed files by kind: scenario, deu, domain, record."""
    scen = sorted((ROOT / "src" / "detente" / "examples" / "data").glob("*.yaml"))
    for sub in ("bdm", "decide", "ktab"):
        scen += sorted(p for p in (REFERENCE / sub).glob("*")
                       if p.suffix in (".csv", ".tsv", ".txt"))
    return {
        "scenario": scen,
        "deu": sorted((REFERENCE / "deu3").glob("*.csv")),
        "domain": sorted((ROOT / "tests" / "bargaining" / "data").glob("*.yaml")),
        "record": sorted((ROOT / "src" / "detente" / "record" / "data").glob("*.csv")),
    }


_TOKENS = [
    ".inf", "-.inf", ".nan", "nan", "inf", "1e308", "-1e308", "1.7e308", "-1", "0", "",
    '"', "'", ",", ";", "\t", "\r", "\n", "&a", "*a", "[", "]", "{", "}", ": ", "- ", "#",
    "9" * 400, "x" * 5000, "\x00", "\ufeff", "NaN", "null", "~", "true", "2022-13-45",
    "1_000", "0x1F", "-0", "1e-320",
]


def _small_deu(text: str, rng: random.Random) -> str:
    """A DEU file cut to its header and a few rows (the full file takes longer per run)."""
    lines = text.splitlines(keepends=True)
    if len(lines) <= 8:
        return text
    keep = sorted(rng.sample(range(2, len(lines)), 5))
    return "".join(lines[:2] + [lines[k] for k in keep])


def mutate(text: str, rng: random.Random) -> str:
    """One to three random edits: tokens inserted or replacing a field, lines deleted,
    duplicated, swapped or truncated, bytes flipped, delimiters changed."""
    for _ in range(rng.randint(1, 3)):
        if not text:
            text = rng.choice(_TOKENS)
            continue
        op = rng.randrange(9)
        lines = text.splitlines(keepends=True) or [text]
        k = rng.randrange(len(lines))
        if op == 0:  # insert a token at a random place
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(_TOKENS) + text[i:]
        elif op == 1:  # replace a field (between delimiters) by a token
            ln = lines[k]
            parts = [p for p in __import__("re").split(r"([,\t:;])", ln)]
            j = rng.randrange(len(parts))
            parts[j] = rng.choice(_TOKENS)
            lines[k] = "".join(parts)
            text = "".join(lines)
        elif op == 2:  # delete a line
            del lines[k]
            text = "".join(lines)
        elif op == 3:  # duplicate a line
            lines.insert(k, lines[k])
            text = "".join(lines)
        elif op == 4:  # truncate
            text = text[: rng.randrange(len(text) + 1)]
        elif op == 5:  # flip a character
            i = rng.randrange(len(text))
            text = text[:i] + chr(rng.randrange(1, 0x2FF)) + text[i + 1:]
        elif op == 6:  # swap two lines
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
            text = "".join(lines)
        elif op == 7:  # change the delimiter / line ends
            a, b = rng.choice([(",", ";"), ("\t", ","), (",", "\t"), ("\n", "\r"),
                               ("\n", "\r\n"), (": ", ":"), ("  ", " ")])
            text = text.replace(a, b)
        else:  # a number scaled to an extreme
            text = __import__("re").sub(r"\d+(\.\d+)?", lambda m: rng.choice(
                [m.group(0), "1e308", "-1e308", "0", "9" * 30, "nan"]), text, count=3)
    return text


def commands(kind: str, path: Path, tmp: Path, rng: random.Random) -> list[list[str]]:
    """The commands one file goes through (a random model per file; all models over a run)."""
    p = str(path)
    if kind == "scenario":
        m = rng.choice(MODELS)
        return [["forecast", p, "-m", m, "-f", "json"], ["show", p],
                ["convert", p, str(tmp / rng.choice(["out.yaml", "out.csv"]))]]
    if kind == "deu":
        m = rng.choice(("compromise", "median", "nash", "exchange"))
        return [["evaluate", p, "-m", m, "-f", "json"]]
    if kind == "domain":
        return [["bargain", p, "-f", "json"]]
    return [["record", "import", p, "--db", str(tmp / "rec.sqlite")]]


@dataclass
class Tally:
    runs: int = 0
    exits: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    slowest: float = 0.0

    def summary(self) -> str:
        ex = ", ".join(f"exit {k}: {v}" for k, v in sorted(self.exits.items()))
        return (f"{self.runs} runs ({ex}); {len(self.failures)} contract failures; slowest "
                f"{self.slowest:.2f} s")


class _Hang(Exception):
    pass


def _alarm(_sig: int, _frame: object) -> None:
    raise _Hang()


def _no_nan(text: str) -> None:
    def bad(c: str) -> float:
        raise ValueError(f"non-finite JSON constant {c}")
    doc = json.loads(text, parse_constant=bad)

    def walk(v: object) -> None:
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError("non-finite number")
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)


def check(args: list[str], path: Path, tally: Tally, label: str = "") -> None:
    """Run one command in-process and check the contract; record failures in ``tally``."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_S)
    t0 = time.perf_counter()
    try:
        result = runner.invoke(app, args)
    except _Hang:
        tally.runs += 1
        tally.failures.append(f"HANG >{TIMEOUT_S}s: {' '.join(args)} [{label}]")
        return
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    dt = time.perf_counter() - t0
    tally.runs += 1
    tally.slowest = max(tally.slowest, dt)
    code = result.exit_code
    tally.exits[code] += 1
    out, err = result.stdout, result.stderr
    where = f"{' '.join(a[:60] for a in args)} [{label}]"
    if isinstance(result.exception, _Hang):
        tally.failures.append(f"HANG >{TIMEOUT_S}s: {where}")
        return
    if code not in (0, 2):
        exc = result.exception
        tally.failures.append(f"exit {code}: {where}: {type(exc).__name__ if exc else ''} "
                              f"{err.strip()[:300]}")
        return
    if "Traceback" in out or "Traceback" in err:
        tally.failures.append(f"traceback: {where}")
        return
    if code == 0 and "json" in args:
        try:
            _no_nan(out)
        except ValueError as e:
            tally.failures.append(f"bad JSON ({e}): {where}")
    if code == 2 and path.name not in err and str(path) not in err:
        tally.failures.append(f"exit 2 without the file name: {where}: {err.strip()[:200]}")


def _mutated(n_files: int, seed: int, tmp: Path, budget_s: float | None,
             name: Callable[[int], str]) -> Iterator[tuple[int, str, Path, Path]]:
    """The one mutation loop of both fuzzers: ``n_files`` mutated seed files, round robin over
    the kinds, written under ``tmp`` as ``name(n) + suffix``; stops early when ``budget_s``
    seconds are spent. Yields (n, kind, seed file, mutated file)."""
    rng = random.Random(seed)
    seeds = seed_files()
    kinds = [k for k in ("scenario", "deu", "domain", "record") if seeds[k]]
    texts = {k: [(p, p.read_text(encoding="utf-8-sig", errors="replace")) for p in seeds[k]]
             for k in kinds}
    t_end = None if budget_s is None else time.perf_counter() + budget_s
    for n in range(n_files):
        if t_end is not None and time.perf_counter() > t_end:
            break
        kind = kinds[n % len(kinds)]
        src, text = rng.choice(texts[kind])
        if kind == "deu":
            text = _small_deu(text, rng)
        path = tmp / f"{name(n)}{src.suffix}"
        path.write_text(mutate(text, rng), encoding="utf-8", errors="surrogatepass")
        yield n, kind, src, path


def fuzz(n_files: int, seed: int, tmp: Path, budget_s: float | None = None,
         progress: Path | None = None) -> Tally:
    """Mutate ``n_files`` seed files (round robin over the kinds) and run each through its
    commands; stop early when ``budget_s`` seconds are spent. ``progress``: a file rewritten
    every 100 files with the tally so far and every failure."""
    cmd_rng = random.Random(seed + 1)
    tally = Tally()
    for n, kind, src, path in _mutated(n_files, seed, tmp, budget_s, lambda n: f"m{n}"):
        for args in commands(kind, path, tmp, cmd_rng):
            check(args, path, tally, f"{kind} from {src.name}, seed {seed}, file {n}")
        if progress is not None and (n + 1) % 100 == 0:
            progress.write_text(f"{n + 1} files; {tally.summary()}\n"
                                + "\n".join(tally.failures) + "\n", encoding="utf-8")
    return tally


def iter_hostile(tmp: Path) -> Iterator[tuple[str, Path]]:
    """Hand-written hostile files (the ones of issue 18), by kind."""
    def w(name: str, text: str) -> Path:
        p = tmp / name
        p.write_text(text, encoding="utf-8")
        return p

    lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for c in "bcdefghi":
        lol += f"{c}: &{c} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = c
    yield "scenario", w("laughs.yaml", lol + "name: x\nactors: *i\nissues: []\nstances: []\n")
    yield "scenario", w("deep.yaml", "name: x\nactors: " + "[" * 5000 + "]" * 5000 + "\n")
    yield "scenario", w("longline.yaml", 'name: "' + "x" * 2_000_000 + '"\n')
    yield "scenario", w("comma.csv", ",")
    yield "scenario", w("comma2.csv", ",\n")
    yield "scenario", w("cr.csv", "Actor,Capability,Position,Salience\rA,1,2,3\rB,1,5,3\r")
    yield "scenario", w("nl.csv", 'Actor,Capability,Position,Salience\nA,1,2,3\nB,"1\n5,3\n')
    yield "scenario", w("field.csv", "Actor,Capability,Position,Salience\nA,1,2,3\nB,1,5,\""
                        + "9" * 200_000 + "\"\n")
    yield "scenario", w("header.csv", "Actor,Capability,Position,Salience\n")
    yield "scenario", w("short.csv", "Actor,Capability,Position,Salience\nA,1\n")
    scen = ("name: x\nactors:\n- {{id: A, capability: {a}}}\n- {{id: B, capability: 1}}\n"
            "issues:\n- {{id: i}}\nstances:\n- {{actor: A, issue: i, position: 10, salience: 50}}"
            "\n- {{actor: B, issue: i, position: 60, salience: 50}}\n")
    yield "scenario", w("inf.yaml", scen.format(a=".inf"))
    yield "scenario", w("e308.yaml", scen.format(a="1.0e308"))
    yield "scenario", w("e308s.yaml", scen.format(a="1e308"))
    yield "scenario", w("digits.yaml", scen.format(a="9" * 5000))
    yield "scenario", w("decide1.txt", ",")
    yield "scenario", w("empty.yaml", "")
    yield "scenario", w("nul.yaml", "name: x\x00\n")
    yield "scenario", w("control.yaml", "name: x\x9b\nactors: []\n")
    yield "scenario", w("list.yaml", "- 1\n- 2\n")
    yield "scenario", w("cycle.yaml", "name: x\nactors: &a [*a]\nissues: []\nstances: []\n")
    hdr = "prnrnmc\tisnr\tprnr\tpA\tsA\tpB\tsB\trp\tout\n"
    yield "deu", w("deu-header.csv", hdr)
    yield "deu", w("deu-cr.csv", hdr.replace("\n", "\r") + "1\t1\tP1\t10\t50\t60\t50\t0\t30\r")
    yield "deu", w("deu-short.csv", hdr + "1\t1\n")
    yield "deu", w("deu-inf.csv", hdr + "inf\t1\tP1\t10\t50\t60\t50\t0\t30\n")
    yield "deu", w("deu-dup.csv", hdr + "1\t1\tP1\t10\t50\t60\t50\t0\t30\n"
                   "1\t1\tP1\t10\t50\t60\t50\t0\t30\n")
    yield "deu", w("deu-gdp.csv", hdr + "\t\t\tlots\t\t2\t\t\t\n1\t1\tP1\t10\t50\t60\t50\t0\t30\n")
    yield "deu", w("deu-noscore.csv", hdr + "1\t1\tP1\t10\t50\t60\t50\t0\t\n")
    dom = ("name: d\nissues:\n- {{id: i, range: [0, {hi}], steps: {steps}}}\nparties:\n"
           "- {{id: A, values: {{i: increasing}}, weights: {{i: 1}}, reservation_value: 0.2}}\n"
           "- {{id: B, values: {{i: decreasing}}, weights: {{i: 1}}, reservation_value: 0.2}}\n")
    yield "domain", w("dom-keys.yaml", "name: d\nTrue: 1\n3: x\nissues:\n- {id: i, range: [0, 1], "
                      "5: 2}\nparties:\n- {id: A, 7: 1}\n- {id: B}\n")
    yield "domain", w("dom-digits.yaml", dom.format(hi="9" * 400, steps=11))
    yield "domain", w("dom-steps.yaml", dom.format(hi=100, steps=10**12))
    many = "name: d\nissues:\n" + "".join(f"- {{id: i{k}, range: [0, 1], steps: 3}}\n"
                                          for k in range(40))
    many += "parties:\n" + "".join(
        f"- {{id: {p}, values: {{{', '.join(f'i{k}: increasing' for k in range(40))}}}, "
        f"weights: {{{', '.join(f'i{k}: 1' for k in range(40))}}}, reservation_value: 0.2}}\n"
        for p in "AB")
    yield "domain", w("dom-40.yaml", many)
    yield "record", w("rec-field.csv", "id,agreement,date,actors,type,evidence,source\nE1,abm_1972,"
                      "1990-01-01,USA,signed,record,\"" + "x" * 200_000 + "\"\n")
    yield "record", w("rec-comma.csv", ",")
    yield "record", w("rec-cr.csv", "id,agreement,date,actors,type,evidence,source\rE1,abm_1972,"
                      "1990-01-01,USA,signed,record,https://example.org\r")


def fuzz_readers(n_files: int, seed: int, tmp: Path, budget_s: float | None = None) -> Tally:
    """The readers alone (no model run): each mutated file read by the reader of its kind.
    Contract: a value or an InputError whose every message names the file; nothing else."""
    from detente.bargaining import load_domain
    from detente.errors import InputError
    from detente.record._csv import read_csv_rows
    from detente.scenario import load_scenario, read_deu

    def read_record(p: Path) -> object:
        from detente._limits import read_text

        return read_csv_rows(read_text(p), str(p))

    readers = {"scenario": load_scenario, "deu": read_deu, "domain": load_domain,
               "record": read_record}
    tally = Tally()
    for n, kind, src, path in _mutated(n_files, seed, tmp, budget_s, lambda n: f"r{n % 50}"):
        tally.runs += 1
        t0 = time.perf_counter()
        try:
            readers[kind](path)
            tally.exits[0] += 1
        except InputError as e:
            tally.exits[2] += 1
            if not all(str(path) in m for m in e.messages):
                tally.failures.append(f"{kind} reader: message without the file: {e.messages}")
        except Exception as e:  # noqa: BLE001 - the contract under test
            tally.exits[70] += 1
            tally.failures.append(f"{kind} reader from {src.name} (seed {seed}, file {n}): "
                                  f"{type(e).__name__}: {str(e)[:200]}")
        tally.slowest = max(tally.slowest, time.perf_counter() - t0)
    return tally
