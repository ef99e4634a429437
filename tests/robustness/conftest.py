"""Fixtures for the robustness tests: the web app's fixtures, a published quiz, a live server process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import (  # noqa: F401  (fixtures, re-exported for these tests)
    CSRF, SEED_001_TEXT, Client, app, article_with_questions, client, fake_generate, hand_questions, join, make_quiz,
    other, question_ids, teacher,
)

ROOT = Path(__file__).resolve().parents[2]

# Limits high enough never to trigger. (Not RATELIMIT_ENABLED=False: the limiter is one object shared by
# every app of the process, and switching it off would switch it off for the tests that follow.)
NO_LIMITS = {"RATELIMIT_LOGIN": "100000 per minute", "RATELIMIT_GENERATE": "100000 per minute",
             "RATELIMIT_ATTEMPT": "100000 per minute"}


@pytest.fixture
def published(teacher, article_with_questions) -> tuple[int, str]:
    """(quiz id, join code) of Ann's published quiz of the four hand-made questions."""
    return make_quiz(teacher, article_with_questions)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``quizgen serve`` in its own process on a free loopback port, with its own database."""

    def __init__(self, db: Path, env: dict | None = None) -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, "QUIZGEN_SECRET_KEY": "robustness-test", "QUIZGEN_INSTANCE_PATH":
                       str(db.parent / "instance"), **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from quizgen.cli import main; main()", "serve", "--db", str(db),
             "--port", str(self.port)],
            cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=(db.parent / "server.log").open("wb"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {(db.parent / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not start in 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def start_server(tmp_path):
    servers = []

    def start(env: dict | None = None, db: Path | None = None) -> Server:
        server = Server(db or tmp_path / "live.db", env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def seed_quiz(db: Path, *, allow_retries: bool = False) -> dict:
    """A teacher and a published quiz of the four hand-made questions, written straight into ``db``
    (no spaCy): returns {code, quiz_id, document}."""
    from quizgen.ingest import parse_text
    from quizgen.store import Store
    from quizgen.web import services

    store = Store(str(db))
    try:
        teacher = store.create_teacher("seed@school.test", "Seed Teacher", "x")
        row = services.article_row(parse_text(SEED_001_TEXT))
        article_id = store.add_article(teacher["id"], row)
        row = store.article(teacher["id"], article_id)
        ids = store.add_questions(teacher["id"], article_id, hand_questions(row))
        quiz = services.build_quiz(store, teacher["id"], "Seeded quiz", store.questions_by_ids(teacher["id"], ids),
                                   allow_retries=allow_retries)
        store.update_quiz(teacher["id"], quiz["id"], status="open", published_at="2024-01-01T00:00:00+00:00")
        return {"code": quiz["code"], "quiz_id": quiz["id"], "document": quiz["document"]}
    finally:
        store.close()
