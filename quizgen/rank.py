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
_POINTING_BACK = re.compile(r"\b(this|these|those|him|them)\b(?! (?:week|month|year)\b)"
                            r"|\b(he|she|her|his|hers|they|their|its|it)\b", re.IGNORECASE)
_EDITORIAL = re.compile(r"\[|\]|\(\(|\(\)|,\s*[\"”]\s*\?$|^\W")
_REPORTED_SUBJECT = re.compile(
    r"\b(said|says|stated|states|warned|warns|added|told \w+|announced|claimed|declared|believes|believed|thinks|"
    r"thought|confirmed|reported|insisted|argued|noted|explained|promised|vowed|threatened|indicated|hoped)"
    r" (that )?(he|she|it|they)$", re.IGNORECASE)
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
    if _EDITORIAL.search(prompt):
        return "editorial marks or a cut quotation"
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

    'Who declared his country ...', 'Pyongyang restarted its tests' and 'North Korea said it would'
    resolve inside the stem; 'He said ...', 'those overtures' and '..., it was not attacked' do not.
    """
    if _SUBJECT_PRONOUN.match(stem):
        return True
    for match in _POINTING_BACK.finditer(stem):
        if match.group(1):
            return True
        if match.group(2).lower() in ("he", "she", "it", "they"):
            if not _REPORTED_SUBJECT.search(stem[: match.end()]):
                return True
            continue
        before = re.sub(r"^(The|A|An|In|On|At|According to)\b", "", stem[: match.start()])
        if not re.search(r"\b(Who|[A-Z][\w’'-]+)\b", before):
            return True
    return False


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
    type_cap = max(2, (count * 3 + 9) // 10)
    for candidate in ranked:
        if len(chosen) >= count:
            break
        if _conflicts(candidate, chosen, per_sentence) or type_counts[candidate.question.type] >= type_cap \
                or _unbalances_true_false(candidate, chosen):
            continue
        chosen.append(candidate)
        type_counts[candidate.question.type] += 1
    for relaxed in (1, 2):  # fill up a short quiz: first pair statements with other kinds, then repeat an answer
        for candidate in ranked:
            if len(chosen) >= count:
                break
            if candidate not in chosen and not _conflicts(candidate, chosen, per_sentence, relaxed):
                chosen.append(candidate)
    return sorted(chosen, key=lambda c: -c.question.score)


def _unbalances_true_false(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """Keep true and false statements within one of each other, so 'always False' is no strategy."""
    if candidate.question.type != "true_false":
        return False
    answers = Counter(c.question.answer for c in chosen if c.question.type == "true_false")
    mine, other = answers[candidate.question.answer], answers["False" if candidate.question.answer == "True" else "True"]
    return mine - other >= 1


def _conflicts(candidate: Candidate, chosen: list[Candidate], per_sentence: int = 1, relaxed: int = 0) -> bool:
    """Same sentence too often, same answer twice, or one question giving another away.

    ``relaxed`` 1 lets a true/false statement share its sentence with another kind of question;
    2 also lets an answer come back in another sentence. Give-aways are never allowed.
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
        if relaxed < 2 and q.type != "true_false" and o.type != "true_false" \
                and name_key(q.answer) == name_key(o.answer) and q.focus == o.focus and q.type == o.type:
            return True
        if _reveals(other, candidate) or _reveals(candidate, other):
            return True
    return False


def _reveals(asker: Candidate, answered: Candidate) -> bool:
    """True when ``asker``'s stem names ``answered``'s answer while speaking of the same fact.

    Naming Kim Jong Un in a question about the Hanoi summit does not give away who visited the
    factory; a statement that Kim Jong Un visited the factory does.
    """
    if answered.question.type == "true_false" or asker.question.answer == "False":
        return False  # a false statement gives nothing away
    key = name_key(answered.question.answer)
    if len(key) < 3 or re.search(rf"\b{re.escape(key)}\b", name_key(asker.question.prompt)) is None:
        return False
    if asker.sentence is answered.sentence:
        return True
    shared = _content_words(asker.question.prompt) & _content_words(answered.sentence.text)
    return len(shared - set(key.split())) >= 2


_STOPWORDS = frozenset(
    "the a an of and or to in on at for with by from as is was were are be been has have had that this which who "
    "what when where how many did does do it its their his her they he she said says according not".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOPWORDS}


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
