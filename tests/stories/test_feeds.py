"""Feeds over a feed and pages served on 127.0.0.1: new items once, broken feeds and pages reported."""

from __future__ import annotations


import pytest

from quizgen import feeds
from quizgen.errors import InputError
from quizgen.store import Conflict, Store
from tests.localsite import Site
from tests.conftest import SEED_000, SEED_001


@pytest.fixture(scope="module")
def site():
    served = Site()
    yield served
    served.close()


@pytest.fixture
def store():
    db = Store(":memory:")
    db.create_teacher("ann@school.test", "Ann", "x")
    return db


def _body(path) -> str:
    return path.read_text(encoding="utf-8").split("\n\n", 1)[1].replace(" date 2022-01-28 ", "")


def test_new_items_are_added_once(site, store):
    site.page("/kim.html", "Kim Jong Un visits munitions factory", _body(SEED_000))
    site.feed("/one.xml", [("/kim.html", "Kim Jong Un visits factory")])
    feed = feeds.subscribe(store, 1, site.url + "/one.xml")
    assert feed["title"] == "World news"
    first = feeds.update(store, feed)
    assert first.errors == [] and len(first.added) == 1
    article = store.article(1, first.added[0])
    assert article["title"] == "Kim Jong Un visits munitions factory" and article["date"] == "2022-01-28"
    assert "munitions factory" in article["text"] and "Copyright" not in article["text"]
    assert feeds.update(store, feed).added == []
    site.page("/kcna.html", "KCNA says Pyongyang tested missiles", _body(SEED_001))
    site.feed("/one.xml", [("/kim.html", "Kim Jong Un visits factory"), ("/kcna.html", "KCNA report")])
    assert len(feeds.update(store, feed).added) == 1
    assert len(store.articles(1)) == 2


def test_subscribing_twice_or_to_a_broken_feed_is_refused(site, store):
    site.feed("/two.xml", [])
    feeds.subscribe(store, 1, site.url + "/two.xml")
    with pytest.raises(Conflict):
        feeds.subscribe(store, 1, site.url + "/two.xml")
    site.pages["/junk.xml"] = (200, "text/html", b"<html><body><p>Just a page, no feed here.</p></body></html>")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        feeds.subscribe(store, 1, site.url + "/junk.xml")
    with pytest.raises(InputError, match="answered 404"):
        feeds.subscribe(store, 1, site.url + "/missing.xml")
    assert [f["url"] for f in store.feeds(1)] == [site.url + "/two.xml"]


def test_a_broken_feed_or_page_is_reported_and_what_is_stored_stays(site, store):
    site.page("/ok.html", "Kim Jong Un visits munitions factory", _body(SEED_000))
    site.feed("/three.xml", [("/ok.html", "Kim")])
    feed = feeds.subscribe(store, 1, site.url + "/three.xml")
    assert len(feeds.update(store, feed).added) == 1
    site.pages["/three.xml"] = (500, "text/plain", b"oops")
    broken = feeds.update(store, feed)
    assert broken.added == [] and "answered 500" in broken.errors[0]
    assert "answered 500" in store.feed(1, feed["id"])["error"]
    site.feed("/three.xml", [("/ok.html", "Kim"), ("/gone.html", "Gone")])
    partly = feeds.update(store, feed)
    assert partly.added == [] and "/gone.html" in partly.errors[0]
    assert len(store.articles(1)) == 1
    site.page("/gone.html", "KCNA says Pyongyang tested missiles", _body(SEED_001))
    assert len(feeds.update(store, feed).added) == 1  # a page that failed is tried again
    assert store.feed(1, feed["id"])["error"] is None


def test_new_feed_articles_group_into_a_story_proposed_as_one_draft_quiz(site, store):
    from quizgen import library_stories

    site.page("/s1.html", "Kim Jong Un visits munitions factory", _body(SEED_000))
    site.page("/s2.html", "KCNA says Pyongyang tested missiles", _body(SEED_001))
    site.feed("/story.xml", [("/s1.html", "Kim"), ("/s2.html", "KCNA")])
    feed = feeds.subscribe(store, 1, site.url + "/story.xml")
    added = feeds.update(store, feed).added
    assert [[r["id"] for r in s] for s in library_stories.library_stories(store, 1)] == [added]
    (draft,) = library_stories.propose_drafts(store, 1, added)
    assert draft["status"] == "draft"
    questions = draft["document"]["questions"]
    assert any(q["focus"] == "comparison" for q in questions)
    library_stories.split(store, 1, added[1])
    assert len(library_stories.library_stories(store, 1)) == 2
    library_stories.merge(store, 1, added[0], added[1])
    assert len(library_stories.library_stories(store, 1)) == 1


def test_cli_feeds_add_list_update(site, tmp_path):
    from click.testing import CliRunner

    from quizgen.cli import cli

    db = str(tmp_path / "quizgen.db")
    Store(db).create_teacher("ann@school.test", "Ann", "x")
    site.page("/c1.html", "Kim Jong Un visits munitions factory", _body(SEED_000))
    site.feed("/cli.xml", [("/c1.html", "Kim")])
    runner = CliRunner()
    who = ["--db", db, "--teacher", "ann@school.test"]
    added = runner.invoke(cli, ["feeds", "add", site.url + "/cli.xml", *who])
    assert added.exit_code == 0 and "subscribed to World news" in added.output
    again = runner.invoke(cli, ["feeds", "add", site.url + "/cli.xml", *who])
    assert again.exit_code == 2 and "already subscribed" in again.stderr
    first = runner.invoke(cli, ["feeds", "update", "--db", db])
    assert first.exit_code == 0 and "World news: 1 new article(s), 1 draft quiz(zes)" in first.output
    second = runner.invoke(cli, ["feeds", "update", "--db", db])
    assert "World news: 0 new article(s)" in second.output
    site.pages["/cli.xml"] = (200, "text/plain", b"not a feed at all, just some words here")
    broken = runner.invoke(cli, ["feeds", "update", "--db", db])
    assert broken.exit_code == 2 and "not an RSS or Atom feed" in broken.stderr and "Traceback" not in broken.output
    listed = runner.invoke(cli, ["feeds", "list", *who])
    assert "not an RSS or Atom feed" in listed.output
    assert len(Store(db).articles(1)) == 1
    unknown = runner.invoke(cli, ["feeds", "list", "--db", db, "--teacher", "bob@school.test"])
    assert unknown.exit_code == 2 and "no teacher" in unknown.stderr
