"""Moodle GIFT text: one question per block, the explanation as general feedback.

Question and choice text is written as ``[html]`` (HTML-escaped, so markup in an article shows as
typed); typed answers stay plain text, as Moodle compares them with what a student types, with ``*``
escaped because Moodle's short-answer matching reads it as a wildcard. A fill-in becomes a
missing-word question: multiple choice when it has choices, short answer otherwise.
"""

from __future__ import annotations

import re

from quizgen.export.common import BLANK, accepted, choices, clean, html_text

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """Backslash-escape GIFT's special characters; newlines become ``\\n``."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", r"\n")


def _html(text: str | None) -> str:
    return escape(html_text(text))


def _typed(text: str) -> str:
    return escape(text.replace("*", r"\*"))


def _answer(correct: bool, text: str) -> str:
    """One answer line; an explicit weight keeps a leading ``%`` from being read as one."""
    marker = "=" if correct else "~"
    return marker + (("%100%" if correct else "%0%") if text.lstrip().startswith("%") else "") + text


def _answers(q: dict) -> list[str]:
    if q["type"] == "true_false":
        return ["TRUE" if clean(q["answer"]).strip().lower() == "true" else "FALSE"]
    options = choices(q)
    if options:
        right = clean(q["answer"]).strip()
        return [_answer(c.strip() == right, _html(c)) for c in options]
    return [_answer(True, _typed(a)) for a in accepted(q)]


def _question(number: int, q: dict) -> str:
    name = escape(f"Q{number} {clean(q.get('id'))} {q.get('focus', '')}".strip())
    before, after = clean(q["prompt"]), ""
    if q["type"] == "fill_blank":
        parts = BLANK.split(before, maxsplit=1)
        if len(parts) == 2:
            before, after = parts
    lines = [f"::{name}::[html]{_html(before)}{{", *_answers(q)]
    if clean(q.get("explanation")).strip():
        lines.append("####" + _html(q["explanation"]))
    lines.append("}" + _html(after))
    return "\n".join(lines)


def export(document: dict) -> bytes:
    """The quiz as a GIFT file (UTF-8) for Moodle's question bank import."""
    blocks = [_question(n, q) for n, q in enumerate(document["questions"], 1)]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
