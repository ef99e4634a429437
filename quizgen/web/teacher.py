"""Teacher pages: article library and its stories, feeds, question review, quiz builder, publishing,
results, exports.

Every lookup goes through the teacher's id, so another teacher's rows answer 404.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   session, url_for)

from quizgen import feeds as feed_service
from quizgen import library_stories
from quizgen.errors import InputError
from quizgen.store import Conflict
from quizgen.web import budget, get_store, quizdoc, services
from quizgen.web.auth import login_required

bp = Blueprint("teacher", __name__)

MAX_COUNT = 30


def _count(value, default: int = 10) -> int:
    try:
        return max(1, min(MAX_COUNT, int(value)))
    except (TypeError, ValueError):
        return default


def _owned_or_404(kind: str, row_id: int) -> dict:
    """The signed-in teacher's article, question or quiz; 404 for anyone else's or none at all."""
    row = getattr(get_store(), kind)(g.teacher["id"], row_id)
    if row is None:
        abort(404)
    return row


def _article_or_404(article_id: int) -> dict:
    return _owned_or_404("article", article_id)


def _question_or_404(question_id: int) -> dict:
    return _owned_or_404("question", question_id)


def _quiz_or_404(quiz_id: int) -> dict:
    return _owned_or_404("quiz", quiz_id)


def join_url(code: str) -> str:
    base = current_app.config.get("PUBLIC_URL")
    path = url_for("student.join", code=code)
    return f"{base}{path}" if base else url_for("student.join", code=code, _external=True)


# -- article library ------------------------------------------------------------------------


@bp.route("/articles")
@login_required
def library():
    query = request.args.get("q", "").strip()
    if query:
        articles = get_store().articles(g.teacher["id"], query)
        return render_template("web/library.html", articles=articles, query=query, errors=[], form={})
    return _library_page([], {})


def _library_page(errors: list[str], form: dict, status: int = 200):
    """The library as stories: reports of one event grouped, newest story first."""
    groups = library_stories.library_stories(get_store(), g.teacher["id"])
    groups.sort(key=lambda story: -max(r["id"] for r in story))
    stories = [_story_view(story) for story in groups]
    return render_template("web/library.html", articles=[r for story in groups for r in story], stories=stories,
                           story_groups=[s for s in stories if len(s["articles"]) > 1],
                           singles=[s for s in stories if len(s["articles"]) == 1],
                           query="", errors=errors, form=form), status


def _story_view(rows: list[dict]) -> dict:
    dates = sorted(r["date"] for r in rows if r.get("date"))
    for r in rows:
        r["source_label"] = source_label(r)
    return {"id": rows[0]["id"], "articles": rows, "title": services.quiz_title_for(rows),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None}


def source_label(row: dict) -> str:
    """Where an article came from, briefly: a web site's host, a file's name, else 'pasted text'."""
    from urllib.parse import urlsplit

    for value in (row.get("url"), row.get("source")):
        if value and value.lower().startswith(("http://", "https://")):
            return urlsplit(value).hostname or value
    return row.get("source") or "pasted text"


@bp.route("/articles", methods=["POST"])
@login_required
def add_article():
    form = {k: request.form.get(k, "") for k in ("text", "url", "title", "date")}
    upload = request.files.get("file")
    try:
        if upload and upload.filename:
            row = services.ingest(upload=(upload.filename, upload.read()), title=form["title"],
                                  article_date=form["date"], max_chars=current_app.config["MAX_CHARS"])
        elif form["url"].strip():
            row = services.ingest(url=form["url"], title=form["title"], article_date=form["date"],
                                  max_chars=current_app.config["MAX_CHARS"])
        else:
            row = services.ingest(text=form["text"], title=form["title"], article_date=form["date"],
                                  max_chars=current_app.config["MAX_CHARS"])
    except InputError as exc:
        return _library_page([str(exc)], form, 400)
    article_id = get_store().add_article(g.teacher["id"], row)
    flash(f"Added “{row['title']}”. Generate questions when you are ready.", "success")
    return redirect(url_for("teacher.article", article_id=article_id))


@bp.route("/articles/<int:article_id>")
@login_required
def article(article_id: int):
    article = _article_or_404(article_id)
    questions = get_store().questions(g.teacher["id"], article_id)
    return render_template("web/article.html", article=article, questions=questions,
                           segments=highlight_segments(article, questions))


@bp.route("/articles/<int:article_id>/delete", methods=["POST"])
@login_required
def delete_article(article_id: int):
    article = _article_or_404(article_id)
    get_store().delete_article(g.teacher["id"], article_id)
    flash(f"Deleted “{article['title']}”. Quizzes made from it keep their copy.", "success")
    return redirect(url_for("teacher.library"))


# -- stories --------------------------------------------------------------------------------


def _story_or_404(article_id: int) -> list[dict]:
    story = library_stories.story_of(get_store(), g.teacher["id"], article_id)
    if not story:
        abort(404)
    return story


@bp.route("/articles/<int:article_id>/split", methods=["POST"])
@login_required
def split_story(article_id: int):
    article = _article_or_404(article_id)
    if len(_story_or_404(article_id)) < 2:
        flash(f"“{article['title']}” is already a story of its own.", "error")
    else:
        library_stories.split(get_store(), g.teacher["id"], article_id)
        flash(f"“{article['title']}” is now a story of its own.", "success")
    return redirect(url_for("teacher.library") + f"#story-{article_id}")


@bp.route("/stories/merge", methods=["POST"])
@login_required
def merge_stories():
    ids = [request.form.get(k, "") for k in ("story", "other")]
    if not all(i.isdigit() and len(i) < 19 for i in ids):
        flash("Choose the two stories to put together.", "error")
        return redirect(url_for("teacher.library") + "#merge-heading")
    first, second = (_story_or_404(int(i)) for i in ids)
    if first[0]["id"] == second[0]["id"]:
        flash("Choose two different stories.", "error")
        return redirect(url_for("teacher.library") + "#merge-heading")
    library_stories.merge(get_store(), g.teacher["id"], first[0]["id"], second[0]["id"])
    flash(f"Put together: “{first[0]['title']}” and “{second[0]['title']}” are now one story.", "success")
    return redirect(url_for("teacher.library") + f"#story-{min(first[0]['id'], second[0]['id'])}")


def _draft_for_story(story: list[dict]) -> dict:
    """A draft quiz over a story's articles; InputError when no good question could be made."""
    store, teacher_id = get_store(), g.teacher["id"]
    quiz = library_stories.draft_quiz(store, teacher_id, story)
    if not quiz["document"]["questions"]:
        store.delete_quiz(teacher_id, quiz["id"])
        raise InputError(f"no good questions could be made from “{services.quiz_title_for(story)}”")
    return quiz


@bp.route("/stories/<int:article_id>/quiz", methods=["POST"])
@login_required
@budget("generation")
def story_quiz(article_id: int):
    story = _story_or_404(article_id)
    try:
        quiz = _draft_for_story(story)
    except InputError as exc:
        flash(str(exc), "error")
        return redirect(url_for("teacher.library") + f"#story-{story[0]['id']}")
    reports = f"its {len(story)} reports" if len(story) > 1 else "its article"
    flash(f"Draft quiz made from this story ({reports}). Review the questions, then publish.", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz["id"]))


# -- feeds ----------------------------------------------------------------------------------

MAX_FEED_URL = 2000
LAST_UPDATE = "feed_update"  # session key: what the last "Update now" did, shown on the feeds page


def _feed_or_404(feed_id: int) -> dict:
    feed = get_store().feed(g.teacher["id"], feed_id)
    if feed is None:
        abort(404)
    return feed


def _last_update() -> dict | None:
    """The last update this teacher ran here, looked up again (deleted rows simply drop out)."""
    stored = session.get(LAST_UPDATE)
    if not isinstance(stored, dict):
        return None
    store, teacher_id = get_store(), g.teacher["id"]
    feed = store.feed(teacher_id, stored.get("feed", 0))
    if feed is None:
        return None
    articles = [a for a in (store.article(teacher_id, i) for i in stored.get("added", [])) if a]
    drafts = [q for q in (store.quiz(teacher_id, i) for i in stored.get("drafts", [])) if q]
    return {"feed": feed, "articles": articles, "drafts": drafts, "errors": stored.get("errors", []),
            "at": stored.get("at")}


def _feeds_page(errors: list[str], form: dict, status: int = 200):
    return render_template("web/feeds.html", feeds=get_store().feeds(g.teacher["id"]), last=_last_update(),
                           errors=errors, form=form), status


@bp.route("/feeds")
@login_required
def feeds():
    return _feeds_page([], {})


@bp.route("/feeds", methods=["POST"])
@login_required
def subscribe_feed():
    url = request.form.get("url", "").strip()
    form = {"url": url}
    if not url:
        return _feeds_page(["Give the feed's address (it starts with http:// or https://)."], form, 400)
    if len(url) > MAX_FEED_URL:
        return _feeds_page([f"That address is too long ({MAX_FEED_URL} characters at most)."], form, 400)
    try:
        feed = feed_service.subscribe(get_store(), g.teacher["id"], url)
    except InputError as exc:
        return _feeds_page([str(exc)], form, 400)
    except Conflict:
        return _feeds_page([f"You are already subscribed to {url}."], form, 409)
    flash(f"Subscribed to {feed['title'] or feed['url']}. Press “Update now” to fetch its articles.", "success")
    return redirect(url_for("teacher.feeds") + f"#feed-{feed['id']}")


@bp.route("/feeds/<int:feed_id>/update", methods=["POST"])
@login_required
@budget("generation")
def update_feed(feed_id: int):
    store, teacher_id = get_store(), g.teacher["id"]
    result = feed_service.update(store, _feed_or_404(feed_id))
    errors, drafts = list(result.errors), []
    if result.added:
        added = set(result.added)
        for story in library_stories.library_stories(store, teacher_id):
            if added & {r["id"] for r in story}:
                try:
                    drafts.append(_draft_for_story(story)["id"])
                except InputError as exc:
                    errors.append(str(exc))
    session[LAST_UPDATE] = {"feed": feed_id, "added": result.added, "drafts": drafts,
                            "errors": [e[:300] for e in errors[:10]],
                            "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    name = result.feed["title"] or result.feed["url"]
    if result.added:
        flash(f"{name}: {_plural(len(result.added), 'new article')}, "
              f"{_plural(len(drafts), 'draft quiz', 'draft quizzes')} proposed.", "success")
    elif not errors:
        flash(f"{name}: nothing new since the last update.", "success")
    if errors:
        flash(f"{name}: {_plural(len(errors), 'problem')}; see the last update below. "
              "Articles already stored are kept.", "error")
    return redirect(url_for("teacher.feeds") + "#last-update")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def highlight_segments(article: dict, questions: list[dict]) -> list[list[dict]]:
    """The article's paragraphs cut where evidence spans start and end.

    Each paragraph is a list of {text, questions, anchor} pieces, ``questions`` being the numbers of
    the questions whose evidence covers the piece, ``anchor`` the id of the first piece of a span.
    """
    text = article["text"]
    spans = []
    for number, q in enumerate(questions, 1):
        for k, s in enumerate(q.get("evidence") or []):
            if s.get("article_id") == article["id"] and 0 <= s["start"] < s["end"] <= len(text):
                spans.append((s["start"], s["end"], number, f"ev-{q['id']}-{k}"))
    paragraphs = []
    start = 0
    for chunk in text.split("\n\n"):
        end = start + len(chunk)
        cuts = {start, end}
        for s, e, _, _ in spans:
            if s < end and e > start:
                cuts.update({max(s, start), min(e, end)})
        points = sorted(cuts)
        pieces = []
        for a, b in zip(points, points[1:]):
            covering = [n for s, e, n, _ in spans if s <= a and e >= b]
            anchors = [anchor for s, _, _, anchor in spans if s == a]
            pieces.append({"text": text[a:b], "questions": covering, "anchors": anchors})
        paragraphs.append(pieces)
        start = end + 2
    return paragraphs


# -- generation and review ------------------------------------------------------------------


@bp.route("/articles/<int:article_id>/generate", methods=["POST"])
@login_required
@budget("generation")
def generate(article_id: int):
    article = _article_or_404(article_id)
    count = _count(request.form.get("count"))
    try:
        ids = services.generate_for_article(get_store(), g.teacher["id"], article, count=count)
    except InputError as exc:
        flash(str(exc), "error")
    else:
        flash(f"Generated {len(ids)} questions. Review them beside the article.", "success")
    return redirect(url_for("teacher.article", article_id=article_id) + "#questions")


@bp.route("/questions/<int:question_id>/regenerate", methods=["POST"])
@login_required
@budget("generation")
def regenerate(question_id: int):
    question = _question_or_404(question_id)
    try:
        ok = services.regenerate_one(get_store(), g.teacher["id"], question)
    except InputError as exc:
        ok = False
        flash(str(exc), "error")
    else:
        flash("Question replaced by a new one." if ok else "No other question could be found; edit it instead.",
              "success" if ok else "error")
    return redirect(url_for("teacher.article", article_id=question["article_id"]) + f"#q-{question_id}")


def _form_question(existing: dict | None, article_rows: list[dict]) -> tuple[dict, list[str]]:
    """A question from the edit form, and what is wrong with it."""
    f = request.form
    kind = f.get("type", existing["type"] if existing else "multiple_choice")
    q = {
        "type": kind,
        "prompt": " ".join(f.get("prompt", "").split()),
        "explanation": " ".join(f.get("explanation", "").split()),
        "focus": f.get("focus") if f.get("focus") in quizdoc.FOCUSES else (existing or {}).get("focus", "event"),
        "difficulty": f.get("difficulty") if f.get("difficulty") in quizdoc.DIFFICULTIES else "medium",
        "score": (existing or {}).get("score", 0.5),
        "answer_span": None,
        "choices": [],
        "accepted_answers": [],
    }
    errors = []
    if kind == "multiple_choice":
        choices = [" ".join(f.get(f"choice-{i}", "").split()) for i in range(5)]
        key = f.get("key", "")
        q["answer"] = choices[int(key)] if key.isdigit() and int(key) < 5 else ""
        q["choices"] = [c for c in choices if c]
        if key.isdigit() and int(key) < 5 and not q["answer"]:
            errors.append("The key must be one of the choices: the choice marked correct is empty.")
    elif kind == "true_false":
        q["answer"] = f.get("tf_answer", "")
        q["choices"] = ["True", "False"]
    else:
        q["answer"] = " ".join(f.get("answer", "").split())
    accepted = [" ".join(line.split()) for line in f.get("accepted", "").splitlines() if line.strip()]
    if kind in ("fill_blank", "short_answer"):
        q["accepted_answers"] = list(dict.fromkeys([q["answer"], *accepted])) if q["answer"] else accepted
    elif q.get("answer"):
        q["accepted_answers"] = [q["answer"]]
    if not q["explanation"] and q.get("answer"):
        q["explanation"] = f"The answer is {q['answer']}."
    evidence = []
    for line in f.get("evidence", "").splitlines():
        line = line.strip()
        if not line:
            continue
        for row in article_rows:
            found = quizdoc.find_span(row["text"], line)
            if found:
                evidence.append({"article_id": row["id"], "start": found[0], "end": found[1],
                                 "text": row["text"][found[0]:found[1]]})
                break
        else:
            errors.append(f"This evidence is not in the article: “{line[:80]}”. Copy a sentence from it.")
    q["evidence"] = evidence
    if existing and existing.get("answer_span") and q.get("answer") == existing.get("answer"):
        q["answer_span"] = existing["answer_span"]
    errors += quizdoc.validate_question(q)
    return q, errors


def _question_articles(question: dict | None, article: dict) -> list[dict]:
    ids = [article["id"]]
    for s in (question or {}).get("evidence") or []:
        if s["article_id"] not in ids:
            ids.append(s["article_id"])
    rows = [get_store().article(g.teacher["id"], i) for i in ids]
    return [r for r in rows if r]


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit_question(question_id: int):
    question = _question_or_404(question_id)
    article = _article_or_404(question["article_id"])
    errors: list[str] = []
    if request.method == "POST":
        edited, errors = _form_question(question, _question_articles(question, article))
        if not errors:
            get_store().update_question(g.teacher["id"], question_id, edited)
            flash("Question saved.", "success")
            return redirect(url_for("teacher.article", article_id=article["id"]) + f"#q-{question_id}")
        question = {**question, **edited}
    return render_template("web/question_form.html", question=question, article=article, errors=errors,
                           new=False), (400 if errors else 200)


@bp.route("/articles/<int:article_id>/questions/new", methods=["GET", "POST"])
@login_required
def new_question(article_id: int):
    article = _article_or_404(article_id)
    errors: list[str] = []
    question = {"type": request.args.get("type", "multiple_choice"), "prompt": "", "choices": [], "answer": "",
                "accepted_answers": [], "explanation": "", "evidence": [], "focus": "event",
                "difficulty": "medium"}
    if request.method == "POST":
        question, errors = _form_question(None, [article])
        if not errors:
            question["score"] = 1.0
            ids = get_store().add_questions(g.teacher["id"], article_id, [question], origin="manual")
            flash("Question added.", "success")
            return redirect(url_for("teacher.article", article_id=article_id) + f"#q-{ids[0]}")
    return render_template("web/question_form.html", question=question, article=article, errors=errors,
                           new=True), (400 if errors else 200)


@bp.route("/questions/<int:question_id>/delete", methods=["POST"])
@login_required
def delete_question(question_id: int):
    question = _question_or_404(question_id)
    get_store().delete_question(g.teacher["id"], question_id)
    flash("Question deleted.", "success")
    return redirect(url_for("teacher.article", article_id=question["article_id"]) + "#questions")


@bp.route("/questions/<int:question_id>/move", methods=["POST"])
@login_required
def move_question(question_id: int):
    question = _question_or_404(question_id)
    step = -1 if request.form.get("direction") == "up" else 1
    get_store().move_question(g.teacher["id"], question_id, step)
    return redirect(url_for("teacher.article", article_id=question["article_id"]) + f"#q-{question_id}")


# -- quizzes --------------------------------------------------------------------------------


def _settings_from_form() -> dict:
    f = request.form
    limit = f.get("time_limit", "").strip()
    settings = {
        "shuffle_questions": f.get("shuffle_questions") == "on",
        "shuffle_choices": f.get("shuffle_choices") == "on",
        "allow_retries": f.get("allow_retries") == "on",
        "is_public": f.get("is_public") == "on",
        "feedback": "each" if f.get("feedback") == "each" else "end",
        "time_limit": int(limit) if limit.isdigit() and 0 < int(limit) <= 600 else None,
    }
    return settings


@bp.route("/quizzes")
@login_required
def quizzes():
    return render_template("web/quizzes.html", quizzes=get_store().quizzes(g.teacher["id"]))


@bp.route("/quizzes/new", methods=["GET", "POST"])
@login_required
def new_quiz():
    store = get_store()
    articles = store.articles(g.teacher["id"])
    for a in articles:
        a["questions"] = store.questions(g.teacher["id"], a["id"])
    errors: list[str] = []
    chosen: set[int] = set()
    preselect = request.args.get("article", type=int)
    if preselect:
        chosen = {q["id"] for a in articles if a["id"] == preselect for q in a["questions"]}
    title = next((a["title"] for a in articles if a["id"] == preselect), "")
    if request.method == "POST":
        title = request.form.get("title", "").strip()
        ids = [int(v) for v in request.form.getlist("question") if v.isdigit()]
        chosen = set(ids)
        questions = store.questions_by_ids(g.teacher["id"], ids)
        if not questions:
            errors.append("Choose at least one question.")
        most = current_app.config["MAX_QUESTIONS_PER_QUIZ"]
        if len(ids) > most:
            errors.append(f"A quiz holds {most} questions at most; you chose {len(ids)}.")
        if not title:
            errors.append("Give the quiz a title.")
        if len(ids) != len(questions):
            abort(404)
        if not errors:
            # keep the order of the article pages: article by article, question position within
            order = {q["id"]: i for i, q in enumerate(q for a in reversed(articles) for q in a["questions"])}
            questions.sort(key=lambda q: order.get(q["id"], 0))
            try:
                quiz = services.build_quiz(store, g.teacher["id"], title, questions, **_settings_from_form())
            except InputError as exc:
                errors.append(str(exc))
            else:
                flash("Quiz created. Check the settings, then publish it.", "success")
                return redirect(url_for("teacher.quiz", quiz_id=quiz["id"]))
    return render_template("web/quiz_new.html", articles=articles, chosen=chosen, title=title,
                           errors=errors), (400 if errors else 200)


@bp.route("/quizzes/<int:quiz_id>")
@login_required
def quiz(quiz_id: int):
    from quizgen.export import EXPORTERS

    quiz = _quiz_or_404(quiz_id)
    return render_template("web/quiz.html", quiz=quiz, join_url=join_url(quiz["code"]),
                           formats=sorted(EXPORTERS), attempts=len(get_store().submitted_attempts(quiz_id)))


@bp.route("/quizzes/<int:quiz_id>/settings", methods=["POST"])
@login_required
def quiz_settings(quiz_id: int):
    _quiz_or_404(quiz_id)
    values = _settings_from_form()
    title = request.form.get("title", "").strip()
    if title:
        values["title"] = title[:200]
    get_store().update_quiz(g.teacher["id"], quiz_id, **values)
    flash("Settings saved.", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz_id))


@bp.route("/quizzes/<int:quiz_id>/status", methods=["POST"])
@login_required
def quiz_status(quiz_id: int):
    quiz = _quiz_or_404(quiz_id)
    action = request.form.get("action")
    if action in ("publish", "reopen"):
        values = {"status": "open"}
        if not quiz.get("published_at"):
            values["published_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        get_store().update_quiz(g.teacher["id"], quiz_id, **values)
        flash(f"Published. Students join with the code {quiz['code']}.", "success")
    elif action == "close":
        get_store().update_quiz(g.teacher["id"], quiz_id, status="closed")
        flash("Closed: students can no longer join or submit.", "success")
    else:
        abort(400)
    return redirect(url_for("teacher.quiz", quiz_id=quiz_id))


@bp.route("/quizzes/<int:quiz_id>/delete", methods=["POST"])
@login_required
def delete_quiz(quiz_id: int):
    _quiz_or_404(quiz_id)
    get_store().delete_quiz(g.teacher["id"], quiz_id)
    flash("Quiz deleted, with its results.", "success")
    return redirect(url_for("teacher.quizzes"))


@bp.route("/quizzes/<int:quiz_id>/qr.svg")
@login_required
def quiz_qr(quiz_id: int):
    import segno

    quiz = _quiz_or_404(quiz_id)
    buffer = io.BytesIO()
    segno.make(join_url(quiz["code"]), error="m").save(buffer, kind="svg", scale=6, border=2,
                                                         title=f"Join code {quiz['code']}")
    return Response(buffer.getvalue(), mimetype="image/svg+xml")


EXPORT_TYPES = {
    "json": ("json", "application/json"),
    "md": ("md", "text/markdown; charset=utf-8"),
    "gift": ("gift.txt", "text/plain; charset=utf-8"),
    "moodle": ("moodle.xml", "application/xml"),
    "qti": ("qti.zip", "application/zip"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_name_and_type(fmt: str, data: bytes) -> tuple[str, str]:
    """A file-name suffix and a mimetype for an export, looking at the bytes where it can vary."""
    if fmt in EXPORT_TYPES:
        return EXPORT_TYPES[fmt]
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:2] == b"pk":
        return (f"{fmt}.xlsx", XLSX) if fmt in ("kahoot", "quizizz") else (f"{fmt}.zip", "application/zip")
    if head.startswith((b"<!doctype html", b"<html")):
        return f"{fmt}.html", "text/html; charset=utf-8"
    if head.startswith(b"<?xml"):
        return f"{fmt}.xml", "application/xml"
    if head[:1] in (b"{", b"["):
        return f"{fmt}.json", "application/json"
    return f"{fmt}.txt", "text/plain; charset=utf-8"


def slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", (text or "quiz").lower()).strip("-")[:50] or "quiz"


@bp.route("/quizzes/<int:quiz_id>/export/<fmt>")
@login_required
def export(quiz_id: int, fmt: str):
    from quizgen.export import EXPORTERS
    from quizgen.export import export as run_export

    quiz = _quiz_or_404(quiz_id)
    if fmt not in EXPORTERS:
        abort(404)
    data = run_export(quiz["document"], fmt)
    suffix, mimetype = export_name_and_type(fmt, data)
    name = f"{slug(quiz['title'])}.{suffix}"
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- results --------------------------------------------------------------------------------


def results_data(quiz: dict) -> dict:
    attempts = get_store().submitted_attempts(quiz["id"])
    stats = quizdoc.statistics(quiz["document"], attempts)
    return {"attempts": attempts, "stats": stats}


@bp.route("/quizzes/<int:quiz_id>/results")
@login_required
def results(quiz_id: int):
    quiz = _quiz_or_404(quiz_id)
    data = results_data(quiz)
    questions = {q["id"]: q for q in quiz["document"]["questions"]}
    return render_template("web/results.html", quiz=quiz, questions=questions, **data)


@bp.route("/quizzes/<int:quiz_id>/results.csv")
@login_required
def results_csv(quiz_id: int):
    quiz = _quiz_or_404(quiz_id)
    data = results_data(quiz)
    questions = quiz["document"]["questions"]
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["name", "submitted_at", "score", "total", "percent"]
    for q in questions:
        header += [f"{q['id']} answer", f"{q['id']} correct"]
    writer.writerow(header)
    for a in data["attempts"]:
        row = [_csv_safe(a["name"]), a["submitted_at"], a["score"], a["total"],
               round(100 * a["score"] / a["total"]) if a["total"] else 0]
        for q in questions:
            row += [_csv_safe(a["answers"].get(q["id"], "")), int(bool(a["correct"].get(q["id"])))]
        writer.writerow(row)
    name = f"{slug(quiz['title'])}-results.csv"
    return Response(out.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a student's text as a formula."""
    value = str(value or "")
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
