"""A web site on 127.0.0.1 for tests: pages and feeds by path, changeable between requests."""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Pages by path: (status, content type, body). Unknown paths answer 404."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                status, kind, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def raw(self, path: str, content_type: str, body: bytes, status: int = 200) -> None:
        self.pages[path] = (status, content_type, body)

    def page(self, path: str, title: str, text: str) -> None:
        """A news page: navigation and footer around an article of paragraphs separated by blank lines."""
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
        body = (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
                f"<nav>Home | World | Sport</nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
                "<footer>Copyright</footer></body></html>")
        self.raw(path, "text/html; charset=utf-8", body.encode("utf-8"))

    def feed(self, path: str, items: list[tuple[str, str]], title: str = "World news") -> None:
        """An RSS feed of (path, title) items on this site."""
        entries = "".join(
            f"<item><title>{html.escape(t)}</title><link>{self.url}{p}</link><guid>{self.url}{p}</guid>"
            "<pubDate>Fri, 28 Jan 2022 09:00:00 GMT</pubDate></item>" for p, t in items)
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{html.escape(title)}</title>'
                f"<link>{self.url}/</link><description>News</description>{entries}</channel></rss>")
        self.raw(path, "application/rss+xml", body.encode("utf-8"))
