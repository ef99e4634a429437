"""Comparison questions over the two seed reports, story dating, and one question per shared fact."""

from __future__ import annotations

import re
from datetime import date

from quizgen.dates import find_times
from quizgen.models import Article
from quizgen.questions import comparison
from quizgen.validate import problems


def _comparisons(quiz):
    return [q for q in quiz.questions if q.focus == "comparison"]


def test_seed_quiz_keeps_the_contract_and_has_three_comparison_questions_citing_both(seed_quiz):
    assert problems(seed_quiz.to_dict()) == []
    found = _comparisons(seed_quiz)
    assert len(found) >= 3
    for question in found:
        assert {s.article_id for s in question.evidence} == {"a1", "a2"}
        assert question.type == "multiple_choice" and question.answer in question.choices
        assert len(set(question.choices)) == len(question.choices) >= 3


def test_undated_seed_takes_the_story_date_so_tuesday_and_thursday_resolve(seed_quiz):
    undated = seed_quiz.articles[0]
    assert undated.date == date(2022, 1, 28)
    sentence = next(p for _, p in undated.paragraphs if p.startswith("An update"))
    days = [(ref.phrase, ref.first_day) for ref in find_times(sentence, undated.date)]
    assert days == [("on Tuesday", date(2022, 1, 25)), ("on Thursday", date(2022, 1, 27))]


def test_a_fact_both_reports_give_is_one_question_citing_both(seed_quiz):
    factory = [q for q in seed_quiz.questions if "munitions factory" in q.prompt and q.answer == "Kim Jong Un"]
    assert len(factory) == 1
    assert {s.article_id for s in factory[0].evidence} == {"a1", "a2"}
    keys = [(q.type, q.answer.casefold()) for q in seed_quiz.questions if q.type != "true_false"]
    assert len(keys) == len(set(keys))


def test_labels_name_reports_by_outlet_title_date_then_number():
    texts = "North Korea tested a new cruise missile on the coast this week, officials said."
    articles = [
        Article(text=texts, source="Reuters", id="a1"),
        Article(text=texts, title="Missile test", source="b.txt", id="a2"),
        Article(text=texts, date=date(2022, 1, 28), source="https://example.org/x", id="a3"),
        Article(text=texts, source="c.txt", id="a4"),
    ]
    assert comparison.source_labels(articles) == {
        "a1": "the Reuters report", "a2": "the report titled “Missile test”",
        "a3": "report 3", "a4": "report 4"}  # a3's date: the undated reports may borrow it


def test_which_report_answers_are_right_by_the_evidence(seed_parsed):
    parsed, context, labels = seed_parsed
    found = comparison.which_report(parsed[0], parsed[1], context, labels) + \
        comparison.which_report(parsed[1], parsed[0], context, labels)
    assert {c.question.answer for c in found} >= {"Both reports"}
    assert any(c.question.answer.startswith("Only") for c in found)
    for candidate in found:
        q = candidate.question
        assert q.prompt.startswith("Which report says that ") and q.prompt.endswith("?")
        assert q.choices[0] == "Both reports" and len(q.choices) == 3
        if q.answer.startswith("Only"):
            assert q.answer == f"Only {labels[q.evidence[0].article_id]}"


def test_quote_wording_pairs_each_report_with_its_own_words(nlp):
    from quizgen.nlp import parse_many

    articles = [
        Article(text="The minister said the plan was “a serious mistake for the whole country” on Monday.",
                title="Minister attacks plan", id="a1"),
        Article(text="The minister called the plan “a grave mistake for the whole country” at a rally.",
                title="Plan is a mistake, says minister", id="a2"),
    ]
    parsed = parse_many(articles, nlp)
    labels = comparison.source_labels(articles)
    (found,) = comparison.quote_wording(parsed[0], parsed[1], labels)
    best = found.question
    assert "“a … mistake for the whole country”" in best.prompt
    first, second = best.evidence
    for_first, for_second = re.findall(r"has “([^”]+)”", best.answer)
    assert (for_first, for_second) == ("serious", "grave")
    assert for_first in first.text and for_second in second.text


def test_a_spelling_difference_is_no_wording_question(seed_parsed):
    parsed, _, labels = seed_parsed  # "temporally-suspended" against "temporarily suspended"
    assert comparison.quote_wording(parsed[0], parsed[1], labels) == []



def test_timeline_resolves_dates_and_sequence_asks_for_the_earliest(seed_parsed):
    parsed, context, labels = seed_parsed
    events = comparison.timeline(parsed, context)
    assert [e.first_day for e in events] == sorted(e.first_day for e in events)
    assert any(e.first_day == date(2022, 1, 25) and "cruise missile" in e.text for e in events)
    (question,) = [c.question for c in comparison.sequence(parsed, context, labels)]
    assert question.prompt == "Which of the following happened first?"
    assert question.answer == question.choices[0] and "2019" in question.explanation
    assert {s.article_id for s in question.evidence} == {"a1", "a2"}


def test_one_article_gets_no_comparison_questions(seeds, nlp):
    from quizgen.pipeline import make_quiz

    assert _comparisons(make_quiz([seeds[1]], model=nlp)) == []
