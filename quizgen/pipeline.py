"""make_quiz(articles) -> Quiz: parse, generate, add distractors, filter, rank. No I/O."""

from __future__ import annotations

import re
from collections import Counter

from quizgen.bank import shipped_bank
from quizgen.distractors import arrange, distractors_for
from quizgen.models import Article, Quiz
from quizgen.nlp import parse_many
from quizgen.questions import comparison, fill_blank, quotes, true_false, wh
from quizgen.questions.base import Candidate, locate_answer
from quizgen.questions.context import QuizContext, name_key
from quizgen.rank import difficulty, rejection, score, select, soft_flaw, stable_rng
from quizgen.stories import lend_dates

GENERATORS = (wh.generate, quotes.generate, true_false.generate, fill_blank.generate)
DEFAULT_COUNT = 10


def make_quiz(
    articles: list[Article],
    count: int = DEFAULT_COUNT,
    seed: int | None = None,
    bank: list[dict[str, list[str]]] | None = None,
    model=None,
) -> Quiz:
    """A quiz of up to ``count`` questions over one or several articles, best first."""
    for number, article in enumerate(articles, 1):
        article.id = f"a{number}"
    labels = comparison.source_labels(articles)  # before a story lends its date to undated reports
    lend_dates(articles)
    parsed = parse_many(articles, model)
    context = QuizContext(parsed, default_bank() if bank is None else bank)
    candidates = [c for p in parsed for s in p.sentences for g in _generators_for(s) for c in g(s, context)]
    candidates = comparison.across_reports(candidates, parsed, context, labels)
    prepared = [c for c in (_with_options(c, context, seed) for c in candidates) if c is not None]
    subject_counts = Counter(name_key(t) for t in _mentions(context))
    sizes = {p.article.id: len(p.sentences) for p in parsed}
    for candidate in prepared:
        candidate.question.score = score(candidate, subject_counts, sizes[candidate.sentence.article.id])
        candidate.question.difficulty = difficulty(candidate)
    usable = [c for c in prepared if rejection(c) is None]
    for candidate in usable:
        candidate.soft_flaw = soft_flaw(candidate)
    chosen = select(usable, count, seed)
    for number, candidate in enumerate(chosen, 1):
        candidate.question.id = f"q{number}"
    return Quiz(articles=articles, questions=[c.question for c in chosen])


def _generators_for(sentence):
    """Every generator for the article's own statements; only quote questions for someone's quoted words."""
    quoted = sentence.in_quotation or sentence.text.lstrip().startswith(('"', "“"))
    return (quotes.generate,) if quoted else GENERATORS


def default_bank() -> list[dict[str, list[str]]]:
    """Distractors beyond the quiz's own articles: the bank built from the sample articles."""
    return shipped_bank()


def _with_options(candidate: Candidate, context: QuizContext, seed: int | None) -> Candidate | None:
    """Give a multiple-choice candidate its options, or make it short answer when three can't be found."""
    q = candidate.question
    if not candidate.needs_distractors:
        if not q.accepted_answers:
            q.accepted_answers = [q.answer]
        return candidate
    wrong = [] if _gendered_person_question(candidate) else distractors_for(candidate, context)
    if len(wrong) >= 3:
        q.choices = arrange(q.answer, wrong, candidate.answer_label, stable_rng(seed, q.prompt))
    else:
        q.type, q.choices = "short_answer", []
    q.accepted_answers = _accepted(q.answer)
    _fix_answer_span(candidate)
    return candidate


def _fix_answer_span(candidate: Candidate) -> None:
    """Point answer_span at the answer as written ('Kim Jong Un', not the 'Kim' the sentence uses)."""
    q = candidate.question
    if q.answer_span is not None and name_key(q.answer_span.text) != name_key(q.answer):
        q.answer_span = locate_answer(candidate.sentence.article, q.answer, q.answer_span.start)


def _gendered_person_question(candidate: Candidate) -> bool:
    """'Who won her first match?': people of another sex would be giveaway options, so ask it open."""
    return candidate.answer_label == "PERSON" and re.search(
        r"\b(he|she|his|her|him|himself|herself)\b", candidate.question.prompt, re.IGNORECASE) is not None


def _accepted(answer: str) -> list[str]:
    """The answer, plus its surname alone for a person's full name, and without a leading 'the'."""
    forms = [answer]
    if answer.lower().startswith("the "):
        forms.append(answer[4:])
    return forms


def _mentions(context: QuizContext):
    for counter in context.entities.values():
        for text, count in counter.items():
            for _ in range(count):
                yield context.full_name(text)
