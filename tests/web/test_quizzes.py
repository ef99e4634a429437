"""Quiz builder, publishing (code, link, QR), close and reopen, exports; owners only."""

from __future__ import annotations

import json

from quizgen.export import EXPORTERS
from quizgen.store import Store

from .conftest import SEED_001_TEXT, make_quiz, question_ids


def test_builder_makes_a_quiz_from_several_articles(app, teacher, fake_generate):
    first = teacher.add_article(title="Missiles one")
    second = teacher.add_article(text=SEED_001_TEXT, title="Missiles two")
    for article_id in (first, second):
        teacher.form(f"/articles/{article_id}/generate")
    chosen = question_ids(teacher, first)[:2] + question_ids(teacher, second)[:1]
    page = teacher.get("/quizzes/new").get_data(as_text=True)
    assert "Missiles one" in page and "Missiles two" in page
    response = teacher.form("/quizzes/new", {"title": "Two articles", "question": [str(i) for i in chosen],
                                             "shuffle_questions": "on", "shuffle_choices": "on", "feedback": "each",
                                             "time_limit": "15", "allow_retries": "on", "is_public": "on"})
    assert response.status_code == 302
    quiz = Store(app.config["DATABASE"]).quiz(1, int(response.location.rsplit("/", 1)[1]))
    doc = quiz["document"]
    assert [a["id"] for a in doc["articles"]] == ["a1", "a2"]
    assert [q["id"] for q in doc["questions"]] == ["q1", "q2", "q3"]
    assert doc["questions"][2]["evidence"][0]["article_id"] == "a2"
    for q in doc["questions"]:
        for span in q["evidence"]:
            text = next(a["text"] for a in doc["articles"] if a["id"] == span["article_id"])
            assert text[span["start"]:span["end"]] == span["text"]
    assert quiz["shuffle_questions"] and quiz["shuffle_choices"] and quiz["allow_retries"] and quiz["is_public"]
    assert quiz["feedback"] == "each" and quiz["time_limit"] == 15 and quiz["status"] == "draft"


def test_builder_needs_a_title_and_questions(teacher, article_with_questions):
    response = teacher.form("/quizzes/new", {"title": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "at least one question" in html and "title" in html


def test_builder_refuses_another_teachers_questions(teacher, other, article_with_questions):
    qid = question_ids(teacher, article_with_questions)[0]
    assert other.form("/quizzes/new", {"title": "Stolen", "question": [str(qid)]}).status_code == 404


def test_publish_close_reopen(teacher, client, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions, publish=False)
    assert "A draft" in teacher.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    teacher.form(f"/quizzes/{quiz_id}/status", {"action": "publish"})
    html = teacher.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    code = html.split('id="join-code">')[1].split("<")[0]
    assert len(code) == 6 and f"/j/{code}" in html and "qr.svg" in html
    qr = teacher.get(f"/quizzes/{quiz_id}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml" and b"<svg" in qr.data
    assert client.get(f"/j/{code}").status_code == 200
    teacher.form(f"/quizzes/{quiz_id}/status", {"action": "close"})
    assert "not open" in client.get(f"/j/{code}").get_data(as_text=True)
    teacher.form(f"/quizzes/{quiz_id}/status", {"action": "reopen"})
    assert "Your name" in client.get(f"/j/{code}").get_data(as_text=True)
    assert teacher.form(f"/quizzes/{quiz_id}/status", {"action": "explode"}).status_code == 400


def test_join_by_code_from_the_start_page(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions)
    assert client.get(f"/join?code={code.lower()}").location.endswith(f"/j/{code}")
    assert client.get("/join?code=NOPE99").status_code == 404


def test_settings(app, teacher, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    teacher.form(f"/quizzes/{quiz_id}/settings", {"title": "Renamed", "feedback": "each", "time_limit": "5"})
    quiz = Store(app.config["DATABASE"]).quiz(1, quiz_id)
    assert quiz["title"] == "Renamed" and quiz["feedback"] == "each" and quiz["time_limit"] == 5
    teacher.form(f"/quizzes/{quiz_id}/settings", {"title": "Renamed", "time_limit": ""})
    assert Store(app.config["DATABASE"]).quiz(1, quiz_id)["time_limit"] is None
    assert "Renamed" in teacher.get("/quizzes").get_data(as_text=True)


def test_every_export_format_downloads(teacher, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    page = teacher.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    for fmt in EXPORTERS:
        assert f"/quizzes/{quiz_id}/export/{fmt}" in page
        response = teacher.get(f"/quizzes/{quiz_id}/export/{fmt}")
        assert response.status_code == 200, fmt
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith('attachment; filename="missile-quiz.'), disposition
        assert response.data
    expected = {"json": ".json", "qti": ".qti.zip", "kahoot": ".xlsx", "quizizz": ".xlsx", "html-student": ".html",
                "moodle": ".xml", "csv": ".csv", "gift": ".txt"}
    for fmt, suffix in expected.items():
        if fmt in EXPORTERS:
            disposition = teacher.get(f"/quizzes/{quiz_id}/export/{fmt}").headers["Content-Disposition"]
            assert disposition.endswith(f'{suffix}"'), (fmt, disposition)
    doc = json.loads(teacher.get(f"/quizzes/{quiz_id}/export/json").data)
    assert doc["questions"][0]["answer"] == "Kim Jong Un"
    assert teacher.get(f"/quizzes/{quiz_id}/export/nonsense").status_code == 404


def test_another_teachers_quiz_is_not_found(teacher, other, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    for path in (f"/quizzes/{quiz_id}", f"/quizzes/{quiz_id}/results", f"/quizzes/{quiz_id}/results.csv",
                 f"/quizzes/{quiz_id}/qr.svg", f"/quizzes/{quiz_id}/export/json"):
        assert other.get(path).status_code == 404, path
    for path, data in ((f"/quizzes/{quiz_id}/settings", {"title": "x"}), (f"/quizzes/{quiz_id}/status",
                       {"action": "close"}), (f"/quizzes/{quiz_id}/delete", {})):
        assert other.form(path, data).status_code == 404, path
    assert "Missile quiz" not in other.get("/quizzes").get_data(as_text=True)
    assert teacher.get(f"/quizzes/{quiz_id}").status_code == 200


def test_delete_quiz(teacher, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    assert teacher.form(f"/quizzes/{quiz_id}/delete").status_code == 302
    assert teacher.get(f"/quizzes/{quiz_id}").status_code == 404


def test_every_teacher_page_renders(teacher, article_with_questions):
    quiz_id, _ = make_quiz(teacher, article_with_questions)
    qid = question_ids(teacher, article_with_questions)[0]
    for path in ("/", "/articles", f"/articles/{article_with_questions}", f"/questions/{qid}/edit",
                 f"/articles/{article_with_questions}/questions/new", "/quizzes", "/quizzes/new",
                 f"/quizzes/new?article={article_with_questions}", f"/quizzes/{quiz_id}",
                 f"/quizzes/{quiz_id}/results", "/practice", "/login"):
        assert teacher.get(path).status_code == 200, path
    assert teacher.get("/nowhere").status_code == 404
