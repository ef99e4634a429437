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
@click.option("-o", "--output", type=click.Path(), help="Write here, not to stdout (with --each: a folder).")
@click.option("--each", is_flag=True,
              help="One quiz per article: PATHs are folders or files, -o the folder to write them to.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="With --each: worker processes (default: 2, or 1 on a one-core machine).")
@click.option("--no-progress", is_flag=True, help="With --each: no progress bar.")
def generate(paths: tuple[str, ...], fmt: str, count: int, seed: int | None, output: str | None, each: bool,
             jobs: int | None, no_progress: bool) -> None:
    """Make one quiz from one or more articles (files, '-' for stdin, or http(s) URLs).

    With --each, make one quiz per article instead: every .txt, .md and .html file of the folders
    given (and each file given) becomes OUTDIR/STEM.EXTENSION. Articles that fail are reported on
    standard error, one line each, and skipped; the exit status is then 2.
    """
    from quizgen.export import EXPORTERS, export
    from quizgen.ingest import load
    from quizgen.pipeline import make_quiz

    if fmt not in EXPORTERS:
        _fail(f"unknown format '{fmt}'; choose one of {', '.join(sorted(EXPORTERS))}")
    if each:
        _generate_each(paths, fmt, count, seed, output, jobs, not no_progress)
        return
    if output and os.path.isdir(output):
        _fail(f"{output} is a folder; give a file name with -o (or use --each for one quiz per article)")
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


def _generate_each(paths, fmt, count, seed, output, jobs, progress) -> None:
    from quizgen.batch import collect, run_each

    if not output:
        _fail("--each writes one file per article; give the folder with -o OUTDIR")
    if os.path.exists(output) and not os.path.isdir(output):
        _fail(f"{output} is a file; with --each, -o names a folder")
    if "-" in paths or any(p.lower().startswith(("http://", "https://")) for p in paths):
        _fail("--each takes folders and files (not '-' or URLs)")
    if not collect(list(paths)):
        _fail(f"no .txt, .md or .html article in {', '.join(paths)}")
    try:
        outcomes = run_each(list(paths), output, fmt=fmt, count=count, seed=seed, max_chars=_max_chars(),
                            jobs=jobs, progress=progress)
    except OSError as exc:
        _fail(f"{output}: cannot write there ({exc.strerror})")
    failed = sum(1 for o in outcomes if o.error)
    click.echo(f"quizgen: {len(outcomes) - failed} quizzes written to {output}"
               + (f"; {failed} article(s) failed (see above)" if failed else ""), err=True)
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("dest", type=click.Path(dir_okay=False))
@click.option("--db", "db_path", envvar="QUIZGEN_DB", default=None, help="SQLite file (default: instance/quizgen.db).")
def backup(dest: str, db_path: str | None) -> None:
    """Copy the database to DEST while the server may keep running (SQLite's online backup)."""
    from quizgen.store import backup_database

    source = db_path or _default_db()
    if not os.path.isfile(source):
        _fail(f"{source}: no such database; give it with --db PATH")
    if os.path.exists(dest) and os.path.samefile(source, dest):
        _fail("the backup must go to another file than the database")
    if os.path.isdir(dest):
        _fail(f"{dest} is a folder; give the backup's file name")
    try:
        pages = backup_database(source, dest)
    except Exception as exc:  # sqlite3.Error, OSError: say what, never a traceback
        _fail(f"backup failed: {exc}")
    click.echo(f"quizgen: backed up {source} to {dest} ({pages} pages, integrity ok)", err=True)


def _default_db() -> str:
    """The database ``quizgen serve`` uses without --db: config.py's DATABASE, else instance/quizgen.db."""
    from pathlib import Path

    from flask import Flask

    instance = os.environ.get("QUIZGEN_INSTANCE_PATH")
    app = Flask("quizgen.web", instance_path=str(Path(instance).resolve()) if instance else None,
                instance_relative_config=True)
    app.config.from_pyfile("config.py", silent=True)
    return str(app.config.get("DATABASE") or Path(app.instance_path) / "quizgen.db")


@cli.command()
@click.option("--db", "db_path", envvar="QUIZGEN_DB", default=None, help="SQLite file (default: instance/quizgen.db).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--demo", is_flag=True, help="Load the sample articles and a demo teacher account.")
def serve(db_path: str | None, host: str, port: int, demo: bool) -> None:
    """Run the web app with a production WSGI server."""
    from quizgen.web.server import serve as run_server

    run_server(db_path, host, port, demo)


@cli.group()
def feeds() -> None:
    """RSS and Atom feeds: new items become articles, grouped into stories with draft quizzes."""


_DB = click.option("--db", "db_path", envvar="QUIZGEN_DB", required=True, help="SQLite file of the web app.")
_TEACHER = click.option("--teacher", "email", required=True, help="The teacher's e-mail address.")


def _store_and_teacher(db_path: str, email: str):
    from quizgen.store import Store

    store = Store(db_path)
    teacher = store.teacher_by_email(email)
    if teacher is None:
        _fail(f"no teacher with the e-mail address {email}; sign up in the web app first")
    return store, teacher["id"]


@feeds.command("add")
@click.argument("url")
@_DB
@_TEACHER
def feeds_add(url: str, db_path: str, email: str) -> None:
    """Subscribe a teacher to the feed at URL."""
    from quizgen.feeds import subscribe
    from quizgen.store import Conflict

    store, teacher_id = _store_and_teacher(db_path, email)
    try:
        feed = subscribe(store, teacher_id, url)
    except InputError as exc:
        _fail(str(exc))
    except Conflict:
        _fail(f"{url}: already subscribed")
    click.echo(f"subscribed to {feed['title'] or url} (feed {feed['id']})")


@feeds.command("list")
@_DB
@_TEACHER
def feeds_list(db_path: str, email: str) -> None:
    """A teacher's feeds, when each was last read and what went wrong."""
    store, teacher_id = _store_and_teacher(db_path, email)
    for feed in store.feeds(teacher_id):
        status = f"error: {feed['error']}" if feed["error"] else f"checked {feed['checked_at'] or 'never'}"
        click.echo(f"{feed['id']}\t{feed['title'] or '-'}\t{feed['url']}\t{status}")


@feeds.command("update")
@_DB
def feeds_update(db_path: str) -> None:
    """Fetch every feed's new items; propose a draft quiz for each story they join."""
    from quizgen.feeds import update
    from quizgen.library_stories import propose_drafts
    from quizgen.store import Store

    store = Store(db_path)
    failed = False
    for feed in store.feeds():
        result = update(store, feed)
        for error in result.errors:
            click.echo(f"quizgen: {error}", err=True)
        failed |= bool(result.errors)
        drafts = propose_drafts(store, feed["teacher_id"], result.added) if result.added else []
        click.echo(f"{feed['title'] or feed['url']}: {len(result.added)} new article(s), "
                   f"{len(drafts)} draft quiz(zes)")
    if failed:
        sys.exit(2)

def main() -> None:
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
