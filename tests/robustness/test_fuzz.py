"""Fuzzing with hypothesis: ingestion and every JSON API body. Whatever comes in, the answer is an
Article or a clear InputError (ingestion), or a JSON 2xx/4xx (API): never a 500, never a traceback.

About 4,000 cases in all, bounded so the suite stays fast (generation is stubbed: no spaCy here).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError
from quizgen.ingest import parse_bytes, parse_text
from quizgen.models import Article
from quizgen.web import create_app, services
from tests.robustness.conftest import NO_LIMITS, SEED_001_TEXT, Client, hand_questions, seed_quiz

def fuzz(max_examples: int):
    return settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck),
                    derandomize=True, database=None)

WORDS = st.sampled_from(["The", "council", "said", "on", "Monday", "that", "Kim", "visited", "a", "factory", "in",
                         "Pyongyang", "2024-01-05", "date", "title:", "\n", "\n\n", ".", "\"", "<p>", "</p>",
                         "<html>", "<title>", "ü", "日本", "\x00", "\ufeff", "#", "*", "  "])
ARTICLE_LIKE = st.lists(WORDS, max_size=80).map(" ".join)


def _ingests(call) -> None:
    try:
        article = call()
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert isinstance(article, Article) and article.text.strip()
    for start, text in article.paragraphs:
        assert article.text[start:start + len(text)] == text


@fuzz(600)
@given(data=st.binary(max_size=3000), is_html=st.sampled_from([None, True, False]))
def test_parse_bytes_never_fails_badly(data, is_html):
    _ingests(lambda: parse_bytes(data, source="fuzz.txt", is_html=is_html, max_chars=2000))


@fuzz(600)
@given(text=st.one_of(st.text(max_size=2000), ARTICLE_LIKE))
def test_parse_text_never_fails_badly(text):
    _ingests(lambda: parse_text(text, max_chars=1500))


@fuzz(200)
@given(text=ARTICLE_LIKE, wrap=st.booleans(), charset=st.sampled_from(["utf-8", "latin-1", "utf-16", "nonsense"]))
def test_html_ingestion_never_fails_badly(text, wrap, charset):
    html = f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>{text}</p></body></html>' if wrap else text
    data = html.encode("utf-8", "surrogatepass")
    _ingests(lambda: parse_bytes(data, source="fuzz.html", is_html=True, max_chars=5000))


# -- the API ------------------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
IDS = st.lists(st.one_of(st.integers(min_value=-3, max_value=12), st.integers(), JSON_VALUES), max_size=5)
FIELDS = {
    "email": st.one_of(st.emails(), JSON_VALUES), "password": st.one_of(st.text(min_size=8, max_size=20), JSON_VALUES),
    "name": st.one_of(st.text(max_size=70), JSON_VALUES), "text": st.one_of(ARTICLE_LIKE, JSON_VALUES),
    "url": st.one_of(st.sampled_from(["ftp://x", "http://", "not a url", ""]), JSON_VALUES),
    "title": st.one_of(st.text(max_size=40), JSON_VALUES), "date": st.one_of(st.text(max_size=12), JSON_VALUES),
    "count": st.one_of(st.integers(min_value=-5, max_value=40), JSON_VALUES),
    "question_ids": IDS, "article_ids": IDS,
    "answers": st.one_of(st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q4", "q9"]), JSON_VALUES, max_size=5),
                         JSON_VALUES),
    "feedback": JSON_VALUES, "time_limit": JSON_VALUES, "publish": JSON_VALUES, "shuffle_choices": JSON_VALUES,
}
BODIES = st.one_of(st.fixed_dictionaries({}, optional=FIELDS), JSON_VALUES)
RAW_BODIES = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))


class ApiWorld:
    """One app with a teacher, a token, an article with questions and an open quiz; rate limits off."""

    def __init__(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        db = Path(self.tmp.name) / "fuzz.db"
        self.quiz = seed_quiz(db, allow_retries=True)
        self.app = create_app({"TESTING": True, "DATABASE": str(db), "SECRET_KEY": "fuzz", **NO_LIMITS,
                               "INSTANCE_PATH": str(Path(self.tmp.name) / "inst"), "PROPAGATE_EXCEPTIONS": False})
        self.app.test_client_class = Client
        self.client = self.app.test_client()
        self.client.post("/api/v1/teachers", json={"email": "fuzz@school.test", "password": "fuzz password",
                                                   "name": "Fuzz"})
        token = self.client.post("/api/v1/tokens", json={"email": "fuzz@school.test", "password": "fuzz password"})
        self.auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
        article = self.client.post("/api/v1/articles", json={"text": SEED_001_TEXT}, headers=self.auth).get_json()
        self.article_id = article["id"]
        self.client.post(f"/api/v1/articles/{self.article_id}/questions", json={}, headers=self.auth)


@pytest.fixture(scope="module")
def api_world():
    patch = pytest.MonkeyPatch()
    patch.setattr(services, "generate", lambda rows, count=10, seed=None:
                  [q for r in rows for q in hand_questions(r)][:count])
    world = ApiWorld()
    yield world
    patch.undo()
    world.tmp.cleanup()


def _routes(world: ApiWorld) -> list[tuple[str, str]]:
    code = world.quiz["code"]
    return [("POST", "/api/v1/teachers"), ("POST", "/api/v1/tokens"), ("POST", "/api/v1/articles"),
            ("POST", f"/api/v1/articles/{world.article_id}/questions"), ("POST", "/api/v1/quizzes"),
            ("GET", "/api/v1/quizzes/1"), ("GET", "/api/v1/quizzes/1/results"), ("GET", f"/api/v1/play/{code}"),
            ("POST", f"/api/v1/play/{code}/attempts")]


def _answers_cleanly(response) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if 300 <= response.status_code < 400:  # werkzeug tidying a path ("//" -> "/"): a redirect, not an error
        assert response.location
        return
    assert response.mimetype == "application/json"
    data = json.loads(body)
    if response.status_code >= 400:
        assert isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"]


ROUTE_NUMBERS = st.integers(min_value=0, max_value=8)


@fuzz(1500)
@given(route=ROUTE_NUMBERS, body=BODIES, with_token=st.booleans())
def test_api_json_bodies_never_fail_badly(api_world, route, body, with_token):
    method, path = _routes(api_world)[route]
    headers = api_world.auth if with_token else {}
    _answers_cleanly(api_world.client.open(path, method=method, json=body, headers=headers))


@fuzz(500)
@given(route=ROUTE_NUMBERS, data=RAW_BODIES, content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=latin-1"]))
def test_api_raw_bodies_never_fail_badly(api_world, route, data, content_type):
    method, path = _routes(api_world)[route]
    response = api_world.client.open(path, method=method, data=data, headers=api_world.auth,
                                      content_type=content_type or None)
    _answers_cleanly(response)


@fuzz(300)
@given(code=st.text(max_size=12), tail=st.sampled_from(["", "/attempts"]), number=st.integers())
def test_api_paths_never_fail_badly(api_world, code, tail, number):
    from urllib.parse import quote

    for path in (f"/api/v1/play/{quote(code, safe='')}{tail}", f"/api/v1/quizzes/{number}",
                 f"/api/v1/articles/{number}/questions"):
        method = "POST" if path.endswith(("attempts", "questions")) else "GET"
        response = api_world.client.open(path, method=method, json={"name": "x", "answers": {}},
                                          headers=api_world.auth)
        _answers_cleanly(response)
