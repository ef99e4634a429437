"""Batch generation (``quizgen generate DIR --each``): one core against two, over 100 articles.

    .venv/bin/python bench/batch.py [--articles 100] [--format json]

Writes the sample articles, repeated to the number asked (each copy with its paragraphs rotated,
so no two files are the same text), into a temporary folder, then times ``run_each`` with one
worker and with two, and prints both and their ratio (target: two cores at least 1.6 times faster).
It also times spaCy's parse alone of every paragraph with ``nlp.pipe(n_process=1)`` and
``n_process=2``: the alternative design (parallel parse, generation on one core).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgen.batch import run_each  # noqa: E402
from quizgen.ingest import load  # noqa: E402
from quizgen.nlp import load_model  # noqa: E402
from quizgen.samples import sample_paths  # noqa: E402


def make_articles(folder: Path, n: int) -> list[Path]:
    samples = [p for p in sample_paths() if p.suffix == ".txt"]
    made = []
    for i in range(n):
        source = samples[i % len(samples)]
        head, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        turn = (i // len(samples)) % max(1, len(paragraphs))
        paragraphs = paragraphs[turn:] + paragraphs[:turn]
        path = folder / f"{i:03d}_{source.stem[:40]}.txt"
        path.write_text(head + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        made.append(path)
    return made


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = make_articles(folder, args.articles)
        nlp = load_model()

        def batch(jobs: int):
            outcomes = run_each([str(folder)], str(Path(tmp) / f"out{jobs}"), fmt=args.format, jobs=jobs,
                                progress=False, report=lambda line: None)
            failed = [o for o in outcomes if o.error]
            assert not failed, failed[:3]

        batch(2)  # warm-up (model, word lists, page cache)
        one = timed(lambda: batch(1))
        two = timed(lambda: batch(2))
        print(f"articles: {len(paths)}, format: {args.format}")
        print(f"--each, 1 worker:  {one:.2f} s ({len(paths) / one:.1f} articles/s)")
        print(f"--each, 2 workers: {two:.2f} s ({len(paths) / two:.1f} articles/s)")
        print(f"ratio 1 worker / 2 workers: {one / two:.2f} (target >= 1.6)")

        paragraphs = [text for p in paths for _, text in load(str(p)).paragraphs]
        parse1 = timed(lambda: list(nlp.pipe(paragraphs, batch_size=64, n_process=1)))
        parse2 = timed(lambda: list(nlp.pipe(paragraphs, batch_size=64, n_process=2)))
        print(f"alternative: spaCy parse alone, n_process=1: {parse1:.2f} s, n_process=2: {parse2:.2f} s "
              f"(ratio {parse1 / parse2:.2f}); with generation left on one core it could reach at best "
              f"{one / (one - parse1 + parse2):.2f}")


if __name__ == "__main__":
    main()
