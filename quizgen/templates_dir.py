"""Where the Jinja templates live: inside the installed package, else the repository's top level."""

from __future__ import annotations

from pathlib import Path

import quizgen


def templates_path() -> Path:
    """The templates folder: ``quizgen/templates`` in a wheel, ``templates/`` in a checkout."""
    packaged = Path(quizgen.__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(quizgen.__file__).parent.parent / "templates"
