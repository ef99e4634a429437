"""Dataclasses that cross layers: Article, Span, Question, Quiz.

They serialise to the quiz document of CONTRACT.md section 3 through ``to_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from quizgen import __version__

QUESTION_TYPES = ("multiple_choice", "true_false", "fill_blank", "short_answer")
FOCUSES = (
    "person", "organisation", "place", "time", "number", "quote",
    "event", "term", "cause", "comparison", "main_idea",
)
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass
class Article:
    """One article: body text split into paragraphs, plus its metadata.

    ``text`` is the paragraphs joined by blank lines; ``paragraph_starts`` are
    their offsets in it, so every span the generators produce points into ``text``.
    """

    text: str
    title: str | None = None
    date: date | None = None
    source: str | None = None
    url: str | None = None
    id: str = "a1"
    paragraph_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.paragraph_starts:
            self.paragraph_starts = _paragraph_starts(self.text)

    @property
    def paragraphs(self) -> list[tuple[int, str]]:
        """(start offset, paragraph text) for each paragraph."""
        out = []
        for i, start in enumerate(self.paragraph_starts):
            end = self.paragraph_starts[i + 1] - 2 if i + 1 < len(self.paragraph_starts) else len(self.text)
            out.append((start, self.text[start:end]))
        return out

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        from quizgen.readability import flesch_kincaid_grade

        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "word_count": self.word_count,
            "reading_level": {"flesch_kincaid_grade": flesch_kincaid_grade(self.text)},
            "text": self.text,
        }


def _paragraph_starts(text: str) -> list[int]:
    starts = [0] if text else []
    pos = text.find("\n\n")
    while pos != -1:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return starts


@dataclass(frozen=True)
class Span:
    """A stretch of one article's text, by Python string offsets."""

    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Question:
    """One quiz question, as in CONTRACT.md section 3."""

    type: str
    prompt: str
    answer: str
    evidence: list[Span]
    focus: str
    answer_span: Span | None = None
    choices: list[str] = field(default_factory=list)
    accepted_answers: list[str] = field(default_factory=list)
    explanation: str = ""
    difficulty: str = "medium"
    score: float = 0.5
    id: str = ""
    kind: str = ""  # the generator that made it, for variety and debugging; not exported

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "answer": self.answer,
            "accepted_answers": list(self.accepted_answers) or [self.answer],
            "explanation": self.explanation,
            "evidence": [s.to_dict() for s in self.evidence],
            "answer_span": self.answer_span.to_dict() if self.answer_span else None,
            "focus": self.focus,
            "difficulty": self.difficulty,
            "score": round(self.score, 4),
        }


@dataclass
class Quiz:
    """Articles and the questions asked about them, best first."""

    articles: list[Article]
    questions: list[Question]
    title: str | None = None

    def to_dict(self) -> dict:
        return {
            "quizgen_version": __version__,
            "articles": [a.to_dict() for a in self.articles],
            "questions": [q.to_dict() for q in self.questions],
        }
