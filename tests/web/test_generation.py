"""The real pipeline behind the pages and the API (spaCy; one generation per test)."""

from __future__ import annotations

from quizgen.store import Store

from .conftest import question_ids


def test_real_generation_for_seed_001(app, teacher):
    article_id = teacher.add_article()
    response = teacher.form(f"/articles/{article_id}/generate", {"count": "8"}, follow_redirects=True)
    assert response.status_code == 200 and "Generated" in response.get_data(as_text=True)
    ids = question_ids(teacher, article_id)
    assert 3 <= len(ids) <= 8
    store = Store(app.config["DATABASE"])
    text = store.article(1, article_id)["text"]
    for qid in ids:
        q = store.question(1, qid)
        assert q["evidence"], q
        for span in q["evidence"]:
            assert span["article_id"] == article_id and text[span["start"]:span["end"]] == span["text"]
    html = teacher.get(f"/articles/{article_id}").get_data(as_text=True)
    assert '<mark class="evidence"' in html


def test_seed_demo_is_idempotent(app, fake_generate, capsys):
    from quizgen.samples import sample_paths
    from quizgen.web.server import DEMO_EMAIL, DEMO_PASSWORD, seed_demo

    first = seed_demo(app, log=lambda line: None)
    assert first["added"] == len(sample_paths())
    assert seed_demo(app, log=lambda line: None)["added"] == 0
    store = Store(app.config["DATABASE"])
    teacher = store.teacher_by_email(DEMO_EMAIL)
    assert len(store.articles(teacher["id"])) == len(sample_paths())
    quizzes = store.quizzes(teacher["id"])
    assert len(quizzes) == len(sample_paths()) and all(q["status"] == "open" for q in quizzes)
    assert store.public_quizzes()
    client = app.test_client()
    login = client.form("/login", {"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert login.status_code == 302


def test_serve_runs_waitress_with_the_demo(tmp_path, monkeypatch, fake_generate, capsys):
    import waitress

    from quizgen.web import server

    calls = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv("QUIZGEN_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("QUIZGEN_SECRET_KEY", raising=False)
    server.serve(str(tmp_path / "demo.db"), "127.0.0.1", 5123, demo=True)
    (app, kwargs), = calls
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 5123
    assert app.config["DATABASE"] == str(tmp_path / "demo.db")
    assert (tmp_path / "instance" / "secret_key").exists()
    out = capsys.readouterr().out
    assert server.DEMO_EMAIL in out and server.DEMO_PASSWORD in out and "http://127.0.0.1:5123/" in out
