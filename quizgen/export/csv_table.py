"""A plain CSV of the questions, one row each (UTF-8 with a byte-order mark, which spreadsheets need).

Cells hold the quiz's text exactly; accepted answers and evidence are joined with `` | ``.
"""

from __future__ import annotations

import csv
import io

from quizgen.export.common import accepted, clean

HEADER = [
    "number", "id", "type", "prompt", "choice_1", "choice_2", "choice_3", "choice_4", "choice_5",
    "answer", "accepted_answers", "explanation", "evidence", "focus", "difficulty", "score",
]
SEPARATOR = " | "


def export(document: dict) -> bytes:
    """One row a question: prompt, up to five choices, the answer, accepted answers and evidence."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, q in enumerate(document["questions"], 1):
        options = [clean(c) for c in (q.get("choices") or [])][:5]
        writer.writerow([
            number, clean(q.get("id")), q["type"], clean(q["prompt"]), *options, *[""] * (5 - len(options)),
            clean(q["answer"]), SEPARATOR.join(accepted(q)), clean(q.get("explanation")),
            SEPARATOR.join(clean(e.get("text")) for e in q.get("evidence") or []),
            q.get("focus", ""), q.get("difficulty", ""), q.get("score", ""),
        ])
    return out.getvalue().encode("utf-8-sig")
