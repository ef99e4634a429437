"""Relative dates ("on Tuesday", "last week") made absolute from the article's date.

A small rule table over regular expressions: each rule turns one phrase into a
``TimeRef`` with its date range and an explicit wording for stems and answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_NAME = "|".join(MONTHS)


@dataclass(frozen=True)
class TimeRef:
    """A relative time phrase found at [start, end) of a text, resolved against an anchor date."""

    start: int
    end: int
    phrase: str
    first_day: date
    last_day: date
    explicit: str  # replaces the phrase in a sentence: "on Tuesday 25 January 2022"

    @property
    def answer(self) -> str:
        """The time as a short answer: "25 January 2022", "the week of 17 January 2022"."""
        return re.sub(r"^(on|in) ", "", self.explicit)


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _previous_month(day: date) -> tuple[date, date]:
    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _weekday(name: str, anchor: date, future: bool, next_week: bool = False) -> date:
    """The weekday nearest the anchor on the side the tense says: the anchor itself when it is that day
    ('would be closed on Sunday' in a report dated Sunday), unless 'next' says the week after."""
    target = WEEKDAYS.index(name.lower())
    if future:
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or (7 if next_week else 0))
    return anchor - timedelta(days=(anchor.weekday() - target) % 7)


_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERN = re.compile(
    rf"\b(?:(?P<on>on|last|this|next) )?{_WEEKDAY}(?: (?P<part>morning|afternoon|evening|night))?\b"
    rf"(?!,?\s*(?:\d{{1,2}}\b|{_MONTH_NAME}))"
    r"|\b(?P<unit_rel>last|this|next) (?P<unit>week|month|year)\b"
    rf"|\b(?P<month_rel>last|this|next) (?P<month>{_MONTH_NAME})\b(?! \d)"
    r"|\b(?P<single>yesterday|today|tomorrow)\b"
    r"|\b(?P<day_after>a day (?:after|later|earlier|before))\b",
    re.IGNORECASE,
)
_FUTURE_CUES = re.compile(r"\b(will|would|plans? to|is to|are to|to be held|scheduled)\b", re.IGNORECASE)


def _future(text: str, position: int, end: int) -> bool:
    """Whether the phrase at [position, end) looks ahead: a future cue just before it in its clause
    ('will meet on Monday'), or just after it when it opens the clause ('On Wednesday, they are to
    travel'); not anywhere in the sentence ('said on Tuesday it would ...')."""
    before = re.split(r"[,;:]| and | but ", text[max(0, position - 60):position])[-1]
    if _FUTURE_CUES.search(before):
        return True
    if text[end:end + 2] in ("'s", "’s"):
        return False  # "Sunday night's bombings will hurt ...": the day of a thing, not of the 'will'
    if before.strip() in ("", "on", "On"):
        after = re.split(r"[;:]|\b(?:said|says|told|announced|reported|added|stated)\b", text[end:end + 60])[0]
        return bool(_FUTURE_CUES.search(after))
    return False


# a weekday before one of these names a thing: 'Sunday variants', 'Friday prayers', 'Sunday school'
_DAY_NAMED_THINGS = frozenset("edition editions variant variants paper papers newspaper newspapers supplement "
                              "magazine prayer prayers service services school mass market".split())


def _names_a_thing(match: re.Match, text: str) -> bool:
    """A bare weekday that names something rather than a day: 'the Sunday Times', 'online and Sunday
    variants', 'Friday prayers'; not 'on Sunday' or 'from Friday theorized'."""
    if not match.group("weekday") or match.group("on") or match.group("part"):
        return False
    following = re.match(r" ([A-Za-z]+)", text[match.end():])
    return following is not None and (following.group(1)[0].isupper()
                                      or following.group(1).lower() in _DAY_NAMED_THINGS)


def find_times(text: str, anchor: date | None) -> list[TimeRef]:
    """Every relative time phrase in ``text`` that the anchor date resolves, left to right."""
    if anchor is None:
        return []
    refs = []
    for match in _PATTERN.finditer(text):
        if _names_a_thing(match, text):
            continue
        ref = _resolve(match, anchor, _future(text, match.start(), match.end()))
        if ref:
            refs.append(ref)
    return refs


def _resolve(match: re.Match, anchor: date, future: bool) -> TimeRef | None:
    phrase = match.group(0)
    start, end = match.span()
    if match.group("weekday"):
        qualifier = (match.group("on") or "").lower()
        day = _weekday(match.group("weekday"), anchor, future or qualifier == "next", qualifier == "next")
        if qualifier == "last" and day == anchor:
            day -= timedelta(days=7)
        when = f"{match.group('weekday').capitalize()} {day_label(day)}"
        part = (match.group("part") or "").lower()
        explicit = f"on the {part} of {when}" if part else f"on {when}"
        return TimeRef(start, end, phrase, day, day, explicit)
    if match.group("unit"):
        step = {"last": -1, "this": 0, "next": 1}[match.group("unit_rel").lower()]
        unit = match.group("unit").lower()
        if unit == "week":
            first = _week_of(anchor) + timedelta(weeks=step)
            return TimeRef(start, end, phrase, first, first + timedelta(days=6), f"in the week of {day_label(first)}")
        if unit == "month":
            first, last = _month(anchor, step)
            return TimeRef(start, end, phrase, first, last, f"in {MONTHS[first.month - 1]} {first.year}")
        year = anchor.year + step
        return TimeRef(start, end, phrase, date(year, 1, 1), date(year, 12, 31), f"in {year}")
    if match.group("month"):
        month = MONTHS.index(match.group("month")) + 1
        relation = match.group("month_rel").lower()
        year = anchor.year - (relation == "last" and month >= anchor.month) + (relation == "next" and month <= anchor.month)
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return TimeRef(start, end, phrase, first, following - timedelta(days=1), f"in {MONTHS[month - 1]} {year}")
    if match.group("single"):
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("single").lower()]
        day = anchor + timedelta(days=offset)
        return TimeRef(start, end, phrase, day, day, f"on {day_label(day)}")
    if match.group("day_after"):
        # "X came a day after Y": Y happened the day before the report's own date.
        before = match.group("day_after").lower().endswith(("after", "earlier"))
        day = anchor - timedelta(days=1) if before else anchor + timedelta(days=1)
        return TimeRef(start, end, phrase, day, day, f"on {day_label(day)}")
    return None


def _month(anchor: date, step: int) -> tuple[date, date]:
    if step == -1:
        return _previous_month(anchor)
    month_index = anchor.month - 1 + step
    first = date(anchor.year + month_index // 12, month_index % 12 + 1, 1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def make_explicit(text: str, anchor: date | None) -> str | None:
    """``text`` with every relative time replaced by its explicit form; None when one can't be resolved.

    Inside a quotation nothing is rewritten: 'what we voted on today' are the speaker's words, and
    their 'today' may not be the report's."""
    quoted = [m.span() for m in QUOTATION.finditer(text)]
    refs = [ref for ref in find_times(text, anchor) if not any(s <= ref.start < e for s, e in quoted)]
    if any(ref.phrase.lower().startswith("a day ") for ref in refs):
        return None  # "a day after X" dates X, not the sentence: no wording keeps both right
    out, last = [], 0
    for ref in refs:
        possessive = text[ref.end:ref.end + 2] in ("'s", "’s")  # "this year's theme" -> "2007's theme"
        before = text[last:ref.start] if possessive else re.sub(r"(?i)\b(on|in) $", "", text[last:ref.start])
        after_preposition = re.search(r"(?i)\b(from|since|until|till|by|before|after|through|during|of|for) $",
                                      before)  # 'not available for Monday' -> 'for 7 October 2013', no 'on'
        out.append(re.sub(r"(?i)\b(the) $", "", before) if possessive else before)  # 'in last year's' keeps 'in'
        out.append(ref.answer if after_preposition or possessive else ref.explicit)
        last = ref.end
    out.append(text[last:])
    explicit = "".join(out)
    return None if has_bare_relative_time(QUOTATION.sub(" ", _without_explicit(explicit, refs))) else explicit


# quoted words in a text, curly or straight: a speaker's own, left as they are
QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _without_explicit(text: str, refs: list[TimeRef]) -> str:
    for ref in refs:
        text = text.replace(ref.explicit, "").replace(ref.answer, "")
    return text


_BARE_RELATIVE = re.compile(
    r"\b(this|last|next) (week|month|year)\b|\b(yesterday|today|tomorrow|tonight|currently)\b"
    rf"|\b(this|last|next) ({_MONTH_NAME})\b(?! \d)"
    r"|\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(hours?|days?|weeks?|months?|years?|decades?) ago\b|\b(last|this) (night|morning|afternoon|evening)\b"
    r"|\b(on )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?! \d)"
    r"|\ba day (after|later|earlier|before)\b|\bearlier this\b|\blater this\b"
    r"|\b(in|over|during) the (past|last|coming|next) (few |several |two |three )?(days|weeks|months)\b"
    r"|\bin recent (days|weeks)\b",
    re.IGNORECASE,
)


def has_bare_relative_time(text: str) -> bool:
    """True when the text leans on a relative time a reader can't place without the dateline."""
    named = [m.span() for m in _PATTERN.finditer(text) if _names_a_thing(m, text)]  # 'the Sunday Times'
    for start, end in named:
        text = text[:start] + " " * (end - start) + text[end:]
    return bool(_BARE_RELATIVE.search(text))
