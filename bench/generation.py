"""Generation time against spaCy's parse alone, over the sample articles.

    .venv/bin/python bench/generation.py [--repeat 3]

Prints the best-of-N wall time of (a) parsing every sample article with the spaCy pipeline
and (b) making a quiz for each (which includes that parse), and their ratio. Target: at most 1.3.
"""

from __future__ import annotations

import argparse
import time

from quizgen.ingest import load
from quizgen.nlp import load_model, parse_many
from quizgen.pipeline import make_quiz
from quizgen.questions.clauses import past_form
from quizgen.samples import sample_paths


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [str(p) for p in sample_paths()]
    model = load_model()
    make_quiz([load(paths[0])], model=model)  # warm-up: model, bank, word lists
    past_form("attend", "VBD")  # warm-up: lemminflect loads its tables once per process

    def parse_only():
        for path in paths:
            parse_many([load(path)], model)

    def generate():
        for path in paths:
            make_quiz([load(path)], model=model)

    parse_seconds = best_of(args.repeat, parse_only)
    generate_seconds = best_of(args.repeat, generate)
    words = sum(load(p).word_count for p in paths)
    print(f"articles: {len(paths)}, words: {words}")
    print(f"parse only:       {parse_seconds:.3f} s")
    print(f"whole generation: {generate_seconds:.3f} s")
    print(f"ratio generation/parse: {generate_seconds / parse_seconds:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
