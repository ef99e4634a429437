"""Operations shared by the teacher pages and the JSON API: no request handling here."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import InputError
from quizgen.models import Article
from quizgen.store import Refused, Store
from quizgen.web import quizdoc

HTML_SUFFIXES = {".html", ".htm"}
UPLOAD_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def ingest(*, text: str | None = None, url: str | None = None, upload: tuple[str, bytes] | None = None,
           title: str | None = None, article_date: str | None = None, max_chars: int = 200_000) -> dict:
    """Text, a URL or an uploaded file -> an article row to store. Raises InputError."""
    from quizgen import ingest as ingest_module

    when = None
    if article_date:
        when = quizdoc.parse_date(article_date.strip())
        if when is None:
            raise InputError(f"the date '{article_date[:40]}' is not a valid YYYY-MM-DD date")
    if upload is not None:
        filename, data = upload
        suffix = Path(filename or "").suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise InputError(f"{filename or 'the file'}: upload a .txt, .md or .html file")
        article = ingest_module.parse_bytes(data, source=Path(filename).name, is_html=suffix in HTML_SUFFIXES,
                                            max_chars=max_chars)
    elif url:
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise InputError("the address must start with http:// or https://")
        article = ingest_module.fetch_url(url, max_chars=max_chars)
    elif text is not None:
        article = ingest_module.parse_text(text, title=title or None, article_date=when, max_chars=max_chars)
    else:
        raise InputError("give the article's text, a file or a URL")
    if title and title.strip():
        article.title = title.strip()[:300]
    if when:
        article.date = when
    return article_row(article)


def article_row(article: Article) -> dict:
    from quizgen.readability import flesch_kincaid_grade

    return {
        "title": article.title or _first_words(article.text),
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "text": article.text,
        "word_count": article.word_count,
        "grade": flesch_kincaid_grade(article.text),
    }


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def to_article(row: dict, doc_id: str = "a1") -> Article:
    return Article(text=row["text"], title=row.get("title"), date=quizdoc.parse_date(row.get("date")),
                   source=row.get("source"), url=row.get("url"), id=doc_id)


def generate(rows: list[dict], count: int = 10, seed: int | None = None) -> list[dict]:
    """Generate questions over stored articles; evidence points at their database ids."""
    from quizgen.pipeline import make_quiz

    articles = [to_article(row, f"a{i}") for i, row in enumerate(rows, 1)]
    quiz = make_quiz(articles, count=count, seed=seed)
    document = quiz.to_dict()
    return quizdoc.from_generated(document, {f"a{i}": row["id"] for i, row in enumerate(rows, 1)})


def generate_for_article(store: Store, teacher_id: int, article: dict, count: int = 10,
                         seed: int | None = None, replace: bool = True) -> list[int]:
    questions = generate([article], count=count, seed=seed)
    if not questions:
        raise InputError("no good questions could be made from this article; try a longer news article")
    for q in questions:
        q["article_id"] = article["id"]
    return store.add_questions(teacher_id, article["id"], questions, replace=replace)


def regenerate_one(store: Store, teacher_id: int, question: dict) -> bool:
    """Replace one question by a generated one not already in the article's list."""
    article = store.article(teacher_id, question["article_id"])
    existing = {quizdoc.normalise(q["prompt"]) for q in store.questions(teacher_id, article["id"])}
    for seed in (question["id"] * 7 + 1, question["id"] * 7 + 2, None):
        candidates = generate([article], count=30, seed=seed)
        fresh = [q for q in candidates if quizdoc.normalise(q["prompt"]) not in existing]
        if fresh:
            store.update_question(teacher_id, question["id"], fresh[0], origin="generated")
            return True
    return False


def build_quiz(store: Store, teacher_id: int, title: str, questions: list[dict], **settings) -> dict:
    """Snapshot the chosen questions (and the articles they cite) into a new quiz."""
    article_ids = {s["article_id"] for q in questions for s in q.get("evidence") or []}
    article_ids |= {q["article_id"] for q in questions if q.get("article_id")}
    articles = {}
    for article_id in article_ids:
        row = store.article(teacher_id, article_id)
        if row is None:
            raise InputError("a question cites an article that is no longer in your library")
        articles[article_id] = row
    document = quizdoc.build_document(questions, articles)
    return store.create_quiz(teacher_id, title.strip()[:200] or "Quiz", document, **settings)


def quiz_title_for(articles: list[dict]) -> str:
    titles = [a.get("title") or "Article" for a in articles]
    return titles[0] if len(titles) == 1 else f"{titles[0]} and {len(titles) - 1} more"


class AttemptRefused(Exception):
    """A student may not take (or no longer submit) this quiz; the message says why."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def attempts_allowed(quiz: dict, max_attempts: int | None) -> int | None:
    """How many submitted attempts one name may have: 1 without retries, else the server's limit."""
    return max_attempts if quiz["allow_retries"] else 1


def _refusal(quiz: dict, name: str, max_attempts: int | None) -> AttemptRefused:
    if not quiz["allow_retries"]:
        return AttemptRefused(
            f"Someone called “{name}” has already taken this quiz. Use your own name, or ask your "
            "teacher to allow retries.", 409)
    return AttemptRefused(f"“{name}” has used all {max_attempts} attempts at this quiz.", 409)


def check_can_join(store: Store, quiz: dict, name: str, max_attempts: int | None = None, *,
                   count_attempts: bool = True) -> None:
    name = (name or "").strip()
    if quiz["status"] != "open":
        raise AttemptRefused("This quiz is not open; ask your teacher.", 403)
    if not name:
        raise AttemptRefused("Type your name to join.", 400)
    if len(name) > 60:
        raise AttemptRefused("That name is too long (60 characters at most).", 400)
    cap = attempts_allowed(quiz, max_attempts)
    if cap is not None and count_attempts:
        done = [a for a in store.attempts_by_name(quiz["id"], name) if a["status"] == "submitted"]
        if len(done) >= cap:
            raise _refusal(quiz, name, max_attempts)


def submit(store: Store, quiz: dict, attempt: dict, answers: dict, max_attempts: int | None = None) -> dict:
    """Grade and store an attempt, then (only then) return its feedback.

    The check that this name has attempts left and the write are one transaction (see
    ``Store.submit_attempt``), so simultaneous submissions under one name cannot both count.
    """
    document = quiz["document"]
    answers = {**quizdoc.clean_answers(document, answers),
               **{k: v for k, v in attempt["answers"].items() if k in attempt["locked"]}}
    score, total, correct, feedback = quizdoc.grade(document, answers)
    try:
        stored = store.submit_attempt(attempt["id"], answers, score, total, correct,
                                      max_per_name=attempts_allowed(quiz, max_attempts))
    except Refused:
        raise _refusal(quiz, attempt["name"], max_attempts) from None
    if not stored:
        raise AttemptRefused("These answers were already submitted.", 409)
    return {"attempt_id": attempt["id"], "score": score, "total": total, "feedback": feedback}


def submit_new(store: Store, quiz: dict, name: str, answers: dict, max_attempts: int | None = None) -> dict:
    """The API's one-call attempt: check, grade and store it in one transaction, then give feedback."""
    check_can_join(store, quiz, name, max_attempts, count_attempts=False)  # counted in the transaction below
    name = " ".join(name.split())
    document = quiz["document"]
    answers = quizdoc.clean_answers(document, answers)
    score, total, correct, feedback = quizdoc.grade(document, answers)
    try:
        attempt_id = store.record_attempt(quiz["id"], name, answers, score, total, correct,
                                          max_per_name=attempts_allowed(quiz, max_attempts))
    except Refused:
        raise _refusal(quiz, name, max_attempts) from None
    return {"attempt_id": attempt_id, "score": score, "total": total, "feedback": feedback}
