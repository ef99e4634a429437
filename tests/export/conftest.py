"""Hand-built quiz documents (CONTRACT.md section 3) for the exporter tests."""

from __future__ import annotations

import copy

import pytest

ARTICLE_TEXT = (
    "Meanwhile, North Korean leader Kim Jong Un visited a munitions factory that produces "
    "a \"major weapon system\", state media said on Friday.\n\n"
    "The factory, in Jagang province, makes shells for the army; 40% of its output goes north."
)


def _span(text: str, fragment: str) -> dict:
    start = text.index(fragment)
    return {"article_id": "a1", "start": start, "end": start + len(fragment), "text": fragment}


def _question(qid: str, qtype: str, prompt: str, answer: str, **extra) -> dict:
    evidence = extra.pop("evidence", "Kim Jong Un visited a munitions factory")
    q = {
        "id": qid, "type": qtype, "prompt": prompt, "choices": [], "answer": answer,
        "accepted_answers": [answer], "explanation": f"The article says so: {answer}.",
        "evidence": [_span(ARTICLE_TEXT, evidence)], "answer_span": None,
        "focus": "person", "difficulty": "easy", "score": 0.9,
    }
    q.update(extra)
    return q


QUESTIONS = [
    _question("q1", "multiple_choice", "Who visited a munitions factory that produces a \"major weapon system\"?",
              "Kim Jong Un", choices=["Donald Trump", "Kim Jong Un", "Joe Biden", "Moon Jae-in"],
              accepted_answers=["Kim Jong Un", "Kim"]),
    _question("q2", "true_false", "The factory is in Jagang province.", "True", choices=["True", "False"],
              evidence="The factory, in Jagang province", focus="place"),
    _question("q3", "true_false", "The factory makes rifles.", "False", choices=["True", "False"],
              evidence="makes shells for the army", focus="term"),
    _question("q4", "fill_blank", "The factory makes ___ for the army.", "shells", focus="term",
              evidence="makes shells for the army"),
    _question("q5", "fill_blank", "State media reported the visit on _____.", "Friday",
              choices=["Monday", "Friday", "Sunday"], focus="time", evidence="state media said on Friday"),
    _question("q6", "short_answer", "What share of the factory's output goes north?", "40%",
              accepted_answers=["40%", "40 percent", "forty percent"], focus="number",
              evidence="40% of its output goes north"),
    _question("q7", "multiple_choice", "Which {tricky} answer: uses ~ = # and \\ \"quotes\" <b>tags</b>?",
              "a = b # c", choices=["a = b # c", "{x}: ~y~", "<i>it</i> & \\n", "plain\nnewline", "five"],
              explanation="Because {x} ~ = # : \\ and <script>alert(1)</script> must stay text.",
              focus="quote"),
]


@pytest.fixture
def document() -> dict:
    """A quiz with every question type, including one full of GIFT, XML and HTML special characters."""
    return copy.deepcopy({
        "quizgen_version": "0.1.0",
        "articles": [{"id": "a1", "title": "Kim visits <factory> & more", "date": "2022-01-28",
                      "source": "001_da13011938c5cbef.txt", "word_count": 40,
                      "reading_level": {"flesch_kincaid_grade": 9.1}, "text": ARTICLE_TEXT}],
        "questions": QUESTIONS,
    })
