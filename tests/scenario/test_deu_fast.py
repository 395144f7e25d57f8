"""``read_deu``'s column-wise check against the full (pydantic) check it stands in for.

The fast check either gives the dataset the full check gives (the same scenarios, fields set
included, built lazily) or declines, and then ``read_deu`` runs the full check, which locates
every problem. So: on every bad file the fast check must decline, and the error is the full
check's; on random files the fast check never accepts what the full check refuses.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.collective._eum import _rows
from detente.errors import InputError
from detente.scenario import Case, Dataset, ScenarioError, read_deu
from detente.scenario._dataset import _head, _read_checked, _read_fast

DEU3 = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"
HDR = "prnrnmc\tisnrnmc\tisnr\tprnr\tprname\tpA\tsA\tpB\tsB\tpC\tsC\trp\tout\n"
ROW = "1\t1\ti1\tP1\tname one\t10\t50\t60\t40\t\t\t0\t30\n"
ROW2 = "2\t1\ti2\tP2\tname two\t20\t70\t80\t30\t90\t10\t\t55\n"


def _same(fast: Dataset, slow: Dataset) -> None:
    """Equal datasets, down to the fields set of every model in every scenario."""
    assert (fast.name, fast.notes, len(fast)) == (slow.name, slow.notes, len(slow))
    for a, b in zip(fast.cases, slow.cases, strict=True):
        assert a == b
        x, y = a.scenario, b.scenario
        assert x.model_fields_set == y.model_fields_set
        for u, v in zip((*x.actors, *x.issues, *x.stances), (*y.actors, *y.issues, *y.stances),
                        strict=True):
            assert u == v and u.model_fields_set == v.model_fields_set
        assert x.model_dump() == y.model_dump()


def _stacked_as_compiled(data: Dataset) -> None:
    """``Dataset.stacked`` equals stacking each scenario's compiled arrays (eum's rows)."""
    st_ = data.stacked()
    if not data.cases:
        assert st_ is None  # no case, no file to take the arrays from
        return
    assert st_ is not None
    compiled = [c.scenario.compile() for c in data.cases]
    pos, cap, sal, present, starts = _rows(compiled)
    assert np.array_equal(np.nan_to_num(st_.position), pos)
    assert np.array_equal(st_.present & ~np.isnan(st_.position), present)
    assert np.array_equal(st_.capability, cap) and np.array_equal(st_.salience, sal)
    assert st_.starts.tolist() == starts
    assert st_.n_actors.tolist() == [c.n_actors for c in compiled]
    for name in ("status_quo", "scale_min", "scale_max"):
        whole = np.concatenate([getattr(c, name) for c in compiled]) if compiled else []
        assert np.array_equal(getattr(st_, name), whole, equal_nan=True)
    observed = [c.observed.get(i, np.nan) for c in data.cases for i in c.scenario.issue_ids]
    assert np.array_equal(st_.observed, np.asarray(observed, dtype=float), equal_nan=True)


@pytest.mark.skipif(not DEU3.is_file(), reason="shared DEU III data not found")
@pytest.mark.parametrize("capability", ["equal", "gdp"])
def test_deu3_fast_equals_full_check(capability: str) -> None:
    head = _head(DEU3, capability)
    fast = _read_fast(head, capability)
    assert fast is not None, "the fast check should pass DEU III"
    slow = _read_checked(head, capability)
    assert all(c._scenario is None for c in fast.cases)  # nothing built yet
    _same(fast, slow)
    for view in (lambda d: d.scored(), lambda d: d.scored().subset("odd"),
                 lambda d: d.subset("even"), lambda d: d.by_group(),
                 lambda d: d.scored().subset("odd").by_group()):
        f, s = view(fast), view(slow)
        _same(f, s)
        _stacked_as_compiled(f)
        assert s.stacked() is None  # the full check's cases hold scenarios, not arrays


def _write(tmp: Path, text: str, name: str = "d.csv") -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


# (id, file text, capability, expected start of one problem's text "line N: field 'F'")
BAD = [
    ("position-not-a-number", HDR + ROW.replace("\t10\t", "\tabc\t"), "equal",
     "line 2: field 'pA'"),
    ("position-above-scale", HDR + ROW.replace("\t10\t", "\t150\t"), "equal",
     "line 2: field 'position'"),
    ("position-negative", HDR + ROW.replace("\t10\t", "\t-1\t"), "equal",
     "line 2: field 'position'"),
    ("position-nan", HDR + ROW.replace("\t10\t", "\tnan\t"), "equal", "line 2: field 'pA'"),
    ("position-inf", HDR + ROW.replace("\t10\t", "\tinf\t"), "equal", "line 2: field 'pA'"),
    ("position-huge", HDR + ROW.replace("\t10\t", "\t1e13\t"), "equal", "line 2: field 'pA'"),
    ("salience-above-100", HDR + ROW.replace("\t50\t", "\t101\t"), "equal",
     "line 2: field 'salience'"),
    ("salience-negative", HDR + ROW.replace("\t50\t", "\t-5\t"), "equal", "line 2: field 'sA'"),
    ("salience-not-a-number", HDR + ROW2 + ROW.replace("\t50\t", "\tlots\t"), "equal",
     "line 3: field 'sA'"),
    ("rp-above-scale", HDR + ROW.replace("\t0\t30", "\t150\t30"), "equal",
     "line 2: field 'issues'"),
    ("rp-not-a-number", HDR + ROW.replace("\t0\t30", "\tx\t30"), "equal", "line 2: field 'rp'"),
    ("out-not-a-number", HDR + ROW.replace("\t30\n", "\tx\n"), "equal", "line 2: field 'out'"),
    ("out-inf", HDR + ROW.replace("\t30\n", "\tinf\n"), "equal", "line 2: field 'out'"),
    ("out-huge", HDR + ROW.replace("\t30\n", "\t1e13\n"), "equal", "line 2: field 'out'"),
    ("short-row", HDR + ROW + "1\t2\n", "equal", "line 3: expected 13 columns"),
    ("duplicate-issue", HDR + ROW + ROW, "equal", "line 3: field 'isnr'"),
    ("proposal-not-whole", HDR + ROW.replace("1\t1\ti1", "1.5\t1\ti1"), "equal",
     "line 2: field 'prnrnmc'"),
    ("issue-number-not-a-number", HDR + ROW.replace("1\t1\ti1", "1\tx\ti1"), "equal",
     "line 2: field 'isnrnmc'"),
    ("proposal-inf", HDR + ROW.replace("1\t1\ti1", "inf\t1\ti1"), "equal",
     "line 2: field 'prnrnmc'"),
    ("bad-row-without-actors", HDR + ROW + "3\t1\ti3\tP3\t\t\t\t\t\t\t\tx\t\n", "equal",
     "line 3: field 'rp'"),
    ("no-row-with-actors", HDR + "3\t1\ti3\tP3\t\t\t\t\t\t\t\t1\t\n", "equal",
     "line 3: no issue row"),
    ("duplicate-actor-columns", HDR.replace("\trp", "\tpA\tsA\trp")
     + ROW.replace("\t0\t30", "\t5\t5\t0\t30"), "equal", "line 2: field"),
    ("empty-actor-id", HDR.replace("\trp", "\tp\ts\trp")
     + ROW.replace("\t0\t30", "\t5\t5\t0\t30"), "equal", "line 2: field"),
    ("many-problems", HDR + "".join(ROW.replace("i1", f"i{k}").replace("\t10\t", "\t999\t")
                                    for k in range(250)), "equal", "line 2: field 'position'"),
]


@pytest.mark.parametrize(("text", "capability", "where"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_files_get_the_full_checks_located_errors(
    tmp_path: Path, text: str, capability: str, where: str
) -> None:
    path = _write(tmp_path, text)
    head = _head(path, capability)
    assert _read_fast(head, capability) is None  # the fast check declines every bad file
    with pytest.raises(ScenarioError) as full:
        _read_checked(head, capability)
    with pytest.raises(ScenarioError) as got:
        read_deu(path, capability=capability)
    assert got.value.messages == full.value.messages
    assert any(m.startswith(f"{path}, {where}") for m in got.value.messages), got.value.messages
    assert all(p.file == str(path) and p.line is not None for p in got.value.problems)


# the DEU seeds of tests/fuzz/_harness.py and test_cli's evaluate-not-deu: header problems are
# found before either check (one code path), the rest as above
FUZZ_HDR = "prnrnmc\tisnr\tprnr\tpA\tsA\tpB\tsB\trp\tout\n"
FUZZ_ROW = "1\t1\tP1\t10\t50\t60\t50\t0\t30\n"
FUZZ = [
    ("deu-header", FUZZ_HDR, "line 2: no issue row"),
    ("deu-short", FUZZ_HDR + "1\t1\n", "line 2: expected 9 columns, got 2"),
    ("deu-inf", FUZZ_HDR + "inf" + FUZZ_ROW[1:], "line 2: field 'prnrnmc'"),
    ("deu-dup", FUZZ_HDR + FUZZ_ROW + FUZZ_ROW, "line 3: field 'isnr'"),
    ("deu-gdp", FUZZ_HDR + "\t\t\tlots\t\t2\t\t\t\n" + FUZZ_ROW, "line 2: field 'pA (GDP row)'"),
    ("not-deu", "actor,position,salience,capability\nA,10,50,1\n", "line 1: field 'out'"),
]


@pytest.mark.parametrize(("text", "where"), [f[1:] for f in FUZZ], ids=[f[0] for f in FUZZ])
def test_fuzz_seed_files_located_alike(tmp_path: Path, text: str, where: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ScenarioError) as got:
        read_deu(path)
    try:
        head = _head(path, "equal")
    except ScenarioError as e:  # the header and GDP row: checked once, before both checks
        assert e.messages == got.value.messages
    else:
        assert _read_fast(head, "equal") is None
        with pytest.raises(ScenarioError) as full:
            _read_checked(head, "equal")
        assert full.value.messages == got.value.messages
    assert any(m.startswith(f"{path}, {where}") for m in got.value.messages), got.value.messages


@pytest.mark.parametrize("text", [FUZZ_HDR.replace("\n", "\r") + FUZZ_ROW.replace("\n", "\r"),
                                  FUZZ_HDR + FUZZ_ROW.replace("\t30\n", "\t\n")],
                         ids=["deu-cr", "deu-noscore"])
def test_fuzz_seed_good_files_take_the_fast_path(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    head = _head(path, "equal")
    fast = _read_fast(head, "equal")
    assert fast is not None
    _same(fast, _read_checked(head, "equal"))


# files the fast check declines though the full check accepts them: the same dataset comes back
FALLBACK = [
    ("decimal-comma", HDR + ROW.replace("\t10\t", "\t10,5\t")),
    ("thousands-comma-out", HDR + ROW.replace("\t30\n", "\t1,000\n")),
    ("actor-with-inner-space", HDR.replace("pC\tsC", "p C\ts C") + ROW),
]


@pytest.mark.parametrize("text", [f[1] for f in FALLBACK], ids=[f[0] for f in FALLBACK])
def test_files_the_fast_check_declines_read_as_before(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    head = _head(path, "equal")
    assert _read_fast(head, "equal") is None
    _same(read_deu(path), _read_checked(head, "equal"))


def test_good_small_files_take_the_fast_path(tmp_path: Path) -> None:
    text = HDR + "\t\t\t\t\t4.1\t\t2.8\t\t1\t\t\t\n" + ROW + "\n \t \n" + ROW2 + ROW.replace(
        "i1", "i3").replace("\t30\n", "\t\n")
    path = _write(tmp_path, text)
    for capability in ("equal", "gdp"):
        head = _head(path, capability)
        fast = _read_fast(head, capability)
        assert fast is not None
        _same(fast, _read_checked(head, capability))
        _same(fast.by_group(), _read_checked(head, capability).by_group())
        _stacked_as_compiled(fast.scored())
        _stacked_as_compiled(fast.by_group())
    assert read_deu(path, capability="gdp").cases[0].scenario.actor("B").capability == 2.8


def test_case_is_frozen_and_compares_by_value(tmp_path: Path) -> None:
    data = read_deu(_write(tmp_path, HDR + ROW + ROW2))
    case = data.cases[0]
    with pytest.raises(AttributeError):
        case.group = "x"  # type: ignore[misc]
    again = Case(case.scenario, dict(case.observed), case.group, dict(case.attributes))
    assert again == case and again.scenario is case.scenario
    assert "Case(scenario=" in repr(case)
    for copied in (pickle.loads(pickle.dumps(case)), copy.deepcopy(case), copy.copy(case)):
        assert copied == case
    mixed = Dataset("m", (again, data.cases[1]))
    assert mixed.stacked() is None  # not every case comes from the file's arrays


# -- random files: the fast check never accepts what the full check refuses -------------------
_GOOD = ["", " ", "0", "-0", "50", " 30 ", "100", "12.5", "1e1", "7", "1_0"]
_BAD = ["100.0001", "-1", "150", "abc", "nan", "inf", "1e13", "50,5", "1,000", "\u0661"]
_IDS = ["", "i1", "i2", "i3", " i4 ", "x"]
_NUMS = ["", "1", "2", "3.0", "1.5", "x", "inf", "1e15"]


@st.composite
def _deu_files(draw: st.DrawFn) -> tuple[str, str]:
    """A small DEU file: mostly plain (the fast path), or with a few odd cells and names."""
    odd = draw(st.integers(0, 3)) == 0  # a quarter of the files anything goes
    pool = _GOOD + _BAD if odd else _GOOD
    names = draw(st.lists(st.sampled_from(["A", "B", "C", "de", "A", "", "x y"] if odd else
                                          ["A", "B", "C", "de"]),
                          min_size=1, max_size=4, unique=not odd))
    cols = ["prnrnmc", "isnrnmc", "isnr", "prnr", "prname"]
    for a in names:
        cols += [f"p{a}", f"s{a}"]
    cols += ["rp", "out"]
    if draw(st.booleans()):
        cols = draw(st.permutations(cols))
    lines = ["\t".join(cols)]
    capability = draw(st.sampled_from(["equal", "gdp"]))
    if capability == "gdp" or draw(st.booleans()):  # a GDP row
        lines.append("\t".join("" if c in ("isnr", "out") else draw(st.sampled_from(
            ["", "2", "3.5", "-1", "x"] if odd else ["", "2", "3.5"])) for c in cols))
    ids = iter(draw(st.permutations(_IDS[1:-1])))
    for _ in range(draw(st.integers(0, 4))):
        cells = []
        for c in cols:
            if c == "isnr":
                cells.append(draw(st.sampled_from(_IDS)) if odd else next(ids))
            elif c in ("prnrnmc", "isnrnmc"):
                cells.append(draw(st.sampled_from(_NUMS if odd else _NUMS[:4])))
            elif c in ("prnr", "prname"):
                cells.append(draw(st.sampled_from(["", "P1", "P2", " P1"])))
            else:
                cells.append(draw(st.sampled_from(pool)))
        if odd and draw(st.integers(0, 4)) == 0:
            cells = cells[: draw(st.integers(0, len(cells)))]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n", capability


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_deu_files())
def test_random_files_fast_and_full_check_agree(tmp_path_factory: pytest.TempPathFactory,
                                                 drawn: tuple[str, str]) -> None:
    text, capability = drawn
    path = _write(tmp_path_factory.mktemp("deu"), text)
    try:
        head = _head(path, capability)
    except InputError:
        return  # header problems: one code path for both
    fast = _read_fast(head, capability)
    try:
        slow = _read_checked(head, capability)
    except InputError as e:
        assert fast is None, f"fast check accepted a file the full check refuses: {e}"
        with pytest.raises(InputError) as got:
            read_deu(path, capability=capability)
        assert got.value.messages == e.messages
        return
    if fast is not None:
        _same(fast, slow)
        _same(fast.by_group(), slow.by_group())
        _stacked_as_compiled(fast.scored())
        _stacked_as_compiled(fast.by_group())
    _same(read_deu(path, capability=capability), slow)

