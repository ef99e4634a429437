"""Text, HTML, files, URLs and standard input become an Article.

No spaCy and no database here: only reading, decoding, metadata and checks
(CONTRACT.md section 1). Every problem a user can cause raises InputError.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from quizgen.errors import InputError
from quizgen.language import check_english
from quizgen.models import Article

DEFAULT_MAX_CHARS = 200_000
FETCH_TIMEOUT_SECONDS = 15
HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ""}

_META_LINE = re.compile(r"^(?:(date):?\s+(\d{4}-\S*)|(title|source|url):\s*(.+?))\s*$", re.IGNORECASE)
_DATE_OPENER = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_FINAL_PUNCTUATION = tuple(".!?:;,…。！？")
_CLOSERS = "\"'”’)»"
_HEADLINE_MAX_WORDS = 16
_FIVE_WORD_SENTENCE = re.compile(r"(?:\b[^\W\d_][\w'’-]*\b[^.!?\n]*?){5}", re.UNICODE)


def load(path: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read one PATH of the command line: a file, ``-`` for standard input, or an http(s) URL."""
    if path == "-":
        return parse_bytes(sys.stdin.buffer.read(), source=None, max_chars=max_chars)
    if re.match(r"^https?://", path, re.IGNORECASE):
        return fetch_url(path, max_chars=max_chars)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file; give a .txt, .md or .html file, '-' for standard input, or a URL")
    if file.is_dir():
        raise InputError(f"{path}: is a folder; give article files, or add --each for one quiz per article")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    is_html = file.suffix.lower() in HTML_SUFFIXES
    return parse_bytes(data, source=file.name, is_html=is_html, max_chars=max_chars)


def fetch_url(url: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Fetch a page and extract its article; unreachable or unreadable pages raise InputError."""
    try:  # an address urllib can't parse ("http://[::1") is a ValueError too
        request = urllib.request.Request(url, headers={"User-Agent": "quizgen/0.1 (+offline quiz generator)"})
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            data = response.read(max_chars * 4 + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}; check the address") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"{url}: could not be reached ({reason}); check the address and the network") from None
    if len(data) > max_chars * 4:
        raise InputError(f"{url}: the page is too large (over {max_chars * 4:,} bytes)")
    is_html = "html" in content_type.lower() or not content_type.lower().startswith("text/plain")
    charset = _charset_from_content_type(content_type)
    return parse_bytes(data, source=url, url=url, is_html=is_html, max_chars=max_chars, charset=charset)


def parse_bytes(
    data: bytes,
    *,
    source: str | None,
    url: str | None = None,
    is_html: bool | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    charset: str | None = None,
) -> Article:
    """Decode raw bytes (refusing binary and non-UTF-8 data) and parse them as text or HTML."""
    label = source or "input"
    if _looks_binary(data):
        raise InputError(f"{label}: this is a binary file, not text; give a .txt, .md or .html article")
    if is_html is None:
        is_html = _looks_like_html(data[:2048])
    text = _decode(data, label, charset if is_html or charset else None, try_declared=is_html)
    if is_html:
        return parse_html(text, source=source, url=url, max_chars=max_chars)
    return parse_text(text, source=source, max_chars=max_chars)


def parse_text(
    raw: str,
    *,
    source: str | None = None,
    title: str | None = None,
    article_date: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Parse the plain-text form: optional headline, metadata lines, blank line, paragraphs."""
    label = source or "input"
    _check_size(raw, label, max_chars)
    blocks = _blocks(raw)
    meta: dict[str, str] = {}
    if blocks:
        blocks[0] = _take_front_matter(blocks[0], meta)
        blocks = [b for b in blocks if b]
    if len(blocks) > 1 and "title" not in meta and _is_headline_block(blocks[0]):
        meta["title"] = _strip_markdown_heading(blocks.pop(0)[0])
    if blocks:
        first = " ".join(blocks[0])
        opener = _DATE_OPENER.match(first)
        if opener:
            meta.setdefault("date", opener.group(1))
            blocks[0] = [first[opener.end():]] if first[opener.end():].strip() else []
            blocks = [b for b in blocks if b]
    paragraphs = [_normalise_space(" ".join(block)) for block in blocks]
    paragraphs = [p for p in paragraphs if p]
    return _finish(
        paragraphs,
        label=label,
        title=title or meta.get("title"),
        article_date=article_date or _parse_date(meta.get("date"), label),
        source=meta.get("source", source),
        url=meta.get("url"),
    )


def parse_html(
    html: str,
    *,
    source: str | None = None,
    url: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Extract the main text, title and date of an HTML page with trafilatura."""
    import trafilatura

    label = source or "input"
    _check_size(html, label, max_chars * 4)
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura raises many kinds on broken markup; all mean "no article here"
        document = None
    body = getattr(document, "text", None) if document is not None else None
    if not body:
        raise InputError(f"{label}: no article text found in this HTML page")
    paragraphs = [_normalise_space(line) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    title = getattr(document, "title", None)
    if paragraphs and title and _normalise_space(title) == paragraphs[0]:
        paragraphs.pop(0)
    article_date = None
    raw_date = getattr(document, "date", None)
    if raw_date:
        try:
            article_date = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            article_date = None
    _check_size("\n\n".join(paragraphs), label, max_chars)
    return _finish(paragraphs, label=label, title=title, article_date=article_date, source=source, url=url)


def _finish(paragraphs, *, label, title, article_date, source, url) -> Article:
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{label}: the article is empty; paste or give a file with the article's text")
    check_english(text, label, script_only=True)
    if not _FIVE_WORD_SENTENCE.search(text):
        raise InputError(f"{label}: no sentence of at least five words; quizgen needs real article text")
    check_english(text, label)
    return Article(text=text, title=title, date=article_date, source=source, url=url)


def _check_size(text: str, label: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(
            f"{label}: the text is too long ({len(text):,} characters, limit {max_chars:,}); "
            "split it or raise the limit with QUIZGEN_MAX_CHARS"
        )


def _blocks(raw: str) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _take_front_matter(block: list[str], meta: dict[str, str]) -> list[str]:
    """Pull the headline and metadata lines off the first block; return what is left."""
    lines = list(block)
    if len(lines) > 1 and not _metadata(lines[0]) and all(_metadata(x) for x in lines[1:]):
        meta["title"] = _strip_markdown_heading(lines.pop(0))
    while lines and (pair := _metadata(lines[0])):
        meta.setdefault(*pair)
        lines.pop(0)
    return lines


def _metadata(line: str) -> tuple[str, str] | None:
    """('date', '2022-01-28') for a metadata line, None for text."""
    match = _META_LINE.match(line)
    if not match:
        return None
    key = (match.group(1) or match.group(3)).lower()
    return key, match.group(2) or match.group(4)


def _is_headline_block(block: list[str]) -> bool:
    return len(block) == 1 and _is_headline(block[0])


def _is_headline(line: str) -> bool:
    if _metadata(line):
        return False
    stripped = _strip_markdown_heading(line)
    if line.lstrip().startswith("#"):
        return True
    words = stripped.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not stripped.rstrip(_CLOSERS).endswith(_FINAL_PUNCTUATION)


def _strip_markdown_heading(line: str) -> str:
    return line.lstrip("#").strip()


def _parse_date(value: str | None, label: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{label}: the date '{value[:40]}' is not a valid YYYY-MM-DD date") from None


def _normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lower()
    return any(tag in lowered for tag in (b"<!doctype html", b"<html", b"<body", b"<article", b"<p>", b"<div"))


def _decode(data: bytes, label: str, charset: str | None, *, try_declared: bool) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = charset or (_declared_charset(data[:4096]) if try_declared else None)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(f"{label}: the text is not UTF-8; save it as UTF-8 and try again")


def _declared_charset(head: bytes) -> str | None:
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", head, re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _charset_from_content_type(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None
