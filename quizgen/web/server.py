"""``quizgen serve``: the app under waitress, optionally with the demo teacher and sample articles."""

from __future__ import annotations

import os
import sys

DEMO_EMAIL = "demo@quizgen.local"
DEMO_PASSWORD = "quizgen-demo"
DEMO_NAME = "Demo Teacher"
DEMO_PUBLIC = 3  # the first few demo quizzes are listed on the practice page


def seed_demo(app, log=print) -> dict:
    """Create the demo teacher, the sample articles and a published quiz for each; safe to run twice."""
    from datetime import datetime, timezone

    from werkzeug.security import generate_password_hash

    from quizgen.errors import InputError
    from quizgen.ingest import load
    from quizgen.samples import sample_paths
    from quizgen.store import Store
    from quizgen.web import services

    store = Store(app.config["DATABASE"])
    try:
        teacher = store.teacher_by_email(DEMO_EMAIL)
        if teacher is None:
            teacher = store.create_teacher(DEMO_EMAIL, DEMO_NAME, generate_password_hash(DEMO_PASSWORD))
        have = {a["source"] for a in store.articles(teacher["id"])}
        made = 0
        for number, path in enumerate(sample_paths()):
            if path.name in have:
                continue
            try:
                row = services.article_row(load(str(path)))
                row["source"] = path.name
                article_id = store.add_article(teacher["id"], row)
                article = store.article(teacher["id"], article_id)
                ids = services.generate_for_article(store, teacher["id"], article, count=10, seed=1)
            except InputError as exc:
                log(f"  skipped {path.name}: {exc}")
                continue
            questions = store.questions_by_ids(teacher["id"], ids)
            quiz = services.build_quiz(store, teacher["id"], article["title"], questions,
                                       is_public=number < DEMO_PUBLIC, shuffle_choices=True)
            store.update_quiz(teacher["id"], quiz["id"], status="open",
                              published_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            made += 1
            log(f"  {path.name}: {len(ids)} questions, join code {quiz['code']}")
        return {"teacher": teacher, "added": made}
    finally:
        store.close()


def serve(db_path: str | None, host: str, port: int, demo: bool) -> None:
    """Run quizgen under waitress until interrupted."""
    import waitress

    from quizgen.web import create_app

    app = create_app({"DATABASE": db_path} if db_path else None)
    if demo:
        print("Preparing the demo (first start generates quizzes for the sample articles)...", flush=True)
        seed_demo(app, log=lambda line: print(line, flush=True))
        print(f"Demo teacher: {DEMO_EMAIL} / password {DEMO_PASSWORD}", flush=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"quizgen is serving on http://{shown}:{port}/ (database {app.config['DATABASE']}); Ctrl-C stops it",
          flush=True)
    try:
        # 32 threads: when a class submits at once, each waits for its group commit, so more threads
        # waiting means larger groups and fewer commits (bench/load.py: 8 threads gave half the rate)
        threads = os.environ.get("QUIZGEN_THREADS", "")
        # waitress buffers a body before the app sees it: up to four times the app's limit it is read and
        # refused by the app with a clear page; beyond that waitress itself answers 413
        waitress.serve(app, host=host, port=port, threads=int(threads) if threads.isdigit() and int(threads) > 0 else 32,
                       max_request_body_size=4 * app.config["MAX_CONTENT_LENGTH"], ident="quizgen")
    except OSError as exc:
        print(f"quizgen: cannot listen on {host}:{port} ({exc.strerror}); try another --port", file=sys.stderr)
        raise SystemExit(2) from None
