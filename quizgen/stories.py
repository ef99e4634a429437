"""Articles that report the same event, grouped into stories. Pure: no spaCy, no database.

Similarity of two articles is the cosine of their key-term vectors. A key term is a word
(lower-cased, possessive dropped) or a run of capitalised words (a name: "Kim Jong Un",
"Korean Central News Agency"); everyday words (wordfreq Zipf frequency above
``COMMON_ZIPF``) are left out. Each term weighs ``(1 + ln tf) * (RARITY_BASE - zipf)``:
rare words and names count most, so "warhead" and "munitions" say more than "country".
A name weighs the mean rarity of its words. The weights depend on English, not on the library, so adding an
unrelated article never regroups the others.

Two articles join one story when their similarity reaches ``THRESHOLD`` and their dates,
where both are known, lie within ``DATE_WINDOW_DAYS``. Groups form average-link: a
story absorbs an article (or another story) only when the mean similarity over all
cross pairs reaches the threshold and the story's known dates still fit the window, so
one loose link cannot chain unrelated events together. A teacher's edits are pairs:
``together`` (merged by hand) always share a story, ``apart`` (split by hand) never do.

On the 13 sample articles the two seed reports score 0.53; the nearest unrelated pair
(seed 001 and the VOA North Korea report of 2016) scores 0.23.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations

from quizgen.models import Article

THRESHOLD = 0.35
DATE_WINDOW_DAYS = 7
COMMON_ZIPF = 5.2
RARITY_BASE = 6.5

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]+)+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Fingerprint:
    """What grouping needs of one article: its key, its date and its weighted key terms."""

    key: object
    date: date | None
    terms: dict[str, float]

    def similarity(self, other: Fingerprint) -> float:
        shared = self.terms.keys() & other.terms.keys()
        dot = sum(self.terms[t] * other.terms[t] for t in shared)
        norm = math.sqrt(sum(v * v for v in self.terms.values()) * sum(v * v for v in other.terms.values()))
        return dot / norm if norm else 0.0


@lru_cache(maxsize=20000)
def _rarity(word: str) -> float:
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word, "en")
    return 0.0 if zipf > COMMON_ZIPF else RARITY_BASE - zipf if zipf else RARITY_BASE


def key_terms(text: str) -> dict[str, float]:
    """The weighted key terms of a text: rare words and capitalised names."""
    counts: Counter = Counter()
    for word in _WORD.findall(text):
        word = _POSSESSIVE.sub("", word.lower())
        if len(word) > 2:
            counts[word] += 1
    weights = {w: (1 + math.log(n)) * _rarity(w) for w, n in counts.items() if _rarity(w) > 0}
    names = Counter(_POSSESSIVE.sub("", m.group(0)).lower() for m in _NAME.finditer(text))
    for name, n in names.items():
        words = _WORD.findall(name)
        rarity = sum(_rarity(_POSSESSIVE.sub("", w)) for w in words) / len(words)
        if rarity:
            weights["name:" + name] = (1 + math.log(n)) * rarity
    return weights


def fingerprint(article: Article, key: object = None) -> Fingerprint:
    """The article's fingerprint; ``key`` names it in the groups (default: ``article.id``)."""
    text = f"{article.title}\n\n{article.text}" if article.title else article.text
    return Fingerprint(article.id if key is None else key, article.date, key_terms(text))


def group(
    prints: list[Fingerprint],
    together: list[tuple] = (),
    apart: list[tuple] = (),
    threshold: float = THRESHOLD,
) -> list[list]:
    """Keys grouped into stories: each story's keys in input order, stories by their first member."""
    index = {p.key: i for i, p in enumerate(prints)}
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(prints))}
    owner = list(range(len(prints)))
    banned = {frozenset((index[a], index[b])) for a, b in apart if a in index and b in index}

    def merge(a: int, b: int) -> None:
        ca, cb = owner[a], owner[b]
        if ca == cb:
            return
        clusters[ca] += clusters.pop(cb)
        for member in clusters[ca]:
            owner[member] = ca

    for a, b in together:
        if a in index and b in index:
            merge(index[a], index[b])
    sims = {(i, j): prints[i].similarity(prints[j]) for i, j in combinations(range(len(prints)), 2)}
    for (i, j), sim in sorted(sims.items(), key=lambda item: -item[1]):
        if sim < threshold:
            break
        left, right = clusters.get(owner[i], []), clusters.get(owner[j], [])
        if owner[i] == owner[j] or any(frozenset((x, y)) in banned for x in left for y in right):
            continue
        mean = sum(sims[min(x, y), max(x, y)] for x in left for y in right) / (len(left) * len(right))
        if mean >= threshold and _dates_fit([prints[k].date for k in left + right]):
            merge(i, j)
    stories = sorted((sorted(members) for members in clusters.values()), key=lambda m: m[0])
    return [[prints[i].key for i in members] for members in stories]


def _dates_fit(dates: list[date | None]) -> bool:
    known = [d for d in dates if d is not None]
    return not known or max(known) - min(known) <= timedelta(days=DATE_WINDOW_DAYS)


def story_date(articles: list[Article]) -> date | None:
    """The date a story's reports fix: the earliest known date of its articles."""
    return min((a.date for a in articles if a.date is not None), default=None)


def lend_dates(articles: list[Article]) -> list[Article]:
    """Give each undated article the date of the story it belongs to; return the articles dated so."""
    prints = [fingerprint(a, key=i) for i, a in enumerate(articles)]
    lent = []
    for members in group(prints):
        story = [articles[i] for i in members]
        day = story_date(story)
        for article in story:
            if article.date is None and day is not None:
                article.date = day
                lent.append(article)
    return lent
