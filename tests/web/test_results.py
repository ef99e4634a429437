"""Results: scores per student, p-value, discrimination, per-option counts, a chart, CSV."""

from __future__ import annotations

import csv
import io

from quizgen.web import quizdoc

from .conftest import CSRF, join, make_quiz


def _take(app, code, name, answers):
    client = app.test_client()
    join(client, code, name)
    token = CSRF.search(client.get(f"/play/{code}").get_data(as_text=True)).group(1)
    client.post(f"/play/{code}", data={"csrf_token": token, **{f"answer-{k}": v for k, v in answers.items()}})


def test_results_page_and_csv(app, teacher, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions)
    _take(app, code, "Ann", {"q1": "Kim Jong Un", "q2": "True", "q3": "defenses", "q4": "six"})
    _take(app, code, "Ben", {"q1": "Joe Biden", "q2": "True", "q3": "defenses", "q4": "five"})
    _take(app, code, "Cy", {"q1": "Joe Biden", "q2": "False", "q4": "=HYPERLINK(\"x\")"})
    _take(app, code, "Di", {"q1": "Kim Jong Un", "q2": "True", "q3": "weapons", "q4": "6"})
    html = teacher.get(f"/quizzes/{quiz_id}/results").get_data(as_text=True)
    for name in ("Ann", "Ben", "Cy", "Di"):
        assert f"<td>{name}</td>" in html
    assert "4 / 4" in html and "0 / 4" in html
    assert "<svg" in html and "chart-bar" in html
    # Joe Biden misled two students: the per-option table shows it
    assert '<th scope="row">Joe Biden</th>\n                <td class="count">2</td>' in html
    assert "Kim Jong Un <strong class=\"key-label\">(key)</strong>" in html
    rows = list(csv.reader(io.StringIO(teacher.get(f"/quizzes/{quiz_id}/results.csv").get_data(as_text=True))))
    assert rows[0][:5] == ["name", "submitted_at", "score", "total", "percent"]
    assert [r[0] for r in rows[1:]] == ["Ann", "Ben", "Cy", "Di"]
    cy = rows[3]
    assert cy[2] == "0" and cy[rows[0].index("q4 answer")].startswith("'=")


def test_results_with_no_attempts(teacher, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    assert "No one has submitted" in teacher.get(f"/quizzes/{quiz_id}/results").get_data(as_text=True)


def test_statistics():
    doc = {"questions": [
        {"id": "q1", "type": "multiple_choice", "choices": ["A", "B", "C"], "answer": "A"},
        {"id": "q2", "type": "short_answer", "choices": [], "answer": "six"},
    ]}

    def attempt(i, score, q1, q2):
        return {"id": i, "score": score, "answers": {"q1": q1, "q2": q2},
                "correct": {"q1": q1 == "A", "q2": q2 in ("six", "6")}}

    attempts = [attempt(1, 2, "A", "six"), attempt(2, 2, "A", "6"), attempt(3, 1, "B", "six"),
                attempt(4, 0, "B", "five"), attempt(5, 1, "A", None)]
    stats = {s["id"]: s for s in quizdoc.statistics(doc, attempts)}
    assert stats["q1"]["p_value"] == 0.6 and stats["q1"]["answered"] == 5
    assert stats["q1"]["choice_counts"] == {"A": 3, "B": 2, "C": 0}
    assert stats["q2"]["answered"] == 4 and stats["q2"]["choice_counts"] == {"six": 2, "6": 1, "five": 1}
    # upper 27% (1 student: #1) all right, lower (#4) wrong on both
    assert stats["q1"]["discrimination"] == 1.0 and stats["q2"]["discrimination"] == 1.0
    assert quizdoc.statistics(doc, [])[0]["p_value"] is None
    assert quizdoc.statistics(doc, attempts[:1])[0]["discrimination"] is None


def test_grading_is_forgiving_about_case_punctuation_and_articles():
    q = {"id": "q1", "type": "short_answer", "answer": "the United States", "accepted_answers": ["US"]}
    for given in ("United States", "the united states.", "  THE UNITED  STATES ", "us"):
        assert quizdoc.is_correct(q, given), given
    assert not quizdoc.is_correct(q, "United Kingdom") and not quizdoc.is_correct(q, "")
    mc = {"id": "q2", "type": "multiple_choice", "answer": "Kim Jong Un", "choices": ["Kim Jong Un", "Kim"]}
    assert quizdoc.is_correct(mc, "kim jong un") and not quizdoc.is_correct(mc, "Kim")


def test_validate_question():
    good = {"type": "multiple_choice", "prompt": "Who?", "choices": ["A", "B", "C"], "answer": "B",
            "evidence": [{"article_id": 1, "start": 0, "end": 1, "text": "x"}]}
    assert quizdoc.validate_question(good) == []
    assert quizdoc.validate_question({**good, "choices": ["A", "B", "C", "D", "E", "F"]})
    assert quizdoc.validate_question({**good, "answer": "Z"})
    assert quizdoc.validate_question({**good, "choices": ["A", "a.", "C"]})
    assert quizdoc.validate_question({**good, "type": "essay"})


def test_find_span_ignores_spacing():
    text = "One sentence here.  Another   sentence\nthere."
    assert quizdoc.find_span(text, "Another sentence there.") == (20, len(text))
    assert quizdoc.find_span(text, "missing") is None
