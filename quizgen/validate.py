"""Check a quiz document against CONTRACT.md section 3: the JSON Schema, then the rules it can't express."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "schema" / "quiz.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _comparable(text: str) -> str:
    """Case- and punctuation-insensitive form for comparing options."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _without_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE).casefold()


def problems(document: dict) -> list[str]:
    """Every way the document breaks the contract; empty when it holds."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    found = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    if found:
        return found
    texts = {a["id"]: a["text"] for a in document["articles"]}
    ids = [q["id"] for q in document["questions"]]
    if len(set(ids)) != len(ids):
        found.append("question ids repeat")
    scores = [q["score"] for q in document["questions"]]
    if scores != sorted(scores, reverse=True):
        found.append("questions are not sorted by score, best first")
    for q in document["questions"]:
        found += [f"{q['id']}: {p}" for p in _question_problems(q, texts)]
    return found


def _question_problems(q: dict, texts: dict[str, str]) -> list[str]:
    out = []
    choices = q.get("choices") or []
    if q["type"] == "multiple_choice":
        keys = [_comparable(c) for c in choices]
        if len(set(keys)) != len(keys):
            out.append("choices are not distinct")
        if q["answer"] not in choices:
            out.append("answer is not among the choices")
    for span in q["evidence"] + ([q["answer_span"]] if q["answer_span"] else []):
        text = texts.get(span["article_id"])
        if text is None:
            out.append(f"span cites unknown article {span['article_id']}")
        elif text[span["start"]:span["end"]] != span["text"]:
            out.append(f"span text is not the article's slice [{span['start']}:{span['end']}]")
    if q["answer_span"] and _without_article(q["answer_span"]["text"]) != _without_article(q["answer"]):
        out.append("answer_span text does not match the answer")
    return out
