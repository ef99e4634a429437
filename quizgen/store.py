"""The database: the only module that imports sqlite_utils.

Schema by ``Migrations``, WAL mode for files, FTS5 over articles. Every query is
parameterised. Rows come back as plain dicts with JSON columns decoded. Queries that
read a teacher's rows take the teacher's id, so one teacher never sees another's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import secrets
import sqlite3
import threading
import time
from datetime import datetime, timezone

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("quizgen")

# Join codes: no 0/O, 1/I/L, so they read aloud and type easily.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

QUESTION_JSON = ("choices", "accepted_answers", "evidence", "answer_span")
QUESTION_FIELDS = (
    "type", "prompt", "choices", "answer", "accepted_answers", "explanation",
    "evidence", "answer_span", "focus", "difficulty", "score",
)


class Conflict(Exception):
    """A unique value (an e-mail address) is already taken."""


class Refused(Exception):
    """A write the rules forbid (a second attempt under one name); the message says why."""


# Database files whose migrations this process has applied already: a request's connection then
# skips the migration check (the file must still exist, so a replaced file is migrated again).
_MIGRATED: set[str] = set()
_MIGRATED_LOCK = threading.Lock()

# One lock a database file for this process's write transactions: the server's threads queue here
# and hand over at once, instead of in SQLite's busy handler, which sleeps milliseconds at a time.
# (Other processes are still kept out by SQLite's own lock and busy_timeout.)
_WRITE_LOCKS: dict[str, threading.Lock] = {}


# The writes waiting for each database file's next group commit (see Store.write).
_PENDING: dict[str, "_Queue"] = {}
_QUEUE_LOCK = threading.Lock()


class _QuizzesByCode:
    """Quizzes looked up by join code, decoded once: every student request starts with that lookup.

    A quiz write through any Store of this process forgets that file's entries at once; a write by
    another process (a second server, the CLI) is seen within ``LIFETIME`` seconds. A cached quiz is
    shared between threads: callers get their own top-level dict but must not change its document.
    """

    LIFETIME = 2.0

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[float, dict]] = {}
        self._writes: dict[str, int] = {}  # quiz writes seen per file: a read older than one is not kept
        self._lock = threading.Lock()

    def get(self, path: str, code: str) -> dict | None:
        entry = self._entries.get((_lock_key(path), code))
        if entry is None or time.monotonic() - entry[0] > self.LIFETIME:
            return None
        return entry[1]

    def writes(self, path: str) -> int:
        return self._writes.get(_lock_key(path), 0)

    def put(self, path: str, code: str, quiz: dict, writes_before_read: int) -> None:
        key = _lock_key(path)
        with self._lock:
            if self._writes.get(key, 0) == writes_before_read:
                self._entries[(key, code)] = (time.monotonic(), quiz)

    def forget(self, path: str) -> None:
        """After a quiz write (once committed): drop the file's entries and any read begun before it."""
        key = _lock_key(path)
        with self._lock:
            self._writes[key] = self._writes.get(key, 0) + 1
            self._entries = {k: v for k, v in self._entries.items() if k[0] != key}


_QUIZZES_BY_CODE = _QuizzesByCode()
_SEEDS = random.Random()


def _lock_key(path: str) -> str:
    return os.path.abspath(path) if path != ":memory:" else f":memory:{threading.get_ident()}"


def _write_lock(path: str) -> threading.Lock:
    with _QUEUE_LOCK:
        return _WRITE_LOCKS.setdefault(_lock_key(path), threading.Lock())


class _Job:
    """One thread's write waiting for a group commit."""

    __slots__ = ("work", "one_statement", "result", "error", "leads", "woken")

    def __init__(self, work, one_statement: bool = False) -> None:
        self.work, self.one_statement = work, one_statement
        self.result, self.error = None, None
        self.leads = False
        self.woken = threading.Event()

    def run(self, store) -> None:
        """Do the work inside the leader's transaction, undoing it alone if it raises.

        An error after which SQLite has rolled back the whole transaction (disk full, I/O error)
        is raised, so the batch fails together: the jobs before it must not be reported done.
        """
        conn = store.db.conn
        if not self.one_statement:
            conn.execute("SAVEPOINT quizgen_job")
        try:
            self.result = self.work(store)
        except Exception as exc:
            if not conn.in_transaction:
                raise
            if not self.one_statement:
                conn.execute("ROLLBACK TO quizgen_job")
            self.error = exc
        if not self.one_statement:
            conn.execute("RELEASE quizgen_job")


class _Queue:
    """The jobs waiting for one database file's next group commit, and whether a thread leads."""

    def __init__(self) -> None:
        self.jobs: list[_Job] = []
        self.led = False


def _queue(path: str) -> _Queue:
    with _QUEUE_LOCK:
        return _PENDING.setdefault(_lock_key(path), _Queue())


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@migrations()
def m001_initial(db: Database) -> None:
    db["teachers"].create(
        {"id": int, "email": str, "name": str, "password_hash": str, "created_at": str},
        pk="id", not_null={"email", "password_hash"},
    )
    db["teachers"].create_index(["email"], unique=True)
    db["tokens"].create(
        {"token_hash": str, "teacher_id": int, "created_at": str},
        pk="token_hash", foreign_keys=[("teacher_id", "teachers", "id")],
    )
    db["articles"].create(
        {
            "id": int, "teacher_id": int, "title": str, "date": str, "source": str, "url": str,
            "text": str, "word_count": int, "grade": float, "created_at": str,
        },
        pk="id", foreign_keys=[("teacher_id", "teachers", "id")],
    )
    db["articles"].create_index(["teacher_id"])
    db["articles"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db["questions"].create(
        {
            "id": int, "teacher_id": int, "article_id": int, "position": int, "type": str,
            "prompt": str, "choices": str, "answer": str, "accepted_answers": str,
            "explanation": str, "evidence": str, "answer_span": str, "focus": str,
            "difficulty": str, "score": float, "origin": str, "created_at": str, "updated_at": str,
        },
        pk="id",
        foreign_keys=[("teacher_id", "teachers", "id"), ("article_id", "articles", "id")],
    )
    db["questions"].create_index(["teacher_id", "article_id", "position"])
    db["quizzes"].create(
        {
            "id": int, "teacher_id": int, "title": str, "code": str, "document": str,
            "status": str, "shuffle_questions": int, "shuffle_choices": int, "feedback": str,
            "time_limit": int, "allow_retries": int, "is_public": int,
            "created_at": str, "published_at": str,
        },
        pk="id", foreign_keys=[("teacher_id", "teachers", "id")],
        defaults={"status": "draft", "feedback": "end", "shuffle_questions": 0,
                  "shuffle_choices": 0, "allow_retries": 0, "is_public": 0},
    )
    db["quizzes"].create_index(["code"], unique=True)
    db["quizzes"].create_index(["teacher_id"])
    db["attempts"].create(
        {
            "id": int, "quiz_id": int, "name": str, "name_key": str, "practice": int,
            "seed": int, "answers": str, "locked": str, "status": str, "score": int, "total": int,
            "correct": str, "extra_seconds": int, "timer_off": int,
            "started_at": str, "submitted_at": str,
        },
        pk="id", foreign_keys=[("quiz_id", "quizzes", "id")],
        defaults={"status": "in_progress", "practice": 0, "extra_seconds": 0, "timer_off": 0,
                  "answers": "{}", "locked": "[]"},
    )
    db["attempts"].create_index(["quiz_id", "name_key"])


@migrations()
def m002_stories_and_feeds(db: Database) -> None:
    """A teacher's story edits (pairs of articles kept together or apart) and feed subscriptions.

    Article ids here carry no foreign key: a deleted article's feed item still marks the item as
    seen (it is not fetched again), and its story links are simply ignored.
    """
    db["story_links"].create(
        {"teacher_id": int, "article_a": int, "article_b": int, "kind": str, "created_at": str},
        pk=("teacher_id", "article_a", "article_b"), foreign_keys=[("teacher_id", "teachers", "id")],
    )
    db["feeds"].create(
        {"id": int, "teacher_id": int, "url": str, "title": str, "created_at": str,
         "checked_at": str, "error": str},
        pk="id", foreign_keys=[("teacher_id", "teachers", "id")],
    )
    db["feeds"].create_index(["teacher_id", "url"], unique=True)
    db["feed_items"].create(
        {"feed_id": int, "key": str, "link": str, "title": str, "article_id": int, "created_at": str},
        pk=("feed_id", "key"), foreign_keys=[("feed_id", "feeds", "id")],
    )

def _decode_question(row: dict) -> dict:
    row = dict(row)
    for key in QUESTION_JSON:
        row[key] = json.loads(row[key]) if row.get(key) else ([] if key != "answer_span" else None)
    return row


def _decode_quiz(row: dict) -> dict:
    row = dict(row)
    row["document"] = json.loads(row["document"])
    for key in ("shuffle_questions", "shuffle_choices", "allow_retries", "is_public"):
        row[key] = bool(row[key])
    return row


def _decode_attempt(row: dict) -> dict:
    row = dict(row)
    row["answers"] = json.loads(row["answers"] or "{}")
    row["locked"] = json.loads(row["locked"] or "[]")
    row["correct"] = json.loads(row["correct"]) if row.get("correct") else {}
    row["practice"] = bool(row["practice"])
    row["timer_off"] = bool(row["timer_off"])
    return row


def _shuffle_seed() -> int:
    """An attempt's seed for the order of its questions and choices: not a secret (the order reveals
    nothing), so it comes from the process's generator, not the system's (a system call each time)."""
    return _SEEDS.randrange(2**31)


def name_key(name: str) -> str:
    """A display name compared case- and space-insensitively."""
    return " ".join(name.casefold().split())


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Store:
    """One connection to the quizgen database."""

    def __init__(self, path: str) -> None:
        key = os.path.abspath(path) if path != ":memory:" else None
        fresh = key is None or key not in _MIGRATED or not os.path.exists(key)
        self.path = path
        self.db = Database(path)
        self.db.execute("PRAGMA busy_timeout = 10000")
        self.db.execute("PRAGMA foreign_keys = ON")
        # WAL with synchronous=FULL: a commit is on disk before the request is answered, so neither a
        # killed server nor a power cut loses an answered write
        self.db.execute("PRAGMA synchronous = FULL")
        if fresh:
            if key is not None:
                self.db.enable_wal()
            with _MIGRATED_LOCK:
                migrations.apply(self.db)
                if key is not None:
                    _MIGRATED.add(key)

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self):
        """One write transaction taking the write lock at once (BEGIN IMMEDIATE): its reads and writes
        see no other writer in between, and every row it changes is committed together or not at all.
        Nested calls (and sqlite-utils' own ``atomic()``) become savepoints inside it."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        with _write_lock(self.path):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    def write(self, work, *, one_statement: bool = False):
        """Run ``work(store)`` in a write transaction committed together with other threads' (group
        commit) and return its result, or raise its exception, once that commit is on disk.

        With synchronous=FULL every commit waits for the disk; when a class submits at once, one
        thread leads: it commits every job queued meanwhile in one transaction, each in its own
        savepoint (a job that raises is undone alone), wakes their threads together and hands the
        lead to the next job queued. ``one_statement`` work runs without a savepoint, as SQLite undoes
        a failed statement itself: it must change the database with one statement and raise only
        before it, or after a statement that changed nothing. Nothing is answered before its commit,
        so an answered write is never lost.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                return work(self)
        queue = _queue(self.path)
        job = _Job(work, one_statement)
        with _QUEUE_LOCK:
            queue.jobs.append(job)
            job.leads = not queue.led
            queue.led = True
        if not job.leads:
            job.woken.wait()
        if job.leads:
            self._commit_queued(queue)
        if job.error is not None:
            raise job.error
        return job.result

    def _commit_queued(self, queue: "_Queue") -> None:
        """As the leader: commit every queued job in one transaction, then wake their threads and
        hand the lead to the first job queued since (or end the lead)."""
        conn = self.db.conn
        batch: list[_Job] = []
        try:
            with _write_lock(self.path):
                with _QUEUE_LOCK:
                    batch, queue.jobs = queue.jobs, []
                conn.execute("BEGIN IMMEDIATE")
                for item in batch:
                    item.run(self)
                conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if not batch:  # failed before taking the queue (even its own job): fail what is queued
                with _QUEUE_LOCK:
                    batch, queue.jobs = queue.jobs, []
            for item in batch:
                item.result, item.error = None, exc
            raise
        finally:
            with _QUEUE_LOCK:
                successor = queue.jobs[0] if queue.jobs else None
                queue.led = successor is not None
                if successor is not None:
                    successor.leads = True
            for item in batch:
                item.leads = False
                item.woken.set()
            if successor is not None:
                successor.woken.set()

    def integrity_check(self) -> str:
        """'ok', or SQLite's list of what is damaged."""
        return "; ".join(row[0] for row in self.db.execute("PRAGMA integrity_check").fetchall())

    def _one(self, sql: str, params) -> dict | None:
        """The first row of a SELECT as a dict, or None (straight on the connection: the hot path of
        every request, without sqlite-utils' savepoint around each query)."""
        cursor = self.db.conn.execute(sql, params)
        row = cursor.fetchone()
        return dict(zip((d[0] for d in cursor.description), row)) if row is not None else None

    # -- teachers and tokens ---------------------------------------------------------

    def create_teacher(self, email: str, name: str, password_hash: str) -> dict:
        email = email.strip().lower()
        if self.teacher_by_email(email):
            raise Conflict(email)
        row = {"email": email, "name": name.strip(), "password_hash": password_hash, "created_at": now()}
        try:
            pk = self.db["teachers"].insert(row).last_pk
        except Exception as exc:  # the unique index, on a race
            if "UNIQUE" in str(exc):
                raise Conflict(email) from None
            raise
        return self.teacher(pk)

    def teacher(self, teacher_id: int) -> dict | None:
        return self._one("select * from teachers where id = ?", [teacher_id])

    def teacher_by_email(self, email: str) -> dict | None:
        return self._one("select * from teachers where email = ?", [email.strip().lower()])

    def create_token(self, teacher_id: int) -> str:
        token = secrets.token_urlsafe(32)
        self.db["tokens"].insert({"token_hash": _token_hash(token), "teacher_id": teacher_id, "created_at": now()})
        return token

    def teacher_for_token(self, token: str) -> dict | None:
        return self._one(
            "select teachers.* from tokens join teachers on teachers.id = tokens.teacher_id "
            "where tokens.token_hash = ?",
            [_token_hash(token)],
        )

    # -- articles ----------------------------------------------------------------------

    def add_article(self, teacher_id: int, article: dict) -> int:
        row = {
            "teacher_id": teacher_id,
            "title": article.get("title"),
            "date": article.get("date"),
            "source": article.get("source"),
            "url": article.get("url"),
            "text": article["text"],
            "word_count": article.get("word_count"),
            "grade": article.get("grade"),
            "created_at": now(),
        }
        return self.db["articles"].insert(row).last_pk

    def article(self, teacher_id: int, article_id: int) -> dict | None:
        return self._one("select * from articles where id = ? and teacher_id = ?", [article_id, teacher_id])

    def articles(self, teacher_id: int, query: str | None = None) -> list[dict]:
        counts = (
            "(select count(*) from questions q where q.article_id = a.id) as question_count"
        )
        if query and query.strip():
            ids = [
                row["id"]
                for row in self.db["articles"].search(
                    query.strip(), columns=["id"], where="teacher_id = :teacher_id",
                    where_args={"teacher_id": teacher_id}, quote=True,
                )
            ]
            if not ids:
                return []
            marks = ",".join("?" for _ in ids)
            rows = {r["id"]: r for r in self.db.query(
                f"select a.*, {counts} from articles a where a.id in ({marks})", ids)}
            return [rows[i] for i in ids if i in rows]
        return list(self.db.query(
            f"select a.*, {counts} from articles a where a.teacher_id = ? order by a.id desc", [teacher_id]))

    def delete_article(self, teacher_id: int, article_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from questions where article_id = ? and teacher_id = ?", [article_id, teacher_id])
            self.db.execute("delete from articles where id = ? and teacher_id = ?", [article_id, teacher_id])

    # -- questions ---------------------------------------------------------------------

    def questions(self, teacher_id: int, article_id: int) -> list[dict]:
        rows = self.db.query(
            "select * from questions where teacher_id = ? and article_id = ? order by position, id",
            [teacher_id, article_id],
        )
        return [_decode_question(r) for r in rows]

    def question(self, teacher_id: int, question_id: int) -> dict | None:
        row = self._one("select * from questions where id = ? and teacher_id = ?", [question_id, teacher_id])
        return _decode_question(row) if row else None

    def questions_by_ids(self, teacher_id: int, ids: list[int]) -> list[dict]:
        """The teacher's questions with these ids, in the order given (others' ids are left out)."""
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = {
            r["id"]: _decode_question(r)
            for r in self.db.query(
                f"select * from questions where teacher_id = ? and id in ({marks})", [teacher_id, *ids])
        }
        return [rows[i] for i in ids if i in rows]

    def _encode_question(self, question: dict) -> dict:
        row = {}
        for key in QUESTION_FIELDS:
            value = question.get(key)
            row[key] = json.dumps(value) if key in QUESTION_JSON else value
        return row

    def add_questions(self, teacher_id: int, article_id: int, questions: list[dict], *,
                      origin: str = "generated", replace: bool = False) -> list[int]:
        """Append questions to an article's list (or replace its generated, unedited ones)."""
        ids = []
        with self.db.atomic():
            if replace:
                self.db.execute(
                    "delete from questions where teacher_id = ? and article_id = ? and origin = 'generated'",
                    [teacher_id, article_id])
            top = self._one(
                "select coalesce(max(position), 0) as top from questions where article_id = ?", [article_id])["top"]
            for offset, question in enumerate(questions, 1):
                row = self._encode_question(question)
                row.update({"teacher_id": teacher_id, "article_id": article_id, "position": top + offset,
                            "origin": origin, "created_at": now(), "updated_at": now()})
                ids.append(self.db["questions"].insert(row).last_pk)
        return ids

    def update_question(self, teacher_id: int, question_id: int, question: dict, *, origin: str = "edited") -> None:
        row = self._encode_question(question)
        row.update({"origin": origin, "updated_at": now()})
        sets = ", ".join(f"{key} = :{key}" for key in row)
        self.db.execute(
            f"update questions set {sets} where id = :id and teacher_id = :teacher_id",
            {**row, "id": question_id, "teacher_id": teacher_id},
        )

    def delete_question(self, teacher_id: int, question_id: int) -> None:
        self.db.execute("delete from questions where id = ? and teacher_id = ?", [question_id, teacher_id])

    def move_question(self, teacher_id: int, question_id: int, step: int) -> None:
        """Swap a question with its neighbour above (step -1) or below (step 1)."""
        question = self.question(teacher_id, question_id)
        if not question:
            return
        siblings = self.questions(teacher_id, question["article_id"])
        index = next(i for i, q in enumerate(siblings) if q["id"] == question_id)
        other = index + step
        if not 0 <= other < len(siblings):
            return
        siblings[index], siblings[other] = siblings[other], siblings[index]
        with self.db.atomic():
            for position, q in enumerate(siblings, 1):
                self.db.execute("update questions set position = ? where id = ?", [position, q["id"]])

    # -- quizzes -----------------------------------------------------------------------

    def _new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if not self._one("select id from quizzes where code = ?", [code]):
                return code

    def create_quiz(self, teacher_id: int, title: str, document: dict, **settings) -> dict:
        row = {
            "teacher_id": teacher_id, "title": title, "code": self._new_code(),
            "document": json.dumps(document), "created_at": now(), "status": "draft",
        }
        row.update(_quiz_settings(settings))
        pk = self.db["quizzes"].insert(row).last_pk
        return self.quiz(teacher_id, pk)

    def quiz(self, teacher_id: int, quiz_id: int) -> dict | None:
        row = self._one("select * from quizzes where id = ? and teacher_id = ?", [quiz_id, teacher_id])
        return _decode_quiz(row) if row else None

    def quiz_by_code(self, code: str) -> dict | None:
        code = code.strip().upper()
        quiz = _QUIZZES_BY_CODE.get(self.path, code)
        if quiz is None:
            writes = _QUIZZES_BY_CODE.writes(self.path)
            row = self._one("select * from quizzes where code = ?", [code])
            if row is None:
                return None  # not remembered: a quiz made later may take the code
            quiz = _decode_quiz(row)
            _QUIZZES_BY_CODE.put(self.path, code, quiz, writes)
        return dict(quiz)

    def quizzes(self, teacher_id: int) -> list[dict]:
        rows = self.db.query(
            "select z.*, (select count(*) from attempts t where t.quiz_id = z.id and t.status = 'submitted' "
            "and t.practice = 0) as attempt_count from quizzes z where z.teacher_id = ? order by z.id desc",
            [teacher_id])
        return [_decode_quiz(r) for r in rows]

    def public_quizzes(self) -> list[dict]:
        rows = self.db.query(
            "select * from quizzes where is_public = 1 and status = 'open' order by published_at desc, id desc", [])
        return [_decode_quiz(r) for r in rows]

    def update_quiz(self, teacher_id: int, quiz_id: int, **values) -> None:
        row = _quiz_settings(values)
        for key in ("title", "status", "published_at"):
            if key in values:
                row[key] = values[key]
        if not row:
            return
        sets = ", ".join(f"{key} = :{key}" for key in row)
        self.db.execute(f"update quizzes set {sets} where id = :id and teacher_id = :teacher_id",
                        {**row, "id": quiz_id, "teacher_id": teacher_id})
        _QUIZZES_BY_CODE.forget(self.path)

    def delete_quiz(self, teacher_id: int, quiz_id: int) -> None:
        with self.db.atomic():
            if self.quiz(teacher_id, quiz_id):
                self.db.execute("delete from attempts where quiz_id = ?", [quiz_id])
                self.db.execute("delete from quizzes where id = ? and teacher_id = ?", [quiz_id, teacher_id])
        _QUIZZES_BY_CODE.forget(self.path)

    # -- stories and feeds -------------------------------------------------------------

    def story_links(self, teacher_id: int) -> dict[str, list[tuple[int, int]]]:
        """The teacher's story edits: {'together': [(a, b), ...], 'apart': [...]}."""
        links: dict[str, list[tuple[int, int]]] = {"together": [], "apart": []}
        for row in self.db.query("select * from story_links where teacher_id = ?", [teacher_id]):
            links[row["kind"]].append((row["article_a"], row["article_b"]))
        return links

    def link_articles(self, teacher_id: int, pairs: list[tuple[int, int]], kind: str) -> None:
        """Keep each pair of articles together (a merge) or apart (a split); the latest edit wins."""
        with self.db.atomic():
            for a, b in pairs:
                self.db["story_links"].upsert(
                    {"teacher_id": teacher_id, "article_a": min(a, b), "article_b": max(a, b), "kind": kind,
                     "created_at": now()}, pk=("teacher_id", "article_a", "article_b"))

    def add_feed(self, teacher_id: int, url: str, title: str | None) -> dict:
        if self._one("select id from feeds where teacher_id = ? and url = ?", [teacher_id, url]):
            raise Conflict(url)
        pk = self.db["feeds"].insert({"teacher_id": teacher_id, "url": url, "title": title,
                                      "created_at": now()}).last_pk
        return self.feed(teacher_id, pk)

    def feed(self, teacher_id: int, feed_id: int) -> dict | None:
        return self._one("select * from feeds where id = ? and teacher_id = ?", [feed_id, teacher_id])

    def feeds(self, teacher_id: int | None = None) -> list[dict]:
        """One teacher's feeds, or every teacher's (for ``quizgen feeds update``)."""
        if teacher_id is None:
            return list(self.db.query("select * from feeds order by id", []))
        return list(self.db.query("select * from feeds where teacher_id = ? order by id", [teacher_id]))

    def feed_item_keys(self, feed_id: int) -> set[str]:
        return {r["key"] for r in self.db.query("select key from feed_items where feed_id = ?", [feed_id])}

    def add_feed_article(self, teacher_id: int, feed_id: int, key: str, link: str, title: str | None,
                         article: dict) -> int:
        """Store a feed item's article and mark the item seen, in one transaction."""
        with self.db.atomic():
            article_id = self.add_article(teacher_id, article)
            self.db["feed_items"].insert({"feed_id": feed_id, "key": key, "link": link, "title": title,
                                          "article_id": article_id, "created_at": now()})
        return article_id

    def feed_checked(self, feed_id: int, error: str | None) -> None:
        """Note when a feed was last read, and what went wrong (None: nothing)."""
        self.db.execute("update feeds set checked_at = ?, error = ? where id = ?", [now(), error, feed_id])

    # -- attempts ----------------------------------------------------------------------

    def start_attempt(self, quiz_id: int, name: str, *, practice: bool = False) -> dict:
        row = {
            "quiz_id": quiz_id, "name": name.strip(), "name_key": name_key(name), "practice": int(practice),
            "seed": _shuffle_seed(), "answers": "{}", "locked": "[]", "status": "in_progress",
            "started_at": now(),
        }
        return self.attempt(self.db["attempts"].insert(row).last_pk)

    def attempt(self, attempt_id: int) -> dict | None:
        row = self._one("select * from attempts where id = ?", [attempt_id])
        return _decode_attempt(row) if row else None

    def attempts_by_name(self, quiz_id: int, name: str) -> list[dict]:
        rows = self.db.query(
            "select * from attempts where quiz_id = ? and name_key = ? and practice = 0 order by id",
            [quiz_id, name_key(name)])
        return [_decode_attempt(r) for r in rows]

    def save_progress(self, attempt_id: int, *, answers: dict | None = None, locked: list | None = None,
                      extra_seconds: int | None = None, timer_off: bool | None = None) -> None:
        """Keep a student's answers (and timer choices) as they go; never after submission."""
        row: dict = {}
        if answers is not None:
            row["answers"] = json.dumps(answers)
        if locked is not None:
            row["locked"] = json.dumps(locked)
        if extra_seconds is not None:
            row["extra_seconds"] = extra_seconds
        if timer_off is not None:
            row["timer_off"] = int(timer_off)
        if row:
            sets = ", ".join(f"{key} = :{key}" for key in row)
            self.db.execute(f"update attempts set {sets} where id = :id and status = 'in_progress'",
                            {**row, "id": attempt_id})

    def _submitted_count(self, quiz_id: int, key: str, *, but: int | None = None) -> int:
        return self._one(
            "select count(*) as n from attempts where quiz_id = ? and name_key = ? and practice = 0 "
            "and status = 'submitted' and id != ?", [quiz_id, key, but or 0])["n"]

    def submit_attempt(self, attempt_id: int, answers: dict, score: int, total: int, correct: dict, *,
                       max_per_name: int | None = None) -> bool:
        """Store the final answers and score; False when it was submitted already.

        With ``max_per_name`` (1 when retries are not allowed), raises Refused when that many attempts
        under this name are submitted already; the check and the write are one transaction, so two
        students typing one name at the same moment cannot both get in.
        """
        def work(store: Store) -> bool:
            attempt = store.attempt(attempt_id)
            if attempt is None or attempt["status"] != "in_progress":
                return False
            if max_per_name is not None and not attempt["practice"]:
                if store._submitted_count(attempt["quiz_id"], attempt["name_key"], but=attempt_id) >= max_per_name:
                    raise Refused(attempt["name"])
            cursor = store.db.conn.execute(
                "update attempts set answers = ?, score = ?, total = ?, correct = ?, status = 'submitted', "
                "submitted_at = ? where id = ? and status = 'in_progress'",
                [json.dumps(answers), score, total, json.dumps(correct), now(), attempt_id])
            return cursor.rowcount == 1

        return self.write(work)

    def record_attempt(self, quiz_id: int, name: str, answers: dict, score: int, total: int, correct: dict, *,
                       max_per_name: int | None = None) -> int:
        """Store a whole graded attempt at once (the API's one-call submission) and return its id.

        Raises Refused when ``max_per_name`` attempts under this name are submitted already; the
        check and the insert are one transaction.
        """
        key = name_key(name)
        row = [quiz_id, name.strip(), key, _shuffle_seed(), json.dumps(answers), score, total,
               json.dumps(correct)]

        def work(store: Store) -> int:
            stamp = now()
            cursor = store.db.conn.execute(
                "insert into attempts (quiz_id, name, name_key, practice, seed, answers, locked, status, score, "
                "total, correct, extra_seconds, timer_off, started_at, submitted_at) "
                "select ?, ?, ?, 0, ?, ?, '[]', 'submitted', ?, ?, ?, 0, 0, ?, ? "
                "where ? is null or (select count(*) from attempts where quiz_id = ? and name_key = ? "
                "and practice = 0 and status = 'submitted') < ?",
                [*row, stamp, stamp, max_per_name, quiz_id, key, max_per_name])
            if cursor.rowcount != 1:
                raise Refused(name)
            return cursor.lastrowid

        return self.write(work, one_statement=True)

    def submitted_attempts(self, quiz_id: int) -> list[dict]:
        rows = self.db.query(
            "select * from attempts where quiz_id = ? and status = 'submitted' and practice = 0 "
            "order by submitted_at, id", [quiz_id])
        return [_decode_attempt(r) for r in rows]


def backup_database(source: str, dest: str) -> int:
    """Copy the database at ``source`` to ``dest`` (online: the server may keep writing) and check the
    copy's integrity; returns its page count. The copy is written beside ``dest`` and renamed over it
    only when complete, so a failed backup never leaves a half-written file under that name."""
    partial = f"{dest}.partial"
    if os.path.exists(partial):
        os.remove(partial)
    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        target = sqlite3.connect(partial)
        try:
            conn.backup(target, pages=256, sleep=0.005)
            target.execute("PRAGMA journal_mode = DELETE")
            check = target.execute("PRAGMA integrity_check").fetchone()[0]
            pages = target.execute("PRAGMA page_count").fetchone()[0]
        finally:
            target.close()
    finally:
        conn.close()
    if check != "ok":
        os.remove(partial)
        raise sqlite3.DatabaseError(f"the copy failed its integrity check: {check}")
    os.replace(partial, dest)
    return pages


def _quiz_settings(values: dict) -> dict:
    row = {}
    for key in ("shuffle_questions", "shuffle_choices", "allow_retries", "is_public"):
        if key in values:
            row[key] = int(bool(values[key]))
    if "feedback" in values:
        row["feedback"] = "each" if values["feedback"] == "each" else "end"
    if "time_limit" in values:
        limit = values["time_limit"]
        row["time_limit"] = int(limit) if limit else None
    return row
