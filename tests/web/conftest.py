"""Fixtures for the web app's test-client tests: an app on its own database per test, logged-in teachers."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from quizgen.web import create_app, services

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SEED_001_TEXT = next(
    p for p in __import__("quizgen.samples", fromlist=["x"]).sample_paths() if p.name.startswith("001_")
).read_text(encoding="utf-8")


class Client(FlaskClient):
    """A test client that can fill in a form's CSRF token, as a browser would."""

    def csrf(self) -> str:
        return CSRF.search(self.get("/login").get_data(as_text=True)).group(1)

    def form(self, url: str, data: dict | None = None, **kwargs):
        return self.post(url, data={"csrf_token": self.csrf(), **(data or {})}, **kwargs)

    def signup(self, email: str, name: str = "Teacher", password: str = "correct horse"):
        return self.form("/signup", {"email": email, "name": name, "password": password})

    def add_article(self, text: str = SEED_001_TEXT, **fields) -> int:
        response = self.form("/articles", {"text": text, **fields})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        self.get(response.location)  # shows (and so clears) the flashed message
        return int(response.location.rsplit("/", 1)[1])


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "DATABASE": str(tmp_path / "quizgen.db"),
        "SECRET_KEY": "test-secret",
        "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    app.test_client_class = Client
    return app


@pytest.fixture
def client(app) -> Client:
    return app.test_client()


@pytest.fixture
def teacher(app) -> Client:
    client = app.test_client()
    assert client.signup("ann@school.test", "Ann Teacher").status_code == 302
    return client


@pytest.fixture
def other(app) -> Client:
    client = app.test_client()
    assert client.signup("bob@school.test", "Bob Teacher").status_code == 302
    return client


def _span(text: str, sentence_start: str, article_id) -> dict:
    start = max(text.find(sentence_start), 0)  # other articles: their first sentence
    end = text.find(".", start) + 1 or len(text)
    return {"article_id": article_id, "start": start, "end": end, "text": text[start:end]}


def hand_questions(row: dict) -> list[dict]:
    """Four questions of every type over seed article 001, built by hand (no spaCy)."""
    text, aid = row["text"], row["id"]
    factory = _span(text, "The agency said in a separate cable", aid)
    weapons = _span(text, "Tensions have risen over a series of six", aid)
    defend = _span(text, "Kim called for strengthening", aid)
    return [
        {"type": "multiple_choice", "prompt": "Who visited a munitions factory?",
         "choices": ["Moon Jae-in", "Kim Jong Un", "Joe Biden", "Xi Jinping"], "answer": "Kim Jong Un",
         "accepted_answers": ["Kim Jong Un"], "explanation": "The article says Kim visited the factory.",
         "evidence": [factory], "answer_span": None, "focus": "person", "difficulty": "easy", "score": 0.9},
        {"type": "true_false", "prompt": "North Korea carried out six weapons tests since the start of the year.",
         "choices": ["True", "False"], "answer": "True", "accepted_answers": ["True"],
         "explanation": "Six weapons tests since the start of the year.", "evidence": [weapons],
         "answer_span": None, "focus": "number", "difficulty": "medium", "score": 0.8},
        {"type": "fill_blank", "prompt": "Kim called for strengthening national ____ to cope with instability.",
         "choices": [], "answer": "defenses", "accepted_answers": ["defenses", "defences"],
         "explanation": "He called for strengthening national defenses.", "evidence": [defend],
         "answer_span": None, "focus": "term", "difficulty": "medium", "score": 0.7},
        {"type": "short_answer", "prompt": "How many weapons tests has North Korea made this year?",
         "choices": [], "answer": "six", "accepted_answers": ["six", "6"],
         "explanation": "A series of six weapons tests.", "evidence": [weapons],
         "answer_span": None, "focus": "number", "difficulty": "hard", "score": 0.6},
    ]


@pytest.fixture
def fake_generate(monkeypatch):
    """Generation without spaCy: the four hand-built questions for each article."""
    calls = []

    def generate(rows, count=10, seed=None):
        calls.append((tuple(r["id"] for r in rows), count, seed))
        out = []
        for row in rows:
            out += hand_questions(row)
        return out[:count] if seed is None else list(reversed(out))[:count]

    monkeypatch.setattr(services, "generate", generate)
    return calls


@pytest.fixture
def article_with_questions(teacher, fake_generate) -> int:
    article_id = teacher.add_article(title="Missile tests")
    assert teacher.form(f"/articles/{article_id}/generate", {"count": "10"}).status_code == 302
    return article_id


def question_ids(client: Client, article_id: int) -> list[int]:
    html = client.get(f"/articles/{article_id}").get_data(as_text=True)
    return [int(i) for i in re.findall(r'<li class="card" id="q-(\d+)"', html)]


def make_quiz(client: Client, article_id: int, publish: bool = True, **settings) -> tuple[int, str]:
    ids = question_ids(client, article_id)
    data = {"title": "Missile quiz", "question": [str(i) for i in ids], "feedback": "end"}
    data.update({k: ("on" if v is True else v) for k, v in settings.items() if v is not False})
    response = client.form("/quizzes/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    quiz_id = int(response.location.rsplit("/", 1)[1])
    if publish:
        assert client.form(f"/quizzes/{quiz_id}/status", {"action": "publish"}).status_code == 302
    html = client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    code = re.search(r'<code>(\w+)</code>|id="join-code">(\w+)<', html)
    return quiz_id, (code.group(1) or code.group(2)) if code else ""


def join(client: Client, code: str, name: str):
    page = client.get(f"/j/{code}").get_data(as_text=True)
    token = CSRF.search(page).group(1)
    return client.post(f"/j/{code}", data={"csrf_token": token, "name": name})
