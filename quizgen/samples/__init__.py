"""The sample articles shipped with quizgen (credits in SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

SAMPLES_DIR = Path(__file__).parent


def sample_paths() -> list[Path]:
    """Every sample article file, in name order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))
