"""Small text helpers shared by the exporters."""

from __future__ import annotations

import html
import re

# Characters XML 1.0 and spreadsheets cannot hold: C0 controls but tab and newline, surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BLANK = re.compile(r"_{3,}")


def clean(text: str | None) -> str:
    """Text with newlines normalised to ``\\n`` and characters no export format can carry removed."""
    if not text:
        return ""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def html_text(text: str | None) -> str:
    """Plain text as an HTML fragment: escaped, line breaks kept as ``<br>``."""
    return html.escape(clean(text), quote=False).replace("\n", "<br>")


def quiz_title(document: dict) -> str:
    """A title for the whole quiz: the articles' titles (or sources) joined."""
    names = [clean(a.get("title") or a.get("source") or a.get("id") or "") for a in document.get("articles", [])]
    return "; ".join(n for n in names if n) or "quizgen quiz"


def choices(question: dict) -> list[str]:
    """The options a student picks from, or ``[]`` for a typed answer."""
    if question["type"] == "true_false":
        return ["True", "False"]
    return [clean(c) for c in question.get("choices") or []]


def accepted(question: dict) -> list[str]:
    """The answer first, then the other accepted answers, without repeats or empties."""
    out: list[str] = []
    for a in [question["answer"], *(question.get("accepted_answers") or [])]:
        a = clean(a).strip()
        if a and a not in out:
            out.append(a)
    return out
