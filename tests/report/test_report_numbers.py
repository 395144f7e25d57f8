"""Every number in the Geneva report equals the one the corresponding command prints: each
command's JSON output (``-f json``) is parsed and compared with the cells and sentences of the
HTML, formatted the way the report formats them (forecast table, crisis probabilities and
per-issue figures, the ultimatum reading, credibility, bargaining)."""

from __future__ import annotations

import html
import json
import re
import shlex
from html.parser import HTMLParser
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app

AS_OF = "2022-01-10"


class _Sections(HTMLParser):
    """Text and tables of each ``<section id=...>`` of a report."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, dict[str, Any]] = {}
        self._sec: str | None = None
        self._table: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and a.get("id"):
            self._sec = a["id"]
            self.sections[self._sec] = {"text": [], "tables": []}
        elif self._sec and tag == "table":
            self._table = []
        elif self._table is not None and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._sec = None
        elif tag == "table" and self._table is not None and self._sec:
            self.sections[self._sec]["tables"].append(self._table)
            self._table = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self._table.append(self._row)
            self._row = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._sec:
            self.sections[self._sec]["text"].append(data)


def _parse(text: str) -> dict[str, dict[str, Any]]:
    p = _Sections()
    p.feed(text)
    for s in p.sections.values():
        s["text"] = "".join(s["text"])
    return p.sections


def _table_with(sec: dict[str, Any], first_header: str, contains: str | None = None
                ) -> list[list[str]]:
    for t in sec["tables"]:
        if t and t[0] and t[0][0] == first_header and (contains is None or contains in t[0]):
            return t
    raise AssertionError(f"no table headed {first_header!r} ({contains!r})")


def _run(*args: str) -> Any:
    res = CliRunner().invoke(app, list(args))
    assert res.exit_code == 0, res.output
    try:  # stdout only: notes such as "created the record database" go to stderr
        return json.loads(res.stdout)
    except json.JSONDecodeError as err:
        raise AssertionError(f"{args}: not JSON: {res.stdout[:400]!r}") from err


def _reproduce(text: str, section: str, prefix: str) -> Any:
    """Run the command printed under a table of ``section`` (the one starting with ``prefix``
    and asking for JSON) and parse its output."""
    body = text[text.index(f'<section id="{section}">'):]
    body = body[:body.index("</section>")]
    cmds = [html.unescape(c) for c in re.findall(r"Reproduce: <code>(.*?)</code>", body)]
    mine = [c for c in cmds if c.startswith(prefix) and c.endswith("-f json")]
    assert len(mine) == 1, cmds
    argv = shlex.split(mine[0])
    assert argv[0] == "detente"
    return _run(*argv[1:])


@pytest.fixture(scope="module")
def sections(geneva_html: tuple[str, str]) -> dict[str, dict[str, Any]]:
    return _parse(geneva_html[0])


def test_forecast_table_equals_detente_forecast(sections: dict[str, dict[str, Any]],
                                                geneva_html: tuple[str, str]) -> None:
    tab = _table_with(sections["forecasts"], "issue", "status quo")
    models = tab[0][2:]
    assert set(models) >= {"eum", "compromise", "crisis"}
    printed = _reproduce(geneva_html[0], "forecasts", "detente forecast geneva-2022")
    assert [d["model"] for d in printed["forecasts"]] == models
    by_model = {d["model"]: d for d in printed["forecasts"]}
    rows = {r[0]: r for r in tab[1:]}
    n = 0
    for m_i, m in enumerate(models):
        for row in by_model[m]["issues"]:
            cell = rows[_issue_label(row["issue"])][2 + m_i]
            assert cell == f"{row['outcome']:.2f}", (m, row["issue"])
            n += 1
    assert n == len(models) * 6


def _issue_label(issue_id: str) -> str:
    from detente.examples import load_example

    return load_example("geneva-2022").issue(issue_id).label


@pytest.mark.parametrize("channel", ["public", "private"])
def test_crisis_figures_equal_detente_crisis(sections: dict[str, dict[str, Any]],
                                             geneva_html: tuple[str, str], channel: str) -> None:
    sec = sections["crisis"]
    run = f"detente crisis geneva-2022 --as-of {AS_OF} --draws 2000 --seed 0"
    printed = _reproduce(geneva_html[0], "crisis",
                         run + (" --channel private" if channel == "private" else " -f"))
    assert printed["channel"] == channel
    probs = _table_with(sec, "episode")
    col = probs[0].index(f"P ({channel})")
    for row, key in zip(probs[1:], ("agreement", "no_agreement", "escalation"), strict=True):
        assert row[col].split(" ± ")[0] == f"{printed['episode'][key]:.3f}", (channel, key)
    per_issue = _table_with(sec, "issue", f"forecast ({channel})")
    fcol = per_issue[0].index(f"forecast ({channel})")
    dcol = per_issue[0].index(f"deal ({channel})")
    rows = {r[0]: r for r in per_issue[1:]}
    for doc in printed["issues"]:
        row = rows[doc["name"]]  # the report names issues, as `detente crisis` does
        assert row[fcol] == f"{doc['forecast']:.1f}"
        lo, hi = doc["interval_80"]
        assert row[fcol + 1] == f"{lo:.1f}–{hi:.1f}"
        assert row[dcol] == ("—" if doc["deal"] is None else f"{doc['deal']:.1f}")
    # the ultimatum reading (Fearon 1997) of the challenger's public demand
    sig = printed["signal"]
    tab = _table_with(sec, "", f"{channel} channel")
    cells = {r[0]: r[1 + tab[0][1:].index(f"{channel} channel")] for r in tab[1:]}
    assert cells["P(resolved) before the demand"] == f"{sig['prior_resolve']:.3f}"
    assert cells["P(resolved | demand made)"] == f"{sig['posterior_resolve']:.3f}"
    assert cells["P(the receiver accepts it)"] == f"{sig['acceptance']:.3f}"
    assert cells["audience cost of backing down"] == f"{sig['audience_cost']:.3f}"
    assert cells["meant to be accepted"] == ("yes" if sig["meant_to_be_accepted"] else "no")
    # the explanation is the command's, line for line
    for line in printed["explanation"]:
        assert line in sec["text"]


@pytest.mark.parametrize(("actor", "toward"), [("USA", "RUS"), ("RUS", "USA")])
def test_credibility_equals_detente_credibility(sections: dict[str, dict[str, Any]],
                                                actor: str, toward: str) -> None:
    c = _run("credibility", actor, "--toward", toward, "--as-of", AS_OF, "-f", "json",
             "--db", "shipped")
    text = sections["credibility"]["text"]
    part = text[text.index(f"{actor} toward {toward}"):]
    m = re.search(r"Posterior mean ([0-9.]+) \((\d+)% credible interval ([0-9.]+)–([0-9.]+)\) "
                  r"from (\d+) events", part)
    assert m is not None
    assert m.group(1) == f"{c['mean']:.3f}"
    assert (m.group(3), m.group(4)) == (f"{c['low']:.3f}", f"{c['high']:.3f}")
    assert int(m.group(5)) == c["n_events"]


def test_bargaining_figures_equal_detente_bargain(sections: dict[str, dict[str, Any]],
                                                 geneva_html: tuple[str, str]) -> None:
    b = _reproduce(geneva_html[0], "bargaining", "detente bargain geneva-2022 --a USA --b RUS")
    text = sections["bargaining"]["text"]
    t_ab, t_ba = b["trust"]
    assert f"USA trusts RUS {t_ab:.3f}, RUS trusts USA {t_ba:.3f}" in text
    z = b["zopa_at_trust"]
    assert f"holds {z['size']:,} deals ({z['share']:.2%} of all)" in text
    zf = b["zopa_full_trust"]
    assert f"at full trust it holds {zf['size']:,} ({zf['share']:.2%})" in text
    assert f"{b['frontier_size']} on the Pareto frontier" in text
    assert f"κ* (below it no deal is worth signing) is {b['trust_threshold']:.3f}" in text
    deals = _table_with(sections["bargaining"], "deal", "V(USA)")
    rows = {r[0]: r for r in deals[1:]}
    for name, sol in z["best"].items():
        row = rows[name]
        issues = deals[0][1:-2]
        assert row[1:-2] == [str(sol["options"][i]) for i in issues]
        assert row[-2:] == [f"{sol['utility_a']:.3f}", f"{sol['utility_b']:.3f}"]


def _f1(x: float | None, fmt: str = ".1f") -> str:
    """A number formatted as the report's uncertainty tables format it (no negative zero)."""
    if x is None:
        return "—"
    out = format(x, fmt)
    return out[1:] if out.startswith("-") and float(out) == 0 else out


def test_intervals_equal_detente_simulate(sections: dict[str, dict[str, Any]],
                                          geneva_html: tuple[str, str]) -> None:
    calib = _reproduce(geneva_html[0], "forecasts", "detente calibrate cases")
    printed = _reproduce(geneva_html[0], "forecasts", "detente simulate geneva-2022")
    # the simulation runs under the noise the calibration printed
    assert printed["jitter"] == calib["jitter"]
    text = sections["forecasts"]["text"]
    assert f"standard deviation {calib['scale']:g}% of its scale" in text
    assert (f"covered {calib['test']['coverage50']:.1%} and {calib['test']['coverage90']:.1%}"
            in text)
    tab = _table_with(sections["forecasts"], "issue", "90% interval")
    rows = {(r[0], r[1]): r for r in tab[1:]}
    n = 0
    for m in printed["models"]:
        for row in m["issues"]:
            cells = rows[(_issue_label(row["issue"]), m["model"])]
            q = row["quantiles"]
            assert cells[2] == _f1(row["point"])
            assert cells[3] == _f1(q["0.5"])
            assert cells[4] == f"{_f1(q['0.25'])}–{_f1(q['0.75'])}"
            assert cells[5] == f"{_f1(q['0.05'])}–{_f1(q['0.95'])}"
            assert cells[6] == _f1(row["mcse"], ".2f")
            n += 1
    assert n == len(tab) - 1 == 6 * len(printed["models"])
    # the point forecasts are those of the forecast table (one model run on the point inputs)
    fc = _table_with(sections["forecasts"], "issue", "status quo")
    for m in printed["models"]:
        col = fc[0].index(m["model"])
        for row in m["issues"]:
            cell = next(r for r in fc[1:] if r[0] == _issue_label(row["issue"]))[col]
            assert abs(float(cell) - row["point"]) <= 0.005 + 1e-9


def test_sensitivity_equals_detente_sensitivity(sections: dict[str, dict[str, Any]],
                                                geneva_html: tuple[str, str]) -> None:
    printed = _reproduce(geneva_html[0], "sensitivity", "detente sensitivity geneva-2022")
    assert printed["method"] == "morris"
    sec = sections["sensitivity"]
    assert f"over {printed['runs']:,} runs" in sec["text"]
    tab = _table_with(sec, "issue", "mu*")
    got: dict[str, list[list[str]]] = {}
    for r in tab[1:]:
        got.setdefault(r[0], []).append(r[1:5])
    assert len(got) == len(printed["issues"])
    for iss, xs in printed["issues"].items():
        want = [[x["input"], f"{x['mu_star']:.2f}", f"{x['mu_star_conf']:.2f}",
                 f"{x['sigma']:.2f}"] for x in xs[:3]]
        assert got[_issue_label(iss)] == want, iss
    actors = _table_with(sec, "issue", "actors (Σ mu*)")
    for r in actors[1:]:
        key = next(i for i in printed["actors"] if _issue_label(i) == r[0])
        want = ", ".join(f"{a['actor']} {a['index']:.2f}" for a in printed["actors"][key][:3])
        assert r[1] == want


@pytest.mark.parametrize(("actor", "toward"), [("USA", "RUS"), ("RUS", "USA")])
def test_credibility_sensitivity_equals_its_command(sections: dict[str, dict[str, Any]],
                                                   geneva_html: tuple[str, str], actor: str,
                                                   toward: str) -> None:
    printed = _reproduce(geneva_html[0], "sensitivity",
                         f"detente credibility-sensitivity {actor} --toward {toward}")
    text = sections["sensitivity"]["text"]
    part = text[text.index(f"{actor} toward {toward}"):]
    assert part.startswith(
        f"{actor} toward {toward}Posterior mean {printed['mean_at_settings']:.3f} at the "
        f"default settings; {printed['mean_low']:.3f}–{printed['mean_high']:.3f} over "
        f"{printed['runs']} sampled settings.")
    tabs = [t for t in sections["sensitivity"]["tables"] if t[0][0] == "setting"]
    tab = tabs[0 if (actor, toward) == ("USA", "RUS") else 1]
    assert [[r[0], r[2], r[3]] for r in tab[1:]] == [
        [s["setting"], f"{s['mu_star']:.3f}", f"{s['sigma']:.3f}"] for s in printed["settings"]]
