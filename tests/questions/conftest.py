"""Build a parsed one-article quiz context from a few sentences, for the generators' example tables."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.ingest import parse_text
from quizgen.nlp import parse_many
from quizgen.questions.context import QuizContext

ARTICLE_DATE = date(2022, 1, 28)  # a Friday, as in seed article 001


@pytest.fixture(scope="session")
def parse_sentences(nlp):
    """parse_sentences(text, extra="") -> (sentences of ``text``, context over text and ``extra``).

    ``extra`` is more of the same article (other people and places for distractors and swaps).
    """
    cache: dict[tuple[str, str, date | None], tuple] = {}

    def build(text: str, extra: str = "", when: date | None = ARTICLE_DATE):
        key = (text, extra, when)
        if key not in cache:
            body = text + ("\n\n" + extra if extra else "")
            article = parse_text(f"Headline\n\n{body}", article_date=when)
            parsed = parse_many([article], nlp)[0]
            sentences = [s for s in parsed.sentences if s.start < len(text)]
            cache[key] = (sentences, QuizContext([parsed], []))
        return cache[key]

    return build
