"""A year group submits at once: answer submissions against a trivial endpoint of the same server.

    .venv/bin/python bench/load.py [--students 300] [--concurrency 50]

Starts ``quizgen serve`` (waitress) on a free 127.0.0.1 port with a temporary database, creates a
teacher, an article and a published quiz through the JSON API, then sends ``--students`` answer
submissions to that one quiz, ``--concurrency`` at a time (each student on its own connection), and
the same number of requests to ``/healthz`` (no database) the same way as the baseline. Prints p50
and p95 latency and requests per second of both, and their ratios; then checks through the results
API and the database that every attempt is stored exactly once. Targets: no 5xx, p95 under 250 ms,
submissions per second at least half the baseline's.
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


def start_server(db: Path, port: int, instance: Path) -> subprocess.Popen:
    env = {**os.environ, "QUIZGEN_SECRET_KEY": "bench-load", "QUIZGEN_INSTANCE_PATH": str(instance)}
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


def set_up_quiz(base: str) -> str:
    """Teacher, article and published quiz through the API; returns the join code."""
    from quizgen.samples import sample_paths

    with httpx.Client(base_url=f"{base}/api/v1", timeout=120) as http:
        account = {"email": "bench@school.test", "password": "bench password", "name": "Bench Teacher"}
        assert http.post("/teachers", json=account).status_code == 201
        token = http.post("/tokens", json={k: account[k] for k in ("email", "password")}).json()["token"]
        http.headers["Authorization"] = f"Bearer {token}"
        text = next(p for p in sample_paths() if p.name.startswith("001_")).read_text(encoding="utf-8")
        article = http.post("/articles", json={"text": text})
        assert article.status_code == 201, article.text
        quiz = http.post("/quizzes", json={"title": "Load test", "article_ids": [article.json()["id"]], "count": 10})
        assert quiz.status_code == 201, quiz.text
        return quiz.json()["code"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, port = Path(tmp) / "load.db", free_port()
        server = start_server(db, port, Path(tmp) / "instance")
        base = f"http://127.0.0.1:{port}"
        try:
            code = set_up_quiz(base)
            path = f"/api/v1/play/{code}/attempts"

            def healthz(connection, n):
                return connection.request("GET", "/healthz")

            def submit(connection, n):
                return connection.request("POST", path, {"name": f"Student {n:03d}", "answers": ANSWERS})

            def warm(connection, n):
                return connection.request("GET", f"/api/v1/play/{code}")

            drive(base, 100, args.concurrency, warm)
            baseline = drive(base, args.students, args.concurrency, healthz)
            load = drive(base, args.students, args.concurrency, submit)
            with httpx.Client(base_url=base, timeout=30) as http:
                token = http.post("/api/v1/tokens", json={"email": "bench@school.test",
                                                          "password": "bench password"}).json()["token"]
                results = http.get("/api/v1/quizzes/1/results", headers={"Authorization": f"Bearer {token}"}).json()
        finally:
            server.terminate()
            server.wait(10)
        conn = sqlite3.connect(db)
        stored = conn.execute("select name, count(*) from attempts where status = 'submitted' group by name").fetchall()
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()

    print(f"{args.students} requests, {args.concurrency} at a time, over loopback; cores: {os.cpu_count()}")
    for label, figures in (("/healthz (baseline)", baseline), ("answer submissions", load)):
        print(f"{label:>20}: {figures['rps']:7.1f} req/s   p50 {figures['p50']:6.1f} ms   "
              f"p95 {figures['p95']:6.1f} ms   statuses {figures['statuses']}")
    print(f"ratio submissions/s / baseline req/s: {load['rps'] / baseline['rps']:.2f} (target >= 0.5)")
    print(f"ratio p95 submissions / p95 baseline: {load['p95'] / baseline['p95']:.2f}; "
          f"p95 {load['p95']:.0f} ms (target < 250 ms)")
    expected = {f"Student {n:03d}" for n in range(args.students)}
    names = [name for name, _ in stored]
    once = all(count == 1 for _, count in stored) and set(names) == expected
    server_errors = sum(v for s, v in load["statuses"].items() if s >= 500)
    print(f"stored attempts: {len(names)} (results API: {len(results['attempts'])}); every attempt exactly once: "
          f"{once}; 5xx: {server_errors}; integrity: {integrity}")
    ok = once and not server_errors and load["p95"] < 250 and load["rps"] >= baseline["rps"] / 2
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
