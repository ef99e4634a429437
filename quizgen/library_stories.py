"""A teacher's library seen as stories: grouping stored articles, splits and merges, draft quizzes.

Stories are computed from the articles and the teacher's edits each time (``quizgen.stories``),
so they follow the library as it grows; a story is named by its first (oldest) article's id.
"""

from __future__ import annotations

from itertools import combinations

from quizgen import stories
from quizgen.web.services import build_quiz, generate, quiz_title_for, to_article

DRAFT_COUNT = 10


def library_stories(store, teacher_id: int) -> list[list[dict]]:
    """The teacher's articles grouped into stories, oldest article first in each."""
    rows = sorted(store.articles(teacher_id), key=lambda r: r["id"])
    by_id = {r["id"]: r for r in rows}
    links = store.story_links(teacher_id)
    prints = [stories.fingerprint(to_article(r), key=r["id"]) for r in rows]
    groups = stories.group(prints, together=links["together"], apart=links["apart"])
    return [[by_id[i] for i in group] for group in groups]


def story_of(store, teacher_id: int, article_id: int) -> list[dict]:
    """The story an article belongs to (empty when the article isn't the teacher's)."""
    return next((s for s in library_stories(store, teacher_id) if any(r["id"] == article_id for r in s)), [])


def split(store, teacher_id: int, article_id: int) -> None:
    """Take an article out of its story: it stays apart from the story's other articles."""
    others = [r["id"] for r in story_of(store, teacher_id, article_id) if r["id"] != article_id]
    store.link_articles(teacher_id, [(article_id, o) for o in others], "apart")


def merge(store, teacher_id: int, article_id: int, other_id: int) -> None:
    """Join the stories of two articles into one."""
    members = {r["id"] for r in story_of(store, teacher_id, article_id) + story_of(store, teacher_id, other_id)}
    store.link_articles(teacher_id, list(combinations(sorted(members), 2)), "together")


def draft_quiz(store, teacher_id: int, story: list[dict], count: int = DRAFT_COUNT) -> dict:
    """A draft quiz over every article of a story (comparison questions where it has several)."""
    questions = generate(story, count=count)
    return build_quiz(store, teacher_id, quiz_title_for(story), questions)


def propose_drafts(store, teacher_id: int, article_ids: list[int]) -> list[dict]:
    """A draft quiz for each story that the given (new) articles belong to."""
    wanted = set(article_ids)
    return [draft_quiz(store, teacher_id, s) for s in library_stories(store, teacher_id)
            if wanted & {r["id"] for r in s}]
