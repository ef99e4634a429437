"""The whole flow in chromium: a teacher signs up, pastes seed 001, generates, edits, publishes; a student on a
phone joins, answers, reloads without losing answers, submits and sees feedback; the teacher sees the results."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizgen.samples import sample_paths

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser
SEED_001 = next(p for p in sample_paths() if p.name.startswith("001_"))


def test_teacher_and_student_flow(live_server, browser, shoot):
    teacher_context = browser.new_context(**DESKTOP)
    teacher = teacher_context.new_page()
    teacher.set_default_timeout(30_000)

    # sign up
    teacher.goto(live_server + "/signup")
    teacher.get_by_label("Your name").fill("Flow Teacher")
    teacher.get_by_label("E-mail address").fill("flow@school.test")
    teacher.get_by_label("Password").fill("correct horse battery")
    teacher.get_by_role("button", name="Sign up").click()
    teacher.wait_for_url(re.compile(r"/articles$"))

    # paste seed article 001
    teacher.get_by_label("Article text").fill(SEED_001.read_text(encoding="utf-8"))
    teacher.get_by_role("button", name="Add article").click()
    teacher.wait_for_url(re.compile(r"/articles/\d+$"))
    assert "2022-01-28" in teacher.locator(".meta").inner_text()

    # generate
    teacher.get_by_role("button", name="Generate questions").click()
    teacher.wait_for_selector("li.card")
    cards = teacher.locator("li.card")
    assert cards.count() >= 3
    assert teacher.locator("mark.evidence").count() >= 1
    shoot(teacher, "1-review")

    # edit the first question's stem
    teacher.locator("li.card").first.get_by_role("link", name=re.compile("^Edit")).click()
    stem = teacher.get_by_label("Question (stem)")
    edited = "According to the article, " + stem.input_value()
    stem.fill(edited)
    teacher.get_by_role("button", name="Save the question").click()
    teacher.wait_for_url(re.compile(r"/articles/\d+#q-\d+$"))
    assert edited in teacher.locator("li.card").first.inner_text()

    # build the quiz and publish it
    teacher.get_by_role("link", name="Make a quiz").click()
    teacher.get_by_role("button", name="Create the quiz").click()
    teacher.get_by_role("button", name="Publish").click()
    code = teacher.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)
    assert teacher.locator("img.qr").evaluate("img => img.complete && img.naturalWidth > 0")
    shoot(teacher, "2-published")
    quiz_url = teacher.url

    # a student on a phone
    phone = browser.new_context(**PHONE)
    student = phone.new_page()
    student.set_default_timeout(30_000)
    student.goto(live_server + "/")
    student.get_by_label("Join code").fill(code.lower())
    student.get_by_role("button", name="Join").click()
    student.get_by_label("Your name").fill("Sam")
    student.get_by_role("button", name="Start").click()
    student.wait_for_url(re.compile(rf"/play/{code}$"))
    questions = student.locator("fieldset.question")
    total = questions.count()
    assert total == cards.count()

    def answer(i: int) -> str:
        fieldset = questions.nth(i)
        radios = fieldset.locator("input[type=radio]")
        if radios.count():
            radios.last.check()
            return "radio"
        fieldset.locator("input[type=text]").fill("an answer")
        return "text"

    half = max(1, total // 2)
    kinds = [answer(i) for i in range(half)]
    expect(student.locator("#save-status")).to_have_text("Answers saved.")
    shoot(student, "3-phone-answering")

    student.reload()
    for i, kind in enumerate(kinds):
        fieldset = student.locator("fieldset.question").nth(i)
        if kind == "radio":
            assert fieldset.locator("input[type=radio]").last.is_checked()
        else:
            assert fieldset.locator("input[type=text]").input_value() == "an answer"
    for i in range(half, total):
        answer(i)
    student.get_by_role("button", name="Submit my answers").click()
    student.wait_for_url(re.compile(rf"/play/{code}/result$"))
    assert f"out of {total}" in student.locator("#score").inner_text()
    assert student.locator(".feedback-card").count() == total
    assert student.locator(".evidence-quote").count() >= total
    shoot(student, "4-phone-result")

    # the teacher sees the result and the per-option counts
    teacher.goto(quiz_url + "/results")
    assert "Sam" in teacher.locator("#students").inner_text()
    assert teacher.locator("table.counts").count() == total
    assert teacher.locator("svg.chart").is_visible()
    shoot(teacher, "5-results")
    phone.close()
    teacher_context.close()
