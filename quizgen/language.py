"""A cheap, offline check that a text is English before we parse it."""

from __future__ import annotations

import re

from quizgen.errors import InputError

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is was that for it with as on by at from he she they his her has have had be are "
    "were said will would not this which who an or but its their been after also than into about".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_FUNCTION_WORD_SHARE = 0.12
SHORT_TEXT_WORDS = 60  # below this a name-heavy English text can have few function words
MIN_SHORT_TEXT_SHARE = 0.04
MIN_LATIN_SHARE = 0.6


def english_share(text: str) -> tuple[float, float]:
    """(share of words that are common English function words, share of letters that are Latin)."""
    words = [w.lower() for w in _WORD.findall(text)]
    letters = [c for c in text if c.isalpha()]
    if not words or not letters:
        return 0.0, 0.0
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    function = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    return function / len(words), latin / len(letters)


def check_english(text: str, label: str, *, script_only: bool = False) -> None:
    """Raise InputError when the text is clearly not English (``script_only``: judge the alphabet alone)."""
    function_share, latin_share = english_share(text)
    floor = MIN_SHORT_TEXT_SHARE if len(text.split()) < SHORT_TEXT_WORDS else MIN_FUNCTION_WORD_SHARE
    if latin_share < MIN_LATIN_SHARE or (not script_only and function_share < floor):
        raise InputError(f"{label}: the text does not look like English; quizgen makes quizzes from English articles only")
