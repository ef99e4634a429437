"""Generate and review: evidence highlighted; edit (validated), delete, reorder, regenerate, write by hand."""

from __future__ import annotations

import re

from quizgen.store import Store

from .conftest import question_ids


def _edit_data(**overrides):
    data = {"type": "multiple_choice", "prompt": "Who went to the munitions factory?",
            "choice-0": "Moon Jae-in", "choice-1": "Kim Jong Un", "choice-2": "Joe Biden", "choice-3": "",
            "choice-4": "", "key": "1", "explanation": "Kim went there.",
            "evidence": "The agency said in a separate cable that Kim did not attend the tests",
            "focus": "person", "difficulty": "easy"}
    data.update(overrides)
    return data


def test_generate_shows_questions_beside_the_article_with_evidence_highlighted(teacher, article_with_questions):
    html = teacher.get(f"/articles/{article_with_questions}").get_data(as_text=True)
    assert html.count('<li class="card"') == 4
    assert '<mark class="evidence" data-questions="1">The agency said in a separate cable' in html
    assert 'href="#ev-' in html and "(key)" in html


def test_edit_a_question(app, teacher, article_with_questions):
    qid = question_ids(teacher, article_with_questions)[0]
    assert teacher.get(f"/questions/{qid}/edit").status_code == 200
    response = teacher.form(f"/questions/{qid}/edit", _edit_data())
    assert response.status_code == 302
    stored = Store(app.config["DATABASE"]).question(1, qid)
    assert stored["prompt"] == "Who went to the munitions factory?"
    assert stored["choices"] == ["Moon Jae-in", "Kim Jong Un", "Joe Biden"] and stored["answer"] == "Kim Jong Un"
    assert stored["origin"] == "edited"
    text = Store(app.config["DATABASE"]).article(1, article_with_questions)["text"]
    span = stored["evidence"][0]
    assert text[span["start"]:span["end"]] == span["text"]


def test_edit_is_validated(teacher, article_with_questions):
    qid = question_ids(teacher, article_with_questions)[0]
    cases = [
        (_edit_data(key="4"), "The key must be one of the choices"),
        (_edit_data(**{"choice-2": "kim jong un!"}), "must all be different"),
        (_edit_data(**{"choice-2": ""}), "3 to 5 choices"),
        (_edit_data(prompt="Who went"), "question mark"),
        (_edit_data(evidence="A sentence that is nowhere in the article."), "not in the article"),
        (_edit_data(prompt=""), "Write the question"),
        (_edit_data(type="fill_blank", prompt="Kim visited a factory.", answer="factory"), "___"),
        (_edit_data(type="true_false", prompt="Kim visited a factory."), "True or False"),
    ]
    for data, message in cases:
        response = teacher.form(f"/questions/{qid}/edit", data)
        assert response.status_code == 400, message
        assert message in response.get_data(as_text=True), message


def test_edit_other_types(app, teacher, article_with_questions):
    qid = question_ids(teacher, article_with_questions)[2]
    response = teacher.form(f"/questions/{qid}/edit", _edit_data(
        type="short_answer", prompt="What did Kim call for strengthening?", answer="national defenses",
        accepted="defenses\ndefences"))
    assert response.status_code == 302
    stored = Store(app.config["DATABASE"]).question(1, qid)
    assert stored["accepted_answers"] == ["national defenses", "defenses", "defences"] and stored["choices"] == []
    response = teacher.form(f"/questions/{qid}/edit", _edit_data(type="true_false", prompt="Kim went.",
                                                                  tf_answer="False"))
    assert response.status_code == 302
    assert Store(app.config["DATABASE"]).question(1, qid)["choices"] == ["True", "False"]


def test_delete_and_reorder(teacher, article_with_questions):
    ids = question_ids(teacher, article_with_questions)
    teacher.form(f"/questions/{ids[2]}/move", {"direction": "up"})
    assert question_ids(teacher, article_with_questions) == [ids[0], ids[2], ids[1], ids[3]]
    teacher.form(f"/questions/{ids[0]}/move", {"direction": "down"})
    assert question_ids(teacher, article_with_questions) == [ids[2], ids[0], ids[1], ids[3]]
    teacher.form(f"/questions/{ids[3]}/move", {"direction": "down"})  # last stays last
    assert question_ids(teacher, article_with_questions)[-1] == ids[3]
    assert teacher.form(f"/questions/{ids[1]}/delete").status_code == 302
    assert ids[1] not in question_ids(teacher, article_with_questions)


def test_regenerate_one_question(teacher, article_with_questions, fake_generate):
    ids = question_ids(teacher, article_with_questions)
    before = teacher.get(f"/articles/{article_with_questions}").get_data(as_text=True)
    # the fake generator offers the same four questions: no fresh one, so the page says so
    response = teacher.form(f"/questions/{ids[0]}/regenerate", follow_redirects=True)
    assert "No other question could be found" in response.get_data(as_text=True)
    assert fake_generate[-1][1] == 30
    assert teacher.get(f"/articles/{article_with_questions}").get_data(as_text=True).count("card") == before.count("card")


def test_regenerate_one_question_replaces_it(teacher, article_with_questions, monkeypatch):
    from quizgen.web import services

    ids = question_ids(teacher, article_with_questions)
    original = services.generate

    def more(rows, count=10, seed=None):
        extra = dict(original(rows, count=1)[0], prompt="Which agency reported the tests?",
                     choices=["KCNA", "Yonhap", "Reuters", "AP"], answer="KCNA")
        return [extra] + original(rows, count=count)

    monkeypatch.setattr(services, "generate", more)
    teacher.form(f"/questions/{ids[1]}/regenerate")
    html = teacher.get(f"/articles/{article_with_questions}").get_data(as_text=True)
    assert "Which agency reported the tests?" in html and question_ids(teacher, article_with_questions) == ids


def test_regenerate_the_set_keeps_edited_and_hand_written_questions(teacher, article_with_questions):
    ids = question_ids(teacher, article_with_questions)
    teacher.form(f"/questions/{ids[0]}/edit", _edit_data())
    teacher.form(f"/articles/{article_with_questions}/generate", {"count": "4"})
    html = teacher.get(f"/articles/{article_with_questions}").get_data(as_text=True)
    assert "Who went to the munitions factory?" in html
    assert len(question_ids(teacher, article_with_questions)) == 5


def test_write_a_question_by_hand(app, teacher, article_with_questions):
    response = teacher.form(f"/articles/{article_with_questions}/questions/new", _edit_data(
        type="fill_blank", prompt="Kim praised rapid progress in the production of large ____.", answer="weapons",
        evidence="during a visit to the munitions factory he praised"))
    assert response.status_code == 302
    qid = int(re.search(r"#q-(\d+)", response.location).group(1))
    stored = Store(app.config["DATABASE"]).question(1, qid)
    assert stored["origin"] == "manual" and stored["type"] == "fill_blank"
    assert stored["position"] == 5
    bad = teacher.form(f"/articles/{article_with_questions}/questions/new", _edit_data(evidence=""))
    assert bad.status_code == 400 and "Give the evidence" in bad.get_data(as_text=True)


def test_generation_errors_are_shown(teacher, monkeypatch):
    from quizgen.web import services

    monkeypatch.setattr(services, "generate", lambda rows, count=10, seed=None: [])
    article_id = teacher.add_article()
    response = teacher.form(f"/articles/{article_id}/generate", follow_redirects=True)
    assert "no good questions" in response.get_data(as_text=True)


def test_another_teachers_questions_are_not_found(teacher, other, article_with_questions):
    qid = question_ids(teacher, article_with_questions)[0]
    assert other.get(f"/questions/{qid}/edit").status_code == 404
    assert other.form(f"/questions/{qid}/edit", _edit_data()).status_code == 404
    assert other.form(f"/questions/{qid}/delete").status_code == 404
    assert other.form(f"/questions/{qid}/move", {"direction": "up"}).status_code == 404
    assert other.form(f"/questions/{qid}/regenerate").status_code == 404
    assert qid in question_ids(teacher, article_with_questions)
