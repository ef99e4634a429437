"""Reading level of an article (Flesch-Kincaid grade), offline."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def flesch_kincaid_grade(text: str) -> float:
    """Flesch-Kincaid grade level, rounded to one decimal."""
    import textstat

    return round(float(textstat.flesch_kincaid_grade(text)), 1)
