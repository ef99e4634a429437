"""A year group submits at once: answer submissions against a trivial endpoint of the same server.

    .venv/bin/python bench/load.py [--students 300] [--concurrency 50] [--rounds 3]

Starts ``quizgen serve`` (waitress) on a free 127.0.0.1 port with a temporary database, creates a
teacher, an article and a published quiz through the JSON API, then sends ``--students`` answer
submissions to that one quiz, ``--concurrency`` at a time (each student on its own connection), and
the same number of requests to ``/healthz`` (no database) the same way as the baseline. Prints p50
and p95 latency and requests per second of both, and their ratios; then checks through the results
API and the database that every attempt is stored exactly once. Targets: no 5xx, p95 under 250 ms,
submissions per second at least half the baseline's. A run of 300 requests takes a fraction of a
second, so one busy moment on a shared machine moves it: each of ``--rounds`` rounds measures the
baseline and then a new quiz's 300 students, every round is printed, and the targets are judged on the
median round.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {"q1": "Kim Jong Un", "q2": "True", "q3": "six", "q4": "defenses"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, instance: Path, attempts: int) -> subprocess.Popen:
    """The server, its attempt budget raised to the run's ``attempts`` (all from one address): the rate
    limiter still counts every submission, it just never refuses one."""
    env = {**os.environ, "QUIZGEN_SECRET_KEY": "bench-load", "QUIZGEN_INSTANCE_PATH": str(instance),
           "QUIZGEN_RATELIMIT_ATTEMPT": f"{attempts} per minute"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from quizgen.cli import main; main()", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(instance.parent / "server.log").open("wb"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {(instance.parent / 'server.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start in 60 s")


class Teacher:
    """The bench's teacher and article, made through the API; publishes a quiz per round."""

    def __init__(self, base: str) -> None:
        from quizgen.samples import sample_paths

        self.http = httpx.Client(base_url=f"{base}/api/v1", timeout=120)
        account = {"email": "bench@school.test", "password": "bench password", "name": "Bench Teacher"}
        assert self.http.post("/teachers", json=account).status_code == 201
        token = self.http.post("/tokens", json={k: account[k] for k in ("email", "password")}).json()["token"]
        self.http.headers["Authorization"] = f"Bearer {token}"
        text = next(p for p in sample_paths() if p.name.startswith("001_")).read_text(encoding="utf-8")
        article = self.http.post("/articles", json={"text": text})
        assert article.status_code == 201, article.text
        self.article_id = article.json()["id"]

    def publish_quiz(self, title: str) -> tuple[int, str]:
        quiz = self.http.post("/quizzes", json={"title": title, "article_ids": [self.article_id], "count": 10})
        assert quiz.status_code == 201, quiz.text
        return quiz.json()["id"], quiz.json()["code"]

    def results(self, quiz_id: int) -> dict:
        return self.http.get(f"/quizzes/{quiz_id}/results").json()


class Http:
    """A keep-alive HTTP/1.1 connection (the standard library's: light enough that the load generator,
    sharing the machine's two cores with the server, is not what is measured)."""

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.conn = http.client.HTTPConnection(host, int(port), timeout=30)

    def request(self, method: str, path: str, body: dict | None = None) -> int:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status

    def close(self) -> None:
        self.conn.close()


def drive(base: str, total: int, concurrency: int, request) -> dict:
    """``total`` requests, ``concurrency`` clients at a time, each client on its own connection."""
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    counter = iter(range(total))
    start_line = threading.Barrier(concurrency + 1)

    def client() -> None:
        connection = Http(base)
        start_line.wait()
        try:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                began = time.perf_counter()
                try:
                    status = request(connection, n)
                except (OSError, http.client.HTTPException):
                    status = 599
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    start_line.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "rps": total / wall,
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000,
        "statuses": {s: statuses.count(s) for s in sorted(set(statuses))},
    }


def run_round(base: str, teacher: Teacher, number: int, students: int, concurrency: int) -> dict:
    """The baseline, then ``students`` submissions to a new quiz; its figures and what was stored."""
    quiz_id, code = teacher.publish_quiz(f"Load test {number}")
    path = f"/api/v1/play/{code}/attempts"

    def healthz(connection, n):
        return connection.request("GET", "/healthz")

    def submit(connection, n):
        return connection.request("POST", path, {"name": f"Student {n:03d}", "answers": ANSWERS})

    def warm(connection, n):
        return connection.request("GET", f"/api/v1/play/{code}")

    drive(base, 100, concurrency, warm)
    baseline = drive(base, students, concurrency, healthz)
    load = drive(base, students, concurrency, submit)
    return {"quiz_id": quiz_id, "baseline": baseline, "load": load, "ratio": load["rps"] / baseline["rps"],
            "results": len(teacher.results(quiz_id)["attempts"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, port = Path(tmp) / "load.db", free_port()
        server = start_server(db, port, Path(tmp) / "instance", attempts=max(1200, 2 * args.students * args.rounds))
        base = f"http://127.0.0.1:{port}"
        try:
            teacher = Teacher(base)
            rounds = [run_round(base, teacher, n, args.students, args.concurrency) for n in range(1, args.rounds + 1)]
        finally:
            server.terminate()
            server.wait(10)
        conn = sqlite3.connect(db)
        stored = {r["quiz_id"]: conn.execute("select name, count(*) from attempts where status = 'submitted' "
                                             "and quiz_id = ? group by name", [r["quiz_id"]]).fetchall()
                  for r in rounds}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()

    print(f"{args.students} requests per run, {args.concurrency} at a time, over loopback; cores: {os.cpu_count()}")
    for n, r in enumerate(rounds, 1):
        for label, figures in (("/healthz (baseline)", r["baseline"]), ("answer submissions", r["load"])):
            print(f"round {n} {label:>20}: {figures['rps']:7.1f} req/s   p50 {figures['p50']:6.1f} ms   "
                  f"p95 {figures['p95']:6.1f} ms   statuses {figures['statuses']}")
        print(f"round {n} ratio submissions/s / baseline req/s: {r['ratio']:.2f}")
    median = sorted(rounds, key=lambda r: r["ratio"])[len(rounds) // 2]
    load = median["load"]
    print(f"median round: ratio submissions/s / baseline req/s {median['ratio']:.2f} (target >= 0.5); "
          f"p95 submissions / p95 baseline {load['p95'] / median['baseline']['p95']:.2f}; "
          f"p95 {load['p95']:.0f} ms (target < 250 ms)")
    expected = {f"Student {n:03d}" for n in range(args.students)}
    once = all(all(count == 1 for _, count in rows) and {name for name, _ in rows} == expected
               for rows in stored.values())
    server_errors = sum(v for r in rounds for s, v in r["load"]["statuses"].items() if s >= 500)
    print(f"stored attempts per quiz: {[len(rows) for rows in stored.values()]} (results API: "
          f"{[r['results'] for r in rounds]}); every attempt exactly once: {once}; 5xx: {server_errors}; "
          f"integrity: {integrity}")
    worst_p95 = max(r["load"]["p95"] for r in rounds)
    ok = once and not server_errors and worst_p95 < 250 and median["ratio"] >= 0.5
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
