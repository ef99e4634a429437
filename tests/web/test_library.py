"""Article library: paste, upload, URL; metadata shown; search; errors shown; owners only."""

from __future__ import annotations

import io

from quizgen.errors import InputError
from quizgen.web import services

from .conftest import SEED_001_TEXT


def test_paste_shows_title_date_word_count_and_reading_level(teacher):
    article_id = teacher.add_article(title="Missile tests")
    html = teacher.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Missile tests" in html and "2022-01-28" in html
    assert "words" in html and "grade" in html
    listing = teacher.get("/articles").get_data(as_text=True)
    assert "Missile tests" in listing and "2022-01-28" in listing and "grade " in listing


def test_upload_txt_md_and_html(teacher):
    for name, data in [
        ("story.txt", SEED_001_TEXT.encode()),
        ("story.md", ("# A headline here\n\n" + SEED_001_TEXT).encode()),
        ("story.html", ("<html><head><title>Missiles</title></head><body><article>"
                        + "".join(f"<p>{p}</p>" for p in SEED_001_TEXT.split("\n\n")[1:6])
                        + "</article></body></html>").encode()),
    ]:
        response = teacher.form("/articles", {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
        assert response.status_code == 302, (name, response.get_data(as_text=True)[:300])
    listing = teacher.get("/articles").get_data(as_text=True)
    assert "A headline here" in listing


def test_upload_of_an_unsupported_or_binary_file_is_refused(teacher):
    response = teacher.form("/articles", {"file": (io.BytesIO(b"\x00\x01PNG"), "photo.png")},
                            content_type="multipart/form-data")
    assert response.status_code == 400 and "upload a .txt, .md or .html" in response.get_data(as_text=True)
    response = teacher.form("/articles", {"file": (io.BytesIO(b"\x00\x01\x02" * 50), "x.txt")},
                            content_type="multipart/form-data")
    assert response.status_code == 400 and "binary" in response.get_data(as_text=True)


def test_url(teacher, monkeypatch):
    from quizgen import ingest

    seen = []

    def fake_fetch(url, max_chars=200_000):
        seen.append(url)
        return ingest.parse_text(SEED_001_TEXT, source=url)

    monkeypatch.setattr(ingest, "fetch_url", fake_fetch)
    response = teacher.form("/articles", {"url": "https://news.example/story"})
    assert response.status_code == 302 and seen == ["https://news.example/story"]

    def unreachable(url, max_chars=200_000):
        raise InputError(f"{url}: could not be reached (timed out); check the address and the network")

    monkeypatch.setattr(ingest, "fetch_url", unreachable)
    response = teacher.form("/articles", {"url": "https://down.example/"})
    assert response.status_code == 400 and "could not be reached" in response.get_data(as_text=True)
    response = teacher.form("/articles", {"url": "ftp://x"})
    assert response.status_code == 400


def test_bad_text_shows_the_one_line_error_and_stores_nothing(teacher):
    for text, message in [("   ", "empty"), ("Too short.", "five words")]:
        response = teacher.form("/articles", {"text": text})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
    assert "No articles yet" in teacher.get("/articles").get_data(as_text=True)
    response = teacher.form("/articles", {"text": SEED_001_TEXT, "date": "2022-13-45"})
    assert response.status_code == 400 and "not a valid" in response.get_data(as_text=True)


def test_full_text_search(teacher):
    teacher.add_article(title="Missile tests")
    teacher.add_article(text="Crops and ozone\n\nRising ozone levels are cutting the yields of wheat and soy across "
                        "the world, according to a new study by climate scientists.", title="Ozone and crops")
    html = teacher.get("/articles?q=munitions").get_data(as_text=True)
    assert "Missile tests" in html and "Ozone and crops" not in html
    html = teacher.get("/articles?q=wheat").get_data(as_text=True)
    assert "Ozone and crops" in html and "Missile tests" not in html
    assert "No article matches" in teacher.get('/articles?q="unbalanced').get_data(as_text=True)


def test_search_only_finds_the_teachers_own_articles(teacher, other):
    teacher.add_article(title="Missile tests")
    assert "Missile tests" not in other.get("/articles?q=munitions").get_data(as_text=True)
    assert "Missile tests" not in other.get("/articles").get_data(as_text=True)


def test_another_teachers_article_is_not_found(teacher, other):
    article_id = teacher.add_article()
    assert other.get(f"/articles/{article_id}").status_code == 404
    assert other.form(f"/articles/{article_id}/delete").status_code == 404
    assert other.form(f"/articles/{article_id}/generate").status_code == 404
    assert other.get(f"/articles/{article_id}/questions/new").status_code == 404
    assert teacher.get(f"/articles/{article_id}").status_code == 200


def test_delete_article(teacher):
    article_id = teacher.add_article()
    assert teacher.form(f"/articles/{article_id}/delete").status_code == 302
    assert teacher.get(f"/articles/{article_id}").status_code == 404


def test_ingest_keeps_a_given_title_and_date():
    row = services.ingest(text=SEED_001_TEXT, title="Mine", article_date="2020-02-02")
    assert row["title"] == "Mine" and row["date"] == "2020-02-02" and row["word_count"] > 300
