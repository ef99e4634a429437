"""Teachers: sign up, log in, log out. Passwords hashed by werkzeug; the session holds the teacher's id."""

from __future__ import annotations

import functools
import re

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request, session,
                   url_for)
from werkzeug.security import check_password_hash, generate_password_hash

from quizgen.store import Conflict
from quizgen.web import budget, get_store

bp = Blueprint("auth", __name__)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8


def validate_signup(email: str, password: str, name: str) -> list[str]:
    errors = []
    if not EMAIL.match(email or "") or len(email) > 254:
        errors.append("Give a valid e-mail address.")
    if not (name or "").strip():
        errors.append("Give your name, as students will see it.")
    elif len(name) > 100:
        errors.append("The name is too long (100 characters at most).")
    if len(password or "") < MIN_PASSWORD:
        errors.append(f"Choose a password of at least {MIN_PASSWORD} characters.")
    elif len(password) > 200:
        errors.append("The password is too long (200 characters at most).")
    return errors


def register(email: str, password: str, name: str) -> dict:
    """Create a teacher; raises Conflict for a taken address."""
    return get_store().create_teacher(email, name, generate_password_hash(password))


def authenticate(email: str, password: str) -> dict | None:
    teacher = get_store().teacher_by_email(email or "")
    if teacher and check_password_hash(teacher["password_hash"], password or ""):
        return teacher
    if not teacher:
        generate_password_hash(password or "")  # same work either way: no user enumeration by timing
    return None


@bp.before_app_request
def load_teacher() -> None:
    teacher_id = session.get("teacher_id")
    g.teacher = get_store().teacher(teacher_id) if teacher_id else None


def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.teacher is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(**kwargs)

    return wrapped


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("teacher.library")


def _start_session(teacher: dict) -> None:
    session.clear()
    session["teacher_id"] = teacher["id"]
    session.permanent = True


@bp.route("/signup", methods=["GET", "POST"])
@budget("login", methods=["POST"])
def signup():
    if not current_app.config["ALLOW_SIGNUP"]:
        abort(404)
    errors: list[str] = []
    form = {"email": "", "name": ""}
    if request.method == "POST":
        form = {"email": request.form.get("email", "").strip(), "name": request.form.get("name", "").strip()}
        password = request.form.get("password", "")
        errors = validate_signup(form["email"], password, form["name"])
        if not errors:
            try:
                teacher = register(form["email"], password, form["name"])
            except Conflict:
                errors.append("An account with this e-mail address exists already; log in instead.")
            else:
                _start_session(teacher)
                flash(f"Welcome, {teacher['name']}! Add an article to begin.", "success")
                return redirect(url_for("teacher.library"))
    return render_template("web/signup.html", errors=errors, form=form), (400 if errors else 200)


@bp.route("/login", methods=["GET", "POST"])
@budget("login", methods=["POST"])
def login():
    errors: list[str] = []
    email = ""
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        teacher = authenticate(email, request.form.get("password", ""))
        if teacher:
            _start_session(teacher)
            return redirect(_safe_next(request.args.get("next")))
        errors.append("The e-mail address or the password is wrong.")
    return render_template("web/login.html", errors=errors, email=email), (400 if errors else 200)


@bp.route("/logout", methods=["POST"])
def logout():
    session.clear()
    flash("You are logged out.", "success")
    return redirect(url_for("student.home"))
