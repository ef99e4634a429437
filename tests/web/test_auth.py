"""Teachers sign up, log in and out; passwords hashed; sessions; CSRF on every form; rate limits."""

from __future__ import annotations

from quizgen.store import Store

from .conftest import CSRF


def test_signup_logs_in_and_hashes_the_password(app, client):
    response = client.signup("Ann@School.test", "Ann", "correct horse")
    assert response.status_code == 302 and response.location.endswith("/articles")
    assert "Ann" in client.get("/articles").get_data(as_text=True)
    row = Store(app.config["DATABASE"]).teacher_by_email("ann@school.test")
    assert row["password_hash"] != "correct horse" and row["password_hash"].startswith(("scrypt:", "pbkdf2:"))


def test_signup_checks_its_fields(client):
    response = client.signup("not-an-address", "", "short")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "valid e-mail" in html and "at least 8 characters" in html and "Give your name" in html


def test_signup_refuses_a_taken_address(client, teacher):
    response = client.signup("ANN@school.test", "Another Ann")
    assert response.status_code == 400
    assert "exists already" in response.get_data(as_text=True)


def test_login_logout(client, teacher):
    teacher.form("/logout")
    assert teacher.get("/articles").status_code == 302
    bad = client.form("/login", {"email": "ann@school.test", "password": "wrong password"})
    assert bad.status_code == 400 and "wrong" in bad.get_data(as_text=True)
    good = client.form("/login?next=/quizzes", {"email": "ann@school.test", "password": "correct horse"})
    assert good.status_code == 302 and good.location.endswith("/quizzes")


def test_login_ignores_an_offsite_next(client, teacher):
    response = client.form("/login?next=//evil.example/", {"email": "ann@school.test", "password": "correct horse"})
    assert response.location.endswith("/articles")


def test_teacher_pages_need_a_login(client):
    for path in ("/articles", "/quizzes", "/quizzes/new", "/articles/1", "/quizzes/1/results"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.location, path


def test_a_form_without_its_csrf_token_is_refused(client, teacher):
    no_token = client.post("/signup", data={"email": "c@school.test", "name": "C", "password": "correct horse"})
    assert no_token.status_code == 400 and "security token" in no_token.get_data(as_text=True)
    assert teacher.post("/articles", data={"text": "Some article text that is long enough to pass."}).status_code == 400
    assert teacher.post("/logout").status_code == 400
    wrong = teacher.post("/articles", data={"csrf_token": "forged", "text": "x"})
    assert wrong.status_code == 400


def test_session_cookie_flags(client):
    response = client.signup("flags@school.test", "F")
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_security_headers(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_signup_can_be_switched_off(tmp_path):
    from quizgen.web import create_app

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "x.db"), "SECRET_KEY": "k", "ALLOW_SIGNUP": False})
    client = app.test_client()
    assert client.get("/signup").status_code == 404
    assert client.post("/api/v1/teachers", json={"email": "a@b.cd", "password": "12345678", "name": "A"}).status_code == 403


def test_login_is_rate_limited(tmp_path):
    from quizgen.web import create_app

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "x.db"), "SECRET_KEY": "k",
                      "RATELIMIT_LOGIN": "3 per minute"})
    client = app.test_client()
    token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
    codes = [client.post("/login", data={"csrf_token": token, "email": "a@b.cd", "password": "nope"}).status_code
             for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    assert client.post("/api/v1/tokens", json={"email": "a@b.cd", "password": "x"}).status_code in (401, 429)


def test_secret_key_is_generated_once_in_the_instance_folder(tmp_path, monkeypatch):
    from quizgen.web import create_app

    monkeypatch.delenv("QUIZGEN_SECRET_KEY", raising=False)
    config = {"DATABASE": str(tmp_path / "x.db"), "INSTANCE_PATH": str(tmp_path / "inst")}
    first = create_app(dict(config)).config["SECRET_KEY"]
    second = create_app(dict(config)).config["SECRET_KEY"]
    key_file = tmp_path / "inst" / "secret_key"
    assert first == second == key_file.read_text() and len(first) >= 32
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_environment_configures_database_and_secret(tmp_path, monkeypatch):
    from quizgen.web import create_app

    monkeypatch.setenv("QUIZGEN_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("QUIZGEN_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("QUIZGEN_INSTANCE_PATH", str(tmp_path / "inst"))
    app = create_app()
    assert app.config["DATABASE"] == str(tmp_path / "env.db") and (tmp_path / "env.db").exists()
    assert app.config["SECRET_KEY"] == "from-the-environment"


def test_instance_config_file(tmp_path, monkeypatch):
    from quizgen.web import create_app

    (tmp_path / "inst").mkdir()
    (tmp_path / "inst" / "config.py").write_text(f"DATABASE = {str(tmp_path / 'cfg.db')!r}\nSECRET_KEY = 'cfg'\n")
    monkeypatch.setenv("QUIZGEN_INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.delenv("QUIZGEN_DB", raising=False)
    monkeypatch.delenv("QUIZGEN_SECRET_KEY", raising=False)
    app = create_app()
    assert app.config["DATABASE"] == str(tmp_path / "cfg.db") and app.config["SECRET_KEY"] == "cfg"


def test_database_is_in_wal_mode(app):
    assert Store(app.config["DATABASE"]).db.journal_mode == "wal"
