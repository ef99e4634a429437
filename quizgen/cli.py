"""The command line (CONTRACT.md section 2): thin wrappers over pipeline, export and web."""

from __future__ import annotations

import os
import sys

import click

from quizgen.errors import InputError

CONTRACT_FORMATS = ("json", "gift", "moodle", "qti", "csv", "md", "html")
BINARY_FORMATS = ("qti", "kahoot", "quizizz")


def _max_chars() -> int:
    from quizgen.ingest import DEFAULT_MAX_CHARS

    raw = os.environ.get("QUIZGEN_MAX_CHARS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_CHARS


def _fail(message: str) -> None:
    click.echo(f"quizgen: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def cli() -> None:
    """Reading-comprehension quizzes from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH [PATH ...]")
@click.option("--format", "fmt", default="json", show_default=True, metavar="FORMAT",
              help="json, md, gift, moodle, qti, csv, html (and kahoot, quizizz where installed).")
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 100), help="Questions to keep.")
@click.option("--seed", type=int, default=None, help="Another, equally good quiz from the same articles.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
def generate(paths: tuple[str, ...], fmt: str, count: int, seed: int | None, output: str | None) -> None:
    """Make one quiz from one or more articles (files, '-' for stdin, or http(s) URLs)."""
    from quizgen.export import EXPORTERS, export
    from quizgen.ingest import load
    from quizgen.pipeline import make_quiz

    if fmt not in EXPORTERS:
        _fail(f"unknown format '{fmt}'; choose one of {', '.join(sorted(EXPORTERS))}")
    if fmt in BINARY_FORMATS and not output:
        _fail(f"the {fmt} format is a binary file; give -o FILE")
    if list(paths).count("-") > 1:
        _fail("standard input ('-') can be given only once")
    try:
        articles = [load(path, max_chars=_max_chars()) for path in paths]
        quiz = make_quiz(articles, count=count, seed=seed)
    except InputError as exc:
        _fail(str(exc))
    if not quiz.questions:
        _fail("no question could be made from this text; try a longer news article")
    data = export(quiz.to_dict(), fmt)
    if output:
        try:
            with open(output, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            _fail(f"{output}: cannot write ({exc.strerror})")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@cli.command()
@click.option("--db", "db_path", envvar="QUIZGEN_DB", default=None, help="SQLite file (default: instance/quizgen.db).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--demo", is_flag=True, help="Load the sample articles and a demo teacher account.")
def serve(db_path: str | None, host: str, port: int, demo: bool) -> None:
    """Run the web app with a production WSGI server."""
    from quizgen.web.server import serve as run_server

    run_server(db_path, host, port, demo)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
