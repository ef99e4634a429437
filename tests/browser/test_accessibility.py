"""axe-core over the student pages and the teacher's review page: no serious or critical violations."""

from __future__ import annotations

import re

import pytest

from quizgen.samples import sample_paths

from .conftest import DESKTOP, PHONE, api

pytestmark = pytest.mark.browser
SEED_001 = next(p for p in sample_paths() if p.name.startswith("001_"))


@pytest.fixture(scope="module")
def quiz(live_server):
    """A teacher, seed article 001, generated questions and an open quiz with a time limit, made through the API."""
    api(live_server, "/api/v1/teachers", {"email": "axe@school.test", "password": "correct horse", "name": "Axe"})
    token = api(live_server, "/api/v1/tokens", {"email": "axe@school.test", "password": "correct horse"})["token"]
    article = api(live_server, "/api/v1/articles", {"text": SEED_001.read_text(encoding="utf-8")}, token)
    questions = api(live_server, f"/api/v1/articles/{article['id']}/questions", {"count": 8}, token)["questions"]
    created = api(live_server, "/api/v1/quizzes", {"title": "Axe quiz", "question_ids": [q["id"] for q in questions],
                                                   "time_limit": 20, "feedback": "each", "is_public": True}, token)
    return {"article_id": article["id"], **created}


def serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_student_pages(live_server, browser, quiz, shoot, device):
    context = browser.new_context(bypass_csp=True, **(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    found = {}
    page.goto(live_server + "/")
    found["home"] = serious(page)
    page.goto(live_server + "/practice")
    found["practice"] = serious(page)
    page.goto(quiz["url"])
    found["join"] = serious(page)
    page.get_by_label("Your name").fill(f"Axe {device}")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/play/"))
    first = page.locator("fieldset.question").first.locator("input").first
    if first.get_attribute("type") in ("radio", "checkbox"):
        first.click()
    else:
        first.fill("an answer")  # a typed-answer question: checking it needs something typed
    found["play"] = serious(page)
    # check one answer (feedback after each question) and look again
    page.locator("fieldset.question").first.get_by_role("button", name=re.compile("Check this answer")).click()
    page.wait_for_selector(".feedback")
    found["play with feedback"] = serious(page)
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    found["result"] = serious(page)
    shoot(page, f"axe-result-{device}")
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_keyboard_only_answering(live_server, browser, quiz):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(quiz["url"])
    page.get_by_label("Your name").focus()
    page.keyboard.type("Keys Only")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/play/"))
    first = page.locator("fieldset.question").first.locator("input").first
    first.focus()
    page.keyboard.press("Space" if first.get_attribute("type") == "radio" else "a")
    outline = first.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("none", ""), "the focused input shows no outline"
    context.close()


def test_teacher_review_page(live_server, browser, quiz, shoot):
    context = browser.new_context(bypass_csp=True, **DESKTOP)
    page = context.new_page()
    page.goto(live_server + "/login")
    page.get_by_label("E-mail address").fill("axe@school.test")
    page.get_by_label("Password").fill("correct horse")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/articles$"))
    found = {"library": serious(page)}
    page.goto(f"{live_server}/articles/{quiz['article_id']}")
    found["review"] = serious(page)
    shoot(page, "axe-review")
    page.locator("li.card").first.get_by_role("link", name=re.compile("^Edit")).click()
    found["edit"] = serious(page)
    page.goto(f"{live_server}/quizzes/{quiz['id']}")
    found["quiz"] = serious(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_stories_and_feeds_pages(live_server, browser, shoot, device):
    """The library with a story of the two seed reports, and the feeds page with a refused address."""
    email = f"stories-{device}@school.test"
    api(live_server, "/api/v1/teachers", {"email": email, "password": "correct horse", "name": "Stories"})
    token = api(live_server, "/api/v1/tokens", {"email": email, "password": "correct horse"})["token"]
    for path in sorted(p for p in sample_paths() if p.name.startswith(("000_", "001_"))):
        api(live_server, "/api/v1/articles", {"text": path.read_text(encoding="utf-8")}, token)
    context = browser.new_context(bypass_csp=True, **(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    page.goto(live_server + "/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("correct horse")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/articles$"))
    assert page.locator("section.story").count() == 1
    found = {"library with a story": serious(page)}
    shoot(page, "library-stories")
    split = page.get_by_role("button", name=re.compile("^Split out")).first
    split.focus()
    assert split.evaluate("el => getComputedStyle(el).outlineStyle") not in ("none", "")
    page.get_by_role("link", name="Feeds").click()
    page.wait_for_url(re.compile(r"/feeds$"))
    found["feeds"] = serious(page)
    page.get_by_label("Feed address (RSS or Atom)").fill("ftp://example.org/feed.xml")
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_selector("#form-errors")
    assert "starts with http:// or https://" in page.locator("#form-errors").inner_text()
    found["feeds with an error"] = serious(page)
    shoot(page, "feeds-error")
    context.close()
    assert {k: v for k, v in found.items() if v} == {}
