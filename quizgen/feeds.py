"""RSS and Atom feeds: subscribe, then fetch each new item's page as an article.

Reading is feedparser over bytes fetched here (so a dead address is an InputError, not an
empty feed); pages go through ``quizgen.ingest.fetch_url`` (trafilatura). An item is known by
its guid, else its link, so a second update adds nothing. A broken feed or page is reported
and skipped: what is stored stays. Storage is the ``quizgen.store.Store`` passed in.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date

from quizgen.errors import InputError
from quizgen.ingest import FETCH_TIMEOUT_SECONDS, fetch_url

MAX_FEED_BYTES = 5_000_000


@dataclass
class FeedItem:
    key: str
    link: str
    title: str | None
    published: date | None


@dataclass
class Feed:
    title: str | None
    items: list[FeedItem]


@dataclass
class Update:
    """What one update of one feed did."""

    feed: dict
    added: list[int] = field(default_factory=list)  # article ids
    errors: list[str] = field(default_factory=list)


def read_feed(url: str) -> Feed:
    """Fetch and parse a feed; InputError when it can't be reached or isn't RSS or Atom."""
    import feedparser

    try:  # an address urllib can't parse ("http://[::1") is a ValueError too
        request = urllib.request.Request(url, headers={"User-Agent": "quizgen/0.1 (+offline quiz generator)"})
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            data = response.read(MAX_FEED_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}; check the feed's address") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"{url}: the feed could not be reached ({reason})") from None
    if len(data) > MAX_FEED_BYTES:
        raise InputError(f"{url}: the feed is too large (over {MAX_FEED_BYTES:,} bytes)")
    parsed = feedparser.parse(data)
    if not parsed.get("version") or (parsed.bozo and not parsed.entries):
        raise InputError(f"{url}: this is not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            items.append(FeedItem(entry.get("id") or link, link, entry.get("title"), _published(entry)))
    return Feed(parsed.feed.get("title"), items)


def _published(entry) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def subscribe(store, teacher_id: int, url: str) -> dict:
    """Subscribe after reading the feed once, so a broken address is refused, not stored."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError("a feed's address starts with http:// or https://")
    feed = read_feed(url)
    return store.add_feed(teacher_id, url, feed.title)


def update(store, feed: dict) -> Update:
    """Fetch the feed's new items into the teacher's library; report what failed."""
    from quizgen.web.services import article_row

    result = Update(feed)
    try:
        items = read_feed(feed["url"]).items
    except InputError as exc:
        store.feed_checked(feed["id"], str(exc))
        result.errors.append(str(exc))
        return result
    seen = store.feed_item_keys(feed["id"])
    for item in items:
        if item.key in seen:
            continue
        try:
            article = fetch_url(item.link)
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        article.title = article.title or item.title
        article.date = item.published or article.date  # the feed says; a page date may be a guess
        result.added.append(store.add_feed_article(feed["teacher_id"], feed["id"], item.key, item.link,
                                                   item.title, article_row(article)))
        seen.add(item.key)
    store.feed_checked(feed["id"], "; ".join(result.errors) or None)
    return result
