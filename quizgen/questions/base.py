"""What every generator returns, and the helpers they share for building one."""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from quizgen.models import Question, Span
from quizgen.nlp import Sentence


@dataclass
class Candidate:
    """A question before ranking, with what the ranker and distractor picker need to know."""

    question: Question
    sentence: Sentence
    answer_label: str = ""  # spaCy entity label or NUMBER, DATE, TERM, STATEMENT
    needs_distractors: bool = False
    prior: float = 0.5  # how good this kind of question tends to be
    also_cites: list[Span] = field(default_factory=list)
    soft_flaw: str | None = None  # set by the ranker: usable only when nothing better is left
    changed: str | None = None  # the count a false statement changed, as the article gives it ('thirteen')

    @property
    def kind(self) -> str:
        return self.question.kind


def sentence_span(sentence: Sentence) -> Span:
    return Span(sentence.article.id, sentence.start, sentence.end, sentence.text)


def token_span(sentence: Sentence, span) -> Span:
    """The article Span of a spaCy token or span inside ``sentence``."""
    start = sentence.offset(span)
    text = span.text
    return Span(sentence.article.id, start, start + len(text), text)


def locate_answer(article, answer: str, near: int) -> Span | None:
    """Where ``answer`` stands verbatim in the article, the occurrence nearest ``near``; None if nowhere."""
    bare = answer[4:] if answer.lower().startswith("the ") else answer
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(bare)}(?!\w)", article.text)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return Span(article.id, start, start + len(bare), bare)
