"""A printable worksheet (HTML with print CSS), black-and-white friendly.

The teacher copy (the default) marks the correct choices and ends with an answer key: answers,
accepted answers, explanations and evidence. ``student_copy=True`` leaves all of that out.
``include_article=True`` prints the article text before the questions. Print to PDF from a browser.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, select_autoescape

from quizgen.export.common import BLANK, accepted, choices, clean, quiz_title
from quizgen.templates_dir import templates_path

_BLANK_LINE = "_" * 12


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(templates_path()), autoescape=select_autoescape(default=True))


def _question(q: dict, student_copy: bool) -> dict:
    out = {"type": q["type"], "prompt": BLANK.sub(_BLANK_LINE, clean(q["prompt"])), "choices": [c.strip() for c in choices(q)]}
    if not student_copy:
        out |= {
            "answer": clean(q["answer"]).strip(),
            "accepted": accepted(q),
            "explanation": clean(q.get("explanation")),
            "evidence": [clean(e.get("text")) for e in q.get("evidence") or []],
        }
    return out


def _article(a: dict) -> dict:
    paragraphs = [p.strip() for p in clean(a.get("text")).split("\n\n") if p.strip()]
    return {"title": clean(a.get("title")), "source": clean(a.get("source")), "date": a.get("date"),
            "paragraphs": paragraphs}


def export(document: dict, student_copy: bool = False, include_article: bool = False) -> bytes:
    """The worksheet as UTF-8 HTML; the student copy carries no answer, explanation or evidence."""
    page = _environment().get_template("export/worksheet.html").render(
        title=quiz_title(document),
        student_copy=student_copy,
        include_article=include_article,
        articles=[_article(a) for a in document.get("articles", [])],
        questions=[_question(q, student_copy) for q in document["questions"]],
    )
    return page.encode("utf-8")
