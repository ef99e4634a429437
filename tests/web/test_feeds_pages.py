"""The feeds page: subscribe, update now (new items once), drafts proposed, broken feeds reported.

A feed and its article pages are served from a local http.server on 127.0.0.1.
"""

from __future__ import annotations

import html
import re
import socket

import pytest

from quizgen import library_stories
from quizgen.samples import sample_paths

from tests.localsite import Site

from .conftest import hand_questions

SAMPLES = {p.name[:3]: p for p in sample_paths()}


def body(prefix: str) -> str:
    """A seed article's paragraphs (headline and date line dropped), as a news site would show them."""
    return SAMPLES[prefix].read_text(encoding="utf-8").split("\n\n", 1)[1].replace(" date 2022-01-28 ", "")


@pytest.fixture(scope="module")
def site():
    served = Site()
    served.page("/kim.html", "Kim Jong Un visits munitions factory", body("000"))
    served.page("/kcna.html", "KCNA says Pyongyang tested missiles", body("001"))
    yield served
    served.close()


@pytest.fixture(autouse=True)
def quick_generation(monkeypatch):
    """Draft quizzes from the hand-built questions (no spaCy): this file tests the pages."""
    monkeypatch.setattr(library_stories, "generate",
                        lambda rows, count=10: [q for r in rows for q in hand_questions(r)][:count])


def page(client, url: str = "/feeds") -> str:
    return client.get(url).get_data(as_text=True)


def flashes(text: str) -> str:
    return " ".join(html.unescape(m) for m in re.findall(r'<p class="flash [a-z]+">([^<]*)</p>', text))


def subscribe(client, url: str) -> int:
    response = client.form("/feeds", {"url": url})
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    return int(response.location.rsplit("#feed-", 1)[1])


def last_update(text: str) -> str:
    return text.split('id="last-update"', 1)[1] if 'id="last-update"' in text else ""


def test_the_feeds_page_is_in_the_teacher_navigation(teacher, client):
    assert 'href="/feeds"' in page(teacher, "/articles")
    text = page(teacher)
    assert "<h1>Feeds</h1>" in text and "No feeds yet" in text
    assert '<label for="feed-url">' in text and 'id="feed-url"' in text
    assert client.get("/feeds").status_code in (302, 401)  # logged out: to the log-in page


def test_subscribe_then_update_shows_new_items_once(teacher, site):
    site.feed("/world.xml", [("/kim.html", "Kim visits factory"), ("/kcna.html", "KCNA report")])
    feed_id = subscribe(teacher, site.url + "/world.xml")
    text = page(teacher)
    assert "Subscribed to World news" in flashes(text)
    card = text.split(f'id="feed-{feed_id}"', 1)[1].split("</li>", 1)[0]
    assert "World news" in card and site.url + "/world.xml" in card and "never" in card and "Update now" in card

    response = teacher.form(f"/feeds/{feed_id}/update")
    assert response.status_code == 302 and response.location.endswith("/feeds#last-update")
    text = page(teacher)
    assert "World news: 2 new articles, 1 draft quiz proposed." in flashes(text)
    report = last_update(text)
    assert "Kim Jong Un visits munitions factory" in report and "KCNA says Pyongyang tested missiles" in report
    assert "2022-01-28" in report
    (draft,) = re.findall(r'<a href="/quizzes/(\d+)">Review', report)
    quiz = page(teacher, f"/quizzes/{draft}")
    assert "A draft: students cannot see it yet." in quiz and "8 questions" in quiz
    assert "never" not in text.split(f'id="feed-{feed_id}"', 1)[1].split("</li>", 1)[0]
    library = page(teacher, "/articles")
    assert len(set(re.findall(r'href="/articles/(\d+)"', library))) == 2
    assert "card story" in library  # the two reports arrive as one story

    teacher.form(f"/feeds/{feed_id}/update")
    text = page(teacher)
    assert "World news: nothing new since the last update." in flashes(text)
    assert "Nothing new." in last_update(text) and "None: no new story" in last_update(text)
    assert len(set(re.findall(r'href="/articles/(\d+)"', page(teacher, "/articles")))) == 2
    assert len(re.findall(r'href="/quizzes/\d+"', page(teacher, "/quizzes"))) == 1


def test_a_broken_feed_shows_a_clear_message_and_keeps_stored_articles(teacher, site):
    site.page("/ok.html", "Kim Jong Un visits munitions factory", body("000"))
    site.feed("/broken.xml", [("/ok.html", "Kim")], title="Fragile news")
    feed_id = subscribe(teacher, site.url + "/broken.xml")
    teacher.form(f"/feeds/{feed_id}/update")
    assert "1 new article, 1 draft quiz proposed" in flashes(page(teacher))

    site.pages["/broken.xml"] = (500, "text/plain", b"oops")
    response = teacher.form(f"/feeds/{feed_id}/update")
    assert response.status_code == 302
    text = page(teacher)
    assert "Fragile news: 1 problem" in flashes(text) and "Articles already stored are kept" in flashes(text)
    assert "the server answered 500" in last_update(text)
    card = text.split(f'id="feed-{feed_id}"', 1)[1].split("</li>", 1)[0]
    assert "the server answered 500" in card  # the last error, kept with the feed
    assert "Kim Jong Un visits munitions factory" in page(teacher, "/articles")

    site.feed("/broken.xml", [("/ok.html", "Kim"), ("/gone.html", "Gone")], title="Fragile news")
    teacher.form(f"/feeds/{feed_id}/update")
    text = page(teacher)
    assert "/gone.html" in last_update(text) and "Nothing new." in last_update(text)
    site.page("/gone.html", "KCNA says Pyongyang tested missiles", body("001"))
    teacher.form(f"/feeds/{feed_id}/update")  # the page that failed is tried again
    text = page(teacher)
    assert "1 new article" in flashes(text)
    card = text.split(f'id="feed-{feed_id}"', 1)[1].split("</li>", 1)[0]
    assert "none" in card and "answered 500" not in card


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_bad_addresses_are_refused_with_a_clear_message(teacher, site):
    site.pages["/junk.xml"] = (200, "text/html", b"<html><body><p>Just a page, no feed here.</p></body></html>")
    site.feed("/twice.xml", [])
    subscribe(teacher, site.url + "/twice.xml")
    for url, status, message in [
        ("", 400, "Give the feed&#39;s address"),
        ("ftp://example.org/feed", 400, "starts with http:// or https://"),
        ("http://" + "x" * 2100, 400, "too long"),
        (f"http://127.0.0.1:{_closed_port()}/feed.xml", 400, "the feed could not be reached"),
        (site.url + "/missing.xml", 400, "the server answered 404"),
        (site.url + "/junk.xml", 400, "not an RSS or Atom feed"),
        ("http://[::1", 400, "could not be reached"),
        (site.url + "/twice.xml", 409, "already subscribed"),
    ]:
        response = teacher.form("/feeds", {"url": url})
        text = response.get_data(as_text=True)
        assert response.status_code == status and message in text, (url, text[:2000])
        assert 'role="alert"' in text and 'aria-invalid="true"' in text
    assert len(re.findall(r'<li class="card" id="feed-\d+"', page(teacher))) == 1


def test_another_teachers_feed_is_not_found(teacher, other, site):
    site.feed("/mine.xml", [("/kim.html", "Kim")], title="Ann's news")
    feed_id = subscribe(teacher, site.url + "/mine.xml")
    assert other.form(f"/feeds/{feed_id}/update").status_code == 404
    assert other.form("/feeds/999999/update").status_code == 404
    assert "Ann&#39;s news" not in page(other) and "No feeds yet" in page(other)
    assert "never" in page(teacher)  # the other teacher's attempt read nothing
    teacher.form(f"/feeds/{feed_id}/update")
    assert "Kim Jong Un" not in page(other, "/articles")
    # the last update is the teacher's own: another teacher's ids in a session show nothing
    assert 'id="last-update"' not in page(other)


def test_feed_forms_without_the_csrf_token_are_refused(teacher, site):
    site.feed("/csrf.xml", [("/kim.html", "Kim")])
    response = teacher.post("/feeds", data={"url": site.url + "/csrf.xml"})
    assert response.status_code == 400 and "security token" in response.get_data(as_text=True)
    assert "No feeds yet" in page(teacher)
    feed_id = subscribe(teacher, site.url + "/csrf.xml")
    response = teacher.post(f"/feeds/{feed_id}/update")
    assert response.status_code == 400 and "security token" in response.get_data(as_text=True)
    assert "never" in page(teacher) and "No articles yet" in page(teacher, "/articles")
