"""Fixtures for the stories tests."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import SEED_000, SEED_001


@pytest.fixture
def seeds(sample_articles):
    """Fresh copies of seed 000 (undated) and seed 001 (dated 2022-01-28)."""
    return [copy.deepcopy(sample_articles[SEED_000.name]), copy.deepcopy(sample_articles[SEED_001.name])]


@pytest.fixture(scope="session")
def seed_quiz(sample_articles, nlp):
    """One quiz over both seed reports (000 undated first, as in the issue), made once."""
    from quizgen.pipeline import make_quiz

    articles = [copy.deepcopy(sample_articles[SEED_000.name]), copy.deepcopy(sample_articles[SEED_001.name])]
    return make_quiz(articles, count=12, model=nlp)


@pytest.fixture(scope="session")
def seed_parsed(sample_articles, nlp):
    """The seed reports dated by their story and parsed, with their labels and a quiz context."""
    from quizgen import stories
    from quizgen.nlp import parse_many
    from quizgen.questions.comparison import source_labels
    from quizgen.questions.context import QuizContext

    articles = [copy.deepcopy(sample_articles[SEED_000.name]), copy.deepcopy(sample_articles[SEED_001.name])]
    articles[0].id, articles[1].id = "a1", "a2"
    labels = source_labels(articles)
    stories.lend_dates(articles)
    parsed = parse_many(articles, nlp)
    return parsed, QuizContext(parsed, {}), labels
