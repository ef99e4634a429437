"""Pure functions over quiz documents for the web app: build, strip, validate, grade, analyse.

No Flask and no database here, so they are easy to test on their own.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date
from functools import lru_cache

from quizgen import __version__

SECRET_KEYS = ("answer", "answer_span", "accepted_answers", "explanation", "evidence")
QUESTION_TYPES = ("multiple_choice", "true_false", "fill_blank", "short_answer")
TYPE_LABELS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "fill_blank": "Fill in the blank",
    "short_answer": "Short answer",
}
FOCUSES = ("person", "organisation", "place", "time", "number", "quote", "event", "term", "cause",
           "comparison", "main_idea")
DIFFICULTIES = ("easy", "medium", "hard")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=4096)  # a class sends the same few answers to the same keys: grading reuses them
def normalise(text: str | None) -> str:
    """Compare answers case-, accent-, punctuation- and leading-article-insensitively."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def article_entry(row: dict, doc_id: str) -> dict:
    """A stored article row as a CONTRACT section 3 article."""
    return {
        "id": doc_id,
        "title": row.get("title"),
        "date": row.get("date"),
        "source": row.get("source"),
        "word_count": row.get("word_count") or len((row.get("text") or "").split()),
        "reading_level": {"flesch_kincaid_grade": row.get("grade")},
        "text": row["text"],
    }


def question_entry(question: dict, doc_id: str, article_ids: dict) -> dict:
    """A stored question as a CONTRACT section 3 question, its article ids mapped by ``article_ids``."""

    def span(s):
        return None if not s else {**s, "article_id": article_ids[s["article_id"]]}

    choices = list(question.get("choices") or [])
    if question["type"] == "true_false":
        choices = ["True", "False"]
    return {
        "id": doc_id,
        "type": question["type"],
        "prompt": question["prompt"],
        "choices": choices,
        "answer": question["answer"],
        "accepted_answers": list(question.get("accepted_answers") or []) or [question["answer"]],
        "explanation": question.get("explanation") or "",
        "evidence": [span(s) for s in question.get("evidence") or []],
        "answer_span": span(question.get("answer_span")),
        "focus": question.get("focus") or "event",
        "difficulty": question.get("difficulty") or "medium",
        "score": float(question.get("score") if question.get("score") is not None else 0.5),
    }


def build_document(questions: list[dict], articles: dict[int, dict]) -> dict:
    """A quiz document over stored questions; ``articles`` maps database ids to stored rows.

    Articles are numbered a1, a2... in the order the questions first cite them; questions q1, q2...
    """
    order: list[int] = []
    for q in questions:
        for s in (q.get("evidence") or []) + ([q["answer_span"]] if q.get("answer_span") else []):
            if s["article_id"] not in order:
                order.append(s["article_id"])
        if q.get("article_id") and q["article_id"] not in order:
            order.append(q["article_id"])
    mapping = {db_id: f"a{i}" for i, db_id in enumerate(order, 1)}
    return {
        "quizgen_version": __version__,
        "articles": [article_entry(articles[db_id], mapping[db_id]) for db_id in order],
        "questions": [question_entry(q, f"q{i}", mapping) for i, q in enumerate(questions, 1)],
    }


def from_generated(document: dict, db_ids: dict[str, int]) -> list[dict]:
    """Questions of a generated document, with "a1"... replaced by the articles' database ids."""
    out = []
    for q in document["questions"]:
        q = dict(q)
        q["evidence"] = [{**s, "article_id": db_ids[s["article_id"]]} for s in q.get("evidence") or []]
        if q.get("answer_span"):
            q["answer_span"] = {**q["answer_span"], "article_id": db_ids[q["answer_span"]["article_id"]]}
        q.pop("id", None)
        out.append(q)
    return out


def public_question(question: dict) -> dict:
    return {k: v for k, v in question.items() if k not in SECRET_KEYS}


def public_document(document: dict) -> dict:
    """The document a student may see before answering: no key, explanation or evidence."""
    return {**document, "questions": [public_question(q) for q in document["questions"]]}


def is_correct(question: dict, given: str | None) -> bool:
    given_n = normalise(given)
    if not given_n:
        return False
    if question["type"] in ("multiple_choice", "true_false"):
        return given_n == normalise(question["answer"])
    accepted = [question["answer"], *(question.get("accepted_answers") or [])]
    return any(given_n == normalise(a) for a in accepted if a)


def grade(document: dict, answers: dict) -> tuple[int, int, dict, list[dict]]:
    """Score answers {question_id: text}: (score, total, {question_id: correct}, feedback)."""
    correct = {}
    feedback = []
    for q in document["questions"]:
        ok = is_correct(q, answers.get(q["id"]))
        correct[q["id"]] = ok
        feedback.append({
            "question_id": q["id"], "correct": ok, "answer": q["answer"],
            "explanation": q.get("explanation") or "", "evidence": q.get("evidence") or [],
        })
    return sum(correct.values()), len(document["questions"]), correct, feedback


def clean_answers(document: dict, answers) -> dict:
    """Only answers to questions of this quiz, as stripped strings of bounded length."""
    ids = {q["id"] for q in document["questions"]}
    if not isinstance(answers, dict):
        return {}
    return {
        str(k): str(v).strip()[:500]
        for k, v in answers.items()
        if str(k) in ids and isinstance(v, (str, int, float)) and str(v).strip()
    }


def student_view(document: dict, seed: int, shuffle_questions: bool, shuffle_choices: bool) -> list[dict]:
    """The questions in the order (and with the choice order) this student sees; stable per seed."""
    rng = random.Random(seed)
    questions = [dict(q) for q in document["questions"]]
    if shuffle_questions:
        rng.shuffle(questions)
    if shuffle_choices:
        for q in questions:
            if q["type"] == "multiple_choice" and q.get("choices"):
                q["choices"] = list(q["choices"])
                rng.shuffle(q["choices"])
    return questions


# -- validation of a teacher's edits ------------------------------------------------------


def validate_question(q: dict) -> list[str]:
    """Problems with a question a teacher wrote or edited, as messages; [] when it is fine."""
    errors = []
    kind = q.get("type")
    prompt = (q.get("prompt") or "").strip()
    answer = (q.get("answer") or "").strip()
    if kind not in QUESTION_TYPES:
        errors.append("Choose a question type.")
        return errors
    if not prompt:
        errors.append("Write the question.")
    elif len(prompt) > 500:
        errors.append("The question is too long (500 characters at most).")
    elif kind in ("multiple_choice", "short_answer") and not prompt.endswith("?"):
        errors.append("A question ends with a question mark.")
    elif kind == "fill_blank" and "___" not in prompt:
        errors.append("A fill-in-the-blank question shows the blank as ___ (three underscores or more).")
    if not answer:
        errors.append("Give the right answer (the key).")
    if kind == "multiple_choice":
        choices = [c.strip() for c in q.get("choices") or [] if c and c.strip()]
        if not 3 <= len(choices) <= 5:
            errors.append("A multiple-choice question has 3 to 5 choices.")
        keys = [normalise(c) for c in choices]
        if len(set(keys)) != len(keys):
            errors.append("The choices must all be different.")
        if answer and normalise(answer) not in keys:
            errors.append("The key must be one of the choices.")
    if kind == "true_false" and answer not in ("True", "False"):
        errors.append("The key of a true-or-false question is True or False.")
    if not q.get("evidence"):
        errors.append("Give the evidence: a sentence copied from the article.")
    return errors


def find_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quoted passage stands in the article, ignoring differences of spacing."""
    quote = " ".join((quote or "").split())
    if not quote:
        return None
    exact = text.find(quote)
    if exact != -1:
        return exact, exact + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split(" "))
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


# -- results --------------------------------------------------------------------------------


def statistics(document: dict, attempts: list[dict]) -> list[dict]:
    """Per question: answered, correct, p-value, discrimination (upper-lower 27%), choice counts."""
    n = len(attempts)
    ranked = sorted(attempts, key=lambda a: (-(a.get("score") or 0), a["id"]))
    k = max(1, round(0.27 * n)) if n >= 2 else 0
    upper, lower = ranked[:k], ranked[n - k:] if k else []
    out = []
    for q in document["questions"]:
        qid = q["id"]
        given = [a["answers"].get(qid) for a in attempts]
        answered = sum(1 for g in given if g)
        correct = sum(1 for a in attempts if a["correct"].get(qid))
        discrimination = None
        if k and len(upper) == len(lower) == k:
            hi = sum(1 for a in upper if a["correct"].get(qid)) / k
            lo = sum(1 for a in lower if a["correct"].get(qid)) / k
            discrimination = round(hi - lo, 3)
        out.append({
            "id": qid,
            "answered": answered,
            "correct": correct,
            "p_value": round(correct / n, 3) if n else None,
            "discrimination": discrimination,
            "choice_counts": choice_counts(q, given),
        })
    return out


def choice_counts(question: dict, given: list[str | None]) -> dict[str, int]:
    """How many chose each option (every option listed); for typed answers, each distinct answer."""
    counts: dict[str, int] = {}
    if question.get("choices"):
        by_key = {normalise(c): c for c in question["choices"]}
        counts = {c: 0 for c in question["choices"]}
        for g in given:
            if not g:
                continue
            label = by_key.get(normalise(g), g)
            counts[label] = counts.get(label, 0) + 1
        return counts
    seen: dict[str, str] = {}
    for g in given:
        if not g:
            continue
        label = seen.setdefault(normalise(g), g.strip())
        counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
