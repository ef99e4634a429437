"""Helpers the tests use to read exports back, independent of the exporters' code."""

from __future__ import annotations

import html
import re

# XML 1.0 cannot hold these; every export drops them (and turns \r\n and \r into \n).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def expected(value: str | None) -> str:
    """What a text field should read as after any export: illegal characters gone, newlines \\n, trimmed."""
    return _NOT_XML.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(value: str | None) -> str:
    """Whitespace collapsed: what single-line formats (Kahoot) keep."""
    return " ".join(expected(value).split())


def from_html(fragment: str) -> str:
    """Text of an HTML fragment as the exporters write it: ``<p>``-wrapped, ``<br>`` for newlines."""
    fragment = re.sub(r"^<p>|</p>$", "", fragment.strip())
    return html.unescape(fragment.replace("<br>", "\n")).strip()


def from_moodle_typed(answer: str) -> str:
    """A short answer as stored for Moodle: ``\\*`` is a literal asterisk there."""
    return answer.replace(r"\*", "*").strip()


def choices(q: dict) -> list[str]:
    return ["True", "False"] if q["type"] == "true_false" else [expected(c) for c in q.get("choices") or []]


def accepted(q: dict) -> list[str]:
    out = []
    for a in [q["answer"], *q.get("accepted_answers", [])]:
        if expected(a) and expected(a) not in out:
            out.append(expected(a))
    return out
