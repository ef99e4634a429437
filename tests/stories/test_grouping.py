"""Grouping articles into stories: the 13 samples, dates, a teacher's splits and merges."""

from __future__ import annotations

from datetime import date

from quizgen import stories
from quizgen.ingest import parse_text
from tests.conftest import SEED_000, SEED_001


def _prints(sample_articles):
    return [stories.fingerprint(a, key=name) for name, a in sample_articles.items()]


def test_samples_group_the_two_seeds_and_leave_every_other_article_alone(sample_articles):
    groups = stories.group(_prints(sample_articles))
    assert [SEED_000.name, SEED_001.name] in groups
    others = [g for g in groups if SEED_000.name not in g]
    assert all(len(g) == 1 for g in others)
    assert len(others) == len(sample_articles) - 2
    north_korea = [n for n in sample_articles if "north-korea" in n]
    assert len(north_korea) == 2 and all([n] in groups for n in north_korea)


def test_seeds_are_far_above_the_threshold_and_other_north_korea_reports_far_below(sample_articles):
    prints = {p.key: p for p in _prints(sample_articles)}
    seed = prints[SEED_000.name].similarity(prints[SEED_001.name])
    nearest_other = max(
        prints[s].similarity(prints[n]) for s in (SEED_000.name, SEED_001.name) for n in prints if "north-korea" in n
    )
    assert seed >= stories.THRESHOLD + 0.1
    assert nearest_other <= stories.THRESHOLD - 0.1


def _copy(article, **changes):
    return parse_text(article.text, source=changes.get("source", article.source), article_date=changes.get("day"))


def test_dates_far_apart_keep_even_identical_texts_apart(sample_articles):
    seed = sample_articles[SEED_001.name]
    early, late = _copy(seed, day=date(2022, 1, 28)), _copy(seed, day=date(2022, 3, 1))
    near = _copy(seed, day=date(2022, 1, 30))
    prints = [stories.fingerprint(a, key=k) for k, a in (("early", early), ("late", late), ("near", near))]
    assert stories.group(prints) == [["early", "near"], ["late"]]


def test_an_undated_article_cannot_chain_two_dates_far_apart(sample_articles):
    seed = sample_articles[SEED_001.name]
    articles = {"early": _copy(seed, day=date(2022, 1, 28)), "undated": _copy(seed),
                "late": _copy(seed, day=date(2022, 6, 1))}
    groups = stories.group([stories.fingerprint(a, key=k) for k, a in articles.items()])
    assert len(groups) == 2 and (["late"] in groups or ["early"] in groups)


def test_a_teachers_split_and_merge_win(sample_articles):
    prints = _prints(sample_articles)
    fan_expo = next(n for n in sample_articles if "fan-expo" in n)
    assert [SEED_000.name] in stories.group(prints, apart=[(SEED_000.name, SEED_001.name)])
    merged = stories.group(prints, together=[(SEED_000.name, fan_expo), (SEED_001.name, fan_expo)])
    assert sorted([SEED_000.name, SEED_001.name, fan_expo]) == sorted(next(g for g in merged if fan_expo in g))


def test_an_undated_report_takes_the_story_date(seeds):
    undated, dated = seeds
    assert undated.date is None
    assert stories.lend_dates([undated, dated]) == [undated]
    assert undated.date == date(2022, 1, 28) == stories.story_date([undated, dated])


def test_articles_of_different_stories_lend_no_dates(sample_articles, seeds):
    undated = seeds[0]
    hong_kong = next(a for n, a in sample_articles.items() if "hong-kong" in n)
    assert stories.lend_dates([undated, hong_kong]) == [] and undated.date is None
