"""Facts checked across sources: which sentence of another report states the same thing.

A sentence's content is its nouns, names, verbs, adjectives, adverbs and numbers by lemma, each
weighted by rarity (``quizgen.stories`` weights, at least ``MIN_WEIGHT``), so a shared
"warhead" counts more than a shared "said". ``coverage(a, b)`` is the share of a's weight
that b also has. A question's fact is reported by another article when one of its
sentences names the answer and covers ``CONFIRMS`` of the question's own content.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from quizgen.nlp import ParsedArticle, Sentence
from quizgen.numbers import read_number
from quizgen.questions.base import Candidate, sentence_span
from quizgen.questions.context import name_key
from quizgen.stories import _rarity

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
MIN_WEIGHT = 0.5
CONFIRMS = 0.5
CONFIRMED_BONUS = 0.1  # facts both reports give are the safest questions


def content(sentence: Sentence) -> dict[str, float]:
    """The weighted content lemmas of a sentence."""
    return _content(sentence.span)


def _content(span) -> dict[str, float]:
    out = {}
    for token in span:
        if (token.pos_ in CONTENT_POS and not token.is_stop and token.is_alpha) or token.like_num:
            lemma = token.lemma_.lower()
            out[lemma] = max(_rarity(lemma), MIN_WEIGHT)
    return out


@lru_cache(maxsize=4096)
def _text_content(text: str) -> tuple[tuple[str, float], ...]:
    from quizgen.nlp import load_model

    return tuple(_content(load_model()(text)).items())


def coverage(a: dict[str, float], b: dict[str, float]) -> float:
    """The share of a's weight that b also has."""
    total = sum(a.values())
    return sum(w for t, w in a.items() if t in b) / total if total else 0.0


def mentions(sentence_text: str, answer: str) -> bool:
    """True when the answer stands in the sentence (names by key, numbers by value)."""
    key = name_key(answer)
    if key and f" {key} " in f" {name_key(sentence_text)} ":
        return True
    number = read_number(answer)
    if number is None:
        return False
    words = name_key(sentence_text).split()
    return any((n := read_number(w)) is not None and n.value == number.value for w in words)


def confirming_sentence(candidate: Candidate, other: ParsedArticle) -> Sentence | None:
    """The sentence of another article that states this question's fact, if one does."""
    q = candidate.question
    if q.type == "true_false":
        own = content(candidate.sentence)
        best = max(other.sentences, key=lambda s: coverage(own, content(s)), default=None)
        return best if best is not None and q.answer == "True" and coverage(own, content(best)) >= 0.7 else None
    asked = dict(_text_content(q.prompt.replace("_____", " ")))
    for term in name_key(q.answer).split():
        asked.pop(term, None)
    found = [s for s in other.sentences if mentions(s.text, q.answer) and coverage(asked, content(s)) >= CONFIRMS]
    return max(found, key=lambda s: coverage(asked, content(s)), default=None)


def merge_reports(candidates: list[Candidate], parsed: list[ParsedArticle]) -> list[Candidate]:
    """One question per fact: a fact two reports give cites both, and its twin from the other report goes.

    Confirmed questions get a higher prior. Twins are questions of the same type and answer
    whose sentences confirm each other; the one generated first is kept.
    """
    if len(parsed) < 2:
        return candidates
    confirmed_by: dict[int, set[int]] = defaultdict(set)
    for candidate in candidates:
        if candidate.question.focus == "comparison":
            continue
        for other in parsed:
            if other.article is candidate.sentence.article:
                continue
            sentence = confirming_sentence(candidate, other)
            if sentence is not None:
                candidate.question.evidence.append(sentence_span(sentence))
                candidate.prior = min(1.0, candidate.prior + CONFIRMED_BONUS)
                confirmed_by[id(candidate)].add(id(sentence))
    kept: list[Candidate] = []
    for candidate in candidates:
        if not any(_twins(candidate, k, confirmed_by) for k in kept):
            kept.append(candidate)
    return kept


def _twins(a: Candidate, b: Candidate, confirmed_by: dict[int, set[int]]) -> bool:
    if a.sentence.article is b.sentence.article or a.question.type != b.question.type:
        return False
    if name_key(a.question.answer) != name_key(b.question.answer):
        return False
    return id(a.sentence) in confirmed_by[id(b)] or id(b.sentence) in confirmed_by[id(a)]
