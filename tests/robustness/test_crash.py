"""Power cut in the middle of a class: ``kill -9`` the server during a burst of submissions.

Afterwards the database passes SQLite's integrity check and holds every attempt that was answered
201, exactly once, with the score the student was told.
"""

from __future__ import annotations

import sqlite3
import threading

import httpx

from tests.robustness.conftest import seed_quiz

STUDENTS_PER_THREAD = 60
THREADS = 8


def test_kill_9_mid_burst_loses_no_answered_attempt(tmp_path, start_server):
    db = tmp_path / "live.db"
    quiz = seed_quiz(db)
    server = start_server(db=db)
    answered: list[tuple[int, str, int]] = []  # (attempt id, name, score)
    failures: list[int] = []
    lock = threading.Lock()
    enough = threading.Event()

    def student(thread: int) -> None:
        with httpx.Client(base_url=server.url, timeout=5) as http:
            for n in range(STUDENTS_PER_THREAD):
                name = f"Student {thread}-{n}"
                body = {"name": name, "answers": {"q1": "Kim Jong Un", "q2": "True", "q3": "defenses"}}
                try:
                    response = http.post(f"/api/v1/play/{quiz['code']}/attempts", json=body)
                except httpx.HTTPError:
                    return  # the server is gone
                with lock:
                    if response.status_code == 201:
                        data = response.json()
                        answered.append((data["attempt_id"], name, data["score"]))
                        if len(answered) >= 60:
                            enough.set()
                    else:
                        failures.append(response.status_code)

    threads = [threading.Thread(target=student, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    assert enough.wait(60), "the burst did not get going"
    server.process.kill()  # SIGKILL: no shutdown, no flush, in the middle of requests
    server.process.wait(10)
    killed_at = len(answered)
    for t in threads:
        t.join(30)
    assert not failures, failures
    assert killed_at < THREADS * STUDENTS_PER_THREAD, "the server was killed after the burst, not during it"

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {r[0]: r[1:] for r in conn.execute(
            "select id, name, score, status from attempts where quiz_id = ?", [quiz["quiz_id"]])}
        names = [r[0] for r in rows.values()]
    finally:
        conn.close()
    for attempt_id, name, score in answered:
        assert rows.get(attempt_id) == (name, score, "submitted"), (attempt_id, name)
    assert len(names) == len(set(names)), "an attempt was stored twice"
    assert len(answered) <= len(rows)
