"""Kahoot's quiz spreadsheet template as an **.xlsx** (binary).

The layout of Kahoot's "Import spreadsheet" template: the header on row 8 from column B (question,
answers 1 to 4, time limit, correct answers), one question a row below it, numbered in column A.
Kahoot takes 120 characters a question, 75 an answer and 2 to 4 answers. Questions without choices
(short answer, fill-in without choices), with a question too long or a correct answer too long are
left out; a fifth or over-long wrong answer is dropped. Each is reported in ``warnings``.
"""

from __future__ import annotations

from quizgen.export.common import choices, clean, quiz_title
from quizgen.export.spreadsheet import workbook

QUESTION_MAX, ANSWER_MAX, ANSWERS_MAX = 120, 75, 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
HEADER_ROW = 8


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def fit(q: dict, label: str, warnings: list[str]) -> tuple[str, list[str], int] | None:
    """(question, answers, 1-based correct answer) within Kahoot's limits, or None to leave it out."""
    prompt, answer = _one_line(q["prompt"]), _one_line(q["answer"])
    options = list(dict.fromkeys(_one_line(c) for c in choices(q)))
    if len(options) < len(choices(q)):
        warnings.append(f"{label}: answers that differ only in spacing merged")
    if not options:
        warnings.append(f"{label}: left out, Kahoot quizzes need choices ({q['type']})")
        return None
    if len(prompt) > QUESTION_MAX:
        warnings.append(f"{label}: left out, question over {QUESTION_MAX} characters ({len(prompt)})")
        return None
    if len(answer) > ANSWER_MAX:
        warnings.append(f"{label}: left out, correct answer over {ANSWER_MAX} characters ({len(answer)})")
        return None
    wrong = [o for o in options if o != answer]
    kept = [o for o in wrong if len(o) <= ANSWER_MAX][: ANSWERS_MAX - 1]
    if len(kept) < len(wrong):
        warnings.append(f"{label}: {len(wrong) - len(kept)} wrong answer(s) dropped to fit Kahoot's limits")
    if not kept:
        warnings.append(f"{label}: left out, no wrong answer fits Kahoot's limits")
        return None
    answers = [o for o in options if o == answer or o in kept]
    return prompt, answers, answers.index(answer) + 1


def export(document: dict, time_limit: int = 20, warnings: list[str] | None = None) -> bytes:
    """The quiz in Kahoot's spreadsheet template; questions left out or shortened go to ``warnings``."""
    if time_limit not in TIME_LIMITS:
        raise ValueError(f"Kahoot time limit must be one of {TIME_LIMITS}, not {time_limit}")
    warnings = [] if warnings is None else warnings
    rows = [(2, 2, ["quizgen: " + _one_line(quiz_title(document))]), (HEADER_ROW, 2, HEADER)]
    number = 0
    for index, q in enumerate(document["questions"], 1):
        fitted = fit(q, f"question {index} ({clean(q.get('id'))})", warnings)
        if fitted:
            number += 1
            prompt, answers, correct = fitted
            cells = [prompt, *answers, *[None] * (ANSWERS_MAX - len(answers)), time_limit, correct]
            rows.append((HEADER_ROW + number, 1, [number, *cells]))
    return workbook(rows, "Sheet1")
