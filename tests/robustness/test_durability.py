"""Durability: migrations from older schemas keep data, multi-row changes are all-or-nothing, one name
cannot slip in twice, and ``quizgen backup`` makes a sound copy while the server writes."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from quizgen.cli import cli
from quizgen.store import Refused, Store, migrations
from tests.robustness.conftest import seed_quiz

NAMES = [m.name for m in migrations._migrations]


def _fill_first_schema(path) -> None:
    """Rows in every table of the first migration, written with plain SQL as an old version would."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("insert into teachers (id, email, name, password_hash, created_at) "
                     "values (1, 'old@school.test', 'Old Teacher', 'hash', '2023-01-01')")
        conn.execute("insert into tokens values ('tokenhash', 1, '2023-01-01')")
        conn.execute("insert into articles (id, teacher_id, title, date, text, word_count, created_at) "
                     "values (7, 1, 'Old article', '2023-01-02', 'Some old text about a city council vote.', 8, "
                     "'2023-01-02')")
        conn.execute("insert into questions (id, teacher_id, article_id, position, type, prompt, choices, answer, "
                     "accepted_answers, explanation, evidence, focus, difficulty, score, origin) values "
                     "(3, 1, 7, 1, 'true_false', 'The council voted.', '[\"True\", \"False\"]', 'True', "
                     "'[\"True\"]', 'It did.', '[]', 'event', 'easy', 0.5, 'generated')")
        conn.execute("insert into quizzes (id, teacher_id, title, code, document, status, created_at) values "
                     "(5, 1, 'Old quiz', 'ABCDEF', '{\"articles\": [], \"questions\": []}', 'open', '2023-01-03')")
        conn.execute("insert into attempts (id, quiz_id, name, name_key, seed, answers, status, score, total, "
                     "correct, started_at, submitted_at) values (9, 5, 'Sam', 'sam', 1, '{\"q1\": \"True\"}', "
                     "'submitted', 1, 1, '{\"q1\": true}', '2023-01-04', '2023-01-04')")
    conn.close()


@pytest.mark.parametrize("applied", range(1, len(NAMES) + 1), ids=lambda n: f"after-{NAMES[n - 1]}")
def test_migrating_a_database_made_by_an_older_schema_keeps_its_data(tmp_path, applied):
    path = str(tmp_path / "old.db")
    db = Database(path)
    if applied < len(NAMES):
        migrations.apply(db, stop_before=NAMES[applied])
    else:
        migrations.apply(db)
    assert [m.name for m in migrations.applied(db)] == NAMES[:applied]
    db.close()
    _fill_first_schema(path)

    store = Store(path)  # what the app does on start
    try:
        assert migrations.pending(store.db) == []
        assert store.integrity_check() == "ok"
        assert store.teacher_by_email("old@school.test")["name"] == "Old Teacher"
        assert store.article(1, 7)["title"] == "Old article"
        assert store.questions(1, 7)[0]["choices"] == ["True", "False"]
        assert store.quiz_by_code("abcdef")["title"] == "Old quiz"
        attempt = store.attempt(9)
        assert attempt["answers"] == {"q1": "True"} and attempt["correct"] == {"q1": True}
        assert store.articles(1, "council")[0]["id"] == 7  # full-text index still in step
    finally:
        store.close()


def test_every_migration_runs_once(tmp_path):
    path = str(tmp_path / "x.db")
    Store(path).close()
    db = Database(path)
    assert [m.name for m in migrations.applied(db)] == NAMES
    migrations.apply(db)
    assert [m.name for m in migrations.applied(db)] == NAMES


def test_one_name_cannot_submit_twice_even_at_the_same_moment(tmp_path):
    path = tmp_path / "race.db"
    quiz = seed_quiz(path)
    results: list[str] = []
    barrier = threading.Barrier(8)

    def submit() -> None:
        store = Store(str(path))
        try:
            barrier.wait()
            store.record_attempt(quiz["quiz_id"], "Sam Same", {"q1": "x"}, 0, 4, {}, max_per_name=1)
            results.append("stored")
        except Refused:
            results.append("refused")
        finally:
            store.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["refused"] * 7 + ["stored"]
    store = Store(str(path))
    assert len(store.attempts_by_name(quiz["quiz_id"], "sam  same")) == 1


def test_two_browsers_under_one_name_count_once(app, client, published):
    from tests.robustness.conftest import join

    _, code = published
    other_browser = app.test_client()
    assert join(client, code, "Kim").status_code == 302
    assert join(other_browser, code, "kim").status_code == 302  # both joined before either submitted
    page = client.get(f"/play/{code}").get_data(as_text=True)
    token = __import__("re").search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(f"/play/{code}", data={"csrf_token": token}).status_code == 302
    page = other_browser.get(f"/play/{code}").get_data(as_text=True)
    token = __import__("re").search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = other_browser.post(f"/play/{code}", data={"csrf_token": token})
    assert response.status_code == 409 and "already taken" in response.get_data(as_text=True)


def test_quiz_creation_is_all_or_nothing(app, client, teacher, fake_generate, monkeypatch):
    from quizgen.web import services

    token = client.post("/api/v1/tokens", json={"email": "ann@school.test", "password": "correct horse"})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    article = teacher.add_article(title="Missile tests")

    def broken(*args, **kwargs):
        raise services.InputError("the disk is full")

    monkeypatch.setattr(services, "build_quiz", broken)
    response = client.post("/api/v1/quizzes", json={"title": "Q", "article_ids": [article], "count": 4}, headers=auth)
    assert response.status_code == 400
    store = Store(app.config["DATABASE"])
    assert store.questions(1, article) == []  # the generated questions went with the failed quiz
    assert store.quizzes(1) == []


def test_backup_copies_a_database_in_use(tmp_path):
    path = tmp_path / "live.db"
    quiz = seed_quiz(path)
    stop = threading.Event()

    def writer() -> None:
        store = Store(str(path))
        n = 0
        while not stop.is_set() and n < 2000:
            store.record_attempt(quiz["quiz_id"], f"Writer {n}", {}, 0, 4, {})
            n += 1
        store.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = CliRunner().invoke(cli, ["backup", str(tmp_path / "copy.db"), "--db", str(path)])
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert "integrity ok" in result.output
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("select code from quizzes").fetchone()[0] == quiz["code"]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file


@pytest.mark.parametrize("args, message", [
    (["backup", "{tmp}/copy.db", "--db", "{tmp}/missing.db"], "no such database"),
    (["backup", "{tmp}", "--db", "{tmp}/live.db"], "is a directory"),
    (["backup", "{tmp}/live.db", "--db", "{tmp}/live.db"], "another file"),
])
def test_backup_refuses_plainly(tmp_path, args, message):
    seed_quiz(tmp_path / "live.db")
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output
