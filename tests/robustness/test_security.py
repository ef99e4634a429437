"""Security: an authorisation matrix over every route, XSS payloads escaped on every page and in every
export, CSRF on every form, headers, cookie flags, a renewed session at log-in, no secret committed."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from quizgen.export import EXPORTERS, export
from quizgen.web import create_app, services
from tests.robustness.conftest import NO_LIMITS, CSRF, ROOT, Client, hand_questions, join

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"
RAW = ("<script>alert(1)", "<img src=x onerror")
SECRET_EXPLANATION = "The article says Kim visited the factory."  # shown only after answering


# -- a world: two teachers, an article, questions, a published quiz, a student who joined ------------


class World:
    pass


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("world")
    patch = pytest.MonkeyPatch()
    patch.setattr(services, "generate", lambda rows, count=10, seed=None: [q for r in rows for q in hand_questions(r)])
    app = create_app({"TESTING": True, "DATABASE": str(tmp / "w.db"), "SECRET_KEY": "world",
                      "INSTANCE_PATH": str(tmp / "inst"), **NO_LIMITS})
    app.test_client_class = Client
    w = World()
    w.app = app
    w.owner, w.other, w.student, w.anonymous = (app.test_client() for _ in range(4))
    w.owner.signup("ann@school.test", "Ann Teacher")
    w.other.signup("bob@school.test", "Bob Teacher")
    w.article_id = w.owner.add_article(title="Missile tests")
    w.owner.form(f"/articles/{w.article_id}/generate", {"count": "10"})
    ids = [int(i) for i in re.findall(r'id="q-(\d+)"', w.owner.get(f"/articles/{w.article_id}").get_data(as_text=True))]
    w.question_id = ids[0]
    response = w.owner.form("/quizzes/new", {"title": "Missile quiz", "question": [str(i) for i in ids],
                                             "feedback": "each", "is_public": "on", "allow_retries": "on"})
    w.quiz_id = int(response.location.rsplit("/", 1)[1])
    w.owner.form(f"/quizzes/{w.quiz_id}/status", {"action": "publish"})
    w.code = re.search(r"<code>(\w+)</code>|id=\"join-code\">(\w+)<",
                       w.owner.get(f"/quizzes/{w.quiz_id}").get_data(as_text=True)).group(0)
    w.code = re.sub(r"\W|code|id|join", "", w.code)
    assert join(w.student, w.code, "Stu Dent").status_code == 302
    w.tokens = {}
    for role, email in (("owner", "ann@school.test"), ("other", "bob@school.test")):
        token = w.anonymous.post("/api/v1/tokens", json={"email": email, "password": "correct horse"})
        w.tokens[role] = {"Authorization": f"Bearer {token.get_json()['token']}"}
    yield w
    patch.undo()


VALUES = {"article_id": "article_id", "question_id": "question_id", "quiz_id": "quiz_id", "code": "code"}


def _url(world: World, rule) -> str:
    values = {}
    for arg in rule.arguments:
        if arg in VALUES:
            values[arg] = getattr(world, VALUES[arg])
        else:
            values[arg] = {"qid": "q1", "fmt": "json", "filename": "app.css"}.get(arg, "1")
    with world.app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


# Who may use each route: "public", "student" (needs an attempt in this browser), "teacher" (logged in,
# own rows only), "api-public", "api-teacher" (bearer token, own rows only). A route missing here is
# treated as "teacher": anonymous visitors and students are turned away.
ACCESS = {
    "static": "public", "healthz": "public", "student.home": "public", "student.join_form": "public",
    "student.join": "public", "student.practice": "public", "student.practice_start": "public",
    "auth.login": "public", "auth.signup": "public", "auth.logout": "public",
    "student.play": "student", "student.submit": "student", "student.save": "student", "student.check": "student",
    "student.timer": "student", "student.result": "student", "student.again": "student",
    "api.create_teacher": "api-public", "api.create_token": "api-public", "api.play": "api-public",
    "api.attempt": "api-public",
    "api.create_article": "api-teacher", "api.generate_questions": "api-teacher", "api.create_quiz": "api-teacher",
    "api.get_quiz": "api-teacher", "api.quiz_results": "api-teacher",
}
OWNED = ("article_id", "question_id", "quiz_id")
ROLES = ("anonymous", "student", "other", "owner")


def _routes():
    app = create_app({"TESTING": True, "DATABASE": ":memory:", "SECRET_KEY": "x"})
    out = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            out.append(pytest.param(rule.rule, rule.endpoint, method, id=f"{method} {rule.rule}"))
    return out


def _call(world: World, role: str, method: str, url: str, api: bool):
    client = getattr(world, role)
    if api:
        headers = world.tokens.get(role, {})
        return client.open(url, method=method, json={}, headers=headers)
    if method == "GET":
        return client.get(url)
    return client.post(url, data={"csrf_token": client.csrf()})


@pytest.mark.parametrize("rule_text, endpoint, method", _routes())
def test_authorisation_matrix(world, rule_text, endpoint, method):
    rule = next(r for r in world.app.url_map.iter_rules() if r.rule == rule_text and r.endpoint == endpoint)
    kind = ACCESS.get(endpoint, "teacher")
    url = _url(world, rule)
    destructive = endpoint.split(".")[-1].startswith("delete")
    owned = any(a in OWNED for a in rule.arguments)
    seen = {}
    for role in ROLES:
        if role == "owner" and destructive:
            continue  # the others' failed attempts are checked below: the rows are still there
        response = _call(world, role, method, url, kind.startswith("api"))
        if endpoint == "auth.logout" and role in ("owner", "other"):
            email = {"owner": "ann@school.test", "other": "bob@school.test"}[role]
            getattr(world, role).form("/login", {"email": email, "password": "correct horse"})
        status = response.status_code
        body = response.get_data(as_text=True)
        seen[role] = status
        assert status < 500, (role, status, body[:300])
        assert "Traceback" not in body
        if role in ("anonymous", "other") or (role == "student" and endpoint != "student.result"):
            assert SECRET_EXPLANATION not in body, f"{role} saw an explanation before answering"
        if kind == "teacher" and role in ("anonymous", "student"):
            assert status == 302 and "/login" in response.location, (role, status)
        if kind == "teacher" and role == "other" and owned:
            assert status == 404, (role, status)
        if kind == "api-teacher" and role in ("anonymous", "student"):
            assert status == 401, (role, status)
        if kind == "api-teacher" and role == "other" and owned:
            assert status in (403, 404), (role, status)
        if kind == "student" and role in ("anonymous", "other", "owner"):
            # no attempt in this browser: sent to the join page, or nothing to act on
            assert status in (302, 404) and (status == 404 or "/j/" in response.location), (role, status)
        known = all(a in VALUES for a in rule.arguments)  # else the fixture has no such row: 404 is right
        if role == "owner" and kind in ("teacher", "api-teacher"):
            assert status in (200, 201, 302, 400, 409) or (status == 404 and not known), (role, status, body[:300])
    assert world.app.test_client  # the matrix ran for every role
    store = __import__("quizgen.store", fromlist=["Store"]).Store(world.app.config["DATABASE"])
    assert store.article(1, world.article_id) is not None
    assert store.quiz(1, world.quiz_id) is not None


def test_every_route_is_classified():
    """A new route must be placed in the matrix (or it is checked as a teacher's page)."""
    endpoints = {p.values[1] for p in _routes()}
    unclassified = sorted(e for e in endpoints if e not in ACCESS and not e.startswith(("teacher.", "feeds.", "stories.")))
    assert unclassified == [], unclassified


# -- XSS -----------------------------------------------------------------------------------------------


def _assert_escaped(text: str, where: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{where}: unescaped {raw!r}"


@pytest.fixture
def xss_world(tmp_path, monkeypatch):
    monkeypatch.setattr(services, "generate", lambda rows, count=10, seed=None:
                        [q for r in rows for q in hand_questions(r)])
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "x.db"), "SECRET_KEY": "x",
                      "INSTANCE_PATH": str(tmp_path / "inst"), **NO_LIMITS})
    app.test_client_class = Client
    teacher = app.test_client()
    teacher.signup("evil@school.test", XSS)
    text = (f"Headline {XSS}\n\nThe council of {XSS} met on Monday to discuss a new plan for the city schools. "
            "Kim Jong Un visited a munitions factory, the agency said in a separate cable on Friday.")
    article_id = teacher.add_article(text=text, title=f"Title {XSS}")
    teacher.form(f"/articles/{article_id}/generate", {"count": "10"})
    html = teacher.get(f"/articles/{article_id}").get_data(as_text=True)
    qid = int(re.search(r'id="q-(\d+)"', html).group(1))
    evidence = "Kim Jong Un visited a munitions factory, the agency said in a separate cable on Friday."
    response = teacher.form(f"/questions/{qid}/edit", {
        "type": "multiple_choice", "prompt": f"Who {XSS} visited?", "choice-0": f"Kim {XSS}",
        "choice-1": "Moon", "choice-2": "Biden", "choice-3": "Xi", "key": "0",
        "explanation": f"Because {XSS}", "evidence": evidence, "focus": "person", "difficulty": "easy"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    ids = re.findall(r'id="q-(\d+)"', teacher.get(f"/articles/{article_id}").get_data(as_text=True))
    response = teacher.form("/quizzes/new", {"title": f"Quiz {XSS}", "question": ids, "feedback": "each",
                                             "is_public": "on"})
    quiz_id = int(response.location.rsplit("/", 1)[1])
    teacher.form(f"/quizzes/{quiz_id}/status", {"action": "publish"})
    code = app.test_client()  # placeholder, replaced below
    store = __import__("quizgen.store", fromlist=["Store"]).Store(app.config["DATABASE"])
    code = store.quiz(1, quiz_id)["code"]
    student = app.test_client()
    assert join(student, code, f"Stu {XSS}").status_code == 302
    page = student.get(f"/play/{code}").get_data(as_text=True)
    token = CSRF.search(page).group(1)
    student.post(f"/play/{code}", data={"csrf_token": token, "answer-q1": f"Kim {XSS}"})
    return app, teacher, student, article_id, qid, quiz_id, code


def test_xss_payloads_are_escaped_on_every_page(xss_world):
    app, teacher, student, article_id, qid, quiz_id, code = xss_world
    pages = {
        teacher: ["/articles", f"/articles/{article_id}", f"/questions/{qid}/edit", "/quizzes", f"/quizzes/{quiz_id}",
                  f"/quizzes/{quiz_id}/results", f"/articles/{article_id}/questions/new", "/quizzes/new",
                  f"/quizzes/{quiz_id}/qr.svg", "/articles?q=council"],
        student: [f"/play/{code}/result", f"/j/{code}", "/practice"],
    }
    seen_payload = 0
    for client, urls in pages.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.get_data(as_text=True)
            _assert_escaped(body, url)
            seen_payload += "alert(1)" in body
    assert seen_payload >= 8  # the payload is shown (escaped), not silently dropped
    api = student.get(f"/api/v1/play/{code}")
    assert api.mimetype == "application/json" and api.headers["X-Content-Type-Options"] == "nosniff"
    assert "alert(1)" in api.get_json()["title"]  # data in JSON, never served as a page
    results_csv = teacher.get(f"/quizzes/{quiz_id}/results.csv").get_data(as_text=True)
    assert "alert(1)" in results_csv  # CSV is data, served as text/csv with nosniff


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_xss_payloads_are_escaped_in_every_export(xss_world, fmt):
    app, teacher, student, article_id, qid, quiz_id, code = xss_world
    response = teacher.get(f"/quizzes/{quiz_id}/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.get_data()
    for text, where in _export_texts(fmt, data):
        _assert_escaped(text, f"{fmt}:{where}")


def _export_texts(fmt: str, data: bytes):
    """The text of an export at the level a program that imports it renders as HTML."""
    if fmt in ("html", "html-student"):
        yield data.decode(), "page"
    elif fmt == "md":
        text = data.decode()
        assert re.search(r"(?<!\\)<", text) is None, "a bare < in Markdown is HTML to most renderers"
        yield text.replace("\\<", "&lt;"), "markdown"
    elif fmt == "gift":
        text = data.decode()
        assert "[html]" in text
        # question text, choices and feedback are [html]; a short-answer key ("=..." in a block without
        # "~" choices) is plain text Moodle compares with what the student typed and shows escaped
        for block in text.split("\n\n"):
            lines = block.splitlines()
            if not any(line.startswith("~") for line in lines):
                lines = [line for line in lines if not line.startswith("=")]
            yield "\n".join(lines).replace("\\", ""), "gift"
    elif fmt == "moodle":
        root = etree.fromstring(data)
        for el in root.iter("text"):
            if el.getparent().get("format") == "html":  # Moodle renders these as HTML
                yield el.text or "", el.getparent().tag
    elif fmt == "qti":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.endswith(".xml"):
                    root = etree.fromstring(archive.read(name))
                    for el in root.iter("{*}mattext", "mattext"):
                        yield el.text or "", f"{name}:mattext"
    elif fmt == "json":
        json.loads(data)  # JSON, served as application/json: a string's characters are not markup
    elif fmt == "csv":
        data.decode("utf-8-sig")
    elif fmt in ("kahoot", "quizizz"):
        zipfile.ZipFile(io.BytesIO(data)).testzip()  # cells are text in a workbook, not markup
    else:
        pytest.fail(f"add the {fmt} export to this test")


def test_every_exporter_escapes_payloads_in_the_document_itself():
    """The same check straight on the exporters, with the payload in every field of the document."""
    doc = {"quizgen_version": "0.1.0",
           "articles": [{"id": "a1", "title": XSS, "date": None, "source": XSS, "word_count": 9,
                         "reading_level": {"flesch_kincaid_grade": 5.0}, "text": f"It was {XSS} indeed, said Kim."}],
           "questions": [{"id": "q1", "type": "multiple_choice", "prompt": f"Who {XSS}?",
                          "choices": [f"A {XSS}", "B", "C", "D"], "answer": f"A {XSS}", "accepted_answers": [f"A {XSS}"],
                          "explanation": XSS, "evidence": [{"article_id": "a1", "start": 0, "end": 6, "text": "It was"}],
                          "answer_span": None, "focus": "person", "difficulty": "easy", "score": 0.5},
                         {"id": "q2", "type": "short_answer", "prompt": f"What {XSS}?", "choices": [],
                          "answer": XSS, "accepted_answers": [XSS], "explanation": XSS,
                          "evidence": [{"article_id": "a1", "start": 0, "end": 6, "text": "It was"}],
                          "answer_span": None, "focus": "term", "difficulty": "hard", "score": 0.4}]}
    for fmt in EXPORTERS:
        for text, where in _export_texts(fmt, export(doc, fmt)):
            _assert_escaped(text, f"{fmt}:{where}")


# -- CSRF, headers, cookies, sessions -------------------------------------------------------------------


@pytest.mark.parametrize("rule_text, endpoint, method", [p for p in _routes() if p.values[2] == "POST"
                                                          and not p.values[0].startswith("/api/")])
def test_every_form_needs_its_csrf_token(world, rule_text, endpoint, method):
    rule = next(r for r in world.app.url_map.iter_rules() if r.rule == rule_text and r.endpoint == endpoint)
    for role in ("owner", "student", "anonymous"):
        response = getattr(world, role).post(_url(world, rule), data={"name": "x", "action": "publish"})
        assert response.status_code == 400, (role, response.status_code)
        assert "security token" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/login", "/practice", "/api/v1/play/NOPE99", "/healthz", "/nowhere"])
def test_security_headers_everywhere(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_carry_no_inline_script_or_handler(world):
    pages = [("owner", "/articles"), ("owner", f"/articles/{world.article_id}"), ("owner", f"/quizzes/{world.quiz_id}"),
             ("owner", f"/questions/{world.question_id}/edit"), ("owner", "/quizzes/new"),
             ("owner", f"/quizzes/{world.quiz_id}/results"), ("student", f"/play/{world.code}"),
             ("anonymous", "/"), ("anonymous", "/login"), ("anonymous", "/signup"), ("anonymous", f"/j/{world.code}")]
    for role, url in pages:
        html = getattr(world, role).get(url).get_data(as_text=True)
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script, (url, script)
        assert re.findall(r"<script\b[^>]*>\s*(?!</script>)\S", html) == [], url
        assert re.search(r"\son[a-z]+\s*=", html) is None, url
        assert re.search(r"\sstyle\s*=", html) is None, url
        assert "javascript:" not in html.lower(), url


def test_session_cookie_flags_and_secure_switch(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_SECURE_COOKIES", "true")
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "s.db"), "SECRET_KEY": "s",
                      "INSTANCE_PATH": str(tmp_path / "i")})
    app.test_client_class = Client
    cookie = app.test_client().signup("sec@school.test").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_session_is_renewed_at_log_in(app, client):
    client.signup("ann@school.test", "Ann")
    client.form("/logout")
    # a session planted before log-in (a fixation attempt, or a shared computer's leftovers)
    with client.session_transaction() as session:
        session["planted"] = "attacker"
        session["attempts"] = {"ABCDEF": 1}
    before = client.get_cookie("session").value
    response = client.form("/login", {"email": "ann@school.test", "password": "correct horse"})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session and "attempts" not in session and session["teacher_id"] == 1
    assert client.get_cookie("session").value != before


def test_logout_forgets_the_teacher(app, client):
    client.signup("ann@school.test", "Ann")
    assert client.get("/articles").status_code == 200
    client.form("/logout")
    response = client.get("/articles")
    assert response.status_code == 302 and "/login" in response.location


# -- no secret in the repository ---------------------------------------------------------------------------

SECRET_PATTERNS = [
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"), "a private key"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "an AWS access key"),
    (re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"), "a GitHub token"),
    (re.compile(r"\bsk-[A-Za-z0-9]{20,}\b"), "an API key"),
    (re.compile(r"""SECRET_KEY\s*[=:]\s*["'](?!test|\.\.\.)[^"']{8,}["']"""), "a hard-coded secret key"),
]
ALLOWED_PASSWORDS = {"quizgen-demo"}  # the documented demo account


def _tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / line for line in out.splitlines() if line]


def test_no_secret_is_committed():
    files = _tracked_files()
    assert files, "git ls-files found nothing"
    problems = []
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        if name.endswith((".db", ".sqlite", ".sqlite3", ".pem", ".key")) or name.endswith("secret_key") \
                or name.startswith("instance/") or name == ".env":
            problems.append(f"{name}: must not be committed")
            continue
        if name.startswith("tests/") or not path.is_file() or path.suffix in (".xlsx", ".zip", ".png"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for pattern, what in SECRET_PATTERNS:
            if pattern.search(text):
                problems.append(f"{name}: {what}")
        if name.startswith(("quizgen/", "templates/")):
            for literal in re.findall(r"""PASSWORD\s*=\s*["']([^"']+)["']""", text):
                if literal not in ALLOWED_PASSWORDS:
                    problems.append(f"{name}: a password literal")
    assert problems == []


def test_gitignore_keeps_the_instance_folder_out():
    ignored = subprocess.run(["git", "check-ignore", "instance/secret_key", "instance/quizgen.db"], cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    assert ignored == ["instance/secret_key", "instance/quizgen.db"]
