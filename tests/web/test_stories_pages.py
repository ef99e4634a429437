"""Stories on the library page: the seed reports grouped, split and merge, a draft quiz over a story."""

from __future__ import annotations

import json
import re

import pytest

from quizgen import library_stories
from quizgen.samples import sample_paths

from .conftest import hand_questions

SAMPLES = {p.name: p for p in sample_paths()}
SEED_000 = next(p for name, p in SAMPLES.items() if name.startswith("000_")).read_text(encoding="utf-8")
SEED_001 = next(p for name, p in SAMPLES.items() if name.startswith("001_")).read_text(encoding="utf-8")
OZONE = SAMPLES["wikinews_2014-07_global-warming-ozone-crops.txt"].read_text(encoding="utf-8")
STORY = re.compile(r'<section class="card story" id="story-(\d+)".*?</section>', re.S)


def stories(client) -> dict[int, str]:
    """The library page's story groups: first article id -> the group's HTML."""
    html = client.get("/articles").get_data(as_text=True)
    return {int(m.group(1)): m.group(0) for m in STORY.finditer(html)}


def article_links(html: str) -> set[int]:
    return {int(i) for i in re.findall(r'href="/articles/(\d+)"', html)}


def flashes(client, url: str = "/articles") -> str:
    return " ".join(re.findall(r'<p class="flash [a-z]+">([^<]*)</p>', client.get(url).get_data(as_text=True)))


@pytest.fixture
def seeds(teacher) -> tuple[int, int]:
    return teacher.add_article(SEED_000), teacher.add_article(SEED_001)


def test_the_seed_reports_pasted_into_a_library_appear_as_one_story(teacher, seeds):
    ozone = teacher.add_article(OZONE)
    groups = stories(teacher)
    assert list(groups) == [seeds[0]]
    group = groups[seeds[0]]
    assert article_links(group) == set(seeds)
    assert "2 reports" in group and "2022-01-28" in group and "pasted text" in group
    assert "Kim Jong Un" in group and "Make a quiz from this story" in group
    assert group.count('name="csrf_token"') >= 4  # two splits, the quiz, the merge
    page = teacher.get("/articles").get_data(as_text=True)
    assert f'id="story-{ozone}"' in page and "Other articles" in page and 'href="/feeds"' in page
    searched = teacher.get("/articles?q=ozone").get_data(as_text=True)  # a search lists matches, no stories
    assert article_links(searched) == {ozone} and "card story" not in searched


def test_split_then_merge(teacher, seeds):
    response = teacher.form(f"/articles/{seeds[1]}/split")
    assert response.status_code == 302 and response.location.endswith(f"/articles#story-{seeds[1]}")
    assert "is now a story of its own" in flashes(teacher)
    assert stories(teacher) == {}
    page = teacher.get("/articles").get_data(as_text=True)
    assert f'id="story-{seeds[0]}"' in page and f'id="story-{seeds[1]}"' in page
    again = teacher.form(f"/articles/{seeds[1]}/split")  # already alone: said so, nothing breaks
    assert again.status_code == 302 and "already a story of its own" in flashes(teacher)

    response = teacher.form("/stories/merge", {"story": str(seeds[1]), "other": str(seeds[0])})
    assert response.status_code == 302 and response.location.endswith(f"/articles#story-{seeds[0]}")
    assert "are now one story" in flashes(teacher)
    assert article_links(stories(teacher)[seeds[0]]) == set(seeds)

    for data, message in [({"story": str(seeds[0]), "other": str(seeds[1])}, "two different stories"),
                          ({"story": str(seeds[0])}, "Choose the two stories"),
                          ({"story": "x", "other": "9" * 40}, "Choose the two stories")]:
        response = teacher.form("/stories/merge", data)
        assert response.status_code == 302 and message in flashes(teacher)
    assert article_links(stories(teacher)[seeds[0]]) == set(seeds)


def test_a_split_and_a_merge_by_hand_win_over_the_measure(teacher, seeds):
    ozone = teacher.add_article(OZONE)
    teacher.form("/stories/merge", {"story": str(ozone), "other": str(seeds[0])})
    assert article_links(stories(teacher)[seeds[0]]) == {*seeds, ozone}
    teacher.form(f"/articles/{ozone}/split")
    assert article_links(stories(teacher)[seeds[0]]) == set(seeds)


def test_a_quiz_from_the_story_compares_the_two_reports(teacher, seeds):
    response = teacher.form(f"/stories/{seeds[0]}/quiz")
    assert response.status_code == 302 and re.search(r"/quizzes/\d+$", response.location)
    page = teacher.get(response.location).get_data(as_text=True)
    assert "Draft quiz made from this story (its 2 reports)" in page
    assert "A draft: students cannot see it yet." in page and 'id="publish"' in page
    document = json.loads(teacher.get(response.location + "/export/json").get_data(as_text=True))
    assert len(document["articles"]) == 2
    both = {a["id"] for a in document["articles"]}
    comparisons = [q for q in document["questions"] if q["focus"] == "comparison"]
    assert comparisons and all({e["article_id"] for e in q["evidence"]} == both for q in comparisons)
    assert any(q["prompt"] in page for q in comparisons)
    # any member of the story names it
    assert re.search(r"/quizzes/\d+$", teacher.form(f"/stories/{seeds[1]}/quiz").location)


def test_a_story_without_good_questions_says_so_and_makes_no_quiz(teacher, seeds, monkeypatch):
    monkeypatch.setattr(library_stories, "generate", lambda rows, count=10: [])
    response = teacher.form(f"/stories/{seeds[0]}/quiz")
    assert response.status_code == 302 and response.location.endswith(f"/articles#story-{seeds[0]}")
    assert "no good questions could be made" in flashes(teacher)
    assert "No quizzes yet" in teacher.get("/quizzes").get_data(as_text=True)


def test_another_teachers_stories_are_not_found(teacher, other, seeds, monkeypatch):
    calls = []
    monkeypatch.setattr(library_stories, "generate", lambda rows, count=10: calls.append(rows) or [])
    own = other.add_article(OZONE)
    assert article_links(other.get("/articles").get_data(as_text=True)) == {own}
    for url, data in [(f"/articles/{seeds[1]}/split", {}),
                      (f"/stories/{seeds[0]}/quiz", {}),
                      ("/stories/merge", {"story": str(own), "other": str(seeds[0])}),
                      ("/stories/merge", {"story": str(seeds[0]), "other": str(seeds[1])})]:
        assert other.form(url, data).status_code == 404, url
    assert calls == []
    assert article_links(stories(teacher)[seeds[0]]) == set(seeds)
    assert teacher.form(f"/articles/{own}/split").status_code == 404


def test_story_forms_without_the_csrf_token_are_refused(teacher, seeds):
    for url, data in [(f"/articles/{seeds[1]}/split", {}),
                      ("/stories/merge", {"story": str(seeds[0]), "other": str(seeds[1])}),
                      (f"/stories/{seeds[0]}/quiz", {})]:
        response = teacher.post(url, data=data)
        assert response.status_code == 400 and "security token" in response.get_data(as_text=True), url
    assert article_links(stories(teacher)[seeds[0]]) == set(seeds)
    assert "No quizzes yet" in teacher.get("/quizzes").get_data(as_text=True)


def test_the_hand_built_questions_still_make_a_story_quiz(teacher, seeds, monkeypatch):
    """Without spaCy: the route turns whatever the pipeline gives into a draft over every report."""
    monkeypatch.setattr(library_stories, "generate",
                        lambda rows, count=10: [q for r in rows for q in hand_questions(r)][:count])
    response = teacher.form(f"/stories/{seeds[0]}/quiz")
    document = json.loads(teacher.get(response.location + "/export/json").get_data(as_text=True))
    assert len(document["articles"]) == 2 and len(document["questions"]) == 8
