"""Print every candidate question for an article with its score or the reason it was rejected.

    .venv/bin/python bench/candidates.py quizgen/samples/000_1d9127fb113579ef.txt [--rejected]

A tool for judging the generators: what they propose, what the filters throw out, and why.
"""

from __future__ import annotations

import sys

from quizgen import pipeline
from quizgen.ingest import load
from quizgen.nlp import parse_many
from quizgen.questions.context import QuizContext
from quizgen.rank import rejection


def main(paths: list[str], show_rejected: bool) -> None:
    articles = [load(p) for p in paths]
    for number, article in enumerate(articles, 1):
        article.id = f"a{number}"
    parsed = parse_many(articles)
    context = QuizContext(parsed, pipeline.default_bank())
    for p in parsed:
        for sentence in p.sentences:
            for generate in pipeline._generators_for(sentence):
                for candidate in generate(sentence, context):
                    candidate = pipeline._with_options(candidate, context, None)
                    reason = rejection(candidate)
                    if reason and not show_rejected:
                        continue
                    q = candidate.question
                    mark = f"REJECT {reason}" if reason else "ok"
                    print(f"[{mark}] {q.type}/{q.kind}: {q.prompt} -> {q.answer} {q.choices}")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if not a.startswith("--")], "--rejected" in sys.argv)
