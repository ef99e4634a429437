"""Limits: request and article size, questions per quiz, attempts per name, rate limits; all
configurable, all answered with a clear 413/409/429 (JSON on the API, a page on the site)."""

from __future__ import annotations

import pytest

from quizgen.web import create_app
from tests.robustness.conftest import CSRF, Client, join, make_quiz, question_ids

BIG = "word " * 1_000_000  # 5 MB, as pasted by someone


def _app(tmp_path, **config):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "l.db"), "SECRET_KEY": "k",
                      "INSTANCE_PATH": str(tmp_path / "inst"), **config})
    app.test_client_class = Client
    return app


def _token(client, email="ann@school.test", password="correct horse") -> dict:
    response = client.post("/api/v1/tokens", json={"email": email, "password": password})
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def test_a_5_mb_paste_is_refused_with_a_page_not_a_traceback(teacher):
    response = teacher.form("/articles", {"text": BIG})
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "too large" in page and "2.1 MB at most" in page and "Traceback" not in page


def test_a_5_mb_upload_is_refused(teacher):
    import io

    response = teacher.form("/articles", {"file": (io.BytesIO(BIG.encode()), "big.txt")},
                            content_type="multipart/form-data")
    assert response.status_code == 413


def test_a_5_mb_api_body_is_refused_with_json(client, teacher):
    response = client.post("/api/v1/articles", json={"text": BIG}, headers=_token(client))
    assert response.status_code == 413
    assert "too large" in response.get_json()["error"]
    response = client.post("/api/v1/play/ABCDEF/attempts", json={"name": "x", "answers": {"q1": BIG}})
    assert response.status_code == 413 and "error" in response.get_json()


def test_article_size_limit_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_MAX_CHARS", "500")
    app = _app(tmp_path)
    client = app.test_client()
    client.signup("ann@school.test")
    text = "The council met on Monday to approve a new plan for the city. " * 20
    response = client.post("/api/v1/articles", json={"text": text}, headers=_token(client))
    assert response.status_code == 413 and "limit 500" in response.get_json()["error"]
    response = client.form("/articles", {"text": text})
    assert response.status_code == 400 and "too long" in response.get_data(as_text=True)


def _teacher_with_questions(app):
    """A signed-in teacher's client and the id of an article with generated questions."""
    teacher = app.test_client()
    teacher.signup("ann@school.test")
    article = teacher.add_article(title="Missile tests")
    teacher.form(f"/articles/{article}/generate", {"count": "10"})
    return teacher, article


def test_request_size_limit_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_MAX_REQUEST_BYTES", "1000")
    app = _app(tmp_path)
    assert app.config["MAX_CONTENT_LENGTH"] == 1000
    response = app.test_client().post("/api/v1/play/ABCDEF/attempts", json={"name": "x" * 2000, "answers": {}})
    assert response.status_code == 413


def test_questions_per_quiz(tmp_path, monkeypatch, fake_generate):
    monkeypatch.setenv("QUIZGEN_MAX_QUESTIONS", "3")
    app = _app(tmp_path)
    teacher, article = _teacher_with_questions(app)
    ids = question_ids(teacher, article)
    assert len(ids) == 4
    response = teacher.form("/quizzes/new", {"title": "Too long", "question": [str(i) for i in ids]})
    assert response.status_code == 400 and "3 questions at most" in response.get_data(as_text=True)
    response = teacher.post("/api/v1/quizzes", json={"title": "T", "question_ids": ids}, headers=_token(teacher))
    assert response.status_code == 413 and "3 questions at most" in response.get_json()["error"]
    response = teacher.post("/api/v1/quizzes", json={"title": "T", "question_ids": ids[:3]}, headers=_token(teacher))
    assert response.status_code == 201


def test_attempts_per_name_when_retries_are_allowed(tmp_path, monkeypatch, fake_generate):
    monkeypatch.setenv("QUIZGEN_MAX_ATTEMPTS", "2")
    app = _app(tmp_path)
    teacher, article = _teacher_with_questions(app)
    _, code = make_quiz(teacher, article, allow_retries=True)
    student = app.test_client()
    codes = [student.post(f"/api/v1/play/{code}/attempts", json={"name": "Sam", "answers": {}}).status_code
             for _ in range(3)]
    assert codes == [201, 201, 409]
    response = join(app.test_client(), code, "sam")
    assert response.status_code == 409 and "used all 2 attempts" in response.get_data(as_text=True)


@pytest.mark.parametrize("variable, key", [
    ("QUIZGEN_RATELIMIT_LOGIN", "RATELIMIT_LOGIN"),
    ("QUIZGEN_RATELIMIT_GENERATE", "RATELIMIT_GENERATE"),
    ("QUIZGEN_RATELIMIT_ATTEMPT", "RATELIMIT_ATTEMPT"),
])
def test_rate_limits_are_configurable(tmp_path, monkeypatch, variable, key):
    monkeypatch.setenv(variable, "7 per hour")
    assert _app(tmp_path).config[key] == "7 per hour"


def test_generation_is_rate_limited(tmp_path, monkeypatch, fake_generate):
    monkeypatch.setenv("QUIZGEN_RATELIMIT_GENERATE", "2 per minute")
    app = _app(tmp_path)
    teacher = app.test_client()
    teacher.signup("ann@school.test")
    article = teacher.add_article(title="Missile tests")
    codes = [teacher.form(f"/articles/{article}/generate", {"count": "4"}).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    page = teacher.form(f"/articles/{article}/generate", {"count": "4"}).get_data(as_text=True)
    assert "Too many requests; wait a minute and try again." in page
    response = teacher.post(f"/api/v1/articles/{article}/questions", json={}, headers=_token(teacher))
    assert response.status_code == 429
    assert response.get_json() == {"error": "Too many requests; wait a minute and try again."}
    assert response.headers.get("Retry-After")


def test_a_year_group_behind_one_address_is_not_rate_limited(client, published):
    """300 students behind the school's one address submit within a minute: none is turned away."""
    _, code = published
    codes = {client.post(f"/api/v1/play/{code}/attempts", json={"name": f"S{i}", "answers": {}}).status_code
             for i in range(300)}
    assert codes == {201}


def test_login_page_rate_limit_shows_a_page(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_RATELIMIT_LOGIN", "1 per minute")
    client = _app(tmp_path).test_client()
    token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"csrf_token": token, "email": "a@b.cd", "password": "nope"})
    response = client.post("/login", data={"csrf_token": token, "email": "a@b.cd", "password": "nope"})
    assert response.status_code == 429 and response.mimetype == "text/html"
    assert "Too many requests" in response.get_data(as_text=True)
