"""make_quiz(articles) -> Quiz: parse, generate, add distractors, filter, rank. No I/O."""

from __future__ import annotations

import re
from collections import Counter

from quizgen.bank import shipped_bank
from quizgen.distractors import arrange, distractors_for
from quizgen.models import Article, Quiz
from quizgen.nlp import parse_many
from quizgen.numbers import spelled_variants
from quizgen.questions import comparison, fill_blank, identity, quotes, true_false, wh
from quizgen.questions.base import Candidate, locate_answer
from quizgen.questions.clauses import GENDERED
from quizgen.questions.context import QuizContext, name_key
from quizgen.rank import difficulty, rejection, score, select, soft_flaw, stable_rng
from quizgen.stories import lend_dates

GENERATORS = (wh.generate, quotes.generate, true_false.generate, fill_blank.generate, identity.generate)
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
        candidate.question.score = score(candidate, subject_counts, sizes[candidate.sentence.article.id],
                                         context.main_subject(candidate.sentence.article))
        candidate.question.difficulty = difficulty(candidate)
    usable = [c for c in prepared if rejection(c) is None and not _stem_names_answer(c, context)]
    for candidate in usable:
        candidate.soft_flaw = soft_flaw(candidate)
    chosen = select(usable, count, seed)
    for number, candidate in enumerate(chosen, 1):
        candidate.question.id = f"q{number}"
    return Quiz(articles=articles, questions=[c.question for c in chosen])


_CUT_OFF = re.compile(r"(?:Inc|Ltd|Corp|Co|Jr|Sr|Bros)\.(?:\s|$)|[a-z]+[\s,;:]")


def _generators_for(sentence):
    """Every generator for the article's own statements; only quote questions for someone's quoted words;
    none for the tail of a sentence the splitter cut off ('Inc. became known as ...', 'and then ...')."""
    if _CUT_OFF.match(sentence.text.lstrip()) or _byline(sentence):
        return ()
    quoted = sentence.in_quotation or sentence.text.lstrip().startswith(('"', "“"))
    return (quotes.generate,) if quoted else GENERATORS


def _byline(sentence) -> bool:
    """'VOA's David Gollust reports from the State Department.': who filed the story, not the story."""
    root = sentence.span.root
    return root.lemma_ == "report" and root.tag_ == "VBZ" \
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in root.children) \
        and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in root.children)


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
    if candidate.answer_label == "NUMBER" and q.answer[:1].isupper() and all(w[:1].islower() for w in wrong):
        q.answer = q.answer[0].lower() + q.answer[1:]  # 'Roughly 40' opened its sentence: no odd one out
    if len(wrong) >= 3:
        q.choices = arrange(q.answer, wrong, candidate.answer_label, stable_rng(seed, q.prompt))
    else:
        q.type, q.choices = "short_answer", []
    q.accepted_answers = _accepted(q.answer, candidate.answer_label, context)
    _fix_answer_span(candidate, context)
    return candidate


def _fix_answer_span(candidate: Candidate, context: QuizContext) -> None:
    """Point answer_span at the answer as written ('Kim Jong Un', not the 'Kim' the sentence uses),
    in this article or another of the quiz; None where it stands nowhere verbatim."""
    q = candidate.question
    if q.answer_span is not None and name_key(q.answer_span.text) != name_key(q.answer):
        articles = [candidate.sentence.article] + [p.article for p in context.parsed
                                                   if p.article is not candidate.sentence.article]
        near = q.answer_span.start
        q.answer_span = next((span for a in articles if (span := locate_answer(a, q.answer, near))), None)


def _gendered_person_question(candidate: Candidate) -> bool:
    """'Who won her first match?': people of another sex would be giveaway options, so ask it open."""
    words = set(re.findall(r"[a-z]+", candidate.question.prompt.lower()))
    return candidate.answer_label == "PERSON" and bool(words & GENDERED)


def _accepted(answer: str, label: str, context: QuizContext) -> list[str]:
    """Forms a student may type: the answer; without a leading 'the'; a number in words or digits;
    a person's surname alone when no one else in the quiz has it."""
    forms = spelled_variants(answer) if label == "NUMBER" else [answer]
    if answer.lower().startswith("the "):
        forms.append(answer[4:])
    if label != "NUMBER":
        forms += sorted(context.aliases_of(answer).values())  # 'TEPCO' for the Tokyo Electric Power Company
    if label == "PERSON" and len(answer.split()) > 1:
        surname = answer.split()[-1]
        others = [n for n in context.full_names.values() if n != answer and n.split()[-1] == surname]
        if not others:
            forms.append(surname)
    return list(dict.fromkeys(forms))


def _stem_names_answer(candidate: Candidate, context: QuizContext) -> bool:
    """The stem calls the answer by another name the article defines: 'According to MOM, which
    organisation ...?' keyed 'the Ministry of Manpower (MOM)'."""
    q = candidate.question
    if q.type == "true_false":
        return False
    stem = f" {name_key(q.prompt)} "
    return any(f" {alias} " in stem for alias in context.aliases_of(q.answer))


def _mentions(context: QuizContext):
    for counter in context.entities.values():
        for text, count in counter.items():
            for _ in range(count):
                yield context.full_name(text)
