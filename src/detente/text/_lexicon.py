"""Trigger lexicon: for each record event type, the verbs, particle verbs and nouns that report it.

The table below is declarative: each verb is given once, as a lemma (with its irregular forms
where English has them), and every inflection is generated (``withdraw``: withdraw, withdraws,
withdrew, withdrawn, withdrawing; ``pull out``: pulls out, pulled out, ...). The vocabulary was
drawn from the record itself (the words its 319 event notes use for each type: "ceased", "ended
participation", "stopped", "breached", "rejoined", "resumed", "acceded") and from ordinary
English synonyms of the same acts; it is not keyed to any article.

Some verbs only report a treaty act with a particular object: ``leave`` ("leave the treaty",
not "leave the door open"), ``halt``/``freeze``/``stop`` (participation, implementation,
obligations), ``denounce`` (a treaty, not "denounced it as disastrous"). Those carry an object
pattern that must follow the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["KEPT_NAME", "KEPT_NOUN", "LEXICON", "NOT_EXTENDED", "Entry", "forms", "lexicon_keys",
           "lexicon_patterns"]

_IRREGULAR: dict[str, tuple[str, str]] = {  # lemma -> (past, past participle)
    "keep": ("kept", "kept"), "uphold": ("upheld", "upheld"),
    "withdraw": ("withdrew", "withdrawn"), "leave": ("left", "left"), "quit": ("quit", "quit"),
    "tear": ("tore", "torn"), "break": ("broke", "broken"), "come": ("came", "come"),
    "go": ("went", "gone"), "take": ("took", "taken"), "run": ("ran", "run"),
    "walk": ("walked", "walked"), "put": ("put", "put"), "abide": ("abided", "abided"),
    "cut": ("cut", "cut"), "freeze": ("froze", "frozen"), "meet": ("met", "met"),
    "reup": ("reupped", "reupped"), "shred": ("shredded", "shredded"),
    "re-up": ("re-upped", "re-upped"), "cancel": ("cancelled", "cancelled"),
    "stick": ("stuck", "stuck"),
}
_ING = {"shred": "shredding", "quit": "quitting", "cut": "cutting", "run": "running",
        "put": "putting", "reup": "reupping", "re-up": "re-upping", "cancel": "cancelling"}


def forms(lemma: str) -> list[str]:
    """Every inflected form of a verb lemma (first word of a particle verb inflected)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        past, part = _IRREGULAR[head]
    elif head.endswith("e"):
        past = part = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past = part = head[:-1] + "ied"
    elif re.search(r"[^aeiou][aeiou][pbtg]$", head) and len(head) <= 5:
        past = part = head + head[-1] + "ed"  # scrap -> scrapped, quit handled above
    else:
        past = part = head + "ed"
    if head in _ING:
        ing = _ING[head]
    elif head.endswith("ie"):
        ing = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee"):
        ing = head[:-1] + "ing"
    elif re.search(r"[^aeiou][aeiou][pbtg]$", head) and len(head) <= 5:
        ing = head + head[-1] + "ing"
    else:
        ing = head + "ing"
    if re.search(r"(?:s|sh|ch|x|z)$", head):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    out: list[str] = []
    for f in (head, third, past, part, ing):
        if f + tail not in out:
            out.append(f + tail)
    return out


@dataclass(frozen=True)
class Entry:
    """Verbs (lemmas), nouns and an optional object pattern that must follow the trigger."""

    type: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    follow: str | None = None


_OBLIGATIONS = (r"\s+(?:(?:its|their|the|all|our|his|her|Russia's|Moscow's|Washington's)\s+)?"
                r"(?:[\w.'’-]+\s+){0,2}?(?:participation|implementation|obligations|commitments|"
                r"membership|observance|compliance)\b")
_TREATY_OBJECT = (r"\s+(?:from\s+|out\s+of\s+)?(?:the|this|that|a|an|its|their)\s+(?:[\w'’-]+\s+|"
                  r"\((?-i:[A-Z][A-Z0-9-]{1,9})\)\s+){0,6}?(?:treaty|agreement|accord|deal|pact|convention|protocol|memorandum|"
                  r"act|framework)\b(?!\s+as\b)")
#: the treaty (or a ceasefire, truce, moratorium) itself as object, no preposition between
#: ("broke the energy truce", not "ignored the warnings about the treaty")
_BROKEN_OBJECT = (r"\s+(?:the|this|that|a|an|its|their)\s+(?:(?!(?:on|of|about|over|under|for|"
                  r"with|to|in|at|by)\b)[\w'’-]+\s+){0,5}?(?:treaty|agreement|accord|deal|pact|"
                  r"convention|protocol|memorandum|act|framework|ceasefire|cease-fire|truce|"
                  r"moratorium|armistice)\b(?!\s+as\b)")
#: a treaty noun, or a name (capitalised or an acronym) right after the verb: "scrapped the
#: INF", "ditched New START", "abandoned the pact" (not "scrapped its nuclear ambitions")
# (twenty-fifth round: an acronym in brackets inside the name, "quit the intermediate nuclear
# force (INF) Treaty")
_AGREEMENT_OBJECT = (r"\s+(?:(?:the|this|that|a|an|its|their)\s+)?(?:[\w'’-]+\s+|"
                     r"\((?-i:[A-Z][A-Z0-9-]{1,9})\)\s+){0,6}?"
                     r"(?:treaty|agreement|accord|deal|pact|convention|protocol|memorandum|"
                     r"framework)\b(?!\s+as\b)|\s+(?:the\s+)?(?-i:[A-Z][\w-]*|[0-9]{4})\b"
                     # (eleventh round: not a place, "abandoned Georgian ammunition depot")
                     r"(?!\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|capital|region|province|"
                     r"district|area|border|port|coast|territory|airspace|waters|base|depot|"
                     r"positions?|embassy|soil|country|heartland|outskirts)\b)")

#: (twenty-second round) what is reaffirmed: an agreement (a statement or declaration too) or
#: a commitment, adherence or attachment to one
_REAFFIRMED = (r"\s+(?:(?:their|its|his|her|our|the)\s+(?:full\s+|strong\s+|continued\s+|"
               r"firm\s+)?(?:commitments?|adherence|attachment)\s+to\s+)?(?:(?:the|this|"
               r"its|their)\s+)?(?:(?!(?:that|on|of|about|over|for|with|to|in|at|by|need|importance|"
               r"right|position|view|support)\b)[\w'’-]+\s+){0,5}?(?:treaty|agreements?|"
               r"accords?|deal|pact|convention|protocol|memorandum|framework|statement|"
               r"declaration)\b(?!\s+(?:as|that)\b)")

#: the agreement itself as object, no preposition between ("terminated the 1997 friendship pact",
#: not "cancelled the talks on the New START treaty")
_OWN_AGREEMENT_OBJECT = (r"\s+(?:(?:the|this|that|a|an|its|their)\s+)?(?:(?!(?:on|of|about|over|"
                         r"under|for|with|to|in|at|by)\b)[\w'’-]+\s+){0,5}?(?:treaty|agreement|"
                         r"accord|deal|pact|convention|protocol|memorandum|framework)\b(?!\s+as\b)"
                         r"|\s+(?:the\s+)?(?-i:[A-Z][\w-]*|[0-9]{4})\b")

#: a treaty noun as the object of "halt" or "freeze", or its effect or operation: "halting an
#: agreement with the United States", "halted the effect of the memorandum" (no name or
#: capitalised word alone: "halted Russian strikes")
_HALTED_AGREEMENT = (r"\s+(?:(?:the|its|their)\s+(?:effect|operation|implementation|validity)\s+"
                     r"of\s+)?(?:(?:the|this|that|a|an|its|their)\s+)?(?:(?!(?:on|of|about|"
                     r"over|under|for|with|to|in|at|by)\b)[\w'’-]+\s+){0,4}?(?:treaty|agreement|"
                     r"accord|deal|pact|memorandum)\b(?!\s+as\b)")

#: "from" and a treaty noun or an acronym ("departure from the NPT", not "from Kabul")
_FROM_AGREEMENT = (r"\s+from\s+(?:(?:the|this|that|a|an|its|their)\s+)?(?:(?:[\w'’-]+\s+){0,5}?"
                   r"(?:treaty|agreement|accord|deal|pact|convention|protocol|memorandum|"
                   r"framework)\b|(?-i:[A-Z][A-Z0-9]+\b))")

#: verbs of "kept" that mean a treaty act only with a treaty or obligations as object
_KEPT_OBJECT = (r"\s+(?:(?:the|its|their|all|our|his|her|of\s+the|all\s+of\s+the)\s+)*"
                r"(?:[\w'’-]+\s+){0,4}?(?:treaty|agreements?|accords?|deal|pact|convention|"
                r"obligations|commitments|provisions|terms|limits|ceasefire|cease-fire|"
                r"responsibilities|requirements|undertakings|protocol|memorandum|pledges?|"
                r"promises?|truce|moratorium|ban)\b")
#: the object of "keep" and "uphold": a treaty or its obligations (not a moratorium or ban)
_KEEP_OBJECT = _KEPT_OBJECT.replace("|truce|moratorium|ban)", "|truce)")
#: (twenty-sixth round) or an agreement's name, with or without "the" ("has honoured SALT II",
#: "stuck to New START", "respects the CTBT"): a capitalised word right after the verb, which
#: ``_extract`` keeps only where an agreement the record knows starts there (not "honoured
#: Gorbachev", "observed Ramadan")
KEPT_NAME = r"\s+(?:the\s+)?(?-i:[A-Z])"
KEPT_NOUN = _KEPT_OBJECT
_KEPT_OBJECT = f"(?:{_KEPT_OBJECT}|{KEPT_NAME})"
_KEEP_OBJECT = f"(?:{_KEEP_OBJECT}|{KEPT_NAME})"

#: objects that make "renew" / "extend" no treaty act (a negative lookahead)
NOT_EXTENDED = (r"(?!\s+(?:of\s+)?(?:(?:the|its|their|a|an)\s+)?(?:[\w'’-]+\s+)?(?:talks|"
                 r"negotiations|dialogue|contacts|fighting|hostilities|offensive|attacks?|"
                 r"strikes|shelling|push|calls?|efforts?|appeals?|demands?|threats?|sanctions|"
                 r"pressure|interest|ties|relations|support|invitation|offer|"
                 # (twenty-first round) "renewed his commitment to the NPT": the pledge, not
                 # the treaty, is renewed
                 r"commitments?|pledges?|promises?|vows?|assurances?|determination|resolve)\b)")


LEXICON: tuple[Entry, ...] = (
    # with an object of participation or obligations: "halted its participation"
    Entry("withdrew", verbs=("end", "terminate"), follow=_OBLIGATIONS.replace(
        "participation|implementation|obligations|commitments|membership|observance|compliance",
        "participation|membership")),
    Entry("suspended", verbs=("halt", "freeze", "stop", "reduce", "scale back", "curtail",
                              "roll back", "abandon", "cut back", "pause"),
          follow=_OBLIGATIONS),
    # (fifteenth round) "the accord has been put on hold", "placed the pact in abeyance" is
    # not read (the object between), "was halting the effect of the memorandum", "froze the
    # deal" (a treaty noun as object; not "halted the attacks", "froze Russian assets")
    Entry("suspended", verbs=("put on hold", "place on hold", "put in abeyance",
                              "place in abeyance", "hold in abeyance")),
    Entry("suspended", verbs=("halt", "freeze"), follow=_HALTED_AGREEMENT),
    # (twentieth round) "walked away from that commitment", "began backing away from that
    # pledge", "went back on its word" (before the withdrawal's "walk away from", which keeps
    # "walked away from the treaty")
    Entry("violation_alleged", verbs=("walk away from", "back away from", "go back on"),
          follow=r"\s+(?:its|his|her|their|these|those|the|this|that|our|your)\s+"
                 r"(?:[\w'’-]+\s+){0,2}?(?:pledges?|promises?|assurances?|undertakings?|"
                 r"commitments?|word)\b"),
    # (twenty-second round) "walked out of the six-party talks": with the talks resolved to the
    # process's joint statement (``agreement_names``); "walked out of the meeting" names none
    Entry("withdrew", verbs=("walk away from", "back out of", "pull out of", "pull out",
                             "walk out of")),
    Entry("withdrew", verbs=("abandon", "ditch", "scrap", "renounce", "quit", "tear up",
                             "rip up", "junk", "axe", "ax", "jettison", "dump", "shred"),
          follow=_AGREEMENT_OBJECT),
    Entry("withdrew", nouns=("pullout", "pull-out", "renunciation", "denunciation",
                             "abandonment")),
    Entry("withdrew", verbs=("denounce", "leave"), follow=_TREATY_OBJECT),
    # "terminating the Treaty on Friendship", "annulled the deal", "the termination of the pact"
    Entry("withdrew", verbs=("terminate", "annul", "cancel", "nullify", "invalidate",
                             "discontinue"),
          follow=_OWN_AGREEMENT_OBJECT),
    Entry("withdrew", nouns=("termination", "annulment", "cancellation", "discontinuation"),
          follow=r"\s+of" + _OWN_AGREEMENT_OBJECT),
    Entry("withdrew", nouns=("canceled", "canceling"), follow=_OWN_AGREEMENT_OBJECT),
    # "North Korea's departure from the NPT", "its exit from the accord"
    Entry("withdrew", nouns=("departure", "exit", "retreat"), follow=_FROM_AGREEMENT),
    Entry("suspended", nouns=("moratorium on implementation",)),
    # "declared a moratorium on Russia's compliance with the CFE Treaty", "the moratorium on
    # the CFE Treaty" (not "a moratorium on nuclear testing": an undertaking, not a suspension)
    Entry("suspended", nouns=("moratorium",),
          follow=r"\s+on\s+(?:(?:the|its|their|[\w.'’-]+['’]s)\s+)?(?:[\w'’-]+\s+){0,3}?"
                 r"(?:compliance|participation|implementation|obligations|commitments|treaty|"
                 r"agreement|accord|pact)\b|\s+on\s+(?:the\s+)?(?-i:[A-Z][A-Z0-9]+)\b"),

    Entry("violation_alleged", verbs=("flout", "infringe", "disregard", "renege on",
                                      "contravene", "breach", "violate")),
    # "breaking the treaty", "broke its commitments", "broke the truce", "ignored the
    # moratorium" (not "broke the news", "ignored the warnings")
    Entry("violation_alleged", verbs=("break", "cheat on", "ignore"),
          follow=_BROKEN_OBJECT + "|" + _OBLIGATIONS.replace(
              "participation|implementation|obligations|commitments|membership|observance|"
              "compliance", "obligations|commitments|promises?|pledges?|limits|terms|rules") +
          # (twelfth round) "broke these assurances", "broke its assurances"
          r"|\s+(?:these|those|its|his|her|their|the)\s+(?:[\w'’-]+\s+)?assurances\b"),
    # (twelfth round) "going against its pledge", "went against the agreement" (not "went
    # against the grain", "voted against the treaty")
    Entry("violation_alleged", verbs=("go against",),
          follow=r"\s+(?:its|his|her|their|these|those|the|this|that)\s+(?:[\w'’-]+\s+){0,2}?"
                 r"(?:pledges?|promises?|assurances?|undertakings?|commitments?|treaty|"
                 r"agreement|accord|deal|pact|ceasefire|truce)\b"),
    # "exceeded the JCPOA's cap on enriched uranium", "went beyond the agreed limits"
    Entry("violation_alleged", verbs=("exceed", "surpass", "go beyond", "overstep"),
          # (eleventh round: "exceeded an important limitation placed on ... by the JCPOA",
          # "surpassed the restrictions of the deal")
          follow=r"\s+(?:(?:the|its|their|all)\s+)?(?:[\w.'’-]+\s+){0,4}?(?:caps?|limits?|"
                 r"limitations?|restrictions?|ceilings?|thresholds?|quotas?)\b"),
    Entry("violation_alleged", nouns=("infringement", "violator", "breaches", "violations",
                                      "contravention", "contraventions",
                                      "noncompliance", "non-compliance")),
    Entry("kept", verbs=("abide by", "comply with", "adhere to", "honor", "honour",
                         "live up to", "observe", "fulfil", "fulfill", "respect",
                         "stick to", "stay within", "meet", "follow", "keep to")),
    # "failed to keep its promise", "upheld its obligations under the treaty" (eighth round;
    # not "kept its moratorium on testing": an undertaking of its own, not the treaty's)
    Entry("kept", verbs=("keep", "uphold"), follow=_KEEP_OBJECT),
    # (twenty-second round) "reaffirmed the Six-Party Joint Statement", "reaffirmed their
    # commitment to the Minsk agreements": parties restating an agreement in force hold to it
    # (a statement or declaration as object too; not "reaffirmed that", "reaffirmed the need";
    # not "reconfirmed the deal in 2010", which may be a new signing or protocol)
    Entry("kept", verbs=("reaffirm",), follow=_REAFFIRMED),
    Entry("compliance_restored", verbs=("rejoin", "resume")),
    # (thirty-fifth round) acts told without the usual verbs. Membership given up: "ceased to
    # be a party to the treaty", "is no longer a party to the accord" (not "ceased to be a
    # threat", "no longer a party of government")
    Entry("withdrew", verbs=("cease to be",), nouns=("no longer",),
          follow=r"\s+(?:(?:a|an)\s+)?(?:(?:state|member)\s+)?(?:party|parties|signatory|"
                 r"signatories)\s+(?:to|of)\s+(?:(?:the|this|that|its|their)\s+)?(?:(?!(?:on|"
                 r"about|over|for|with|talks|negotiations)\b)[\w'’()-]+\s+){0,6}?(?:treaty|"
                 r"agreement|accord|deal|pact|convention|protocol|memorandum|framework)\b|"
                 r"\s+(?:(?:a|an)\s+)?(?:(?:state|member)\s+)?(?:party|parties|signatory|"
                 r"signatories)\s+(?:to|of)\s+(?:the\s+)?(?-i:[A-Z])"),
    # an agreement worked against as its object: "are undermining the Founding Act",
    # "sabotaged the ceasefire" (not "undermined confidence in the treaty")
    Entry("violation_alleged", verbs=("undermine", "subvert", "sabotage"),
          follow=_BROKEN_OBJECT.replace("agreement|accord|", "agreements?|accords?|")),
    # carrying an agreement out: "implemented the terms of the deal", "carried out its
    # obligations under the accord" (the object as for the other verbs of keeping)
    Entry("kept", verbs=("implement", "carry out", "carry through")),
    # going back to carrying it out: "returned to implementing the accord", "went back to
    # full implementation of the deal" (not "returned to the negotiating table")
    Entry("compliance_restored", verbs=("return to", "come back to", "go back to"),
          follow=r"\s+(?:(?:the|its|their|full)\s+)*(?:implement\w*|observ(?:ing|ance))\b"),
    # "dropped out of the accord" (a treaty noun or a name as object; not "dropped out of the
    # race")
    Entry("withdrew", verbs=("drop out of",), follow=_AGREEMENT_OBJECT),
    # "remained within the treaty's limits"
    Entry("kept", verbs=("remain within",)),
    # the agreement's inspections halted: "paused inspections under the treaty", "put on-site
    # inspections on hold" is not read (the object between)
    Entry("suspended", verbs=("pause", "halt", "freeze", "stop", "suspend"),
          follow=r"\s+(?:(?:all|the|its|their|mutual|on-site|onsite)\s+)*inspections\s+"
                 r"(?:under|of|required\s+by|provided\s+(?:for\s+)?by)\b"),
    # "affixed their signatures to the accord"
    Entry("signed", verbs=("affix", "put"), follow=r"\s+(?:their|his|her|its|the)\s+"
                                                 r"signatures?\s+(?:to|on)\b"),
    Entry("signed", verbs=("ink",)),
    Entry("ratified", verbs=("ratify",), nouns=("ratification",)),
    # (not "renewed talks", "extended its offensive", "renewal of fighting": what is renewed
    # or extended there is no agreement)
    Entry("extended", verbs=("extend", "prolong", "renew", "re-up", "reup"),
          nouns=("extension", "renewal"), follow=NOT_EXTENDED),
    Entry("expired", verbs=("expire", "lapse", "run out"), nouns=("expiry", "expiration")),
)
_RESTORED_OBJECT = (r"\s+(?:(?:the|its|their|full)\s+)*(?:[\w'’-]+\s+){0,2}?(?:treaty|"
                    r"agreement|accord|deal|pact|implementation|compliance|participation|"
                    r"obligations|commitments)\b")


def _alternation(words: list[str]) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@lru_cache(maxsize=1)
def lexicon_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(type, compiled pattern) for every lexicon entry, in table order."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for e in LEXICON:
        words = [f for v in e.verbs for f in forms(v)] + list(e.nouns)
        if not words:
            continue
        follow = e.follow
        if e.type == "kept" and not follow:
            follow = _KEPT_OBJECT
        elif e.type == "compliance_restored" and not follow:
            follow = _RESTORED_OBJECT
        body = rf"\b(?:{_alternation(words)})\b"
        if follow:
            body += rf"(?={follow})"
        out.append((e.type, re.compile(body, re.I)))
    return out


@lru_cache(maxsize=1)
def lexicon_keys() -> list[tuple[str, ...]]:
    """For each pattern of :func:`lexicon_patterns`, the first words its matches can start
    with (lower case): a sentence holding none of them cannot match."""
    out: list[tuple[str, ...]] = []
    for e in LEXICON:
        words = [f for v in e.verbs for f in forms(v)] + list(e.nouns)
        if not words:
            continue
        out.append(tuple(sorted({re.split(r"[^a-z]", w.lower())[0] for w in words})))
    return out
