"""Quiz document (CONTRACT.md section 3) -> bytes, one module per format.

Each exporter is ``export(document, **options) -> bytes``. Text formats are UTF-8; ``qti`` is a zip
and ``kahoot`` and ``quizizz`` are .xlsx workbooks, binary all three (see ``FILE_TYPES``). Options:

- ``html`` / ``html-student``: ``include_article=True`` prints the article text first;
- ``moodle``: ``category="path/in/bank"``;
- ``kahoot`` / ``quizizz``: ``time_limit`` (seconds) and ``warnings``, a list to which a line is
  appended for each question left out or changed to fit the platform's limits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from quizgen.export import csv_table, gift, json_doc, kahoot, markdown, moodle, qti, quizizz, worksheet

Exporter = Callable[..., bytes]


class FileType(NamedTuple):
    extension: str
    media_type: str
    binary: bool


EXPORTERS: dict[str, Exporter] = {
    "json": json_doc.export,
    "md": markdown.export,
    "gift": gift.export,
    "moodle": moodle.export,
    "qti": qti.export,
    "csv": csv_table.export,
    "html": worksheet.export,
    "html-student": partial(worksheet.export, student_copy=True),
    "kahoot": kahoot.export,
    "quizizz": quizizz.export,
}

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_TYPES: dict[str, FileType] = {
    "json": FileType("json", "application/json", False),
    "md": FileType("md", "text/markdown; charset=utf-8", False),
    "gift": FileType("gift.txt", "text/plain; charset=utf-8", False),
    "moodle": FileType("moodle.xml", "application/xml", False),
    "qti": FileType("qti.zip", "application/zip", True),
    "csv": FileType("csv", "text/csv; charset=utf-8", False),
    "html": FileType("teacher.html", "text/html; charset=utf-8", False),
    "html-student": FileType("student.html", "text/html; charset=utf-8", False),
    "kahoot": FileType("kahoot.xlsx", XLSX, True),
    "quizizz": FileType("quizizz.xlsx", XLSX, True),
}


def export(document: dict, fmt: str, **options) -> bytes:
    """Render a quiz document in one of the formats of EXPORTERS, passing options through."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(sorted(EXPORTERS))}") from None
    return exporter(document, **options)
