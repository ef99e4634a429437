"""Reading articles: metadata forms, the seed files, HTML, URLs and every bad input of CONTRACT §1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.ingest import load, parse_bytes, parse_text
from tests.conftest import SEED_000, SEED_001
from tests.localsite import Site

FIXTURES = Path(__file__).parent / "fixtures"
BODY = "The council voted to build a new library in the town centre next year."


@pytest.mark.parametrize(
    ("raw", "title", "day", "source"),
    [
        (f"{BODY}", None, None, None),
        (f"Library plan approved\n\n{BODY}", "Library plan approved", None, None),
        (f"Library plan approved\ndate 2023-05-02\n\n{BODY}", "Library plan approved", date(2023, 5, 2), None),
        (f"Library plan approved\ndate: 2023-05-02\n\n{BODY}", "Library plan approved", date(2023, 5, 2), None),
        (f"title: Library plan approved\nsource: Town Post\ndate: 2023-05-02\n\n{BODY}",
         "Library plan approved", date(2023, 5, 2), "Town Post"),
        (f"date 2023-05-02\n\n{BODY}", None, date(2023, 5, 2), None),
        (f" date 2023-05-02 {BODY}", None, date(2023, 5, 2), None),
        (f"# Library plan approved\n\n{BODY}", "Library plan approved", None, None),
        (f"Library plan approved\r\n\r\n{BODY}\r\n", "Library plan approved", None, None),
        (f"url: https://example.org/a\n\n{BODY}", None, None, None),
    ],
)
def test_metadata_forms(raw, title, day, source):
    article = parse_text(raw)
    assert article.title == title
    assert article.date == day
    assert article.source == source
    assert article.text == BODY


def test_url_metadata_line_is_kept_on_the_article():
    assert parse_text(f"url: https://example.org/a\n\n{BODY}").url == "https://example.org/a"


def test_a_sentence_without_final_punctuation_is_not_a_headline_when_it_is_long():
    first = "The council voted on Tuesday to build a new library in the town centre after years of debate among residents"
    article = parse_text(f"{first}\n\n{BODY}")
    assert article.title is None
    assert article.text.startswith(first)


def test_seed_000_has_headline_and_body_start():
    article = load(str(SEED_000))
    assert article.title == "Kim Jong Un"
    assert article.text.startswith("North Korea confirmed")
    assert article.source == SEED_000.name


def test_seed_001_date_line_is_metadata_not_text():
    article = load(str(SEED_001))
    assert article.date == date(2022, 1, 28)
    assert "2022-01-28" not in article.text
    assert "date" not in article.text[:10]
    assert article.text.startswith("North Korea’s official Korean Central News Agency")


def test_hard_wrapped_lines_join_into_one_paragraph():
    article = parse_text("Headline\n\nThe council voted to build\na new library in the town.\n\nSecond paragraph is here now.")
    assert [p for _, p in article.paragraphs] == [
        "The council voted to build a new library in the town.",
        "Second paragraph is here now.",
    ]


def test_paragraph_offsets_point_into_the_text():
    article = load(str(SEED_000))
    for start, paragraph in article.paragraphs:
        assert article.text[start:start + len(paragraph)] == paragraph


def test_sentences_never_span_paragraphs_or_swallow_the_headline(nlp):
    from quizgen.nlp import parse

    parsed = parse(load(str(SEED_000)), nlp)
    assert all("\n" not in s.text for s in parsed.sentences)
    assert not any(s.text.startswith("Kim Jong Un\n") or s.text == "Kim Jong Un" for s in parsed.sentences)
    assert parsed.sentences[0].text.startswith("North Korea confirmed")
    for sentence in parsed.sentences:
        assert parsed.article.text[sentence.start:sentence.end] == sentence.text


def test_html_main_text_title_and_date_without_boilerplate():
    article = load(str(FIXTURES / "article.html"))
    assert article.title == "Volunteers plant 5,000 trees along the river"
    assert article.date == date(2023, 4, 14)
    assert article.text.startswith("More than 300 volunteers planted")
    assert "Subscribe to our newsletter" not in article.text
    assert "Home" not in article.text.split()


def test_html_declared_charset_is_used_when_not_utf8(tmp_path):
    page = (FIXTURES / "article.html").read_text(encoding="utf-8")
    page = page.replace("utf-8", "windows-1252").replace("Mayor Helen Price", "Mayor Hélène Price")
    (tmp_path / "article.html").write_bytes(page.encode("cp1252"))
    article = load(str(tmp_path / "article.html"))
    assert "Hélène Price" in article.text


def test_stdin_reads_plain_text(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"Headline here\n\n{BODY}".encode())))
    article = load("-")
    assert article.title == "Headline here"
    assert article.text == BODY


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t  \n", "empty"),
        (b"Hello there. Yes. No way.", "five words"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Le conseil a voté pour construire une nouvelle bibliothèque au centre de la ville.".encode("latin-1"),
         "UTF-8"),
        ("Le conseil municipal a voté pour construire une nouvelle bibliothèque au centre de la ville.".encode(),
         "English"),
        ("市议会投票决定在市中心建造一座新图书馆，预计明年开工建设，市民对此表示欢迎。".encode(), "English"),
        (b"title: x\ndate: 2023-13-45\n\nThe council voted to build a new library in the town.", "YYYY-MM-DD"),
        (b"<html><body><nav>Home</nav></body></html>", "article text"),
    ],
)
def test_bad_input_raises_one_clear_line(data, message):
    with pytest.raises(InputError) as info:
        parse_bytes(data, source="bad.txt", is_html=data.startswith(b"<html"))
    text = str(info.value)
    assert message in text
    assert "\n" not in text


def test_text_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="too long"):
        parse_text(BODY + " " + "word " * 50_000, max_chars=200_000)


def test_size_limit_is_configurable():
    with pytest.raises(InputError, match="limit 50"):
        parse_text(BODY, max_chars=50)


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="folder"):
        load(str(tmp_path))


@pytest.fixture(scope="module")
def local_site():
    site = Site()
    site.raw("/article.html", "text/html; charset=utf-8", (FIXTURES / "article.html").read_bytes())
    site.raw("/plain.txt", "text/plain; charset=utf-8", f"Library plan approved\n\n{BODY}".encode())
    site.raw("/empty.html", "text/html", b"<html><body></body></html>")
    yield site.url
    site.close()


def test_url_fetches_and_extracts_html(local_site):
    article = load(f"{local_site}/article.html")
    assert article.title == "Volunteers plant 5,000 trees along the river"
    assert article.url == f"{local_site}/article.html"
    assert "5,000 young trees" in article.text


def test_url_serving_plain_text(local_site):
    article = load(f"{local_site}/plain.txt")
    assert article.title == "Library plan approved"
    assert article.text == BODY


def test_url_errors_are_clear(local_site):
    with pytest.raises(InputError, match="404"):
        load(f"{local_site}/missing.html")
    with pytest.raises(InputError, match="no article text"):
        load(f"{local_site}/empty.html")


def test_unreachable_url_is_clear():
    with pytest.raises(InputError, match="could not be reached"):
        load("http://127.0.0.1:9/nothing-listens-here")
    with pytest.raises(InputError, match="could not be reached"):  # urllib can't even parse it
        load("http://[::1/page.html")


def test_headline_ending_in_a_quote_followed_by_a_date_line():
    article = parse_text(f"North Korea puts military in 'quasi-state of war'\ndate 2015-08-21\n\n{BODY}")
    assert article.title == "North Korea puts military in 'quasi-state of war'"
    assert article.date == date(2015, 8, 21)
    assert article.text == BODY


def test_a_first_line_followed_by_metadata_is_the_headline_even_with_a_full_stop():
    article = parse_text(f"Council says yes.\nsource: Town Post\n\n{BODY}")
    assert article.title == "Council says yes."
    assert article.source == "Town Post"
