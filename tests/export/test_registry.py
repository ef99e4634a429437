"""The EXPORTERS registry, option passing, binary formats, layering; and a real generated quiz exported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import test_gift
import test_moodle
import test_qti
import test_tables
from quizgen.export import EXPORTERS, FILE_TYPES, export, kahoot
from quizgen.templates_dir import templates_path


def test_formats_of_the_contract_are_registered():
    assert {"json", "gift", "moodle", "qti", "csv", "md", "html"} <= set(EXPORTERS)
    assert {"html-student", "kahoot", "quizizz"} <= set(EXPORTERS)
    assert set(FILE_TYPES) == set(EXPORTERS)
    assert {name for name, t in FILE_TYPES.items() if t.binary} == {"qti", "kahoot", "quizizz"}


def test_every_format_gives_bytes(document):
    for name in EXPORTERS:
        data = export(document, name)
        assert isinstance(data, bytes) and data
        if not FILE_TYPES[name].binary:
            data.decode("utf-8")
    assert export(document, "qti")[:2] == export(document, "kahoot")[:2] == b"PK"


def test_options_and_warnings_pass_through(document):
    warnings: list[str] = []
    export(document, "kahoot", warnings=warnings, time_limit=60)
    assert len(warnings) == 3
    assert b"<section class=\"article\">" in export(document, "html-student", include_article=True)
    with pytest.raises(TypeError):
        export(document, "json", include_article=True)
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export(document, "pdf")


def test_json_and_md_unchanged(document):
    assert export(document, "json").startswith(b'{\n  "quizgen_version": "0.1.0"')
    assert export(document, "md").startswith(b"# Quiz: Kim visits \\<factory\\> & more")


def test_templates_are_found():
    assert (templates_path() / "export" / "worksheet.html").is_file()


def test_exporters_import_no_web_cli_or_database_library():
    for path in (Path(__file__).parents[2] / "quizgen" / "export").glob("*.py"):
        tree = ast.parse(path.read_text())
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {n.split(".")[0] for n in names} & {"flask", "click", "sqlite_utils"}, path.name


def test_a_generated_quiz_exports_to_every_format(nlp, sample_articles):
    from quizgen.pipeline import make_quiz

    article = next(a for name, a in sample_articles.items() if name.startswith("001_"))
    document = make_quiz([article], count=10, seed=1, model=nlp).to_dict()
    assert document["questions"]
    test_gift.check_round_trip(document)
    quiz = test_moodle.parse(document)
    test_moodle.check_structure(quiz)
    test_moodle.check_round_trip(document, quiz)
    assessment = test_qti.unpack(export(document, "qti"))[1]
    test_qti.assert_valid(assessment)
    test_qti.check_round_trip(document, assessment)
    warnings: list[str] = []
    test_tables.check_kahoot(document, kahoot.export(document, warnings=warnings), warnings)
    test_tables.check_csv(document, export(document, "csv"))
    student = export(document, "html-student").decode("utf-8")
    assert "Answer key" not in student and all(q["explanation"] not in student for q in document["questions"])
