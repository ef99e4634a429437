"""The JSON API of CONTRACT.md section 4."""

from __future__ import annotations

import pytest

from .conftest import SEED_001_TEXT


@pytest.fixture
def api(client):
    """A bearer-token session for a new teacher through the API itself."""
    created = client.post("/api/v1/teachers", json={"email": "api@school.test", "password": "correct horse",
                                                    "name": "Api Teacher"})
    assert created.status_code == 201
    assert set(created.get_json()) == {"id", "email", "name"}
    token = client.post("/api/v1/tokens", json={"email": "api@school.test", "password": "correct horse"})
    assert token.status_code == 201
    return {"Authorization": f"Bearer {token.get_json()['token']}"}


@pytest.fixture
def other_api(client):
    client.post("/api/v1/teachers", json={"email": "other@school.test", "password": "correct horse", "name": "O"})
    token = client.post("/api/v1/tokens", json={"email": "other@school.test", "password": "correct horse"})
    return {"Authorization": f"Bearer {token.get_json()['token']}"}


def _article(client, api):
    response = client.post("/api/v1/articles", json={"text": SEED_001_TEXT, "title": "Missiles"}, headers=api)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _quiz(client, api, fake_generate):
    article = _article(client, api)
    questions = client.post(f"/api/v1/articles/{article['id']}/questions", json={"count": 4}, headers=api)
    ids = [q["id"] for q in questions.get_json()["questions"]]
    response = client.post("/api/v1/quizzes", json={"title": "API quiz", "question_ids": ids}, headers=api)
    assert response.status_code == 201
    return response.get_json()


def test_teachers_and_tokens_errors(client, api):
    assert client.post("/api/v1/teachers", json={"email": "api@school.test", "password": "correct horse",
                                                 "name": "Again"}).status_code == 409
    bad = client.post("/api/v1/teachers", json={"email": "x", "password": "1", "name": ""})
    assert bad.status_code == 400 and "error" in bad.get_json()
    assert client.post("/api/v1/teachers", data="not json").status_code == 400
    assert client.post("/api/v1/tokens", json={"email": "api@school.test", "password": "wrong"}).status_code == 401
    assert client.post("/api/v1/tokens", json={"email": 3}).status_code == 400


def test_articles(client, api):
    article = _article(client, api)
    assert article["title"] == "Missiles" and article["date"] == "2022-01-28"
    assert article["word_count"] > 300 and "flesch_kincaid_grade" in article["reading_level"]
    assert article["text"].startswith("North Korea")
    assert client.post("/api/v1/articles", json={"text": "  "}, headers=api).status_code == 400
    assert client.post("/api/v1/articles", json={}, headers=api).status_code == 400
    assert client.post("/api/v1/articles", json={"text": "a", "url": "b"}, headers=api).status_code == 400
    huge = client.post("/api/v1/articles", json={"text": "word " * 50_000}, headers=api)
    assert huge.status_code == 413 and "too long" in huge.get_json()["error"]


def test_tokens_are_needed(client):
    assert client.post("/api/v1/articles", json={"text": SEED_001_TEXT}).status_code == 401
    response = client.post("/api/v1/articles", json={"text": SEED_001_TEXT}, headers={"Authorization": "Bearer no"})
    assert response.status_code == 401 and "error" in response.get_json()
    assert client.get("/api/v1/quizzes/1").status_code == 401
    assert client.get("/api/v1/quizzes/1/results").status_code == 401


def test_generate_build_play_attempt_results(client, api, fake_generate):
    article = _article(client, api)
    response = client.post(f"/api/v1/articles/{article['id']}/questions", json={"count": 4}, headers=api)
    assert response.status_code == 201
    questions = response.get_json()["questions"]
    assert len(questions) == 4 and all(q["status"] == "draft" for q in questions)
    assert questions[0]["evidence"][0]["article_id"] == article["id"]
    created = client.post("/api/v1/quizzes", json={"title": "API quiz", "question_ids": [q["id"] for q in questions]},
                          headers=api)
    assert created.status_code == 201
    quiz = created.get_json()
    assert set(quiz) == {"id", "code", "url"} and quiz["url"].endswith(f"/j/{quiz['code']}")
    doc = client.get(f"/api/v1/quizzes/{quiz['id']}", headers=api).get_json()
    assert doc["questions"][0]["answer"] == "Kim Jong Un" and doc["articles"][0]["id"] == "a1"
    assert doc["quizgen_version"]

    play = client.get(f"/api/v1/play/{quiz['code']}").get_json()
    for q in play["questions"]:
        assert not {"answer", "answer_span", "accepted_answers", "explanation", "evidence"} & set(q)
    assert play["articles"][0]["text"]

    attempt = client.post(f"/api/v1/play/{quiz['code']}/attempts",
                          json={"name": "Sam", "answers": {"q1": "Kim Jong Un", "q2": "False", "q4": "6"}})
    assert attempt.status_code == 201
    body = attempt.get_json()
    assert body["score"] == 2 and body["total"] == 4 and body["attempt_id"]
    assert [f["question_id"] for f in body["feedback"]] == ["q1", "q2", "q3", "q4"]
    assert body["feedback"][1] == {"question_id": "q2", "correct": False, "answer": "True",
                                   "explanation": "Six weapons tests since the start of the year.",
                                   "evidence": doc["questions"][1]["evidence"]}
    again = client.post(f"/api/v1/play/{quiz['code']}/attempts", json={"name": "SAM", "answers": {}})
    assert again.status_code == 409
    client.post(f"/api/v1/play/{quiz['code']}/attempts", json={"name": "Kit", "answers": {"q1": "Joe Biden"}})

    results = client.get(f"/api/v1/quizzes/{quiz['id']}/results", headers=api).get_json()
    assert [a["name"] for a in results["attempts"]] == ["Sam", "Kit"]
    q1 = results["questions"][0]
    assert set(q1) == {"id", "answered", "correct", "p_value", "discrimination", "choice_counts"}
    assert q1["p_value"] == 0.5 and q1["choice_counts"]["Joe Biden"] == 1 and q1["choice_counts"]["Kim Jong Un"] == 1


def test_quiz_from_article_ids(client, api, fake_generate):
    article = _article(client, api)
    response = client.post("/api/v1/quizzes", json={"title": "Quick", "article_ids": [article["id"]], "count": 3},
                           headers=api)
    assert response.status_code == 201
    doc = client.get(f"/api/v1/quizzes/{response.get_json()['id']}", headers=api).get_json()
    assert len(doc["questions"]) == 3
    assert client.post("/api/v1/quizzes", json={"title": "x"}, headers=api).status_code == 400
    assert client.post("/api/v1/quizzes", json={"article_ids": [article["id"]], "count": 0},
                       headers=api).status_code == 400
    assert client.post("/api/v1/quizzes", json={"article_ids": [9999]}, headers=api).status_code == 404
    assert client.post("/api/v1/quizzes", json={"question_ids": [9999]}, headers=api).status_code == 404


def test_another_teachers_rows_answer_403(client, api, other_api, fake_generate):
    quiz = _quiz(client, api, fake_generate)
    article_id = client.get(f"/api/v1/quizzes/{quiz['id']}", headers=api).get_json()
    assert client.get(f"/api/v1/quizzes/{quiz['id']}", headers=other_api).status_code == 403
    assert client.get(f"/api/v1/quizzes/{quiz['id']}/results", headers=other_api).status_code == 403
    assert client.post("/api/v1/articles/1/questions", json={}, headers=other_api).status_code == 403
    assert client.post("/api/v1/quizzes", json={"article_ids": [1]}, headers=other_api).status_code == 403
    stolen = client.post("/api/v1/quizzes", json={"question_ids": [1]}, headers=other_api)
    assert stolen.status_code == 404
    assert client.get("/api/v1/quizzes/999", headers=other_api).status_code == 404
    assert article_id


def test_play_errors(client, api, fake_generate):
    assert client.get("/api/v1/play/NOPE99").status_code == 404
    quiz = _quiz(client, api, fake_generate)
    code = quiz["code"]
    assert client.post(f"/api/v1/play/{code}/attempts", json={"answers": {}}).status_code == 400
    assert client.post(f"/api/v1/play/{code}/attempts", json={"name": "", "answers": {}}).status_code == 400
    assert client.post(f"/api/v1/play/{code}/attempts", json={"name": "A", "answers": []}).status_code == 400
    assert client.get("/api/v1/unknown").get_json() == {"error": "There is nothing here."}


def test_attempts_are_rate_limited(tmp_path, fake_generate):
    from quizgen.web import create_app

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "x.db"), "SECRET_KEY": "k",
                      "RATELIMIT_ATTEMPT": "2 per minute"})
    client = app.test_client()
    codes = [client.post("/api/v1/play/NOPE99/attempts", json={"name": "a", "answers": {}}).status_code
             for _ in range(3)]
    assert codes == [404, 404, 429]
    assert client.post("/api/v1/play/NOPE99/attempts", json={}).get_json()["error"].startswith("Too many")
