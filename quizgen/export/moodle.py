"""Moodle XML: a category, then one ``multichoice``, ``truefalse``, ``shortanswer`` or ``cloze`` question each.

The layout follows the fixtures of Moodle's own XML format tests (question/format/xml/tests/fixtures):
question text and feedback as HTML in CDATA, answers with percentage fractions. A fill-in becomes a
``cloze`` question, with the gap where the blank was, when its answers are plain enough for Moodle's
cloze syntax; otherwise it becomes multiple choice (with choices) or short answer (without).
"""

from __future__ import annotations

import re

from lxml import etree

from quizgen.export.common import BLANK, accepted, choices, clean, html_text, quiz_title

# Characters with a meaning inside a cloze gap or to Moodle's short-answer matching.
_CLOZE_UNSAFE = re.compile(r"[{}#~=%:\\/\"*&<>\n]")


def _text(parent: etree._Element, tag: str, value: str, fmt: str | None = None, cdata: bool = False):
    el = etree.SubElement(parent, tag)
    if fmt:
        el.set("format", fmt)
    etree.SubElement(el, "text").text = etree.CDATA(value) if cdata and value else value
    return el


def _html(parent: etree._Element, tag: str, fragment: str) -> None:
    _text(parent, tag, f"<p>{fragment}</p>" if fragment else "", "html", cdata=True)


def _answer(parent: etree._Element, fraction: int, text: str, fmt: str) -> None:
    el = etree.SubElement(parent, "answer", fraction=str(fraction), format=fmt)
    etree.SubElement(el, "text").text = etree.CDATA(text) if fmt == "html" else text
    _html(el, "feedback", "")


def _cloze_gap(q: dict) -> str | None:
    """The cloze gap for a fill-in, or None when its answers need characters cloze cannot carry."""
    options, answers = choices(q), accepted(q)
    if any(_CLOZE_UNSAFE.search(a) for a in options + answers) or not answers:
        return None
    right = answers[0]
    if options:
        return "{1:MULTICHOICE:" + "~".join(("=" if o.strip() == right else "") + o.strip() for o in options) + "}"
    return "{1:SHORTANSWER:" + "~".join("=" + a for a in answers) + "}"


def _braces(fragment: str) -> str:
    return fragment.replace("{", "&#123;").replace("}", "&#125;")


def _qtype(q: dict) -> str:
    if q["type"] == "true_false":
        return "truefalse"
    if q["type"] == "fill_blank" and len(BLANK.split(clean(q["prompt"]), maxsplit=1)) == 2 and _cloze_gap(q):
        return "cloze"
    return "multichoice" if choices(q) else "shortanswer"


def _question(quiz: etree._Element, number: int, q: dict) -> None:
    qtype = _qtype(q)
    el = etree.SubElement(quiz, "question", type=qtype)
    _text(el, "name", f"Q{number} {clean(q.get('id'))} {q.get('focus', '')}".strip())
    if qtype == "cloze":
        before, after = BLANK.split(clean(q["prompt"]), maxsplit=1)
        _html(el, "questiontext", _braces(html_text(before)) + _cloze_gap(q) + _braces(html_text(after)))
    else:
        _html(el, "questiontext", html_text(q["prompt"]))
    _html(el, "generalfeedback", html_text(q.get("explanation")))
    if qtype != "cloze":
        etree.SubElement(el, "defaultgrade").text = "1.0000000"
    etree.SubElement(el, "penalty").text = "0.3333333" if qtype != "truefalse" else "1.0000000"
    etree.SubElement(el, "hidden").text = "0"
    if qtype == "truefalse":
        is_true = clean(q["answer"]).strip().lower() == "true"
        _answer(el, 100 if is_true else 0, "true", "moodle_auto_format")
        _answer(el, 0 if is_true else 100, "false", "moodle_auto_format")
    elif qtype == "multichoice":
        for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc")):
            etree.SubElement(el, tag).text = value
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _html(el, tag, "")
        right = clean(q["answer"]).strip()
        for option in choices(q):
            _answer(el, 100 if option.strip() == right else 0, f"<p>{html_text(option)}</p>", "html")
    elif qtype == "shortanswer":
        etree.SubElement(el, "usecase").text = "0"
        for a in accepted(q):
            _answer(el, 100, a.replace("*", r"\*"), "moodle_auto_format")


def export(document: dict, category: str | None = None) -> bytes:
    """The quiz as Moodle XML (UTF-8), its questions in the category ``$course$/quizgen/<title>``."""
    quiz = etree.Element("quiz")
    cat = etree.SubElement(quiz, "question", type="category")
    path = category or f"quizgen/{quiz_title(document).replace('/', '-')}"
    _text(cat, "category", f"$course$/{clean(path)}")
    for number, q in enumerate(document["questions"], 1):
        _question(quiz, number, q)
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
