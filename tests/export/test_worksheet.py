"""The printable worksheet: teacher copy with the key, student copy with no answer at all."""

from __future__ import annotations

from hypothesis import given, settings
from lxml import html

import strategies
from quizgen.export import worksheet
from readers import expected

HIDDEN_FROM_STUDENTS = ["shells", "40%", "40 percent", "forty percent", "The article says so", "Answer key",
                        "Kim Jong Un visited a munitions factory", "correct"]


def css(doc: html.HtmlElement, tag: str = "*", cls: str | None = None) -> list:
    """Elements by tag and class, through XPath (no cssselect needed)."""
    test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
    return doc.xpath(f"//{tag}{test}")


def page(document: dict, **options) -> html.HtmlElement:
    data = worksheet.export(document, **options)
    assert data.startswith(b"<!doctype html>")
    return html.fromstring(data.decode("utf-8"))


def test_teacher_copy_marks_answers_and_has_the_key(document):
    doc = page(document)
    items = doc.xpath("//ol[@class='questions']/li")
    assert len(items) == len(document["questions"])
    assert [li.text_content() for li in css(doc, "li", "correct")] == ["Kim Jong Un", "Friday", "a = b # c"]
    key = css(doc, "section", "key")[0].text_content()
    assert "40%" in key and "also accept: 40 percent, forty percent" in key
    assert "Kim Jong Un visited a munitions factory" in key
    assert "The factory makes ____________ for the army." in items[3].text_content()


def test_student_copy_contains_no_answer(document):
    data = worksheet.export(document, student_copy=True).decode("utf-8")
    for secret in HIDDEN_FROM_STUDENTS:
        assert secret not in data
    doc = page(document, student_copy=True)
    assert not (css(doc, cls="key") + css(doc, cls="correct") + css(doc, "dd") + css(doc, "blockquote"))
    assert len(css(doc, cls="write-in")) == 2 and "Name:" in doc.text_content()


def test_student_copy_with_article_still_has_no_key(document):
    doc = page(document, student_copy=True, include_article=True)
    assert not (css(doc, cls="key") + css(doc, cls="correct"))
    article = css(doc, "section", "article")[0].text_content()
    assert "Jagang province" in article and len(doc.xpath("//section[@class='article']//p")) == 3
    assert "The article says so" not in doc.text_content()


def test_markup_in_quiz_text_is_escaped(document):
    data = worksheet.export(document).decode("utf-8")
    assert "<script>" not in data and "&lt;script&gt;alert(1)&lt;/script&gt;" in data
    assert page(document).xpath("//title")[0].text.startswith("Kim visits <factory> & more")


def test_print_styles_for_black_and_white(document):
    style = page(document).xpath("//style")[0].text
    assert "@media print" in style and "break-inside: avoid" in style
    assert "color: #000" in style and "#fff" in style


@settings(max_examples=100, deadline=None)
@given(strategies.document())
def test_property_arbitrary_text_shows_as_written(document):
    teacher, student = page(document), page(document, student_copy=True)
    for doc in (teacher, student):
        prompts = [expected(li.xpath("div[@class='prompt']")[0].text_content()) for li in doc.xpath("//ol[@class='questions']/li")]
        assert [" ".join(p.replace("____________", "___").split()) for p in prompts] == [
            " ".join(expected(q["prompt"]).split()) for q in document["questions"]]
        assert not css(doc, "script")
    for q in document["questions"]:
        if expected(q["explanation"]) and expected(q["explanation"]) not in expected(q["prompt"]):
            assert expected(q["explanation"]).split()[0] in css(teacher, "section", "key")[0].text_content()
    assert not (css(student, cls="key") + css(student, cls="correct") + css(student, "dd"))
