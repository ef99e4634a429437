"""Quizzes by join code are remembered between requests (Store.quiz_by_code), yet a teacher's change
reaches students at once, and a change made by another process within the cache's lifetime."""

from __future__ import annotations

import sqlite3
import time

import pytest

from quizgen import store as store_module
from quizgen.store import Store


@pytest.fixture
def quiz(tmp_path):
    path = str(tmp_path / "cache.db")
    store = Store(path)
    teacher = store.create_teacher("t@school.test", "T", "hash")
    made = store.create_quiz(teacher["id"], "Cache", {"questions": []})
    store.update_quiz(teacher["id"], made["id"], status="open")
    store.close()
    return path, teacher["id"], made


def test_a_quiz_closed_on_another_connection_is_closed_for_the_next_lookup(quiz):
    path, teacher_id, made = quiz
    student, teacher = Store(path), Store(path)
    assert student.quiz_by_code(made["code"])["status"] == "open"  # now remembered
    teacher.update_quiz(teacher_id, made["id"], status="closed")
    assert student.quiz_by_code(made["code"])["status"] == "closed"
    teacher.delete_quiz(teacher_id, made["id"])
    assert student.quiz_by_code(made["code"]) is None


def test_another_process_change_is_seen_once_the_lifetime_is_over(quiz, monkeypatch):
    path, _, made = quiz
    monkeypatch.setattr(store_module._QuizzesByCode, "LIFETIME", 0.05)
    store = Store(path)
    assert store.quiz_by_code(made["code"])["status"] == "open"
    other = sqlite3.connect(path)
    other.execute("update quizzes set status = 'closed' where id = ?", [made["id"]])
    other.commit()
    other.close()
    time.sleep(0.1)
    assert store.quiz_by_code(made["code"])["status"] == "closed"


def test_a_code_not_found_is_not_remembered(quiz):
    path, _, made = quiz
    store = Store(path)
    assert store.quiz_by_code("ZZZZZZ") is None
    other = sqlite3.connect(path)
    other.execute("update quizzes set code = 'ZZZZZZ' where id = ?", [made["id"]])
    other.commit()
    other.close()
    assert store.quiz_by_code("zzzzzz")["id"] == made["id"]


def test_a_read_begun_before_a_write_is_not_remembered(quiz):
    """A lookup racing a teacher's change: read before the change, stored after it, must not stick."""
    path, teacher_id, made = quiz
    cache = store_module._QUIZZES_BY_CODE
    writes = cache.writes(path)
    stale = Store(path)._one("select * from quizzes where code = ?", [made["code"]])
    Store(path).update_quiz(teacher_id, made["id"], status="closed")
    cache.put(path, made["code"], store_module._decode_quiz(stale), writes)
    assert Store(path).quiz_by_code(made["code"])["status"] == "closed"


def test_callers_get_their_own_copy_of_the_quiz(quiz):
    path, _, made = quiz
    store = Store(path)
    first = store.quiz_by_code(made["code"])
    first["status"] = "changed by a caller"
    assert store.quiz_by_code(made["code"])["status"] == "open"
