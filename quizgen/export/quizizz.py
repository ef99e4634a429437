"""Quizizz's (Wayground's) question spreadsheet template as an **.xlsx** (binary).

Columns: Question Text, Question Type, Option 1 to 5, Correct Answer (the option's number),
Time in seconds, Image Link, Answer explanation; one question a row under the header. Multiple choice
and true/false are "Multiple Choice"; a typed answer is "Fill-in-the-Blank" with the accepted answers
as its options. Questions with more than five options keep the answer and four others (a warning says
which); a question without any answer to give is left out with a warning.
"""

from __future__ import annotations

from quizgen.export.common import accepted, choices, clean
from quizgen.export.spreadsheet import workbook

HEADER = [
    "Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
    "Correct Answer", "Time in seconds", "Image Link", "Answer explanation",
]
OPTIONS_MAX = 5


def export(document: dict, time_limit: int = 30, warnings: list[str] | None = None) -> bytes:
    """The quiz in Quizizz's spreadsheet template; questions changed or left out go to ``warnings``."""
    warnings = [] if warnings is None else warnings
    rows = [(1, 1, HEADER)]
    for index, q in enumerate(document["questions"], 1):
        label = f"question {index} ({clean(q.get('id'))})"
        options, answer = choices(q), clean(q["answer"]).strip()
        if options:
            kind = "Multiple Choice"
            wrong = [o for o in options if o.strip() != answer]
            if len(options) > OPTIONS_MAX:
                warnings.append(f"{label}: {len(options) - OPTIONS_MAX} wrong option(s) dropped (Quizizz takes 5)")
            options = [o for o in options if o.strip() == answer or o in wrong[: OPTIONS_MAX - 1]]
            correct = next((i for i, o in enumerate(options, 1) if o.strip() == answer), None)
        else:
            kind, options, correct = "Fill-in-the-Blank", accepted(q)[:OPTIONS_MAX], None
        if not options or (kind == "Multiple Choice" and not correct):
            warnings.append(f"{label}: left out, no answer to give")
            continue
        cells = [clean(q["prompt"]), kind, *options, *[None] * (OPTIONS_MAX - len(options))]
        rows.append((len(rows) + 1, 1, [*cells, correct, time_limit, None, clean(q.get("explanation"))]))
    return workbook(rows, "Sheet1")
