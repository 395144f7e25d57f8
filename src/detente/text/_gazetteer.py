"""Gazetteers generated from the record: agreement names and actor names.

Agreement patterns come from each agreement's own ``name`` in the record (the full name, the name
without its parentheses, each short name in parentheses, "X Treaty" for "Treaty on X", the short
name plus the head noun: "ABM Treaty") and from the record's alias table
(``record/data/aliases.csv``: "the Iran nuclear deal", "Minsk II", "the Founding Act"), and
the acronym of a proper name of three to six words for an agreement that has none ("CMA" for
"Comprehensive Military Agreement", :func:`acronyms`). A new agreement added to the record is
recognised by its name without any code change.

Actor names (states, demonyms, capitals and seats used as metonyms, leaders and officials with
the years they held office) come from the same alias table; a name valid only in some years
("Moscow" is the USSR up to 1991, Russia from 1992; "Trump" is the USA in 2017-2021 and from
2025) is resolved by the date of the event it is attached to.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from detente.record import Record

__all__ = ["ARMED", "E3", "E3_STATES", "NON_STATE", "P5", "P5_STATES", "SIDES", "ActorName",
           "Gazetteer", "acronyms", "agreement_names", "build_gazetteer", "distinctive_words",
           "load_aliases"]

#: the code that "the rebels", "separatist fighters", "pro-Russian forces" stand for until the
#: agreement is known: then it is that agreement's non-state armed parties (:data:`NON_STATE`)
ARMED = "ARMED"
#: "both sides", "the two countries": the two actors last named (resolved per sentence)
SIDES = "SIDES"
#: "the Europeans", "the E3", "the three European powers": France, Germany and the United
#: Kingdom together (resolved once the agreement is known: they must all be its parties)
E3 = "E3"
E3_STATES = ("FRA", "DEU", "GBR")
#: "the P5+1", "the sextet", "six world powers": the five permanent members of the Security
#: Council and Germany together (the Iran talks' other side; resolved like :data:`E3`)
P5 = "P5+1"
P5_STATES = ("USA", "GBR", "FRA", "RUS", "CHN", "DEU")
#: actors of the record that are non-state armed parties (the separatist entities of Donbas,
#: the Taliban, Hezbollah, Hamas, the Houthis)
NON_STATE = frozenset({"DPR", "LPR", "TALIBAN", "HEZBOLLAH", "HAMAS", "HOUTHIS"})

_HEADS = ("Treaty", "Convention", "Agreement", "Accords", "Accord", "Act", "Memorandum",
          "Protocol", "Framework", "Statement", "Declaration", "Initiative", "Understanding")


@dataclass(frozen=True)
class ActorName:
    """One name of an actor, valid from year ``start`` to year ``end`` (None: open)."""

    code: str
    start: int | None = None
    end: int | None = None

    def valid(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class Gazetteer:
    """Names to look for: agreement name → id, actor name (lower case) → candidate codes."""

    agreements: dict[str, str]
    actors: dict[str, tuple[ActorName, ...]]
    parties: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actor_forms: tuple[str, ...] = ()
    #: negotiation tracks (agreements of kind ``talks``): id -> (first year, parties)
    talks: dict[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    #: a word of an agreement's names that no other agreement's names hold ("plutonium",
    #: "grain", "friendship") -> that agreement (see :func:`distinctive_words`)
    words: dict[str, str] = field(default_factory=dict)
    #: the record's kind of each agreement ("treaty", "ceasefire", ...)
    kinds: dict[str, str] = field(default_factory=dict)

    def actor_code(self, name: str, year: int | None) -> str | None:
        """The code a name stands for in ``year`` (the first valid reading; None if none)."""
        options = self.actors.get(name.lower(), ())
        if options and year is None:
            # no date at all: the present reading ("Moscow" is Russia, not the USSR)
            return next((o.code for o in options if o.end is None), options[0].code)
        for o in options:
            if o.valid(year):
                return o.code
        if options and year is None:
            # no date at all: the present reading ("Moscow" is Russia, not the USSR)
            return next((o.code for o in options if o.end is None), options[0].code)
        return options[-1].code if options else None


def load_aliases(text: str | None = None) -> list[dict[str, str]]:
    """Rows of the record's alias table (``kind,id,alias,from,to``), plus (when ``text`` is
    None) the text package's own table of officials with their years in office
    (``text/data/people.csv``: ministers, spokesmen, heads of organisations)."""
    if text is not None:
        return list(csv.DictReader(io.StringIO(text)))
    text = (resources.files("detente.record") / "data" / "aliases.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    people = (resources.files("detente.text") / "data" / "people.csv").read_text("utf-8")
    rows.extend({"kind": "actor", "id": r["code"], "alias": r["alias"], "from": r["from"],
                 "to": r["to"]} for r in csv.DictReader(io.StringIO(people)))
    return rows


def _is_actor_compound(text: str, actor_names: frozenset[str]) -> bool:
    parts = re.split(r"[-/]", text)
    return len(parts) > 1 and all(p.strip().lower() in actor_names for p in parts)


def _short_name_ok(p: str, actor_names: frozenset[str]) -> bool:
    if not p or len(p.split()) > 5 or not p[0].isupper():
        return False
    if p.lower() in actor_names or _is_actor_compound(p, actor_names):
        return False
    if re.search(r"(mediated|brokered|summit|exchanges|;)", p, re.I):
        return False
    if re.fullmatch(r"[A-Z][a-z]+", p):  # a lone place name ("Sochi") is not a name of a deal
        return False
    return not re.search(r"\d{4}", p)


#: roman numerals of agreement sequels and their arabic forms
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def agreement_names(name: str, actor_names: frozenset[str] = frozenset()) -> set[str]:
    """Ways an agreement's record name is written in prose (see the module docstring)."""
    out = {name.strip()}
    parens = re.findall(r"\(([^()]*)\)", name)
    bare = re.sub(r"\s*\([^()]*\)", "", name).strip()
    bare = re.sub(r"\s+", " ", bare)
    if bare:
        out.add(bare)
    head = next((h for h in _HEADS if re.search(rf"\b{h}\b", bare)), None)
    for p in parens:
        p = p.strip()
        if not _short_name_ok(p, actor_names):
            continue
        out.add(p)
        if head and head.lower() not in p.lower() and re.fullmatch(r"[A-Z0-9-]{2,}( [IV]+)?", p):
            out.add(f"{p} {head}")
    m = re.match(r"^Treaty (?:on|of) (?:the )?(.+)$", bare)
    if m and len(m.group(1).split()) <= 6:
        out.add(f"{m.group(1)} Treaty")
        # "Treaty of Conventional Armed Forces" for "Treaty on ...", and the reverse
        swap = {"on": "of", "of": "on"}[bare.split()[1]]
        out.add(f"Treaty {swap} {bare.split(' ', 2)[2]}")
    # (twenty-eighth round) the reverse for a name that is one place word and a head: "Moscow
    # Treaty" -> "Treaty of Moscow", "Tehran Declaration" -> "Declaration of Tehran" (not an
    # acronym or an actor's name: "SALT Treaty", "Russian Treaty")
    for o in list(out):
        m = re.fullmatch(r"([A-Z][a-z]{2,}) (Treaty|Agreement|Accords?|Declaration|Memorandum|"
                         r"Protocol|Convention|Pact)", o)
        if m and not _is_actor_compound(m.group(1), actor_names) and \
                m.group(1).lower() not in actor_names:
            out.add(f"{m.group(2)} of {m.group(1)}")
    # "US-DPRK Agreed Framework" -> "Agreed Framework" (only when the prefix names actors)
    m = re.match(r"^(\S+) (.+)$", bare)
    if (m and _is_actor_compound(m.group(1), actor_names) and len(m.group(2).split()) >= 2
            and any(re.search(rf"\b{h}\b", m.group(2)) for h in _HEADS)):
        out.add(m.group(2))
    # (twenty-second round) "Six-Party Talks Joint Statement" -> "Six-Party Talks": the talks
    # of a process named for the one statement the record holds of them ("walked out of the
    # six-party talks" leaves what they agreed)
    m = re.match(r"^(\S+(?: \S+)? Talks) (?:Joint )?(?:Statement|Declaration|Communiqu\S*)$",
                 bare)
    if m:
        out.add(m.group(1))
    # "Trilateral Statement and Annex" -> "Trilateral Statement" (the part ending in a head noun)
    for o in list(out):
        m = re.match(rf"^(.+\b(?:{'|'.join(_HEADS)}))\s+and\s+[A-Z]\w+$", o)
        if m and "," not in m.group(1) and len(m.group(1).split()) >= 2:
            out.add(m.group(1))
    # hyphenation varies: "Non-Proliferation" / "Nonproliferation", "Test-Ban" / "Test Ban"
    for o in list(out):
        # (proper names only: "test-ban treaty" would also match "Limited Test Ban Treaty")
        if o[:1].isupper() and re.search(r"[A-Za-z]-[A-Za-z]", o):
            out.add(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", o))
            out.add(re.sub(r"(?<=[A-Za-z])-([A-Za-z])", lambda m: m.group(1).lower(), o))
    # (twenty-third round) an acronym's numeral is written spaced or hyphenated, roman or
    # arabic: "START II", "START-II", "START 2", "START-2" (and "SALT II Treaty", "SALT-2 Treaty")
    for o in list(out):
        m = re.fullmatch(r"([A-Z]{3,})[ -](I{1,3}|IV|V|[1-5])((?: [A-Z]\w*)?)", o)
        if m:
            num = m.group(2)
            alt = _ROMAN.get(num) or next(r for r, a in _ROMAN.items() if a == num)
            for n in (num, alt):
                for sep in (" ", "-"):
                    out.add(f"{m.group(1)}{sep}{n}{m.group(3)}")
    # (thirty-eighth round) a compound of two names is also written with an en dash:
    # "Saudi–Iran agreement", "Israel–Hezbollah ceasefire", "NATO–Russia Founding Act"
    for o in list(out):
        if re.search(r"[A-Za-z]-[A-Za-z]", o):
            out.add(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "\u2013", o))
    return {o for o in out if len(o) >= 2}


#: words of agreement names that say what kind of text or subject it is, not which one
_GENERIC_WORDS = frozenset("""
treaty treaties agreement agreements accord accords memorandum memoranda protocol protocols
convention deal pact framework statement declaration initiative understanding act charter
arrangement package measures measure plan action joint comprehensive between with from and for
the of on in to by its their into under about over parallel annex final interim general
nuclear arms weapons weapon forces force strategic reduction reductions limitation limitations
further offensive missiles missile systems system security assurances cooperation partnership
mutual military international elimination intermediate range shorter test tests testing ban
prevention non proliferation nonproliferation peace peaceful ceasefire cease fire truce
implementation establishment principles basic relations federation republic states united
kingdom union soviet socialist people's democratic
after against along june july remains respect related negotiation negotiations extension
resolution commitments open draft four high point party permanent humanitarian operations
firing restore bringing area indirect infrastructure ministers oral plus inter pledge
exchanges guarantees activities deploying escalation deescalation consultative questions
principle issues steps step certain common concerning regarding relating during control
agreed anti armed europe management settlement situation sort strikes suspension terms track
stoppage september seas cessation hostilities leap stabilisation
""".split())


def distinctive_words(names: dict[str, str], actor_names: frozenset[str] = frozenset()
                      ) -> dict[str, str]:
    """Words (lower case, 4+ letters) of agreement names held by exactly one agreement, other
    than generic treaty words and actor names: a paraphrase that uses one ("an agreement ...
    on plutonium disposal", "the grain export deal") refers to that agreement."""
    owners: dict[str, set[str]] = {}
    for name, aid in names.items():
        for w in re.findall(r"[a-z]+", name.lower()):
            if len(w) >= 4 and w not in _GENERIC_WORDS and w not in actor_names and \
                    not any(w == a or w.rstrip("s") == a for a in actor_names):
                owners.setdefault(w, set()).add(aid)
    return {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1}


_FUNCTION_WORDS = frozenset({"of", "on", "the", "and", "for", "in", "at", "to", "with", "over"})


def acronyms(names: dict[str, str], taken: frozenset[str] = frozenset()) -> dict[str, str]:
    """Acronyms of agreement names (name -> id): the initials of a proper name of three to six
    capitalised words ("Comprehensive Military Agreement" -> "CMA", "Black Sea Grain
    Initiative" -> "BSGI"), function words skipped; not from a name opening with its head noun
    ("Treaty on Open Skies" is not "TOS"). An acronym two agreements share, or one that is
    already a name or in ``taken`` (actor names, lower case), is dropped."""
    owners: dict[str, set[str]] = {}
    for name, aid in names.items():
        words = name.split()
        content = [w for w in words if w not in _FUNCTION_WORDS]
        if not 3 <= len(content) <= 6 or words[0] in _HEADS or \
                not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in content):
            continue
        owners.setdefault("".join(w[0] for w in content), set()).add(aid)
    return {a: next(iter(ids)) for a, ids in owners.items()
            if len(ids) == 1 and a not in names and a.lower() not in taken}


def build_gazetteer(record: Record, aliases: list[dict[str, str]] | None = None) -> Gazetteer:
    """Gazetteers for ``record`` (names of its agreements) and the alias table."""
    rows = load_aliases() if aliases is None else aliases
    ag: dict[str, str] = {}
    known = {a.id for a in record.agreements}
    actor_names = frozenset(r["alias"].strip().lower() for r in rows if r["kind"] == "actor")
    for a in record.agreements:
        for n in agreement_names(a.name, actor_names):
            ag.setdefault(n, a.id)
    for r in rows:
        if r["kind"] == "agreement" and r["id"] in known:
            for n in agreement_names(r["alias"].strip()):
                ag[n] = r["id"]
    # an acronym of a record name or alias, for an agreement that has none ("CMA", "BSGI"; not
    # "ISA" beside "INCSEA")
    spelled = {aid for n, aid in ag.items() if re.match(r"[A-Z]{3,}\b", n)}
    proper = {re.sub(r"\s*\([^()]*\)", "", a.name).strip(): a.id for a in record.agreements}
    proper.update({r["alias"].strip(): r["id"] for r in rows
                   if r["kind"] == "agreement" and r["id"] in known})
    for n, aid in acronyms(proper, actor_names).items():
        if aid not in spelled:
            ag.setdefault(n, aid)
    actors: dict[str, list[ActorName]] = {}
    forms: list[str] = []
    for r in rows:
        if r["kind"] != "actor":
            continue
        start = int(r["from"]) if r.get("from") else None
        end = int(r["to"]) if r.get("to") else None
        actors.setdefault(r["alias"].strip().lower(), []).append(ActorName(r["id"], start, end))
        if r["alias"].strip() not in forms:
            forms.append(r["alias"].strip())
    actors["armed group"] = [ActorName(ARMED)]  # matched by pattern, not by name
    actors["both sides"] = [ActorName(SIDES)]  # likewise
    actors["e3 group"] = [ActorName(E3)]  # likewise
    actors["p5+1 group"] = [ActorName(P5)]  # likewise
    parties = {a.id: a.parties for a in record.agreements}
    talks = {a.id: ((a.signed.start.year if a.signed else 0), a.parties)
             for a in record.agreements if a.kind.value == "talks"}
    words = distinctive_words(ag, frozenset(actors) | {w for k in actors for w in
                                                       re.findall(r"[a-z]+", k)})
    kinds = {a.id: a.kind.value for a in record.agreements}
    return Gazetteer(agreements=ag, actors={k: tuple(v) for k, v in actors.items()},
                     parties=parties, actor_forms=tuple(forms), talks=talks, words=words,
                     kinds=kinds)


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    from detente.record import load_shipped_record

    return build_gazetteer(load_shipped_record())
