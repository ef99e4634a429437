"""One quiz per article for a folder of articles (``quizgen generate DIR --each -o OUTDIR``).

The articles are shared among worker processes (two by default, one per core), each making whole
quizzes: spaCy parses an article's paragraphs in one batched ``nlp.pipe`` call, and the question
generators, distractors and ranking run in the same worker, so both cores stay busy for all of it.
(spaCy's own ``n_process`` would spread only the parse and leave generation on one core; measured
with ``bench/batch.py``.) Workers are forked after the model is loaded, so it is loaded once.

No click here: ``run_each`` returns one ``Outcome`` per article and the CLI reports them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


@dataclass
class Outcome:
    source: str
    output: str | None = None
    questions: int = 0
    error: str | None = None


@dataclass(frozen=True)
class Job:
    source: str
    output: str
    fmt: str
    count: int
    seed: int | None
    max_chars: int


def collect(paths: list[str]) -> list[Path]:
    """Article files: each file given, and each folder's .txt, .md and .html files (sorted, not recursive)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                            and not p.name.startswith("."))
        else:
            found.append(path)  # a missing or unreadable file is reported when it is loaded
    return found


def output_names(sources: list[Path], extension: str) -> list[str]:
    """``stem.extension`` for each article; articles sharing a stem keep their suffix to stay apart."""
    stems = [p.stem for p in sources]
    names, used = [], set()
    for path, stem in zip(sources, stems):
        name = f"{stem}.{extension}" if stems.count(stem) == 1 else f"{stem}{path.suffix.replace('.', '_')}.{extension}"
        base, n = name, 2
        while name in used:
            name = f"{n}-{base}"
            n += 1
        used.add(name)
        names.append(name)
    return names


def make_one(job: Job) -> Outcome:
    """Load, generate, export and write one article's quiz; every failure becomes an Outcome.error."""
    from quizgen.export import export
    from quizgen.ingest import load
    from quizgen.nlp import load_model
    from quizgen.pipeline import make_quiz

    try:
        article = load(job.source, max_chars=job.max_chars)
        quiz = make_quiz([article], count=job.count, seed=job.seed, model=load_model())
        if not quiz.questions:
            raise InputError(f"{job.source}: no question could be made from this text; try a longer news article")
        data = export(quiz.to_dict(), job.fmt)
        with open(job.output, "wb") as handle:
            handle.write(data)
    except InputError as exc:
        message, name = str(exc), Path(job.source).name
        if message.startswith(f"{name}: "):  # ingest names the file; say where it is
            message = message[len(name) + 2:]
        if not message.startswith(job.source):
            message = f"{job.source}: {message}"
        return Outcome(job.source, error=message)
    except OSError as exc:
        return Outcome(job.source, error=f"{job.source}: cannot write {job.output} ({exc.strerror})")
    except Exception as exc:  # a bug, but one article must not stop the other ninety-nine
        return Outcome(job.source, error=f"{job.source}: failed ({type(exc).__name__}: {exc})")
    return Outcome(job.source, output=job.output, questions=len(quiz.questions))


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_each(paths: list[str], outdir: str, *, fmt: str = "json", count: int = 10, seed: int | None = None,
             max_chars: int = 200_000, jobs: int | None = None, progress: bool = True,
             report=None) -> list[Outcome]:
    """Make one quiz file per article into ``outdir``; ``report(line)`` is called for each failure."""
    from tqdm import tqdm

    from quizgen.export import FILE_TYPES
    from quizgen.nlp import load_model

    sources = collect(paths)
    Path(outdir).mkdir(parents=True, exist_ok=True)
    names = output_names(sources, FILE_TYPES[fmt].extension if fmt in FILE_TYPES else fmt)
    work = [Job(str(src), str(Path(outdir) / name), fmt, count, seed, max_chars) for src, name in zip(sources, names)]
    jobs = max(1, min(jobs or default_jobs(), len(work) or 1))
    report = report or (lambda line: tqdm.write(line, file=sys.stderr))
    _warm_up(load_model())  # once, before forking: the workers inherit the model and word lists
    outcomes: list[Outcome | None] = [None] * len(work)
    bar = tqdm(total=len(work), unit="article", file=sys.stderr, disable=not progress, desc="quizzes")
    pool = None
    try:
        if jobs == 1:
            results = map(_make_indexed, enumerate(work))
        else:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            pool = multiprocessing.get_context(method).Pool(jobs)
            results = pool.imap_unordered(_make_indexed, enumerate(work), chunksize=1)
        for index, outcome in results:
            outcomes[index] = outcome
            if outcome.error:
                report(outcome.error)
            bar.update(1)
        if pool is not None:
            pool.close()
            pool.join()
            pool = None
    finally:
        if pool is not None:  # interrupted: stop the workers
            pool.terminate()
        bar.close()
    return outcomes


def _warm_up(model) -> None:
    """Load everything generation loads lazily (model, distractor bank, word lists) by one small quiz."""
    from quizgen.models import Article
    from quizgen.pipeline import make_quiz

    text = ("The city council of Springfield approved a new budget on Monday after a long debate. "
            "Mayor Jane Smith said the plan would fund 12 new schools by 2025.")
    try:
        make_quiz([Article(text=text, title="Budget", source="warm-up")], count=1, model=model)
    except Exception:  # only a warm-up: the real articles report their own errors
        pass


def _make_indexed(item: tuple[int, Job]) -> tuple[int, Outcome]:
    return item[0], make_one(item[1])
