"""Student pages: join with a code and a name, answer (kept as they go), submit, see feedback; practice.

A page shows a question's key, explanation or evidence only once the student's answer to it is
stored: after submission, or (feedback after each question) once that answer is locked in.
"""

from __future__ import annotations

from datetime import datetime, timezone

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session,
                   url_for)

from quizgen.store import name_key
from quizgen.web import budget, get_store, quizdoc, services

bp = Blueprint("student", __name__)

EXTEND_SECONDS = 10 * 60


def _quiz_or_404(code: str) -> dict:
    quiz = get_store().quiz_by_code(code)
    if quiz is None:
        abort(404)
    return quiz


def _my_attempt(quiz: dict) -> dict | None:
    attempt_id = (session.get("attempts") or {}).get(quiz["code"])
    attempt = get_store().attempt(attempt_id) if attempt_id else None
    return attempt if attempt and attempt["quiz_id"] == quiz["id"] else None


def _remember(quiz: dict, attempt: dict) -> None:
    attempts = dict(session.get("attempts") or {})
    attempts[quiz["code"]] = attempt["id"]
    session["attempts"] = attempts
    session.permanent = True  # survives closing the browser, so the answers kept so far are found again


def _answers_from_form(quiz: dict) -> dict:
    raw = {key[len("answer-"):]: value for key, value in request.form.items() if key.startswith("answer-")}
    return quizdoc.clean_answers(quiz["document"], raw)


def _remaining_seconds(quiz: dict, attempt: dict) -> int | None:
    if not quiz.get("time_limit") or attempt["timer_off"]:
        return None
    started = datetime.fromisoformat(attempt["started_at"])
    elapsed = (datetime.now(timezone.utc) - started).total_seconds()
    return max(0, int(quiz["time_limit"] * 60 + attempt["extra_seconds"] - elapsed))


@bp.route("/")
def home():
    return render_template("web/home.html")


@bp.route("/join")
def join_form():
    code = request.args.get("code", "").strip().upper().replace(" ", "")
    if code:
        if get_store().quiz_by_code(code):
            return redirect(url_for("student.join", code=code))
        return render_template("web/home.html", error=f"No quiz has the code {code}; check it and try again.",
                               code=code), 404
    return redirect(url_for("student.home"))


@bp.route("/j/<code>", methods=["GET", "POST"])
@budget("attempt", methods=["POST"])
def join(code: str):
    quiz = _quiz_or_404(code)
    if code != quiz["code"]:
        return redirect(url_for("student.join", code=quiz["code"]))
    attempt = _my_attempt(quiz)
    if request.method == "GET" and attempt and attempt["status"] == "in_progress" and quiz["status"] == "open":
        return redirect(url_for("student.play", code=quiz["code"]))
    error = None
    name = ""
    status = 200
    if request.method == "POST":
        name = " ".join(request.form.get("name", "").split())
        try:
            services.check_can_join(get_store(), quiz, name, current_app.config["MAX_ATTEMPTS_PER_NAME"])
        except services.AttemptRefused as exc:
            error, status = str(exc), exc.status
        else:
            # resume only this browser's own unfinished attempt under that name: another browser typing
            # the same name starts afresh and never sees someone else's answers
            if not (attempt and attempt["status"] == "in_progress" and attempt["name_key"] == name_key(name)):
                attempt = get_store().start_attempt(quiz["id"], name)
            _remember(quiz, attempt)
            return redirect(url_for("student.play", code=quiz["code"]))
    return render_template("web/join.html", quiz=quiz, error=error, name=name), status


@bp.route("/play/<code>", methods=["GET"])
def play(code: str):
    quiz = _quiz_or_404(code)
    attempt = _my_attempt(quiz)
    if attempt is None:
        return redirect(url_for("student.join", code=quiz["code"]))
    if attempt["status"] == "submitted":
        return redirect(url_for("student.result", code=quiz["code"]))
    return _render_play(quiz, attempt)


def _render_play(quiz: dict, attempt: dict, error: str | None = None, status: int = 200):
    document = quiz["document"]
    public = quizdoc.public_document(document)
    questions = quizdoc.student_view(public, attempt["seed"], quiz["shuffle_questions"], quiz["shuffle_choices"])
    feedback = {}
    if quiz["feedback"] == "each" and attempt["locked"]:
        _, _, _, items = quizdoc.grade(document, attempt["answers"])
        feedback = {f["question_id"]: f for f in items if f["question_id"] in attempt["locked"]}
    return render_template(
        "web/play.html", quiz=quiz, attempt=attempt, questions=questions, articles=public["articles"],
        feedback=feedback, remaining=_remaining_seconds(quiz, attempt), error=error,
        article_titles={a["id"]: a.get("title") or "the article" for a in document["articles"]},
    ), status


def _attempt_for_post(quiz: dict) -> dict:
    attempt = _my_attempt(quiz)
    if attempt is None:
        abort(404)
    return attempt


@bp.route("/play/<code>/save", methods=["POST"])
def save(code: str):
    """Keep the answers so far (the page's script calls this as the student goes)."""
    quiz = _quiz_or_404(code)
    attempt = _attempt_for_post(quiz)
    if attempt["status"] != "in_progress":
        return jsonify(error="These answers were already submitted."), 409
    answers = {**_answers_from_form(quiz), **{k: v for k, v in attempt["answers"].items() if k in attempt["locked"]}}
    get_store().save_progress(attempt["id"], answers=answers)
    if request.accept_mimetypes.best == "application/json" or request.headers.get("X-Requested-With"):
        return jsonify(saved=len(answers))
    flash("Your answers are saved.", "success")
    return redirect(url_for("student.play", code=quiz["code"]))


@bp.route("/play/<code>/check/<qid>", methods=["POST"])
def check(code: str, qid: str):
    """Feedback after each question: lock this answer in, then show whether it was right."""
    quiz = _quiz_or_404(code)
    attempt = _attempt_for_post(quiz)
    if attempt["status"] != "in_progress":
        return redirect(url_for("student.result", code=quiz["code"]))
    if quiz["feedback"] != "each" or qid not in {q["id"] for q in quiz["document"]["questions"]}:
        abort(400)
    answers = {**_answers_from_form(quiz), **{k: v for k, v in attempt["answers"].items() if k in attempt["locked"]}}
    locked = list(attempt["locked"])
    if answers.get(qid) and qid not in locked:
        locked.append(qid)
    get_store().save_progress(attempt["id"], answers=answers, locked=locked)
    if not answers.get(qid):
        flash("Choose or type an answer before checking it.", "error")
    return redirect(url_for("student.play", code=quiz["code"]) + f"#fb-{qid}")


@bp.route("/play/<code>/timer", methods=["POST"])
def timer(code: str):
    """The student may extend the time limit (as often as needed) or turn it off (WCAG 2.2.1)."""
    quiz = _quiz_or_404(code)
    attempt = _attempt_for_post(quiz)
    action = request.form.get("action")
    answers = _answers_from_form(quiz)
    if answers:
        answers.update({k: v for k, v in attempt["answers"].items() if k in attempt["locked"]})
        get_store().save_progress(attempt["id"], answers=answers)
    if action == "extend":
        get_store().save_progress(attempt["id"], extra_seconds=attempt["extra_seconds"] + EXTEND_SECONDS)
    elif action == "off":
        get_store().save_progress(attempt["id"], timer_off=True)
    else:
        abort(400)
    if request.headers.get("X-Requested-With"):
        return jsonify(remaining=_remaining_seconds(quiz, get_store().attempt(attempt["id"])))
    flash("Ten more minutes added." if action == "extend" else "The time limit is off.", "success")
    return redirect(url_for("student.play", code=quiz["code"]))


@bp.route("/play/<code>", methods=["POST"])
@budget("attempt")
def submit(code: str):
    quiz = _quiz_or_404(code)
    attempt = _attempt_for_post(quiz)
    if attempt["status"] == "submitted":
        return redirect(url_for("student.result", code=quiz["code"]))
    if quiz["status"] != "open":
        return _render_play(quiz, attempt, error="This quiz has been closed; your answers were not sent.",
                            status=403)
    try:
        services.submit(get_store(), quiz, attempt, _answers_from_form(quiz), current_app.config["MAX_ATTEMPTS_PER_NAME"])
    except services.AttemptRefused as exc:
        return _render_play(quiz, attempt, error=str(exc), status=exc.status)
    return redirect(url_for("student.result", code=quiz["code"]))


@bp.route("/play/<code>/result")
def result(code: str):
    quiz = _quiz_or_404(code)
    attempt = _my_attempt(quiz)
    if attempt is None:
        return redirect(url_for("student.join", code=quiz["code"]))
    if attempt["status"] != "submitted":
        return redirect(url_for("student.play", code=quiz["code"]))
    document = quiz["document"]
    _, _, _, feedback = quizdoc.grade(document, attempt["answers"])
    by_id = {f["question_id"]: f for f in feedback}
    questions = quizdoc.student_view(document, attempt["seed"], quiz["shuffle_questions"], quiz["shuffle_choices"])
    titles = {a["id"]: a.get("title") or "the article" for a in document["articles"]}
    return render_template("web/result.html", quiz=quiz, attempt=attempt, questions=questions, feedback=by_id,
                           article_titles=titles)


@bp.route("/play/<code>/again", methods=["POST"])
@budget("attempt")
def again(code: str):
    """Start a new attempt where the teacher allows retries (or in practice)."""
    quiz = _quiz_or_404(code)
    attempt = _attempt_for_post(quiz)
    if not (quiz["allow_retries"] or attempt["practice"]) or quiz["status"] != "open":
        abort(403)
    new = get_store().start_attempt(quiz["id"], attempt["name"], practice=attempt["practice"])
    _remember(quiz, new)
    return redirect(url_for("student.play", code=quiz["code"]))


@bp.route("/practice")
def practice():
    return render_template("web/practice.html", quizzes=get_store().public_quizzes())


@bp.route("/practice/<code>", methods=["POST"])
@budget("attempt")
def practice_start(code: str):
    quiz = _quiz_or_404(code)
    if not quiz["is_public"] or quiz["status"] != "open":
        abort(404)
    name = " ".join(request.form.get("name", "").split())[:60] or "Practice"
    attempt = get_store().start_attempt(quiz["id"], name, practice=True)
    _remember(quiz, attempt)
    return redirect(url_for("student.play", code=quiz["code"]))
