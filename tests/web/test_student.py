"""Students: join, answer (kept as they go), submit, feedback; one attempt per name; no answers leak early."""

from __future__ import annotations

import json
import re

import pytest

from quizgen.store import Store

from .conftest import CSRF, join, make_quiz, question_ids

MARKERS = ("ZEBRA-EXPLANATION", "ZEBRA-ANSWER", "ZEBRA-ALSO")


def _token(client, code):
    return CSRF.search(client.get(f"/play/{code}").get_data(as_text=True)).group(1)


def _answers(**answers):
    return {f"answer-{k}": v for k, v in answers.items()}


RIGHT = {"q1": "Kim Jong Un", "q2": "True", "q3": "defences", "q4": "6"}


def test_join_answer_submit_and_see_feedback(app, teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions)
    response = join(client, code, "Sam")
    assert response.status_code == 302 and response.location.endswith(f"/play/{code}")
    page = client.get(f"/play/{code}").get_data(as_text=True)
    assert page.count("<fieldset") == 4 and page.count("<legend>") == 4
    assert 'for="q1-0"' in page and 'for="q4-text"' in page
    response = client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(
        q1="Kim Jong Un", q2="False", q3="Defences!", q4="six")})
    assert response.location.endswith(f"/play/{code}/result")
    html = client.get(f"/play/{code}/result").get_data(as_text=True)
    assert "3 out of 4" in html
    assert "The article says Kim visited the factory." in html  # explanation
    assert "The agency said in a separate cable" in html  # evidence
    assert 'class="right-answer">True<' in html  # the right answer where the student was wrong
    assert client.get(f"/play/{code}").location.endswith("/result")
    attempt = Store(app.config["DATABASE"]).submitted_attempts(quiz_id)[0]
    assert attempt["name"] == "Sam" and attempt["score"] == 3


def test_answers_are_kept_as_they_go_and_survive_a_reload(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Ria")
    saved = client.post(f"/play/{code}/save", data={**_answers(q1="Joe Biden", q4="seven")},
                        headers={"X-CSRFToken": _token(client, code), "X-Requested-With": "fetch"})
    assert saved.status_code == 200 and saved.get_json() == {"saved": 2}
    page = client.get(f"/play/{code}").get_data(as_text=True)
    assert re.search(r'value="Joe Biden"\s+checked', page)
    assert 'value="seven"' in page
    # no-JS "save and finish later" works too
    response = client.post(f"/play/{code}/save", data={"csrf_token": _token(client, code), **_answers(q2="True")})
    assert response.status_code == 302
    assert re.search(r'value="True"\s+checked', client.get(f"/play/{code}").get_data(as_text=True))


def test_save_without_csrf_is_refused(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Ria")
    assert client.post(f"/play/{code}/save", data=_answers(q1="x")).status_code == 400


def test_one_attempt_per_name_unless_retries_are_allowed(app, teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Sam")
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(**RIGHT)})
    second = app.test_client()
    response = join(second, code, "  sam ")
    assert response.status_code == 409 and "already taken this quiz" in response.get_data(as_text=True)
    teacher.form(f"/quizzes/{quiz_id}/settings", {"title": "Missile quiz", "allow_retries": "on"})
    assert join(second, code, "sam").status_code == 302
    page = client.get(f"/play/{code}/result").get_data(as_text=True)
    assert "Try again" in page


def test_a_closed_quiz_refuses_joining_and_submitting(teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Sam")
    token = _token(client, code)
    teacher.form(f"/quizzes/{quiz_id}/status", {"action": "close"})
    response = client.post(f"/play/{code}", data={"csrf_token": token, **_answers(**RIGHT)})
    assert response.status_code == 403 and "closed" in response.get_data(as_text=True)
    assert client.post(f"/j/{code}", data={"csrf_token": token, "name": "Other"}).status_code == 403


def test_draft_quizzes_cannot_be_joined(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions, publish=False)
    assert code == ""
    assert client.get("/j/AAAAAA").status_code == 404


def test_student_pages_need_their_own_attempt(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions)
    assert client.get(f"/play/{code}").location.endswith(f"/j/{code}")
    assert client.get(f"/play/{code}/result").location.endswith(f"/j/{code}")
    token = CSRF.search(client.get(f"/j/{code}").get_data(as_text=True)).group(1)
    assert client.post(f"/play/{code}", data={"csrf_token": token}).status_code == 404


def test_feedback_after_each_question_locks_the_answer(teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions, feedback="each")
    join(client, code, "Eve")
    page = client.get(f"/play/{code}").get_data(as_text=True)
    assert "Kim visited the factory" not in page and page.count("Check this answer") == 4
    response = client.post(f"/play/{code}/check/q1", data={"csrf_token": _token(client, code),
                                                            **_answers(q1="Joe Biden", q2="True")})
    assert response.location.endswith(f"/play/{code}#fb-q1")
    page = client.get(f"/play/{code}").get_data(as_text=True)
    assert "Not quite." in page and "The article says Kim visited the factory." in page
    assert "Six weapons tests since the start" not in page  # q2 is not locked: no explanation yet
    assert page.count("Check this answer") == 3
    # the locked answer cannot be changed afterwards
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(**RIGHT)})
    assert "3 out of 4" in client.get(f"/play/{code}/result").get_data(as_text=True)


def test_time_limit_can_be_extended_or_turned_off(app, teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions, time_limit="10")
    join(client, code, "Tim")
    page = client.get(f"/play/{code}").get_data(as_text=True)
    remaining = int(re.search(r'data-remaining="(\d+)"', page).group(1))
    assert 590 <= remaining <= 600 and "Add 10 minutes" in page and "Turn off the time limit" in page
    response = client.post(f"/play/{code}/timer", data={"action": "extend", **_answers(q1="Joe Biden")},
                           headers={"X-CSRFToken": _token(client, code), "X-Requested-With": "fetch"})
    assert 1190 <= response.get_json()["remaining"] <= 1200
    page = client.get(f"/play/{code}").get_data(as_text=True)
    assert re.search(r'value="Joe Biden"\s+checked', page)
    client.post(f"/play/{code}/timer", data={"csrf_token": _token(client, code), "action": "off"})
    assert 'id="timer"' not in client.get(f"/play/{code}").get_data(as_text=True)


def test_shuffled_order_is_stable_for_a_student(teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions, shuffle_questions=True, shuffle_choices=True)
    join(client, code, "Uma")
    first = client.get(f"/play/{code}").get_data(as_text=True)
    assert first == client.get(f"/play/{code}").get_data(as_text=True)


def test_practice_page(app, teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions, is_public=True)
    make_quiz(teacher, article_with_questions)  # not public
    page = client.get("/practice").get_data(as_text=True)
    assert page.count("Practise<span") == 1
    response = client.post(f"/practice/{code}", data={"csrf_token": CSRF.search(page).group(1)})
    assert response.location.endswith(f"/play/{code}")
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(**RIGHT)})
    assert "4 out of 4" in client.get(f"/play/{code}/result").get_data(as_text=True)
    assert Store(app.config["DATABASE"]).submitted_attempts(quiz_id) == []  # practice is not in the results


# -- nothing a student can see before their attempt is stored reveals an answer ------------------


@pytest.fixture
def secret_quiz(teacher, article_with_questions):
    """A quiz whose keys and explanations are marker strings that appear nowhere else."""
    form = {"type": "short_answer", "prompt": "What did Kim inspect?", "answer": MARKERS[1], "accepted": MARKERS[2],
            "explanation": MARKERS[0], "evidence": "The agency said in a separate cable", "focus": "event",
            "difficulty": "easy"}
    assert teacher.form(f"/articles/{article_with_questions}/questions/new", form).status_code == 302
    quiz_id, code = make_quiz(teacher, article_with_questions, is_public=True)
    return quiz_id, code


def _assert_secret_free(text: str, where: str):
    for marker in MARKERS:
        assert marker not in text, where
    assert "The article says Kim visited the factory." not in text, where  # an explanation
    assert "(key)" not in text and "evidence-quote" not in text and "right-answer" not in text, where
    assert not re.search(r'class="[^"]*\bkey\b', text), where


def test_no_student_page_or_play_answer_reveals_answers_before_the_attempt_is_stored(app, client, secret_quiz):
    quiz_id, code = secret_quiz
    seen = {}
    seen["practice"] = client.get("/practice").get_data(as_text=True)
    seen["home"] = client.get("/").get_data(as_text=True)
    seen["join"] = client.get(f"/j/{code}").get_data(as_text=True)
    api = client.get(f"/api/v1/play/{code}")
    assert api.status_code == 200
    body = api.get_json()
    for q in body["questions"]:
        assert not {"answer", "answer_span", "accepted_answers", "explanation", "evidence"} & set(q)
    seen["api"] = api.get_data(as_text=True)
    join(client, code, "Zed")
    seen["play"] = client.get(f"/play/{code}").get_data(as_text=True)
    token = CSRF.search(seen["play"]).group(1)
    seen["save"] = client.post(f"/play/{code}/save", data=_answers(q1="Joe Biden", q5="a guess"),
                               headers={"X-CSRFToken": token, "X-Requested-With": "x"}).get_data(as_text=True)
    seen["play after save"] = client.get(f"/play/{code}").get_data(as_text=True)
    seen["timer"] = client.post(f"/play/{code}/timer", data={"action": "extend"},
                                headers={"X-CSRFToken": token, "X-Requested-With": "x"}).get_data(as_text=True)
    seen["result before submit"] = client.get(f"/play/{code}/result", follow_redirects=True).get_data(as_text=True)
    seen["check refused"] = client.post(f"/play/{code}/check/q5", data={"csrf_token": token}).get_data(as_text=True)
    for where, text in seen.items():
        _assert_secret_free(text, where)
    # once stored, the student sees it all
    client.post(f"/play/{code}", data={"csrf_token": token, **_answers(q5="zebra-answer")})
    result = client.get(f"/play/{code}/result").get_data(as_text=True)
    assert MARKERS[0] in result and "The agency said in a separate cable" in result
    assert Store(app.config["DATABASE"]).submitted_attempts(quiz_id)[0]["correct"]["q5"] is True


def test_the_stored_document_still_has_the_secrets(teacher, secret_quiz):
    quiz_id, _ = secret_quiz
    doc = json.loads(teacher.get(f"/quizzes/{quiz_id}/export/json").data)
    assert doc["questions"][-1]["answer"] == MARKERS[1]


def test_the_same_name_in_another_browser_does_not_take_over_an_attempt(app, teacher, client, article_with_questions):
    _, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Sam")
    client.post(f"/play/{code}/save", data=_answers(q4="my secret answer"),
                headers={"X-CSRFToken": _token(client, code), "X-Requested-With": "x"})
    intruder = app.test_client()
    assert join(intruder, code, "sam").status_code == 302
    assert "my secret answer" not in intruder.get(f"/play/{code}").get_data(as_text=True)
    # this browser, coming back to the join link, gets its own answers back
    assert client.get(f"/j/{code}").location.endswith(f"/play/{code}")
    assert client.post(f"/j/{code}", data={"csrf_token": _token(client, code), "name": "Sam"}).status_code == 302
    assert "my secret answer" in client.get(f"/play/{code}").get_data(as_text=True)
    # whoever submits first under the name keeps it; the other is refused
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(**RIGHT)})
    refused = intruder.post(f"/play/{code}", data={"csrf_token": _token(intruder, code), **_answers(q1="x")})
    assert refused.status_code == 409


def test_try_again_only_where_retries_are_allowed(app, teacher, client, article_with_questions):
    quiz_id, code = make_quiz(teacher, article_with_questions)
    join(client, code, "Sam")
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(q1="Joe Biden")})
    token = client.csrf()
    assert client.post(f"/play/{code}/again", data={"csrf_token": token}).status_code == 403
    assert client.post(f"/practice/{code}", data={"csrf_token": token}).status_code == 404  # not public
    teacher.form(f"/quizzes/{quiz_id}/settings", {"title": "Missile quiz", "allow_retries": "on"})
    assert client.post(f"/play/{code}/again", data={"csrf_token": token}).location.endswith(f"/play/{code}")
    client.post(f"/play/{code}", data={"csrf_token": _token(client, code), **_answers(**RIGHT)})
    assert "4 out of 4" in client.get(f"/play/{code}/result").get_data(as_text=True)
    assert [a["score"] for a in Store(app.config["DATABASE"]).submitted_attempts(quiz_id)] == [0, 4]
