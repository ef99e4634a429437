"""Kahoot and Quizizz workbooks opened with openpyxl and checked against their templates; the CSV."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from openpyxl import load_workbook

import strategies
from quizgen.export import csv_table, kahoot, quizizz
from readers import accepted, choices, expected, one_line

KAHOOT_HEADER = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                 "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                 "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
                 "Correct answer(s) - choose at least one"]
QUIZIZZ_HEADER = ["Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
                  "Correct Answer", "Time in seconds", "Image Link", "Answer explanation"]


def kahoot_rows(data: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[8][1:8]] == KAHOOT_HEADER
    return [row for row in sheet.iter_rows(min_row=9, max_col=8, values_only=True) if any(row)]


def quizizz_rows(data: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == QUIZIZZ_HEADER
    return list(sheet.iter_rows(min_row=2, values_only=True))


def check_kahoot(document: dict, data: bytes, warnings: list[str]) -> None:
    rows = iter(kahoot_rows(data))
    number = 0
    for index, q in enumerate(document["questions"], 1):
        if any(w.startswith(f"question {index} ") and "left out" in w for w in warnings):
            continue
        number += 1
        row = next(rows)
        answers = [a for a in row[2:6] if a is not None]
        assert row[0] == number and row[1] == one_line(q["prompt"]) and len(row[1]) <= 120
        assert 2 <= len(answers) <= 4 and all(len(a) <= 75 for a in answers)
        assert set(answers) <= {one_line(c) for c in choices(q)}
        assert answers[row[7] - 1] == one_line(q["answer"])
        assert row[6] == 20
    assert next(rows, None) is None


def test_kahoot_template_layout_and_rows(document):
    warnings: list[str] = []
    data = kahoot.export(document, warnings=warnings)
    rows = kahoot_rows(data)
    assert rows[0] == (1, document["questions"][0]["prompt"], "Donald Trump", "Kim Jong Un", "Joe Biden",
                       "Moon Jae-in", 20, 2)
    assert rows[1][1:4] == ("The factory is in Jagang province.", "True", "False") and rows[1][7] == 1
    check_kahoot(document, data, warnings)


def test_kahoot_warnings_name_what_was_left_out_or_shortened(document):
    warnings: list[str] = []
    kahoot.export(document, warnings=warnings)
    assert warnings == [
        "question 4 (q4): left out, Kahoot quizzes need choices (fill_blank)",
        "question 6 (q6): left out, Kahoot quizzes need choices (short_answer)",
        "question 7 (q7): 1 wrong answer(s) dropped to fit Kahoot's limits",
    ]


def test_kahoot_limits(document):
    q = document["questions"][0]
    q["choices"][0] = "x" * 76
    long_question = dict(document["questions"][1], id="long", prompt="Is this long? " + "y" * 120)
    long_answer = dict(q, id="longans", answer="z" * 76, choices=["z" * 76, "a", "b"])
    document["questions"] = [q, long_question, long_answer]
    warnings: list[str] = []
    rows = kahoot_rows(kahoot.export(document, warnings=warnings, time_limit=30))
    assert len(rows) == 1 and "x" * 76 not in rows[0] and rows[0][6] == 30
    assert warnings == ["question 1 (q1): 1 wrong answer(s) dropped to fit Kahoot's limits",
                        "question 2 (long): left out, question over 120 characters (134)",
                        "question 3 (longans): left out, correct answer over 75 characters (76)"]


def test_kahoot_rejects_a_time_limit_it_does_not_offer(document):
    with pytest.raises(ValueError, match="time limit"):
        kahoot.export(document, time_limit=25)


def test_formula_like_text_stays_text(document):
    document["questions"][0]["choices"][0] = "=1+1"
    sheet = load_workbook(io.BytesIO(kahoot.export(document))).active
    assert sheet["C9"].value == "=1+1" and sheet["C9"].data_type == "s"


def check_quizizz(document: dict, data: bytes, warnings: list[str]) -> None:
    rows = quizizz_rows(data)
    assert len(rows) + sum("left out" in w for w in warnings) == len(document["questions"])
    for q, row in zip(document["questions"], rows):
        options = [o for o in row[2:7] if o is not None]
        assert expected(row[0]) == expected(q["prompt"])
        assert expected(row[10]) == expected(q["explanation"])
        if q["type"] == "true_false" or q.get("choices"):
            assert row[1] == "Multiple Choice"
            assert [o.strip() for o in options] == choices(q)[:5] or len(choices(q)) > 5
            assert options[row[7] - 1].strip() == expected(q["answer"])
        else:
            assert row[1] == "Fill-in-the-Blank" and row[7] is None and options == accepted(q)[:5]


def test_quizizz_template_layout_and_rows(document):
    warnings: list[str] = []
    data = quizizz.export(document, warnings=warnings)
    rows = quizizz_rows(data)
    assert rows[0][:9] == (document["questions"][0]["prompt"], "Multiple Choice", "Donald Trump", "Kim Jong Un",
                           "Joe Biden", "Moon Jae-in", None, 2, 30)
    assert rows[5][1:5] == ("Fill-in-the-Blank", "40%", "40 percent", "forty percent")
    check_quizizz(document, data, warnings)
    assert warnings == []


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def check_csv(document: dict, data: bytes) -> None:
    rows = read_csv(data)
    assert len(rows) == len(document["questions"])
    for q, row in zip(document["questions"], rows):
        assert expected(row["prompt"]) == expected(q["prompt"]) and row["type"] == q["type"]
        assert [expected(row[f"choice_{i}"]) for i in range(1, 6)][: len(q["choices"])] == [
            expected(c) for c in q["choices"]]
        assert expected(row["answer"]) == expected(q["answer"])
        assert expected(row["explanation"]) == expected(q["explanation"])


def test_csv_round_trips(document):
    data = csv_table.export(document)
    check_csv(document, data)
    assert read_csv(data)[5]["accepted_answers"] == "40% | 40 percent | forty percent"
    assert list(read_csv(data)[0]) == csv_table.HEADER


@settings(max_examples=100, deadline=None)
@given(strategies.document())
def test_property_arbitrary_text_in_every_table(document):
    warnings: list[str] = []
    check_kahoot(document, kahoot.export(document, warnings=warnings), warnings)
    warnings = []
    check_quizizz(document, quizizz.export(document, warnings=warnings), warnings)
    check_csv(document, csv_table.export(document))
