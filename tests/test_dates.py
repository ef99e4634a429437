"""Relative dates resolved against the article's date, as the generators use them."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.dates import find_times, has_bare_relative_time, make_explicit
from quizgen.ingest import load
from tests.conftest import SEED_001

FRIDAY = date(2022, 1, 28)  # seed 001's date line


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("tested on Tuesday", date(2022, 1, 25), date(2022, 1, 25)),
        ("and on Thursday", date(2022, 1, 27), date(2022, 1, 27)),
        ("the agency said Friday", date(2022, 1, 28), date(2022, 1, 28)),
        ("said last Friday", date(2022, 1, 21), date(2022, 1, 21)),
        ("they will meet on Monday", date(2022, 1, 31), date(2022, 1, 31)),
        ("next Monday", date(2022, 1, 31), date(2022, 1, 31)),
        ("said last week", date(2022, 1, 17), date(2022, 1, 23)),
        ("tests this week", date(2022, 1, 24), date(2022, 1, 30)),
        ("a meeting last month", date(2021, 12, 1), date(2021, 12, 31)),
        ("planned for next month", date(2022, 2, 1), date(2022, 2, 28)),
        ("growth last year", date(2021, 1, 1), date(2021, 12, 31)),
        ("died last August", date(2021, 8, 1), date(2021, 8, 31)),
        ("opens this March", date(2022, 3, 1), date(2022, 3, 31)),
        ("the vote next November", date(2022, 11, 1), date(2022, 11, 30)),
        ("last January", date(2021, 1, 1), date(2021, 1, 31)),
        ("arrived yesterday", date(2022, 1, 27), date(2022, 1, 27)),
        ("speaks today", date(2022, 1, 28), date(2022, 1, 28)),
        ("the reports came a day after the launch", date(2022, 1, 27), date(2022, 1, 27)),
    ],
)
def test_relative_time_resolution(text, first, last):
    (ref,) = find_times(text, FRIDAY)
    assert (ref.first_day, ref.last_day) == (first, last)
    assert text[ref.start:ref.end] == ref.phrase


def test_month_arithmetic_across_the_year_end():
    (ref,) = find_times("a meeting last month", date(2023, 1, 10))
    assert (ref.first_day, ref.last_day) == (date(2022, 12, 1), date(2022, 12, 31))
    (ref,) = find_times("due next month", date(2022, 12, 10))
    assert ref.first_day == date(2023, 1, 1)


def test_seed_001_tuesday_and_thursday():
    article = load(str(SEED_001))
    sentence = next(p for _, p in article.paragraphs if "respectively" in p)
    days = [ref.first_day for ref in find_times(sentence, article.date)]
    assert days == [date(2022, 1, 25), date(2022, 1, 27)]


@pytest.mark.parametrize(
    ("text", "explicit"),
    [
        ("It was tested on Tuesday.", "It was tested on Tuesday 25 January 2022."),
        ("The agency said Friday that", "The agency said on Friday 28 January 2022 that"),
        ("North Korea warned last week", "North Korea warned in the week of 17 January 2022"),
        ("at a meeting last month.", "at a meeting in December 2021."),
        ("James Brady died last August.", "James Brady died in August 2021."),
        # a possessive keeps the words before it: 'in last year's Pride', 'This year's theme'
        ("almost double the number of attendees in last year's Pride.",
         "almost double the number of attendees in 2021's Pride."),
        ("This year's theme was family.", "2022's theme was family."),
        ("No time here.", "No time here."),
        # a weekday that names a thing is no day: a paper's edition, a newspaper, a prayer
        ("Associated Newspapers are behind The Daily Mail and its online and Sunday variants.",
         "Associated Newspapers are behind The Daily Mail and its online and Sunday variants."),
        ("The Sunday Times reported the sale.", "The Sunday Times reported the sale."),
        ("Friday prayers drew thousands to the mosque.", "Friday prayers drew thousands to the mosque."),
        ("Posts from Friday theorized an attack.", "Posts from Friday 28 January 2022 theorized an attack."),
        # after 'for' the day goes in without 'on'
        ("Data was not available for Monday.", "Data was not available for Monday 24 January 2022."),
    ],
)
def test_make_explicit(text, explicit):
    assert make_explicit(text, FRIDAY) == explicit


def test_without_a_date_relative_times_cannot_be_made_explicit():
    assert make_explicit("It was tested on Tuesday.", None) is None
    assert make_explicit("No time here at all.", None) == "No time here at all."


def test_last_august_without_a_date_is_bare():
    assert make_explicit("Sarah Brady died at the age of 73 last August.", None) is None


def test_a_day_after_is_never_rewritten():
    assert make_explicit("The reports came a day after the launch.", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("tested on Tuesday", True),
        ("tested on Tuesday 25 January 2022", False),
        ("this week", True),
        ("in the week of 17 January 2022", False),
        ("in 2019", False),
        ("yesterday", True),
        ("the plane crashed a year ago", True),
        ("the bridge was completed about a decade ago", True),
        ("two years ago", True),
        ("a year after the crash in 2014", False),
    ],
)
def test_bare_relative_time_detection(text, bare):
    assert has_bare_relative_time(text) is bare


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On Wednesday, Ahmed Mohamed and his father are to travel to the United Nations.", date(2015, 9, 23)),
        ("North Korea said on Tuesday it would bolster its defenses.", date(2015, 9, 22)),
        ("Kim, who will travel to Seoul, met Trump on Monday.", date(2015, 9, 21)),
        ("They will meet on Monday.", date(2015, 9, 28)),
        # a possessive day names when a thing happened, whatever the verb after it
        ("Monday night's bombings will hurt the tourist trade.", date(2015, 9, 21)),
        ("Monday's vote would decide the seat.", date(2015, 9, 21)),
        # the report's own weekday is that day, looking ahead or back; 'next' is the week after
        ("The embassy would be closed on Tuesday.", date(2015, 9, 22)),
        ("The embassy will reopen next Tuesday.", date(2015, 9, 29)),
    ],
)
def test_future_only_from_the_phrases_own_clause(text, day):
    (ref,) = find_times(text, date(2015, 9, 22))  # a Tuesday
    assert ref.first_day == day


@pytest.mark.parametrize(
    ("text", "explicit"),
    [
        # 'the end of this year' is 'the end of 2022', not 'the end of in 2022'
        ("The law will be enacted before the end of this year.", "The law will be enacted before the end of 2022."),
        # a quotation keeps the speaker's own words: their 'today' need not be the report's
        ('Varadkar said "what we voted for today is a quiet revolution" on Thursday.',
         'Varadkar said "what we voted for today is a quiet revolution" on Thursday 27 January 2022.'),
    ],
)
def test_explicit_wording(text, explicit):
    assert make_explicit(text, FRIDAY) == explicit
