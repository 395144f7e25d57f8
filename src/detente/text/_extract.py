"""Candidate record events from prose: rules on a blank spaCy pipeline, gazetteers from the record.

The pipeline is ``spacy.blank("en")`` with a ``sentencizer`` and an ``entity_ruler`` whose token
patterns are generated from the record (agreement names and aliases, actor names; see
``_gazetteer.py``); no statistical model is loaded. On each sentence, rules find

* the **event type** from a trigger word or phrase (``withdrew``/"withdrawal"/"pulled out",
  "violated"/"material breach"/"not in compliance", "signed", "ratified", "entered into force",
  "extended", "suspended", "returned to compliance", "abided by", ...);
* the **agreement**: a name in the same clause (every name in a list after the trigger), else an
  anaphor ("the Treaty", "the deal") resolved to the last agreement named;
* the **actor**: the grammatical subject approximated by position (the actors before the trigger
  after the last complementiser, joined by "and"), a possessive or adjective before a noun
  ("Russia's violation", "the U.S. withdrawal", "Soviet violation"), the agent of a passive
  ("was signed by ..."), the partner of a joint act ("extended ... with Russia"), else the
  speaker of a first-person or agentless passive sentence (the article's voice);
* **who alleges** a violation: the subject of a reporting verb ("the State Department stated",
  "Russia claimed", "according to ..."), else the speaker carried from the previous sentence,
  else the article's voice (its dateline institution: "The White House", "President of Russia");
* **negation** ("has not", "did not", "never") and **modality** ("if", "unless", "would",
  "threatened to", "urged ... to", "will" without a formal notice): such acts are kept as
  candidates but flagged, never output as facts;
* the **date** nearest to the trigger in the clause (deadlines "until"/"by"/"before" and years
  that name an agreement, "the 1987 INF Treaty", are skipped), else a relative phrase resolved
  against the dateline ("today") or the last year mentioned.

Each candidate carries the sentence, its character span in the article and a confidence: a rule
score that drops for every fallback used (anaphoric agreement, actor from the voice, no date),
turned into a probability of being right by ``_confidence.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from detente.record import Record
from detente.text._confidence import calibrated
from detente.text._dates import _MONTHS, _NUMBERS, _PATTERNS, DateMention, _shift_months, find_dates
from detente.text._gazetteer import (
    ARMED,
    E3,
    E3_STATES,
    NON_STATE,
    P5,
    P5_STATES,
    SIDES,
    Gazetteer,
    build_gazetteer,
    shipped_gazetteer,
)
from detente.text._lexicon import (
    KEPT_NAME,
    KEPT_NOUN,
    LEXICON,
    NOT_EXTENDED,
    forms,
    lexicon_keys,
    lexicon_patterns,
)
from detente.text._read import Article
from detente.text._topic import article_topic, proper_words

__all__ = ["Candidate", "Extractor", "extract"]


#: a signing's trigger that is one side's assent ("agreed to freeze", "accepted the ceasefire",
#: "made the promise"): its subject alone, even when the other party is named
_ONE_SIDED_ASSENT = re.compile(r"\b(?:agree|accept|promis|pledg|commit)", re.I)
#: a place preposition just before a name
_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Candidate:
    """One claimed event found in an article, in the record's terms.

    ``is_fact`` is False for negated and hypothetical (conditional, threatened, urged) acts:
    they are reported but never written to the record.
    """

    doc: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    agreement: str
    agreement_text: str
    actors: tuple[str, ...]
    type: str
    date: str | None
    date_text: str
    alleged_by: tuple[str, ...]
    negated: bool
    hypothetical: bool
    confidence: float
    trigger: str
    evidence: str = "record"
    url: str | None = None
    #: (thirty-eighth round, part two) how the agreement was found when not by the sentence
    #: itself or the earlier fallbacks: "discourse" — the article's main agreement, named in
    #: one of the two sentences before, for a bare act with no object of its own
    #: (``Extractor._near_antecedent``; its rule score is 0.3 lower). Not yet a feature of the
    #: confidence model (a new feature needs a refit).
    resolved: str = ""

    @property
    def is_fact(self) -> bool:
        return not (self.negated or self.hypothetical)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actors"] = list(self.actors)
        d["alleged_by"] = list(self.alleged_by)
        d["is_fact"] = self.is_fact
        return d


# --- triggers -------------------------------------------------------------------------------
# (type, pattern); earlier entries win where spans overlap.
#: a capitalised word that names a place's country, not an agreement: "leaving the Georgian town
#: of Gori", "abandoned Georgian ammunition depot" (eleventh round)
_PLACE_AFTER = (r"[\w-]*\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|capital|region|province|"
                r"district|area|border|port|coast|territory|airspace|waters|base|depot|positions?|"
                r"embassy|soil|country|heartland|outskirts)\b")
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    # (twenty-second round) "exchanged (the) instruments of ratification", "exchanged
    # ratification documents": the exchange puts the treaty in force between its parties;
    # it is no ratification (each party's ratification came before); an authority "to
    # exchange instruments of ratification" keeps its old reading (the ratification's)
    ("entered_into_force", re.compile(
        r"\bexchang(?:ed|es|ing)\s+(?:the\s+|their\s+|its\s+|formal\s+)?(?:(?:instruments?|"
        r"documents?|letters|deeds)\s+of\s+ratification|ratification\s+(?:instruments?|"
        r"documents?|papers|letters))\b|\bexchange\s+of\s+(?:the\s+)?(?:(?:instruments?|"
        r"documents?)\s+of\s+ratification|ratification\s+(?:instruments?|documents?))\b",
        re.I)),
    # "the decision not to extend the treaty": an agreement that renews itself ends (a
    # withdrawal); "the Senate voted to reject the treaty": ratification refused
    ("withdrew", re.compile(r"(?:(?:['’]s|\bits|\btheir)\s+decision|\bdecided|\bdecides|"
                            r"\bchose|\bopted|\bvoted|\bnotice)\s+not\s+"
                            r"to\s+(?:extend|renew|prolong)\b|"
                            # "refused to renew the grain deal": the refusal ends it too
                            # (not a refusal on terms: "declined to extend it without
                            # conditions", "unless", "until")
                            r"\b(?:refus(?:ed|es|ing|al)|declin(?:ed|es|ing))\s+to\s+"
                            r"(?:extend|renew|prolong)\b(?![^.;]*?\b(?:without|unless|until|"
                            r"if|on\s+condition|beyond|past)\b)", re.I)),
    ("not_ratified", re.compile(r"\bvot(?:ed|es|ing)\s+(?:\d+\s*(?:-|to)\s*\d+\s+)?"
                                r"(?:to\s+reject|down|against\s+ratif\w+)\b", re.I)),
    # "notified Moscow that the treaty would be terminated": the notifier ends it
    ("withdrew", re.compile(r"\bbe(?:en)?\s+terminated\b", re.I)),
    # "decided the United States was no longer bound by SALT II"
    # ... "would no longer be bound by", "no longer considered itself legally obligated"
    # ... "will never again be bound by", "is no longer bound to"
    # (twelfth round) a moratorium ended: "abandoned the moratorium on ...", "lifted its
    # self-imposed moratorium on ..." (resolved only by its topic, see _moratorium_topic)
    ("withdrew", re.compile(r"\b(?:abandon|scrap|end|lift)(?:s|ed|ing|ped|ping)?\s+(?:the|its|his|"
                            r"their|this|that|a)\s+(?:[\w'’-]+\s+){0,2}?moratori(?:um|ums|a)\b",
                            re.I)),
    ("withdrew", re.compile(r"\bno\s+longer\s+(?:feels?|felt|feeling)\s+(?:legally\s+)?"
                            r"bound\s+(?:by|to)\b", re.I)),
    ("withdrew", re.compile(r"\b(?:is|are|was|were|be|been)\s+no\s+longer\s+(?:legally\s+)?"
                            r"(?:bound\s+(?:by|to)|tied\s+to)\b|\bno\s+longer\s+(?:be|being)\s+"
                            r"(?:legally\s+)?bound\s+(?:by|to)\b|\bnever\s+(?:again\s+)?(?:be|being)\s+"
                            r"(?:legally\s+)?bound\s+(?:by|to)\b(?=\s+(?:the|this|that|its|any)\b)|\bno\s+longer\s+consider(?:s|ed|ing)?\s+(?:itself|"
                            r"themselves)\s+(?:to\s+be\s+)?(?:legally\s+)?(?:bound|obligated|"
                            r"obliged)\b", re.I)),
    # "the peace accord agreed in Minsk": a reduced relative (not "brokered": by a mediator)
    # (also after a comma: "The deal, struck in Beijing this week, ...")
    ("signed", re.compile("(?:" + "|".join(
        f"(?<={n}{sep})" for n in ("accord", "accords", "agreement", "agreements", "deal",
                                   "treaty", "pact", "ceasefire", "truce")
        for sep in (" ", ", ")) + r")(?:agreed|reached|struck|concluded|clinched)\b"
        r"(?=\s+(?:in|at|on|"
        r"by|between|last|earlier|this|with)\b)", re.I)),
    # "the Minsk agreements have been broadly observed": the agreement as passive subject
    # (ninth round: "the ceasefire has largely held", "the agreements have held", "the truce is
    # holding"; not "held talks")
    ("kept", re.compile(r"\b(?:treaty|agreements?|accords?|deal|pact|ceasefire|truce|memorandum|"
                        r"convention|protocol)\s+(?:(?:has|have|had)\s+)?(?:been|is|are|was|were)"
                        r"\s+(?:\w+ly\s+)?(?:observed|respected|honou?red|upheld|implemented)\b|"
                        r"\b(?:agreements?|accords?|deal|pact|ceasefire|cease-fire|truce|armistice)"
                        r"\s+(?:(?:has|have|had)\s+|(?:is|are|was|were)\s+(?=(?:\w+ly\s+)?holding))?"
                        # (nineteenth round: intransitive only, "the Warsaw Pact held military
                        # maneuvers" holds something, the truce "held for decades" held)
                        r"(?:\w+ly\s+)?(?:held|holding)\b(?=\s*(?:[,.;:!?)\"”’]|$)|\s+(?:\w+ly\s+)?"
                        r"(?:since|for|with|without|until|till|through|throughout|despite|during|"
                        r"and|but|so|as|even|while|after|overnight|firm|fast|steady|is|was|has|"
                        r"remains?|remained)\b)",
                        re.I)),
    ("violation_alleged", re.compile(
        r"\bfail(?:ed|s|ure)? to (?:return|come back) (?:in)?to (?:full )?compliance", re.I)),
    ("compliance_restored", re.compile(
        r"\b(?:return(?:ed|s|ing)?|c[oa]me back) (?:in)?to (?:full (?:and verifiable )?)?"
        r"compliance|\brestor(?:e|ed|es|ing) (?:full )?compliance", re.I)),
    ("violation_alleged", re.compile(
        r"\bnot in (?:full )?compliance\b|\b(?:not|never|no longer) (?:been )?(?:following|"
        r"observing|honou?ring|abiding by|complying with|implementing|respecting|adhering to|"
        r"fulfill?ing)\b|\bfail(?:ed|s|ure|ing)? to (?:comply|perform|fulfil+|"
        r"honou?r|abide|meet its|provide|allow|permit|implement|notify|declare|destroy|"
        r"eliminate)|\bconcerns? (?:about|over|regarding) "
        r"(?:\S+ ){0,2}compliance\b|\bcompliance concerns?\b|\bviolat(?:e|es|ed|ing|ions?)\b|"
        r"\bnon-?complian(?:ce|t)\b|\bmaterial breach\b|\bbreach(?:ed|es|ing)?\b|"
        r"\bcheat(?:ed|ing|s)?\b|\bcontravene[sd]?\b|\brefus(?:ed|es|ing|al) to (?:accept|allow|"
        r"permit|admit|facilitate|receive) (?:\S+ ){0,2}inspect\w*", re.I)),
    ("violation_alleged", re.compile(
        r"\b(?:beyond|above|in excess of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:limits?|caps?|"
        r"ceilings?|thresholds?)\b", re.I)),
    ("deratified", re.compile(r"\b(?:de-?ratif(?:y|ied|ies|ication)|(?:revok|rescind|withdr[ae]w)"
                              r"\w* (?:\S+ ){0,2}ratification)\b", re.I)),
    # ... "NATO's reluctance to ratify", "the refusal by NATO countries to ratify"
    ("not_ratified", re.compile(r"\b(?:never ratified|failed to ratify|refused to ratify|"
                                r"(?:reluctance|refusal|unwillingness|failure)\s+(?:by\s+"
                                r"(?:[\w.'’-]+\s+){1,4}?)?to\s+ratify)\b", re.I)),
    ("withdrew", re.compile(
        r"\bwithdr[ae]w(?:s|n|ing|al)?\b|\bpull(?:ed|s|ing)? out\b|"
        # (fourteenth round: not an exit from a crisis, a war or a place)
        r"\bexit(?:ed|s|ing)?\b(?!\s+from\s+(?:the\s+|a\s+|an\s+|this\s+|its\s+)?(?:[\w-]+\s+)?"
        r"(?:crisis|conflict|war|fighting|impasse|deadlock|stalemate|standoff|stand-off|"
        r"recession|region|country|territory|city|area|zone)\b)|"
        r"\b(?:leav(?:e|es|ing)|left) the\b(?=\s+(?:[\w'’-]+\s+){0,5}?(?:treaty|agreement|"
        r"accords?|deal|pact|convention|protocol|memorandum|framework)\b|\s+(?-i:[A-Z])"
        r"(?!" + _PLACE_AFTER + r"))|"
        r"\bcease[ds]? (?:all )?(?:its )?participation\b|"
        r"\bceasing (?:all )?participation\b|"
        # "pulled the United States out of the agreement" (the actor inside the trigger)
        r"\bpull(?:ed|s|ing)?\s+(?:the\s+)?(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*)){0,2}\s+"
        r"out\s+of\b|\bterminat(?:ed|es|ing) (?:its |their )?"
        r"participation\b|\bbeyond the\b(?=.{0,3}treaty)", re.I)),
    ("repeat", re.compile(r"\b(?:follow(?:ed|s|ing)? suit|did (?:the )?same|did likewise)\b",
                          re.I)),
    ("suspended", re.compile(
        r"\bsuspen(?:d|ds|ded|ding|sion)\b|\bceas(?:e|ed|es|ing) (?:its |the )?implementation\b|"
        r"\b(?:stop(?:s|ped|ping)?|ceas(?:e|ed|es|ing)) (?:to )?(?:implement|provid|observ|apply|"
        r"honou?r|comply|complying|abid|respect|fulfil|shar|participat)\w*\b|"
        r"\bno longer (?:provide|observe|implement|apply|abide)\w*\b|"
        r"\breduc(?:ed|es|ing) (?:its )?compliance\b|"
        r"\bhalt(?:ed|s|ing)? (?:its )?participation\b|\bhalt\s+to\b(?=\s+(?:the|an?|its|their)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:treaty|agreement|accord|deal|pact|memorandum|protocol|"
        r"convention|implementation|participation)\b)", re.I)),
    ("entered_into_force", re.compile(
        r"\b(?:entered|enter|came|come|went|go) into (?:force|effect)\b|\b(?:formally )?"
        r"t(?:ook|akes|ake) effect\b|\bin effect from\b", re.I)),
    ("extended", re.compile(r"\b(?:extend(?:ed|s|ing)?|extension|prolong(?:ed|s|ing)?)\b" +
                            NOT_EXTENDED, re.I)),
    ("ratified", re.compile(r"\bratif(?:y|ied|ies|ying|ication)\b", re.I)),
    ("signed", re.compile(r"\bsign(?:ed|s|ing)\b|\bfinali[sz]ed\b|"
                          r"\b(?:concluding|clinch(?:ed|es|ing)?)\b(?=\s+(?:the|a|"
                          r"an)\s+(?:[\w'’-]+\s+){0,4}?(?:treaty|agreement|memorandum|accord|"
                          r"deal|pact)\b|\s+the\s+(?-i:[A-Z]))",
                          re.I)),
    ("kept", re.compile(
        r"\babid(?:ed|es|ing|e) by\b|\bcomplied with\b|\bin (?:full )?compliance with\b|"
        r"\bfulfill?ed (?:its|their|all) (?:obligations|commitments)\b|\bmet the (?:\S+ )?"
        r"limits\b|\bcomplet(?:ed|ion of) (?:\S+ ){0,2}(?:nuclear )?(?:requirements|obligations|"
        r"commitments)\b", re.I)),
    ("expired", re.compile(r"\b(?:expired|lapsed)\b", re.I)),
    ("hostile_act_during_talks", re.compile(
        r"\b(?:launched (?:a |an )?(?:\S+ ){0,2}(?:invasion|offensive|attack|strikes?|assault|"
        # (fourteenth round) "launched missiles at", "resumed attacks on"
        r"missiles|rockets|drones)|resum(?:e|es|ed|ing)\s+(?:its\s+|their\s+)?(?:\w+\s+)?"
        r"(?:attacks|strikes|shelling|bombardments?|hostilities)|"
        r"invaded|attacked|(?<!\bwas )(?<!\bwere )(?<!\bbeen )struck|bombed|shelled)\b|"
        # "an attack by Azerbaijani forces", "attacks from Azerbaijan" (eighth round)
        r"\battacks?\b(?=\s+(?:by|from)\s+(?:the\s+)?(?-i:[A-Z]))|"
        # "opened fire on", "fired across the line", "fired rockets at", "carried out strikes
        # on" (ninth round; not "fired" from a post, "fire" as a noun alone)
        r"\bopen(?:ed|s|ing)?\s+fire\b|"
        r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\bfired\b(?=\s+(?:(?:\w+\s+){0,2}?(?:rockets?|"
        r"missiles?|shells?|mortars?|artillery|drones?|shots?|bullets?|rounds?)\b|(?:on|at|across|"
        r"into|upon|towards?)\s))|"
        r"\bcarr(?:ied|ies|y|ying)\s+out\s+(?:\w+\s+){0,2}?(?:strikes|attacks|raids|"
        r"air\s*strikes|bombardments?|shelling)\b", re.I)),
]
#: a word (prefix) that every match of the hand-written pattern of the same index contains:
#: a sentence without one of them is not searched with that pattern (``_find_triggers``)
_KEYS: list[tuple[str, ...]] = [
    ("exchang",),
    ("decision", "decided", "decides", "chose", "opted", "voted", "notice", "refus", "declin"),
    ("vot",),
    ("terminated",), ("moratori",), ("bound",), ("bound", "obligated", "obliged", "tied"),
    ("agreed", "reached", "struck", "concluded", "clinched"),
    ("observed", "respected", "honored", "honoured", "upheld", "implemented", "held",
     "holding"),
    ("compliance",), ("compliance",),
    ("compl", "follow", "observ", "honou", "honor", "abid", "implement", "respect", "adher",
     "fulfil", "fail", "violat", "breach", "cheat", "contraven", "refus",
     "noncompl"),
    ("limit", "cap", "ceiling", "threshold"), ("ratif", "deratif"), ("ratif",),
    ("withdr", "pull", "exit", "leav", "left", "participation", "beyond"),
    ("suit", "same", "likewise"),
    ("suspen", "ceas", "stop", "longer", "reduc", "halt"),
    ("force", "effect"), ("extend", "extension", "prolong"), ("ratif",),
    ("sign", "finali", "conclud", "clinch"),
    ("abid", "complied", "compliance", "fulfil", "limits", "complet"), ("expired", "lapsed"),
    ("launched", "invaded", "attacked", "struck", "bombed", "shelled", "attack", "fire",
     "carr", "resum"),
]
# (thirty-fifth round) acts told without the usual verbs, first so that they win over the
# verb inside them: a decision to withdraw or suspend reversed is a return ("reversed its
# decision to withdraw from the NPT"; not the withdrawal); turning away from an agreement or
# its implementation is a violation ("turning its face away from the implementation of the
# joint statement", "turned its back on the accord")
_TRIGGERS.insert(0, ("compliance_restored", re.compile(
    r"\b(?:revers|rescind|revok|retract|cancel)\w*\s+(?:its|their|his|her|the|that|this)\s+"
    r"(?:earlier\s+|previous\s+)?(?:decision|move|plan|notice|announcement)\s+(?:to|of)\s+"
    r"(?:withdraw\w*|leav(?:e|ing)|quit\w*|exit\w*|suspend\w*|pull(?:ing)?\s+out)\b", re.I)))
_KEYS.insert(0, ("revers", "rescind", "revok", "retract", "cancel"))
_TRIGGERS.insert(1, ("violation_alleged", re.compile(
    r"\bturn(?:s|ed|ing)?\s+(?:its|their|his|her|our)\s+(?:face|back)s?\s+(?:away\s+from|on)"
    r"\b(?=\s+(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,5}?(?:implementation|treaty|"
    r"agreements?|accords?|deal|pact|statement|declaration|commitments?|obligations)\b)", re.I)))
_KEYS.insert(1, ("turn",))
# ... and so is an agreement's implementation avoided, put off or obstructed ("has
# deliberately avoided implementing the joint statement", "delayed the implementation of this
# phase", "dragged its feet on implementing the accords"; not the keeping inside it)
_TRIGGERS.insert(2, ("violation_alleged", re.compile(
    r"\b(?:avoid|delay|stall|obstruct|block|sabotag|frustrat|imped|hinder|evad|shirk|"
    r"drag\w*\s+(?:its|their|his|her)\s+feet\s+on)\w*\s+(?:(?:the|its|their)\s+)?"
    r"(?:implementation\s+of|implementing|fulfill?ing|carrying\s+out)\b", re.I)))
_KEYS.insert(2, ("avoid", "delay", "stall", "obstruct", "block", "sabotag", "frustrat",
                 "imped", "hinder", "evad", "shirk", "drag"))
# "the two sides agreed to the ceasefire", "a joint statement agreeing to the truce": consent to
# an agreement named or described is its conclusion
_TRIGGERS.append(("signed", re.compile(
    r"\b(?:agree(?:d|s|ing)?\s+(?:to|on)|accept(?:ed|s|ing)?)\b(?=\s+(?:the|a|an)\s+[\"“'‘]?"
    r"(?:[\w'’-]+\s+){0,4}?(?:ceasefire|cease-fire|truce|treaty|agreement|accord|deal|pact|"
    r"armistice|cessation\s+(?:of|to)\s+hostilities)\b)",
    re.I)))
_KEYS.append(("agree", "agreed", "agrees", "agreeing", "accept"))
# consent stated as an act ("North Korea agreed Monday to dismantle ...", "reached agreement
# Saturday on a framework"): a signing only when its date is the record's date of signature
# of the agreement it resolves to (checked in ``_sentence``)
# (ninth round: the undertaking as a noun, "a pledge made by the United States in 1981", "Xi
# made the promise on September 25, 2015", "the commitments made to the Taliban")
_CONSENT = re.compile(r"\b(?:agreed|pledged|promised|undertook)\b(?=\s+(?:on\s+)?"
                      r"(?:[\w,]+\s+){0,3}?to\s+(?!the\b|an?\b|its\b|"
                      r"their\b)[a-z]+)|"
                      # (thirty-second round) consent to an agreement named right after it:
                      # "Kerry and Lavrov agreed on a 'Framework for Elimination of ...'",
                      # "agreed to the Joint Comprehensive Plan of Action" (a capitalised name
                      # next; checked below against the record's date of signature)
                      r"\bagreed(?=\s+(?:to|on|upon)\s+(?:the\s+|an?\s+)?[\"“‘']?"
                      r"(?-i:[A-Z]))|\breached\s+(?:an?\s+)?agreement\b(?!\s+(?:with|that)\b)|"
                      r"\b(?:pledges?|promises?|commitments?|undertakings?)\s+made\b"
                      r"(?=\s+(?:by|to|in|at|on)\b)|"
                      r"\bmade\s+(?:a|the|its|their|this|that|his|her)\s+(?:[a-z]+\s+)?"
                      r"(?:pledges?|promises?|commitments?|undertakings?)\b",
                      re.I)
_TRIGGERS.append(("signed", _CONSENT))
_KEYS.append(("agreed", "reached", "pledge", "promise", "undertook", "commitment",
              "undertaking"))
# accession: "acceded to the NPT", "joined the Chemical Weapons Convention", "agreed to join"
# (a relative's object: "the Convention, which Syria this week agreed to join")
_TRIGGERS.append(("signed", re.compile(
    r"\bacced(?:e|ed|es|ing)\s+to\b|\bjoin(?:ed|s|ing)?\b(?=\s+(?:the\s+)?(?:(?!(?:on|about|over|of|"
    r"for|with|to|in|at|under)\b)[\w'’-]+\s+){0,4}?"
    r"(?:treaty|convention|protocol)\b|\s+(?:the\s+)?(?-i:[A-Z]{2,})\b)|(?<=agreed to )join\b"
    r"(?=\s*[,.;]|\s*$|\s+(?:in|on|at|last|this|earlier)\b)", re.I)))
_KEYS.append(("acced", "join"))
# (thirtieth round) an exit told as no longer remaining in the agreement: "decided not to remain
# a party to the NPT any longer", "chose not to stay bound by the CFE Treaty any longer", "no
# longer remains a party to the INF Treaty", "no longer remains in the JCPOA" (the agreement's
# name or noun within four words; the modality, negation and denial rules still rule)
_STAY_IN = (r"(?:remain|stay)(?:s|ed)?\s+(?:tied\s+to|bound\s+by|in|within|(?:a\s+)?part(?:y|ies)"
            r"\s+to|part\s+of)\b(?=\s+(?:the\s+|this\s+|that\s+|its\s+|their\s+)?"
            r"(?:[\w'’.-]+\s+){0,3}?(?:(?-i:[A-Z]{2,}\w*)|treaty|agreements?|accords?|deal|pact|"
            r"convention|protocol|memorandum|moratorium)\b)")
_TRIGGERS.append(("withdrew", re.compile(
    r"\bnot\s+(?:to\s+)?" + _STAY_IN + r"(?=[^.;:!?]{1,80}?\bany\s+longer\b)|"
    r"\bno\s+longer\s+" + _STAY_IN, re.I)))
_KEYS.append(("remain", "stay"))
# "no American President has ever submitted the treaty ... to the Senate for ratification",
# "never sent it for ratification": ratification withheld
_TRIGGERS.append(("not_ratified", re.compile(
    r"(?:\bnever|\bnot|\bno\s+(?:[\w.'’-]+\s+){1,3}?(?:has|have|had)\s+ever)\s+(?:been\s+)?"
    r"(?:submitted|sent|transmitted|forwarded)\b(?=[^;]{0,140}?\bfor\s+(?:its\s+|their\s+)?"
    r"ratification\b)", re.I)))
_KEYS.append(("submitted", "sent", "transmitted", "forwarded"))
# "The 150-kiloton limit, observed by both countries despite ...", "the moratorium, respected by
# Russia until 2019,": a treaty term or treaty noun with a reduced passive relative of observance
_TRIGGERS.append(("kept", re.compile(
    r"(?<=,\s)(?:observed|respected|honou?red|upheld|adhered\s+to)\b(?=\s+by\b)", re.I)))
_KEYS.append(("observed", "respected", "honoured", "honored", "upheld", "adhered"))
# "remains committed to the agreements": observance
_TRIGGERS.append(("kept", re.compile(
    r"\bremain(?:s|ed)?\s+(?:\w+ly\s+)?[\"“‘]?committed[\"”’]?\s+to\b(?=[\"”’]?\s+"
    # (scare quotes allowed; "committed to faithfully implementing the truce")
    r"(?:(?:\w+ly\s+)?(?:implementing|observing|honou?ring|respecting|upholding|abiding\s+by)"
    r"[\"”’]?\s+)?(?:the|its|their|all)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:treaty|agreements?|accords?|deal|pact|ceasefire|truce|"
    r"memorandum|commitments|obligations|moratorium)\b|\s+(?:the\s+)?(?-i:[A-Z]))", re.I)))
_KEYS.append(("remain",))
# (twenty-sixth round) "Iran has been fully compliant with the JCPOA": observance as an
# adjective (not "non-compliant", a violation read elsewhere)
_TRIGGERS.append(("kept", re.compile(
    r"(?<![\w-])compliant\s+with\b(?=\s+(?:(?:the|its|their|all)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:treaty|agreements?|accords?|deal|pact|ceasefire|truce|memorandum|commitments|"
    r"obligations|moratorium|terms|provisions|limits)\b|\s+(?:the\s+)?(?-i:[A-Z]))|"
    # (and with no object, the agreement of the text before: "So far Iran has been compliant")
    r"(?<![\w-])compliant\b(?=\s*(?:[,.;”\"]|$))", re.I)))
_KEYS.append(("compliant",))
# eighth round: the passive of conclusion with the agreement as subject, in a main clause or
# a relative ("the peace agreement was reached on November 10", "a ceasefire that was agreed
# by the two sides", "the truce, which had been struck in Doha"); not "was reached in
# principle" (an outline, not yet concluded) nor "agreed to" / "agreed that" (a clause)
_TRIGGERS.append(("signed", re.compile("(?:" + "|".join(
    f"(?<={n}{sep})" for n in ("accord", "accords", "agreement", "agreements", "deal", "treaty",
                               "pact", "ceasefire", "cease-fire", "truce", "armistice")
    for sep in (" ", " that ", " which ", ", which ")) +
    r")(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:finally|formally|successfully|"
    r"eventually|only)\s+)?(?:agreed|reached|struck|concluded|clinched)\b"
    r"(?!\s+(?:to|that|upon|in\s+"
    r"principle)\b)", re.I)))
_KEYS.append(("agreed", "reached", "struck", "concluded", "clinched"))
# "Turkey made an agreement with Russia in Sochi": an agreement made with a partner is
# concluded (not "make a deal" urged or wished: the modality cues decide; not "made an
# agreement possible")
_TRIGGERS.append(("signed", re.compile(
    r"\bma(?:de|kes?|king)\b(?=\s+(?:an?|the|this|that|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:agreement|deal|pact|accord)\s+with\b)", re.I)))
_KEYS.append(("made", "make", "makes", "making"))
# "The CFE Treaty was amended in 1999": the agreement adapting it (record names "Agreement on
# Adaptation of the CFE Treaty") was concluded
_AMENDED = re.compile(r"(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen ))(?:amended|adapted|revised)\b",
                      re.I)
_TRIGGERS.append(("signed", _AMENDED))
_KEYS.append(("amended", "adapted", "revised"))
# the passive of ending a treaty, with its agent: "The INF Treaty was abandoned by the United
# States", "the pact had been scrapped by Washington", "was denounced by Russia"
_PASSIVE_END = ("abandoned", "scrapped", "ditched", "renounced", "denounced", "junked",
                "jettisoned", "terminated", "annulled", "cancelled", "canceled", "repudiated",
                "torn up", "ripped up", "left", "quit", "exited")
_TRIGGERS.append(("withdrew", re.compile(
    r"(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen ))(?:" + "|".join(_PASSIVE_END) +
    r")\b(?=\s+(?:[\w,]+\s+){0,4}?by\s+(?:the\s+)?(?-i:[A-Z]))", re.I)))
_KEYS.append(tuple(w.split()[0] for w in _PASSIVE_END))
# an act stated as contrary to an agreement, with no word of violation: "the deployment was
# inconsistent with its obligations under the INF Treaty", "contrary to", "at odds with", "runs
# counter to", "in contravention / defiance of" (not "the spirit of": a weaker claim)
_AGAINST_OBJECT = (r"(?=\s+(?:(?:the|its|their)\s+)?(?:(?:obligations|commitments|terms|"
                   r"provisions|limits|letter)\s+(?:under|of)\s+)?(?:the\s+)?(?:(?-i:[A-Z])|"
                   r"(?:treaty|agreement|accords?|deal|pact|ceasefire|cease-fire|truce|"
                   r"memorandum)\b))(?!\s+(?:the\s+)?spirit\b)")
_TRIGGERS.append(("violation_alleged", re.compile(
    r"\b(?:(?:inconsistent|incompatible)\s+with|contrary\s+to|at\s+odds\s+with|"
    r"r[au]ns?\s+counter\s+to|running\s+counter\s+to|in\s+(?:contravention|defiance)\s+of)"
    + _AGAINST_OBJECT, re.I)))
_KEYS.append(("inconsistent", "incompatible", "contrary", "odds", "counter", "contravention",
              "defiance"))
# an act whose object the agreement bans: "deployed missiles prohibited by the INF Treaty",
# "tested a weapon banned under the CTBT" (the doing verb opens the trigger, so its subject,
# negation and modality are the act's)
_DOING = (r"deploy(?:ed|s|ing)?|test(?:ed|s|ing)?|develop(?:ed|s|ing)?|produc(?:ed|es|ing)|"
          r"buil(?:t|ds|ding)|field(?:ed|s|ing)|possess(?:ed|es|ing)?|conduct(?:ed|s|ing)?|"
          r"acquir(?:ed|es|ing)|station(?:ed|s|ing)|install(?:ed|s|ing)|manufactur(?:ed|es|ing)|"
          r"stockpil(?:ed|es|ing)|carr(?:ied|ies|ying)\s+out")
_TRIGGERS.append(("violation_alleged", re.compile(
    rf"\b(?:{_DOING})\s+(?:[\w'’-]+\s+){{0,5}}?(?:prohibited|banned|barred|forbidden|"
    r"outlawed|proscribed)\s+(?:by|under)\b(?=\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:treaty|"
    r"agreement|accords?|deal|pact|convention)\b))", re.I)))
_KEYS.append(("prohibited", "banned", "barred", "forbidden", "outlawed", "proscribed"))
# a joint document issued: "released a joint communique with China", "issued a joint
# statement" (not "issued a statement": a press statement)
_TRIGGERS.append(("signed", re.compile(
    r"\b(?:issu|releas|adopt|publish)(?:ed|es|ing)\b(?=\s+(?:a|an|the|their)\s+(?:[\w-]+\s+)"
    r"{0,2}?(?:joint|trilateral|bilateral)\s+(?:statement|communiqu[eé]|declaration)s?\b)",
    re.I)))
_KEYS.append(("issu", "releas", "adopt", "publish"))
# eleventh round: an agreement reached or sealed, named or definite: "India and Pakistan
# reached the ceasefire understanding", "hours after reaching the U.S.-brokered deal", "sealed
# the Black Sea Grain Initiative" (not "reached the limits of the deal", "reached the end"; an
# indefinite "reached an agreement" is a consent, checked against the date of signature)
_TRIGGERS.append(("signed", re.compile(
    r"\b(?:reach(?:ed|es|ing)?|seal(?:ed|s|ing)?)\b(?=\s+(?:the|this|that|their)\s+(?:(?!(?:on|"
    r"of|about|over|for|with|to|in|at|by|from|under|where|when|which|that|limits?|end|stage|"
    r"point|terms|goals?|targets?|level|ceiling|caps?)\b)[\w'’.-]+\s+){0,5}?(?:agreement|deal|"
    r"accords?|pact|ceasefire|cease-fire|truce|armistice|understanding|treaty|initiative|"
    r"memorandum|declaration|arrangement)\b)", re.I)))
_KEYS.append(("reach", "seal"))
# eleventh round: a failure to keep an agreement or an undertaking is its breach, as "failed to
# comply" is: "failed to live up to their commitment", "failing to uphold its pledge", "failed to
# keep its promise", "failure to respect the ceasefire" (not "failed to keep pace")
_FAILED_TO_KEEP = re.compile(
    r"\bfail(?:ed|s|ure|ing)?\s+to\s+(?:fully\s+)?(?:(?:live|lived|living)\s+up\s+to|adhere\s+to|"
    r"deliver\s+on|(?:keep|uphold|respect|observe|stick\s+to|carry\s+out|implement)(?=\s+(?:"
    r"(?:the|its|their|all|our|his|her|this|that|these|those|any)\s+)*(?:(?!(?:with|on|of|in|at|"
    r"for|about|over|to|by)\b)[\w'’-]+\s+){0,3}?(?:treaty|agreements?|accords?|deal|pact|convention|obligations?|commitments?|"
    r"provisions|terms|ceasefire|cease-fire|truce|pledges?|promises?|word|undertakings?|"
    r"assurances?|memorandum|protocol)\b|\s+(?:the\s+)?(?-i:[A-Z])))", re.I)
_TRIGGERS.append(("violation_alleged", _FAILED_TO_KEEP))
_KEYS.append(("fail",))
# twenty-ninth round: a non-fulfilment told without "fail" is a breach too: "the inability of the
# United States to fulfil its obligations", "Washington's inability to honour the deal", "was
# unable to meet its obligations under", "had not seriously implemented the framework", "has
# never fully honoured the statement" (an adverb between the negation and the verb; not "not
# only implemented"; "meet" only with an undertaking as object: not "unable to meet Putin"; the
# word may be quoted: 'the "inability" of the United States to fulfill')
_NOT_FULFILLED = re.compile(
    r"\b(?:inability|unable)[\"”’]?\s+(?:of\s+(?:[\w.'’-]+\s+){1,5}?)?to\s+(?:fully\s+)?(?:fulfil+|"
    r"honou?r|implement|comply\s+with|abide\s+by|live\s+up\s+to|uphold|meet\s+(?:its|their|the|"
    r"his|her|our)\s+(?:[\w'’-]+\s+){0,2}?(?:obligations?|commitments?|provisions|terms|"
    r"requirements))\b|"
    r"\b(?:not|never)\s+(?:(?!only\b)\w+ly\s+){1,2}(?:implemented|fulfill?ed|honou?red|"
    r"complied\s+with|abided\s+by|adhered\s+to|lived\s+up\s+to)\b", re.I)
_TRIGGERS.append(("violation_alleged", _NOT_FULFILLED))
_KEYS.append(("unable", "inability", "implemented", "fulfil", "honoured", "honored", "complied",
              "abided", "adhered", "lived"))
# (fortieth round) a legislature's approval of a treaty is its ratification (the ordinary word
# for a parliament's consent): "the Senate approved the treaty", "the Duma overwhelmingly
# approved the accord", "gave its approval to the pact", "the treaty was approved by the
# Senate"; only with a legislature as subject or agent (:data:`_LEGISLATURE_NEAR`; not "the
# Security Council endorsed the deal", "Putin approved the treaty's text"), and a treaty noun
# or a name as object (not "approved the budget")
_APPROVED = re.compile(
    r"\b(?:approv(?:ed|es|e|ing)|endors(?:ed|es|e|ing))\b(?=\s+(?:(?:the|this|that|a|an|its|"
    r"their)\s+)?(?:(?!(?:on|of|about|over|under|for|with|to|in|at|by|budget|bill|law|"
    r"plan)\b)[\w'’-]+\s+){0,5}?(?:treaty|treaties|agreement|accord|pact|convention|protocol)"
    r"\b|\s+(?:the\s+)?(?-i:[A-Z][\w-]*)\b|\s+it\b(?!\s+(?:to|as)\b))|"
    r"\bg(?:ave|ives|ive|iving)\s+(?:its|their)\s+(?:formal\s+|final\s+)?(?:approval|consent|"
    r"assent)\b(?=\s+(?:to|on|in)\b)|"
    r"(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen ))(?:approved|endorsed)\b(?=\s+(?:\w+ly\s+)?by\s+"
    r"(?:the\s+)?(?:(?:u\.?s\.?|us|american|russian|state|soviet|national|supreme|upper|lower)\s+)*"
    r"(?:senate|duma|parliament|rada|congress|legislature|knesset|majlis|bundestag|"
    r"federation\s+council|house)\b)", re.I)
#: a legislature as the subject before the act, in its clause ("the Senate overwhelmingly",
#: "the lower House, the Duma,", "deputies in the Russian Duma", "senators")
_LEGISLATURE_NEAR = re.compile(
    r"\b(?:senate|senators|duma|deputies|parliament|parliamentarians|lawmakers|legislators?|"
    r"legislature|rada|knesset|majlis|bundestag|congress|federation\s+council|"
    r"(?:upper|lower)\s+house|house\s+of\s+(?:representatives|commons|lords))\b[^;.:]{0,60}$",
    re.I)
_TRIGGERS.append(("ratified", _APPROVED))


def _by_legislature(s: str, a: int, b: int) -> bool:
    """(fortieth round) whether the approval at ``s[a:b]`` is a legislature's: one named as its
    subject before it in its clause, or as the agent of the passive ("approved by the Senate")."""
    # "the Duma passed the bill and the Federation Council endorsed it": the pronoun is the
    # bill's, not the treaty's
    if re.match(r"\s+it\b", s[b:]) and _BILL_BEFORE.search(s[:a]):
        return False
    return bool(_LEGISLATURE_NEAR.search(s[max(0, a - 120):a])) or \
        re.match(r"\s+(?:\w+ly\s+)?by\b", s[b:]) is not None


_BILL_BEFORE = re.compile(r"\b(?:bill|law|draft|legislation|motion|resolution|budget)\b", re.I)


_KEYS.append(("approv", "endors", "gave", "give", "giving"))
# (twenty-fifth round) an anniversary of an agreement itself is its signing: "marks the 30th
# anniversary of the INF Treaty" (kept only where an agreement's name follows; first, so that
# no other trigger takes its words)
_TRIGGERS.insert(0, ("signed", re.compile(r"\banniversary\s+of\b(?=\s+(?:the\s+)?(?-i:[A-Z]))",
                                          re.I)))
_KEYS.insert(0, ("anniversar",))
assert len(_KEYS) == len(_TRIGGERS)
# the declarative lexicon (``_lexicon.py``) after the hand-written patterns above; its matches
# start with the first word of a form
_TRIGGERS.extend(lexicon_patterns())
_N_HAND = len(_KEYS)
#: the hand patterns' keys as one search each: a key at the start of a word of letters
_KEY_RES = [re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, keys)) + ")") for keys in _KEYS]
#: the lexicon's first words, as sets (a whole word of the sentence must be one of them)
_LEX_KEYS: list[frozenset[str]] = [frozenset(k) for k in lexicon_keys()]
assert len(_LEX_KEYS) + _N_HAND == len(_TRIGGERS)
_DURING_TALKS = re.compile(r"\b(?:during|amid|despite|while|as)\s+(?:the\s+)?(?:\S+\s+){0,3}?"
                           r"(?:peace\s+)?(?:talks|negotiations)\b", re.I)
_DOMESTIC = re.compile(r"\bsign(?:ed|s)? (?:a |the )?(?:federal )?(?:law|bill|decree|order)\b",
                       re.I)
#: a subject or a complement of extent in space, not time ("the ceasefire line extended to",
#: "extends from the coast to the border", "stretching northwards")
_SPATIAL_SUBJECT = re.compile(r"\b(?:line|border|boundary|frontier|zone|corridor|belt|area|"
                              r"region|territory|wall|fence|road|range|river|strip|buffer|LoC)s?"
                              r"\s+(?:\w+ly\s+)?(?:(?:has|have|had|which|that|now)\s+)?$", re.I)
_SPATIAL_EXTENT = re.compile(r"\s+(?:(?:north|south|east|west)(?:wards?)?|along|across|"
                             r"as\s+far\s+as|from\s+the\s+(?:\w+\s+){0,3}?\w+\s+to\s+"
                             r"the)\b", re.I)
#: agreements set apart from the one named, as the subject of their conclusion: "a slew of
#: other understandings that have been signed", "another accord, signed in 2015"
_OTHER_AGREEMENTS = re.compile(
    r"\b(?:other|another|further|additional|separate|different)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:treat(?:y|ies)|agreements?|accords?|understandings?|deals?|pacts?|arrangements?|"
    r"memorand(?:um|a)|protocols?)\s*,?\s+(?:(?:that|which)\s+)?(?:(?:have|has|had)\s+)?"
    r"(?:(?:been|was|were)\s+)?(?:\w+ly\s+)?$", re.I)
_WITHDRAW_OBJECT = re.compile(r"^\W*(?:of\b|its (?:forces|troops)|(?:all )?(?:its |their )?"
                              r"(?:forces|troops|weapons|equipment|units|personnel|"
                              r"ambassador|heavy))", re.I)

# --- cues ---------------------------------------------------------------------------------
_NEG = re.compile(r"\b(?:not|cannot|never|no|n't|refused to|declined to|has yet to|have yet to|"
                  r"without)\b|n't\b", re.I)
#: (thirty-fourth round) a noun or adjective of refusal or reluctance negates the act after it:
#: "the current refusal to further honor", "its reluctance to comply with", "an unwillingness
#: to observe", "is unwilling to abide by" — a stance, so a keeping under it is negated, not
#: turned into a breach as "did not honour" is ("refusal to ratify" is itself the trigger of a
#: ratification withheld and keeps that reading)
_REFUSAL_NOUN = re.compile(r"\b(?:refusal|reluctan(?:ce|t)|unwilling(?:ness)?|"
                           r"disinclin(?:ation|ed))\s+to\b", re.I)
_HYP = re.compile(
    r"\b(?:if|unless|whether|would|could|might|(?-i:may)|should|must|threat(?:en(?:ed|s)?)? to|"
    r"threaten(?:ed|s)?|plan(?:s|ned|ning)? to|intend(?:s|ed|ing)? to|intention to|ready to|"
    r"(?:expected|likely|set|poised|due|unlikely|scheduled|slated) to(?! have\b)|"
    r"(?:required|obliged|obligated|bound|supposed|meant|committed) to|"
    r"offer(?:s|ed|ing)?|ask(?:s|ed|ing)? \S+ to|request(?:s|ed|ing)? \S+ to|"
    r"opportunit(?:y|ies)[\"”']?\s+to|(?:gave|give|gives|giving)\s+\S+\s+(?:\S+\s+){0,2}"
    r"(?:months?|weeks?|days?|time|chance|deadline|ultimatum)\s+to|"
    r"aim(?:s|ed|ing)? to|hop(?:e|es|ed|ing) to|"
    r"want(?:s|ed)? to|wish(?:es|ed)? to|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|"
    r"prepar(?:ing|es) to|mov(?:e|es|ing) to(?! (?:the|a)\b)|"
    r"prepared to|willing to|seek(?:s|ing)? to|sought to|tr(?:y|ies|ied|ying) to|get \S+ to|"
    r"(?:was|were|is|are) to (?:have|be)|urg(?:e|ed|es|ing)|"
    r"call(?:ed|s|ing)? on|call(?:ed|s)? for|encourag(?:e|ed|es|ing)|opportunity to|"
    r"propos(?:e|ed|es|al)|consider(?:s|ed|ing)?|proposal|demand(?:s|ed)? that|"
    r"risk of|danger of|possib(?:le|ility)|"
    # commissives and non-factive heads: "vowed to", "promised to", "ruled out", "the idea of"
    r"vow(?:s|ed|ing)? to|promis(?:e|es|ed|ing) to|pledg(?:e|es|ed|ing) to|sw(?:ore|ears?) to|"
    r"rul(?:e|es|ed|ing) out|contemplat\w*|(?:idea|prospect|threat|talk|notion|option) of|"
    r"float(?:s|ed|ing)?|moot(?:s|ed|ing)?|push(?:es|ed|ing)? (?:for|to)|in favou?r of|"
    r"(?:no|any) plans? to|(?:no|any) intention|vote on|decide whether|"
    r"(?:conditions?|terms|preconditions?|prerequisites?) (?:for|of)|"
    r"fail(?:s|ed|ing)? to agree|agree on|"
    r"(?:sought|seeks?|seeking) (?:to|an?|the)|insist(?:s|ed|ing)? on|warn(?:s|ed|ing)? of|"
    # (thirty-fifth round) a purpose: "pressure on Russia to ensure it returns to ..."
    r"(?:to|so as to|in order to) ensure)\b",
    re.I)
#: (twenty-fourth round) an act imminent, right before the act's word: "is on the verge of
#: ratifying", "on the brink of withdrawing from", "nearing final ratification of", "close to
#: suspending" (only articles and a few adjectives between the cue and the act)
#: (twenty-eighth round) an end told in the progressive, ending at the act's word: "is
#: expiring", "are running out", "was lapsing"
_PROGRESSIVE_END = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:now|already|\w+ly)\s+)?"
                              r"(?:expiring|lapsing|running\s+out|ending)$", re.I)
#: (twenty-eighth round) a taking effect still to come, after an act's noun: "(the suspension)
#: will enter into force", "is to take effect", "shall become effective", "is due to come into
#: force"
_PENDING_EFFECT = (r"(?:will|shall|would|(?:is|are)\s+(?:(?:due|set|expected|scheduled)\s+)?to)"
                   r"\s+(?:only\s+)?(?:enter\s+into\s+(?:force|effect)|take\s+effect|"
                   r"come\s+into\s+(?:force|effect)|become\s+effective|be\s+effective)\b")
_EFFECT_AFTER_NOUN = re.compile(r"^(?:\s+[\w'’.-]+){0,10}?\s+" + _PENDING_EFFECT +
                                r"[^;:.!?]{0,60}?\b(?:after|once|when|as\s+soon\s+as|upon)\b",
                                re.I)
#: ... and an act in the temporal clause that sets it ("will enter into force 120 days after
#: the government notifies Washington to suspend ..."), up to the act's word
_EFFECT_WHEN = re.compile(_PENDING_EFFECT + r"[^;:.!?]{0,80}?\b(?:after|once|when|as\s+soon\s+as|"
                          r"from\s+the\s+(?:day|date))\b(?:[^;:.!?]|\.(?=\S|\s+[a-z]))*$", re.I)
#: (twenty-eighth round) a condition stated after an act, in its clause: "accepts the plan,
#: assuming ...", "provided that", "on condition that", "as long as", "only if"
_CONDITION_WORD = (r"(?:assuming|provided|providing|on\s+(?:the\s+)?conditions?|as\s+long\s+as|"
                   r"so\s+long\s+as|only\s+if|if|unless|subject\s+to|(?:contingent|"
                   r"conditional)\s+(?:on|upon))")
_CONDITION_AFTER = re.compile(r"^(?:[^;:.!?]|\.(?=\S|\s+[a-z])){0,80}?\b" + _CONDITION_WORD +
                              r"\b", re.I)
#: ... and an act inside such a condition ("on condition that Russian troops withdraw")
_CONDITION_BEFORE = re.compile(r"\b(?:(?:provided|providing|on\s+(?:the\s+)?condition)\s+that|"
                               r"assuming(?:\s+that)?|(?:as|so)\s+long\s+as)\s+(?:[^;:.!?,]|"
                               r"\.(?=\S|\s+[a-z])){0,80}$", re.I)
_IMMINENT = re.compile(r"\b(?:on\s+the\s+(?:verge|brink|point|threshold|cusp)\s+of|nearing|"
                       r"approaching|(?:close|near)\s+to|about\s+to|poised\s+to|set\s+to)\s+"
                       r"(?:(?:a|an|the|its|their|final|formal|full)\s+){0,2}$", re.I)
#: (thirty-fourth round) an act told as an option, right before the act's word: a modal of
#: possibility ("can violate", "can simply withdraw", "can still ratify"), a freedom, ability or
#: right to do it ("is free to withdraw", "are entitled to leave", "has the right to suspend",
#: "retains the option to") — what the subject may do, not what it did ("was able to" in the
#: past is left out: it reports the act done; "could" and "may" were already hypothetical)
_OPTION = re.compile(
    r"\b(?:can|(?:is|are|am|be|being|feels?|felt)\s+(?:\w+ly\s+)?(?:free|able|entitled|"
    r"at\s+liberty|within\s+(?:its|their|his|her)\s+rights?)\s+to|"
    r"(?:has|have|had|retains?|retained|reserves?|reserved|keeps?|kept)\s+(?:the|a|an|its|"
    r"their|his|her)\s+(?:\w+\s+)?(?:right|option|power|freedom|ability|prerogative|"
    r"liberty)\s+to)\s+(?:(?:\w+ly|also|still|now|always|even|then|just|easily|not\s+only)"
    r"\s+){0,2}$", re.I)
#: (thirty-fourth round) an act under a decision, move or step qualified as not (yet) taken,
#: right before the act's word: "its potential decision to withdraw from", "a possible move to
#: suspend", "the planned step to leave", "a likely decision to withdraw" (an adjective of
#: possibility, plan or expectation before the noun, up to two words between)
_UNTAKEN_STEP = re.compile(
    r"\b(?:potential|possible|likely|probable|planned|proposed|prospective|eventual|"
    r"contemplated|anticipated|expected|mooted|rumou?red|threatened|looming|hypothetical|"
    r"conceivable|future|impending)\s+(?:[\w-]+\s+){0,2}?(?:decision|move|step|plan|bid|"
    r"attempt|effort|intention|choice|option)s?\s+(?:to|of)\s+(?:(?:\w+ly|formally)\s+)?$",
    re.I)
#: (thirty-fourth round) an act the subject moves toward, right before the act's word: "moves
#: toward deliberately breaching", "is moving towards withdrawing from", "edged closer to
#: suspending", "inches toward ratification of" — still to come ("moved to withdraw", an
#: infinitive, is left to its old reading)
_TOWARD = re.compile(
    r"\b(?:mov(?:e|es|ed|ing)|edg(?:e|es|ed|ing)|inch(?:es|ed|ing)?|drift(?:s|ed|ing)?|"
    r"lean(?:s|ed|ing)?|head(?:s|ed|ing)?|step(?:s|ped|ping)?|work(?:s|ed|ing)?|"
    r"tilt(?:s|ed|ing)?|lurch(?:es|ed|ing)?|slid(?:e|es|ing)?|gravitat(?:e|es|ed|ing))\s+"
    r"(?:(?:ever|further|still|steadily|slowly|quickly|closer|nearer)\s+){0,2}"
    r"(?:toward|towards|(?:closer|nearer)\s+to)\s+"
    r"(?:(?:\w+ly|a|an|the|its|their|final|formal|full)\s+){0,2}$", re.I)
#: (thirty-fourth round) a mandative "that" clause, quoted or not, whose verb is a subjunctive
#: (a bare verb after its subject): 'urged "that the Senate move swiftly ... by giving its
#: consent to the ratification of this treaty"', "recommended that Kyiv act now on its
#: withdrawal" — every act in the clause, up to a scope break, is urged, not done (an
#: indicative, "insisted that Russia violated", "urged that it has", is not read)
_MANDATE_CLAUSE = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|requir(?:e|es|ed|ing)|"
    r"recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|request(?:s|ed|ing)?|"
    r"ask(?:s|ed|ing)?|advis(?:e|es|ed|ing)|suggest(?:s|ed|ing)?)\s+[\"“‘']?that\s+"
    r"(?:(?:the|its|their|all|both|each)\s+)?(?:(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}|"
    r"(?:it|they|he|she|we|you)\s+)(?:(?:\w+ly|also|now|then)\s+)?"
    r"(?!(?:is|was|has|had|did|does|will|would|can|could|must|should|may|might|shall|were|are|"
    r"have|do|been|being|to|that|which|who|and|or|of|in|on|for|the|a|an)\b)"
    r"(?-i:[a-z]+)(?<![^s]s)(?<!ed)\b", re.I)
#: (thirty-eighth round) the same mandative with its "that" left out: "France demanded Iran
#: refrain from", "insisted Kyiv comply", "demanded Iran stop reducing its obligations" (the
#: subject a name, not a possessive, or a pronoun; the verb bare)
_MANDATE_BARE = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|"
    r"urg(?:e|es|ed|ing)|request(?:s|ed|ing)?|suggest(?:s|ed|ing)?)\s+"
    r"(?:(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*(?<!['’]s)\s+){1,3}|(?:they|he|she|we)\s+)"
    r"(?:(?:\w+ly|also|now|then)\s+)?"
    r"(?!(?:is|was|has|had|did|does|will|would|can|could|must|should|may|might|shall|were|are|"
    r"have|do|been|being|to|that|which|who|and|or|of|in|on|for|the|a|an|at|by|with|from|as)\b)"
    r"(?-i:[a-z]+)(?<![^s]s)(?<!ed)\b", re.I)
#: (thirty-fourth round) an act listed among the events that would give a right: "extraordinary
#: events giving the Russian Federation the right to withdraw from the Treaty ... [include] ...
#: the United States of America's withdrawal from", "circumstances that would give Kyiv the
#: right to act include a violation of" — a contingency a law or a text names, not an act done
#: (the act after the event noun, in the same clause)
_RIGHT_EVENTS = re.compile(
    r"\b(?:events?|circumstances?|grounds|developments?|cases|situations?|contingenc(?:y|ies)|"
    r"conditions)\s+(?:(?:that|which)\s+(?:would|could|might|may|will)\s+)?"
    r"(?:giv(?:e|es|ing)|grant(?:s|ing)?|confer(?:s|ring)?|justify(?:ing)?|entitl(?:e|es|ing))"
    r"\s+[^.;!?]{0,120}?\b(?:right|cause|grounds|reason)\s+to\b[^;!?]{0,240}$", re.I)
#: (the cheap test run first: a right, cause, grounds or reason to before the act)
_RIGHTS_WORD = re.compile(r"\b(?:right|cause|grounds|reason)\s+to\b", re.I)
#: (twenty-fifth round) an act warned or cautioned against, right before the act's word:
#: "warns the US against unilateral withdrawal from", "cautioned Kyiv against violating"
#: (up to five words of object, none ending a clause; three of the act's own modifiers after)
_WARNED_AGAINST = re.compile(r"\b(?:warn(?:s|ed|ing)?|caution(?:s|ed|ing)?|counsel(?:s|l?ed|"
                             r"l?ing)?|advis(?:e|es|ed|ing))\s+(?:[^\s,;:.!?]+\s+){0,5}?"
                             r"against\s+(?:[^\s,;:.!?]+\s+){0,3}?$", re.I)
#: (twenty-fifth round) an act only sought or pressed for, right before the act's noun: "is
#: seeking swift ratification of", "pressed for Russian ratification of", "lobbying for NATO's
#: ratification of" (three words at most between, none ending a clause)
_SOUGHT = re.compile(r"\b(?:seek(?:s|ing)?|sought|(?:press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|"
                     r"campaign(?:s|ed|ing)?|push(?:es|ed|ing)?)\s+for)\s+"
                     r"(?:[^\s,;:.!?]+\s+){0,3}?$", re.I)
#: (twenty-fifth round) an act in a temporal clause that is still ahead: "as soon as the Duma
#: ratifies", "until it signs" (the act's verb in the present), or "were prepared to provide
#: assurances after the country acceded to the NPT and START I entered into force" (the clause
#: under an offer, a readiness, an undertaking or a future); no comma or clause end between
#: the conjunction and the act
_TEMPORAL = re.compile(r"\b(?:after|once|as\s+soon\s+as|until|till|before|when(?:ever)?)\s+"
                       r"[^,;:.!?()\"“”]{1,140}$", re.I)
_PRESENT_ACT = re.compile(r"(?:[a-z]+[^s\W]s|ratify|sign|withdraw|accede|comply|suspend|violate|"
                          r"breach|extend|leave|join|abide|honou?r|observe|respect|implement)\b")
_AHEAD_MAIN = re.compile(r"\b(?:will|shall|would|'ll|(?:ready|prepared|willing|going)\s+to|"
                         r"(?:offer|promis|pledg|vow|undert(?:ake|ook)|plan|intend)\w*\s+to)\b"
                         r"(?:(?!\b(?:that|which|who)\b)[^;:.!?])*$", re.I)
#: (twenty-fifth round) an act told by its anniversary: "the 25th anniversary of the signing of",
#: "the first anniversary of the US withdrawal from" (the act's words within five words after)
_ANNIVERSARY = re.compile(r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>[a-z]+(?:th|st|nd|rd)))\s+"
                          r"anniversary\s+of\s+(?:[^\s,;:.!?]+\s+){0,5}?$", re.I)
_ORDINALS = {w: k for k, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)}
_ORDINALS.update({t + "ieth": 10 * k for k, t in enumerate(
    "twent thirt fort fift sixt sevent eight ninet".split(), 2)})
#: (twenty-fourth round) an act only enabled: "while allowing 'rogue states,' such as Iran, to
#: 'cheat'", "letting Libya violate", "permitting Tehran in ten years to breach" (the enabling
#: verb's object and its infinitive's "to" right before the act's word, no clause boundary)
_ENABLED = re.compile(r"\b(?:(?:allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|permit(?:s|ted|ting)?)"
                      r"\s+(?!(?:that|which|who)\b)[^.;:!?()]{1,80}?\s+to|let(?:s|ting)?\s+"
                      r"(?!(?:that|which|who)\b)[^.;:!?()]{1,80}?)\s+[\"“‘']?(?:\w+ly\s+)?$", re.I)
#: (twenty-fourth round) an act feared: "for fear that Iran violated", "lest Iran breach" (no
#: comma between the cue and the act: "For fear of a collapse, the Duma ratified" is done)
_FEARED = re.compile(r"\b(?:for\s+fear\b|lest\b|fearing\s+that\b)[^,;:.!?]{0,80}$", re.I)
#: (twenty-fourth round) an abstention from the act, right before its word: "abstained from
#: ratifying", "abstain from ratification of" (a refusal; "abstained from the first vote,
#: ratified" is not one)
_ABSTAINED = re.compile(r"\babstain(?:s|ed|ing)?\s+from\s+(?:(?:the|its|their|any)\s+)?$",
                        re.I)
#: (twenty-fourth round) a counted set of states, members named as its examples, right before
#: the act: "30 countries, including the United States and Russia, signed", "71 states, among
#: them China and Russia, have signed"
_COUNTED_SET = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|dozens\s+of|"
    r"several|many)\s+(?:\w+\s+)?(?:countries|states|nations|parties|governments|"
    r"signatories)\s*,\s*(?:including|among\s+them|among\s+which)\b[^;:,]*(?:,[^;:,]*)?,\s*"
    r"(?:(?:have|has|had|also|then|all)\s+)*(?:\w+ly\s+)?$", re.I)
#: cues that an act (not a violation, which discussing presupposes) is only under discussion or
#: demanded: "negotiating an extension", "calls are growing for a U.S. exit" (fourteenth round:
#: "calls from Georgia, Britain and Germany for a withdrawal")
_HYP_ACT = re.compile(r"\b(?:negotiat\w+|talks (?:on|about)|discuss\w*|calls?\s+"
                      r"(?:[\w.,'’-]+\s+){0,8}?for)\b", re.I)
#: an act's noun as what is permitted or provided for: "provisions that allow withdrawal", "a
#: clause providing for termination", "the right of withdrawal"
_PERMITTED = re.compile(r"(?:\b(?:allow|permit|provid)(?:e|es|ed|s|ing)?\s+"
                        r"(?:for\s+)?|\b(?:right|option|clause|provision|"
                        r"article)s?\s+(?:of|for|on|allowing|permitting|governing)\s+)"
                        r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?$", re.I)
#: (twenty-first round) an agreement's text as the subject of what it lays down: "The START I
#: treaty states that", "the accord's text provides that", "Article VI stipulates that"
_PROVISION = re.compile(
    r"\b(?:treat(?:y|ies)|agreements?|accords?|pacts?|conventions?|protocols?|memorand(?:um|a)|"
    r"charters?|articles?|clauses?|provisions?|text)\s+(?:[\w-]+\s+)?(?:also\s+)?"
    r"(?:states?|stipulates?|provides?|specif(?:y|ies)|requires?|lays\s+down|sets\s+out|"
    r"obliges?|says)\s+that\b", re.I)
#: an act's noun as the object of deliberation: "the meeting that examined the ratification of",
#: "debated ratification of", "hearings on the withdrawal from"
_DELIBERATED = re.compile(r"\b(?:examin(?:e|es|ed|ing)|debat(?:e|es|ed|ing)|deliberat\w+|"
                          r"review(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|"
                          r"(?:hearings?|debates?|deliberations?|sessions?|meetings?)\s+"
                          r"(?:on|about|over))\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I)
#: what follows an act's noun phrase when the act is assessed, not reported: "(ratification of
#: the treaty) met Russia's national interests", "(...) is necessary" (no clause boundary or
#: finite verb of its own before the predicate)
_ASSESSED = re.compile(
    r"(?:\s+(?!(?:that|which|who|it|they|he|she|we|if|when|but|was|were|is|are|has|have|had)\b)"
    r"[\w'’.-]+){0,10}?\s+(?:(?:met|meets|meet|serve[sd]?|answer(?:s|ed)?|correspond(?:s|ed)?"
    r"\s+to|(?:is|was|are|were|be)\s+in)\s+(?:[\w'’.-]+\s+){0,3}?interests?\b|"
    r"(?:is|was|are|were)\s+(?:not\s+)?(?:necessary|needed|essential|desirable|advisable|"
    r"indispensable|imperative|in\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}?interests?)\b)", re.I)
#: (twenty-first round) what follows an act's noun when the act is still awaited: "(the
#: ratification by the Duma) is needed for", "(...) is still required before" (present tense, no
#: clause boundary or finite verb of its own before the predicate)
_NEEDED = re.compile(
    r"(?:\s+(?!(?:that|which|who|it|they|he|she|we|if|when|but|was|were|is|are|has|have|had)\b)"
    r"[\w'’.-]+){0,8}?\s+(?:(?:is|are)\s+(?:(?:still|also|now|first|urgently)\s+)?"
    r"(?:needed|required|necessary|essential|indispensable|a\s+(?:pre)?(?:condition|"
    r"requirement|prerequisite))|"
    # (twenty-fourth round) the act's noun as the subject of a present requirement: "(US
    # ratification of the CTBT) requires the approval of two-thirds", "(...) still needs"
    r"(?:(?:still|also|first)\s+)?(?:requires|needs))\b", re.I)
#: (eighteenth round) an act's noun recommended as what would serve or benefit someone, or
#: recommended outright: "(interests) will be best served by prompt and complete ratification
#: of", "stands to benefit from early accession to", "recommended swift ratification of" (a run
#: of modifiers, coordinated, before the noun; not a past benefit: "has benefited from the
#: ratification of", "was served by")
_RECOMMENDED = re.compile(
    r"(?:\b(?:be|is|are)\s+(?:(?:best|well|better|most)\s+)?served\s+by|"
    r"\bbenefit(?:s)?\s+(?:\w+ly\s+)?from|\brecommend(?:s|ed|ing)?|"
    r"\badvocat(?:e|es|ed|ing))\s+"
    r"(?:(?:a|an|the|its|their|his|her|our)\s+)?(?:[\w-]+(?:\s+(?:and|or)|,)?\s+){0,4}?$", re.I)
#: (nineteenth round) before an act's noun: the act is only proposed, the subject of a bill, a
#: draft law, a motion or a proposal ("submitted a draft law to the Verkhovna Rada on the
#: termination of", "tabled a motion on withdrawal from"); not one passed or adopted
_PROPOSED = re.compile(
    r"\b(?:draft(?:\s+(?:law|bill|act|decree|resolution|legislation))?|bill|motion|proposals?|"
    r"legislative\s+initiative)\b[^.;:]{0,60}?\b(?:on|for|about|concerning|regarding|"
    r"(?:calling|providing)\s+for)\s+(?:(?:the|a|an|its|their)\s+|[\w.'’-]+['’]s\s+)?"
    r"(?:[\w-]+\s+){0,2}?$", re.I)
#: (thirty-ninth round) a bill or draft named by its act's participle, right before it: "submitted
#: to the State Duma a bill denouncing the treaty", "a draft law ratifying" (a proposal, not the
#: act; one passed is read by :data:`_PASSED`)
_PROPOSED_PARTICIPLE = re.compile(
    r"\b(?:draft(?:\s+(?:law|bill|act|decree|resolution|legislation))?|bill|motion|"
    r"legislation|(?:draft\s+)?resolution)\s+$", re.I)
_PASSED = re.compile(r"\b(?:pass(?:ed|es)|adopt(?:ed|s)|approv(?:ed|es)|enact(?:ed|s)|"
                     r"voted\s+(?:for|in\s+favou?r\s+of)|signed|endorsed)\s+(?:\w+\s+){0,2}?"
                     r"(?:draft|bill|motion|proposals?|legislative)\b", re.I)
#: (nineteenth round) before an act's noun: someone makes the act harder ("criticizes NATO for
#: complicating CFE Treaty ratification", "accused it of hampering the ratification of"); the
#: act is neither done nor withheld by them
_HINDERED = re.compile(
    r"\b(?:complicat|hamper|imped|hinder|jeopardi[sz]|endanger|undermin|frustrat)\w*\s+"
    r"(?:(?:the|its|their|any|a)\s+)?(?:[\w.'’-]+\s+){0,3}?$", re.I)
#: (nineteenth round) a proper treaty name ("the Peaceful Nuclear Explosions Treaty"): read only
#: where the record's gazetteer found no agreement in the act's clause (not a protocol, which
#: may be part of a treaty, nor a pact, "the Warsaw Pact"; not the head of a longer name, "the
#: Russian-American Treaty on ...")
_PROPER_TREATY = re.compile(
    r"\b(?!(?:The|This|That|A|An|Its|Their|His|Her|Our|New|Old|Former|Both|Each|Any)\b)"
    r"(?-i:[A-Z][\w'’-]*[a-z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]+)){0,5}\s+"
    r"(?-i:Treaty|Agreement|Accords?|Convention)\b(?!\s+(?:on|of|for|between|to)\b)")
#: (nineteenth round) an agreement told in common words with its own year of signature: "a
#: test-ban agreement signed in the 1960s", "an accord concluded in 1963" (group 1 the year,
#: group 2 an "s" for a decade)
_DESCRIBED_YEAR = re.compile(
    r"\b(?:a|an|the|this|that)\s+(?:(?-i:[a-z])[\w-]*\s+){0,4}?(?-i:treaty|agreement|accord|pact|"
    r"ban|convention|moratorium)\s*,?\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:signed|"
    r"concluded|reached|agreed)\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?((?:1[89]|20)\d\d)(s?)\b", re.I)
_REPORTED_WOULD = re.compile(r"\b(?:said|announced|stated|declared|told \S+|(?:notified|informed)"
                             r"\b[^.;]{0,60}?\s+that)\s+(?:that\s+)?"
                             r"(?:it|they|he|she|we|the (?:[\w-]+\s+){0,3}?[\w-]+|"
                             r"(?:the\s+)?(?-i:[A-Z][\w.'’-]*)"
                             r"(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2})\s+would\b", re.I)
#: (fourteenth round) a sentence opening with a bare verb of a treaty act, not a noun ("Breach
#: of ...", "Withdrawal ..."): an imperative
_IMPERATIVE = re.compile(r"[\"“‘']?\s*(?:withdraw|suspend|leave|quit|abandon|comply|ratify|extend|"
                         r"sign|renounce|scrap|ditch|honou?r|respect|observe|abide|terminate|"
                         r"denounce|rejoin|return|pull\s+out|walk\s+away)\b(?!\s+of\b)", re.I)
#: (fourteenth round) a demand, order or requirement with a "that" clause: the clause's bare
#: verb is what is demanded, not done ("demanded that Moscow withdraw")
_MANDATIVE = re.compile(r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|requir(?:e|es|ed|ing)|"
                        r"order(?:s|ed|ing)?|recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing|al)|"
                        r"urg(?:e|es|ed|ing)|request(?:s|ed|ing)?|"
                        # (twenty-first round) an undertaking that an act happen: "reiterated
                        # his commitment that Ukraine accede to", "an assurance that Belarus
                        # ratify" (the bare verb is the act's subjunctive, not a report of it)
                        r"commitments?|pledges?|promises?|assurances?|undertakings?|"
                        r"intentions?|vows?|resolve|determination|wish|desire)\s+that\s", re.I)
_HYP_NO_WOULD = re.compile(_HYP.pattern.replace("would|", ""), re.I)
#: (thirty-second round) acts that an announcement of them does not make: a state that
#: "announced it would join / ratify / extend" has yet to deposit, ratify or agree
_LATER_BY_INSTRUMENT = frozenset({"signed", "ratified", "extended", "compliance_restored"})
_ACTS = frozenset({"withdrew", "suspended", "signed", "ratified", "extended",
                   "compliance_restored", "deratified"})
_PRESENT = re.compile(r"\b(?:(?:is|are|am)\s+(?:now\s+|also\s+)?|(?:has|have)\s+(?:now\s+|also\s+|"
                      r"formally\s+|officially\s+)?(?:decided\s+to\s+|begun\s+|started\s+)?)$",
                      re.I)
_TREATY_TALK = re.compile(r"\b(?:obligations?|commitments?|provisions?|complian\w*|material "
                          r"breach|limits?|inspections?)\b", re.I)
#: (nineteenth round) before a date: the date an act takes effect ("starting from April 1,
#: 2019", "effective 1 June", "with effect from", "as of")
_EFFECT_FROM = re.compile(r"\b(?:(?:starting|beginning)(?:\s+(?:from|on|in|with))?|effective"
                          r"(?:\s+(?:from|on|as\s+of))?|(?:with|taking)\s+effect\s+(?:from|on)|"
                          r"as\s+(?:of|from))\s+$", re.I)
_SCHEDULED = re.compile(r"\b(?:will|would|shall)\b[^.;,]{0,30}$")
_DATELINE = re.compile(r"[.,;:|—–-]\s*(?:[A-Z][\w.&'’ -]{1,40},\s*)?(?:(?:Mon|Tues|Wednes|Thurs|"
                       r"Fri|Satur|Sun)day,?\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+"
                       r"\d{1,2},?|(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December))\s+(?:19|20)\d\d\.?\s*$")
#: (nineteenth round) a line that is a date alone, with a time perhaps: "07 December 2018,
#: 12:23", "December 7, 2018", "2018-12-07"
_DATE_ALONE = re.compile(r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?(?:\d{1,2}\s+"
                         r"[A-Z][a-z]+\.?,?|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+(?:19|20)\d\d|"
                         r"(?:19|20)\d\d-[01]\d-[0-3]\d)(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?)?"
                         r"\.?")
#: (sixteenth round) a labelled date line: "Publish date: June 16, 2002", "Published on 3 May
#: 2019", "Date: 2003-05-14"
_LABELLED_DATE = re.compile(
    r"(?:Publish(?:ed)?|Posted|Dated?|Updated|Last\s+updated|First\s+published)"
    r"(?:\s+(?:date|on))?\s*:?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d|[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d-\d\d-\d\d)\.?", re.I)
#: (fourteenth round) a time clause holding a ceasefire's start: "after the ceasefire took
#: effect", "since the truce came into force", "after the deal was agreed"
_AFTER_START = re.compile(
    r"\b(?:after|since)\s+(?:(?:the|a|an|this|that|its)\s+)?(?:[\w.'’-]+\s+){0,3}?"
    r"(?:cease-?fire|truce|armistice|moratorium|pause|deal|agreement|accord)s?\s+"
    r"(?:(?:had|has|have)\s+)?(?:(?:took|taken|takes|came|come|comes|went|gone|entered|enters)\s+"
    r"(?:into\s+)?(?:effect|force)|(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:agreed|reached|announced|signed|brokered|declared|concluded)|began|begun|started)\b",
    re.I)
_ANY_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
#: words of record names that say the kind of an agreement, not which one
_KIND_WORDS = frozenset("""agreement agreements treaty accord accords ceasefire cease fire truce
armistice statement memorandum protocol package measures implementation plan arrangement
cessation hostilities understanding moratorium after with between point""".split())
_ISO_DATELINE = re.compile(r"[^\n]+\n[ \t]*(?:1[89]|20)\d\d-[01]\d-[0-3]\d[ \t]*")
_NO_EVIDENCE = re.compile(r"\b(?:no|little|scant|any)\s+(?:evidence|proof|indications?|signs?)\s+"
                          r"(?:that|of)\b|\bnot true that\b|\b(?:false|baseless|unfounded)\s+"
                          r"(?:claims?|allegations?|accusations?)\b", re.I)
_PARTITIVE = re.compile(r"\b(?:most|many|all|some|several|each|both|none|two|three)\s+of\s+"
                        r"(?:the\s+)?$", re.I)
#: a bare infinitive right before a trigger ("to withdraw", "to formally leave")
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.I)
#: (sixteenth round) an accusing verb with its object, before a violation: "accuse the Soviets
#: of", "charge Moscow with"
_ACCUSE_HEAD = re.compile(r"\b(?:accus|charg)\w*\s+(?:[\w.'’-]+\s+){0,5}?(?:of|with)\s+"
                          r"(?:\w+ly\s+)?$", re.I)
#: an accusation weighed, not made: "enough evidence to", "grounds to", "reason to"
_ACCUSE_WEIGHED = re.compile(r"\b(?:evidence|grounds?|reasons?|basis|case|cause|"
                             r"justification|enough)\s+(?:\w+\s+)?to\s+(?:\w+ly\s+)?$", re.I)
#: (thirtieth round) a committee's, commission's or panel's decision, vote or recommendation to
#: do an act, up to the act's word: "The International Relations Committee of the State Duma,
#: the lower house, decided today to ratify", "the committee's decision to ratify" — a step
#: toward the act, which the chamber takes ("the Duma voted to ratify" stays the act)
_BODY_WORD = re.compile(r"\b(?:sub-?)?(?:committee|commission|panel)", re.I)
_COMMITTEE_STEP = re.compile(
    r"\b(?:sub-?)?(?:committee|commission|panel)s?(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:decision|"
    r"vote|recommendation|resolution)\s+to|(?:\s+(?:of|on|for|in)\s+(?:the\s+)?"
    r"(?:(?!(?:and|or|but|which|who|that|after|while|when)\b)[\w.'’-]+\s+){0,4}?"
    r"[\w.'’-]+)?"
    r"(?:\s*,[^;:,]{1,60},)?\s+(?:(?!(?:and|or|but|which|who|that|after|while|when)\b)"
    r"[\w.'’-]+\s+){0,2}?(?:decided|decides|voted|votes|agreed|agrees|resolved|resolves|"
    r"recommended|recommends|endorsed|opted|chose)\s+(?:[\w.,'’-]+\s+){0,4}?to)\s+"
    r"(?:\w+ly\s+)?$", re.I)
#: verbs whose infinitive complement happened: "agreed to extend", "voted to ratify"
_IMPLICATIVE = re.compile(
    r"\b(?:agree[sd]?|agreeing|decided|decides|voted|votes|began|begun|begins|started|starts|"
    r"managed|chose|opted|went on|proceeded|continued|continues|resolved|moved|"
    # (eleventh round: "was moving ahead to suspend", "went ahead to withdraw")
    r"(?:mov(?:ed|es|ing)|go(?:es|ing)?|went|gone|press(?:ed|es|ing))\s+ahead|"
    r"(?:has|have|had) decided|(?:was|were) the first|(?:ha[sd]|have) yet|used|"
    r"(?:takes?|took|taken) steps|(?:was|were|is|are|been) (?:forced|compelled))\s+"
    r"(?:[\w.,'’-]+\s+){0,4}$|"
    # nouns of a decided act: "the decision to withdraw", "a deal to extend", "a process to"
    r"\b(?:decision|process|move|deal|agreement|steps?|order|decree|choice)\b[^,;.\"“”]{0,40}$",
    re.I)
#: a question: the sentence ends in a question mark (closing quotes allowed)
_QUESTION = re.compile(r"\?[\"”’']?\s*$")
_INVERTED_QUESTION = re.compile(
    r"\b(?:what|when|whether|how|why|which)\b(?:\s+(?!(?:i|we|you|they|he|she|it)\b)[\w'’-]+)"
    r"{0,3}?\s+(?:does|do|did)\s+(?:(?!(?:that|is|are|was|were)\b)[\w.'’-]+\s+){1,4}$", re.I)
#: a determiner or possessive right before a trigger makes it a noun ("an exit", "Russia's exit")
_DETERMINED = re.compile(r"(?:\b(?:a|an|the|its|their|any|this|that)|['’]s|\b[A-Z][\w.]*)\s+"
                         r"(?:[a-z-]+\s+)?$")
_NEG_OBJECT = re.compile(r"\s+(?:nothing|none\b|neither\b|no\s+(?!longer\b|later\b|less\b|"
                         r"more\b|sooner\b|doubt\b)[a-z])", re.I)
_RECORDED = re.compile(r"\b(?:report(?:ed|s|ing)?|record(?:ed|s|ing)?|regist(?:ered|ers|ering)|"
                       r"document(?:ed|s|ing)?|observ(?:ed|es|ing)|logg(?:ed|ing)|logs|"
                       r"count(?:ed|s|ing)?|detect(?:ed|s|ing)?)\s+(?:of\s+)?"
                       r"(?:(?:a|an|the|two|three|four|five|several|many|numerous|dozens\s+of|"
                       r"hundreds\s+of|\d[\d,]*|its|their)\s+)?(?:(?:first|new|more|further|"
                       r"fresh|other|repeated|multiple|ceasefire|cease-fire|truce)\s+)*$", re.I)
#: (fourteenth round) the same as a passive after the noun: "violations of the ceasefire
#: regime were registered"
_RECORDED_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)?(?:were|was|have\s+"
                             r"been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:registered|"
                             r"recorded|reported|documented|observed|logged|counted|detected)\b",
                             re.I)
#: a noun of relation before "with": "the border with Israel", "ties with Moscow" (no partner
#: of a joint act)
_RELATION_WITH = re.compile(r"\b(?:border|borders|frontier|boundary|line|ties|relations|talks|"
                            r"war|conflict|fighting|clashes|tensions|dialogue|contacts?|dispute|"
                            r"cooperation|trade|alliance|rapprochement)\s+with\s+(?:the\s+)?$",
                            re.I)
_IRREGULAR_PAST = frozenset({"withdrew", "left", "broke", "kept", "upheld", "tore", "froze",
                             "met", "took", "ran", "came", "went", "quit", "struck", "cut",
                             "began", "drew"})


def _is_past(word: str) -> bool:
    """Whether ``word`` is a past form (a regular "-ed" or an irregular one): the one
    past-tense test of the rules (thirty-eighth round)."""
    w = word.lower().strip("\"“”‘’'")
    return w.endswith("ed") or w in _IRREGULAR_PAST


#: a report by the actor itself of its own act: "Iran announced on Sunday that it had exceeded",
#: "Pyongyang admitted it was enriching" (eleventh round)
_ADMITTED = re.compile(r"\b(?:announc(?:ed|es)|declared|declares|said|says|stated|states|"
                       r"admitted|admits|acknowledged|acknowledges|confirmed|confirms|conceded|"
                       r"concedes|disclosed|revealed)\s+(?:(?:on|in|late|early|last)\s+(?:[\w.,]+\s+){1,3}?)?"
                       r"(?:that\s+)?(?:it|they)\s+(?:[\w'’]+\s+){0,3}$", re.I)
#: the accused taken one by one: "accused both Israel and Iran of violating", "Iran and
#: Israel have both violated", "blamed each of the two for breaching" (eleventh round)
_DISTRIBUTIVE = re.compile(r"\b(?:accus\w+|blam\w+|charg\w+|condemn\w+|critici[sz]\w+|"
                           r"reproach\w+)\s+(?:both|each\s+of)\s+[^;:]{1,80}?\s(?:of|for)\s+"
                           r"(?:\w+ly\s+)?$|\bboth\s+(?:(?:have|had|has)\s+)?(?:\w+ly\s+)?$",
                           re.I)
#: after a demonym, the description of a named group ("the Lebanese militant group Hezbollah",
#: "the Palestinian Islamist movement Hamas"): the demonym locates the group, it is no actor
_GROUP_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:group|movement|militia|faction|"
                          r"organi[sz]ation)\s+(?-i:[A-Z])")
#: the people or bodies who act for a state, before its name: "the leaders of Ukraine, Germany,
#: France and Russia reached", "the foreign ministers of Armenia and Azerbaijan signed" (eleventh
#: round: the state after "of" is then the subject)
_ENVOYS_OF = re.compile(r"\b(?:leaders?|heads?(?:\s+of\s+(?:state|government))?|presidents?|"
                        r"(?:prime|foreign|defen[cs]e)\s+ministers?|delegations?|"
                        r"representatives|envoys|negotiators|governments?|"
                        # (and an official's title: "Ali Shamkhani, the secretary of Iran's
                        # Supreme National Security Council, signed")
                        r"secretary|ministers?|chairman|chief|ambassadors?|spokes(?:man|woman|"
                        r"person))\s+of\s+(?:the\s+)?$", re.I)
_HALF = re.compile(r"\b[Tt]he\s+(North|South)(?![\w-])(?!\s+(?-i:[A-Z])|\s+(?:of|and\s+(?:the\s+)?"
                   r"(?-i:[A-Z]\w+\s+[A-Z])))")
_KOREA = re.compile(r"\bNorth\s+Korea|\bPyongyang\b|\bDPRK\b")


def _korean_halves(s: str, text: str, ents: list[_Ent]) -> list[_Ent]:
    """"the North" / "the South" as North / South Korea, in an article that names North Korea
    (not "the North Atlantic", "the South China Sea", "the north of")."""
    if not _KOREA.search(text):
        return []
    return [_Ent("ACT", "north korea" if m.group(1) == "North" else "south korea", m.start(),
                 m.end(), m.group(0)) for m in _HALF.finditer(s)
            if not any(e.start < m.end() and m.start() < e.end for e in ents)]


def _sentence_subject(prev: str, codes: Sequence[tuple[str, int, int]]) -> str | None:
    """The actor that opens ``prev`` as its subject ("The North confirmed ...", "Russia, on
    Monday, said ..."), else None."""
    if not codes:
        return None
    c, a, b = codes[0]
    if not re.fullmatch(r"\s*[\"“']?\s*(?:(?:On|In|Last|Earlier)\s+[\w ,]{1,30},\s*)?"
                        r"(?:[Tt]he\s+)?", prev[:a]):
        return None
    # (one subject, not a list: "Russia and Ukraine ..." is a pair)
    if re.match(r"\s*(?:,\s*)?(?:and|or)\b", prev[b:]):
        return None
    return c


#: an effort in progress right before a trigger: "is trying to", ", working to" (eleventh round)
_EFFORT = re.compile(r"(?:\b(?:is|are|am|'re|’re|has\s+been|have\s+been)\s+|,\s*)(?:\w+ly\s+)?"
                     r"(?:trying|working|striving|doing\s+(?:its|their|our|everything)\s+"
                     r"(?:best\s+)?)\s*to\s+(?:\w+ly\s+)?$", re.I)
_NO_LONGER_BOUND = re.compile(r"\b(?:no\s+longer|never(?:\s+again)?)\b.*\bbound\b", re.I)
_DECLARED = re.compile(r"\b(?:said|says|announced|announces|declared|declares|stated|states|"
                       r"added|adds)\b")
_FUTURE = re.compile(r"\b(?:will|shall|'ll|is going to|are going to)\b", re.I)
_FORMAL = re.compile(r"\b(?:notice|notif(?:y|ied|ication)|announc|formally|effective|declar)",
                     re.I)
_REPORT = re.compile(
    r"\b(?:said|says|say|(?-i:stated|states|state)|announced|announces|claim(?:ed|s)?|alleg(?:ed|es)|"
    r"accus(?:ed|es|ing)|charg(?:ed|es|ing)|alleging|claiming|saying|citing|"
    r"determined|has determined|concluded|conclude[sd]?|"
    r"complain(?:ed|s)|report(?:ed|s)?|consider(?:s|ed)|f(?:ound|inds)|cit(?:ed|es)|"
    r"argu(?:ed|es)|assert(?:ed|s)|insist(?:ed|s)|not(?:ed|es)|reaffirm(?:ed|s)?|"
    r"maintain(?:ed|s)|believ(?:ed|es)|assess(?:ed|es)|certif(?:ied|ies)|warn(?:ed|s)|"
    r"told|informed|detailed|raised|calls|called|describ(?:ed|es)|term(?:ed|s)|label(?:l?ed|s)|"
    r"declar(?:ed|es)|deem(?:ed|s)|judg(?:ed|es)|brand(?:ed|s)|wrote|writes|testified|"
    r"confirm(?:ed|s)|acknowledg(?:ed|es)|observ(?:ed|es)|point(?:ed|s) to|emphasi[sz](?:ed|es)|"
    r"stress(?:ed|es)|underlin(?:ed|es)|point(?:ed|s) out|condemn(?:ed|s)|blam(?:ed|es))\b(?!-)",
    re.I)
_CITING = re.compile(r"\b(?:cited|cites|argued|argues|said|says|told|informed|noted|claimed|"
                     r"criticized|criticised|complained)\b", re.I)
_DENY = re.compile(r"\bden(?:y|ies|ied|ying|ial)\b|\b(?:reject|dismiss|refut|rebuff|deflect)\w*\s+"
                   r"(?:the\s+|all\s+|as\s+\w+\s+)?(?:[\w.'’-]+\s+){0,2}?(?:accusations?|"
                   r"claims?|allegations?|charges?|suggestions?|assertions?|reports?)\b|"
                   # (twenty-seventh round) the accusation's truth denied in a clause of its
                   # own: "there is not a grain of truth in accusations that", "no truth in
                   # claims that", "nothing is true in the allegations that"
                   r"\b(?:no\s+|not\s+(?:a|an|one|any)\s+(?:(?:grain|shred|word|particle|iota|"
                   r"ounce|bit|scrap|kernel|jot)\s+of\s+)?|nothing\s+(?:is\s+)?)"
                   r"(?:truth|true)[\"”’']?\s+(?:(?:at\s+all|whatsoever)\s+)?(?:in|to|behind|about)"
                   r"\s+(?:the\s+|these\s+|those\s+|such\s+|any\s+)?(?:[\w.'’-]+\s+){0,2}?"
                   r"(?:accusations?|claims?|allegations?|charges?|suggestions?|assertions?|"
                   r"reports?|rumou?rs?|stories|story|insinuations?)\b", re.I)
#: a directive: the act is what someone is asked, urged, called on or pressed to do, not what
#: they did ("asking the Americans to seriously comply with", "called on the government of the
#: Russian Federation to return to compliance"); the object may be long, the act an infinitive
#: after it (speech-act directives: Searle 1976, "A classification of illocutionary acts")
_DIRECTIVE = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|"
    r"appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?|push(?:es|ed|ing)?|encourag(?:e|es|ed|ing)|"
    r"request(?:s|ed|ing)?|implor(?:e|es|ed|ing)|exhort(?:s|ed|ing)?|invit(?:e|es|ed|ing)|"
    r"advis(?:e|es|ed|ing)|demand(?:s|ed|ing)?(?:\s+of)?|tell(?:s|ing)?|told|instruct(?:s|ed|ing)?|"
    r"want(?:s|ed|ing)?|expect(?:s|ed|ing)?|beg(?:s|ged|ging)?|entreat(?:s|ed|ing)?|"
    r"lobb(?:y|ies|ied|ying)|challeng(?:e|es|ed|ing)|dar(?:e|es|ed|ing)|"
    # the nouns: "faced calls to be scrapped", "pressure on Seoul to suspend"
    r"calls|pleas?|appeals?|pressure|ultimatums?)\b"
    r"(?:\s+(?!to\b)[\w.'’-]+){0,8}?\s+to\s+(?=(?:\w+ly\s+)?(?!(?:the|a|an|this|that|these|"
    r"those|its|their|his|her|our|my|your|compliance|full|date)\b)(?-i:[a-z]))", re.I)
#: (twenty-third round) the items of a comma list of verb phrases after a directive's "to", up
#: to the act: "meet its due obligations, " (each a lowercase verb, not a determiner, pronoun
#: or subordinator, and its object; no comma, quote or colon inside an item)
_URGED_LIST = re.compile(
    r"(?:(?:\w+ly\s+)?(?!(?:the|a|an|its|their|his|her|this|that|these|those|which|who|whom|"
    r"whose|where|when|and|or|but|as|if|he|she|it|they|we|i)\b)(?-i:[a-z])[\w-]*"
    r"[^,;:\"“”]{0,80}?,\s+(?:(?:and|or)\s+)?)+(?:\w+ly\s+)?", re.I)
#: between a directive's "to" and a verbal act: a passive or perfect auxiliary, adverbs and
#: coordinated verbs before it
_DIRECTED_VERB = re.compile(r"(?:(?:be|have|get)\s+(?:been\s+)?)?(?:\w+ly\s+)*(?:[\w-]+(?:,\s+"
                            r"[\w-]+)*,?\s+(?:or|and)\s+(?:\w+ly\s+)*)?", re.I)
#: what ends a directive's (or a denial's) scope before the act: a new clause with its own
#: subject or a subordinator ("urged Russia to comply, and Russia withdrew")
_SCOPE_BREAK = re.compile(
    r"[;!?]|[.][\"”’']?\s|\b(?:but|while|whereas|whereby|although|though|because|after|since|when|"
    r"before|until|once|yet)\b|,?\s+and\s+(?!to\b)(?:(?:the|it|they|he|she|we|its|their|"
    r"then|later)\b|(?-i:[A-Z]))", re.I)
#: (twenty-seventh round) what an act under an obligation is to become: completed, carried
#: out, taken place
_OBLIGED_DONE = (r"(?:be\s+(?:\w+ly\s+)?(?:completed|finished|concluded|done|carried\s+out|"
                 r"wrapped\s+up|finali[sz]ed|accomplished|achieved|secured|effected|"
                 r"expedited|accelerated|(?:sped|speeded)\s+up|undertaken|obtained|"
                 r"approved|made|started|begun|launched|initiated)|take\s+place|happen|occur|"
                 r"proceed|go\s+ahead)\b")
_OBLIGING = (r"(?:should|must|ought\s+to|(?:has|have)\s+to|needs?\s+to|(?:is|are)\s+to)\s+"
             r"(?:(?:\w+ly|still|also|now|then)\s+)?")
#: the act's noun the subject of an obligation: "Ratification of START II must be completed
#: before the summit" (no clause word between)
_OBLIGED = re.compile(
    r"(?:\s+(?!(?:and|but|that|which|who|it|they|he|she|we|if|when)\b)[\w'’.-]+){0,10}?\s+"
    + _OBLIGING + _OBLIGED_DONE, re.I)
#: the act's noun resumed by "it" in the next clause: "the ratification process had been
#: started and said it should be finished" (a completion only: "it must be implemented" may
#: be the treaty)
_OBLIGED_IT = re.compile(
    r"(?:\s+[\w'’.-]+){0,10}?\s+(?:and|but)\s+(?:(?:\w+\s+)?(?:said|says|added|noted|"
    r"stressed|insisted|argued|believes?|believed|expects?|expected)\s+(?:that\s+)?)?it\s+"
    + _OBLIGING + r"be\s+(?:\w+ly\s+)?(?:completed|finished|concluded|wrapped\s+up|"
    r"finali[sz]ed|accomplished|done)\b", re.I)
#: (twenty-seventh round) an outcome only foreseen for the act: "will have certain
#: implications", "will mean that", "is going to lead to"
_FORESEEN = re.compile(
    r"(?:\s+(?!(?:and|but|that|which|who|it|they|he|she|we|if|when)\b)[\w'’.-]+){0,10}?\s+"
    r"(?:will|shall|(?:is|are)\s+going\s+to)\s+(?:(?:\w+ly|also|surely|certainly)\s+)?"
    r"(?:have|carry|bring|entail|mean|lead\s+to|result\s+in|cause|trigger|spark|provoke|"
    r"undermine|damage|harm|hurt|affect|destabili[sz]e|open\s+(?:the|a)\s+(?:door|way)|"
    r"pose|create|free|unleash|invite)\b", re.I)
#: a rejected or denied report of an act ("rejected speculations regarding the cancellation of
#: the agreement", "dismissed reports that it had withdrawn", "denied that it had left"): the
#: act is negated; a rumour or speculation not denied is still no fact
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial\s+of)|reject\w*|dismiss\w*|refut\w*|rebuff\w*|debunk\w*|"
    r"discount\w*|deflect\w*|downplay\w*|play(?:s|ed|ing)?\s+down|brush(?:es|ed|ing)?\s+aside|"
    r"(?:poured|pours|pour|pouring)\s+cold\s+water\s+on|quash\w*|scotch\w*|contradict\w*)\s+"
    r"(?:as\s+\w+\s+)?(?:(?:the|all|any|such|these|those|media|press|news|recent|latest|"
    r"widespread|persistent|false|unfounded|baseless|its|his|their|[\w.'’-]+['’]s|"
    r"(?-i:[A-Z])[\w.'’-]*)\s+){0,3}(?:speculat\w+|rumou?rs?|reports?|claims?|allegations?|"
    r"accusations?|suggestions?|assertions?|talk|news|stories|conjectures?|notions?|"
    r"ideas?|insinuations?|charges?)\b|"
    r"\bden(?:y|ies|ied|ying)\s+(?:(?:that|having|any|ever)\b|(?=(?:\w+\s+){0,2}?\w+ing\b))",
    re.I)
#: the agent left open: "did not specify which side opened fire"
_UNSPECIFIED = re.compile(r"\bnot\s+(?:\w+\s+)?(?:specify|specified|say|said|identify|identified|"
                          r"name|named|indicate|indicated)\s+(?:which|who|whose)\b", re.I)
_RUMOUR = re.compile(r"\b(?:speculat\w+|rumou?r(?:s|ed)?|conjectur\w+|hearsay|gossip)\b", re.I)
#: a report of an act called false after it: "Reports that Pakistan had left the accord were
#: false"
_REPORT_HEAD = re.compile(r"\b(?:reports?|claims?|rumou?rs?|speculat\w+|suggestions?|stories|"
                          r"allegations?|assertions?)\b", re.I)
_FALSE_AFTER = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?:false|untrue|"
                          r"baseless|unfounded|groundless|fake|incorrect|wrong|fabricated|"
                          r"not\s+true|without\s+(?:any\s+)?(?:basis|foundation)|"
                          # (twenty-seventh round) a report the text disputes: "Suggestions
                          # that ... are generally not believed", "are widely doubted", "were
                          # dismissed by the Kremlin"
                          r"not\s+(?:\w+ly\s+)?(?:believed|credited|credible|accepted|"
                          r"borne\s+out|substantiated)|(?:doubted|disputed|contested|questioned|"
                          r"dismissed|rejected|denied|discounted|disbelieved|discredited|"
                          r"debunked|refuted))\b", re.I)
_COMPLEMENT = re.compile(r"\bthat\b|\bwhether\b|[\"“:](?=\s*[A-Z])")
_REPORT_VERB = re.compile(r"\b(?:said|says|stated|claimed|claims|confirmed|reported|noted|added|"
                          r"insisted|argued|warned|announced|told)\b")
#: a reporting verb whose clause has no "that": "said the ceasefire violation ..."
_ZERO_THAT = re.compile(r"\b(?:said|says|stated|claimed|claims|confirmed|reported|noted|added|"
                        r"insisted|argued|warned)\s+(?=(?:the|a|an)\s)")
_PREP = re.compile(r"\b(?:with|to|from|against|of|for|on|over|between|about|among|toward|"
                   r"towards|into|upon|in|at|by|under|and other|including)\s+(?:the\s+)?$",
                   re.I)
_AGREEMENT_NP = (r"(?:the|this|that|its|their|a|an)\s+(?:(?!(?:from|of|to|with|under|in|on|"
                 # (eleventh round: abbreviations in a modifier, "the U.S.-brokered deal")
                 r"withdrawal|participation)\b)[\w'’.-]+\s+){0,4}?(?:treaty|agreement|"
                 r"accords?|deal|pact|convention|memorandum|protocol|ceasefire|cease-fire|"
                 r"truce|cessation\s+(?:of|to)\s+hostilities)\b")
#: (fifteenth round) a joint document as the object of a signing: "signed a six-point peace
#: plan", "signed the document", "signed the joint declaration" (not "signed a decree")
_SIGNED_DOCUMENT = re.compile(r"\s+(?:the|this|that|a|an)\s+(?:(?!(?:from|of|to|with|under|in|"
                              r"on|law|bill|decree|order)\b)[\w'’.-]+\s+){0,4}?(?:plan|document|"
                              r"declaration|statement|communiqu[eé]|roadmap|road\s+map)\b"
                              r"(?!\s+(?:to|for|of)\b|\s+on\s+(?-i:[a-z]))", re.I)
#: consent to do something ("agreed on March 18 to stop attacking"), the earlier form
_CONSENT_TO_DO = re.compile(r"\s+(?:on\s+)?(?:[\w,]+\s+){0,3}?to\s+(?!the\b|an?\b|its\b|"
                            r"their\b)[a-z]+", re.I)
#: (thirty-second round) between "agreed" and the agreement it consents to
_CONSENT_NAMED = re.compile(r"\s+(?:to|on|upon)\s+(?:the\s+|an?\s+)?[\"“‘']?", re.I)
#: ... up to the agreement's mention (a capitalised word or two of its name before it: "agreed
#: on the Sochi memorandum")
_CONSENT_OBJECT = re.compile(_CONSENT_NAMED.pattern + r"(?:(?-i:[A-Z])[\w'’.-]*\s+){0,2}", re.I)
#: ... and after the name, a head that makes the name a modifier ("the JCPOA talks")
_NAME_AS_MODIFIER = re.compile(
    r"['’]s\b|[\"”’']?\s+(?:talks|negotiations?|consultations?|process|review|conference|"
    r"meetings?|summit|sessions?|rounds?|dialogue|commission|committee|mechanism|format|"
    r"framework|agenda|proposals?|draft|text|issue|question|dispute)\b", re.I)
#: (thirty-second round) the object of a signing that is a document other than an agreement:
#: "signed a joint statement (on ...) that mentioned", "signed a declaration supporting"
_DOCUMENT_OBJECT = re.compile(
    r"\s+(?:the|this|that|a|an|its|their|his|her)\s+(?:[\w'’.-]+\s+){0,4}?(?:statement|"
    r"declaration|communiqu[eé]|letter|resolution|document|plan|roadmap|road\s+map|report|"
    r"paper|appeal|petition|op-ed|article)s?\b(?!\s+(?:of|to)\b)", re.I)
#: ... unless it is a document of accession or adherence: "a declaration of accession"
_ACCESSION_WORDS = re.compile(r"\b(?:accession|acced\w*|adheren\w*|adher(?:e|ed|ing)\s+to|"
                              r"instruments?)\b", re.I)
#: (twelfth round) a moratorium with its topic: "the moratorium on the deployment of ...",
#: "a self-imposed moratorium on nuclear and long-range missile testing"
_MORATORIUM_TOPIC = re.compile(
    # (twenty-fifth round: the plural, "its moratoriums on nuclear and ... tests")
    r"\b(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w'’-]+\s+){0,2}?moratori(?:um|ums|a)\s+"
    r"on\s+"
    r"(?P<topic>[^,.;:()\"“”]{3,100}?)(?=\s*(?:[,.;:()\"“”]|\s(?:which|that|until|because|after|"
    r"since|and\s+(?:is|was|has|will))\b|$))", re.I)
#: (twelfth round) an abbreviation defined in parentheses right after a name: " (START)"
_ABBR_DEF = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z]{0,8}[A-Z])\)")
#: words of a pledge's record name that say nothing of what was pledged
_PLEDGE_STOP = frozenset("pledge pledges promise assurance assurances unilateral moratorium "
                         "during talks".split())
#: an undertaking named by its kind as a trigger's object: "broken its pledge", "failing to
#: keep its promise", "broke these assurances"
_PLEDGE_NOUN = re.compile(r"\b(?:its|his|her|their|these|those|this|that|the)\s+"
                          r"(?:[\w'’-]+\s+)?(?:pledges?|promises?|assurances?|undertakings?|"
                          r"vows?)\b", re.I)
#: words of a moratorium's topic that say nothing of which one it is
_TOPIC_STOP = frozenset("range based ground land long short medium intermediate".split())
_ANAPHOR = re.compile(r"\b(?:the|this|that|its|their|the same|a|an)\s+(?:\S+\s+){0,6}?"
                      r"(?:treaty|agreement|accords?|deal|pact|convention|memorandum|"
                      r"ceasefire|cease-fire|protocol)\b", re.I)
#: a treaty noun phrase with its modifiers and topic: "an agreement with the United States on
#: plutonium disposal", "a UN-brokered grain export deal"
#: a treaty noun right before a participle: "the Minsk II deal agreed by ...", "the ceasefire
#: signed on February 12"
_TREATY_HEAD_END = re.compile(r"\b(?:treaty|agreements?|accords?|deal|pact|ceasefire|cease-fire|"
                              r"truce|memorandum|convention|protocol|package)\s+$", re.I)
_BODY_AFTER = re.compile(r"\s+(?:Review\s+Conference|RevCon|Preparatory\s+Committee|"
                         r"Organi[sz]ation|Secretariat|Executive\s+Council)\b")
_TREATY_NOUN = (r"\b(?:treaty|agreement|accords?|deal|pact|convention|protocol|memorandum|"
                r"framework|participation|membership|signature|obligations)\b")
_WITHDRAW_VERB = re.compile(r"withdr[ae]w(?:s|n|ing)?|pull(?:ed|s|ing)? out", re.I)
#: what cannot open a direct object: prepositions, adverbs, times ("withdrew from", "withdrew
#: formally", "withdrew in 2019", "withdrew on Friday")
_NOT_OBJECT = (r"(?i:from|out|of|in|on|at|as|after|before|by|since|until|last|this|that|today|"
               r"yesterday|tomorrow|and|but|or|with|without|early|late|earlier|later|now|then|"
               r"too|also|again|altogether|entirely|unilaterally|[a-z]+ly|(?:Mon|Tues|Wednes|"
               r"Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
               r"September|October|November|December|\d{4})\b|[\"“”'(]")
_DESCRIBED = re.compile(
    r"\b(?:the|this|that|its|their|a|an)\s+(?P<mods>(?:(?!(?:the|a|an|this|that|its|their|to|"
    r"of)\b)[\w'’-]+\s+){0,4}?)"
    r"(?P<head>treaty|agreement|accords?|deal|pact|memorandum|protocol|convention|"
    # (twenty-sixth round) a moratorium or truce told by its topic, with or without a date in
    # the article ("the moratorium on strikes against energy infrastructure")
    r"moratorium|truce)\b"
    r"(?:\s+(?:with|between)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?:and\s+)?(?:the\s+)?"
    r"(?-i:[A-Z])[\w.'’-]*){0,3})?"
    # (also a purpose participle: "a 1970s agreement meant to prevent unsafe incidents at sea")
    # (twelfth round: a topic of up to six words, "on the disposal of surplus weapons-grade
    # plutonium")
    r"(?:\s+(?:(?:meant|designed|aimed|intended)\s+to\s+[a-z]+|on|for|over|about|to|in|at)\s+"
    r"(?P<topic>(?:[\w'’-]+\s*){1,6}))?", re.I)
#: a joint document named by a place or a word of its own: "the Singapore statement", "the
#: Leap Day understanding" (its modifiers only: "a statement on grain exports" is a press one)
_DOC_KEY = re.compile(r"statement|declaration|understanding|initiative|communiqu", re.I)
_DESCRIBED_DOC = re.compile(
    r"\b(?:the|this|that|its|their|a|an)\s+(?P<mods>(?:(?!(?:the|a|an|this|that|its|their|to|"
    r"of)\b)[\w'’-]+\s+){1,4}?)"
    r"(?P<head>(?:joint\s+)?(?:statement|declaration|understanding|initiative|communiqu[eé])s?)\b",
    re.I)
#: a treaty noun phrase by its kind: "the ceasefire", "a U.S.-brokered 30-day moratorium",
#: "a framework", "the Sochi memorandum", "the deal" (a determiner or a modifier before it)
_KIND_NP = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|any|previous|earlier|[\w.-]+['’]s)\s+"
    r"(?P<mods>(?:(?!(?:the|a|an|this|that|of|to|on|in|with|by|for)\b)[\w.'’-]+\s+){0,4}?)|"
    r"\b(?=(?:cease-?fire|truce|moratorium)))"
    r"(?P<head>cease-?fires?|truces?|armistice|cessation\s+(?:of|to)\s+hostilities|"
    r"moratori(?:um|a)|pause|framework|memorand(?:um|a)|statement|communiqu[eé]|declaration|plan|"
    r"agreements?|deal|accords?|pact|understanding|arrangement)\b", re.I)
#: a year of signature written after a treaty noun: "the pact signed in 1987", "the accord
#: concluded in October 1994"
_SIGNED_IN = re.compile(r",?\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:signed|concluded|reached|"
                        r"agreed|struck|inked)\s+(?:in|on)\s+(?:(?-i:[A-Z])[a-z]+\s+"
                        r"(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b", re.I)
#: (thirty-ninth round) a date right after an agreement's own signing phrase ("signed in 1987",
#: "signed by the Soviet Union and the United States in 1987", "which was concluded on 8
#: December 1987"): the signing's date
_SIGNING_DATE = re.compile(r"\b(?:signed|concluded|struck|inked)\s+"
                           r"(?:by\s+[^,;.]{1,60}?\s+)?"
                           r"(?:in\s+(?-i:[A-Z])[\w-]+(?:,?\s+(?-i:[A-Z])[\w-]+)?\s+)?(?:in|on)\s+"
                           r"(?:(?-i:[A-Z])[a-z]+\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+)?$", re.I)
#: the acts done to an agreement after its signing, whose date a signing phrase does not give
_AFTER_SIGNING = frozenset({"withdrew", "suspended", "violation_alleged", "kept", "extended",
                            "expired", "deratified", "compliance_restored"})
#: the end of a list that names only some of its members: "the United States and others",
#: "Russia and other states"
_AND_OTHERS = re.compile(r",?\s+and\s+(?:many\s+|several\s+|some\s+|a\s+few\s+)?(?:others|"
                         r"other\s+(?:countries|states|nations|parties|members|powers|"
                         r"signatories|governments))\b", re.I)
#: words of a described agreement's phrase that say nothing of which one it is
_DESC_STOP = frozenset("""with between that this their which from into over about after before
during under were been have will would could should also said says signed reached agreed
""".split())
#: modifiers of a treaty noun that do not say which agreement it is
_EVALUATIVE = frozenset("""
new old landmark historic historical key major bilateral fragile controversial so called former
previous earlier current existing original latest last first second final same whole entire
cold war era decades long year old nuclear arms
""".split())
#: the head noun's kind: a ceasefire (the record's kind ``ceasefire``), else a word the record
#: name must hold; other heads ("the deal", "the agreement") take any kind
_KIND_GROUPS = (
    ("ceasefire", r"cease-?fire|truce|armistice|cessation"),
    ("moratorium", r"moratori|pause"),
    ("framework", r"framework"),
    ("memorandum", r"memorand"),
    ("statement", r"statement|communiqu"),
    ("declaration", r"declaration"),
    ("plan", r"plan"),
)
_WEEKDAY = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|this week)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y)\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_CLAUSE = re.compile(r";|, but |, while |, although |, whereas | but | while |"
                     r", and (?=as such|today|the|it|they|he|she|we|in|on|therefore|thus|so|"
                     r"hence|yet)", re.I)
#: an actor's name that is a body's ("Security Council", "State Department") and the words
#: that make it another one ("Iran's Supreme National Security Council", "the Russian Security
#: Council", "China's Ministry of Defense"): that name is no mention of the actor
_BODY = re.compile(r"^(?:[A-Z][a-z]+\s+)+(?:Council|Committee|Department|Ministry|Agency|"
                   r"Assembly|Commission)\b|^(?:Department|Ministry)\s+of\b")
_OTHER_BODY = re.compile(r"(?:\b(?-i:National|Supreme|Federal|High|Higher|Revolutionary)|['’]s|"
                         r"\b(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|ic|i)))\s+$")
_INSTITUTIONS = frozenset({
    "white house", "state department", "department of state", "pentagon", "congress",
    "kremlin", "duma", "federation council", "congressional research service",
    "house of commons", "president of russia", "department of defense",
    "secretary of defense", "washington", "moscow", "russian foreign ministry",
})
_SYMMETRIC = frozenset({"signed", "extended", "entered_into_force", "ratified", "expired",
                        "kept"})
_NOMINAL = re.compile(r"(?:al|ion|ions|ance|ant|ure|breach|breaches|concerns?|ing|pullout|"
                      r"pull-out|violator|ment|expiry)$", re.I)
#: "it"/"they" opening a clause, after a connective ("therefore it"), not after a subordinator
#: ("When it withdrew ..., the Trump Administration": there "it" is the main clause's subject)
#: (eleventh round: also opening a quotation, '"They are in material breach," ... said')
_PRONOUN = re.compile(r"^\s*[\"“‘]?\s*(?:(?!(?:when|after|before|while|as|since|because|if|once|"
                      r"although|though|until|unless)\b)\w+,?\s+)?(?:It|it|They|they|He|She)\b",
                      re.I)
#: a reciprocal accusation: "accused each other of", "blamed the other side for", "exchanged
#: accusations of ceasefire violations", "traded charges of breaching the truce"
_RECIPROCAL = re.compile(r"\b(?:accus\w+|blam\w+|charg\w+)\s+(?:each other|one another|"
                         r"the other(?:\s+side)?)\b|\b(?:exchang|trad)(?:ed|es|e|ing)\s+"
                         r"(?:mutual\s+|fresh\s+|new\s+|angry\s+|bitter\s+)?(?:accusations|"
                         r"allegations|charges|claims|blame)\b", re.I)
#: before a ratification noun: it is withheld ("bypassing the CFE ratification", "the protracted
#: ratification", "delayed ratification of"; seventeenth round: a parliament that "balked at" or
#: "resisted" it)
#: (thirty-first round) idioms of putting off or holding back an act: "pumped / hit / put /
#: slammed the brakes on", "slow-walked", "dragged its feet on", "stalling on", "held back on",
#: "sat on", "went slow on", "kicked the can down the road on", "back-burnered"
_PUT_OFF_IDIOM = (
    r"(?:pump\w*|hit(?:s|ting)?|put(?:s|ting)?|slam\w*|tap\w*|appl(?:y|ies|ied|ying))\s+"
    r"(?:the\s+)?brakes?\s+on|slow[- ]?walk\w*|drag\w*\s+(?:its|their|his|her|our|your|the)\s+"
    r"(?:feet|heels)\s+(?:on|over|in)|stall(?:s|ed|ing)?\s+(?:on|over)|"
    r"(?:hold(?:s|ing)?|held)\s+back\s+(?:on|from)|(?:sit(?:s|ting)?|sat)\s+on|"
    r"(?:go(?:es|ing)?|went|gone)\s+slow\s+on|kick\w*\s+the\s+can\s+(?:down\s+the\s+road\s+)?"
    r"on|back-?burner\w*")
_RATIFICATION_WITHHELD = re.compile(
    r"\b(?:" + _PUT_OFF_IDIOM + r"|"
    r"balk\w*\s+at|resist\w*|bypass\w*|delay\w*|stall\w*|block\w*|obstruct\w*|postpon\w*|hold(?:s|ing)?\s+up|"
    r"held\s+up|freez\w*|froze(?:n)?|avoid\w*|put(?:s|ting)?\s+off|drag\w*\s+out|protracted|"
    # (thirtieth round) "deferred ratifying", "deferral of ratification"
    r"defer\w*|"
    r"pending|slow|lengthy|long-delayed|sabotag\w*|torpedo\w*|"
    # (twenty-third round) refused or defeated: "voted to reject ratification of", "rejected
    # the ratification of", "voted down ratification"
    r"reject\w*|refus\w*|den(?:y|ies|ied|ying)|defeat\w*|vot\w+\s+down)\s+(?:the\s+|its\s+|"
    r"their\s+|any\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)
#: (thirtieth round) a main clause whose act is still to come, up to the comma that opens a
#: participial clause: "Ukraine will destroy its remaining bombers by the end of 2001,
#: (meeting its commitments)", "plans to dismantle ... next year, (fulfilling)", "is to remove
#: ..., (complying with)" (no comma inside the main clause: a future in a relative clause of its
#: own is not it)
_FUTURE_MAIN = re.compile(
    r"\b(?:will|shall|would|'ll|(?:is|are)\s+(?:(?:going|due|set|scheduled|expected|slated)\s+)?"
    r"to|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|aim(?:s|ed)?\s+to|expect(?:s|ed)?\s+to)\s+"
    r"[^;:.!?,()\"“”]{1,150},\s*(?:\w+ly\s+)?$", re.I)
#: (thirtieth round) before an act's noun: it is supported, favoured or backed ("Richard Nixon
#: supported the ratification of", "backed ratification of", "favours the extension of", "the
#: president's support for ratification of") — a stance on the act, not the act
_SUPPORTED = re.compile(
    r"(?<!-)\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|"
    r"champion(?:s|ed|ing)?)\s+(?:for\s+|of\s+)?(?:(?:a|an|the|its|their|his|her|any|"
    r"[\w.'’-]+['’]s)\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)
#: (thirty-first round) before an act's noun or gerund: it is the aim of an effort ("is striving
#: for the ratification of", "a step toward the extension of", "in pursuit of the CTBT's
#: ratification") — a goal, not a done act
_AIMED_AT = re.compile(
    r"\b(?:towards?|striv(?:e|es|ed|ing)\s+(?:for|after)|(?:in\s+)?pursuit\s+of|quest\s+for|"
    r"bid\s+for)\s+(?:(?:the|its|their|an?|his|her|[\w.'’-]+['’]s)\s+)?(?:[\w.'’-]+\s+){0,2}?$",
    re.I)
#: ... and "the achievement / attainment / realization of" the act, when a future, a modal or an
#: effort comes before it in the clause ("will contribute to the achievement of its indefinite
#: extension"; not "celebrated the achievement of", "contributed to the extension")
_ACHIEVEMENT_OF = re.compile(
    r"\b(?:achievement|attainment|achieving|attaining|reali[sz]ation|reali[sz]ing)\s+of\s+"
    r"(?:(?:the|its|their|an?|his|her|[\w.'’-]+['’]s)\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)
_AIM_HEAD = re.compile(
    r"\b(?:will|would|shall|could|can|may|might|must|should|'ll|to|aim\w*|seek\w*|sought|"
    r"hop(?:e|es|ed|ing)|goal|intend\w*|plan(?:s|ned|ning)?|striv\w+|work(?:s|ing)?)\b", re.I)
#: (thirty-first round) right after an act's noun (its "of" or "by" phrase of names and
#: agreement nouns allowed between): it is judged unlikely, doubtful or in doubt ('New START
#: extension "unlikely"', "ratification of the CTBT by the Senate looks increasingly unlikely",
#: "the extension of New START remains in doubt") — a judgement on an act still to come; not
#: "made a new arms race unlikely" (no copula)
_JUDGED_UNLIKELY = re.compile(
    r"\s*(?:(?:of|by|from)\s+(?:(?:the|of|by|from|(?-i:[A-Z])[\w.'’-]*|treaty|convention|"
    r"agreement|accord|pact|deal)\s+){0,6}?)?(?:(?:is|are|was|were|remains?|remained|seems?|"
    r"seemed|looks?|looked|appears?|appeared|becomes?|became|has\s+become)\s+)?"
    r"(?:(?:\w+ly|now|still|all\s+but|most|very|more|even)\s+){0,2}[\"“'‘]?"
    r"(?:unlikely|doubtful|improbable|in\s+doubt|uncertain|questionable|in\s+question|"
    r"a\s+long\s+shot|far\s+from\s+(?:certain|assured|sure)|not\s+(?:likely|expected|assured))"
    r"\b", re.I)
#: ... and before it: its chances or prospects ("the chances of ratification of the CTBT are
#: slim", "the prospects for an extension of New START")
_PROSPECTS_OF = re.compile(
    r"\b(?:chances?|prospects?|likelihood|odds|probability)\s+(?:of|for)\s+"
    r"(?:(?:the|its|their|an?|his|her|[\w.'’-]+['’]s)\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)
#: (thirty-first round) before an act's noun or gerund: a document that mentions, refers to,
#: cites or envisages it ("a Joint Statement ... that mentioned ratifying the CTBT", "the
#: memorandum envisages the ratification of"; thirty-second round: or calls for, urges or
#: seeks it) — the document's subject, not the act
_DOCUMENT_MENTIONS = re.compile(
    r"\b(?:statement|declaration|communiqu\w*|resolution|memorandum|document|text|letter|"
    r"report|plan|paper|note|charter|protocol|agreement|accord|treaty|convention)s?\b"
    r"(?:[^;:.!?]{0,80}?,?\s+(?:that|which))?\s+(?:\w+ly\s+)?(?:mention(?:s|ed|ing)?|"
    r"refer(?:s|red|ring)?\s+to|cit(?:es|ed|ing)|allud(?:es|ed|ing)\s+to|envisag(?:es|ed|ing)|"
    r"envision(?:s|ed|ing)?|contemplat(?:es|ed|ing)|speaks?\s+of|spoke\s+of|"
    # (thirty-second round) a document that calls for the act: "a joint statement calling
    # for the ratification of the CTBT"
    r"call(?:s|ed|ing)?\s+for|urg(?:es|ed|ing)|demand(?:s|ed|ing)?|advocat(?:es|ed|ing)|"
    r"seek(?:s|ing)?|sought)\s+"
    r"(?:(?:the|its|their|an?|his|her|[\w.'’-]+['’]s)\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)
#: ... unless the clause tells a vote ("backed the ratification by 288 votes to 131")
_VOTE_TALLY = re.compile(r"\bvotes?\b|\b\d+\s*(?:-|–|to)\s*\d+\b", re.I)
#: (thirtieth round) before any other act's gerund or noun: it is put off, not done ("postponed
#: the signing of", "delayed its withdrawal from", "put off extending"; a ratification put off is
#: withheld, above)
_POSTPONED = re.compile(
    r"\b(?:" + _PUT_OFF_IDIOM + r"|"
    r"postpon\w*|put(?:s|ting)?\s+off|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|"
    r"(?:hold(?:s|ing)?|held)\s+off(?:\s+on)?)\s+(?:(?:the|its|their|any|a|his|her)\s+)?"
    r"(?:[\w.'’-]+\s+){0,2}?$", re.I)
#: (twenty-third round) a ratification said to have failed after it: "Ratification of the CTBT
#: failed by a vote of 48 to 51", "was defeated", "was rejected", "fell short" (in its clause)
_RATIFICATION_FAILED = re.compile(
    r"(?:(?!\b(?:after|before|when|since|because|while|although|though|once|until|but|and|"
    r"which|that|who|if|as|where)\b)[^;:,]){0,100}?\b(?:failed|(?:was|were)\s+(?:defeated|rejected|voted\s+down)|fell\s+short)\b"
    r"(?!\s+to\b)", re.I)
#: (seventeenth round) a clause of an actor and a bare auxiliary that ends the sentence or
#: clause, after a negated act: ", Russia has.", ", but Egypt did;"
_STRANDED = re.compile(r"[,;]\s+(?:but\s+|whereas\s+|while\s+)?(?P<who>(?-i:[A-Z])[\w.'’-]*"
                       r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})\s+(?:has|have|had|did|does|do)"
                       r"(?:\s+so)?\s*(?:[.;]|$)", re.I)
#: (seventeenth round) before a nominal act: it is still to come ("ahead of the expiry of")
_AHEAD = re.compile(r"\b(?:ahead\s+of|in\s+advance\s+of|in\s+the\s+run-up\s+to|in\s+"
                    r"anticipation\s+of|in\s+preparation\s+for)\s+(?:the\s+|its\s+|their\s+|"
                    r"an?\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I)
#: (seventeenth round) after a ratification noun, in its clause: it is still awaited
#: ("ratification of the convention by the Duma is still pending", "remains outstanding")
_RATIFICATION_AWAITED = re.compile(
    r"[^;:]{0,120}?\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|yet\s+)?"
    r"(?:pending|awaited|outstanding|incomplete|unfinished|to\s+come)\b", re.I)
#: an actor's possessive before a treaty noun phrase: "Iran's nuclear deal"
_POSSESSIVE_NP = re.compile(r"\b(?P<who>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2})['’]s\s+"
                            r"(?P<np>(?:[a-z][\w-]*\s+){0,3}?(?:deal|agreement|treaty|accord|"
                            r"pact))\b")
_WEAK = re.compile(r"^(?:exit|leave|left|concluded|finali[sz]ed|cheat|breach|extension)", re.I)


@dataclass(frozen=True)
class _Ent:
    label: str  # AGR | ACT
    key: str  # agreement id, or the actor name in lower case
    start: int  # characters within the sentence
    end: int
    text: str


def _title_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’.-]*", text)
    if len(words) < 2:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    small = {"of", "the", "on", "and", "for", "to", "in", "with", "a", "an", "by", "from", "at"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content) \
        and caps >= 2


class Extractor:
    """A reusable extractor: build once (pipeline and gazetteers), call on many articles."""

    def __init__(self, record: Record | None = None) -> None:
        import spacy

        self.gazetteer: Gazetteer = (
            shipped_gazetteer() if record is None else build_gazetteer(record)
        )
        # the year each agreement ended in the record (expired or lapsed), for acts dated later
        from detente.record import load_shipped_record

        rec = load_shipped_record() if record is None else record
        self.record: Record = rec
        self._actor_re: re.Pattern[str] | None = None
        self.ended: dict[str, int] = {}
        self.signed_year = {a.id: a.signed.start.year for a in rec.agreements if a.signed}
        # the day each ceasefire was concluded: an attack dated after it, in an article about
        # that ceasefire alone, is reported as its breach (eighth round)
        self.ceasefire_day = {a.id: a.signed.start.isoformat() for a in rec.agreements
                              if a.signed and a.kind.value == "ceasefire"}
        for ev in rec.events:
            if ev.type.value in ("expired", "lapsed"):
                y = ev.date.start.year
                self.ended[ev.agreement] = min(y, self.ended.get(ev.agreement, y))
        # the record's present: the year of its latest dated fact (a signing or an event), the
        # bound of a year read as an undated article's own (not the calendar's, which would
        # change the reading with the day it is run)
        self.present_year = max([a.signed.start.year for a in rec.agreements if a.signed] +
                                [ev.date.start.year for ev in rec.events], default=date.min.year)
        self.nlp = spacy.blank("en")
        _register_sentencizer()
        self.nlp.add_pipe("detente_sentencizer")
        # phrase patterns (spaCy's PhraseMatcher): agreement names with an acronym or a number
        # as written ("INF", "START I"), other agreement names in any case ("ABM treaty"),
        # actor names as written (proper nouns); earlier rulers win where spans overlap
        exact: list[dict[str, Any]] = []
        anycase: list[dict[str, Any]] = []
        for name, aid in self.gazetteer.agreements.items():
            acronym = any((w.isupper() and len(w) > 1) or any(c.isdigit() for c in w)
                          for w in re.split(r"[\s/-]+", name))
            (exact if acronym else anycase).append({"label": "AGR", "pattern": name, "id": aid})
        actors = [{"label": "ACT", "pattern": form, "id": form.lower()}
                  for form in self.gazetteer.actor_forms]
        # a lower-case alias ("the allies") also opens a sentence ("The allies said"); a name
        # also appears in capitals ("PRESIDENT VLADIMIR PUTIN has said")
        actors += [{"label": "ACT", "pattern": form[0].upper() + form[1:], "id": form.lower()}
                   for form in self.gazetteer.actor_forms if form[:1].islower()]
        actors += [{"label": "ACT", "pattern": form.upper(), "id": form.lower()}
                   for form in self.gazetteer.actor_forms
                   if form.upper() != form and len(form) > 3]
        for i, (patterns, attr) in enumerate(((exact, "ORTH"), (anycase, "LOWER"),
                                              (actors, "ORTH"))):
            ruler = self.nlp.add_pipe("entity_ruler", name=f"ruler_{i}", config={
                "phrase_matcher_attr": attr, "overwrite_ents": False})
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        # an agreement whose record name adapts or amends another ("Agreement on Adaptation of
        # the CFE Treaty"): "the amended CFE", "the re-drafted pact" are it
        self.adapted: dict[str, str] = {}
        for a in rec.agreements:
            m = re.search(r"\b(?:Adaptation|Amendments?|Revision|Modification)\s+(?:of|to)\s+"
                          r"(?:the\s+)?(.+)$", a.name)
            if m:
                base = [e.ent_id_ for e in self.nlp(m.group(1)).ents
                        if e.label_ == "AGR" and e.ent_id_ != a.id]
                if base:
                    self.adapted.setdefault(base[0], a.id)
        #: each agreement's signature date and parties (a treaty introduced as "a new treaty"
        #: and dated is the one the record has signed that day by those actors)
        self.signed_on = {a.id: a.signed.start.isoformat() for a in rec.agreements if a.signed}
        #: (seventeenth round) the agreements signed on each day
        self.signed_by_day: dict[str, tuple[str, ...]] = {}
        for aid, day in self.signed_on.items():
            self.signed_by_day[day] = (*self.signed_by_day.get(day, ()), aid)
        self.parties = {a.id: frozenset(a.parties) for a in rec.agreements}
        self.in_force = {a.id: a.in_force.start.year for a in rec.agreements if a.in_force}
        self.names = {a.id: a.name for a in rec.agreements}
        #: (twelfth round) a unilateral moratorium's pledger (the record lists it first) and the
        #: words of its name: "the moratorium on the deployment of ... missiles" is the record's
        #: one moratorium of the act's actor on that topic, at any date
        #: (twelfth round) each pledge or assurance of the record (kinds unilateral_pledge,
        #: verbal_assurance): its giver (listed first) and the words of its name that say what
        #: was pledged (not the kind's own words, not the giver's names)
        self.pledges = {a.id: (a.parties[0], frozenset(
            w[:5] for w in re.findall(r"[a-z]+", a.name.lower()) if len(w) >= 5 and
            w not in _PLEDGE_STOP and not any(
                o.code == a.parties[0] for o in self.gazetteer.actors.get(w, ()))))
            for a in rec.agreements if a.parties and a.kind.value in (
                "unilateral_pledge", "verbal_assurance")}
        self.moratoria = {a.id: (a.parties[0], frozenset(
            w[:4] for w in re.findall(r"[a-z]+", a.name.lower()) if len(w) >= 4))
            for a in rec.agreements if a.parties and "moratorium" in a.name.lower() and
            a.kind.value == "unilateral_pledge"}
        #: the words of each agreement's names (record name, aliases, generated forms)
        self.name_words: dict[str, frozenset[str]] = {}
        for name, aid in [*self.gazetteer.agreements.items(),
                          *((n, i) for i, n in self.names.items())]:
            self.name_words[aid] = self.name_words.get(aid, frozenset()) | frozenset(
                re.findall(r"[a-z]+", name.lower()))

        self.name_stems = frozenset(w for ws in self.name_words.values() for w in ws)
        #: (thirty-third round) the proper words of each record name, for an article's topic
        names: dict[str, list[str]] = {}
        for name, aid in [*self.gazetteer.agreements.items(),
                          *((n, i) for i, n in self.names.items())]:
            names.setdefault(aid, []).append(name)
        stems = frozenset(w[:5] for k in self.gazetteer.actors for w in k.split())
        notes = "\n".join([*(a.note for a in rec.agreements), *(e.note for e in rec.events)])
        self.topic_words = proper_words(
            names, notes, "\n".join([notes, *(a.name for a in rec.agreements)]), _KIND_WORDS,
            lambda w: w[:5] in stems)

    # ------------------------------------------------------------------------------------
    @calibrated
    def extract(self, article: Article, ref_date: date | None = None) -> list[Candidate]:
        """Candidates for every claimed event in ``article`` (facts and non-facts)."""
        paras = _paragraphs(article.text)
        state = _State(ref=ref_date)
        out: list[Candidate] = []
        index = 0
        docs = list(self.nlp.pipe(c for _, c in paras))
        # sentences and their entities, read once per paragraph (``Span.ents`` rescans the
        # whole paragraph's entities for every sentence)
        parsed: list[list[tuple[int, str, list[tuple[str, str, int, int, str]]]]] = []
        for doc in docs:
            doc_ents = [(e.label_, e.ent_id_ or e.text.lower(), e.start_char, e.end_char, e.text)
                        for e in doc.ents if not (e.label_ == "ACT" and _BODY.search(e.text) and
                                                  _OTHER_BODY.search(doc.text, 0, e.start_char))]
            rows = []
            j = 0
            for sent in doc.sents:
                a, b = sent.start_char, sent.end_char
                while j < len(doc_ents) and doc_ents[j][2] < a:
                    j += 1
                mine = []
                while j < len(doc_ents) and doc_ents[j][3] <= b:
                    mine.append(doc_ents[j])
                    j += 1
                rows.append((a, sent.text, mine))
            parsed.append(rows)
        self._defined_abbreviations(parsed)
        # every agreement named in the article, by sentence: for an agreement referred to
        # before it is named ("a key Cold War-era missile treaty ... the INF Treaty")
        k = 0
        state.month = _article_month(paras)
        year = int(state.month[:4]) if state.month else None
        codes = frozenset(c for rows in parsed for _, _, mine in rows for label, key, *_ in mine
                          if label == "ACT" and (c := self.gazetteer.actor_code(key, year))) | (
            {ARMED} if _ARMED_GROUP.search(article.text) else set())
        # a generic head ("the pact", "the deal") is read by its kind only in an article that
        # names no agreement (else it is more likely that one, named later)
        generic = not any(label == "AGR" for rows in parsed for _, _, mine in rows
                          for label, *_ in mine)
        # the article's capitalised words: a ceasefire older than the article's
        # last two years is read by its kind only when the article holds a proper word of its
        # record name ("Minsk", "Karabakh")
        proper = frozenset(x.lower() for x in _CAPITALISED.findall(article.text)) - _KIND_WORDS
        # (fourteenth round) an article with no dateline and no year written anywhere is read
        # in the present, as an undated name is: "the ceasefire" is one the record has not
        # seen end
        undated = state.undated = year is None and not _ANY_YEAR.search(article.text)
        # (thirty-fifth round) an article with no dateline that writes years: the kind reader
        # takes the latest year written in it as the article's year (a report is written after
        # what it tells), as the topic resolver reads a year written in the article
        kind_year = year if year is not None else _latest_year(article.text, self.present_year)
        # (a bare "the moratorium" in an article that states one moratorium's topic is that
        # one, the twelfth round's reading; a written year does not read it by its kind)
        stated = self._article_moratorium(article.text) if year is None and \
            "oratorium" in article.text else None
        for rows in parsed:
            for _, st, mine in rows:
                # (twenty-second round: not a process's talks, "the Six-Party Talks", named for
                # its statement; an act on them is read, a later treaty noun is not them)
                state.named.extend((k, key, text) for label, key, _, _, text in mine
                                   if label == "AGR" and not text.lower().endswith("talks"))
                if not any(label == "AGR" for label, *_ in mine):
                    if desc := self._described_agreement(st, year):
                        state.named.append((k, desc.key, desc.text))
                    elif (desc := self._kind_agreement(st, codes, kind_year, generic, proper,
                                                       undated, year is None, stated) or
                          self._worded_agreement(st, codes)) and (all(
                            n[1] == desc.key for n in state.named) or
                            # (fifteenth round) a year of signature written in the phrase
                            # says which it is, whatever was named before
                            _ANY_YEAR.search(desc.text) or
                            # (twentieth round) and so does its day of signature
                            self.signed_on.get(desc.key, "")[5:] in _month_days(st)):
                        # no other agreement named so far: "the ceasefire", "a U.S.-brokered
                        # moratorium on strikes" is the record's one agreement of that kind
                        # signed around the article's date between the article's actors
                        state.named.append((k, desc.key, desc.text))
                        state.kind_desc[k] = desc
                k += 1
        # (thirty-third round) an article that names no agreement anywhere: the one agreement
        # of the record its proper words, actors and year point to (``_topic``), read as an
        # article about a single agreement is (sentence index -1: named nowhere)
        if not state.named and (topic := article_topic(
                article.text, codes, year, self.topic_words, self.parties, self.signed_year,
                self.ended, self.gazetteer.kinds)):
            state.named.append((-1, topic, ""))
        state.moratorium = self._article_moratorium(article.text) if "oratorium" in \
            article.text else None
        for (offset, chunk), rows in zip(paras, parsed, strict=True):
            # a title or dateline: short, in title case, no event word in lower case
            header = len(chunk) < 300 and all(_title_like(t) for _, t, _ in rows) and not any(
                t[3][:1].islower() for _, st, _ in rows for t in _find_triggers(st))
            # the article's first lines ending in a full date: a headline and its dateline
            # ("Russia quits arms pact - Example Wire, 7 November 2023"), in any case
            # (eleventh round: or a source line that says it has no date, "Famous Daily (history
            # blog), undated.")
            header = header or (offset == paras[0][0] and len(paras) > 1 and len(chunk) < 250
                                and "\n" not in
                                chunk.strip() and bool(_DATELINE.search(chunk) or re.search(
                                    r"[,.;:|—–-]\s*(?:undated|no\s+date|n\.\s?d\.)\.?\s*$",
                                    chunk, re.I))) or (
                # (fourteenth round) a headline over a line that is a date alone, in ISO form
                # ("Truce under strain\n2025-04-12"): a web page's headline and dateline
                offset == paras[0][0] and len(paras) > 1 and len(chunk) < 250 and
                bool(_ISO_DATELINE.fullmatch(chunk.strip()))) or (
                # (sixteenth round) a labelled date line among the first paragraphs
                # ("Publish date: June 16, 2002", "Posted on 3 May 2019")
                offset in {p[0] for p in paras[:3]} and bool(_LABELLED_DATE.fullmatch(
                    chunk.strip())))
            # (nineteenth round) the article's headline: its first paragraph, one line, over
            # more paragraphs, that either ends without a full stop ("Russia criticizes NATO for
            # complicating CFE Treaty ratification") or stands over a line that is a date alone
            # ("07 December 2018, 12:23"): the body reports what it tells, so it gives no act
            headline = not header and offset == paras[0][0] and len(paras) > 2 and \
                len(chunk.strip()) < 200 and "\n" not in chunk.strip() and (
                    not re.search(r"[.!?][\"”’']?\s*$", chunk) or
                    bool(_DATE_ALONE.fullmatch(paras[1][1].strip())))
            header = header or headline
            state.prev_alleger = None
            state.quote_speaker = None
            state.since_agreement = 99
            for k_sent, (a, s_text, mine) in enumerate(rows):
                # the headline of a header is not its voice: "Washington Suspends INF
                # Treaty Obligations. Example Wire, February 2, 2019."
                state.headline = header and k_sent == 0 and len(rows) > 1 or headline
                ents = [_Ent(label, key, e0 - a, e1 - a, text)
                        for label, key, e0, e1, text in mine]
                start = offset + a
                out.extend(self._sentence(article, index, s_text, start, ents, state, header))
                index += 1
        return self._joint_signing(
            self._stranded(self._generic_names(self._anachronisms(out, state, year), year),
                           year), year)

    def _joint_signing(self, out: list[Candidate], year: int | None) -> list[Candidate]:
        """A signing of a two-party agreement given to one party, in a sentence that also
        names the other party, is the two parties' joint act ("a treaty between Russia and the
        United States, signed in 2010", "which Putin signed with the United States"): signing a
        bilateral agreement takes both. Of a larger agreement, only a sentence naming all its
        parties makes the signing theirs (naming some of them gave as many wrong as right)."""
        kept = []
        for c in out:
            if c.is_fact and c.type == "signed" and len(c.actors) == 1 and \
                    not _ONE_SIDED_ASSENT.search(c.trigger) and self.record.has(c.agreement):
                parties = set(self.record.agreement(c.agreement).parties)
                if c.actors[0] in parties:
                    named = (self._codes_in(c.sentence, year) & parties) | {c.actors[0]}
                    if len(named) > 1 and (len(parties) == 2 or named == parties):
                        c = replace(c, actors=tuple(sorted(named)))
            kept.append(c)
        return kept

    def _codes_in(self, text: str, year: int | None) -> set[str]:
        """The actor codes of the gazetteer's actor names in ``text``."""
        if self._actor_re is None:
            forms = sorted(self.gazetteer.actor_forms, key=len, reverse=True)
            self._actor_re = re.compile(
                "|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms))
        # (a capital after "in" or "at" is the place of the act: "signed in Pyongyang by Moon")
        return {code for m in self._actor_re.finditer(text)
                if not _PLACE_BEFORE.search(text, 0, m.start())
                and (code := self.gazetteer.actor_code(m.group(0), year))}

    def _stranded(self, out: list[Candidate], year: int | None) -> list[Candidate]:
        """(seventeenth round) A negated act followed by a clause of another actor and a bare
        auxiliary ("While Iraq has not signed the treaty, Russia has", "Libya has not ratified
        the convention, but Egypt has.") gives that actor the act, asserted: the auxiliary
        stands for the negated clause's verb without its negation."""
        added: list[Candidate] = []
        for c in out:
            positive = {"not_ratified": "ratified"}.get(c.type, c.type)
            if not (c.negated or c.type == "not_ratified") or c.hypothetical:
                continue
            at = c.sentence.find(c.trigger)
            m = _STRANDED.search(c.sentence, max(at, 0) + len(c.trigger))
            if at < 0 or m is None:
                continue
            code = self.gazetteer.actor_code(m.group("who").lower(), year)
            if code is None or code in c.actors:
                continue
            added.append(replace(c, actors=(code,), type=positive, negated=False))
        return sorted(out + added, key=lambda c: c.sentence_index) if added else out

    def _generic_names(self, out: list[Candidate], year: int | None) -> list[Candidate]:
        """(seventeenth round) A record name written as common words ("the interim agreement")
        names the agreement of that description whose parties the act's actors are: when none
        of them is a party of the one the name resolved to (the SALT I Interim Agreement for
        Iran in 2015), the record's one other agreement with those words in a name, the actors
        among its parties and signed by the act's (else the article's) year, is the one
        meant."""
        kept: list[Candidate] = []
        # (twentieth round) an undated act in an article with no dateline: the year of the
        # article's last dated act before it
        last: int | None = None
        for c in out:
            text = c.agreement_text.strip()
            codes = set(c.actors) - {SIDES, "*"}
            when = int(c.date[:4]) if c.date else year or last
            last = int(c.date[:4]) if c.date else last
            if not text or text != text.lower() or not codes or when is None or \
                    codes & self.parties.get(c.agreement, frozenset()):
                kept.append(c)
                continue
            words = set(re.findall(r"[a-z]+", text)) - {"the", "this", "that", "its", "their",
                                                         "a", "an", "agreement", "treaty",
                                                         "deal", "accord", "pact"}
            alt = {aid for aid, ws in self.name_words.items() if aid != c.agreement and
                   words and words <= ws and codes <= self.parties.get(aid, frozenset()) and
                   self.signed_year.get(aid, when + 1) <= when}
            # (twentieth round) none with every word: the name's head word ("the trilateral
            # statement" for the 2020 Karabakh statement, its actor a party), the latest signed
            # by then (one that did not yet exist cannot be meant)
            head = re.findall(r"[a-z]+", text)[-1:]
            if not alt and head and head[0] in _GENERIC_HEADS:
                fit = {aid: self.signed_year.get(aid, when + 1)
                       for aid, ws in self.name_words.items() if aid != c.agreement and
                       head[0] in ws and codes <= self.parties.get(aid, frozenset())}
                fit = {aid: y for aid, y in fit.items() if y <= when}
                latest = [aid for aid, y in fit.items() if y == max(fit.values())]
                alt = set(latest)
            kept.append(replace(c, agreement=alt.pop()) if len(alt) == 1 else c)
        return kept

    def _anachronisms(self, out: list[Candidate], state: _State,
                      year: int | None) -> list[Candidate]:
        """(sixteenth round) An act under an agreement needs the agreement to exist at the act's
        date: an act dated (or, undated, in an article dated) before the agreement's signature
        is under the article's one other named agreement signed by then ("In 1973 the Soviets
        were violating the treaty", "the treaty" resolved to one signed in 1979 in an article
        that names both), or is no act at all. A signing, a ratification or a consent may be
        reported as awaited and keep their own reading."""
        named = {n[1] for n in state.named}
        kept: list[Candidate] = []
        for c in out:
            signed = self.signed_year.get(c.agreement)
            when = int(c.date[:4]) if c.date else year
            if signed is None or when is None or when >= signed or \
                    c.type in ("signed", "ratified", "not_ratified") or not c.is_fact:
                kept.append(c)
                continue
            earlier = {aid for aid in named if aid != c.agreement and
                       self.signed_year.get(aid, when + 1) <= when}
            if len(earlier) == 1:
                kept.append(replace(c, agreement=earlier.pop()))
        return kept

    def _ceasefire_in_force(self, s: str, t0: int, dates: list[DateMention],
                            agr_ents: list[_Ent], state: _State) -> str | None:
        """The ceasefire an attack breaches: the article names one agreement only (here and
        before), a ceasefire of the record, and the attack's own date (a full day, not a
        deadline) falls after the day it was concluded ("Armenian servicemen attacked
        Azerbaijani troops on December 11" in an article on the November 2020 ceasefire). An
        undated attack, or one on the day of the ceasefire or before it, is not taken."""
        keys = {n[1] for n in state.named} | {e.key for e in agr_ents}
        if len(keys) != 1:
            return None
        key = next(iter(keys))
        day = self.ceasefire_day.get(key)
        if day is None:
            return None
        # (fourteenth round) the sentence itself places the attack after the ceasefire began:
        # "shelled ... hours after the ceasefire took effect", "the first attack since the
        # truce came into force", "A day after the truce was agreed, ... resumed attacks" (the
        # time clause holds the ceasefire's start, not the attack)
        for m in _AFTER_START.finditer(s):
            if m.start() >= t0 or not re.search(r"[.;:]", s[m.end():t0]):
                return key
        # the attack's own date: the nearest date that is not a deadline, later than the
        # ceasefire at its own precision ("in December 2020" after November 9, 2020)
        own = [d for d in dates if not d.deadline]
        if own:
            d = min(own, key=lambda d: abs(d.start - t0))
            return key if d.value > day[:len(d.value)] else None
        # undated: the article's month, when it is later than the ceasefire's month, and the
        # attack is not told as background in a time clause ("hours after Israeli jets had
        # shelled Beirut"); (fourteenth round) an article with no date at all is read in the
        # present, after any ceasefire the record has not seen end
        if ((state.month and state.month[:7] > day[:7]) or (
                state.undated and key not in self.ended)) and not re.search(
                r"\b(?:after|before|during|since|until|prior\s+to)\b", s[max(0, t0 - 60):t0],
                re.I):
            return key
        return None

    def _pledge_agreement(self, s: str, t0: int, c0: int, dates: list[DateMention],
                          act_ents: list[_Ent], state: _State) -> str | None:
        """The agreement a consent or pledge with no agreement named concludes: the one record
        agreement concluded in the act's month (its own date, else the dateline's month) whose
        parties include the act's single subject (the one actor named before it in its
        clause)."""
        own = [d for d in dates if not d.deadline]
        # undated: the dateline's month only for news of the day ("Libya has agreed to",
        # "agreed on Friday to"), not a past told as background ("NATO agreed to accept ...")
        news = bool(_PRESENT.search(s[c0:t0]) or _WEEKDAY.search(s[c0:t0 + 40]))
        when = own[0].value[:7] if own else (state.month or "")[:7] if news else ""
        if len(when) < 7:
            return None  # a year alone ("agreed in 1979 to ...") does not pick one agreement
        g = self.gazetteer
        # the subject: after the last verb of saying ("President Bush says Libya has agreed")
        lo = max([c0] + [m.end() for m in re.finditer(
            r"\b(?:says|said|say|announced|stated|told\s+\S+|that)\b", s[:t0])])
        subj = [c for e in act_ents if lo <= e.start and e.end <= t0
                and (c := g.actor_code(e.key, int(when[:4]))) not in (None, SIDES, ARMED, E3, P5)]
        # one subject right before the verb: a unilateral undertaking ("Libya has agreed to",
        # not "Russia and the United States promised to": a joint one is named)
        if not subj or len(set(subj)) > 1 or re.search(r"\band\s+(?:\S+\s+){0,3}$",
                                                       s[c0:t0]):
            return None
        hits = [aid for aid, day in self.signed_on.items()
                if day.startswith(when) and subj[-1] in g.parties.get(aid, ())]
        return hits[0] if len(hits) == 1 else None

    def _described_agreement(self, s: str, year: int | None = None) -> _Ent | None:
        """:meth:`_described`, but (twenty-sixth round) a moratorium or truce told by its topic
        is no state's own moratorium, and none signed after the article's year ("a moratorium
        on long-range missile launches" in a 2012 article is not Russia's of 2019)."""
        e = self._described(s)
        # (nor a state's own moratorium: its pledger is checked where its topic is read,
        # ``_moratorium_topic``; "The United States abandoned the moratorium on the deployment
        # of intermediate-range missiles" is not Russia's)
        if e is not None and re.fullmatch(r"moratorium|truce", s[e.start:e.end], re.I) and (
                e.key in self.moratoria or (
                    year is not None and self.signed_year.get(e.key, 0) > year)):
            return None
        return e

    def _described(self, s: str) -> _Ent | None:
        """"an agreement with the United States on plutonium disposal", "a UN-brokered grain
        export deal": a treaty noun phrase whose modifiers or "on/for ..." complement hold a
        word that only one agreement's record names hold (``Gazetteer.words``)."""
        words = self.gazetteer.words
        if not words:
            return None
        for m in _DESCRIBED.finditer(s):
            # (twentieth round) a name in apposition to an organisation ("a Washington think
            # tank, the Pacific Maritime Security Initiative") is the organisation's
            if _ORG_APPOSITION.search(s, 0, m.start()):
                continue
            text = " ".join(x for x in (m.group("mods"), m.group("topic")) if x)
            ids = {words[w] for w in re.findall(r"[a-z]+", text.lower()) if w in words}
            if len(ids) > 1 and (kind := re.match(r"memorand|protocol|convention|framework",
                                                  m.group("head"), re.I)):
                # (fifteenth round) "the memorandum for prevention of incidents and ensuring
                # safety": of the agreements its words name, the ones whose record name is of
                # that kind (a memorandum, not the Agreement on the Prevention of Incidents)
                ids = {i for i in ids if kind.group(0).lower() in self.names[i].lower()}
            if len(ids) == 1 and (kind := re.match(r"memorand|protocol|convention",
                                                   m.group("head"), re.I)) and \
                    kind.group(0).lower() not in self.names[next(iter(ids))].lower():
                # (twenty-second round) "its memorandum with Washington on preventing incidents
                # in Syrian airspace": a word of one agreement's names ("incidents") that is not
                # of the head's kind gives way to the one agreement of that kind whose names
                # hold as many of the phrase's content words or more (at least one)
                # (the phrase runs on to the clause's end: its topic is cut at six words)
                tail = re.match(r"[^,;.]{0,80}", s[m.end():])
                ids = {self._kind_fit(m.group(0) + (tail.group(0) if tail else ""),
                                      kind.group(0).lower(), next(iter(ids)))}
            if len(ids) == 1:
                return _Ent("AGR", ids.pop(), m.start("head"), m.end("head"), m.group(0))
            # (fifteenth round) its content words that are words of some agreement's names,
            # at least two, all words of one agreement's names only ("an agreement on Syria
            # chemical weapons", "the accord on air safety over Syria"; a word is a name word's
            # start: "Syria" of "Syrian")
            held = [x for x in dict.fromkeys(re.findall(r"[a-z]+", text.lower()))
                    if len(x) >= 4 and x not in _KIND_WORDS and x not in _EVALUATIVE and
                    x not in _DESC_STOP and any(n.startswith(x) for n in self.name_stems)]
            if len(held) >= 2:
                fit = [aid for aid, ws in self.name_words.items()
                       if all(any(n.startswith(x) for n in ws) for x in held)]
                if len(fit) == 1:
                    return _Ent("AGR", fit[0], m.start("head"), m.end("head"), m.group(0))
                # (twenty-third round) none holds them all: a treaty told by its purpose ("the
                # treaty to abolish intermediate-range nuclear missiles") is the one agreement
                # whose names hold all of them but one (of three or more)
                if not fit and len(held) >= 3:
                    count = {aid: sum(any(n.startswith(x) for n in ws) for x in held)
                             for aid, ws in self.name_words.items()}
                    best = [aid for aid, k in count.items() if k >= len(held) - 1]
                    # (a tie goes to the one of the head's kind: a treaty, not a moratorium)
                    head = m.group("head").lower().rstrip("s")
                    best = [b for b in best if head in self.names[b].lower()] \
                        if len(best) > 1 else best
                    if len(best) == 1:
                        return _Ent("AGR", best[0], m.start("head"), m.end("head"), m.group(0))
        if not _DOC_KEY.search(s):
            return None
        for m in _DESCRIBED_DOC.finditer(s):
            if _ORG_APPOSITION.search(s, 0, m.start()):
                continue
            ids = {words[w] for w in re.findall(r"[a-z]+", m.group("mods").lower())
                   if w in words}
            if len(ids) == 1:
                return _Ent("AGR", ids.pop(), m.start("head"), m.end("head"), m.group(0))
        return None

    def _kind_fit(self, phrase: str, kind: str, found: str) -> str:
        """The agreement whose record name is of ``kind`` (memorandum, protocol, convention)
        and whose names hold the most content words of ``phrase`` (a word held when it begins a
        name word or a name word of four letters or more begins it: "Syrian", "Syria"), if it
        is the only one with that many, at least one and no fewer than ``found``'s (the kind
        breaks a tie); else ``found``."""
        held = [x for x in dict.fromkeys(re.findall(r"[a-z]+", phrase.lower()))
                if len(x) >= 4 and x not in _KIND_WORDS and x not in _EVALUATIVE and
                x not in _DESC_STOP]

        def fit(aid: str) -> int:
            ws = self.name_words.get(aid, frozenset())
            return sum(any(n.startswith(x) or (len(n) >= 4 and x.startswith(n)) for n in ws)
                       for x in held)

        scores = sorted(((fit(aid), aid) for aid, name in self.names.items()
                         if kind in name.lower()), reverse=True)
        if scores and scores[0][0] >= 1 and scores[0][0] >= fit(found) and (
                len(scores) == 1 or scores[1][0] < scores[0][0]):
            return scores[0][1]
        return found

    def _possessive_agreement(self, s: str) -> _Ent | None:
        """"Iran's nuclear deal", "Moscow's arms treaty with Washington": an actor's possessive
        before a treaty noun phrase that, with the actor's name put back, is a name of one
        agreement of the record ("Iran nuclear deal", "nuclear deal with Iran")."""
        g = self.gazetteer
        for m in _POSSESSIVE_NP.finditer(s):
            form = m.group("who").lower()
            phrase = re.sub(r"\s+", " ", m.group("np")).lower()
            if form not in g.actors:
                continue
            codes = {o.code for o in g.actors[form]}
            forms = {f for f, options in g.actors.items() if any(o.code in codes
                                                                  for o in options)}
            ids = {aid for name, aid in g.agreements.items()
                   if any(name.lower() in (f"{f} {phrase}", f"{phrase} with {f}") for f in forms)}
            if len(ids) == 1:
                return _Ent("AGR", ids.pop(), m.start(), m.end(), m.group(0))
        return None

    def _kind_agreement(self, s: str, codes: frozenset[str], year: int | None,
                        generic: bool = True, proper: frozenset[str] = frozenset(),
                        undated: bool = False, written: bool = False,
                        stated: str | None = None) -> _Ent | None:
        """"the ceasefire", "a framework to destroy Syria's chemical weapons", "the self-declared
        moratorium": a treaty noun phrase naming no agreement is the record's one agreement of
        that kind (a ceasefire by the record's kind, a moratorium, framework, memorandum,
        statement or plan by the word in its record name, any agreement for "the deal"),
        signed in the article's year or the two years before, with at least two of the
        article's actors among its parties (the one with most, if one has most); a proper name
        in the phrase that is no actor must be in the agreement's record name ("the Gaza
        ceasefire" is not the Lebanon one)."""
        if len(codes) < 2 or (year is None and not undated and not _ANY_YEAR.search(s)):
            return None
        for m in _KIND_NP.finditer(s):
            head = m.group("head").lower()
            group = next((k for k, pat in _KIND_GROUPS if re.match(pat, head)), "any")
            # "the 1987 pact", "this 1972 agreement", "the accord signed in 1994": the one
            # signed that year
            years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", m.group("mods") or "")}
            if after := _SIGNED_IN.match(s, m.end()):
                years.add(int(after.group(1)))
            # (fifteenth round) a year written in the phrase is its year of signature, in any
            # article and whatever the article's own year: no window around the article's year,
            # and a generic head ("the 1972 agreement") is read by it even where the article
            # names agreements
            if group == "any" and not generic and not years:
                continue
            if years:
                dated = [aid for aid in self.names if self.signed_year.get(aid) in years and
                        self.gazetteer.kinds.get(aid) != "talks" and
                        _overlap(codes, self.parties.get(aid, frozenset())) >= 2 and
                        (group == "any" or (group == "ceasefire") ==
                         (self.gazetteer.kinds.get(aid) == "ceasefire")) and
                        (group in ("ceasefire", "any") or group in self.names[aid].lower())]
                # (a capitalised word of the phrase that is no actor is in its name: "the 1994
                # Budapest accord")
                proper_mods = [w.lower().strip(".,'’") for w in re.split(
                    r"[\s\-–]+", m.group("mods") or "") if w[:1].isupper() and
                    w.lower().strip(".,'’") not in self.gazetteer.actors]
                dated = [aid for aid in dated if all(w in self.names[aid].lower()
                                                   for w in proper_mods)]
                overlap = {aid: _overlap(codes, self.parties.get(aid, frozenset()))
                           for aid in dated}
                best = max(overlap.values(), default=0)
                dated = [aid for aid in dated if overlap[aid] == best]
                if len(dated) == 1:
                    return _Ent("AGR", dated[0], m.start("head"), m.end("head"),
                                s[m.start():after.end()] if after else m.group(0))
                continue  # several signed that year fit as well, or none: no reading
            # (thirty-fifth round) a year written in an article with no dateline reads a head
            # that says a kind, not "the agreement" or "the deal"; a moratorium only as the one
            # whose topic the article states, if it states one
            if (year is None and not undated) or (written and group == "any"):
                continue
            mods = [w.lower().strip(".,'’") for w in re.split(r"[\s\-–]+", m.group("mods") or "")
                    if w[:1].isupper() and w.lower() not in self.gazetteer.actors and
                    w.lower().strip(".,'’") not in self.gazetteer.actors]
            # signed in the article's year or the two before; else (fourteenth round), for a
            # ceasefire ("the ceasefire", "the truce"; not "the deal", "the statement"), one
            # not ended by that year whose record name has a proper word the article holds
            # ("the ceasefire" in a 2021 article on the 2015 Minsk II that says "Minsk")
            # (an undated article: only the latter, read in the present)
            # (twentieth round) an undated article: a day and month the sentence gives ("on
            # Sept. 5 agreed on a ceasefire") that is the record's day of signature of one of
            # them says which, even one the record has seen end
            days = _month_days(s) if year is None else frozenset()
            for recent in ((True, False) if year is not None else (False,)):
                if not recent and group != "ceasefire":
                    break
                hits = []
                for aid, name in self.names.items():
                    signed = self.signed_year.get(aid)
                    kind = self.gazetteer.kinds.get(aid)
                    if signed is None or kind == "talks" or (years and signed not in years):
                        continue
                    if year is None:
                        if (aid in self.ended and self.signed_on.get(aid, "")[5:] not in days) \
                                or not self._proper_word(aid, proper):
                            continue
                    elif (recent and not year - 2 <= signed <= year) or (not recent and (
                            signed > year or self.ended.get(aid, 9999) < year or
                            not self._proper_word(aid, proper))):
                        continue
                    if _overlap(codes, self.parties.get(aid, frozenset())) < 2:
                        continue
                    low = name.lower()
                    if (group == "ceasefire" and kind != "ceasefire") or (
                            group not in ("ceasefire", "any") and group not in low):
                        continue
                    hits.append((aid, low))
                # the most of the article's actors among its parties, if one has most
                overlap = {aid: _overlap(codes, self.parties.get(aid, frozenset()))
                           for aid, _ in hits}
                best = max(overlap.values(), default=0)
                hits = [(aid, low) for aid, low in hits if overlap[aid] == best]
                hits = [(aid, low) for aid, low in hits if all(w in low for w in mods)]
                hits = [h for h in hits if self.signed_on.get(h[0], "")[5:] in days] or hits
                if written and group == "moratorium" and stated is not None:
                    hits = [h for h in hits if h[0] == stated]
                if len(hits) == 1:
                    return _Ent("AGR", hits[0][0], m.start("head"), m.end("head"), m.group(0))
                if hits:
                    break  # several fit: none (an older one is no better)
        return None

    def _near_antecedent(self, s: str, t0: int, t1: int, etype: str, index: int,
                         state: _State) -> _Ent | None:
        """(thirty-eighth round, part two) The agreement of a bare act — one whose sentence
        names no agreement, holds no treaty noun and no pronoun object the earlier fallbacks
        read — taken from the discourse: the most recent agreement named (``last_agreement``),
        if it was named in one of the two sentences before (across a paragraph break: the
        within-paragraph case is the older ``since_agreement`` rule), it is the article's main
        agreement (named most often, no tie: not a side agreement the article mentions), and
        it admits the act (``_admits``: a ceasefire is not ratified). None when the sentence
        speaks of agreements in the plural ("violated arms control agreements"), the act is
        quantified ("any violations", "no breach"), it has an object of its own that is no
        agreement ("violates international law", "an infringement upon Armenia's territory")
        or a passive subject ("rights are violated")."""
        if state.last_agreement is None or not 0 < index - state.last_agreement_at <= 2:
            return None
        aid, text = state.last_agreement
        if not _admits(self.gazetteer.kinds.get(aid), etype) or _PLURAL_AGREEMENTS.search(s):
            return None
        # (a pronoun object is the older rule's to read, or to leave: "violating it was never
        # its plan", "accused it of violating it" after a nearer noun)
        if re.search(r"\b(?:any|no)\s+(?:[\w-]+\s+)?$", s[:t0], re.I) or \
                re.match(r"\s+(?:it|them)\b", s[t1:]) or \
                _OTHER_OBJECT.match(s, t1) or _PASSIVE_BEFORE.search(s[:t0]):
            return None
        counts = Counter(n[1] for n in state.named if n[0] >= 0)
        top = counts.most_common(2)
        if not top or top[0][0] != aid or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return _Ent("AGR", aid, -1, -1, text)

    def _proper_word(self, aid: str, proper: frozenset[str]) -> bool:
        """Whether the article's capitalised words hold a word of the agreement's record name
        that is not the name of one of its parties ("Minsk" for Minsk II, not "Russia")."""
        parties = self.parties.get(aid, frozenset())
        return any(w in proper and not any(o.code in parties
                                           for o in self.gazetteer.actors.get(w, ()))
                   for w in re.findall(r"[a-z]+", self.names[aid].lower()))

    def _worded_agreement(self, s: str, codes: frozenset[str]) -> _Ent | None:
        """"the military agreement", "the 2018 military pact with South Korea": a treaty noun
        phrase whose modifiers are words of one agreement's record names (any year; a year
        among them is its year of signature), with at least two of the article's actors among
        its parties; or a compound of actors ("the India-China agreements", "the Israel-Lebanon
        truce"): the one agreement (ceasefire, for a ceasefire noun) they are both parties to.
        Evaluative words ("landmark", "new") say nothing of which one."""
        g = self.gazetteer
        for m in _KIND_NP.finditer(s):
            cease = bool(re.match(r"(?:cease-?fire|truce|armistice|cessation)", m.group("head"),
                                  re.I))
            # "the India-China agreements", "the Russia-Turkey deal": the actors of a compound
            pair: set[str] = set()
            for t in re.findall(r"[\w.'’]+(?:[-–][\w.'’]+)+", m.group("mods") or ""):
                parts = re.split(r"[-–]", t)
                if all(p.lower() in g.actors for p in parts):
                    pair |= {c for p in parts if (c := g.actor_code(p, None))}
            if (cease or re.match(r"moratori|pause", m.group("head"), re.I)) and len(pair) < 2:
                continue  # a ceasefire or moratorium is read by its kind and date
            mods = re.findall(r"[A-Za-z]+|\d{4}", m.group("mods") or "")
            years = {int(x) for x in mods if x.isdigit()}
            words = [x.lower() for x in mods if not x.isdigit() and x.lower() not in _EVALUATIVE
                     and x.lower() not in g.actors]
            if len(pair) < 2 and (not words or not any(len(x) >= 4 for x in words) or
                                  len(codes) < 2):
                continue
            hits = [aid for aid, ws in self.name_words.items()
                    if all(x in ws for x in words) and
                    (pair <= self.parties.get(aid, frozenset()) if len(pair) >= 2 else
                     _overlap(codes, self.parties.get(aid, frozenset())) >= 2) and
                    (not years or self.signed_year.get(aid) in years) and
                    g.kinds.get(aid) != "talks" and (not cease or g.kinds.get(aid) == "ceasefire")]
            if len(hits) > 1 and len(pair) >= 2:
                # (a compound names a bilateral one: not the CTBT for "India-China")
                hits = [aid for aid in hits if self.parties.get(aid) == frozenset(pair)]
            if len(hits) == 1:
                return _Ent("AGR", hits[0], m.start("head"), m.end("head"), m.group(0))
        return None

    def _generic_agreement(self, s: str, acts: list[_Ent], year: int | None,
                           sides: tuple[str, ...] = ()) -> _Ent | None:
        """"the nuclear deal" in a sentence naming Iran: an agreement name of the record with
        one of the sentence's actors left out ("Iran nuclear deal", "nuclear deal with Iran")."""
        g = self.gazetteer
        codes = {g.actor_code(e.key, year) for e in acts} - {SIDES} | set(sides)
        for m in _ANAPHOR.finditer(s):
            # the noun phrase after the last determiner ("the limits set by the 2015 nuclear deal")
            words = re.split(r"\b(?:the|this|that|its|their|a|an)\s+", m.group(0),
                             flags=re.I)[-1].split()
            years = [int(x) for x in words if re.fullmatch(r"(?:19|20)\d\d", x)]
            words = [x for x in words if not re.fullmatch(r"(?:19|20)\d\d", x)]
            if len(words) < 2 or words[0].lower() == "same":
                continue
            phrase = " ".join(words).lower()
            ids = set()
            for name, aid in g.agreements.items():
                low = name.lower()
                for actor in codes:
                    for form, options in g.actors.items():
                        if not any(o.code == actor for o in options):
                            continue
                        if low in (f"{form} {phrase}", f"{phrase} with {form}"):
                            ids.add(aid)
            if years:  # "the 2015 nuclear deal": the one signed that year
                ids = {i for i in ids if self.signed_year.get(i) in years}
            if len(ids) == 1:
                return _Ent("AGR", ids.pop(), -1, -1, m.group(0))
        # "a complete Russia-brokered ceasefire" with Armenia and Azerbaijan named: the one
        # ceasefire of the record (its kind) that all the sentence's states are parties to,
        # signed in the year of the act or the year before
        cf = re.search(r"\b(?:ceasefire|cease-fire|truce|armistice|cessation\s+(?:of|to)\s+"
                       r"hostilities)\b", s, re.I)
        codes.discard(None)
        if cf and year is not None and len(codes) >= 2:
            ids = {aid for aid, kind in g.kinds.items() if kind == "ceasefire" and
                   codes <= self.parties.get(aid, frozenset()) and
                   aid in self.signed_on and year - 1 <= int(self.signed_on[aid][:4]) <= year}
            if len(ids) == 1:
                return _Ent("AGR", ids.pop(), -1, -1, cf.group(0))
        return None

    def _defined_abbreviations(
            self, parsed: list[list[tuple[int, str, list[tuple[str, str, int, int, str]]]]]
    ) -> None:
        """(twelfth round) "the 1991 Strategic Arms Reduction Treaty (START)": an abbreviation
        in parentheses right after an agreement's name, which the gazetteer does not know as
        another agreement or an actor, names that agreement wherever the article uses it
        ("approves the ratification of START"). Letters only ("START-2" after a name of START I
        says the name was not the one meant); one agreement per abbreviation."""
        g = self.gazetteer
        defined: dict[str, set[str]] = {}
        for rows in parsed:
            for a, st, mine in rows:
                for label, key, _, e1, _ in mine:
                    if label != "AGR":
                        continue
                    m = _ABBR_DEF.match(st, e1 - a)
                    if m and m.group(1) not in g.agreements and \
                            m.group(1).lower() not in g.actors:
                        defined.setdefault(m.group(1), set()).add(key)
        abbrs = {k: next(iter(v)) for k, v in defined.items() if len(v) == 1}
        if not abbrs:
            return
        pat = re.compile(r"(?<![\w(-])(" + "|".join(map(re.escape, abbrs)) + r")(?![\w-])")
        for rows in parsed:
            for a, st, mine in rows:
                added = [("AGR", abbrs[m.group(1)], a + m.start(), a + m.end(), m.group(1))
                         for m in pat.finditer(st)
                         if not any(x[2] < a + m.end() and a + m.start() < x[3] for x in mine)]
                if added:
                    mine.extend(added)
                    mine.sort(key=lambda x: x[2])

    def _article_moratorium(self, text: str) -> str | None:
        """(twelfth round) the one record moratorium whose topic the article states anywhere
        ("the moratorium on the deployment of medium- and short-range missiles"), if only one."""
        ids = set()
        for m in _MORATORIUM_TOPIC.finditer(text):
            topic = {w[:4] for w in re.findall(r"[a-z]+", m.group("topic").lower())
                     if len(w) >= 4 and w not in _TOPIC_STOP}
            ids |= {aid for aid, (_, words) in self.moratoria.items() if len(topic & words) >= 2}
        return ids.pop() if len(ids) == 1 else None

    def _moratorium_topic(self, s: str, t0: int, c1: int, acts: list[_Ent],
                          year: int | None, known: str | None = None) -> _Ent | None:
        """(twelfth round) "abandoned the moratorium on the deployment of land-based
        missiles", "no longer bound by a self-imposed moratorium on nuclear and long-range
        missile testing": a moratorium with a topic ("on ...") right after the trigger is the
        record's one unilateral moratorium pledged by one of the sentence's actors whose name
        shares two topic words with it (by their first four letters; the words of range and
        basing say nothing), signed no later than the act. A moratorium on another topic ("on
        nuclear testing" for a missile-deployment moratorium) is none. A bare "the moratorium"
        is the one moratorium whose topic the article states elsewhere (``known``), when one
        of the sentence's actors pledged it."""
        m = _MORATORIUM_TOPIC.search(s, t0, c1 if c1 > t0 else len(s))
        if m is not None and m.start() > t0 + 60:
            m = None  # (the moratorium right after the trigger, not one further on)
        if m is None:
            bare = re.search(r"\b(?:the|its|this|that)\s+moratorium\b(?!\s+on\b)",
                             s[t0:min(len(s), t0 + 60)], re.I)
            if bare and known is not None and year is not None and \
                    self.signed_year.get(known, year) <= year and self.moratoria[known][0] in {
                        self.gazetteer.actor_code(e.key, year) for e in acts}:
                return _Ent("AGR", known, t0 + bare.start(), t0 + bare.end(), bare.group(0))
            return None
        topic = {w[:4] for w in re.findall(r"[a-z]+", m.group("topic").lower())
                 if len(w) >= 4 and w not in _TOPIC_STOP}
        codes = {self.gazetteer.actor_code(e.key, year) for e in acts} - {None}
        hits = [aid for aid, (pledger, words) in self.moratoria.items()
                if pledger in codes and len(topic & words) >= 2 and (
                    year is None or self.signed_year.get(aid, year) <= year)]
        if len(hits) == 1:
            return _Ent("AGR", hits[0], m.start(), m.end(), m.group(0))
        return None

    def _pledge_topic(self, s: str, acts: list[_Ent], year: int | None,
                      context: str) -> str | None:
        """(twelfth round) "China has broken its pledge", "failing to keep its promise": an
        undertaking named only by its kind is the record's one pledge or assurance given by
        one of the sentence's actors, given no later than the act, of which the article so far
        (``context``) holds two words of what was pledged ("militarise", "Spratly")."""
        words = {w[:5] for w in re.findall(r"[a-z]+", context.lower()) if len(w) >= 5}
        codes = {self.gazetteer.actor_code(e.key, year) for e in acts} - {None}
        hits = [aid for aid, (giver, topic) in self.pledges.items()
                if giver in codes and len(topic & words) >= 2 and (
                    year is None or self.signed_year.get(aid, year) <= year)]
        return hits[0] if len(hits) == 1 else None

    def _adaptations(self, s: str, agrs: list[_Ent], triggers: list[tuple[str, int, int, str]],
                     state: _State) -> list[_Ent]:
        """An agreement named as its adapted, amended or re-drafted version is the record's
        agreement adapting it ("refused to ratify the amended CFE", twenty-fourth round: with the
        parent's year, "an updated version of the 1990 CFE Treaty"); in a sentence saying it
        "was amended", every mention of it is the adaptation; an unnamed "re-drafted pact" is
        the adaptation of the agreement last named."""
        if not self.adapted:
            return agrs
        mod = r"\b(?:adapted|amended|revised|re-?drafted|modified|updated)\s+"
        amended = any(_AMENDED.match(s, t[1]) for t in triggers)
        out = [_Ent(e.label, self.adapted[e.key], e.start, e.end, e.text)
               if e.key in self.adapted and (amended or re.search(
                   mod + r"(?:version\s+of\s+(?:the\s+)?)?(?:(?:1[89]|20)\d\d\s+)?$",
                   s[max(0, e.start - 40):e.start], re.I)) else e for e in agrs]
        if not agrs and state.last_agreement and (
                base := self.adapted.get(state.last_agreement[0])) is not None:
            m = re.search(mod + r"(?:version|treaty|pact|agreement|accord|text)\b", s, re.I)
            if m:
                out = [_Ent("AGR", base, m.start(), m.end(), m.group(0))]
        return out

    def _new_agreement(self, s: str, t1: int, actors: tuple[str, ...],
                       when: str | None) -> str | None:
        """"signed a new strategic reductions treaty May 24": an agreement introduced as new (an
        indefinite treaty noun phrase after the signing, no name) is the one the record has
        signed on that date (to the day or month written) with those actors among its
        parties; None if not exactly one."""
        if when is None or len(when) < 7 or not actors or "*" in actors:
            return None
        hits = [aid for aid, d in self.signed_on.items() if d.startswith(when[:10]) and
                set(actors) <= self.parties.get(aid, frozenset())]
        return hits[0] if len(hits) == 1 else None

    def sentences(self, article: Article) -> list[str]:
        """The article's sentences, numbered as ``Candidate.sentence_index`` numbers them."""
        paras = _paragraphs(article.text)
        return [s.text for doc in self.nlp.pipe(c for _, c in paras) for s in doc.sents]

    # ------------------------------------------------------------------------------------
    def _sentence(self, article: Article, index: int, s: str, start: int, ents: list[_Ent],
                  state: _State, header: bool) -> list[Candidate]:
        g = self.gazetteer
        if not any(e.label == "AGR" for e in ents) and (
                desc := self._described_agreement(
                    s, int(state.month[:4]) if state.month else None) or
                self._possessive_agreement(s) or
                state.kind_desc.get(index)):
            ents = sorted([*ents, desc], key=lambda e: e.start)
        # (eleventh round) "the North", "the South" in an article that names North Korea: the
        # two Koreas ("The North confirmed U.S. suspicions", "the North's admission")
        if "the North" in s or "the South" in s or "The North" in s or "The South" in s:
            ents = sorted([*ents, *_korean_halves(s, article.text, ents)], key=lambda e: e.start)
        dates = find_dates(s, state.ref, state.last_year)
        # (twentieth round) a line that announces a list to follow ("Below is a short timeline
        # of violations of the treaty", "The following is a list of breaches") reports no act
        triggers = [] if header or _ANNOUNCES_LIST.match(s) else _find_triggers(s)
        if header or not triggers:
            day = [d for d in dates if len(d.value) == 10 and not d.relative]
            if header and day:
                state.ref = date.fromisoformat(day[-1].value)
            if header and not state.headline:
                voice = [e for e in ents if e.label == "ACT" and _institutional(g, e.key)]
                if voice:
                    state.voice = g.actor_code(voice[0].key, state.ref.year if state.ref
                                               else None)
            for e in ents:
                if e.label == "AGR":
                    state.last_agreement = (e.key, e.text)
                    state.last_agreement_at = index
            people = [e for e in ents if e.label == "ACT" and _is_person(g, e, s)]
            if people:
                state.last_person = g.actor_code(people[-1].key, state.ref.year if state.ref
                                                 else None)
            if _unknown_speaker(s, [e for e in ents if e.label == "ACT"], people):
                state.last_person = None
            _update_years(state, dates, ents)
            if not header:
                y1 = state.ref.year if state.ref else state.last_year
                state.prev_codes = tuple((c, e.start, e.end) for e in ents if e.label == "ACT"
                                         and (c := g.actor_code(e.key, y1)) not in (None, SIDES,
                                                                                    ARMED, E3, P5))
                state.prev_sentence = s
                state.prev_had_act = False
            self._note_quote(state, s, [e for e in ents if e.label == "ACT"])
            return []
        clauses = _clauses(s)
        # (twenty-second round) a wire dateline opening the sentence ("MOSCOW (Sputnik) — The
        # memorandum was signed ..."): its city is where the story was filed, not an actor
        wire = _WIRE_DATELINE.match(s)
        # "the Nuclear Nonproliferation Treaty Review Conference": a meeting, not the treaty
        ents = [e for e in ents if not (e.label == "AGR" and _BODY_AFTER.match(s[e.end:]))]
        agr_ents = _disambiguate([e for e in ents if e.label == "AGR"], s, dates, state,
                                 self.ended)
        # (eleventh round: a place in a "-based" compound locates another actor: "the
        # Lebanon-based armed group Hezbollah" is Hezbollah, not Lebanon)
        act_ents = _sides(s, _armed_groups(s, _european_trio(
            s, _restated(s, [e for e in ents if e.label == "ACT" and
                             not s.startswith("-based", e.end) and
                             not _GROUP_AFTER.match(s, e.end) and
                             not (wire and e.end <= wire.end())], g))))
        # "both sides", "the two Middle East powers": the last two actors named before, in
        # this sentence after its last complementiser, else in the previous sentence
        sides: tuple[str, ...] = ()
        if any(e.key == "both sides" for e in act_ents):
            e0 = next(e for e in act_ents if e.key == "both sides")
            # (eleventh round: not a relative "that" after a treaty noun, "a ceasefire that was
            # agreed by the two sides")
            lo = max((m.end() for m in _COMPLEMENT.finditer(s, 0, e0.start)
                      if not (m.group(0) == "that" and _TREATY_HEAD_END.search(s[:m.start()]))),
                     default=0)
            y0 = state.ref.year if state.ref else state.last_year
            here = [(c, e.start, e.end) for e in act_ents if lo <= e.start and
                    e.end <= e0.start and (c := g.actor_code(e.key, y0)) not in (None, SIDES,
                                                                                 ARMED, E3, P5)]
            sides = _pair(s, here) or _pair(state.prev_sentence, list(state.prev_codes))
            if not sides:
                # (not a mediator: "a Russia-brokered ceasefire")
                seen = [c for c, _, b in reversed(here + list(state.prev_codes))
                        if not re.match(r"-(?:brokered|mediated)", (s if (c, _, b) in here else
                                                                     state.prev_sentence)[b:])]
                sides = tuple(dict.fromkeys(seen))[:2]
            if len(sides) < 2:
                sides = ()
        agr_ents = self._adaptations(s, agr_ents, triggers, state)
        name_years = _name_years(s, dates, agr_ents)
        found: list[Candidate] = []
        sentence_alleger: str | None = None
        for i, (etype, t0, t1, ttext) in enumerate(triggers):
            if etype == "repeat":
                # "Russia followed suit": the act last reported, by a new actor
                if state.last_type is None:
                    continue
                etype = state.last_type
            c0, c1 = next(((a, b) for a, b in clauses if a <= t0 < b), (0, len(s)))
            nxt = triggers[i + 1][1] if i + 1 < len(triggers) else len(s)
            # "Extending the treaty ensures ...": a gerund opening the clause is no event
            if ttext.lower().endswith("ing") and not s[c0:t0].strip(" ,;:\"'“”("):
                continue
            # "Though the withdrawal was dramatic, the withdrawal was partly symbolic": a
            # definite event noun with no actor, agreement or date of its own refers back
            # ("The suspension is symbolic", "Podolyak said the suspension ...": no agreement
            # named, no "of"/"by", no date: the act already reported)
            if _NOMINAL.search(ttext.split()[-1]) and re.search(r"\b(?:the|this|that)\s+$",
                                                                s[max(0, t0 - 6):t0], re.I) and \
                    not any(e.label == "AGR" for e in ents) and not dates and \
                    not re.match(r"\s+(?:of|by|from)\b", s[t1:]) and (
                        not ents or state.last_type == etype):
                continue
            # (twenty-sixth round) "has honoured SALT II", "stuck to New START": an observance
            # verb of the lexicon whose object is a capitalised word, not a treaty noun, keeps
            # only where an agreement the record knows starts there (not "honoured Gorbachev")
            if etype == "kept" and " ".join(ttext.lower().split()) in _KEPT_FORMS and \
                    not _KEPT_NOUN_RE.match(s, t1) and _KEPT_NAME_RE.match(s, t1) and \
                    not any(t1 <= e.start < t1 + _CAP_RUN.match(s, t1).end()  # type: ignore[union-attr]
                            - t1 for e in agr_ents):
                continue
            # (thirty-fifth round) carrying an agreement out is an act only as told done or
            # doing ("started implementing the deal", "implemented its terms"): not as the bare
            # infinitive or after a preposition ("steps to implement", "agreed to start
            # implementing", "hesitating in implementing"), save after a commitment ("its
            # commitment for implementing", "committed to carrying out": kept, as "remains
            # committed to" is)
            if etype == "kept" and _CARRY_OUT.match(ttext) and \
                    _PURPOSE_BEFORE.search(s, 0, t0) and not _COMMITTED_BEFORE.search(s, 0, t0):
                continue
            # "Iran has been fully compliant with": only with a state (or "it", "they") as the
            # subject right before the copula (not "whether the actions of ... are compliant")
            if etype == "kept" and ttext.lower().startswith("compliant") and not (
                    (cop := _COPULA_BEFORE.search(s, 0, t0)) and (
                        re.search(r"\b(?:it|they)\s*$", s[:cop.start()], re.I) or any(
                            e.label == "ACT" and e.end == cop.start() and not _AFTER_PREP.search(
                                s, 0, e.start) for e in ents))):
                continue
            # "the limit, observed by both countries": only after a treaty term or treaty noun
            if etype == "kept" and re.match(r"(?:observed|respected|honou?red|upheld|adhered)\b",
                                            ttext, re.I) and s[max(0, t0 - 2):t0] == ", " and \
                    not re.search(r"\b(?:limits?|ceilings?|caps?|thresholds?|terms|provisions|"
                                  r"ban|moratorium|treaty|agreement|accords?|deal|pact|ceasefire|"
                                  r"truce|memorandum|protocol|convention|obligations|commitments)"
                                  r"\s*,\s*$", s[max(0, t0 - 40):t0], re.I) and not any(
                        e.end == t0 - 2 for e in agr_ents):
                continue
            # "The plan was abandoned by NATO": the passive of ending needs a treaty (named, or a
            # treaty noun) as its subject
            if etype == "withdrew" and ttext.lower() in _PASSIVE_END and re.search(
                    r"\b(?:was|were|been)\s+$", s[c0:t0]) and not any(
                    c0 <= e.start and e.end <= t0 for e in agr_ents) and not _ANAPHOR.search(
                    s[c0:t0]):
                continue
            # domestic act ("Putin signed the law") or withdrawal of forces: not a treaty act
            if etype == "signed" and _DOMESTIC.match(s[t0:]):
                continue
            # extent in space: "the ceasefire line extended to point NJ9842", "the zone extends
            # from the coast to the border" (a line, border or area as subject)
            if etype == "extended" and not _NOMINAL.search(ttext.split()[-1]) and (
                    _SPATIAL_SUBJECT.search(s[c0:t0]) or _SPATIAL_EXTENT.match(s, t1)):
                continue
            of_actor = re.match(r"^\s+of\s+(?:the\s+)?", s[t1:])
            if etype == "withdrew" and _WITHDRAW_OBJECT.match(s[t1:]) and not any(
                    t1 <= e.start < t1 + 40 for e in ents if e.label == "AGR") and not (
                    of_actor and any(e.start == t1 + of_actor.end() and not re.match(
                        r"\s+(?!(?:from|and|in|on|at|to|as|after|before|was|is|had|has|would|"
                        r"will|last|this|that|under)\b)[a-z]", s[e.end:])
                                     for e in ents if e.label == "ACT")) and not \
                    re.match(rf"^\W*of\s+{_AGREEMENT_NP}", s[t1:], re.I):
                continue
            # "withdrew a significant amount of weaponry": a verb with a direct object that is
            # neither an agreement nor an actor withdraws that thing, not from a treaty; under a
            # ceasefire (the record's kind) pulling weapons back is its observance
            pulled_back = False
            if etype == "withdrew" and _WITHDRAW_VERB.fullmatch(ttext):
                obj = re.match(r"^\s+([^,;:.]*?)(?=\s+(?:from|to|under|in\s+(?:line|accordance)|"
                               r"as|after|before|since|on|by)\b|[,;:.]|$)", s[t1:])
                if obj and obj.group(1) and not re.match(_NOT_OBJECT, obj.group(1)) and not any(
                        t1 <= e.start < t1 + obj.end() for e in ents) and not re.search(
                        _TREATY_NOUN, obj.group(1), re.I) and not re.match(
                        rf"^\s*(?:from\s+)?{_AGREEMENT_NP}|^\s*from\s+(?:the\s+)?(?-i:[A-Z])",
                        s[t1 + obj.end():], re.I):
                    pulled_back = True
            # "withdrawal from the Commonwealth of Independent States": from a named body that
            # is not an agreement of the record
            # (also "withdrawing from the wider Middle East": a place, with its adjectives)
            frm = re.match(r"^\s+from\s+(?:the\s+)?(?:(?!(?:landmark|key|bilateral|"
                           r"multilateral|nuclear|arms|peace|new|old|original|historic|"
                           r"international|global|strategic|former|same|so-called)\b)"
                           r"[a-z][\w-]*\s+){0,2}?(?=[A-Z])", s[t1:])
            if etype == "withdrew" and frm and not any(
                    t1 <= e.start <= t1 + frm.end() + 60 for e in ents if e.label == "AGR") and \
                    not re.match(rf"^[^,;.]{{0,60}}?{_TREATY_NOUN}", s[t1 + frm.end():], re.I) and \
                    not re.match(r"^[A-Z0-9-]{2,}\b", s[t1 + frm.end():]):
                continue
            # "whereby Iran suspended its nuclear programs": a verb of suspension with a direct
            # object that is neither an agreement nor a treaty obligation, and no agreement
            # named after it in the clause, suspends that activity, not a treaty
            if etype == "suspended" and re.fullmatch(r"suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|"
                                                     r"freez(?:e|es|ing)|froze", ttext, re.I):
                obj = re.match(r"^\s+([^,;:.]*?)(?=\s+(?:from|to|under|in|as|after|before|since|"
                               r"on|by|for|until|with)\b|[,;:.]|$)", s[t1:])
                if obj and obj.group(1) and not re.match(_NOT_OBJECT, obj.group(1)) and not \
                        re.search(_TREATY_NOUN + r"|\b(?:implementation|compliance|commitments?|"
                                  r"part|parts|provisions?|clauses?)\b", obj.group(1), re.I) and \
                        not any(t1 <= e.start < c1 for e in agr_ents) and not _ANAPHOR.search(
                            s[t1:c1]) and not (re.fullmatch(
                                r"(?:it|them)(?:\s+(?:too|also|again|as\s+well|altogether|"
                                r"indefinitely|entirely|formally))?", obj.group(1), re.I) and
                                               index - state.last_agreement_at <= 2 and
                                               not _np_before(s, t0)):
                    continue
            # "announced the suspension of Washington's joint military exercises": the noun with
            # an object that is no agreement, treaty noun or obligation suspends that activity
            if etype == "suspended" and ttext.lower() == "suspension":
                obj = re.match(r"^\s+of\s+([^,;:.]*?)(?=\s+(?:from|to|under|in|as|after|before|"
                               r"since|on|by|for|until|with)\b|[,;:.]|$)", s[t1:])
                if obj and not any(t1 <= e.start < t1 + obj.end() for e in agr_ents) and not \
                        re.search(_TREATY_NOUN + r"|\b(?:implementation|compliance|commitments?|"
                                  r"part|parts|provisions?|clauses?|participation)\b",
                                  obj.group(1), re.I) and not _ANAPHOR.search(obj.group(1)):
                    continue
            # "suspended consideration of the treaty": a procedure, not the treaty
            if etype == "suspended" and re.match(
                    r"^\s+(?:its\s+|the\s+|their\s+)?(?:consideration|debate|discussions?|"
                    r"deliberations?|votes?|voting|hearings?|sessions?|talks|negotiations)\b",
                    s[t1:], re.I):
                continue
            # (nineteenth round) "The law came into effect that day", "His decree entered into
            # force": a domestic law's or decree's own entry into force, not an agreement's
            if etype in ("entered_into_force", "expired") and not any(
                    c0 <= e.start < t0 for e in agr_ents) and re.search(
                    r"\b(?:laws?|decrees?|bills?|legislation|statutes?|ordinances?)\s+"
                    r"(?:[\w,]+\s+){0,2}?$", s[c0:t0], re.I):
                continue
            if etype == "entered_into_force" and any(
                tt in ("withdrew", "suspended", "extended") and c0 <= a < t0
                for tt, a, _, _ in triggers[:i]
            ):
                continue  # "the withdrawal took effect", "an extension ... entered into force"
            under_ceasefire: str | None = None
            if etype == "hostile_act_during_talks" and _PASSIVE.search(s, 0, t0) and \
                    not re.match(r"\s+(?:\S+\s+){0,6}?by\b", s[t1:]):
                # (fourteenth round) "the republics have been shelled overnight": the subject of
                # a passive attack is its target, and with no agent it names no attacker
                continue
            if etype == "hostile_act_during_talks":
                # only an attack said to happen during a negotiation the record tracks, or
                # one dated after the ceasefire the article is about (its breach)
                if not _DURING_TALKS.search(s):
                    under_ceasefire = self._ceasefire_in_force(s, t0, dates, agr_ents, state)
                    if under_ceasefire is None:
                        continue
                    etype = "violation_alleged"
            # agreements
            after = [e for e in agr_ents if t1 <= e.start < min(c1, max(nxt, t1 + 1))]
            # "other understandings that have been signed between ...": the act of agreements
            # set apart from the one named, not of it (unless one is named after the act)
            # (not one coordinated with the named: "the INF Treaty and the other agreements")
            if etype in _SYMMETRIC and not after and (
                    om := _OTHER_AGREEMENTS.search(s, max(0, t0 - 80), t0)) and not any(
                        re.fullmatch(r",?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?",
                                     s[e.end:om.start()]) for e in agr_ents):
                continue
            if etype == "signed":
                passive_subject = [e for e in agr_ents if c0 <= e.start < t0] if re.search(
                    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?$", s[c0:t0]) else [
                    e for e in agr_ents if re.fullmatch(r"\s*,\s*", s[e.end:t0])]
                after = [e for e in after if e.start - t1 < 40]
                # (also a zero relative with a pronoun subject: "the Agreement it signed with
                # North Korea in 2018")
                rel = [e for e in agr_ents if re.fullmatch(r",?\s*which\s+(?:\w+\s+){0,6}|\s+"
                                                            r"(?:it|they)\s+(?:\w+\s+){0,1}",
                                                            s[e.end:t0])]
                # "The treaty was signed by ...": an anaphor as the passive subject
                anaphoric = bool(re.search(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?$", s[c0:t0])
                                 and _ANAPHOR.search(s[c0:t0])) or bool(
                    # (twenty-second round) "The document was signed by ...": the text an
                    # article has named, as a passive subject of signing
                    etype == "signed" and re.match(
                        r"\s*(?:The|This|That)\s+document\s+(?:was|had\s+been|has\s+been)\s+"
                        r"(?:\w+ly\s+)?$", s[c0:t0])) or bool(
                    _TREATY_HEAD_END.search(s[c0:t0])) or bool(
                    # a reduced relative: "The treaty, signed by Washington and Moscow in 1987,"
                    re.search(rf"{_AGREEMENT_NP}\s*,\s*$", s[c0:t0], re.I)) or bool(
                    # a zero relative: "a military agreement it signed with Pyongyang"
                    re.search(rf"{_AGREEMENT_NP}\s+(?:it|they)\s+$", s[c0:t0], re.I)) or bool(
                    # (eleventh round) a relative's passive: "breaching a ceasefire that was
                    # agreed by the two sides", "the deal, which was reached in Doha"
                    re.match(r"(?:was|were|ha[sd]\s+been|have\s+been)\s", ttext, re.I) and
                    re.search(rf"{_AGREEMENT_NP}\s*,?\s+(?:that|which)\s+$", s[c0:t0], re.I))
                if not after and not passive_subject and not rel and not anaphoric and not \
                        re.match(r"^,?\s+(?:in|on|at)\b", s[t1:]) and not \
                        re.match(r"^\s+(?:but|and)\s+(?:has\s+)?(?:not|never)\s+(?:yet\s+)?"
                                 r"ratif", s[t1:]) and not \
                        re.match(rf"^\s+{_AGREEMENT_NP}", s[t1:], re.I) and not \
                        _SIGNED_DOCUMENT.match(s, t1) and not \
                        re.match(r"^\s*Signed\b", s) and not _CONSENT.match(s, t0):
                    continue
                if not after and passive_subject:
                    after = passive_subject
                elif not after and rel:
                    after = rel
            in_clause = [e for e in agr_ents if c0 <= e.start < c1]
            # (nineteenth round) a treaty the record does not hold, named in the act's clause
            # with no record agreement there ("Ford signed the Peaceful Nuclear Explosions
            # Treaty in 1976"): its act, not one to resolve to another agreement
            if not in_clause and not after and _PROPER_TREATY.search(s, c0, c1):
                continue
            # "signed a new strategic reductions treaty": an indefinite treaty noun phrase after
            # the signing, no name in it, introduces an agreement (resolved by date below)
            new_np = re.match(r"\s+(?:a|an)\s+(?:new\s+)?(?:[\w'’-]+\s+){0,4}?(?:treaty|agreement|"
                              r"accord|pact|deal|convention|protocol)\b", s[t1:], re.I) \
                if etype == "signed" else None
            if new_np and any(t1 <= e.start < t1 + new_np.end() for e in agr_ents):
                new_np = None
            year0 = next((d.year for d in dates if not d.deadline), None) or (
                state.ref.year if state.ref else None)
            conf = 0.9
            discourse = False
            # "Libya has agreed to destroy its chemical weapons", "North Korea pledged to ...",
            # no agreement named in the sentence: the record's one agreement of the subject
            # concluded in the act's month (checked again below as every consent is)
            pledged = self._pledge_agreement(s, t0, c0, dates, act_ents, state) if (
                etype == "signed" and not agr_ents and new_np is None and
                _CONSENT.match(s, t0)) else None
            # (twelfth round) an undertaking named by its kind: the record's pledge whose topic
            # the article holds; with none, a promise of something else ("broke its promise to
            # pensioners") is no agreement, a bare one ("live up to its promises") is read as
            # any treaty noun is
            pledge_np = _PLEDGE_NOUN.search(s, t0, t1 + 40) if (
                etype in ("violation_alleged", "kept") and not in_clause and not after) else None
            given = self._pledge_topic(s, act_ents, year0 or state.last_year,
                                       article.text[:start + len(s)]) if pledge_np else None
            if pledge_np and given is None and re.match(r"\s+(?:not\s+|never\s+)?to\b",
                                                        s[pledge_np.end():]):
                continue
            mor = self._moratorium_topic(s, t0, c1, act_ents, year0 or state.last_year,
                                         state.moratorium) if (
                re.search(r"\bmoratori", s[t0:t1 + 40], re.I)) else None
            if mor is not None:
                # (twelfth round) a moratorium by its topic, before one read by its kind alone
                agrs = [mor]
                conf -= 0.2
            elif etype == "withdrew" and not in_clause and not after and re.search(
                    r"\bmoratori", s[t0:t1 + 40], re.I):
                # a moratorium ended with no agreement named and no topic of the record's: none
                # (never the article's last agreement: "ended its moratorium on testing")
                continue
            elif given is not None:
                # (twelfth round) "its pledge" of an actor the record holds one pledge of
                agrs = [_Ent("AGR", given, -1, -1, "pledge")]
                conf -= 0.2
            elif under_ceasefire is not None:
                agrs = [_Ent("AGR", under_ceasefire, -1, -1, "ceasefire")]
            elif pledged is not None:
                agrs = [_Ent("AGR", pledged, -1, -1, "pledge")]
                conf -= 0.3
            elif etype == "hostile_act_during_talks":
                agrs = []  # resolved below, once actor and year are known
            elif new_np is not None:
                agrs = [_Ent("AGR", "", -1, -1, new_np.group(0).strip())]  # resolved below
            elif after and etype in ("violation_alleged", "signed", "withdrew", "suspended",
                                     "ratified", "extended"):
                agrs = after
            elif in_clause:
                agrs = [min(in_clause, key=lambda e: abs(e.start - t0))]
            elif agr_ents:
                agrs = [min(agr_ents, key=lambda e: abs(e.start - t0))]
                conf -= 0.05
            elif state.last_agreement and (
                _ANAPHOR.search(s) or state.since_agreement <= 2 or (
                    # "Washington accused Moscow of violating it": the pronoun object is the
                    # agreement of the sentence before (in another paragraph too)
                    index - state.last_agreement_at <= 2 and re.match(
                        r"\s+(?:it|them)\b(?!\s+(?:is|was|would|will|has|had|to)\b)", s[t1:]) and
                    not _np_before(s, t0))
            ):
                aid, atext = state.last_agreement
                agrs = [_Ent("AGR", aid, -1, -1, atext)]
                conf -= 0.2
            elif _ANAPHOR.search(s) and (later := [n for n in state.named if n[0] > index]):
                # named only further on: "a key Cold War-era missile treaty" (cataphora)
                agrs = [_Ent("AGR", later[0][1], -1, -1, later[0][2])]
                conf -= 0.25
            elif len({n[1] for n in state.named}) == 1 and (
                    etype != "violation_alleged" or _TREATY_TALK.search(s) or (
                        # in an article about one ceasefire, "accused Pakistan of repeated
                        # violations" (no object of its own) breaks it
                        g.kinds.get(state.named[0][1]) == "ceasefire" and not re.match(
                            r"[\"”’]?\s+(?:of|against|on|in)\b", s[t1:]))):
                # an article about one agreement: an act with treaty language and no agreement
                # named is under it ("It remains in material breach of its obligations")
                n0 = state.named[0]
                agrs = [_Ent("AGR", n0[1], -1, -1, n0[2])]
                conf -= 0.3 if n0[0] >= 0 else 0.4
            elif (generic := self._generic_agreement(s, act_ents, year0 or state.last_year,
                                                     sides)) \
                    is not None:
                # "the nuclear deal" with nothing named: the one agreement of the record whose
                # names contain the phrase ("Iran nuclear deal")
                agrs = [generic]
                conf -= 0.3
            elif (near := self._near_antecedent(s, t0, t1, etype, index, state)) is not None:
                # (thirty-eighth round, part two) a bare act ("the breaches went on all
                # winter", "ratification followed within a week") right after the article's
                # main agreement was named, across a paragraph break: under it
                agrs = [near]
                conf -= 0.3
                discourse = True
            else:
                continue
            # (thirty-second round) a document signed that is not the agreement named after it:
            # "signed a Joint Statement on Principles of Strategic Stability that mentioned
            # ratifying the CTBT", "signed a declaration supporting the CTBT" — the signing is
            # of the statement (unless the agreement's own name is the document's: "signed the
            # Joint Declaration on the Denuclearization of ...", or the document is one of
            # accession: "signed the declaration of accession to the NPT"; nor when the
            # agreement is named in a clause of its own: "Georgia signed the document on
            # Friday, and Russia signed the peace plan")
            if etype == "signed" and agrs and agrs[0].start >= t1 and \
                    re.search(r"\bsign", ttext, re.I) and \
                    (dm_doc := _DOCUMENT_OBJECT.match(s, t1)) is not None and \
                    agrs[0].start >= dm_doc.end() and not any(
                        t1 <= e.start < dm_doc.end() for e in agr_ents) and \
                    not _ACCESSION_WORDS.search(s, dm_doc.end(), agrs[0].start) and \
                    not re.search(r";|,\s*(?:and|but|while|whereas)\b|\bsign",
                                  s[dm_doc.end():agrs[0].start], re.I):
                continue
            # (thirty-second round) consent to a named agreement ("agreed on the Sochi
            # memorandum") is a signing only when the name is the consent's whole object: not
            # "agreed to the JCPOA talks", "agreed on the ABM Treaty's future"
            named_consent = False
            if etype == "signed" and ttext.lower() == "agreed" and \
                    (cn := _CONSENT_NAMED.match(s, t1)) is not None and \
                    re.match(r"(?-i:[A-Z])", s[cn.end():cn.end() + 1]) and \
                    not _CONSENT_TO_DO.match(s, t1):
                if not (agrs and agrs[0].start >= t1 and
                        _CONSENT_OBJECT.fullmatch(s, t1, agrs[0].start) and
                        not _NAME_AS_MODIFIER.match(s, agrs[0].end)):
                    continue
                named_consent = True
            if pulled_back:
                if not agrs or g.kinds.get(agrs[0].key) != "ceasefire":
                    continue
                etype = "kept"
            # date
            # a date belongs to the nearest trigger: in "ratified it in 2000 and de-ratified it
            # in 2023" each act keeps the date between it and the next act
            prev_end = triggers[i - 1][2] if i > 0 and triggers[i - 1][1] >= c0 else c0
            flipped = False
            if etype == "kept" and _NEG.search(_tail_words(
                    s[max(c0, _last_actor_end(act_ents, t0, c0)):t0], 10)):
                # negated compliance is an alleged violation: "has not lived up to its
                # obligations"
                etype, flipped = "violation_alleged", True
            failed = None
            if etype == "kept" and (failed := re.search(
                    r"\bfail(?:ed|s|ing|ure)?\s+to\s+(?:\w+ly\s+)?$", s[c0:t0], re.I)):
                # failed compliance too: "had failed to live up to their commitment", "the
                # failure to abide by" (the failure is stated; a modal before it still rules)
                etype, flipped = "violation_alleged", True
            dm = None
            # (nineteenth round) "voted to denounce the treaty starting from April 1, 2019": a
            # date of effect after the act is not the date of an act done (a modal act keeps
            # it; a fronted one is the act's: "As of 1 June, the United States has suspended")
            adates = dates if etype in ("entered_into_force", "expired") or re.search(
                r"\b(?:will|would|shall|could|may|might|wo|to\s+be)\b", s[c0:t0], re.I) else [
                d for d in dates if d.start < t1 or not _EFFECT_FROM.search(
                    s, max(0, d.start - 30), d.start)]
            for span in ((t1, nxt), (prev_end, t0)) if i > 0 or nxt < len(s) else ():
                own = [d for d in adates if span[0] <= d.start < span[1] and not _SCHEDULED
                       .search(s[max(0, d.start - 40):d.start])]
                dm = _pick_date(own, name_years, t0, c0, c1, s, etype != "violation_alleged")
                if dm is not None:
                    break
            if dm is None:
                # not a date inside the next act's relative clause ("suspended part of the
                # agreement it signed with Pyongyang in 2018": 2018 is the signing's)
                rel_next = nxt < len(s) and bool(re.search(
                    rf"(?:\bwhich|\bthat|{_TREATY_NOUN}|[A-Z][\w-]*)\s+(?:it|they)\s+(?:\w+\s+)?$",
                    s[max(t1, nxt - 40):nxt], re.I))
                rel_date = next((d for d in dates if d.start >= nxt), None) if rel_next else None
                dm = _pick_date([d for d in adates if d is not rel_date],
                                name_years, t0, c0, c1, s, etype != "violation_alleged")
            # (thirty-ninth round) "Russia announced the termination of the INF treaty signed in
            # 1987", "accused the other of violating the agreement, which was signed in 1987":
            # a year the agreement's own signing phrase gives is not the date of another act
            # (nor the year its actors are read in: Russia, not the Soviet Union)
            if dm is not None and etype in _AFTER_SIGNING and _SIGNING_DATE.search(
                    s, max(0, dm.start - 90), dm.start) and not any(
                    t0 <= m.start() < t1 for m in _SIGNING_DATE.finditer(
                        s, max(0, dm.start - 90), dm.start)):
                dm = None
            if dm is None:
                # "withdrew on Friday, six months after it suspended its obligations": counted
                # back (or on) from the main clause's date
                gap = re.search(r"\b(\w+)\s+(months?|years?)\s+(after|before)\s+(?:\S+\s+){0,3}$",
                                s[c0:t0])
                base = [d for d in dates if d.end <= c0 + gap.start() and len(d.value) >= 7] \
                    if gap else []
                n = _NUMBERS.get(gap.group(1).lower()) if gap else None
                if gap and base and n:
                    sign = -1 if gap.group(3).lower() == "after" else 1
                    months = n * (12 if gap.group(2).lower().startswith("year") else 1)
                    b0 = date.fromisoformat(base[-1].value[:7] + "-01")
                    d1 = _shift_months(b0, sign * months)
                    dm = DateMention(c0 + gap.start(), c0 + gap.end(),
                                     f"{d1.year:04d}-{d1.month:02d}", relative=True)
            if dm is None and state.last_date and (carried := _CARRIED.match(s)) and \
                    carried.end() <= t0:
                # "The next day, Russia suspended it", "A month later", "Later that year": a
                # date counted from the last one the article gave
                dm = _carry_date(state.last_date, carried)
            if dm is None and etype == "signed":
                dm = next((d for d in name_years), None)
            if dm is None and state.ref is not None and (etype in _ACTS and (_PRESENT.search(
                    s[c0:t0]) or re.search(r"\b(?:is|are|was|were)\s+(?:mov|go|press)\w*\s+ahead\s+"
                                           r"(?:to|with)\s+$", s[c0:t0], re.I)) or
                    etype == "kept" and _EFFORT.search(s[c0:t0])):
                # (eleventh round: and an effort in progress to keep an agreement, "Turkey,
                # trying to honor the Sochi agreement, ...")
                # news convention: an act in the present perfect or progressive under a
                # dateline ("has decided to stop", "is suspending") is of the dateline's month
                dm = DateMention(t0, t0, f"{state.ref.year:04d}-{state.ref.month:02d}",
                                 relative=True)
            # an undated act: the dateline year, else the present reading of names (not the
            # year last mentioned: "signed in 1987 ... Russia has not taken the steps")
            if dm is None and state.ref is None and state.month and _WEEKDAY.search(s[c0:c1]):
                # "said on Wednesday" under a dateline of month and year ("April 2025"): that month
                dm = DateMention(t0, t0, state.month, relative=True)
            year = dm.year if dm else (state.ref.year if state.ref else None)
            # "refused to ratify the treaty" years after it entered into force, when the record
            # has an adaptation of it signed by then: the adaptation is what awaits ratification
            # (an undated one by the dateline's year)
            year_ad = year if year is not None else (int(state.month[:4]) if state.month
                                                     else None)
            if etype in ("ratified", "not_ratified") and year_ad is not None:
                agrs = [_Ent(e.label, self.adapted[e.key], e.start, e.end, e.text)
                        if e.key in self.adapted and self.in_force.get(e.key, 9999) < year_ad and
                        int(self.signed_on.get(self.adapted[e.key], "9999")[:4]) <= year_ad
                        else e for e in agrs]
            # (seventeenth round) "The Memorandum was signed on October 20, 2015" read as an
            # agreement of another year (an anaphor, not a name in the sentence: "On Dec. 5, 1994,
            # Ukraine accedes to the NPT" is the NPT's): the record's one agreement signed on
            # that very day is the one meant
            if etype in ("signed", "entered_into_force") and dm is not None and \
                    len(dm.value) == 10 and agrs and \
                    not any(e.key == agrs[0].key for e in agr_ents) and \
                    self.signed_on.get(agrs[0].key, dm.value)[:4] != dm.value[:4] and \
                    len(on_day := self.signed_by_day.get(dm.value, ())) == 1:
                agrs = [_Ent(agrs[0].label, on_day[0], agrs[0].start, agrs[0].end,
                             agrs[0].text), *agrs[1:]]
            # "the CFE Treaty signed in Istanbul in November 1999": a signing dated on its
            # adaptation's date of signature (to the month), not its own, is the adaptation's
            if etype == "signed" and dm is not None and len(dm.value) >= 7:
                agrs = [_Ent(e.label, self.adapted[e.key], e.start, e.end, e.text)
                        if e.key in self.adapted and
                        self.signed_on.get(self.adapted[e.key], "").startswith(dm.value[:7]) and
                        not self.signed_on.get(e.key, "").startswith(dm.value[:4]) else e
                        for e in agrs]
            # (nineteenth round) an agreement told in common words with a year of signature
            # that is not the record's ("a test-ban agreement signed in the 1960s", resolved
            # to one of 1974): an agreement the record does not hold (the act's own verb, or
            # the act's object right after it)
            if agrs and not any(e.key == agrs[0].key and e.text != e.text.lower()
                                for e in agr_ents) and (dy := next(
                    (m for m in _DESCRIBED_YEAR.finditer(s, c0, c1)
                     if m.start() <= t0 < m.end() or 0 <= m.start() - t1 <= 40), None)):
                y0, decade = int(dy.group(1)), bool(dy.group(2))
                sy = self.signed_year.get(agrs[0].key)
                if sy is not None and not (y0 <= sy <= y0 + 9 if decade else sy == y0):
                    continue
            # consent stated as an act is the signing only on the record's date of signature
            # (to the month; an undated one by the dateline's month)
            if etype == "signed" and _CONSENT.match(s, t0):
                when = dm.value if dm else state.month
                # (a year alone will do for an agreement named in the sentence: "Under the
                # Algiers Accords, the United States pledged in 1981 not to intervene")
                named_here = bool(agrs and any(e.key == agrs[0].key for e in agr_ents))
                # (fifteenth round) in an article with no dateline, "reached an agreement on
                # <a description of one agreement>": the trigger's own noun is the agreement,
                # so the consent is its conclusion, with no date to check it against
                # (thirty-second round: so is consent whose whole object is the agreement's
                # name, "have agreed on a 'Framework for Elimination of ...'")
                own_noun = bool(state.ref is None and not state.month and agrs and (
                    named_consent or t0 <= agrs[0].start < t1 and
                    re.match(r"(?:reached|struck|concluded|clinched|sealed)\s", ttext, re.I)))
                if not own_noun and (not when or len(when) < (4 if named_here and dm else 7) or
                                not agrs or not self.signed_on.get(agrs[0].key, "").startswith(
                                    when[:4] if named_here and dm else when[:7])):
                    continue
                if dm is None and when:
                    dm = DateMention(t0, t0, when[:7], relative=True)
            # actors
            actors: tuple[str, ...]
            if etype in ("entered_into_force", "expired") or (
                    etype == "kept" and re.search(
                        r"\s(?:been|is|are|was|were)\s|\s(?:held|holding)$", ttext)):
                actors, how = ("*",), "parties"  # an act of the agreement itself
            elif ttext.lower().startswith("anniversary"):
                actors, how = ("*",), "parties"  # (twenty-fifth round) its signing
            else:
                actors, how = _actors(s, etype, t0, t1, c0, c1, act_ents, g, year)
            if under_ceasefire is not None and (frm := re.match(
                    r"\s+(?:by|from)\s+(?:the\s+)?", s[t1:])):
                # "attacks from Azerbaijan": the attacker after the noun, not the reporter
                agent = [e for e in act_ents if e.start == t1 + frm.end()]
                code = g.actor_code(agent[0].key, year) if agent else None
                if code is None:
                    continue
                actors, how = (code,), "agent"
            if under_ceasefire is not None and not any(
                    a in g.parties.get(under_ceasefire, ()) or a in NON_STATE or a == ARMED
                    for a in actors):
                # an attack by a state outside the ceasefire ("Israeli jets struck Syria" in
                # an article on the Lebanon truce) is no breach of it
                continue
            if etype == "extended" and how in ("", "sentence"):
                actors, how = ("*",), "parties"
            if etype == "signed" and agrs and re.search(
                    r"\b(?:pledges?|promises?|commitments?|undertakings?|obligations?)\s+made$",
                    ttext, re.I) and (re.match(
                        r"\s+(?:in|under|at|through)\s+(?:the\s+)?(?:[\w,'’-]+\s+){0,5}?$",
                        s[t1:agrs[0].start]) if agrs[0].start > t1 else re.match(
                        r"\s+(?:in|under|at|through)\s+(?:the\s+)?(?:[\w,'’-]+\s+){0,5}?"
                        r"(?:statement|declaration|agreement|accord|treaty|protocol|memorandum|"
                        r"communiqu\w+|deal|pact|framework)\b", s[t1:], re.I)):
                # (twenty-second round) "the commitments made in the 19 September 2005 joint
                # statement", "the pledges made under the Minsk protocol": undertakings the
                # agreement holds, made by its parties (not the subject of the clause that
                # urges or reports them); "made by Iran in" keeps its agent
                actors, how = ("*",), "parties"
            # (fifteenth round) "the United States and others agreed to provide": an actor list
            # closed by "and others" names only part of the actors, so no set is read from it
            if how not in ("parties", "modifier") and any(
                    e.end <= t0 and _AND_OTHERS.match(s, e.end) and g.actor_code(e.key, year)
                    in actors for e in act_ents):
                continue
            # "the ceasefire agreed with Hezbollah", "the agreements reached earlier": an
            # undated reduced relative with no agent identifies the agreement, it reports no act
            if etype == "signed" and how == "parties" and dm is None and re.fullmatch(
                    r"agreed|reached|struck|concluded", ttext, re.I):
                continue
            # 4. the reporter is not the accused: "the State Department detailed ... noncompliance"
            subj_end = max((e.end for e in act_ents if e.end <= t0 and
                            g.actor_code(e.key, year) in actors), default=0)
            # (also an actor taken from anywhere in the sentence: "The Europeans had failed to
            # live up to their commitments, Iran said" is not Iran's)
            # (fourteenth round: not an attack, which its reporter may admit: "the Israeli
            # military said the country's air force had struck ...")
            if etype == "violation_alleged" and len(actors) == 1 and actors[0] != SIDES and (
                    under_ceasefire is None) and (
                    (how == "subject" and _REPORT.search(s, subj_end, t0)) or how == "sentence"):
                rep0 = _reporter(s, t0, act_ents, g, year)
                if rep0 == actors[0]:
                    codes_ = [g.actor_code(e.key, year) for e in act_ents
                              if not _PREP.search(s[max(0, e.start - 25):e.start])]
                    other = [x for x in codes_ if x and x != rep0]
                    if not other:
                        # "Moscow says the deployment of U.S. launchers violates": an actor
                        # inside the reported clause's subject
                        rv = _REPORT.search(s, 0, t0)
                        other = [c for c in (g.actor_code(e.key, year) for e in act_ents
                                             if rv and rv.end() <= e.start and e.end <= t0)
                                 if c and c != rep0][:1]
                    if other:
                        actors, how = (other[0],), "sentence"
                    elif _UNSPECIFIED.search(s):
                        continue  # "reported the violation ... but did not specify which side"
                    elif state.last_actors and state.last_actors != (rep0,):
                        actors, how = state.last_actors, "pronoun"
                    else:
                        actors, how = (), ""
            if etype == "signed" and ttext.lower() == "signing" and how not in ("modifier",
                                                                                 "agent"):
                # "led to the signing of the INF Treaty in 1987": the agreement's parties
                sof = re.match(r"^\s+of\s+(?:the\s+)?", s[t1:])
                # (not a time reference: "after the signing of the Convention in 1972")
                if not (sof and agrs and agrs[0].start == t1 + sof.end()) or re.search(
                        r"\b(?:after|before|since|until|following|prior\s+to|at|during|ahead\s+of)"
                        r"\s+(?:the\s+)?$", s[max(0, t0 - 20):t0], re.I):
                    continue
                actors, how = ("*",), "parties"
            if not actors and (re.search(r"\bwhich\s+(?:it|they)\s+(?:\w+\s+){0,2}$", s[c0:t0]) or (
                    any(re.fullmatch(r"\s+(?:it|they)\s+(?:\w+\s+){0,1}", s[e.end:t0])
                        for e in agr_ents) or re.search(
                        rf"{_AGREEMENT_NP}\s+(?:it|they)\s+(?:\w+\s+){{0,1}}$", s[c0:t0], re.I))):
                main = _main_subject(s, act_ents, g, year)
                if main:
                    partner = [e for e in act_ents if t1 <= e.start < c1 and re.search(
                        r"\bwith\s+(?:the\s+)?$", s[max(t1, e.start - 12):e.start])]
                    actors = main + tuple(c for c in (g.actor_code(e.key, year)
                                                      for e in partner[:1]) if c and c not in main)
                    how = "pronoun"
            if not actors and re.search(r"\b(?:that|said|announced)\s+(?:it|they|he|she)\s+"
                                        r"(?:\w+\s+){0,3}$", s[c0:t0]):
                rep1 = _reporter(s, t0, act_ents, g, year)
                if _DENY.search(s[c0:t0]):
                    # "Russia rejected U.S. claims that it had violated": the denier is "it"
                    main = _main_subject(s, act_ents, g, year)
                    rep1 = main[0] if main else rep1
                if rep1:
                    actors, how = (rep1,), "pronoun"
            if len(actors) < 2 and etype == "violation_alleged" and re.search(
                    _RECIPROCAL, s[c0:t0]):
                # "X and Y reported casualties, while accusing each other of violating": the
                # main clause's subjects
                main = tuple(dict.fromkeys(c for c in (
                    g.actor_code(e.key, year) for e in act_ents if e.end <= c0 and
                    not _PREP.search(s[max(0, e.start - 25):e.start])) if c))
                if len(main) >= 2:
                    actors, how = main, "subject"
            if not actors and how == "relative":
                continue  # (twentieth round) a subject no actor names, an actor in its relative
            if not actors:
                # "he said" in an institution's own text is its principal (the voice)
                speaker = _quote_speaker(s, act_ents, g, year, state.voice or state.last_person)
                # the act inside a quotation the previous sentence opened
                quoted_on = state.quote_speaker is not None and not re.search(r"[\"“”]", s[:t0])
                if quoted_on:
                    speaker = speaker or state.quote_speaker
                if found and c0 > 0 and re.fullmatch(
                        r"\s*(?:(?:has|have|had|did|does|do|was|were|is|are)\s+)?(?:(?:not|never|"
                        r"yet|also|then|later|\w+ly)\s+)*", s[c0:t0]) and not _PASSIVE.search(
                        s[c0:t0]) and not re.search(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?\w+ed\b",
                                                    s[:c0]):
                    # "which signed the Treaty in 1996 but has not ratified it": the clause
                    # shares the subject of the act before it
                    actors, how = found[-1].actors, "subject"
                elif etype in _SYMMETRIC and ttext.lower().endswith(("ed", "struck")) and re.search(
                        rf"(?:{_AGREEMENT_NP}|\)|(?-i:[A-Z])[\w-]*)\s*,?\s*$", s[c0:t0], re.I) and \
                        (s[c0:t0].rstrip().endswith(",") or re.search(
                            rf"{_AGREEMENT_NP}\s*$", s[c0:t0], re.I)):
                    # (also with no comma: "the peace accord agreed in Minsk last month")
                    # "The Treaty on Open Skies, signed in Helsinki in 1992, ...": the parties
                    actors, how = ("*",), "parties"
                elif etype in _SYMMETRIC and (_PASSIVE.search(s[c0:t0]) or (
                        c0 > 0 and re.fullmatch(r"\s*(?:(?:not|never|yet|also|then|\w+ly)\s+)*",
                                                s[c0:t0]) and re.search(
                            r"\b(?:was|were|been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", s[:c0]))):
                    actors, how = ("*",), "parties"  # "It was signed in 1990": the treaty
                elif _FIRST_PERSON.search(s[c0:t0]) and speaker and (_in_quote(s, t0) or
                                                                     quoted_on):
                    actors, how = (speaker,), "speaker"  # "we are suspending," he said
                    if etype in ("signed", "extended"):
                        # "we made an agreement with Russia," he said: and the partner
                        partners = [c for e in act_ents if t1 <= e.start < c1 and re.search(
                            r"\bwith\s+(?:the\s+)?$", s[max(t1, e.start - 12):e.start]) and
                            (c := g.actor_code(e.key, year)) and c != speaker]
                        actors += tuple(partners[:1])
                elif _PRONOUN.search(s[c0:t0]) and (found or state.last_actors or (
                        not state.prev_had_act and re.match(r"[\"“']?\s*(?:They|It)\b", s) and
                        _sentence_subject(state.prev_sentence, state.prev_codes))):
                    # "..., and therefore it is violating the agreement": this sentence's
                    # first act, else the previous sentence's
                    own_acts = [c.actors for c in found if "*" not in c.actors]
                    actors, how = (own_acts[0] if own_acts else state.last_actors), "pronoun"
                    # (eleventh round) a sentence-initial pronoun right after a sentence with no
                    # act whose subject is an actor: that subject ("The North confirmed U.S.
                    # suspicions. 'They are in material breach,' ... said")
                    if not own_acts and not state.prev_had_act and \
                            re.match(r"[\"“']?\s*(?:They|It)\b", s) and \
                            (subj := _sentence_subject(state.prev_sentence,
                                                       state.prev_codes)) is not None:
                        actors = (subj,)
                elif not act_ents and state.last_actors and state.since_candidate <= 1 and (
                        _NOMINAL.search(ttext.split()[-1]) or "decision" in ttext.lower()):
                    actors, how = state.last_actors, "pronoun"
                elif etype in _SYMMETRIC and _PASSIVE.search(s[c0:t0]):
                    actors, how = ("*",), "parties"
                elif _FIRST_PERSON.search(s[c0:t0]) or _PASSIVE.search(s[c0:t0]):
                    if state.voice:
                        actors, how = (state.voice,), "voice"
                if not actors and etype in ("entered_into_force", "extended", "expired"):
                    actors, how = ("*",), "parties"  # "the treaty was extended"
                # (twenty-sixth round) "Russia has deployed the missile. Washington says the
                # deployment is a clear violation of the INF Treaty": a violation whose subject
                # is an act told before ("the deployment", "the radar", "the move", "This")
                # is the act's doer, the previous sentence's one subject, if it is a party to
                # the agreement and not this sentence's reporter (never one of two)
                if not actors and etype == "violation_alleged" and agrs and (
                        sm := _ACT_SUBJECT.search(s, c0, t0)) is not None and not any(
                        e.label == "ACT" and sm.start() <= e.start < t0 for e in ents) and (
                        subj := _sentence_subject(state.prev_sentence, state.prev_codes)) and \
                        subj in self.parties.get(agrs[0].key, frozenset()) and \
                        subj != _reporter(s, t0, act_ents, g, year) and \
                        not _spoke_before_code(s, act_ents, t0, subj, g, year):
                    actors, how = (subj,), "pronoun"
                if not actors:
                    main = _main_subject(s, act_ents, g, year)
                    # (not a violation's reporter: "The Europeans had failed to live up to
                    # their commitments, Iran said")
                    # (thirteenth round: nor the speakers of a reporting verb before the
                    # trigger: "Biden and Poroshenko said the ceasefire violation was ...")
                    if main and not (etype == "violation_alleged" and (main == (
                            _reporter(s, t0, act_ents, g, year),) or _spoke_before(
                                s, act_ents, t0))):
                        actors, how = main, "sentence"
                if not actors:
                    continue
            # "the OSCE reported two violations of the ceasefire", "Russia's first report of a
            # violation": a violation recorded by an observer, with no agent of its own ("by
            # Azerbaijan", "Azerbaijan's violation"), names no violator (not the reporter, nor
            # the parties named after it: "the ceasefire between Azerbaijan and Armenia")
            if etype == "violation_alleged" and how not in ("modifier", "agent") and \
                    _NOMINAL.search(ttext) and (_RECORDED.search(s[max(c0, t0 - 60):t0]) or
                                                # (fourteenth round) "two violations of the
                                                # ceasefire were registered"
                                                _RECORDED_AFTER.match(s, t1)) and \
                    not re.match(r"[^.;]*?\bby\s+(?:the\s+)?(?-i:[A-Z])", s[t1:t1 + 80]):
                continue
            # "its actions against ceasefire violations": a violation the subject acts against
            # is not the subject's (nor the previous sentence's)
            if etype == "violation_alleged" and how not in ("modifier", "agent") and \
                    _NOMINAL.search(ttext) and re.search(r"\bagainst\s+(?:[\w-]+\s+){0,2}$",
                                                         s[c0:t0]):
                continue
            # "they signed" after two parties named ("X accused Y of violating a peace agreement
            # they signed"): a joint act of all of them
            if etype in ("signed", "extended") and re.search(r"\b(?:they|both)\s+(?:\w+\s+){0,2}$",
                                                             s[c0:t0]):
                named = tuple(dict.fromkeys(c for c in (g.actor_code(e.key, year) for e in act_ents
                                                        if e.end <= t0) if c))
                if len(named) >= 2 and set(actors) < set(named):
                    actors, how = named, "pronoun"
            # "signed a new strategic reductions treaty May 24": the record's agreement signed
            # that day by those actors, else no act (a new treaty is not one named before)
            if new_np is not None:
                new_id = self._new_agreement(s, t1, actors, dm.value if dm else None)
                if new_id is None:
                    continue
                agrs = [_Ent("AGR", new_id, -1, -1, new_np.group(0).strip())]
            # "to support another country in walking away from": an indefinite agent
            if re.search(r"\b(?:another|other|some|any|a)\s+(?:country|state|nation|party|"
                         r"government|member)s?\s+(?:in\s+|from\s+)?$", s[c0:t0], re.I):
                continue
            if etype in _SYMMETRIC and re.match(
                    r"^(?:\s+(?:in|on)\s+[\w ,]{1,20}?)?\s+by\s+(?:some\s+|all\s+|the\s+)?(?:\d+|"
                    r"two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|dozens\s+of|"
                    r"several|many)\s+(?:\w+\s+)?(?:countries|states|nations|parties|governments|"
                    r"signatories)\b", s[t1:], re.I):
                actors, how = ("*",), "parties"  # "signed in 1990 by 30 countries"
            # (twenty-fourth round) a counted set of states as the subject, members named as
            # examples: "30 countries, including the United States and Russia, signed"
            if etype in _SYMMETRIC and _COUNTED_SET.search(s, c0, t0):
                actors, how = ("*",), "parties"
            # "signed between the US and the former USSR in 1987", "concluded by Moscow and
            # Kyiv": the coordinated agents or partners named right after the act
            if etype in ("signed", "ratified", "extended") and (
                    agents := _coordinated_after(s, t1, act_ents, g, year)):
                actors, how = agents, "agent"
            if _AMENDED.match(s, t0):
                actors, how = ("*",), "parties"  # "the treaty was amended": by its parties
            # "the U.S.-Soviet accord, which was signed in Moscow": the act of the agreement
            # itself, by the two actors its compound names (when both are its parties)
            if actors == ("*",) and etype in _SYMMETRIC and agrs and (cm := re.search(
                    r"([\w.'’]+(?:[-–][\w.'’]+)+)\s+(?:[\w-]+\s+){0,2}?(?:treaty|agreements?|"
                    r"accords?|deal|pact|convention|protocol|memorandum|ceasefire|truce)\b"
                    r"[^;:.]{0,40}$", s[max(0, t0 - 120):t0], re.I)):
                parts = [p.strip(".") + ("." if p.endswith(".") else "")
                         for p in re.split(r"[-–]", cm.group(1))]
                pair = tuple(dict.fromkeys(c for p in parts if (c := g.actor_code(p.lower(),
                                                                                  year))))
                if len(pair) == len(parts) >= 2 and \
                        set(pair) <= set(g.parties.get(agrs[0].key, ())):
                    actors, how = pair, "compound"
            # "the commitments made by Moscow": the one agent of the undertaking
            if etype == "signed" and ttext.lower().endswith(" made") and (
                    bm := re.match(r"\s+by\s+(?:the\s+)?", s[t1:])) and (
                    ag := [c for e in act_ents if e.start == t1 + bm.end() and
                           (c := g.actor_code(e.key, year)) not in (None, SIDES, ARMED, E3, P5)]):
                actors, how = (ag[0],), "agent"
            # (nineteenth round) "Kyiv sent Moscow a note on the termination of": the indirect
            # object of a note or notice sent is its recipient; the sender, the subject, acts
            if (sv := re.search(r"\b(?:sent|sends|gave|gives|handed|hands|delivered|delivers|"
                                r"served|serves)\s+(?P<rec>(?:the\s+)?\S+(?:\s+\S+){0,2}?)\s+"
                                r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:note|"
                                r"notice|notification|letter|message)s?\b", s[c0:t0], re.I)):
                rec = [c for e in act_ents if c0 + sv.start("rec") <= e.start < c0 + sv.end("rec")
                       and (c := g.actor_code(e.key, year)) is not None]
                snd = [c for e in act_ents if c0 <= e.start and e.end <= c0 + sv.start() and
                       (c := g.actor_code(e.key, year)) not in (None, SIDES, ARMED, E3, P5)]
                if rec and set(actors) <= set(rec):
                    if not snd:
                        continue
                    actors, how = (snd[-1],), "subject"
            # (nineteenth round) "Russia received an official note from Kyiv on the
            # discontinuation of": the recipient of a note or notice is not its sender
            if (rv := re.search(r"\b(?:received|receives|receiving|got|gets)\s+(?:[\w-]+\s+){0,3}?"
                                r"(?:note|notice|notification|letter|message)s?\b", s[c0:t0],
                                re.I)) and any(
                    c0 <= e.start and e.end <= c0 + rv.start() and
                    g.actor_code(e.key, year) in actors for e in act_ents):
                continue
            if how in ("voice", "sentence", "pronoun", "speaker"):
                conf -= 0.15
            if dm is None:
                conf -= 0.05
            if _WEAK.match(ttext):
                conf -= 0.1
            # negation, modality
            window_start = max(c0, _last_actor_end(act_ents, t0, c0))
            window = s[window_start:t0]
            negated = bool(_NEG.search(_tail_words(window, 10)))
            if not negated and _REFUSAL_NOUN.search(_tail_words(window, 10)):
                negated = True
            if not negated and _ABSTAINED.search(s, c0, t0):
                negated = True
            # a negative object: "we have violated nothing", "breached no provision of"
            if not negated and _NEG_OBJECT.match(s, t1):
                negated = True
            # a relative clause has its own modality: "committed to the CFE Treaty, which
            # Russia suspended in 2007"
            h0 = c0
            for rm in re.finditer(r",\s*(?:which|who)\b", s[c0:t0]):
                h0 = c0 + rm.end()
            # (twelfth round) a conjunct with its own finite auxiliary has its own modality:
            # "Russia will deploy missiles and is abandoning the moratorium" (not after "if")
            conj = re.search(r"\b(?:and|but)\s+(?=(?:is|are|was|were|has|have|had)\s+"
                             r"(?:\w+ly\s+)?$)", s[h0:t0], re.I)
            f0 = c0
            if conj and not re.search(r"\b(?:if|unless|whether)\b", s[c0:h0 + conj.start()],
                                      re.I):
                h0 = f0 = h0 + conj.end()
            # (thirty-sixth round) and a past verb coordinated after a past verb with its
            # object: "Russia rejected the proposal and withdrew" (the object noun, "proposal",
            # governs nothing past the "and"; not after a modal, an auxiliary, "to" or a
            # condition: "would have signed the text and ratified it")
            elif (pc := re.search(r"\b(?P<v>[a-z]+)\s+(?:the|a|an|its|their|this|that|any)\s+"
                                  r"(?:[\w-]+\s+){0,3}?[\w-]+\s+and\s+(?:then\s+|later\s+)?$",
                                  s[h0:t0])) and \
                    _is_past(pc.group("v")) and _is_past(ttext.split()[0]) and not re.search(
                        r"\b(?:if|unless|whether|has|have|had|would|will|could|might|may|should|"
                        r"must|to|not|never|no)\b|n['’]t\b", s[c0:h0 + pc.start()], re.I):
                h0 = f0 = h0 + pc.end()
            hyp = bool(_HYP.search(_tail_words(s[h0:t0], 7))) or bool(
                re.search(r"\b(?:if|unless)\b", s[h0:t0], re.I)) or (
                etype != "violation_alleged" and bool(_HYP_ACT.search(_tail_words(s[h0:t0], 10)))
                and not re.search(r"\b(?:led|leads|leading)\s+to|\bresulted\s+in|\bculminated\s+in|"
                                  r"\b(?:after|following)\s+(?:\w+\s+){0,3}?negotiations\b|"
                                  r"\bpaved\s+the\s+way\s+for|\bproduced\b", s[h0:t0], re.I))
            # (fourteenth round) an imperative: a sentence that opens with the act's bare verb
            # ("Withdraw or face serious consequences, Sarkozy warns Russia")
            if not hyp and (im := _IMPERATIVE.match(s)) is not None and im.end() == t1:
                hyp = True
            # "gave notice of its intention to withdraw": the notice is the act
            if hyp and re.search(r"\b(?:notice|notif\w*)\s+of\s+(?:its|their|the)\s+"
                                 r"(?:intention|decision|intent)\s+to\s+$", s[h0:t0], re.I) and \
                    not re.search(r"\b(?:if|unless|would|could|might|threat\w*)\b", s[h0:t0],
                                  re.I):
                hyp = False
            if _FUTURE.search(_tail_words(s[f0:t0], 6)) and not _FORMAL.search(s):
                hyp = True
            # (twenty-fourth round) an act imminent: "is on the verge of ratifying"
            if not hyp and _IMMINENT.search(s, h0, t0):
                hyp = True
            # (thirty-fourth round) an act told as an option: "can violate", "is free to
            # withdraw", "has the right to suspend"
            if not hyp and not negated and _OPTION.search(s, max(h0, t0 - 120), t0):
                hyp = True
            # (thirty-fourth round) a step not taken: "its potential decision to withdraw"
            if not hyp and _UNTAKEN_STEP.search(s, max(h0, t0 - 120), t0):
                hyp = True
            # (thirty-fourth round) an act moved toward: "moves toward deliberately breaching"
            if not hyp and _TOWARD.search(s, max(h0, t0 - 120), t0):
                hyp = True
            # (thirty-fourth round) an act listed among the events that would give a right
            # (a violation noun there is no presupposed breach either: "include a NATO
            # violation of")
            listed = bool(_RIGHTS_WORD.search(s, max(0, t0 - 400), t0) and
                          _RIGHT_EVENTS.search(s, max(0, t0 - 400), t0))
            if listed:
                hyp = True
            # (twenty-fifth round) an act in a temporal clause still ahead: "as soon as the Duma
            # ratifies START II", "prepared to provide assurances after the country acceded"
            # (a past act with its own date in the clause is presupposed: "will try to rescue
            # the JCPOA after Washington pulled out in 2018")
            ahead = bool((tm := _TEMPORAL.search(s, max(0, t0 - 160), t0)) and (
                _PRESENT_ACT.match(ttext) or (
                    _AHEAD_MAIN.search(s, max(0, tm.start() - 120), tm.start()) and
                    not any(tm.start() < d.start < (s.find(",", t1) % (len(s) + 1) or len(s))
                            for d in dates if not d.relative))))
            if ahead:
                hyp = True
            # (twenty-fourth round) an act only enabled or feared: "while letting 'rogue states'
            # ... 'violate' the BWC", "for fear that Iran violated"
            enabled = bool(_ENABLED.search(s, h0, t0) or _FEARED.search(s, 0, t0))
            if enabled:
                hyp = True
            # (seventeenth round) an act only ahead ("talks resumed ahead of the expiry of the
            # deal") or dated after the article's own date (a dateline of 10 July, "the expiry on
            # 20 July") has not happened yet: an expiry due, not an expiry
            if not hyp and _NOMINAL.search(ttext.split()[-1]) and _AHEAD.search(s[c0:t0]):
                hyp = True
            # (a date written in the sentence with its year, or a day whose year is read from
            # the dateline: "on 20 July"; a month alone, "in July", may be last year's)
            if not hyp and dm is not None and dm.end > dm.start and state.ref is not None and \
                    len(dm.value) >= (10 if dm.relative else 7) and \
                    dm.value > state.ref.isoformat()[:len(dm.value)]:
                hyp = True
            # (twenty-eighth round) an end told in the progressive ("which is expiring on March
            # 31", "are running out on") dated after the time the sentence itself gives first
            # ("On September 6, 2018, ... decided not to extend the treaty, which is expiring on
            # ..."): an end still ahead then, not an end ("was expiring on December 5, 2009, and
            # the sides let it lapse", with no earlier time, stays one)
            if not hyp and etype == "expired" and dm is not None and \
                    _PROGRESSIVE_END.search(s, max(c0, t0 - 40), t1) and any(
                        d is not dm and not d.relative and d.start < dm.start and
                        d.value[:min(len(d.value), len(dm.value))] <
                        dm.value[:min(len(d.value), len(dm.value))] for d in dates):
                hyp = True
            # a reported future ("said it would suspend ... effective December 7") is the
            # backshifted "will": a decision when the sentence gives a formal notice or date.
            # (thirty-second round) Only for an act the announcement itself can make (an exit,
            # a suspension, a pledge to keep, a refusal): "announced that they would join the
            # treaty" tells a signing, accession, ratification or extension still to come, which
            # a later instrument makes, not the act (a unilateral pledge is made by saying it)
            if hyp and not (etype in _LATER_BY_INSTRUMENT and not negated and
                            not (agrs and agrs[0].key in self.pledges)) and \
                    _REPORTED_WOULD.search(s[c0:t0]) and not re.search(
                    r"\b(?:if|unless|could|might|should)\b", s[c0:t0], re.I) and \
                    _FORMAL.search(s) and not _HYP_NO_WOULD.search(_tail_words(s[c0:t0], 7)):
                hyp = False
            # a declaration that one will no longer be bound ("Pyongyang said its army will
            # never again be bound by the agreement") is the act itself, as a notice is; not one
            # that is conditional, hedged or a warning
            if hyp and _NO_LONGER_BOUND.search(ttext) and _DECLARED.search(s) and \
                    not re.search(r"\b(?:if|unless|could|might|may|should|threat\w*|warn\w*|"
                                  r"consider\w*|until|once|when)\b", s, re.I) and \
                    re.search(r"\b(?:will|would|shall)\s+(?:\w+\s+)?$", s[:t0], re.I):
                hyp = False
            # a gerund that is the subject of a modal: "rejoining the Treaty could send ..."
            # and a noun: "A US withdrawal from the INF Treaty would be a mistake"
            if (ttext.lower().endswith("ing") or _NOMINAL.search(ttext.split()[-1]) or
                    _DETERMINED.search(s[c0:t0])) and \
                    not re.search(r"\b(?:is|are|was|were|be|been|am)\s+(?:\w+ly\s+)?$",
                                  s[c0:t0]) and \
                    (mm := re.match(r"^(?:\s+[\w'’.-]+){0,10}?\s+(?:could|would|might|may|can|"
                                    r"should)\b", s[t1:])) and not re.search(
                        r"\b(?:and|but|that|which|who|it|they|he|she|we|if|when)\b", mm.group(0)):
                hyp = True
            # (twenty-seventh round) an act under an obligation: the act's noun the subject of
            # "must / ought to / has to / needs to / is to be completed" ("Ratification of
            # START II must be completed before the summit"), or "it" for it in the next clause
            # ("noted that the ratification process had been started and said it should be
            # finished in the autumn")
            if not hyp and (ttext.lower().endswith("ing") or
                            _NOMINAL.search(ttext.split()[-1])) and \
                    not re.search(r"\b(?:is|are|was|were|be|been|am)\s+(?:\w+ly\s+)?$",
                                  s[c0:t0]) and \
                    (_OBLIGED.match(s, t1) or _OBLIGED_IT.match(s, t1)):
                hyp = True
            # (twenty-seventh round) a nominal act with no actor of its own whose outcome is only
            # foreseen: "The departure from the Simla Agreement will have certain implications"
            # (a determiner and lowercase words at most before it, or a gerund opening the
            # clause: "Leaving the Simla Agreement will have consequences"; "The U.S.
            # withdrawal ... will have consequences" keeps its actor and stays an act)
            if not hyp and etype != "violation_alleged" and (
                    ((_NOMINAL.search(ttext.split()[-1]) or
                      ttext.split()[-1].lower() in ("exit", "exits")) and re.fullmatch(
                        r"\W*(?:(?i:the|a|an|any|such|this|that)\s+)?(?:[a-z-]+\s+)?",
                        s[c0:t0])) or (
                        ttext.lower().endswith(("ing", "ing the")) and
                        re.fullmatch(r"\W*", s[c0:t0]))) and \
                    (fo := _FORESEEN.match(s, t1)) is not None and not re.search(
                        r"\b(?:1[89]|20)\d\d\b|\b(?-i:[A-Z])[a-z]+\s+\d{1,2}\b|\b\d{1,2}\s+(?-i:[A-Z])",
                        s[t1:fo.end()]):
                # (not an act with its own date: "The withdrawal from the INF Treaty in August
                # 2019 will have consequences")
                hyp = True
            # (nineteenth round) a treaty's standing clause, a general rule in the present: "is
            # automatically renewed, unless one of the parties notifies", "is extended every ten
            # years if": no dated act ("was automatically renewed in 2008" is one)
            if not hyp and etype != "violation_alleged" and \
                    not _NOMINAL.search(ttext.split()[-1]) and (pr := re.search(
                        r"\b(?:is|are)\s+(?:(?:\w+ly|then|also)\s+)?$", s[h0:t0], re.I)) and (
                    "automatically" in pr.group(0).lower() or re.search(
                        r"\b(?:unless|if|provided|whenever|each|every)\b", s[t1:], re.I)):
                hyp = True
            # (nineteenth round) an act as what a kind of document is for: "(not) a formally
            # binding treaty to be ratified by parliaments" (not "has yet to be ratified")
            if re.search(r"\b(?:treaty|treaties|agreements?|accords?|documents?|pacts?|deals?|"
                         r"conventions?|protocols?|instruments?|texts?)\s+to\s+be\s+(?:\w+ly\s+)?$",
                         s[h0:t0], re.I):
                hyp = True
            # (nineteenth round) an act made harder: "for complicating CFE Treaty ratification"
            if not hyp and etype in ("ratified", "signed", "extended", "entered_into_force") and \
                    _NOMINAL.search(ttext.split()[-1]) and _HINDERED.search(s, c0, t0):
                hyp = True
            # an act with no determiner or agent as the subject of an assessment ("stressed that
            # ratification of the treaty met Russia's national interests", "withdrawal from
            # the pact is necessary"): an argument about the act, not a report of it
            if not hyp and _NOMINAL.search(ttext.split()[-1]) and not re.search(
                    r"(?:\b(?:a|an|the|its|their|this|his|her|our|my|your|any|such)\s+"
                    r"(?:[a-z-]+\s+)?|(?:['’]s|\b(?-i:[A-Z])[\w.-]*)\s+)$", s[h0:t0], re.I) and \
                    _ASSESSED.match(s, t1):
                hyp = True
            # (twenty-first round) a treaty's own provision: "The START I treaty states that the
            # cuts are to be made within seven years of ratification", "the treaty provides that
            # a party give notice before withdrawal" (what the text lays down, not an act)
            if not hyp and etype != "violation_alleged" and \
                    (pv := _PROVISION.search(s, 0, t0)) is not None and ";" not in s[pv.end():t0]:
                hyp = True
            # (twenty-first round) an act's noun, with its determiner, whose predicate says it is
            # still needed or required: "The ratification by the Duma is needed for the pact to
            # take force" (an act awaited; "was needed" may tell one that came)
            if not hyp and _NOMINAL.search(ttext.split()[-1]) and _NEEDED.match(s, t1):
                hyp = True
            # "provisions that allow withdrawal", "the right of withdrawal", "a clause providing
            # for withdrawal": the act permitted, not taken
            if not hyp and etype != "violation_alleged" and \
                    _NOMINAL.search(ttext.split()[-1]) and _PERMITTED.search(s[h0:t0]):
                hyp = True
            # "the Duma meeting that examined the ratification of": deliberated, not done
            if not hyp and etype != "violation_alleged" and \
                    _NOMINAL.search(ttext.split()[-1]) and _DELIBERATED.search(s[h0:t0]):
                hyp = True
            # "vowed to withdraw", "promised to leave": a bare infinitive is an act only under
            # an implicative verb ("agreed to extend", "voted to ratify", "decided to withdraw")
            inf = _INFINITIVE.search(s[h0:t0])
            # (the infinitive's position is within the clause from ``h0``)
            if inf and not _IMPLICATIVE.search(s[max(h0, h0 + inf.start() - 40):h0 + inf.start()]) \
                    and \
                    not re.search(r"\b(?:notice|notif\w*)\b", s[h0:t0], re.I):
                hyp = True
            # (eleventh round) an effort in progress to keep an agreement is its observance:
            # "we are trying to honor that agreement", "Turkey, trying to honor the Sochi
            # agreement, urges ..." (not "would try to", "will try to", "tried to": an attempt
            # stated as past may have failed)
            if hyp and etype == "kept" and _EFFORT.search(s[h0:t0]) and not re.search(
                    r"\b(?:if|unless|would|could|might|may|should|will|shall|must|not|never|no)\b",
                    s[c0:t0], re.I):
                hyp = False
            # (sixteenth round) a past pledge to keep the agreement a relative clause is about:
            # "the treaty, which the Soviet Union and the United States pledged to abide by"
            # (not "would pledge", "if they pledged", nor a pledge with no treaty antecedent)
            if hyp and etype == "kept" and (pl := re.search(
                    r"\b(?:treat(?:y|ies)|agreements?|accords?|pacts?|deals?|conventions?|"
                    r"protocols?|memorand(?:um|a))\s*,?\s+(?:which|that)\s+((?:[\w.'’-]+\s+){1,8}?)"
                    r"(?:pledged|promised|undertook|vowed)\s+to\s+(?:\w+ly\s+)?$",
                    s[max(0, t0 - 160):t0], re.I)) and not re.search(
                    r"\b(?:if|unless|would|could|might|may|should|will|not|never|no)\b",
                    pl.group(1), re.I):
                hyp = False
            # a past act in a temporal or causal clause is presupposed: "... trying to salvage
            # after Washington pulled out"; so is a past participle right after the treaty noun
            # ("including the most recent agreement signed on February 12") and a definite
            # violation ("could no longer leave the growing Iranian violations unanswered")
            sub = re.search(r"\b(?:after|since|because|when|once)\s+(?:the\s+)?(?:[\w.'’-]+\s+)"
                            r"{1,4}?$", s[h0:t0])
            # (and entry into force: "since it came into effect on Wednesday"; not "since the
            # ceasefire was meant to come into force")
            in_sub = s[h0 + sub.start():t0] if sub else ""
            if hyp and sub and not ahead and (_is_past(ttext.split()[-1]) or re.search(
                    r"(?:out|force|effect)$", ttext, re.I)) and not re.search(
                    r"\b(?:if|unless|would|could|will|might|may)\b", in_sub, re.I) and not (
                    etype == "entered_into_force" and re.search(r"\bto\b", in_sub, re.I)):
                hyp = False
            if hyp and etype in _SYMMETRIC and _is_past(ttext.split()[-1]) and (
                    _TREATY_HEAD_END.search(s[c0:t0]) or (any(
                        re.fullmatch(r"\s*,\s*", s[e.end:t0]) for e in agr_ents) and
                        not re.search(r"\b(?:if|unless|would|could|might)\b", s[c0:t0], re.I))):
                # (also "the original CFE Treaty, signed in 1990 by 30 countries, ...")
                hyp = False
            # (sixteenth round: and one modified by the violator's name, "that Soviet
            # violations of the Helsinki Final Act ... are detailed")
            if hyp and etype == "violation_alleged" and _NOMINAL.search(ttext.split()[-1]) and \
                    (re.search(r"\b(?:the|these|those|its|their|['’]s)\s+(?:[\w-]+\s+){0,3}$",
                               s[max(c0, t0 - 50):t0], re.I) or any(
                        re.fullmatch(r"\s+", s[e.end:t0]) and s[e.start:e.start + 1].isupper()
                        for e in act_ents)) and \
                    not re.search(r"\b(?:if|unless|whether|any)\b", s[h0:t0], re.I) and \
                    not listed:
                hyp = False
            # (twenty-fourth round) an act enabled or feared stays so: "lest Iran breach" is no
            # definite violation
            if enabled:
                hyp = True
            # (thirtieth round) a participial clause after a main clause whose act is still to
            # come ("will destroy its bombers by the end of 2001, meeting its commitments under
            # START I") shares that future
            if not hyp and re.match(r"[a-z]+ing\b", ttext, re.I) and \
                    _FUTURE_MAIN.search(s, max(0, t0 - 200), t0):
                hyp = True
            # (thirtieth round) an act's noun supported, favoured or backed ("Richard Nixon
            # supported the ratification of") is a stance on the act, not the act (not a
            # chamber's vote: "backed the ratification by 288 votes to 131")
            if not hyp and etype != "violation_alleged" and \
                    _NOMINAL.search(ttext.split()[-1]) and \
                    _SUPPORTED.search(s, max(c0, t0 - 80), t0) and \
                    not _VOTE_TALLY.search(s, c0, c1):
                hyp = True
            # (thirtieth round) any other act put off, postponed, delayed or deferred
            # ("postponed the signing of", "delayed its withdrawal from", "put off extending") is
            # not done
            # (thirty-first round: a gerund with its particle, "put the brakes on leaving the")
            if not hyp and etype not in ("violation_alleged", "ratified", "not_ratified") and \
                    (ttext.split()[0].lower().endswith("ing") or
                     _NOMINAL.search(ttext.split()[-1])) and \
                    _POSTPONED.search(s, max(c0, t0 - 60), t0):
                hyp = True
            # (thirtieth round) a committee's, commission's or panel's decision, vote or
            # recommendation to do the act ("the Duma's defence committee voted to ratify") is a
            # step toward it, not the act
            if not hyp and etype != "violation_alleged" and _BODY_WORD.search(s, 0, t0) and \
                    _COMMITTEE_STEP.search(s, max(0, t0 - 250), t0):
                hyp = True
            # (thirty-first round) an act as the aim of an effort, judged unlikely or in doubt
            # ('New START extension "unlikely"'), or whose chances or prospects are told, is not
            # done (thirty-sixth round: read by the one modality mechanism, with an aim, "to
            # secure an extension", and a likelihood, "the fulfilling of the deal is even less
            # likely")
            if not hyp and _governed(s, c0, h0, t0, t1, ttext, etype, _EARLY_CLASSES):
                hyp = True
            # (thirty-first round) an act a document mentions, refers to or envisages ("a Joint
            # Statement ... that mentioned ratifying the CTBT") is not the act
            if not hyp and etype != "violation_alleged" and \
                    (ttext.split()[0].lower().endswith("ing") or
                     _NOMINAL.search(ttext.split()[-1])) and \
                    _DOCUMENT_MENTIONS.search(s, max(0, t0 - 160), t0):
                hyp = True
            # a bare verb coordinated with an infinitive shares its head: "declared its intention
            # to sign the Additional Protocol and accede to the CWC" (not "agreed to sign the
            # protocol and ratify it", under an implicative head)
            first = ttext.split()[0].lower()
            if re.search(r"\b(?:and|or)\s+(?:\w+ly\s+)?$", s[c0:t0] or s[:t0]) and \
                    not re.search(r"(?:ing|s)$", first) and not _is_past(first) and \
                    (infs := list(re.finditer(r"\bto\s+(?:\w+ly\s+)?[a-z]+\b", s[:t0]))) and \
                    not re.search(r"[;:]", s[infs[-1].end():t0]):
                if not _IMPLICATIVE.search(s[max(0, infs[-1].start() - 40):infs[-1].start()]):
                    hyp = True
                # its subject is the infinitive's, not a name in the first verb's object ("to
                # sign the IAEA Additional Protocol and accede to ...")
                if how in ("subject", "sentence") and any(
                        infs[-1].start() < e.start < t0 for e in act_ents) and \
                        (main := _main_subject(s, act_ents, g, year)):
                    actors = main
            # directive scope: "asking the Americans to seriously comply with ... and to alert
            # their allies to fully abide by the agreement" (overrides an implicative reading)
            if not hyp and (dv := _last_in_scope(_DIRECTIVE, s, h0, t0)) is not None and (
                    # "to comply", "to be scrapped or suspended", "to quit and denounce"
                    _DIRECTED_VERB.fullmatch(s[dv.end():t0]) or
                    _INFINITIVE.search(s[dv.end():t0]) or (
                        # "urged Russia to announce its withdrawal" (a violation noun is
                        # presupposed: "urged Moscow to end its violations")
                        etype != "violation_alleged" and _NOMINAL.search(ttext.split()[-1])
                        and len(s[dv.end():t0].split()) <= 5)):
                hyp = True
            # (twenty-third round) a bare verb in a comma list of verb phrases after an urged
            # infinitive is urged too: "urge the United States to meet its obligations, abide
            # by the CTBT" (each item a lowercase verb with its object, no comma inside)
            if not hyp and re.search(r",\s+(?:\w+ly\s+)?$", s[:t0]) and \
                    not first.endswith("ing") and not _is_past(first) and \
                    (dv := _last_in_scope(_DIRECTIVE, s, 0, t0)) is not None and \
                    _URGED_LIST.fullmatch(s[dv.end():t0]):
                hyp = True
            # a rejected report or a rumour of the act: "rejected speculations regarding the
            # cancellation of the Simla Agreement"; a violation keeps its own denial rules
            # (the accuser named in a denial still alleges it)
            false_after = _FALSE_AFTER.search(s, t1)
            if etype != "violation_alleged" and not negated and (
                    _in_scope(_DENIED_REPORT, s, h0, t0) or (
                        false_after is not None and _in_scope(_REPORT_HEAD, s, h0, t0) and
                        not _SCOPE_BREAK.search(s, t1, false_after.start()))):
                negated = True
            elif not negated and not hyp and _in_scope(_RUMOUR, s, h0, t0):
                hyp = True
            # "does not prevent NATO from ratifying", "kept Kyiv from signing", "barred it from
            # leaving": the act kept from happening (or left open) is no fact
            if not hyp and not negated and re.search(
                    r"\b(?:prevent|stop|bar|block|keep|kept|deter|discourag|dissuad|prohibit|"
                    r"restrain|preclud|hinder|imped)\w*\s+(?:[\w.'’-]+\s+){0,5}?from\s+"
                    r"(?:\w+ly\s+)?$", s[h0:t0], re.I):
                hyp = True
            # "until all countries of NATO ratify this treaty", "until Russia complies": an act
            # awaited in an until-clause (not a past one: "until Russia withdrew in 2023")
            # (a violation is presupposed there: "until the U.S. ends its violations")
            if not hyp and etype != "violation_alleged" and re.search(
                    r"\buntil\s+(?:[\w.,'’-]+\s+){0,8}?$", s[h0:t0], re.I) and \
                    (not _is_past(ttext.split()[-1]) or
                     # (eighteenth round) "until Belarus has ratified it": the perfect awaited
                     re.search(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", s[h0:t0], re.I)):
                hyp = True
            # (twenty-eighth round) an act whose taking effect is still to come: its noun the
            # subject of "will enter into force / take effect", "is to take effect", "shall
            # become effective" ("the suspension will enter into force 120 days after ..."), up
            # to ten words between with no clause word, when that time is set by a step still
            # to be taken ("after / once / when / upon ..."), and an act in that temporal
            # clause; "Russia's suspension ... entered into force on" and a decision with its
            # date of effect ("The U.S. suspension will take effect on December 7th") stay acts
            if not hyp and (_NOMINAL.search(ttext.split()[-1]) or
                            ttext.lower().endswith("ing")) and \
                    (em := _EFFECT_AFTER_NOUN.match(s[t1:])) is not None and not re.search(
                        r"\b(?:and|but|that|which|who|it|they|he|she|we|if)\b|[,;:]",
                        em.group(0)):
                hyp = True
            if not hyp and _EFFECT_WHEN.search(s, max(0, t0 - 240), t0):
                hyp = True
            # (twenty-eighth round) consent read as a signing ("accepts the ceasefire plan",
            # "agreed to the deal") held to a condition stated after it in its clause
            # ("assuming certain legal details are agreed upon", "provided that", "on condition
            # that", "as long as"): consent not yet given; and an act inside such a condition
            # ("on condition that Russian troops withdraw"). "signed and accepted the plan" and
            # an acceptance with no condition stay signings
            if not hyp and etype == "signed" and re.match(r"(?:accept|agree)", ttext, re.I) and \
                    (cm := _CONDITION_AFTER.match(s[t1:])) is not None and not re.search(
                        r"\b(?:and|but|while|whereas|said|says|which|who|before|after|then)\b",
                        cm.group(0)):
                hyp = True
            if not hyp and _CONDITION_BEFORE.search(s, max(0, t0 - 120), t0):
                hyp = True
            # a question asks, it does not report: "Did Russia violate the INF Treaty?"
            # (not a reduced relative, which the question presupposes: "Who has heard of the
            # Algiers Accords, a treaty signed on January 19, 1981 ...?")
            # (sixteenth round: nor an act in a question's time or cause clause, which the
            # question presupposes: "Does it make sense to negotiate when there is such
            # flagrant disregard of the terms which they signed in 1975?")
            if _QUESTION.search(s[t0:]) and not re.search(r"[.!;:]\s", s[t0:]) and not (
                    (qw := re.search(r"\b(?:when|since|because|although|while)\s+"
                                     r"(?:[\w.,'’-]+\s+){0,12}?$", s[c0:t0], re.I)) and
                    not re.search(r"\b(?:if|unless|whether|would|could|might|will|should)\b",
                                  qw.group(0), re.I)) and not (
                    etype in _SYMMETRIC and ttext.lower().endswith("ed") and
                    _TREATY_HEAD_END.search(s[max(c0, t0 - 40):t0]) and
                    not re.search(r"\b(?:was|were|been|be|is|are|has|have|had)\s+(?:\w+\s+)?"
                                  r"(?:treaty|agreements?|accords?|deal|pact)\s+$",
                                  s[max(c0, t0 - 40):t0], re.I)):
                hyp = True
            # (thirty-fifth round) nor a question asked by inversion, without its question
            # mark in the sentence: "from what moment does Russia stop participating in ..."
            if _INVERTED_QUESTION.search(s, max(0, t0 - 120), t0):
                hyp = True
            # "New START expires in 2026": a scheduled end, not a reported one
            if etype == "expired" and re.fullmatch(r"(?:expires|lapses|runs out)", ttext.lower()):
                hyp = True
            if _NO_EVIDENCE.search(s[c0:t0]):
                negated = True  # "There is no evidence that Russia violated ..."
            if flipped:
                negated = False
            if failed is not None and hyp and not _HYP.search(_tail_words(
                    s[h0:c0 + failed.start()], 7)) and not re.search(
                    r"\b(?:if|unless)\b", s[h0:c0 + failed.start()], re.I) and not \
                    _in_scope(_DIRECTIVE, s, h0, c0 + failed.start()):
                hyp = False
            until = re.match(r"^(?:\s+[\w'’.-]+){0,6}?\s+until\b", s[t1:])
            # (eighteenth round) "cannot enter into force until Belarus has deposited ...",
            # "will not take effect until ...": a condition not yet met, no act yet
            if negated and until and re.search(
                    r"\b(?:can|cannot|will|wo|shall|may|must)\b(?:\s*n[o']t\b)?\s+(?:\w+\s+){0,2}?$",
                    s[max(c0, t0 - 30):t0], re.I):
                negated, hyp = False, True
            elif negated and until:
                negated = False  # "not fully ratified until two years later"
                # ... and the date after "until" is the act's
                dm = next((d for d in dates if t1 + until.end() <= d.start < t1 + until.end()
                           + 4), dm)
            # a ratification delayed, bypassed or drawn out ("bypassing the CFE ratification",
            # "the protracted ratification process", "stalled ratification") is withheld; a
            # "ratification process" not said to be complete is under way, no act yet
            # (thirtieth round: and its gerund, "voted to put off ratifying the treaty")
            if etype == "ratified" and ttext.lower() in ("ratification", "ratifying") and \
                    not negated:
                if _RATIFICATION_WITHHELD.search(s[max(c0, t0 - 60):t0]) or \
                        _RATIFICATION_FAILED.match(s[t1:c1]):
                    etype = "not_ratified"
                elif _RATIFICATION_AWAITED.match(s[t1:c1]):
                    # (seventeenth round) "ratification of the treaty ... is still pending"
                    hyp = True
                elif re.match(r"\s+process\b", s[t1:], re.I) and not re.search(
                        r"\b(?:complet|conclu|finish|end)\w*", s[c0:c1], re.I):
                    hyp = True
            if etype == "ratified" and negated and not hyp:
                etype, negated = "not_ratified", False  # "has signed but not ratified"
            # (sixteenth round) an accusation only weighed: "deciding whether there is enough
            # evidence to accuse the Soviets of cheating", "grounds to accuse Moscow of": the
            # accusing verb's own modality governs the violation (not "decided to accuse")
            if not hyp and not negated and etype == "violation_alleged" and (
                    acc := _ACCUSE_HEAD.search(s[h0:t0])) is not None:
                pre = s[h0:h0 + acc.start()]
                if _HYP.search(_tail_words(pre, 7)) or _ACCUSE_WEIGHED.search(pre):
                    hyp = True
            # (thirty-sixth round) one modality mechanism: a governing word of the act's clause
            # (advocacy, urging, objection, aim, attempt, proposal, likelihood, a condition, a
            # consequence, a future date) makes it no fact
            # (a ratification the chain read as withheld, "has resisted ratification", stays the
            # "not ratified" fact)
            if not hyp and not negated and etype != "not_ratified" and \
                    _governed(s, c0, h0, t0, t1, ttext, etype) is not None:
                hyp = True
            # alleger
            alleged: tuple[str, ...] = ()
            evidence = "record"
            if etype == "violation_alleged":
                rep = _reporter(s, t0, act_ents, g, year)
                denied = bool(_DENY.search(s[:t0]))
                # '"They are in material breach," the White House said': an accused read from a
                # pronoun or the sentence at large is not the one who accuses
                accuser = rep or (_quote_speaker(s, act_ents, g, year, state.voice or
                                                 state.last_person)
                                  if _in_quote(s, t0) else None)
                if accuser is None and _in_quote(s, t0) and (qm := re.search(
                        r"[\"”]\s*,?\s*((?:[\w.'’-]+\s+){0,6}?)(?:said|says|added|told|stated)\b",
                        s[t0:])):
                    # '"...," White House spokesman Sean McCormack said'
                    who = [e for e in act_ents if t0 + qm.start(1) <= e.start < t0 + qm.end(1)]
                    accuser = g.actor_code(who[0].key, year) if who else None
                # (eleventh round) but an admission is the actor's own account: "Iran announced
                # that it had exceeded a limitation of the deal" (the pronoun is the reporting
                # verb's subject)
                admitted = how == "pronoun" and bool(_ADMITTED.search(s[max(0, t0 - 90):t0]))
                if accuser and actors == (accuser,) and how in ("pronoun", "sentence",
                                                                "voice") and not denied and \
                        not admitted:
                    continue
                if rep is None and accuser and accuser not in actors:
                    rep = accuser  # the quotation's speaker accuses
                if denied:
                    # the accuser named in the denial: "rejected U.S. claims", "Washington's
                    # accusations"
                    claim = [e for e in act_ents if e.end <= t0 and re.match(
                        r"^(?:['’]s)?\s+(?:\w+\s+)?(?:claims?|accusations?|allegations?|charges?|"
                        r"assertions?|reports?)\b", s[e.end:])]
                    rc = g.actor_code(claim[0].key, year) if claim else None
                    if rc and rc not in actors:
                        rep = rc
                if rep and rep not in actors and not (denied and _same_state(rep, actors)):
                    # (twenty-seventh round: in a denial, not a reporter that is the accused
                    # itself under its other name, "officials in Moscow" for the Soviet Union)
                    alleged = _coordinated(s, rep, t0, act_ents, g, year, actors)
                    sentence_alleger = rep
                elif denied and state.voice and state.voice not in actors and \
                        not _same_state(state.voice, actors):
                    # the article's own voice calls it a breach (twenty-seventh round: not a
                    # voice that is the accused itself under its other name, a "MOSCOW" cable
                    # header read as Russia where the Soviet Union denies)
                    alleged = (state.voice,)
                elif denied:
                    negated = True
                elif state.prev_alleger and state.prev_alleger not in actors:
                    alleged = (state.prev_alleger,)
                    conf -= 0.05
                elif state.voice and state.voice not in actors:
                    alleged = (state.voice,)
                    conf -= 0.05
                else:
                    conf -= 0.2
                evidence = "determination" if re.search(
                    r"determin|compliance report|report to (?:the )?Congress|concluded|found",
                    s, re.I) else "allegation"
            if etype == "hostile_act_during_talks":
                tracks = [aid for aid, (first, parties) in g.talks.items()
                          if set(actors) & set(parties) and year is not None and year >= first
                          and year <= first + 1]
                if len(tracks) != 1:
                    continue
                agrs = [_Ent("AGR", tracks[0], -1, -1, "talks")]
            if SIDES in actors or SIDES in alleged:
                two = sides
                if not two and etype in _SYMMETRIC and SIDES not in alleged:
                    two = ("*",)  # "the two parties extended New START": its parties
                elif not two:
                    continue
                actors = tuple(dict.fromkeys(x for a in actors
                                             for x in ((a,) if a != SIDES else two)))
                alleged = tuple(dict.fromkeys(x for a in alleged
                                              for x in ((a,) if a != SIDES else two)))
            if ARMED in actors or ARMED in alleged:
                # "the rebels": the agreement's non-state armed parties, if it has any
                armed = tuple(p for p in g.parties.get(agrs[0].key, ()) if p in NON_STATE)
                actors = tuple(dict.fromkeys(x for a in actors
                                             for x in ((a,) if a != ARMED else armed)))
                alleged = tuple(dict.fromkeys(x for a in alleged
                                              for x in ((a,) if a != ARMED else armed)))
                if not actors:
                    continue
            # "the Europeans": France, Germany and the UK; "the P5+1": the six powers (as actors
            # only when all of them are the agreement's parties)
            if any(grp in actors and not set(members) <= set(g.parties.get(agrs[0].key, ()))
                   for grp, members in ((E3, E3_STATES), (P5, P5_STATES))):
                continue
            for grp, members in ((E3, E3_STATES), (P5, P5_STATES)):
                actors = tuple(dict.fromkeys(x for a in actors
                                             for x in ((a,) if a != grp else members)))
                alleged = tuple(dict.fromkeys(x for a in alleged
                                              for x in ((a,) if a != grp else members)))
            if year is not None and year <= 1991:
                actors = tuple(dict.fromkeys("SUN" if a == "RUS" else a for a in actors))
                alleged = tuple(dict.fromkeys("SUN" if a == "RUS" else a for a in alleged))
            pairs = [(actors, alleged)]
            if etype == "violation_alleged" and len(actors) >= 2 and (re.search(
                    r"\bof\s+(?:both|each)\s+$", s[c0:t0]) or _DISTRIBUTIVE.search(s[c0:t0])):
                # "accused Iran and Israel of both violating": one act by each (eleventh round:
                # "accused both Israel and Iran of violating", "Israel and Iran have both
                # violated", "blamed each of them for breaching")
                pairs = [((a,), alleged) for a in actors]
            elif etype == "violation_alleged" and len(actors) >= 2 and re.search(
                    _RECIPROCAL, s[c0:t0]):
                # "Russia and Ukraine accused each other of violating": each accuses the other
                pairs = [((a,), tuple(b for b in actors if b != a)) for a in actors]
            for (actors, alleged), (k_agr, agr) in ((p_, a_) for p_ in pairs
                                                    for a_ in enumerate(agrs)):
                dm_agr = dm
                if len(agrs) > 1 and agr.start >= 0:
                    # "withdrew from the JCPOA in 2018 and from the INF Treaty in 2019"
                    stop = agrs[k_agr + 1].start if k_agr + 1 < len(agrs) else c1
                    dm_agr = next((d for d in dates if agr.end <= d.start < stop and not
                                   d.deadline and d not in name_years), dm)
                # (twenty-fifth round) an act told by its anniversary happened N years before
                # the anniversary (the sentence's date, else the dateline); an anniversary of
                # the agreement itself is its signing by its parties
                if (an := _ANNIVERSARY.search(s, max(0, t0 - 90), t0)) or \
                        ttext.lower().startswith("anniversary"):
                    if ttext.lower().startswith("anniversary"):
                        if not re.fullmatch(r"\s+(?:the\s+)?", s[t1:agr.start]):
                            continue
                        actors, alleged = ("*",), ()
                        an = _ANNIVERSARY.search(s, max(0, t0 - 40), t1 + 1) or \
                            _ANNIVERSARY.search(s + " ", max(0, t0 - 40), t1 + 1)
                    nth = (int(an.group("n")) if an.group("n") else
                           _ORDINALS.get(an.group("w").lower())) if an else None
                    said = next((d for d in dates if len(d.value) >= 7 and not d.deadline),
                                None)
                    at_day = said.value if said else state.ref.isoformat() if state.ref else None
                    dm_agr = None
                    if nth and at_day:
                        val = f"{int(at_day[:4]) - nth:04d}{at_day[4:7]}"
                        dm_agr = DateMention(an.start() if an else t0, t1, val)
                    negated = hyp = False
                found.append(Candidate(
                    doc=article.name, sentence_index=index, sentence=s.strip(), start=start,
                    end=start + len(s), agreement=agr.key, agreement_text=agr.text,
                    actors=actors, type=etype, date=dm_agr.value if dm_agr else None,
                    date_text=s[dm_agr.start:dm_agr.end] if dm_agr else "", alleged_by=alleged,
                    negated=negated, hypothetical=hyp,
                    confidence=round(min(0.99, max(0.05, conf)), 2), trigger=ttext,
                    evidence=evidence, url=article.url,
                    resolved="discourse" if discourse else "",
                ))
        if sentence_alleger is None and triggers:
            sentence_alleger = _reporter(s, len(s), act_ents, g,
                                         state.ref.year if state.ref else state.last_year)
        state.prev_alleger = sentence_alleger or state.prev_alleger
        # "it"/"they" in a later sentence: the actor of this sentence's first act, stated or
        # denied ("Russia has not taken the steps ... It remains in material breach")
        facts = [c for c in found if c.is_fact and "*" not in c.actors] or [
            c for c in found if "*" not in c.actors]
        if facts:
            state.last_actors = facts[0].actors
        if any(c.is_fact for c in found):
            state.last_type = [c.type for c in found if c.is_fact][-1]
        people = [e for e in act_ents if _is_person(g, e, s)]
        if people:
            state.last_person = g.actor_code(people[-1].key, state.ref.year if state.ref
                                             else None)
        if _unknown_speaker(s, act_ents, people):
            state.last_person = None
        state.since_candidate = 0 if found else state.since_candidate + 1
        state.prev_had_act = bool(found)
        if agr_ents:
            state.last_agreement = (agr_ents[-1].key, agr_ents[-1].text)
            state.last_agreement_at = index
            state.since_agreement = 0
        elif found:
            state.last_agreement = (found[-1].agreement, found[-1].agreement_text)
            state.last_agreement_at = index
            state.since_agreement = 0
        else:
            state.since_agreement += 1
        _update_years(state, dates, ents, name_years)
        y1 = state.ref.year if state.ref else state.last_year
        state.prev_codes = tuple((c, e.start, e.end) for e in act_ents if (
            c := g.actor_code(e.key, y1)) not in (None, SIDES, ARMED, E3, P5))
        state.prev_sentence = s
        self._note_quote(state, s, act_ents)
        return _dedupe(found)

    def _note_quote(self, state: _State, s: str, acts: list[_Ent]) -> None:
        """Carry a quotation the sentence leaves open (its last character an opening mark)
        to the next sentence, with its speaker; a sentence with no quotation mark keeps one
        carried open; any other closes it."""
        body = s.rstrip()
        if body.endswith("“") or (body.endswith('"') and body.count('"') % 2 == 1 and
                                  re.search(r"[.:!?]\s+\"$", body)):
            year = state.ref.year if state.ref else state.last_year
            state.quote_speaker = _carried_speaker(body[:-1].rstrip(), acts, self.gazetteer,
                                                   year, state.last_person, state.voice)
        elif re.search(r"[\"“”]", s):
            state.quote_speaker = None


#: (twentieth round) the head words of a record name in common words that may name another
#: agreement of that description ("the trilateral statement")
_GENERIC_HEADS = frozenset({"statement", "declaration", "communique", "memorandum", "protocol"})


#: (twentieth round) a subject noun phrase with a restrictive relative clause in the past ("The
#: four major powers that defeated Germany in the war", "The country that invaded Ukraine")
_RELATIVE_ON_NOUN = re.compile(
    r"(?:^|(?<=[.:;,—–-]\s))\s*(?:the|a|an|this|these|those)\s+(?:[\w-]+\s+){0,3}?"
    r"(?-i:[a-z][a-z-]*)\s+(?P<rel>that|who)\s+(?:(?:had|once|later|then)\s+)?"
    r"(?-i:[a-z]+ed|won|fought|beat|lost|led|began|broke)\s+[^,;]+?\s+$", re.I)


#: (twentieth round) an organisation's noun and a comma right before a name in apposition
_ORG_APPOSITION = re.compile(
    r"\b(?:think[- ]tanks?|institutes?|research\s+(?:group|centre|center|body)|"
    r"organi[sz]ations?|foundation|watchdog|monitoring\s+group|NGO|non-profit|nonprofit|"
    r"university|project|consultancy|firm|company)\s*,\s*$", re.I)


#: (twentieth round) a line announcing a list, chronology or timeline that follows it
_ANNOUNCES_LIST = re.compile(
    r"\s*(?:(?:the\s+)?following|below|here|what\s+follows)\s+(?:is|are)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:chronology|timeline|list|summary|overview|table|roundup|rundown|"
    r"breakdown|digest)\s+of\b", re.I)


_MD = [p for k, p in _PATTERNS if k in ("md", "dm")]


#: (twenty-second round) a wire dateline: a city in capitals, an agency in brackets, a dash
_WIRE_DATELINE = re.compile(r"\s*(?-i:[A-Z][A-Z.'’ -]{2,30})(?:,\s*[\w. ]{2,30})?\s*\("
                            r"[^()]{2,40}\)\s*[—–-]+\s*")



#: (thirty-eighth round, part two, ``Extractor._near_antecedent``) agreements in the plural, or
#: "all"/"any" agreements: a reference to several, not to one
_PLURAL_AGREEMENTS = re.compile(r"\b(?:treaties|agreements|accords|pacts|deals|commitments|"
                                r"obligations)\b|\b(?:any|all|every)\s+(?:\w+\s+)?"
                                r"(?:treaty|agreement|accord|pact|deal)\b", re.I)
#: an act's own object that is no agreement: "violates international law", "an infringement
#: upon Armenia's territory", "disregard of warnings" (not "violated it", "breached those
#: assurances", "violates the spirit of ...")
_OTHER_OBJECT = re.compile(
    r"[\"”’]?\s+(?:(?:of|upon|on|against)\s+)?(?!(?:it|them|this|that|these|those|its|their|"
    r"his|her|the\s+(?:[\w'’-]+\s+){0,3}?(?:treaty|agreement|accords?|deal|pact|ceasefire|"
    r"cease-fire|truce|memorandum|convention|protocol|moratorium|commitments?|obligations?|"
    r"pledges?|promises?|assurances?|undertakings?|spirit|terms|provisions?))\b)"
    r"(?:the|a|an|international|[A-Z][\w'’-]*)\b|"
    r"[\"”’]?\s+(?:of|upon|against)\s+(?!(?:it|them|this|that|these|those|its|their|his|her|"
    r"the|a|an)\b)[a-z]")
#: a passive whose subject is what was violated ("rights are violated", "has seen its borders
#: violated"): no act on an agreement named elsewhere
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?|"
                             r"\bseen\s+(?:[\w'’]+\s+){1,3})$", re.I)


def _admits(kind: str | None, etype: str) -> bool:
    """Whether an agreement of ``kind`` can be the object of an act of ``etype``: a ceasefire,
    a political commitment, a pledge or an assurance is not ratified; talks and drafts bear no
    act here."""
    if kind in ("talks", "draft"):
        return False
    if etype in ("ratified", "not_ratified", "entered_into_force"):
        return kind in (None, "treaty", "executive_agreement", "memorandum")
    return True


def _month_days(s: str) -> frozenset[str]:
    """(twentieth round) The days written with a month and no year ("Sept. 5", "5 September")
    in ``s``, as "MM-DD"."""
    out = set()
    for pat in _MD:
        for m in pat.finditer(s):
            mon = next((_MONTHS[w] for w in re.findall(r"[a-z]+", m.group(0).lower())
                        if w in _MONTHS), None)
            day = re.search(r"\d{1,2}", m.group(0))
            if mon and day:
                out.add(f"{mon:02d}-{int(day.group(0)):02d}")
    return frozenset(out)


def _overlap(codes: frozenset[str], parties: frozenset[str]) -> int:
    """How many of the article's actors are among an agreement's parties ("the rebels", coded
    ``ARMED``, count once if it has non-state armed parties)."""
    return len(codes & parties) + (ARMED in codes and bool(parties & NON_STATE))


def _latest_year(text: str, until: int) -> int | None:
    """The latest year (1945 to ``until``, the record's present) written in ``text``, or None:
    the year of an article with no dateline, read from what it tells (a year after the
    record's latest dated fact is a deadline or a plan, not the article's). Bounded by the
    record, not the calendar, so that the same article and record give the same reading on
    any day."""
    years = [y for y in map(int, _ANY_YEAR.findall(text)) if 1945 <= y <= until]
    return max(years, default=None)


def _article_month(paras: list[tuple[int, str]]) -> str | None:
    """The month of the article's dateline (``YYYY-MM``): a date in its first paragraph when
    that is a short header ("Wikinews, Friday, October 10, 2008."), else None."""
    if len(paras) < 2:
        return None
    # (sixteenth round) or a labelled date line among the first three ("Publish date: ...")
    heads = [c for k, (_, c) in enumerate(paras[:3]) if (k == 0 and len(c) <= 300) or
             _LABELLED_DATE.fullmatch(c.strip())]
    for head in heads:
        dates = [d for d in find_dates(head, None, None) if len(d.value) >= 7]
        if dates:
            return dates[-1].value[:7]
    return None


def _paragraphs(text: str) -> list[tuple[int, str]]:
    paras: list[tuple[int, str]] = []
    pos = 0
    for m in re.finditer(r"\n\s*\n|\Z", text):
        chunk = text[pos:m.start()]
        if chunk.strip():
            paras.append((pos, chunk))
        pos = m.end()
    return paras


@dataclass
class _State:
    ref: date | None = None
    #: (fourteenth round) no dateline and no year anywhere: the article is read in the present
    undated: bool = False
    voice: str | None = None
    last_year: int | None = None
    last_agreement: tuple[str, str] | None = None
    #: the sentence (index) the last agreement was named or acted on in
    last_agreement_at: int = -99
    since_agreement: int = 99
    prev_alleger: str | None = None
    last_actors: tuple[str, ...] = ()
    since_candidate: int = 99
    #: whether the previous sentence gave a candidate (eleventh round, for a pronoun subject)
    prev_had_act: bool = True
    #: (sentence index, agreement id, text) of every agreement named in the article
    named: list[tuple[int, str, str]] = field(default_factory=list)
    #: the last person named (a name with years in office), for "he said"
    last_person: str | None = None
    headline: bool = False
    #: the type of the last act reported, for "followed suit"
    last_type: str | None = None
    #: sentence index -> an agreement described by its kind (``Extractor._kind_agreement``)
    kind_desc: dict[int, _Ent] = field(default_factory=dict)
    #: (twelfth round) the one record moratorium whose topic the article states
    moratorium: str | None = None
    #: the actor codes of the previous sentence with their spans, in order (for "both sides")
    prev_codes: tuple[tuple[str, int, int], ...] = ()
    prev_sentence: str = ""
    #: the speaker of a quotation left open by the previous sentence (its opening mark ends
    #: that sentence: 'he urged all sides to keep their word. "'), until a quotation mark
    quote_speaker: str | None = None
    #: the dateline's month (``YYYY-MM``), when the article opens with one
    month: str | None = None
    #: the last date the article gave (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
    last_date: str | None = None


#: a non-state armed group named by what it is: "the rebels", "separatist fighters",
#: "pro-Russian forces", "Russian-backed fighters" (not "Russian forces")
_ARMED_GROUP = re.compile(
    r"\b(?:(?:pro-[A-Z][\w]*|[A-Z][\w]*-(?:backed|led|controlled|supported))\s+)?(?:separatist|"
    r"rebel|insurgent|militant)s?(?:\s+(?:fighters|forces|troops|militias?|groups?|units|"
    # (thirteenth round: "the pro-Russia separatist leaders" signed for the armed parties)
    r"leaders|leadership|representatives|commanders))?\b|"
    r"\b(?:pro-[A-Z]\w*|[A-Z]\w*-(?:backed|led|controlled|supported))\s+(?:fighters|forces|"
    r"militias?|troops|gunmen|units|groups|battalions|formations)\b")


def _spoke_before(s: str, acts: list[_Ent], t0: int) -> bool:
    """The sentence's first actor is the subject of a reporting verb before ``t0``."""
    first = next((e for e in acts if e.end <= t0), None)
    return first is not None and bool(_REPORT_VERB.search(s, first.end, t0))


def _restated(s: str, acts: list[_Ent], g: Gazetteer) -> list[_Ent]:
    """``acts`` without a name restated in parentheses right after the same actor's name: "the
    Organization for Security and Co-operation in Europe (OSCE)" is one mention (thirteenth
    round), so a list through it is not broken."""
    out: list[_Ent] = []
    for e in acts:
        if out and re.fullmatch(r"\s*\(\s*", s[out[-1].end:e.start]) and \
                re.match(r"\s*\)", s[e.end:]) and \
                g.actor_code(e.key, None) == g.actor_code(out[-1].key, None) is not None:
            continue
        out.append(e)
    return out


def _armed_groups(s: str, acts: list[_Ent]) -> list[_Ent]:
    """``acts`` with every armed-group phrase as one actor (replacing the names inside it)."""
    if not re.search(r"separatist|rebel|insurgent|militant|backed|pro-|-led|controlled|"
                     r"supported", s):
        return acts
    groups = [_Ent("ACT", "armed group", m.start(), m.end(), m.group(0))
              for m in _ARMED_GROUP.finditer(s)]
    if not groups:
        return acts
    kept = [e for e in acts if not any(gr.start <= e.start < gr.end for gr in groups)]
    return sorted(kept + groups, key=lambda e: e.start)


_E3_GROUP = re.compile(
    r"\b[Tt]he\s+(?:Europeans|E3|E-3|EU-?3|European\s+(?:trio|troika|three)|three\s+European\s+"
    r"(?:powers|countries|nations|states|signatories|parties|governments)|European\s+"
    r"(?:powers|signatories|parties))\b")


_P5_GROUP = re.compile(
    r"\b(?:[Tt]he\s+)?(?:P5\s*\+\s*1|5\s*\+\s*1|E3\s*\+\s*3|EU3\s*\+\s*3)(?![\w+])|"
    r"\b[Tt]he\s+sextet\b|\b(?:[Tt]he\s+(?:group\s+of\s+)?)?six\s+(?:world\s+|major\s+|"
    r"global\s+|great\s+|big\s+)?powers\b")


def _european_trio(s: str, acts: list[_Ent]) -> list[_Ent]:
    """``acts`` with "the Europeans", "the E3", "the three European powers" as one actor
    (``E3``), and "the P5+1", "the sextet", "six world powers" as another (``P5``), replacing
    any name inside them."""
    if "E" not in s and "+" not in s and "sextet" not in s and "six" not in s:
        return acts
    groups = [_Ent("ACT", "e3 group", m.start(), m.end(), m.group(0))
              for m in _E3_GROUP.finditer(s)
              if not (m.group(0).endswith("E3") and s[m.end():m.end() + 1] == "+")]
    # (not a name given: "six powers ... collectively known as the P5+1")
    groups += [_Ent("ACT", "p5+1 group", m.start(), m.end(), m.group(0))
               for m in _P5_GROUP.finditer(s)
               if not re.search(r"\b(?:known\s+as|called|dubbed|termed)\s+$", s[:m.start()])]
    if not groups:
        return acts
    kept = [e for e in acts if not any(gr.start <= e.start < gr.end for gr in groups)]
    return sorted(kept + groups, key=lambda e: e.start)


#: the two parties named together: "both sides", "both countries", "the two sides", "the two
#: Middle East powers" (resolved to the last two actors named before)
#: (eleventh round: the people who act for them, "the two men", "both leaders", "the two
#: delegations")
_SIDES = re.compile(r"\b(?:[Bb]oth\s+(?:sides|countries|nations|parties|states|governments|"
                    r"leaders|men|presidents|delegations)|"
                    r"[Tt]he\s+two\s+(?:[A-Z][\w-]*\s+){0,3}(?:sides|countries|nations|"
                    r"parties|states|powers|governments|neighbou?rs|rivals|adversaries|men|"
                    r"leaders|presidents|delegations|heads\s+of\s+state))\b")


def _pair(s: str, acts: Sequence[tuple[str, int, int]]) -> tuple[str, ...]:
    """The last two different actors coordinated in ``s`` ("Azerbaijan and Armenia", "between
    the Israeli military and Hezbollah", "either the United States or the Soviet Union")."""
    for (c0, _, e0), (c1, s1, _) in reversed(list(zip(acts, acts[1:], strict=False))):
        # (eleventh round: with a title or description before the second name, "Israel and
        # the Lebanon-based armed group Hezbollah")
        if c0 != c1 and re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*(?:,\s*)?(?:and|or|,)\s+(?:the\s+)?"
                                     r"(?:(?:[A-Z][\w.'-]*|" + _TITLE_WORDS + r")\s+)*",
                                     s[e0:s1]):
            return (c0, c1)
    return ()


def _sides(s: str, acts: list[_Ent]) -> list[_Ent]:
    """``acts`` with the first "both sides" phrase as one placeholder actor (``SIDES``)."""
    if "both" not in s.lower() and "two" not in s.lower():
        return acts
    m = _SIDES.search(s)
    if m is None or any(m.start() <= e.start < m.end() for e in acts):
        return acts
    return sorted([*acts, _Ent("ACT", "both sides", m.start(), m.end(), m.group(0))],
                  key=lambda e: e.start)


def _institutional(g: Gazetteer, key: str) -> bool:
    if key in _INSTITUTIONS:
        return True
    return any(o.start is not None or o.end is not None for o in g.actors.get(key, ()))


def _find_triggers(s: str, exhaustive: bool = False) -> list[tuple[str, int, int, str]]:
    """(type, start, end, text) of every trigger; earlier patterns win where spans overlap.
    A pattern runs only on a sentence holding one of its key words (same result, faster; the
    test compares both ways)."""
    spans: list[tuple[str, int, int, str]] = []
    low = s.lower()
    words = set(_WORD.findall(low))
    for i, (etype, pat) in enumerate(_TRIGGERS):
        # (a word of the sentence starting with a key: the key after a non-letter)
        if not exhaustive and not (_KEY_RES[i].search(low) if i < _N_HAND
                                   else not words.isdisjoint(_LEX_KEYS[i - _N_HAND])):
            continue
        for m in pat.finditer(s):
            a, b = m.span()
            if any(not (b <= x or a >= y) for _, x, y, _ in spans):
                continue
            spans.append((etype, a, b, m.group(0)))
    spans = [t for t in spans
             if not (t[0] == "ratified" and _NO_RATIFICATION.search(s[max(0, t[1] - 200):t[1]]))
             and not (t[0] == "ratified" and _APPROVED.match(s, t[1]) is not None and
                      not _by_legislature(s, t[1], t[2]))]
    spans.sort(key=lambda t: t[1])
    return spans


#: ratification named as absent, awaited or as the purpose of a step is no ratification:
#: "non-ratification", "the lack / absence of (U.S.) ratification", "pending ratification",
#: "without ratification", "submitted the treaty to the Senate for ratification"
_NO_RATIFICATION = re.compile(
    r"(?:\bnon-?\s?|\b(?:lack|absence)\s+of\s+(?:[\w.'’-]+\s+){0,2}?|\bpending\s+|"
    r"\bawaiting\s+|\bwithout\s+(?:[\w.'’-]+\s+)?|"
    r"\b(?:submit|sen[dt]|transmit|forward|present|refer)\w*\b[^;]{0,140}?\bfor\s+"
    r"(?:its\s+|their\s+)?)$", re.I)

_WORD = re.compile(r"[a-z]+")

#: (twenty-sixth round) every form of the lexicon's verbs of keeping ("honoured", "stuck to"),
#: what a treaty-noun object and a name object look like after them
_KEPT_FORMS = frozenset(re.sub(r"\s+", " ", f.lower()) for e in LEXICON if e.type == "kept"
                        for v in e.verbs for f in forms(v))
_KEPT_NOUN_RE = re.compile(KEPT_NOUN, re.I)
#: (thirty-fifth round) the verbs of carrying an agreement out, and what before them makes
#: the act a purpose or an attempt rather than a deed (``_sentence``)
_CARRY_OUT = re.compile(r"(?:implement|carr(?:y|ies|ied|ying)\s+(?:out|through))", re.I)
_PURPOSE_BEFORE = re.compile(r"\b(?:to|in|of|for|on|about|at|from|without|towards?)\s+"
                             r"(?:(?:start|begin|began|begun|continu|resum)\w*\s+)?"
                             r"(?:\w+ly\s+)?$", re.I)
_COMMITTED_BEFORE = re.compile(r"\bcommit(?:ted|ment|ments)\s+(?:to|for)\s+(?:\w+ly\s+)?$",
                               re.I)
_KEPT_NAME_RE = re.compile(KEPT_NAME, re.I)
#: (twenty-sixth round) the subject of a violation told as an act already reported: "the
#: deployment is", "the radar was", "This, again, is", "that the move was" (a determiner, at most
#: two words, an act noun, then a copula or "constitutes" right before the violation phrase)
_ACT_SUBJECT = re.compile(
    r"(?:(?<=[\"“‘])|\b(?:that|says?|said|stated|added|insists?|insisted|argues|argued|charged|"
    r"claims?|claimed|believes?|believed)\s+|^\s*)"
    r"(?:(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:deployments?|radars?|"
    r"moves?|tests?|launch(?:es)?|construction|steps?|actions?|decisions?|missiles?|systems?|"
    r"activit(?:y|ies)|strikes?|attacks?|build-?up|annexation|programm?e?s?|facilit(?:y|ies)|"
    r"development|production|shipments?|incursions?|exercises?|drills?)|[Tt]his|[Tt]hat)"
    r"\s*(?:,\s*(?:\w+\s*){1,3},\s*|\s+(?:\w+ly|again|also)\s+)?"
    r"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains?|remained|represents?|"
    r"represented|constitutes?|constituted)\s+(?:(?:a|an|in|clearly|again|also|\w+ly)\s+){0,3}"
    r"(?:[\w-]+\s+){0,2}$", re.I)


def _spoke_before_code(s: str, acts: list[_Ent], t0: int, code: str, g: Gazetteer,
                       year: int | None) -> bool:
    """Whether ``code`` is named in the sentence before ``t0`` (then it is no act told before:
    it is the speaker or the one spoken to)."""
    return any(e.start < t0 and g.actor_code(e.key, year) == code for e in acts)


#: the run of capitalised words (and figures) after a verb: "UN Security Council Resolution 687"
_CAP_RUN = re.compile(r"\s+(?:the\s+)?(?:[A-Z0-9][\w'’.-]*\s*)*")
#: a preposition (and an article) right before a name: the name is no subject
_AFTER_PREP = re.compile(r"\b(?:to|of|in|with|by|for|on|from|against|at|about|over)\s+"
                         r"(?:the\s+)?$", re.I)
#: a copula (with its auxiliary and an adverb) ending right before a trigger
_COPULA_BEFORE = re.compile(r"(?:\s+(?:has|have|had))?\s+(?:is|are|was|were|been|remains?|"
                            r"remained|stays?|stayed)\s+(?:\w+ly\s+)?$", re.I)


def _clauses(s: str) -> list[tuple[int, int]]:
    colon = s.find(":")
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(s)
                  if not (m.group(0) == ";" and 0 <= colon < m.start())] + [len(s)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _name_years(s: str, dates: list[DateMention], agrs: list[_Ent]) -> list[DateMention]:
    out = []
    for d in dates:
        if len(d.value) != 4:
            # "the September 5 accords": a full date naming an agreement
            if re.search(r"\bthe\s+$", s[max(0, d.start - 5):d.start]) and re.match(
                    r"^(?:\s+[\w-]+){0,2}?\s+(?:treaty|agreements?|accords?|deal|pact|ceasefire|"
                    r"truce|memorandum|protocol)\b", s[d.end:d.end + 40], re.I):
                out.append(d)
            continue
        if any(e.start <= d.start < e.end for e in agrs):
            out.append(d)
            continue
        follow = s[d.end:d.end + 60]
        if re.match(r"^(?:-year-old)", follow) or (
                re.search(r"\b(?:the|a|an|its|their)\s+$", s[max(0, d.start - 8):d.start])
                and re.match(r"^(?:\s+[\w-]+){0,3}?\s+(?:treaty|agreement|accords?|deal|pact|"
                             r"convention|memorandum|protocol)\b", follow, re.I)):
            out.append(d)
            continue
        for e in agrs:
            gap = s[d.end:e.start]
            if e.start >= d.end and re.fullmatch(r"(?:\s+[a-z-]+){0,2}\s+[\"'“‘]?|\s*[\"'“‘]?",
                                                 gap):
                out.append(d)
                break
        else:
            if re.match(r"^\s+(?:editions?|report)", follow):
                continue
    return out


_SUBORDINATE = re.compile(r"\b(?:after|before|since|until)\s+(?:the\s+)?"
                          r"(?:(?:[A-Z][\w.'’-]*\s+){1,4}|(?:it|they|he|she|we)\s+)"
                          r"(?:['’]s\s+)?(?:\w+ly\s+)?"
                          r"(?:had\s+|has\s+|have\s+)?$")


def _pick_date(dates: list[DateMention], name_years: list[DateMention], t0: int, c0: int,
               c1: int, s: str, skip_reported: bool = False) -> DateMention | None:
    usable = [d for d in dates if not d.deadline and d not in name_years
              and not re.match(r"^\s*(?:editions?)", s[d.end:d.end + 12])]
    present = [d for d in usable if not _SCHEDULED.search(s[max(0, d.start - 40):d.start])]
    # a scheduled date ("will take effect on December 7") only when no other date is given
    usable = present or usable
    # a list of years ("the 2014, 2015 and 2016 editions") stands for its first year
    for last in [d for d in dates if re.match(r"^\s*(?:editions?)", s[d.end:d.end + 12])]:
        run = [last]
        years = [d for d in dates if len(d.value) == 4 and d.start < last.start]
        for d in reversed(years):
            if re.fullmatch(r",?\s*(?:and\s+)?", s[d.end:run[0].start]):
                run.insert(0, d)
            else:
                break
        usable = [d for d in usable if d not in run] + [run[0]]
    if skip_reported:
        # "since 2006": the start of a duration, not the date of an act
        usable = [d for d in usable if not re.search(r"\bsince\s+$", s[max(0, d.start - 8):
                                                                           d.start])]
        # "In May, it cited ... the U.S. withdrawal": that date is the citing, not the act
        # (a quotation's act is dated by its attribution: '"We are leaving," he said in 2003')
        quoted = _in_quote(s, t0)
        usable = [d for d in usable if not _CITING.search(
            s[min(d.end, t0):max(d.start, t0)]) or (quoted and d.start > t0)]
    # "Russia said on Friday it was leaving, months after Washington quit": a date before a
    # subordinate clause is not the date of the act inside it
    usable = [d for d in usable if d.end > t0 or not _SUBORDINATE.search(s[d.end:t0])]
    # (eleventh round) nor of a gerund that long precedes it: "in August, weeks after reaching
    # the deal" (the reaching is not of August; "hours after" stays on the day)
    usable = [d for d in usable if d.end > t0 or not re.search(
        r"\b(?:weeks|months|years|decades)\s+(?:after|before)\s+(?:\w+ly\s+)?$", s[d.end:t0])]
    if not usable:
        return None
    in_clause = [d for d in usable if c0 <= d.start < c1]
    pool = in_clause or usable
    return min(pool, key=lambda d: abs(d.start - t0) if d.start < t0 else (d.start - t0) * 0.8)


def _code(g: Gazetteer, e: _Ent, year: int | None) -> str | None:
    return g.actor_code(e.key, year)


#: lower-case words of a title between a demonym and a name ("North Korean dictator Kim",
#: "Saudi national security adviser al-Aiban", "German chancellor Merkel"); the first six were
#: the list before the eleventh round
_TITLE_WORDS = (r"leader|president|premier|chairman|secretary|minister|general|dictator|ruler|"
                r"strongman|chancellor|counterpart|envoy|negotiator|ambassador|chief|head|king|"
                r"emir|prince|adviser|advisor|spokes(?:man|woman|person)|commander|prime|foreign|"
                r"defen[cs]e|national|security|deputy|vice|supreme|top|senior|state|interior|"
                r"army|military|diplomat|monarch|sultan|speaker|"
                # (and what an armed party is: "the Lebanon-based armed group Hezbollah", "the
                # Palestinian militant group Hamas")
                r"-based|armed|militant|militia|group|movement|faction|organi[sz]ation")


def _chain(s: str, acts: list[_Ent], last: int) -> list[_Ent]:
    """The actors joined to ``acts[last]`` by "and"/commas/titles, right to left."""
    chain = [acts[last]]
    j = last
    while j > 0:
        gap = s[acts[j - 1].end:acts[j].start]
        # (a title and name after a demonym: "Armenian Prime Minister Nikol Pashinyan and")
        # (nineteenth round: and a plural of those who act for the first actor, "NATO
        # leaders and Russian President Boris Yeltsin signed")
        if re.fullmatch(r"(?:['’]s)?\s*(?:(?-i:[A-Z][\w.'-]*)\s+)*?(?-i:[A-Z][\w.'-]*)?"
                        r"(?:(?:foreign\s+|defen[cs]e\s+|prime\s+)?(?:leaders|ministers|"
                        r"heads\s+of\s+(?:state|government)|delegations|delegates|envoys|"
                        r"negotiators|representatives)\s+(?=and\s))?(?:,\s*)?"
                        r"(?:and\s+|along\s+with\s+|together\s+with\s+|"
                        r"as\s+well\s+as\s+)?(?:(?:the|its|their|our|all|other)\s+)*"
                        r"(?:(?:[A-Z][\w.'-]*|of|" + _TITLE_WORDS + r")\s+)*",
                        gap) and ("and" in gap or "," in gap or not gap.strip() or
                                  re.search(r"[A-Z]", gap) or "with" in gap or "well as" in gap or
                                  re.fullmatch(r"\s*(?:(?:" + _TITLE_WORDS + r")\s+)+", gap)):
            chain.insert(0, acts[j - 1])
            j -= 1
        else:
            break
    return chain


def _chain_right(s: str, acts: list[_Ent], first: _Ent, c1: int) -> list[_Ent]:
    """``first`` and the actors coordinated after it: "by the United States and Russia"."""
    out = [first]
    for e in acts:
        if e.start > out[-1].end and e.start < c1:
            # "by separatist forces acting in concert with Russian forces"
            # (twentieth round: a title and a name after a demonym, "between South Korean
            # President Moon Jae-in and North Korean leader Kim Jong Un")
            if re.fullmatch(r"(?:\s+(?i:" + _TITLE_WORDS + r")(?=\s)(?:\s+(?-i:[A-Z])[\w.'’-]*)+)?"
                            r"\s*(?:,\s*(?:and\s+)?|and\s+|(?:\s+[a-z]+){0,2}?\s+(?:acting\s+)?"
                            r"(?:in\s+concert\s+with|together\s+with|jointly\s+with|along\s+with|"
                            r"alongside)\s+)(?:the\s+)?", s[out[-1].end:e.start]):
                out.append(e)
            else:
                break
    return out


def _actors(s: str, etype: str, t0: int, t1: int, c0: int, c1: int, acts: list[_Ent],
            g: Gazetteer, year: int | None) -> tuple[tuple[str, ...], str]:
    def codes(es: Iterable[_Ent]) -> tuple[str, ...]:
        out: list[str] = []
        for e in es:
            c = _code(g, e, year)
            if c and c not in out:
                out.append(c)
        return tuple(out)

    before = s[max(c0, t0 - 40):t0]
    ttext = s[t0:t1]
    nominal = (bool(_NOMINAL.search(ttext.split()[-1])) and not re.search(
        r"\b(?:ing|withdrawing|signing)$", ttext, re.I) or ttext.lower() == "signing" or bool(
        re.match(r"(?:failure|refusal)\b", ttext, re.I))) and not re.match(r"reached\s", ttext,
                                                                          re.I)
    inside = [e for e in acts if t0 <= e.start and e.end <= t1]
    if inside:
        return codes(inside[-1:]), "modifier"
    # (twentieth round) "The Founding Act ... between NATO and the Russian Federation, signed
    # in 1997": a reduced relative after an agreement's name and the partners it is "between"
    # is their act (thirty-third round: the "between" phrase of a long title, to 140 characters)
    if etype in _SYMMETRIC and ttext.lower().endswith(("ed", "struck")) and (bm := re.search(
            r"(?<=[\w)])\s+between\s+[^,;()]{2,140}?,\s*$", s[c0:t0])) and re.search(
            r"(?:(?-i:[A-Z])[\w'’-]*|treaty|agreement|accord|deal|pact|act|memorandum|"
            r"statement)$", s[c0:c0 + bm.start()], re.I) and (
            partners := _coordinated_after(s, c0 + bm.start(), acts, g, year)):
        return partners, "agent"
    # (thirty-ninth round) "The treaty between the Soviet Union and the United States was
    # signed in 1987": the partners the passive's subject is "between" are its agents (not the
    # last of them, read as a subject)
    if etype in ("signed", "extended") and ttext.lower().endswith(("ed", "struck")) and (
            bm := re.search(
            r"\b(?:treaty|agreements?|accords?|deal|pact|memorandum|statement|convention|"
            r"protocol|cease-?fire|truce|document)(?=\s+between\s+[^,;()]{2,140}?\s+(?:was|were|"
            r"ha[sd]\s+been|have\s+been)\s+(?:\w+ly\s+)?$)", s[c0:t0], re.I)) and (
            partners := _coordinated_after(s, c0 + bm.end(), acts, g, year)):
        return partners, "agent"
    # "the agreement signed on February 12", "the deal agreed between the leaders of France,
    # Germany, Russia and Ukraine": a reduced relative on the treaty noun: its agent, else
    # the parties
    if etype in _SYMMETRIC and ttext.lower().endswith(("ed", "struck")) and (
            _TREATY_HEAD_END.search(s[c0:t0]) or re.search(
                r"\b(?:the|this|that|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:deal|pact|accord|agreement|"
                r"truce|ceasefire)\s*,\s*$", s[c0:t0], re.I) or (
                # the passive of conclusion, in a main clause or a relative (eighth round)
                re.match(r"(?:was|were|ha[sd]\s+been|have\s+been)\s", ttext, re.I) and
                re.search(r"\b(?:treaty|agreements?|accords?|deal|pact|ceasefire|cease-fire|"
                          r"truce|armistice)(?:\s+(?:that|which)\s+|\s*,\s*which\s+|\s+)$",
                          s[c0:t0], re.I))):
        ag = re.match(r"^(?:\s+(?!by\b|between\b)[\w'’-]+){0,3}?\s+(?:by|between)\s+(?:the\s+)?"
                      r"(?:(?:leaders?|heads?|presidents?|foreign\s+ministers?)\s+of\s+)?", s[t1:])
        # (eleventh round: "agreed by the two sides", whose placeholder holds its "the")
        agent0 = [e for e in acts if ag and (e.start == t1 + ag.end() or (
            e.key == "both sides" and e.start <= t1 + ag.end() < e.end))]
        if agent0:
            return codes(_chain_right(s, acts, agent0[0], c1)), "agent"
        return ("*",), "parties"
    # "by concluding the Budapest Memorandum, Great Britain, the United States and Russia
    # reaffirmed": a fronted by-phrase's act is the main clause's subject's
    if ttext.lower().endswith("ing") and re.search(r"(?:^|\bthat|,)\s*[Bb]y\s+$", s[c0:t0]):
        comma = s.find(",", t1, c1)
        nxt = [e for e in acts if comma != -1 and comma < e.start <= comma + 12]
        if nxt:
            return codes(_chain_right(s, acts, nxt[0], c1)), "subject"
    # "a decision by Russia on Tuesday to withdraw": the agent of the decision
    for e in acts:
        if c0 <= e.start < t0 and re.search(r"\b(?:decision|move|plan|bid|choice|"
                                            r"announcement|intention)\s+(?:by|of)\s+(?:the\s+)?$",
                                            s[max(c0, e.start - 30):e.start]) and \
                re.fullmatch(r"[^,;]{0,40}?\bto\s+", s[e.end:t0]):
            return codes([e]), "agent"
    # "the United States, which signed the Treaty": an actor right before ", which/who"
    rel = re.search(r",\s*(?:which|who)\s+(?:(?:has|have|had|then|later|also|never|\w+ly)\s+)"
                    r"{0,2}$", s[c0:t0])
    if rel:
        ante = [e for e in acts if e.end <= c0 + rel.start() and
                re.fullmatch(r"\s*", s[e.end:c0 + rel.start()])]
        if ante:
            return codes(ante[-1:]), "subject"
    # "Moscow was accused by Washington of breaching": the passive subject is the accused
    pa = _PASSIVE_ACCUSED.search(s[c0:t0])
    if pa:
        subj = [e for e in acts if c0 <= e.start < c0 + pa.start()
                and not _PREP.search(s[max(c0, e.start - 25):e.start])]
        if subj:
            return codes(_chain(s, subj, len(subj) - 1)), "subject"
    # passive with an agent: "was signed by the United States and the Soviet Union"
    # (thirty-ninth round: not past a coordinated verb, "which was signed in July 1991 and
    # was voted on by the Senate": the Senate's is the vote)
    by_m = re.match(r"^(?:\s+(?!by\b)(?!and\s+(?:was|were|is|are|has|have|had)\b)[\w'’-]+)"
                    r"{0,8}?\s+by\b", s[t1:])
    # (twenty-second round) a participle coordinated with a passive one shares its auxiliary:
    # "was signed by Putin and Bush in Moscow on May 24 and ratified by the Duma in May" (the
    # ratification is the Duma's, not the signatories')
    if (re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", s[c0:t0]) or (
            ttext.lower().endswith("ed") and re.search(
                r"\b(?:was|were|been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\b[^;:]*?\sand\s+"
                r"(?:(?:then|later|subsequently|also|\w+ly)\s+)?$", s[c0:t0])) or
            not s[:t0].strip(" \"“") or (ttext.lower().endswith("ed") and re.search(
                # (twenty-fifth round: an adverb before the participle, "START II, already
                # ratified by the United States Senate")
                r",\s*(?:(?:already|later|then|also|since|once|soon|\w+ly)\s+)?$",
                s[c0:t0]))) and by_m:
        agents = [e for e in acts if t1 + by_m.end() <= e.start < c1]
        if agents:
            k = 0
            while k + 1 < len(agents) and re.fullmatch(
                    r"\s*(?:,|and|, and)?\s*(?:the\s+)?(?:(?:[A-Z][\w.'-]*|" + _TITLE_WORDS +
                    r")\s+){0,4}",
                    s[agents[k].end:agents[k + 1].start]) and not (
                    "and" not in s[agents[k].end:agents[k + 1].start] and
                    _REPORT_AFTER.match(s[agents[k + 1].end:])):
                k += 1
            return codes(agents[: k + 1]), "agent"
    # a noun's own agent before the clause's subject: "the State Department said the suspension
    # of the treaty by the Russian Federation", "following the withdrawal of the United States"
    if nominal:
        # (also "the ratification process of the treaty by NATO members")
        # (thirty-ninth round: and a participle before the agent, "violations committed by
        # India")
        for by0 in (re.match(r"^\s+(?:(?:committed|perpetrated|carried\s+out)\s+)?(?:by|of)\s+"
                             r"(?:the\s+)?", s[t1:]), re.match(
                r"^\s+(?:process\s+)?of\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,8}?by\s+(?:the\s+)?",
                s[t1:])):
            agents = [e for e in acts if by0 and e.start == t1 + by0.end()]
            if agents:
                return codes(_chain_right(s, acts, agents[0], c1)), "agent"
    # (thirty-ninth round) the possessor of a failure or refusal to keep: "Armenia's failure to
    # meet the provisions", "Iran's refusal to comply with" (not the clause's subject)
    if etype == "violation_alleged" and (fm := re.search(
            r"(?:'s|’s)\s+(?:[a-z]+\s+){0,2}?(?:failures?|refusal|inability|unwillingness)\s+to\s+"
            r"(?:\w+ly\s+)?$", s[c0:t0])):
        owner = [e for e in acts if e.end == c0 + fm.start()]
        if owner:
            return codes(owner), "modifier"
    # a modifier right before a noun trigger: "Russia's violation", "the U.S. withdrawal"
    for e in reversed([e for e in acts if e.end <= t0 and e.start >= c0] if nominal else []):
        gap = s[e.end:t0]
        gap2 = re.sub(r"\b(?:decision|move|choice|announcement) to\b", "", gap)
        # ("accused Russian forces of violating": a preposition ends no modifier)
        # (scare quotes allowed: "Pakistan's “repeated violations”")
        if re.fullmatch(r"(?:'s|’s)?\s*[\"“‘]?(?:[a-z]+(?:,)?\s+(?:and\s+)?){0,3}", gap) and \
                not re.search(r"\b(?:of|for|in|by|to|from|with|on|at)(?:\s+(?:both|all|each|"
                              r"jointly|repeatedly))?\s*$", gap) and \
                not ("," in gap and ttext.lower().endswith("ing")) and \
                not re.search(r"\b(?:that|and|has|have|had|was|is|did|does|will|would|to)\b",
                              gap2.replace("and ", "", 1) if ("sustained" in gap2 or
                                                              "," in gap2) else gap2) and \
                not _RECORDED.search(gap) and \
                not _ZERO_THAT.search(gap):  # "the OSCE reported two violations": a reporter
            # (thirteenth round: nor a speaker before "said the ceasefire violation")
            if not re.search(r"\b(?:signed|withdr|suspend|ratif|extend|violat)", gap):
                return codes([e]), "modifier"
        break
    # (twentieth round) a restrictive relative clause on a subject that is no actor, between it
    # and the act ("The four powers that defeated Germany signed", "The country that invaded
    # Ukraine suspended"): its "that" is no complementiser and the actors in it are not the
    # subject; the head noun's own actors are
    if (rm := _RELATIVE_ON_NOUN.search(s, c0, t0)) and not re.search(
            r"\b(?:that|said|says|told|announced|stated)\b", s[rm.end("rel"):t0], re.I):
        head = codes([e for e in acts if rm.start() <= e.start and e.end <= rm.start("rel")])
        return head, "subject" if head else "relative"
    # subject: actors before the trigger, after the last complementiser, not after a preposition
    lo = c0
    for m in _COMPLEMENT.finditer(s, c0, t0):
        lo = m.end()
    # (thirteenth round) a reporting verb with no "that" before a noun trigger's phrase: "Biden
    # and Poroshenko said the ceasefire violation was confirmed": the speakers are not its actor
    zm = next(reversed(list(_ZERO_THAT.finditer(s, lo, t0))), None)
    if zm is not None and nominal and re.fullmatch(r"(?:[\w'’-]+\s+){0,3}", s[zm.end():t0]):
        lo = zm.end()
    if re.search(r"\b(?:I|we|my|our)\b", s[lo:t0]) and not any(
            lo <= e.start and e.end <= t0 for e in acts):
        return (), ""
    # "Washington and not Moscow was in violation": an actor after "not" is not the subject
    cands = [e for e in acts if lo <= e.start and e.end <= t0
             # (nor after a preposition and a compass adjective: "hit a vehicle in southern
             # Lebanon")
             and not _PREP_REGION.search(s[max(lo, e.start - 40):e.start])
             and (not _PREP.search(s[max(lo, e.start - 25):e.start]) or _PARTITIVE.search(
                 s[max(lo, e.start - 25):e.start]) or _ENVOYS_OF.search(
                 s[max(lo, e.start - 40):e.start]))
             and not re.search(r"\b(?:not|rather than|instead of)\s+(?:the\s+)?$",
                               s[max(lo, e.start - 20):e.start])]
    # (thirteenth round) a fronted adverbial clause's subject is not the main clause's: "After
    # Ukraine lost territory to the separatists, Minsk II was signed"
    fr = _FRONTED_CLAUSE.match(s, lo)
    if fr and fr.end() < t0 and not re.search(r"[,;]", s[fr.end():t0]):
        cands = [e for e in cands if e.start >= fr.end()]
    # an insertion between subject and verb is not the subject: "The United States, citing
    # Russian violations, withdrew", "Russia, which Washington accuses, ..."
    for m in _INSERTION.finditer(s, lo, t0):
        inner = [e for e in cands if m.start() <= e.start < m.end()]
        # (thirteenth round: "In 1994, the United States, the United Kingdom and Russia
        # signed": a member of a list "A, B and C" is no apposition: the insertion is one
        # actor and what follows it is the rest of the list)
        if inner and _list_head(s, m, inner, cands, t0):
            continue
        # (thirty-ninth round) a noun phrase after a fronted adverbial ("On January 14, 1994 in
        # Moscow, the presidents of Ukraine, the U.S. and Russia signed") is the subject, not an
        # apposition: no actor of the clause stands before it
        if re.match(r",\s*(?:the|a|an)\b", s[m.start():m.end()], re.I) and not any(
                e.end <= m.start() for e in cands):
            continue
        if inner and len(inner) < len(cands) and not re.search(r"[,;]", s[m.end():t0]):
            cands = [e for e in cands if e not in inner]
    if cands and re.search(r"\bin\s+(?:\w+\s+)?$", s[lo:t0]) and etype == "violation_alleged":
        # "Ukraine continued to strike Russian energy infrastructure ..., in violation of": a
        # prepositional trigger's actor is the clause's subject, not the nearest object
        return codes(_chain_right(s, cands, cands[0], t0)), "subject"
    if cands:
        last = len(cands) - 1
        # "Washington notified Moscow of its decision to withdraw": "its" is the subject's,
        # not the object's
        if last > 0 and re.search(r"\b(?:its|their)\b", s[cands[last].end:t0]) and \
                len(_chain(s, cands, last)) == 1 and re.search(
                    r"\b[a-z]+(?:ed|s)\b", s[cands[last - 1].end:cands[last].start]):
            last -= 1
        chain = _chain(s, cands, last)
        found = list(chain)
        # "Iran and the six powers (the United States, ..., Germany) finalized": the list in
        # parentheses is coordinated with the clause's first actor
        first = next((e for e in acts if e.start >= c0), None)
        if first is not None and first.end <= chain[0].start and first not in found and \
                re.search(r"\(\s*(?:the\s+)?$", s[:chain[0].start]) and \
                re.match(r"^\s+and\b", s[first.end:]) and \
                not _PREP.search(s[max(c0, first.start - 25):first.start]):
            found.insert(0, first)
        if etype in _SYMMETRIC:
            partner = [e for e in acts if t1 <= e.start < c1
                       and re.search(r"\bwith\s+(?:the\s+)?$", s[max(t1, e.start - 12):e.start])
                       # (not a relation: "deploy to the country's border with Israel")
                       and not _RELATION_WITH.search(s[max(t1, e.start - 40):e.start])
                       and not (etype == "kept" and re.search(
                           r"\b(?:treaty|agreement|accords?|deal|pact|memorandum|understanding)"
                           r"\s+with\s+(?:the\s+)?$", s[max(t1, e.start - 40):e.start], re.I))
                       # (not in a new predicate: "remains committed to the agreements and is
                       # determined to continue working together with Turkey")
                       and not re.search(r"\band\s+(?:is|are|was|were|has|have|had|will|would)\b",
                                         s[t1:e.start])]
            found.extend(partner[:1])
            # "Biden agreed with Putin to extend New START": the partner of the consent
            found.extend(e for e in acts if c0 <= e.start and e.end <= t0 and e not in found and
                         re.search(r"\bagree(?:d|s)?\s+with\s+(?:the\s+)?$",
                                   s[max(c0, e.start - 20):e.start]) and
                         re.fullmatch(r"\s+(?:[\w,]+\s+){0,4}?to\s+(?:\w+ly\s+)?", s[e.end:t0]))
        return codes(found), "subject"
    # "its"/"their" before a noun trigger: the clause's subject
    if re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$", before):
        subj = [e for e in acts if e.end <= t0 and not _PREP.search(s[max(0, e.start - 25):
                                                                        e.start])]
        if subj:
            return codes([subj[0]]), "possessive"
    # "violations by the Soviet Union", "withdrawal of Russia"
    by = re.match(r"^\s+(?:by|of)\s+(?:the\s+)?", s[t1:]) or re.match(
        r"^\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,8}?by\s+(?:the\s+)?", s[t1:])
    if by:
        agents = [e for e in acts if e.start == t1 + by.end()]
        if agents:
            return codes(agents), "agent"
    return (), ""


#: a fronted adverbial clause with its own finite verb, up to its comma: "After Ukraine lost
#: territory to the separatists, ...", "Months later, after ..." (not a bare phrase: "After
#: talks, ...")
_FRONTED_CLAUSE = re.compile(
    r"\s*[\"“]?(?:[^,;]{0,30},\s*)?(?i:after|before|when|whenever|while|although|though|because|"
    r"once|since|as|until)"
    r"\s+[^,;]*?\b(?:[a-z]+ed|lost|won|took|gave|made|went|came|began|fought|met|held|left|"
    r"broke|was|were|is|are|had|has|have|did)\b[^,;]*,")
#: a preposition and a compass adjective right before an actor's name: the name is a place
#: there, not a subject ("hit a vehicle in southern Lebanon")
_PREP_REGION = re.compile(r"\b(?:in|into|from|to|at|of|over|across|near|on|inside)\s+(?:the\s+)?"
                          r"(?:(?:south|north)?(?:southern|northern|eastern|western|central|"
                          r"south-eastern|north-eastern|south-western|north-western)|"
                          r"(?:south|north)(?:east|west)ern)\s+$", re.I)
_PASSIVE_ACCUSED = re.compile(
    r"\b(?:was|were|is|are|been|being|stands?|stood)\s+(?:\w+ly\s+)?(?:accused|charged|"
    r"suspected)\s+(?:by\s+([^,;]{2,60}?)\s+)?of\s+(?:\S+\s+){0,3}$", re.I)
#: a comma-delimited insertion after a subject: a participle, a relative clause, an apposition
_INSERTION = re.compile(r",\s*(?:citing|accusing|alleging|saying|arguing|claiming|which|who|"
                        r"whose|whom|the|a|an|its|their|despite|after|following|unlike|like|as|"
                        r"in|according|(?-i:[a-z]+ed))\b[^,;]*,", re.I)
#: a reporting verb after a speaker, with an optional title: "..., the Reagan administration
#: charged in 1985"
_REPORT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[Aa]dministration|[Gg]overnment|officials?|[Mm]inistry|[Ff]oreign "
    r"[Mm]inistry|spokes(?:man|woman|person)|diplomats?|leaders?|allies|Allies|envoy|"
    r"delegation|[Mm]ission|official|said in a statement)\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:said|says|confirmed|confirms|"
    r"stated|claimed|claims|alleged|alleges|charged|charges|announced|argued|argues|complained|"
    r"insisted|reported|reports|added|maintained|concluded|found|declared|warned|noted|"
    r"asserted|wrote|told|accused|accuses)\b")


def _list_head(s: str, m: re.Match[str], inner: list[_Ent], cands: list[_Ent],
               t0: int) -> bool:
    """``m`` (", the United States,") is a list's member, not an apposition: it holds one actor
    and nothing else, and the actors after it are joined by "and" up to the trigger ("the
    United Kingdom and Russia signed")."""
    if len(inner) != 1 or not re.fullmatch(r",\s*(?:the\s+)?", s[m.start():inner[0].start]) \
            or not re.fullmatch(r"\s*,", s[inner[0].end:m.end()]):
        return False
    rest = [e for e in cands if e.start >= m.end()]
    if len(rest) < 2 or not re.fullmatch(r"\s*(?:the\s+)?", s[m.end():rest[0].start]):
        return False
    chain = _chain(s, rest, len(rest) - 1)
    return chain[0] is rest[0] and bool(re.search(r"\band\b", s[rest[0].end:chain[-1].start])) \
        and not re.search(r"[,;]", s[chain[-1].end:t0])


def _coordinated(s: str, rep: str, t0: int, acts: list[_Ent], g: Gazetteer, year: int | None,
                 accused: Sequence[str]) -> tuple[str, ...]:
    """The reporter with the actors coordinated with it: "Britain, France and Germany accused
    Iran" gives all three accusers."""
    before = [e for e in acts if e.end <= t0]
    for k in range(len(before) - 1, -1, -1):
        if g.actor_code(before[k].key, year) != rep:
            continue
        j = k
        while j + 1 < len(before) and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?",
                                                  s[before[j].end:before[j + 1].start]):
            j += 1
        chain = _chain(s, before, j)
        if any(g.actor_code(e.key, year) == rep for e in chain):
            out: list[str] = []
            for e in chain:
                c = g.actor_code(e.key, year)
                if c and c not in out and c not in accused:
                    out.append(c)
            if rep in out:
                return tuple(out)
        break
    return (rep,)


_AGENT_OPEN = re.compile(r"^(?:\s+(?:in|on|at)(?:\s+[\w.’'-]+,?){1,3}?)?\s+(?:by|between)\s+"
                         r"(?:the\s+)?(?:former\s+)?", re.I)
# (thirteenth round: after a restated abbreviation, "... in Europe (OSCE) and")
_AGENT_LINK = re.compile(r"(?:\s*\((?-i:[A-Z]{2,8})\))?"
                         r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?(?:former\s+|then\s+)?$",
                         re.I)


def _coordinated_after(s: str, t1: int, acts: list[_Ent], g: Gazetteer,
                       year: int | None) -> tuple[str, ...]:
    """The actors coordinated right after an act's "by"/"between" ("signed between the US and
    the former USSR", "signed in Prague by Russia and the United States"): two or more, else
    none (a single agent is read by ``_actors``)."""
    m = _AGENT_OPEN.match(s[t1:])
    if not m:
        return ()
    pos = t1 + m.end()
    out: list[str] = []
    for e in sorted(acts, key=lambda e: e.start):
        if e.start < pos:
            continue
        if e.start != pos and not (out and _AGENT_LINK.fullmatch(s[pos:e.start])):
            break
        code = g.actor_code(e.key, year)
        # (thirteenth round: a group named by what it is is a member of the list, resolved
        # later like a subject: "signed by Ukraine, Russia and the separatists")
        if code is None or code == SIDES or (code in (ARMED, E3, P5) and not out):
            break
        out.append(code)
        pos = e.end
    codes = tuple(dict.fromkeys(out))
    return codes if len(codes) >= 2 else ()


def _main_subject(s: str, acts: list[_Ent], g: Gazetteer,
                  year: int | None) -> tuple[str, ...] | None:
    for e in acts:
        if not _PREP.search(s[max(0, e.start - 25):e.start]):
            c = g.actor_code(e.key, year)
            if c:
                return (c,)
    return None


def _reporter(s: str, t0: int, acts: list[_Ent], g: Gazetteer, year: int | None) -> str | None:
    pa = _PASSIVE_ACCUSED.search(s[:t0])
    if pa and pa.group(1):
        es = [e for e in acts if pa.start(1) <= e.start < pa.end(1)]
        if es:
            return g.actor_code(es[0].key, year)
    m = re.search(r"\baccording to\s+(?:the\s+)?", s, re.I)
    if m:
        es = [e for e in acts if e.start >= m.end() and e.start - m.end() < 20]
        if es:
            return g.actor_code(es[0].key, year)
    # a reporting clause after the claim: "..., the State Department said."
    for e in acts:
        if e.start > t0 and re.search(
                r"[,\"”]\s*[\"”]?\s*(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.]*\s+)*$", s[:e.start]) and \
                _REPORT_AFTER.match(s[e.end:]):
            return g.actor_code(e.key, year)
    best: str | None = None
    for e in acts:
        if e.end > t0:
            break
        follow = s[e.end:t0]
        rm = _REPORT.search(follow)
        if rm and rm.start() < 70 and not re.search(r"[.;]", follow[:rm.start()]):
            best = g.actor_code(e.key, year)
            if rm.group(0).lower().endswith("ing") and re.search(r",\s*$", follow[:rm.start()]):
                # ", alleging that ...": a participle's subject is the sentence's subject
                main = _main_subject(s, acts, g, year)
                best = main[0] if main else best
        # "the Obama Administration, in its ... report, has stated"
        elif re.match(r"^(?:'s)?\s+(?:Administration|Government|government|officials)\b",
                      follow):
            rm2 = _REPORT.search(follow)
            if rm2:
                best = g.actor_code(e.key, year)
    if best is None:
        m2 = re.search(r"\b(?:the\s+)?Administration\b[^.;]{0,80}?\b(?:claims?|stated|said|"
                       r"argued|cited)\b", s[:t0])
        if m2:
            return "USA" if re.search(r"\b(?:Obama|Trump|Biden|Bush|Clinton|Reagan|U\.S\.)",
                                      s) or True else None
    return best


_SENTENCIZER_READY = False


def _register_sentencizer() -> None:
    """A sentence splitter with the rule of spaCy's ``sentencizer`` (a sentence starts at the
    first non-punctuation token after a sentence-final character), computed on the token arrays
    instead of token objects: the same sentences, several times faster."""
    global _SENTENCIZER_READY
    if _SENTENCIZER_READY:
        return
    import numpy as np
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START  # type: ignore[import-not-found]
    from spacy.language import Language
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc

    finals = frozenset(Sentencizer.default_punct_chars)
    cache: dict[int, bool] = {}

    @Language.component("detente_sentencizer")
    def detente_sentencizer(doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([ORTH, IS_PUNCT])
        strings = doc.vocab.strings
        starts = np.full(n, 2**64 - 1, dtype="uint64")  # -1 (not a start), as spaCy stores it
        starts[0] = 1
        seen = False
        for i, (orth, punct) in enumerate(arr.tolist()):
            fin = cache.get(orth)
            if fin is None:
                fin = cache[orth] = strings[orth] in finals
            if not seen and fin:
                seen = True
            elif seen and not punct and not fin:
                starts[i] = 1
                seen = False
        doc.from_array([SENT_START], starts.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    del detente_sentencizer
    _SENTENCIZER_READY = True


def _disambiguate(agrs: list[_Ent], s: str, dates: list[DateMention], state: _State,
                  ended: dict[str, int]) -> list[_Ent]:
    """Agreement names, corrected: a name followed by another in parentheses is that one
    ("the Strategic Arms Reduction Treaty (New START)"); a name of an agreement that had ended
    before the sentence's date is the article's other agreement, if it names exactly one
    that was in force ("suspending its participation in the Strategic Arms Reduction Treaty"
    in 2023, in an article about New START)."""
    out: list[_Ent] = []
    for k, e in enumerate(agrs):
        nxt = agrs[k + 1] if k + 1 < len(agrs) else None
        if nxt is not None and nxt.key != e.key and re.fullmatch(r"\s*\(\s*", s[e.end:nxt.start]):
            continue
        out.append(e)
    year = next((d.year for d in dates if not d.deadline), None) or (
        state.ref.year if state.ref else None)
    if year is None:
        return out
    fixed = []
    for e in out:
        end = ended.get(e.key)
        if end is not None and year > end:
            others = {n[1] for n in state.named if n[1] != e.key and
                      (ended.get(n[1]) is None or ended[n[1]] >= year)}
            if len(others) == 1:
                e = _Ent(e.label, others.pop(), e.start, e.end, e.text)
        fixed.append(e)
    return fixed


_NAMED_SAYS = re.compile(r"\b(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){1,2}\s+"
                        r"(?:said|says|added|adds|told|stated|wrote)\b|"
                        r"\b(?:said|says|added)\s+(?:[a-z]+\s+){0,3}?(?-i:[A-Z][\w'’-]+)"
                        r"(?:\s+(?-i:[A-Z][\w'’-]+)){1,2}\b")


def _unknown_speaker(s: str, acts: list[_Ent], people: list[_Ent]) -> bool:
    """A speaker named after the last known person whose name is no actor ('...," Fahrettin
    Altun said'): a later "he" is that unknown person, not the last person known."""
    if '"' not in s and "”" not in s:
        return False  # (an attribution of a quotation)
    last = people[-1].end if people else 0
    for m in _NAMED_SAYS.finditer(s, last):
        if not any(e.start < m.end() and m.start() < e.end for e in acts) and \
                not re.match(r"(?:The|This|That|It|He|She|They|We|But|And)\b", m.group(0)):
            return True
    return False


def _is_person(g: Gazetteer, e: _Ent, s: str = "") -> bool:
    """A named person: an actor name valid only in some years that is not a place or body,
    nor a name used as a modifier after "the" ("the Assad regime", "the Trump
    administration": a government, not a person who could be "he")."""
    if not (e.key not in _INSTITUTIONS and e.key not in ("moscow", "kremlin", "berlin", "duma")
            and any(o.start is not None or o.end is not None for o in g.actors.get(e.key, ()))):
        return False
    before = s[max(0, e.start - 5):e.start].lower().rstrip()
    return not (before.endswith("the") and (len(before) == 3 or not before[-4].isalpha()))


_ATTRIBUTION = re.compile(r"[\"”’']\s*,?\s*(?:(he|she)|([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))"
                          r"\s+(?:said|says|added|told|declared|stated|announced|insisted|"
                          r"emphasi[sz]ed|stressed|wrote)\b|[\"”’']\s*,?\s*(?:said|says|added)\s+"
                          r"(?:(he|she)|(?:[\w-]+\s+){0,4}?([A-Z][\w.'’-]*))")


def _in_quote(s: str, pos: int) -> bool:
    """Whether character ``pos`` lies inside a quotation (straight or curly quotes)."""
    opened = False
    for i, ch in enumerate(s[:pos]):
        if ch in "“”":
            opened = ch == "“"
        elif ch == '"':
            opened = not opened
        del i
    return opened or (not any(c in s[:pos] for c in "\"“") and
                      bool(re.search(r"[\"”]\s*,?\s*(?:he|she|[A-Z]\w+)\s+(?:said|says|added)",
                                     s[pos:])))


def _carried_speaker(body: str, acts: list[_Ent], g: Gazetteer, year: int | None,
                     last_person: str | None, voice: str | None) -> str | None:
    """The speaker of a quotation opened at the end of ``body`` (the sentence before it):
    that sentence's own attribution ('...," Kerry stated.'), "he / she" + a verb of saying
    (the last person named), an actor right before one ("the Taliban said in a statement"),
    or "the statement reads" (the article's voice)."""
    if re.search(r"[\"“”]", body) and (sp := _quote_speaker(body, acts, g, year, last_person)):
        return sp
    say = (r"(?:said|says|added|adds|urged|urges|stated|states|told|tells|declared|declares|"
           r"noted|notes|stressed|stresses|wrote|writes|continued|continues|reads)\b")
    if re.search(rf"\b(?:he|she)\s+(?:\w+\s+){{0,2}}?{say}", body):
        return last_person
    for m in re.finditer(rf"\b{say}", body):
        before = [e for e in acts if e.end <= m.start() and
                  re.fullmatch(r"[\s\w.'’-]{0,30}", body[e.end:m.start()])]
        if before:
            return g.actor_code(before[-1].key, year)
        if re.search(r"\bstatement\s+$", body[:m.start()], re.I):
            return voice
    return None


def _quote_speaker(s: str, acts: list[_Ent], g: Gazetteer, year: int | None,
                   last_person: str | None) -> str | None:
    """Who speaks in a quoted sentence ("...," he said / Putin said / said Lavrov): an actor
    named in the attribution, or the last person named for "he"/"she"."""
    if not re.search(r"[\"“”]", s):
        return None
    m = _ATTRIBUTION.search(s)
    if m is None:
        m2 = re.match(r"^\s*(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|declared|stated|added)\b"
                      r"[^\"“]{0,40}[:,]\s*[\"“]", s)
        if m2:
            es = [e for e in acts if e.end <= m2.end()]
            return g.actor_code(es[-1].key, year) if es else None
        return None
    if m.group(1) or m.group(3):
        # a speaker does not name himself: "President Putin and I agreed ...," he said
        named = {g.actor_code(e.key, year) for e in acts if e.end <= m.start()}
        return last_person if last_person not in named else None
    es = [e for e in acts if m.start() <= e.start <= m.end()]
    return g.actor_code(es[-1].key, year) if es else None


# --- (thirty-sixth round) one modality mechanism ----------------------------------------------
# An act (a verb, gerund or noun trigger) is a fact only if no governing word of its clause
# makes it non-factual. The governing predicates are a lexicon by class; each class says how
# it governs the trigger through what the rules can see without a parser: the trigger right
# after the predicate's noun or gerund object ("for", "to", "with"), after its infinitive, in
# its "that" clause with a subjunctive or "should", or the trigger's noun or gerund as the
# subject of the predicate (after it).
#: a determiner and at most two modifiers between a governing word and the trigger
_GOV_NP = r"\s+(?:(?:the|a|an|its|their|his|her|our|this|that|any|further|full|swift|early|" \
          r"prompt|an?\s+early|immediate|complete)\s+){0,3}(?:[\w.-]+['’]s\s+)?" \
          r"(?:[\w-]+\s+){0,1}?$"
#: (class, governing words ending just before the trigger) — the trigger a noun or a gerund
_GOVERNING_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(head + _GOV_NP, re.I)) for name, head in (
        # "made the case for keeping", "argued for", "advocates", "campaigned for"
        ("advocacy", r"\b(?:(?:made|make|makes|making)\s+(?:the|a|its|their|our|his|her)\s+"
                     r"(?:\w+\s+)?case\s+for|argu(?:e|es|ed|ing)\s+for|advocat(?:e|es|ed|ing)"
                     r"(?:\s+for)?|campaign(?:s|ed|ing)?\s+for)"),
        # "calling for a return to", "calls for the extension of"
        ("urging", r"\b(?:call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?)"),
        # "objects to any further extension of", "opposes the withdrawal"
        ("objection", r"\b(?:object(?:s|ed|ing)?\s+to|oppos(?:e|es|ed|ing)|opposition\s+to|"
                      r"resist(?:s|ed|ing)?)"),
        # "obstacles to overcome to secure an extension" (not after an implicative head:
        # "managed to secure an extension" — checked below)
        ("aim", r"\bto\s+(?:secure|obtain|achieve|attain|win|ensure|pursue)"),
        # "is pressing ahead with extending", "are moving forward with the ratification of"
        ("progressive-intent", r"\b(?:is|are|am|'re|’re)\s+(?:now\s+|still\s+)?(?:press|push|mov|"
                               r"forg)(?:ing)\s+(?:ahead|forward|on)\s+with"),
        # "tried running out", "attempting withdrawing"
        ("attempt", r"\b(?:tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?)(?:\s+\w+ly)?"),
        # "in a vain attempt to use the treaty's expiration": the noun in the attempted
        # verb's object
        ("attempt", r"\b(?:attempts?|efforts?|bids?)\s+to\s+[a-z]+(?:\s+(?:the|a|an|its|their|"
                    r"[\w.'’-]+['’]s))?(?:(?:\s+[\w.-]+){1,3}['’]s)?"),
    ))
#: a mandative "that" clause with a subjunctive: "proposed Thursday that the treaty be
#: extended", "recommended to the president that he accuse", "suggests that it should withdraw"
_GOVERNING_THAT = re.compile(
    r"\b(?:recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|"
    r"advis(?:e|es|ed|ing)|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|request(?:s|ed|ing)?)"
    r"(?:\s+to\s+(?:(?:the\s+)?(?-i:[A-Z])[\w.'’-]*\s*){1,4}|\s+(?:on\s+)?(?-i:[A-Z])[a-z]+day)?"
    r"\s+that\s+(?:(?:[^,;:.!?\"“”]|\.(?=\S)){1,80}?\s+)??"
    r"(?:(?<!\bwill )(?<!\bwould )(?<!\bcan )(?<!\bto )(?<!\bmay )(?<!\bmight )(?<!\bcould )"
    r"be\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b|should\b|(?:(?<=\bhe )|(?<=\bshe )|(?<=\bit ))"
    r"(?-i:[a-z]+)(?<![^s]s)"
    r"(?<!ed)\b)", re.I)
#: the trigger's noun or gerund as the subject of a likelihood: "the fulfilling of the deal by
#: Erdogan is even less likely", "an extension is possible"
_GOVERNING_AFTER = re.compile(
    r"\s*(?:(?:of|by|from)\s+(?:[\w.'’-]+\s+){1,6}?)?(?:is|are|was|were|seems?|looks?|"
    r"appears?|remains?)\s+(?:(?:\w+ly|now|still|even|all\s+but|very)\s+){0,2}"
    r"(?:(?:less|more|not|hardly|scarcely|most|quite)\s+)?(?:likely|possible|probable|"
    r"conceivable)\b", re.I)
#: a condition after a trigger that is no past form, in the trigger's own phrase (no comma or
#: "and" between but one right before it): "of extending the plan if a final agreement is not
#: forthcoming", "that it will withdraw from the treaty, unless Russia returns" (not the
#: concessive "if not", nor "as if", "even if")
_CONDITION_TAIL = re.compile(r"(?:(?!\band\b)[^,;:.!?\"“”]|\.(?=\S)){0,80}?"
                             r"(?<!\beven)(?<!\bas),?\s+(?:if(?!\s+not\b|\s+only\b)|unless|"
                             # (thirty-eighth round) "as long as", "so long as", "provided
                             # (that)", "on condition that"; not a duration ("for as long as
                             # necessary") nor a participle ("provided under the deal")
                             r"(?:for\s+)?(?:as|so)\s+long\s+as(?!\s+(?:necessary|needed|"
                             r"required|possible|it\s+takes)\b)|"
                             r"provid(?:ed|ing)(?:\s+that\b|(?!\s+(?:by|for|in|under|to|with|"
                             r"as|through|on|at|from|of)\b))|"
                             r"on\s+(?:the\s+)?condition\s+that)\b",
                             re.I)
#: (thirty-eighth round) the act in the object of a refraining, up to six words after "from" in
#: one phrase: "demanded Iran refrain from entering a new phase of reducing its obligations",
#: "refrained from suspending" (no clause or conjunct boundary between: "refrained from opening
#: fire to respect a treaty" keeps the respect)
_REFRAINED = re.compile(r"\b(?:refrain(?:s|ed|ing)?|desist(?:s|ed|ing)?)\s+from\s+"
                        r"(?:(?!(?:and|or|but|to|that|which|who|while|as|because)\b)"
                        r"[^\s,;:.!?()\"“”]+\s+){0,6}?$", re.I)
#: a gerund with its subject as the subject of a modal or "will": "Seoul terminating the
#: agreement first will only give Pyongyang an excuse"
_GERUND_CONSEQUENCE = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s+(?:will|would|could|might|may|can|"
                                 r"'ll)\s+(?:only\s+|just\s+|also\s+|merely\s+)?[a-z]+\b", re.I)
#: a noun dated ahead of a clause in the present or future: "continue to speak of reaching a
#: final agreement before the July 20th expiration of the interim deal"
_BEFORE_NOUN = re.compile(r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:the|its|their)\s+"
                          r"(?:[\w.'’-]+\s+){0,3}?$", re.I)
_PRESENT_CLAUSE = re.compile(r"\b(?:is|are|am|continues?|remains?|will|shall|hopes?|expects?|"
                             r"plans?|wants?|aims?|seeks?)\b", re.I)
_PAST_CLAUSE = re.compile(r"\b(?:was|were|had|did)\b", re.I)


#: (thirty-ninth round) an evaluation or necessity over a "that" clause or an infinitive: "it is
#: essential that Iran implements", "it is vital for Moscow to return to", "it is time for the US
#: to rejoin" (the act is wanted, not done)
_NECESSITY = re.compile(
    r"\bit\s+(?:is|was|'s|’s|remains|seems|would\s+be|will\s+be)\s+(?:(?:\w+ly|also|now|"
    r"therefore|still|thus|high)\s+)?(?:essential|vital|important|necessary|imperative|crucial|"
    r"critical|urgent|paramount|key|time|desirable|advisable|high\s+time)\s+(?:that\b|"
    r"for\s+(?:[^\s,;:.!?]+\s+){1,6}?to\b)", re.I)
#: (thirty-ninth round) a participle (or gerund) of assent to an act still ahead, its infinitive
#: the act: "agreeing to rejoin a treaty would undermine", "deciding to withdraw from" (not the
#: object of a preposition, an assent given: "praised for agreeing to extend", "by agreeing to")
_ASSENTING = re.compile(
    r"(?<!\bfor )(?<!\bby )(?<!\bafter )(?<!\bupon )(?<!\bon )(?<!\bsince )"
    r"\b(?:agreeing|consenting|deciding|promising|pledging|offering|vowing|choosing|"
    r"undertaking|threatening|planning|intending|preparing|opting|volunteering)\s+"
    r"(?:not\s+)?to\s+(?:(?:\w+ly|fully|formally)\s+)?$", re.I)
#: (thirty-ninth round) a counterfactual: "there would have been reason to challenge Russia for
#: violating", "could have withdrawn", "might have ratified" — a missed act, not a fact ("should
#: have", often a reproach of an act that happened, is not read)
_COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)(?:\s+(?:not|never|well|easily|"
                             r"\w+ly))?\s+(?:have|'ve|’ve)\b(?!\s+to\b)", re.I)
#: (thirty-ninth round) an act ahead as the subject of a future: "the fourth step in reducing its
#: commitments will be taken", "the next stage of withdrawal is to begin", "ratification is
#: expected to follow" (up to eight words of the act's own phrase, no verb between)
_FUTURE_STEP = re.compile(r"\b(?:steps?|stages?|phases?|rounds?)\s+(?:(?:in|of|towards?|to)\s+)"
                          r"(?:[\w-]+\s+){0,1}?$", re.I)
_FUTURE_SUBJECT = re.compile(
    r"(?:\s+(?!(?:and|or|but|that|which|who|is|are|was|were|has|have|had|did|does)\b)"
    r"[\w'’.-]+){0,8}?\s+(?:will|shall|'ll|(?:is|are)\s+(?:(?:set|expected|due|scheduled|"
    r"planned|likely|going)\s+)?to)\s+(?:(?:\w+ly|then|also|soon)\s+)?"
    r"(?:be\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)|take\s+place|begin|start|follow|come|happen|"
    r"go\s+ahead|proceed)\b", re.I)


#: (fortieth round) an intention, plan, readiness, willingness, desire, wish or offer whose
#: infinitive governs the act's noun through another verb: "expressed his intention to pursue an
#: extension of", "its desire to see an extension of", "its readiness to discuss the return to"
#: (not one carried out: "acted on its intention to", "carried out its plan to")
_INTENT_NOUN = re.compile(
    r"\b(?:intentions?|intent|plans?|readiness|willingness|desires?|wish(?:es)?|offers?|"
    r"proposals?|determination)\s+to\s+(?:\w+ly\s+)?[a-z]+(?:\s+(?:the|a|an|its|their|his|her|"
    r"[\w.'’-]+['’]s))?(?:(?:\s+[\w.-]+){1,3}['’]s)?" + _GOV_NP, re.I)
_CARRIED_OUT = re.compile(
    r"\b(?:act(?:s|ed|ing)?\s+on|carr(?:y|ies|ied|ying)\s+out|implement(?:s|ed|ing)?|"
    r"execut(?:e|es|ed|ing)|enforc(?:e|es|ed|ing)|fulfil(?:l|ls|s|led|ling)?|"
    r"follow(?:s|ed|ing)?\s+through\s+(?:on|with)|ma(?:de|kes?|king)\s+good\s+on)\s+"
    r"(?:(?:the|a|an|its|their|his|her|this|that|[\w.'’-]+['’]s)\s+){0,2}(?:\w+\s+)?$", re.I)
#: (fortieth round) a decision (or intention, plan, proposal) still to be taken, the act in its
#: infinitive and the decision the subject of a deferral: "The decision to resume Russia's
#: participation in the treaty will be up to the head of state", "the decision to extend rests
#: with the president", "a decision to withdraw has yet to be made" (a decision carried out —
#: "the decision to withdraw took effect" — has no such predicate and stays a fact)
_DECISION_TO = re.compile(
    r"\b(?:decisions?|choices?|intentions?|plans?|proposals?|offers?)\s+(?:on\s+whether\s+)?"
    r"to\s+(?:(?:\w+ly|formally|fully)\s+)?(?:[a-z]+(?:\s+(?:the|a|an|its|their|his|her|"
    r"[\w.'’-]+['’]s))?(?:\s+[\w-]+)?\s+)?$", re.I)
_DECISION_PENDING = re.compile(
    r"(?P<lead>(?:\s+(?!(?:and|or|but|that|which|who|is|are|was|were|has|have|had|did|does|"
    r"will|would|shall|may|might|could|took|takes|came|comes|entered|enters)\b)[\w'’.-]+){0,8}?)"
    r"\s+"
    r"(?:(?:will|would|shall|could|may|might)\s+(?:\w+ly\s+|then\s+|also\s+)?"
    r"(?:be\s+(?:(?:\w+ly|left)\s+)?(?:up\s+to|made|taken|decided|determined|reached|"
    r"announced|considered|for)|rest\s+with|lie\s+with|depend\s+on)|"
    r"(?:is|are|remains?)\s+(?:\w+ly\s+|still\s+)?(?:up\s+to|pending|for\s+(?-i:[A-Z])|"
    r"(?:yet\s+)?to\s+be\s+(?:made|taken|decided)|under\s+(?:consideration|discussion|"
    r"review))|(?:rests?|lies?)\s+with|depends?\s+on|(?:has|have)\s+(?:not\s+)?yet\s+to\s+be)\b",
    re.I)
#: (fortieth round) a passive told as an option: "the treaty, which can be extended for up to
#: five years" (what may be done, not what was)
_OPTION_PASSIVE = re.compile(r"\bcan\s+(?:(?:\w+ly|also|still|only|now|always|easily|then)\s+)?"
                             r"be\s+(?:(?:\w+ly|further)\s+)?$", re.I)


#: the classes read where the thirty-first round's guards stood in the chain (a likelihood:
#: its earlier place there also keeps "ratification is not likely" a withheld ratification, not
#: the "not ratified" fact), and the classes read after the whole chain
_EARLY_CLASSES = frozenset({"aim", "likelihood"})
_LATE_CLASSES = frozenset({"advocacy", "urging", "objection", "progressive-intent",
                           "attempt", "proposal", "condition", "consequence", "future",
                           "mandate", "warning", "seeking", "recommendation", "bill",
                           "refraining", "necessity", "assent", "counterfactual",
                           "future-step", "intent", "pending-decision", "option"})


def _governed(s: str, c0: int, h0: int, t0: int, t1: int, ttext: str, etype: str,
              classes: frozenset[str] = _LATE_CLASSES) -> str | None:
    """The class of the governing word that makes the act at ``s[t0:t1]`` non-factual, or
    None (thirty-sixth round); only ``classes`` are read. ``c0`` opens the act's clause,
    ``h0`` its own finite part."""
    words = ttext.split()
    gerund = words[0].lower().endswith("ing")
    last_nominal = bool(_NOMINAL.search(words[-1]))
    nominal = gerund or last_nominal
    past = _is_past(words[0])
    before = s[max(h0, t0 - 120):t0]
    # (thirty-first round) the aim of an effort ("is striving for the ratification of", "will
    # contribute to the achievement of its indefinite extension")
    if "aim" in classes and etype != "violation_alleged" and nominal and (
            _AIMED_AT.search(s, max(c0, t0 - 60), t0) or (
                (ach := _ACHIEVEMENT_OF.search(s, max(c0, t0 - 60), t0)) and
                _AIM_HEAD.search(s, max(c0, ach.start() - 80), ach.start()))):
        return "aim"
    if etype != "violation_alleged":
        for name, pat in _GOVERNING_BEFORE:
            if name not in classes or (m := pat.search(before)) is None or \
                    _SCOPE_BREAK.search(before, m.end()):
                continue
            if name == "aim" and _IMPLICATIVE.search(before[:m.start()]):
                continue  # "managed to secure an extension"
            if name == "attempt" and "to" not in m.group(0).split():
                if not gerund:
                    continue  # "tried running out" (a gerund object)
            elif name != "urging" and not nominal:
                continue
            return name
    if "proposal" in classes:
        for tm in _GOVERNING_THAT.finditer(s):
            if tm.start() >= t0:
                break
            # the trigger after the subjunctive in its scope, or the subjunctive itself
            if (tm.end() <= t0 and not _SCOPE_BREAK.search(s, tm.end(), t0)) or tm.end() >= t1:
                return "proposal"
    # (thirty-eighth round) the older guards, folded in as classes: an act inside a mandative
    # "that" clause with a subjunctive (thirty-fourth round: "recommended that Kyiv act now on
    # its withdrawal"), warned against ("warns the US against unilateral withdrawal from"),
    # only sought ("is seeking swift ratification of"), recommended ("will be best served by
    # prompt and complete ratification of") or the subject of a bill or a motion ("tabled a
    # motion on withdrawal from"; not a bill passed) (all twenty-fifth to eighteenth rounds)
    if "mandate" in classes:
        for bm in _MANDATE_BARE.finditer(s, max(0, t0 - 400)):
            if bm.start() >= t0:
                break
            # the trigger is the bare verb, or comes after it in its scope
            if bm.end() > t0 or not _SCOPE_BREAK.search(s, bm.end(), t0):
                return "mandate"
    if "mandate" in classes and "that" in s[:t0] and (
            _last_in_scope(_MANDATE_CLAUSE, s, 0, t0) is not None or (
                # (fourteenth round) the act a bare verb under the demand: "demands that Moscow
                # halt its offensive and withdraw", "insisted that Iran comply"
                re.match(r"[a-z]+(?<!s)(?<!ing)(?<!wn)\b", ttext) and not past and
                (md := _MANDATIVE.search(s, h0, t0)) and
                not _SCOPE_BREAK.search(s, md.end(), t0))):
        return "mandate"
    if "warning" in classes and _WARNED_AGAINST.search(s, h0, t0):
        return "warning"
    if "seeking" in classes and _SOUGHT.search(s, h0, t0):
        return "seeking"
    if "recommendation" in classes and last_nominal and _RECOMMENDED.search(s[h0:t0]):
        return "recommendation"
    if "bill" in classes and last_nominal and \
            (pm := _PROPOSED.search(s, c0, t0)) is not None and not _PASSED.search(s, c0, pm.end()):
        return "bill"
    if "bill" in classes and gerund and _PROPOSED_PARTICIPLE.search(s, c0, t0) and \
            not _PASSED.search(s, c0, t0):
        return "bill"
    if "refraining" in classes and _REFRAINED.search(before):
        return "refraining"
    # (thirty-ninth round) a necessity or an evaluation over the act's clause ("it is essential
    # that Iran implements"), an assent to an act still ahead ("agreeing to rejoin"), a
    # counterfactual ("would have been reason to challenge Russia for violating") and an act
    # ahead as the subject of a future ("the fourth step in reducing ... will be taken")
    if "necessity" in classes and not past and _last_in_scope(_NECESSITY, s, 0, t0) is not None \
            and not re.search(r"\b(?:has|have|had|was|were|did)\b", s[c0:t0], re.I):
        return "necessity"
    if "assent" in classes and not past and not nominal and _ASSENTING.search(before):
        return "assent"
    if "counterfactual" in classes and \
            (cf := _last_in_scope(_COUNTERFACTUAL, s, c0, t0)) is not None and \
            not re.search(r"[,()\"“”]", s[cf.end():t0]):
        return "counterfactual"
    if "future-step" in classes and nominal and not past and (
            _FUTURE_STEP.search(s, max(c0, t0 - 40), t0) or not gerund) and \
            (fm := _FUTURE_SUBJECT.match(s, t1)) is not None and \
            not _SCOPE_BREAK.search(fm.group(0)) and not re.search(r"[,;:]", fm.group(0)):
        return "future-step"
    # (fortieth round) an intention's, plan's or readiness's infinitive governing the act's
    # noun ("his intention to pursue an extension of"), a decision still to be taken with the act
    # in its infinitive ("The decision to resume Russia's participation in the treaty will be up
    # to the head of state"), and a passive told as an option ("which can be extended")
    if "intent" in classes and last_nominal and (im := _INTENT_NOUN.search(before)) and \
            not _SCOPE_BREAK.search(before, im.end()) and \
            not _CARRIED_OUT.search(before, 0, im.start()):
        return "intent"
    if "pending-decision" in classes and _DECISION_TO.search(before) and \
            (dm := _DECISION_PENDING.match(s, t1)) is not None and \
            not _SCOPE_BREAK.search(dm.group("lead")) and not re.search(r"[,;:]", dm.group(0)):
        return "pending-decision"
    if "option" in classes and past and _OPTION_PASSIVE.search(before):
        return "option"
    if "likelihood" in classes:
        # (thirty-first round) judged unlikely or in doubt ('New START extension "unlikely"'),
        # or its chances or prospects told ("the prospects for an extension of")
        if last_nominal and (_JUDGED_UNLIKELY.match(s, t1) or
                             _PROSPECTS_OF.search(s, max(c0, t0 - 60), t0)):
            return "likelihood"
        if nominal and etype != "violation_alleged" and _GOVERNING_AFTER.match(s, t1) and \
                not re.search(r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?$", s[c0:t0], re.I):
            return "likelihood"
    if "condition" in classes and not past and \
            (cm := _CONDITION_TAIL.match(s, t1)) is not None and \
            not _SCOPE_BREAK.search(cm.group(0)):
        return "condition"
    if "consequence" in classes and gerund and \
            (gm := _GERUND_CONSEQUENCE.match(s, t1)) is not None and not re.search(
            r"\b(?:and|but|that|which|who|it|they|he|she|we|if|when)\b|[,;:]", gm.group(0)) and \
            not re.search(r"\b(?:is|are|was|were|be|been|am|of|for|by|with|from|after|before|"
                          r"on|in|to|about)\s+(?:\w+ly\s+)?$", s[c0:t0], re.I):
        return "consequence"
    if "future" in classes and nominal and etype in ("expired", "entered_into_force") and \
            _BEFORE_NOUN.search(s, max(c0, t0 - 60), t0) and \
            _PRESENT_CLAUSE.search(s, c0, t0) and not _PAST_CLAUSE.search(s, c0, t0):
        return "future"
    return None


def _last_actor_end(acts: list[_Ent], t0: int, c0: int) -> int:
    ends = [e.end for e in acts if c0 <= e.start and e.end <= t0]
    return max(ends) if ends else c0


def _last_in_scope(cue: re.Pattern[str], s: str, a: int, t0: int) -> re.Match[str] | None:
    """The last match of ``cue`` in ``s[a:t0]`` whose scope reaches ``t0`` (no
    :data:`_SCOPE_BREAK` between its end and the act)."""
    last = None
    for m in cue.finditer(s, a):  # (a lookahead may read past the act)
        if m.start() >= t0:
            break
        if m.end() <= t0 and not _SCOPE_BREAK.search(s, m.end(), t0):
            last = m
    return last


#: a state and its continuator under another code (the record treats Russia as the Soviet
#: Union's continuator: ``record/data/agreements.csv``)
_CONTINUATORS = frozenset({frozenset({"SUN", "RUS"})})


def _same_state(code: str, actors: Sequence[str]) -> bool:
    """Whether ``code`` is one of ``actors`` or a continuator of one ("RUS" for "SUN")."""
    return any(code == a or frozenset({code, a}) in _CONTINUATORS for a in actors)


def _in_scope(cue: re.Pattern[str], s: str, a: int, t0: int) -> bool:
    return _last_in_scope(cue, s, a, t0) is not None


def _tail_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[-n:])


def _update_years(state: _State, dates: list[DateMention], ents: list[_Ent],
                  name_years: Sequence[DateMention] = ()) -> None:
    years = [d.year for d in dates if d not in name_years and not d.deadline]
    if years:
        state.last_year = years[-1]
    own = [d.value for d in dates if d not in name_years and not d.deadline]
    if own:
        state.last_date = own[-1]


#: a date counted from the one given before, opening the sentence: "The next day", "A week
#: later", "Later that month", "That same year", "The following month"
_CARRIED = re.compile(
    r"^\W*(?:(?:the\s+)?(?P<next>next|following)\s+(?P<u1>day|week|month|year)|"
    r"(?:a|one|two|three|several|a\s+few)\s+(?P<u2>days?|weeks?|months?|years?)\s+later|"
    r"(?:hours|days)\s+later|later\s+that\s+(?P<u3>day|week|month|year)|"
    r"(?:that|the\s+same)\s+(?:same\s+)?(?P<u4>day|week|month|year))\b", re.I)


_NP_START = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|[Hh]is|[Hh]er)\s+"
                       r"(?=[a-z])")
_TIME_NP = re.compile(r"\S+\s+(?:[a-z-]+\s+){0,2}?(?:days?|weeks?|months?|years?|time|morning|"
                      r"afternoon|evening|night|hours?|moment)\b|\S+\s+(?:same|next|following|"
                      r"last|first)\b")


def _np_before(s: str, t0: int) -> bool:
    """A common noun phrase before ``t0`` in the sentence ("submitted a proposal ... but later
    suspended it"): a nearer antecedent for a pronoun object than an agreement named in an
    earlier sentence (a treaty noun phrase or a time phrase is none)."""
    for m in _NP_START.finditer(s, 0, t0):
        rest = s[m.start():t0]
        if re.match(_AGREEMENT_NP, rest, re.I) or _TIME_NP.match(rest):
            continue
        return True
    return False


def _carry_date(last: str, m: re.Match[str]) -> DateMention | None:
    """The date ``m`` counts from ``last`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), to the
    precision both allow: a day or week later stays in the month (to the month), a month later
    is the next month, a year later the next year; "several months later" is no date."""
    unit = (m.group("u1") or m.group("u2") or m.group("u3") or m.group("u4") or "day").lower()
    unit = unit.rstrip("s")
    text = m.group(0).lower()
    later = bool(m.group("next")) or "later" in text and not text.lstrip(" ,").startswith("later")
    if re.search(r"\b(?:several|few|two|three)\b", text):
        return None
    y = int(last[:4])
    if unit == "year":
        return DateMention(m.start(), m.end(), f"{y + 1 if later else y:04d}", relative=True)
    if len(last) < 7:
        return None
    d0 = date(y, int(last[5:7]), 1)
    if unit == "month" and later:
        d0 = _shift_months(d0, 1)
    elif unit in ("day", "week") and len(last) == 10 and later:
        # a day or a week after the last day given may cross into the next month
        from datetime import timedelta

        d1 = date.fromisoformat(last) + timedelta(days=7 if unit == "week" else 1)
        d0 = date(d1.year, d1.month, 1)
    return DateMention(m.start(), m.end(), f"{d0.year:04d}-{d0.month:02d}", relative=True)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    best: dict[tuple[Any, ...], Candidate] = {}
    for c in cands:
        key = (c.agreement, c.actors, c.type, c.is_fact)
        old = best.get(key)
        if old is None or (c.date is not None and old.date is None) or (
            (c.date is None) == (old.date is None) and c.confidence > old.confidence
        ):
            if old is not None and old.date and not c.date:
                continue
            best[key] = c
    return list(best.values())


_DEFAULT: Extractor | None = None


def extract(article: Article | str, record: Record | None = None,
            ref_date: date | None = None) -> list[Candidate]:
    """Candidates from one article (an :class:`Article` or plain text)."""
    global _DEFAULT
    if isinstance(article, str):
        article = Article(name="<text>", text=article)
    if record is not None:
        return Extractor(record).extract(article, ref_date)
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(article, ref_date)


def with_fields(c: Candidate, **changes: Any) -> Candidate:
    """A copy of ``c`` with some fields changed (for review edits)."""
    return replace(c, **changes)
