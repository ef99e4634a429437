"""The JSON API of CONTRACT.md section 4, under /api/v1. Teachers use bearer tokens (no CSRF)."""

from __future__ import annotations

import functools

from flask import Blueprint, current_app, g, jsonify, request

from quizgen.errors import InputError
from quizgen.store import Conflict
from quizgen.web import auth, budget, get_store, quizdoc, services

bp = Blueprint("api", __name__, url_prefix="/api/v1")


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@bp.errorhandler(ApiError)
def _api_error(error: ApiError):
    return jsonify(error=error.message), error.status


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "send a JSON object with Content-Type: application/json")
    return body


def _string(body: dict, key: str, required: bool = True) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ApiError(400, f"'{key}' must be a non-empty string")
    return value


MAX_ID = 2**63 - 1  # SQLite's largest integer


def _is_id_list(value) -> bool:
    return (isinstance(value, list) and bool(value)
            and all(isinstance(i, int) and not isinstance(i, bool) and 0 < i <= MAX_ID for i in value))


def token_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        teacher = get_store().teacher_for_token(token.strip()) if scheme.lower() == "bearer" and token else None
        if teacher is None:
            raise ApiError(401, "send a valid token: Authorization: Bearer TOKEN (from POST /api/v1/tokens)")
        g.api_teacher = teacher
        return view(**kwargs)

    return wrapped


def _owned(kind: str, getter, item_id: int) -> dict:
    """The teacher's row, or 404 when it does not exist and 403 when it is someone else's."""
    row = getter(g.api_teacher["id"], item_id)
    if row is not None:
        return row
    table = {"article": "articles", "quiz": "quizzes"}[kind]
    exists = next(iter(get_store().db.query(f"select 1 as x from {table} where id = ?", [item_id])), None)
    raise ApiError(403 if exists else 404, f"{kind} {item_id} is not yours" if exists else f"no {kind} {item_id}")


def _article_json(row: dict) -> dict:
    return {**quizdoc.article_entry(row, row["id"]), "url": row.get("url")}


def _question_json(q: dict) -> dict:
    out = quizdoc.question_entry(q, q["id"], {q_a: q_a for q_a in _article_ids(q)})
    out["article_id"] = q["article_id"]
    out["position"] = q["position"]
    out["status"] = "draft"
    return out


def _article_ids(q: dict) -> set:
    ids = {s["article_id"] for s in q.get("evidence") or []}
    if q.get("answer_span"):
        ids.add(q["answer_span"]["article_id"])
    return ids


@bp.route("/teachers", methods=["POST"])
@budget("login")
def create_teacher():
    if not current_app.config["ALLOW_SIGNUP"]:
        raise ApiError(403, "sign-up is switched off on this server")
    body = _body()
    email, password, name = (body.get(k) for k in ("email", "password", "name"))
    if not all(isinstance(v, str) for v in (email, password, name)):
        raise ApiError(400, "send email, password and name as strings")
    errors = auth.validate_signup(email.strip(), password, name)
    if errors:
        raise ApiError(400, " ".join(errors))
    try:
        teacher = auth.register(email, password, name)
    except Conflict:
        raise ApiError(409, "an account with this e-mail address exists already") from None
    return jsonify(id=teacher["id"], email=teacher["email"], name=teacher["name"]), 201


@bp.route("/tokens", methods=["POST"])
@budget("login")
def create_token():
    body = _body()
    email, password = body.get("email"), body.get("password")
    if not isinstance(email, str) or not isinstance(password, str):
        raise ApiError(400, "send email and password as strings")
    teacher = auth.authenticate(email, password)
    if teacher is None:
        raise ApiError(401, "the e-mail address or the password is wrong")
    return jsonify(token=get_store().create_token(teacher["id"])), 201


@bp.route("/articles", methods=["POST"])
@token_required
def create_article():
    body = _body()
    text, url = body.get("text"), body.get("url")
    title = _string(body, "title", required=False)
    when = _string(body, "date", required=False)
    if (text is None) == (url is None):
        raise ApiError(400, "send either 'text' or 'url'")
    if text is not None and not isinstance(text, str) or url is not None and not isinstance(url, str):
        raise ApiError(400, "'text' and 'url' must be strings")
    max_chars = current_app.config["MAX_CHARS"]
    if text is not None and len(text) > max_chars:
        raise ApiError(413, f"the text is too long ({len(text):,} characters, limit {max_chars:,})")
    try:
        row = services.ingest(text=text, url=url, title=title, article_date=when, max_chars=max_chars)
    except InputError as exc:
        raise ApiError(400, str(exc)) from None
    article_id = get_store().add_article(g.api_teacher["id"], row)
    return jsonify(_article_json(get_store().article(g.api_teacher["id"], article_id))), 201


@bp.route("/articles/<int:article_id>/questions", methods=["POST"])
@token_required
@budget("generation")
def generate_questions(article_id: int):
    article = _owned("article", get_store().article, article_id)
    body = request.get_json(silent=True) if request.data else {}
    if not isinstance(body, dict):
        raise ApiError(400, "send a JSON object, e.g. {\"count\": 10}")
    count = body.get("count", 10)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 30:
        raise ApiError(400, "'count' must be a whole number from 1 to 30")
    try:
        ids = services.generate_for_article(get_store(), g.api_teacher["id"], article, count=count)
    except InputError as exc:
        raise ApiError(400, str(exc)) from None
    questions = get_store().questions_by_ids(g.api_teacher["id"], ids)
    return jsonify(questions=[_question_json(q) for q in questions]), 201


@bp.route("/quizzes", methods=["POST"])
@token_required
@budget("generation")
def create_quiz():
    body = _body()
    store, teacher_id = get_store(), g.api_teacher["id"]
    title = body.get("title")
    if title is not None and not isinstance(title, str):
        raise ApiError(400, "'title' must be a string")
    settings = {k: body[k] for k in ("shuffle_questions", "shuffle_choices", "allow_retries", "is_public")
                if isinstance(body.get(k), bool)}
    if body.get("feedback") in ("each", "end"):
        settings["feedback"] = body["feedback"]
    if isinstance(body.get("time_limit"), int) and 0 < body["time_limit"] <= 600:
        settings["time_limit"] = body["time_limit"]
    most = current_app.config["MAX_QUESTIONS_PER_QUIZ"]
    if "question_ids" in body:
        ids = body["question_ids"]
        if not _is_id_list(ids):
            raise ApiError(400, "'question_ids' must be a non-empty list of question ids")
        if len(ids) > most:
            raise ApiError(413, f"a quiz holds {most} questions at most ({len(ids)} given)")
        questions = store.questions_by_ids(teacher_id, ids)
        if len(questions) != len(ids):
            missing = [i for i in ids if i not in {q["id"] for q in questions}]
            raise ApiError(404, f"no question(s) {', '.join(map(str, missing))} of yours")
    elif "article_ids" in body:
        ids = body["article_ids"]
        count = body.get("count", 10)
        if not _is_id_list(ids):
            raise ApiError(400, "'article_ids' must be a non-empty list of article ids")
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= min(30, most):
            raise ApiError(400, f"'count' must be a whole number from 1 to {min(30, most)}")
        if len(ids) > 20:
            raise ApiError(413, "a quiz draws on 20 articles at most")
        rows = [_owned("article", store.article, i) for i in dict.fromkeys(ids)]
        try:
            generated = services.generate(rows, count=count)
        except InputError as exc:
            raise ApiError(400, str(exc)) from None
        if not generated:
            raise ApiError(400, "no good questions could be made from these articles")
        title = title or services.quiz_title_for(rows)
    else:
        raise ApiError(400, "send 'question_ids', or 'article_ids' with an optional 'count'")
    # the new questions, the quiz and its publication: all stored, or (on any error) none
    with store.transaction():
        if "article_ids" in body:
            questions = []
            for q in generated:
                first = (q.get("evidence") or [{"article_id": rows[0]["id"]}])[0]["article_id"]
                qid = store.add_questions(teacher_id, first, [q])[0]
                questions.append(store.question(teacher_id, qid))
        if not title or not title.strip():
            title = services.quiz_title_for([store.article(teacher_id, questions[0]["article_id"])])
        try:
            quiz = services.build_quiz(store, teacher_id, title, questions, **settings)
        except InputError as exc:
            raise ApiError(400, str(exc)) from None
        if body.get("publish", True) is not False:
            from datetime import datetime, timezone

            store.update_quiz(teacher_id, quiz["id"], status="open",
                              published_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    from quizgen.web.teacher import join_url

    return jsonify(id=quiz["id"], code=quiz["code"], url=join_url(quiz["code"])), 201


@bp.route("/quizzes/<int:quiz_id>", methods=["GET"])
@token_required
def get_quiz(quiz_id: int):
    quiz = _owned("quiz", get_store().quiz, quiz_id)
    return jsonify(quiz["document"])


@bp.route("/quizzes/<int:quiz_id>/results", methods=["GET"])
@token_required
def quiz_results(quiz_id: int):
    quiz = _owned("quiz", get_store().quiz, quiz_id)
    attempts = get_store().submitted_attempts(quiz_id)
    return jsonify(
        attempts=[{"id": a["id"], "name": a["name"], "score": a["score"], "total": a["total"],
                   "submitted_at": a["submitted_at"], "answers": a["answers"], "correct": a["correct"]}
                  for a in attempts],
        questions=quizdoc.statistics(quiz["document"], attempts),
    )


def _open_quiz(code: str) -> dict:
    quiz = get_store().quiz_by_code(code)
    if quiz is None:
        raise ApiError(404, f"no quiz has the code {code}")
    return quiz


@bp.route("/play/<code>", methods=["GET"])
def play(code: str):
    quiz = _open_quiz(code)
    if quiz["status"] != "open":
        raise ApiError(403, "this quiz is not open")
    public = quizdoc.public_document(quiz["document"])
    return jsonify({**public, "title": quiz["title"], "code": quiz["code"], "feedback": quiz["feedback"],
                    "time_limit": quiz["time_limit"]})


@bp.route("/play/<code>/attempts", methods=["POST"])
@budget("attempt")
def attempt(code: str):
    quiz = _open_quiz(code)
    body = _body()
    name, answers = body.get("name"), body.get("answers", {})
    if not isinstance(name, str) or not isinstance(answers, dict):
        raise ApiError(400, "send {\"name\": \"...\", \"answers\": {\"q1\": \"...\"}}")
    try:
        result = services.submit_new(get_store(), quiz, name, answers, current_app.config["MAX_ATTEMPTS_PER_NAME"])
    except services.AttemptRefused as exc:
        raise ApiError(exc.status, str(exc)) from None
    return jsonify(result), 201
