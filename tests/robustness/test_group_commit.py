"""Group commit (Store.write): many threads' writes in one transaction, each answered only once it is
on disk, a failing job undone alone, a failing batch failing whole, and no thread left waiting."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from quizgen.store import Store


def _table(path) -> None:
    store = Store(str(path))
    store.db.execute("create table notes (id integer primary key, body text)")
    store.close()


def _insert(body: str, fail: bool = False):
    def work(store: Store) -> int:
        cursor = store.db.conn.execute("insert into notes (body) values (?)", [body])
        if fail:
            raise ValueError(f"refused {body}")
        return cursor.lastrowid

    return work


def _bodies(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in conn.execute("select body from notes"))
    finally:
        conn.close()


def _run_together(path, works, one_statement: bool = False) -> list:
    """Each work from its own thread and connection, all released at once; their results or errors."""
    outcomes: list = [None] * len(works)
    start = threading.Barrier(len(works))

    def run(index: int) -> None:
        store = Store(str(path))
        try:
            start.wait()
            outcomes[index] = store.write(works[index], one_statement=one_statement)
        except Exception as exc:  # the outcome under test
            outcomes[index] = exc
        finally:
            store.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(works))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a writer was left waiting"
    return outcomes


def test_every_write_of_a_burst_is_stored_once_and_answered_with_its_own_result(tmp_path):
    path = tmp_path / "burst.db"
    _table(path)
    outcomes = _run_together(path, [_insert(f"note {n:02d}") for n in range(24)])
    assert all(isinstance(o, int) for o in outcomes) and len(set(outcomes)) == 24
    assert _bodies(path) == [f"note {n:02d}" for n in range(24)]


def test_a_failing_job_is_undone_alone(tmp_path):
    path = tmp_path / "one.db"
    _table(path)
    works = [_insert(f"note {n:02d}", fail=(n % 5 == 0)) for n in range(20)]
    outcomes = _run_together(path, works)
    failed = {n for n, o in enumerate(outcomes) if isinstance(o, ValueError)}
    assert failed == {0, 5, 10, 15}
    assert _bodies(path) == [f"note {n:02d}" for n in range(20) if n not in failed]


def test_writes_after_a_failing_batch_go_through(tmp_path):
    path = tmp_path / "after.db"
    _table(path)
    store = Store(str(path))
    with pytest.raises(ValueError):
        store.write(_insert("undone", fail=True))
    assert isinstance(store.write(_insert("kept")), int)  # the lead was handed back: no one waits
    store.close()
    assert _bodies(path) == ["kept"]


def test_an_error_that_rolls_back_the_whole_transaction_fails_the_whole_batch(tmp_path):
    """A full disk (here: SQLite's page limit) undoes every job of the transaction, so none of them may
    be reported as stored: the job before the failing one must not answer with a row id."""
    path = tmp_path / "full.db"
    _table(path)
    store = Store(str(path))
    pages = store.db.execute("pragma page_count").fetchone()[0]
    store.db.execute(f"pragma max_page_count = {pages + 2}")
    from quizgen.store import _Job, _queue

    queue = _queue(str(path))
    jobs = [_Job(_insert("small"), True), _Job(_insert("x" * 200_000), True), _Job(_insert("after"), True)]
    queue.jobs.extend(jobs)
    queue.led = True
    with pytest.raises(sqlite3.DatabaseError):
        store._commit_queued(queue)
    assert all(job.error is not None and job.result is None for job in jobs)
    assert not queue.led and not queue.jobs
    store.close()
    assert _bodies(path) == []
