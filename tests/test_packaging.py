"""The wheel carries the templates, schema, samples and bank, and works from where it is installed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out),
         str(ROOT)],
        check=True,
    )
    (built,) = out.glob("quizgen-*.whl")
    return built


def test_wheel_holds_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "quizgen/templates/export/worksheet.html" in names
    assert "quizgen/templates/web/base.html" in names
    assert "quizgen/schema/quiz.schema.json" in names
    assert "quizgen/data/bank.json" in names
    assert any(n.startswith("quizgen/samples/") and n.endswith(".txt") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_renders_its_own_templates(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True)
    script = f"""
import json, sys
sys.path.insert(0, {str(target)!r})
import quizgen
from quizgen.templates_dir import templates_path
from quizgen.export import export
assert quizgen.__file__.startswith({str(target)!r}), quizgen.__file__
folder = templates_path()
assert str(folder).startswith({str(target)!r}), folder
document = {{"quizgen_version": "0.1.0", "articles": [{{"id": "a1", "title": "T", "date": None, "source": None,
    "word_count": 3, "reading_level": {{"flesch_kincaid_grade": 1.0}}, "text": "Kim met Trump."}}],
    "questions": [{{"id": "q1", "type": "short_answer", "prompt": "Who met Trump?", "choices": [], "answer": "Kim",
    "accepted_answers": ["Kim"], "explanation": "The article says so.", "evidence": [{{"article_id": "a1",
    "start": 0, "end": 14, "text": "Kim met Trump."}}], "answer_span": None, "focus": "person",
    "difficulty": "easy", "score": 0.5}}]}}
sheet = export(document, "html").decode("utf-8")
from quizgen.web import create_app
app = create_app({{"TESTING": True, "DATABASE": {str(tmp_path / "q.db")!r}, "SECRET_KEY": "t",
                  "INSTANCE_PATH": {str(tmp_path / "instance")!r}}})
page = app.test_client().get("/login")
print(json.dumps({{"folder": str(folder), "sheet": "Who met Trump?" in sheet,
                   "page": page.status_code == 200 and "<html" in page.get_data(as_text=True)}}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["sheet"] and report["page"], report
