"""Numbers as written in news text: read them, write them back in the same style, vary them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

_QUALIFIERS = ("about", "around", "over", "more than", "less than", "fewer than", "nearly", "almost",
               "at least", "some", "up to", "approximately", "roughly", "under")
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}


@dataclass(frozen=True)
class Number:
    """'about 130' -> qualifier 'about', value 130, written in digits."""

    qualifier: str
    value: float
    style: str  # "word", "digits", "digits_comma"
    suffix: str = ""  # "million", "%"
    currency: str = ""  # "$", "US$", "£", "€"

    def render(self, value: float) -> str:
        if self.style == "word" and value == int(value) and 0 <= value < 100:
            body = _words(int(value))
        elif self.style == "digits_comma":
            body = f"{int(value):,}"
        else:
            body = str(int(value)) if value == int(value) else f"{value:g}"
        parts = [self.qualifier, self.currency + body + ("%" if self.suffix == "%" else "")]
        if self.suffix and self.suffix != "%":
            parts.append(self.suffix)
        return " ".join(p for p in parts if p)


@lru_cache(maxsize=128)
def _words(value: int) -> str:
    """A number in words as news writes it: 'two', 'thirty', 'forty-five'."""
    import inflect

    return inflect.engine().number_to_words(value)


def read_number(text: str) -> Number | None:
    """Parse a short number phrase; None when it is not one."""
    text = text.strip()
    qualifier = next((q for q in _QUALIFIERS if text.lower().startswith(q + " ")), "")
    body = text[len(qualifier):].strip()
    currency = _CURRENCY.match(body)
    if currency:
        body = body[currency.end():]
    number = _read_amount(body.lower(), qualifier)
    return replace(number, currency=currency.group()) if number and currency else number


_CURRENCY = re.compile(r"(?:US|A|C|NZ|HK)?\$|£|€")


def _read_amount(body: str, qualifier: str) -> Number | None:
    suffix = ""
    for unit in ("million", "billion", "thousand", "%", "percent"):
        if body.endswith(unit):
            suffix, body = unit, body[: -len(unit)].strip()
            break
    if body in _WORDS:
        return Number(qualifier, float(_WORDS[body]), "word", suffix)
    if body in _TENS and body not in ("hundred", "thousand", "million", "billion"):
        return Number(qualifier, float(_TENS[body]), "word", suffix)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", body):
        return Number(qualifier, float(body.replace(",", "")), "digits_comma", suffix)
    if re.fullmatch(r"\d+(\.\d+)?", body):
        return Number(qualifier, float(body), "digits", suffix)
    return None


def small_count(text: str) -> int | None:
    """A bare count of a few things ('two', 'at least 3'), not an amount ('2 million', '58%')."""
    number = read_number(text)
    if number is None or not float(number.value).is_integer() or not 2 <= number.value <= 12:
        return None
    return int(number.value) if re.fullmatch(r"(?:[a-z ]+ )?(\d+|[a-z]+)", text.strip().lower()) else None


def states_a_figure(text: str) -> bool:
    """A digit or a number word ('two', 'hundreds', 'a dozen'): something a statement can be checked by."""
    words = (w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z]+", text.lower()))
    return bool(re.search(r"\d", text)) or any(w in _WORDS or w in _TENS or w == "dozen" for w in words)


def numbers_in(text: str) -> list[float]:
    """Every number a reader sees in a text, ordinals ('sixth') included: the tempting misreadings."""
    values = [float(m.replace(",", "")) for m in re.findall(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b", text)]
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _WORDS:
            values.append(float(_WORDS[word]))
        elif word in _ORDINALS:
            values.append(float(_ORDINALS[word]))
    return values


def nearby_values(number: Number, article_numbers: list[float]) -> list[float]:
    """Wrong values a skimming reader might pick: the article's other numbers of a similar size first."""
    value = number.value
    seen = {value}
    out = []
    low, high = value / 2.5, value * 2.5  # 16 or 19 months tempt no one for a six-month truce
    whole = value == int(value)
    for other in article_numbers:
        if whole and other != int(other):
            continue  # '2.2 nations', '6.6 people': a count has whole options, whatever else the article counts
        if other not in seen and low <= other <= high and other > 0 and not 1800 <= other <= 2100:
            seen.add(other)
            out.append(other)
    steps = [1, 2, 3, 4] if value < 10 else [round(value * f) for f in (0.5, 0.75, 1.5, 2)]
    for step in steps:
        for candidate in ((value + step, value - step) if value < 10 else (step,)):
            if candidate >= low and candidate not in seen and (candidate == int(candidate) or value != int(value)):
                seen.add(candidate)
                out.append(candidate)
    return out


def spelled_variants(text: str) -> list[str]:
    """'two' -> ['two', '2']; '2' -> ['2', 'two']: the forms a student may type."""
    number = read_number(text)
    if number is None:
        return [text]
    forms = {text, number.render(number.value)}
    plain = int(number.value) if number.value == int(number.value) else number.value
    forms.add(str(plain))
    if number.value == int(number.value) and 0 <= number.value < 100:
        forms.add(_words(int(number.value)))
    return sorted(forms, key=lambda f: (f != text, f))
