"""Dates in prose, each with the precision the text gives (day, month or year).

Explicit dates ("December 8, 1987", "2 August 2019", "Aug. 2, 2019", "January 2023", "1987")
are found by pattern and parsed with ``dateparser`` (``languages=['en']``, ``REQUIRE_PARTS`` for
the parts the pattern saw, ``PREFER_DAY_OF_MONTH='first'``, ``RELATIVE_BASE`` the article's
reference date), so nothing is filled in from today's date. A day or month without a year
("December 13", "In May") takes the year from the context; relative phrases ("today", "that same
year", "last month", "six months ago") are resolved against the article's reference date (its
dateline) or the last year mentioned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

__all__ = ["DateMention", "find_dates"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
        r"Dec\.?)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "On this day in 1991" under a dateline of 31 July 2018: 31 July 1991
    ("anniv", re.compile(rf"\b(?:[Oo]n\s+)?this\s+(?:day|date)\s+in\s+({_YEAR})\b")),
    # (fourteenth round) a date written in ISO form, "2025-04-12" (a web page's dateline)
    ("iso", re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
                       r"(?![\w-])")),
    ("mdy", re.compile(rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\s*,?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*{_YEAR})(?!\d)"
                      r"(?!,\s*\d)")),
    ("dm", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\b(?!\s*,?\s*{_YEAR})")),
    ("m", re.compile(r"\b(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]y|[Uu]ntil|[Ss]ince)\s+"
                     r"((?:January|February|March|April|May|June|July|August|September|"
                     r"October|November|December))\b(?!\s+\d)")),
    ("y", re.compile(rf"(?<![\d,.$-])\b{_YEAR}s?\b(?!\d|,\d|\s*(?:km|kilometers|kg|metric))")),
    ("wd", re.compile(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("ago", re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|\d{1,2})\s+(day|week|month|year)s?\s+(ago|earlier|later)\b(?!\s+than)",
                       re.I)),
    ("rel", re.compile(r"\b(today|this morning|this afternoon|this evening|tonight|yesterday|"
                       r"this week|last week|last month|last year|"
                       r"that (?:same )?year|the same year|the following year|the next year|"
                       r"a year later|(?:six|three|two|several) months (?:ago|later)|"
                       r"earlier this year|this year|last night|this month|earlier this month|"
                       r"later that year|the previous year|the year before)\b", re.I)),
]
# a span preceded by one of these is a deadline or a limit, not the date of the act
_NOT_ACT = re.compile(r"(?:until|till|by|before|deadline of|expires? on|through|to)\s*$", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: characters ``start``-``end`` of the sentence, the value as
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and whether it is a deadline rather than an act."""

    start: int
    end: int
    value: str
    deadline: bool = False
    relative: bool = False

    @property
    def year(self) -> int:
        return int(self.value[:4])


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")[:4].rstrip(".") if text.lower().startswith("sept")
                   else text.lower().rstrip(".")[:3] if len(text.rstrip(".")) > 3 and
                   text.lower().rstrip(".") not in _MONTHS else text.lower().rstrip(".")]


_EXACT = re.compile(r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?\s+(?:(\d{1,2})"
                    r"(?:st|nd|rd|th)?\s+)?(\d{4})$")


def _exact(text: str, parts: tuple[str, ...]) -> date | None:
    """The common written forms ("December 8 1987", "8 December 1987", "Aug. 2 2019",
    "January 2023") read directly; None for anything else (then dateparser reads it)."""
    m = _EXACT.match(" ".join(text.replace(",", " ").split()))
    if not m:
        return None
    d1, mon, d2, year = m.groups()
    month = _MONTHS.get(mon.lower().rstrip("."))
    day = d1 or d2
    if month is None or (d1 and d2) or (("day" in parts) != bool(day)):
        return None
    try:
        return date(int(year), month, int(day) if day else 1)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse(text: str, parts: tuple[str, ...], base: date | None) -> date | None:
    exact = _exact(text, parts)
    if exact is not None:
        return exact
    import dateparser

    settings: dict[str, object] = {
        "REQUIRE_PARTS": list(parts),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        # the patterns above found an absolute date: no "freshness" (relative) parsing, and a
        # fixed base, so that nothing can be filled in from today's date
        "PARSERS": ["absolute-time"],
        "RELATIVE_BASE": datetime(1900, 1, 1) if base is None else
        datetime(base.year, base.month, base.day),
    }
    d = dateparser.parse(text, languages=["en"], settings=settings)
    return d.date() if d is not None else None


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    return date(y, m % 12 + 1, 1)


def find_dates(sentence: str, ref: date | None, last_year: int | None) -> list[DateMention]:
    """Every date mention in ``sentence`` (non-overlapping, left to right)."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    ctx_year = ref.year if ref is not None else last_year
    # "signed in November 1990, but not ratified until two years later": "later" counts from
    # the year written before it in the same sentence, else from the last year of the article
    years_here = [(m.start(), int(m.group(0))) for m in re.finditer(r"\b(?:1[89]|20)\d\d\b",
                                                                    sentence)]

    def base_year(pos: int) -> int | None:
        before = [y for p, y in years_here if p < pos]
        return before[-1] if before else last_year

    for kind, pat in _PATTERNS:
        for m in pat.finditer(sentence):
            a, b = m.span()
            if not free(a, b):
                continue
            raw = m.group(0)
            value: str | None = None
            relative = False
            if kind == "anniv":
                if ref is None:
                    continue
                y = int(m.group(1))
                try:
                    value = date(y, ref.month, ref.day).isoformat()
                except ValueError:  # 29 February
                    value = f"{y:04d}-{ref.month:02d}"
                relative = True
            elif kind == "iso":
                try:
                    value = date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
                except ValueError:  # "2025-02-30" is no date
                    continue
            elif kind in ("mdy", "dmy"):
                d = _parse(raw.replace(",", " "), ("day", "month", "year"), ref)
                value = d.isoformat() if d else None
            elif kind == "my":
                d = _parse(raw.replace(" of ", " "), ("month", "year"), ref)
                value = f"{d.year:04d}-{d.month:02d}" if d else None
            elif kind in ("md", "dm"):
                year = ctx_year or last_year
                if year is None:
                    continue
                d = _parse(f"{raw} {year}", ("day", "month", "year"), ref)
                value = d.isoformat() if d else None
                relative = True
            elif kind == "m":
                year = last_year or ctx_year
                if ref is not None and re.match(r"\s+(?:of\s+)?this\s+year", sentence[m.end():]):
                    year = ref.year
                if year is None:
                    continue
                value = f"{year:04d}-{_MONTHS[m.group(1).lower()]:02d}"
                a, b = m.span(1)
                relative = True
            elif kind == "wd":
                if ref is None:
                    continue
                # news convention: the last such weekday on or before the dateline
                wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"].index(m.group(1).lower())
                back = (ref.weekday() - wd) % 7
                value = date.fromordinal(ref.toordinal() - back).isoformat()
                relative = True
            elif kind == "y":
                value = raw[:4]
            elif kind == "ago":
                g1 = m.group(1)
                n = int(g1) if g1.isdigit() else _NUMBERS[g1.lower()]
                unit, direction = m.group(2).lower(), m.group(3).lower()
                relative = True
                # "ago" counts back from the dateline; "later"/"earlier" from the last date
                if direction == "ago":
                    if ref is None:
                        continue
                    base_y, base_m, base_d = ref.year, ref.month, ref.day
                    sign = -1
                else:
                    by = base_year(a)
                    if by is None:
                        continue
                    base_y, base_m, base_d = by, None, None
                    sign = -1 if direction in ("earlier", "before") else 1
                if unit == "year":
                    value = f"{base_y + sign * n:04d}"
                elif unit == "month" and base_m is not None:
                    d = _shift_months(date(base_y, base_m, 1), sign * n)
                    value = f"{d.year:04d}-{d.month:02d}"
                elif unit in ("day", "week") and base_m is not None and base_d is not None:
                    days = n * (7 if unit == "week" else 1)
                    value = date.fromordinal(date(base_y, base_m, base_d).toordinal()
                                             + sign * days).isoformat()
                else:
                    continue
            else:
                phrase = raw.lower()
                relative = True
                if phrase in ("today", "this morning", "this afternoon", "this evening", "tonight",
                              "this week") and ref is not None:
                    value = ref.isoformat()
                elif phrase == "yesterday" and ref is not None:
                    value = date.fromordinal(ref.toordinal() - 1).isoformat()
                elif phrase == "last month" and ref is not None:
                    d = _shift_months(ref, -1)
                    value = f"{d.year:04d}-{d.month:02d}"
                elif phrase in ("last year",) and ref is not None:
                    value = f"{ref.year - 1:04d}"
                elif phrase in ("earlier this year", "this year") and ref is not None:
                    value = f"{ref.year:04d}"
                elif phrase in ("this month", "earlier this month") and ref is not None:
                    value = f"{ref.year:04d}-{ref.month:02d}"
                elif phrase == "last night" and ref is not None:
                    value = date.fromordinal(ref.toordinal() - 1).isoformat()
                elif phrase == "later that year" and base_year(a):
                    value = f"{base_year(a):04d}"
                elif phrase in ("the previous year", "the year before") and (by := base_year(a)):
                    value = f"{by - 1:04d}"
                elif "months ago" in phrase and ref is not None:
                    n = {"six": 6, "three": 3, "two": 2, "several": 3}[phrase.split()[0]]
                    d = _shift_months(ref, -n)
                    value = f"{d.year:04d}-{d.month:02d}"
                elif phrase in ("that year", "that same year", "the same year") and base_year(a):
                    value = f"{base_year(a):04d}"
                elif phrase in ("the following year", "the next year", "a year later") and \
                        (by := base_year(a)):
                    value = f"{by + 1:04d}"
            if value is None:
                continue
            taken.append((a, b))
            deadline = bool(_NOT_ACT.search(sentence[max(0, a - 16):a])) and not (
                # "By this morning, both sides had accepted": a fronted "by" with the day of
                # the dateline dates a past act
                re.fullmatch(r"\s*[Bb]y\s*", sentence[:a]) and re.fullmatch(
                    r"today|this (?:morning|afternoon|evening)|tonight", sentence[a:b].lower()))
            out.append(DateMention(a, b, value, deadline, relative))
    out.sort(key=lambda d: d.start)
    return out
