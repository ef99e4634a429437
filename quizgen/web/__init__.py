"""The web app: ``create_app()`` builds Flask with the auth, teacher, student and API blueprints.

Configuration, later sources winning: defaults; ``instance/config.py``; environment variables
``QUIZGEN_DB``, ``QUIZGEN_SECRET_KEY``, ``QUIZGEN_ALLOW_SIGNUP``, ``QUIZGEN_SECURE_COOKIES``,
``QUIZGEN_MAX_CHARS``, and the limits of ``ENV_SETTINGS``; then ``test_config``. Without a secret key one is generated once and kept
in the instance folder (``instance/secret_key``).
"""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.routing import IntegerConverter

from quizgen.store import Store
from quizgen.web import ratelimit  # noqa: F401  (registers quizgen-memory://)

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, storage_uri="quizgen-memory://")
_BUDGET_KEYS = {"login": "RATELIMIT_LOGIN", "generation": "RATELIMIT_GENERATE", "attempt": "RATELIMIT_ATTEMPT"}


def budget(scope: str, **options):
    """A rate limit shared by every route that spends one budget (log-in, generation or attempts),
    read from the app's configuration at request time."""
    key = _BUDGET_KEYS[scope]
    return limiter.shared_limit(lambda: current_app.config[key], scope=scope, **options)

TRUE = {"1", "true", "yes", "on"}

# Limits a deployment may change: environment variable -> (config key, type). Rate limits are
# Flask-Limiter strings such as "20 per minute" or "5/second;100/hour", counted per client address and
# shared by the pages and the API (one "login" budget for /login, /signup and the token endpoints, etc.).
ENV_SETTINGS = {
    "QUIZGEN_MAX_REQUEST_BYTES": ("MAX_CONTENT_LENGTH", int),
    "QUIZGEN_MAX_QUESTIONS": ("MAX_QUESTIONS_PER_QUIZ", int),
    "QUIZGEN_MAX_ATTEMPTS": ("MAX_ATTEMPTS_PER_NAME", int),
    "QUIZGEN_RATELIMIT_LOGIN": ("RATELIMIT_LOGIN", str),
    "QUIZGEN_RATELIMIT_GENERATE": ("RATELIMIT_GENERATE", str),
    "QUIZGEN_RATELIMIT_ATTEMPT": ("RATELIMIT_ATTEMPT", str),
}


def create_app(test_config: dict | None = None) -> Flask:
    from quizgen.templates_dir import templates_path

    instance_path = os.environ.get("QUIZGEN_INSTANCE_PATH") or (test_config or {}).get("INSTANCE_PATH")
    app = Flask(
        __name__,
        template_folder=str(templates_path()),
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        instance_relative_config=True,
    )
    app.config.from_mapping(
        DATABASE=str(Path(app.instance_path) / "quizgen.db"),
        ALLOW_SIGNUP=True,
        MAX_CHARS=200_000,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,  # bytes of one request: a 5 MB paste is refused with 413
        MAX_QUESTIONS_PER_QUIZ=50,
        MAX_ATTEMPTS_PER_NAME=10,  # submitted attempts under one name when retries are allowed
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False,
        WTF_CSRF_TIME_LIMIT=None,
        RATELIMIT_LOGIN="20 per minute",
        RATELIMIT_GENERATE="30 per minute",
        # per address: a whole year group may sit behind one school address, joining and submitting
        RATELIMIT_ATTEMPT="1200 per minute",
        RATELIMIT_HEADERS_ENABLED=True,
        PUBLIC_URL=None,
    )
    app.config.from_pyfile("config.py", silent=True)
    env = os.environ
    if env.get("QUIZGEN_DB"):
        app.config["DATABASE"] = env["QUIZGEN_DB"]
    if env.get("QUIZGEN_SECRET_KEY"):
        app.config["SECRET_KEY"] = env["QUIZGEN_SECRET_KEY"]
    if env.get("QUIZGEN_ALLOW_SIGNUP"):
        app.config["ALLOW_SIGNUP"] = env["QUIZGEN_ALLOW_SIGNUP"].lower() in TRUE
    if env.get("QUIZGEN_SECURE_COOKIES"):
        app.config["SESSION_COOKIE_SECURE"] = env["QUIZGEN_SECURE_COOKIES"].lower() in TRUE
    if env.get("QUIZGEN_MAX_CHARS", "").isdigit():
        app.config["MAX_CHARS"] = int(env["QUIZGEN_MAX_CHARS"])
    if env.get("QUIZGEN_PUBLIC_URL"):
        app.config["PUBLIC_URL"] = env["QUIZGEN_PUBLIC_URL"].rstrip("/")
    for variable, (key, kind) in ENV_SETTINGS.items():
        raw = env.get(variable, "").strip()
        if kind is int and raw.isdigit() and int(raw) > 0:
            app.config[key] = int(raw)
        elif kind is str and raw:
            app.config[key] = raw
    if test_config:
        app.config.update(test_config)
    app.config["DATABASE"] = str(app.config["DATABASE"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))

    Path(app.config["DATABASE"]).parent.mkdir(parents=True, exist_ok=True)
    Store(app.config["DATABASE"]).close()  # apply migrations once, at start

    csrf.init_app(app)
    limiter.init_app(app)
    app.before_request(_refuse_large_bodies)
    app.teardown_appcontext(_close_store)
    app.after_request(_security_headers)
    _register_errors(app)

    from quizgen.web import api, auth, student, teacher

    app.url_map.converters["int"] = RowIdConverter  # ids past SQLite's integers are simply not found
    app.register_blueprint(auth.bp)
    app.register_blueprint(teacher.bp)
    app.register_blueprint(student.bp)
    app.register_blueprint(api.bp)
    csrf.exempt(api.bp)
    app.add_url_rule("/healthz", "healthz", _healthz)

    app.jinja_env.globals.update(type_labels=__import__("quizgen.web.quizdoc", fromlist=["x"]).TYPE_LABELS)
    return app


class RowIdConverter(IntegerConverter):
    """``<int:...>`` in URLs, bounded by SQLite's largest integer."""

    def __init__(self, url_map, *args, **kwargs) -> None:
        kwargs.setdefault("max", 2**63 - 1)
        super().__init__(url_map, *args, **kwargs)


def _instance_secret(instance: Path) -> str:
    """The secret key kept in the instance folder, made on first start (readable by the owner only)."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if path.exists() and path.read_text().strip():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


_connections = threading.local()


def get_store() -> Store:
    """This request's database connection: each server thread keeps one open between requests, as
    opening a connection (and closing the last one, which checkpoints the WAL) costs more than most
    requests' queries."""
    if "store" not in g:
        from flask import current_app

        path = current_app.config["DATABASE"]
        store = getattr(_connections, "store", None)
        if store is None or store.path != path:
            if store is not None:
                store.close()
            store = _connections.store = Store(path)
        g.store = store
    return g.store


def _close_store(_exc) -> None:
    store = g.pop("store", None)
    if store is not None and store.db.conn.in_transaction:  # never carry a transaction to the next request
        store.db.conn.rollback()


CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def _refuse_large_bodies() -> None:
    """413 for a declared body over the limit, before any view looks up anything (werkzeug alone
    would only notice when the body is read)."""
    from flask import abort, current_app

    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and request.content_length and request.content_length > limit:
        abort(413)


def _healthz():
    """A trivial endpoint (no database): for monitoring, and the baseline of bench/load.py."""
    return jsonify(ok=True)


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if not request.path.startswith("/static/"):
        # pages and answers are per person: a shared school computer's back button or cache must not
        # show the last student's results
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _register_errors(app: Flask) -> None:
    messages = {
        400: "The request was not understood.",
        401: "Log in first.",
        403: "That is not yours.",
        404: "There is nothing here.",
        405: "That method is not allowed here.",
        409: "That conflicts with what is stored.",
        413: "That is too large.",
        429: "Too many requests; wait a minute and try again.",
        500: "Something went wrong on the server; nothing was lost, try again in a moment.",
    }

    def handler(error):
        code = getattr(error, "code", 500) or 500
        description = getattr(error, "description", None)
        message = description if isinstance(description, str) and code != 404 else messages.get(code)
        if code in (429, 500):
            message = messages[code]
        if code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            message = (f"That is too large: a request may carry {limit / 1_000_000:.1f} MB at most."
                       if limit else messages[413])
        if _wants_json():
            return jsonify(error=message or "error"), code
        return render_template("web/error.html", code=code, message=message), code

    for code in messages:
        app.register_error_handler(code, handler)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = "The form was missing its security token or it had expired; reload the page and try again."
        if _wants_json():
            return jsonify(error=message), 400
        return render_template("web/error.html", code=400, message=message), 400
