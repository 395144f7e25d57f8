"""Experiment textml1: the small trained classifier beside the rules (``scripts/_textml.py``).

The model is not shipped (the cross-validation failed the decision rule, ``docs/text.md``);
these tests hold the experiment's code to what the write-up says it does.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from detente.text import Article, Extractor


def _load():  # type: ignore[no-untyped-def]
    """The experiment's module lives in scripts/ (not part of the package)."""
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("_textml", root / "scripts" / "_textml.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["_textml"] = mod
    spec.loader.exec_module(mod)
    return mod


_m = _load()
hybrid, instances, predict, train = _m.hybrid, _m.instances, _m.predict, _m.train


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


#: a tiny training set of masked sentences: "agrx" is the agreement, "actx" an actor
EXAMPLES = [
    (" actx  quit the  agrx  last year.", frozenset({"withdrew"})),
    (" actx  quit the  agrx  in march.", frozenset({"withdrew"})),
    ("in may,  actx  quit the  agrx .", frozenset({"withdrew"})),
    (" actx  put its name to the  agrx  in 1996.", frozenset({"signed"})),
    (" actx  put its name to the  agrx  in geneva.", frozenset({"signed"})),
    (" actx  discussed the  agrx  with  actx .", frozenset()),
    (" actx  spoke about the  agrx  on monday.", frozenset()),
    ("the  agrx  was the topic when  actx  met  actx .", frozenset()),
] * 4


def test_training_is_reproducible() -> None:
    a, b = (train(EXAMPLES, epochs=4, learn_rate=0.02) for _ in range(2))
    texts = [t for t, _ in EXAMPLES[:8]]
    da = [dict(d.cats) for d in a.pipe(texts)]
    db = [dict(d.cats) for d in b.pipe(texts)]
    assert da == db
    # bit for bit: the trained weights serialise to the same bytes
    assert a.get_pipe("textcat_multilabel").to_bytes() == \
        b.get_pipe("textcat_multilabel").to_bytes()
    # and it learned something: the act it was shown scores above the talk it was shown
    assert da[0]["withdrew"] > da[5]["withdrew"]


def test_instances_mask_agreement_and_actors(ex: Extractor) -> None:
    art = Article(name="t", text="Russia quit the INF Treaty last year. It rained in Paris.")
    insts = instances(ex, art, ex.extract(art))
    assert [(i.index, i.agreement, i.codes) for i in insts] == [(0, "inf_1987", ("RUS",))]
    assert "agrx" in insts[0].text and "actx" in insts[0].text
    assert "russia" not in insts[0].text


def _added(ex: Extractor, nlp: object, text: str, etype: str,
           cue_guard: bool = True) -> tuple[list[object], float]:
    art = Article(name="t", text=text)
    rules = ex.extract(art)
    insts = instances(ex, art, rules)
    probs = predict(nlp, insts)  # type: ignore[arg-type]
    added = hybrid(ex, rules, insts, probs, cue_guard=cue_guard)[len(rules):]
    return [(c.agreement, c.actors, c.type, c.trigger, c.is_fact) for c in added
            if c.type == etype], probs[0][etype]


def test_hybrid_adds_where_the_rules_are_silent_and_never_on_a_negation(ex: Extractor) -> None:
    nlp = train(EXAMPLES, epochs=8, learn_rate=0.02)
    # "put its name to" is no signing verb of the rules
    fact = "Russia put its name to the INF Treaty in 1987."
    assert not any(c.type == "signed" for c in ex.extract(Article(name="t", text=fact)))
    got, p = _added(ex, nlp, fact, "signed")
    assert p >= 0.5
    assert got == [("inf_1987", ("RUS",), "signed", "model", True)]
    # negated: the model still reads a signing, the rules' negation cue keeps it out
    neg = "Russia did not put its name to the INF Treaty in 1987."
    got, p = _added(ex, nlp, neg, "signed")
    assert p >= 0.5 and got == []
    # the rules' own non-fact on the pair keeps it out even without the cue guard
    rules_neg = "Russia did not quit the INF Treaty last year."
    assert [c.is_fact for c in ex.extract(Article(name="t", text=rules_neg))] == [False]
    got, p = _added(ex, nlp, rules_neg, "withdrew", cue_guard=False)
    assert p >= 0.5 and got == []
    # where the rules already give the act, nothing is added
    got, _ = _added(ex, nlp, "Russia quit the INF Treaty last year.", "withdrew")
    assert got == []
