"""Hypothesis strategies: quiz documents full of arbitrary Unicode, GIFT specials and HTML."""

from __future__ import annotations

from hypothesis import strategies as st

from readers import expected

SPECIALS = ["~", "=", "#", "{", "}", ":", "\\", "\\n", "\n", "\r\n", "<b>bold</b>", "<script>x</script>", "&amp;",
            "&", "]]>", "%50%", "//", '"', "'", "*", "\x00", "\x0b", "\u2028", "\ufeff", "😀", "Ω≈ç", "$course$"]
_piece = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=10), st.sampled_from(SPECIALS))
text = st.lists(_piece, min_size=1, max_size=5).map("".join).filter(lambda s: expected(s) and "___" not in s)


def _span(t: str) -> dict:
    return {"article_id": "a1", "start": 0, "end": len(t), "text": t}


@st.composite
def question(draw, qtype: str | None = None) -> dict:
    qtype = qtype or draw(st.sampled_from(["multiple_choice", "true_false", "fill_blank", "short_answer"]))
    prompt = draw(text)
    choices: list[str] = []
    if qtype == "multiple_choice" or (qtype == "fill_blank" and draw(st.booleans())):
        choices = draw(st.lists(text, min_size=3, max_size=5, unique_by=lambda c: expected(c)))
        answer = draw(st.sampled_from(choices))
    elif qtype == "true_false":
        choices, answer = ["True", "False"], draw(st.sampled_from(["True", "False"]))
    else:
        answer = draw(text)
    if qtype == "fill_blank":
        prompt = prompt + " ___ " + draw(text)
    accepted = [answer, *draw(st.lists(text, max_size=2))] if not choices else [answer]
    return {"id": draw(st.sampled_from(["q1", "q2", "q<3>"])), "type": qtype, "prompt": prompt, "choices": choices,
            "answer": answer, "accepted_answers": accepted, "explanation": draw(text),
            "evidence": [_span(draw(text))], "answer_span": None, "focus": "term", "difficulty": "medium",
            "score": 0.5}


@st.composite
def document(draw, qtype: str | None = None) -> dict:
    body = draw(text)
    return {"quizgen_version": "0.1.0",
            "articles": [{"id": "a1", "title": draw(text), "date": "2022-01-28", "source": draw(text),
                          "word_count": 3, "reading_level": {"flesch_kincaid_grade": 5.0}, "text": body}],
            "questions": draw(st.lists(question(qtype), min_size=1, max_size=4))}
