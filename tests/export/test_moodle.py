"""Moodle XML: the structure of Moodle's own fixtures, and every question read back.

The expected child elements are those of the fixtures in moodle/moodle
``question/format/xml/tests/fixtures``: ``multichoice.xml`` (multichoice), ``truefalse.xml`` and
``nested_categories_with_questions.xml`` (category, truefalse) and ``multianswer.xml`` (cloze);
``shortanswer`` adds ``usecase`` before its answers, as Moodle's exporter writes it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from lxml import etree

import strategies
from quizgen.export import moodle
from readers import accepted, choices, expected, from_html, from_moodle_typed

COMMON = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"]
CHILDREN = {
    "multichoice": COMMON + ["single", "shuffleanswers", "answernumbering", "correctfeedback",
                             "partiallycorrectfeedback", "incorrectfeedback"],
    "truefalse": COMMON,
    "shortanswer": COMMON + ["usecase"],
    "cloze": ["name", "questiontext", "generalfeedback", "penalty", "hidden"],
}
GAP = re.compile(r"\{1:(MULTICHOICE|SHORTANSWER):(.*?)\}")


def parse(document: dict, **options) -> etree._Element:
    data = moodle.export(document, **options)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return etree.fromstring(data)


def html_of(el: etree._Element, path: str) -> str:
    return el.findtext(f"{path}/text") or ""


def check_structure(quiz: etree._Element) -> None:
    assert quiz.tag == "quiz"
    category, *questions = quiz.findall("question")
    assert category.get("type") == "category" and category.findtext("category/text").startswith("$course$/")
    for q in questions:
        tags = [child.tag for child in q]
        fixed = CHILDREN[q.get("type")]
        assert tags[: len(fixed)] == fixed
        assert set(tags[len(fixed):]) <= {"answer"}
        assert q.find("questiontext").get("format") == "html"
        for answer in q.findall("answer"):
            assert answer.get("fraction") in {"0", "100"} and answer.find("text") is not None
            assert answer.find("feedback").get("format") == "html"
        if q.get("type") == "truefalse":
            assert [a.findtext("text") for a in q.findall("answer")] == ["true", "false"]


def check_round_trip(document: dict, quiz: etree._Element) -> None:
    questions = quiz.findall("question")[1:]
    assert len(questions) == len(document["questions"])
    for q, el in zip(document["questions"], questions):
        kind = el.get("type")
        assert from_html(html_of(el, "generalfeedback")) == expected(q["explanation"])
        answers = [(a.get("fraction"), a.findtext("text")) for a in el.findall("answer")]
        if kind == "cloze":
            text = html_of(el, "questiontext")
            before, after = GAP.split(text)[0], GAP.split(text)[-1]
            prompt = expected(q["prompt"])
            assert from_html(before + "</p>") == prompt.split("___")[0].strip()
            assert from_html("<p>" + after) == prompt.split("___", 1)[1].lstrip("_").strip()
            gap_type, body = GAP.search(text).groups()
            options = body.split("~")
            if gap_type == "MULTICHOICE":
                assert [o.lstrip("=") for o in options] == choices(q)
                assert [o[1:] for o in options if o.startswith("=")] == [expected(q["answer"])]
            else:
                assert [o[1:] for o in options] == accepted(q)
            continue
        assert from_html(html_of(el, "questiontext")) == expected(q["prompt"])
        if q["type"] == "true_false":
            assert kind == "truefalse"
            assert [t for f, t in answers if f == "100"] == [q["answer"].lower()]
        elif q.get("choices"):
            assert kind == "multichoice"
            assert [from_html(t) for _, t in answers] == choices(q)
            assert [from_html(t) for f, t in answers if f == "100"] == [expected(q["answer"])]
        else:
            assert kind == "shortanswer"
            assert [from_moodle_typed(t) for _, t in answers] == accepted(q)
            assert {f for f, _ in answers} == {"100"}


def test_structure_matches_moodle_fixtures(document):
    check_structure(parse(document))


def test_every_question_round_trips(document):
    check_round_trip(document, parse(document))


def test_types_chosen_per_question(document):
    types = [q.get("type") for q in parse(document).findall("question")]
    assert types == ["category", "multichoice", "truefalse", "truefalse", "cloze", "cloze", "shortanswer",
                     "multichoice"]


def test_html_stays_text_inside_cdata(document):
    data = moodle.export(document).decode("utf-8")
    assert "<![CDATA[<p>Because {x} ~ = # : \\ and &lt;script&gt;alert(1)&lt;/script&gt; must stay text.</p>]]>" in data
    assert "<script>" not in data


def test_fill_blank_with_cloze_unsafe_answer_is_short_answer(document):
    q = document["questions"][3]
    q["answer"], q["accepted_answers"] = "shells}#", ["shells}#"]
    el = parse(document).findall("question")[4]
    assert el.get("type") == "shortanswer"
    assert el.findtext("answer/text") == "shells}#"


def test_category_option_and_default(document):
    assert parse(document).findtext("question/category/text") == "$course$/quizgen/Kim visits <factory> & more"
    assert parse(document, category="Year 9/News").findtext("question/category/text") == "$course$/Year 9/News"


@settings(max_examples=150, deadline=None)
@given(strategies.document())
def test_property_arbitrary_text_round_trips(document):
    quiz = parse(document)
    check_structure(quiz)
    check_round_trip(document, quiz)
