"""Filters that reject flawed candidates, scoring, and assembly of the quiz.

Over-generate, then filter and rank: a teacher wants ten good questions, not forty mixed ones.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter

from quizgen.dates import has_bare_relative_time
from quizgen.questions.base import Candidate
from quizgen.questions.clauses import PRONOUNS
from quizgen.questions.context import name_key
from quizgen.questions.stems import fits

_SUBJECT_PRONOUN = re.compile(r"^(?:According to [^,]+, )?(he|she|it|they|we|i|you|this|these|those)\b", re.IGNORECASE)
_POINTING_BACK = re.compile(r"\b(this|these|those)\b(?! (?:week|month|year)\b)"
                            r"|\b(he|she|him|her|his|hers|they|them|their|its|it)\b", re.IGNORECASE)
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
_BAD_ENDINGS = re.compile(r"\b(and|or|but|of|the|a|an|to|that|which|who|in|on|at|for|with|by|as|from|said)[?.]$",
                          re.IGNORECASE)


def rejection(candidate: Candidate) -> str | None:
    """Why a candidate is unfit to ask, or None when it passes every filter."""
    q = candidate.question
    prompt = q.prompt
    outside_quote = re.sub(r"“[^”]*”|\"[^\"]*\"", "", prompt)
    if not fits(prompt):
        return "stem too long"
    if _unresolved_pronoun(outside_quote):
        return "unresolved pronoun"
    if has_bare_relative_time(outside_quote):
        return "bare relative time"
    if _DOUBLED.search(prompt):
        return "doubled word"
    if _BAD_ENDINGS.search(prompt):
        return "clause fragment at the end"
    if q.type in ("multiple_choice", "short_answer", "fill_blank") and _answer_in_stem(q.answer, prompt):
        return "answer in the stem"
    if q.type == "multiple_choice" and len(q.choices) < 4:
        return "too few distractors"
    return None


def _unresolved_pronoun(stem: str) -> bool:
    """A pronoun with nothing before it to point to, or a demonstrative pointing outside the stem.

    'Who declared his country ...' and 'Pyongyang restarted its tests' resolve inside the stem;
    'He said ...' and 'those overtures' do not.
    """
    if _SUBJECT_PRONOUN.match(stem):
        return True
    match = _POINTING_BACK.search(stem)
    if not match:
        return False
    if match.group(1):
        return True
    before = re.sub(r"^(The|A|An|In|On|At|According to)\b", "", stem[: match.start()])
    return not re.search(r"\b(Who|[A-Z][\w’'-]+)\b", before)


def _answer_in_stem(answer: str, prompt: str) -> bool:
    key = name_key(answer)
    return bool(key) and re.search(rf"\b{re.escape(key)}\b", name_key(prompt.replace("_____", " "))) is not None


def score(candidate: Candidate, subject_counts: Counter, sentences_in_article: int) -> float:
    """Prior of the kind, lead position, centrality of the answer, length of the stem."""
    q = candidate.question
    position = candidate.sentence.index / max(sentences_in_article, 1)
    lead = 0.15 * (1 - position)
    centrality = min(subject_counts[name_key(q.answer)], 4) * 0.03 if q.type == "multiple_choice" else 0.0
    repeated_subject = 0.1 if subject_counts[name_key(q.answer)] > 4 else 0.0
    words = len(q.prompt.split())
    brevity = 0.1 if 8 <= words <= 22 else 0.0
    return max(0.0, min(1.0, candidate.prior * 0.7 + lead + centrality + brevity - repeated_subject))


def select(candidates: list[Candidate], count: int, seed: int | None) -> list[Candidate]:
    """The best ``count`` candidates, with variety of kinds, spread over the text, no repeats or give-aways.

    One question a sentence while there are enough sentences; two where the articles are short.
    """
    sentences = {id(c.sentence) for c in candidates}
    per_sentence = 1 if len(sentences) >= count * 1.5 else 2
    jitter = random.Random(seed) if seed is not None else None
    ranked = sorted(
        candidates,
        key=lambda c: -(c.question.score + (jitter.uniform(-0.15, 0.15) if jitter else 0.0)),
    )
    chosen: list[Candidate] = []
    type_counts: Counter = Counter()
    for candidate in ranked:
        if len(chosen) >= count:
            break
        if _conflicts(candidate, chosen, per_sentence) or type_counts[candidate.question.type] >= max(2, (count * 2 + 4) // 5):
            continue
        chosen.append(candidate)
        type_counts[candidate.question.type] += 1
    for relaxed in (False, True):  # fill up when variety limits left the quiz short
        for candidate in ranked:
            if len(chosen) >= count:
                break
            if candidate not in chosen and not _conflicts(candidate, chosen, per_sentence, relaxed):
                chosen.append(candidate)
    return sorted(chosen, key=lambda c: -c.question.score)


def _conflicts(candidate: Candidate, chosen: list[Candidate], per_sentence: int = 1, relaxed: bool = False) -> bool:
    """Same sentence too often, same answer twice, or one question giving another away.

    A true/false statement shares its sentence with another question only when ``relaxed``.
    """
    q = candidate.question
    same_sentence = [o for o in chosen if o.sentence is candidate.sentence]
    if len(same_sentence) >= per_sentence or any(
        o.question.type == q.type or (not relaxed and "true_false" in (o.question.type, q.type))
        for o in same_sentence
    ):
        return True
    for other in chosen:
        o = other.question
        if q.type != "true_false" and o.type != "true_false" and name_key(q.answer) == name_key(o.answer) \
                and q.focus == o.focus and q.type == o.type:
            return True
        if _reveals(o, q) or _reveals(q, o):
            return True
    return False


def _reveals(asker, answered) -> bool:
    """True when ``asker``'s stem or options give away ``answered``'s answer."""
    if answered.type == "true_false":
        return False
    key = name_key(answered.answer)
    if len(key) < 3:
        return False
    return re.search(rf"\b{re.escape(key)}\b", name_key(asker.prompt)) is not None and answered.focus not in ("place",)


def stable_rng(seed: int | None, text: str) -> random.Random:
    """A random source that depends only on the seed and the text: same input, same quiz."""
    digest = hashlib.sha256(f"{seed}|{text}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def difficulty(candidate: Candidate) -> str:
    """Easy for lead facts and names, hard for late details, numbers and key terms."""
    q = candidate.question
    points = 0
    points += candidate.sentence.index > 6
    points += q.focus in ("number", "term", "time")
    points += len(candidate.sentence.text.split()) > 28
    points += q.type in ("fill_blank", "short_answer")
    return ("easy", "medium", "medium", "hard", "hard")[points]
