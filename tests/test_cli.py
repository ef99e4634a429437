"""The command line in-process with click's CliRunner: formats, several files, errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quizgen.cli import cli
from quizgen.validate import problems
from tests.conftest import SEED_000, SEED_001


@pytest.fixture
def runner():
    return CliRunner()


def test_generate_json_to_stdout(runner):
    result = runner.invoke(cli, ["generate", str(SEED_001), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert problems(document) == []
    assert document["articles"][0]["source"] == SEED_001.name


def test_generate_markdown_with_count_to_a_file(runner, tmp_path):
    out = tmp_path / "quiz.md"
    result = runner.invoke(cli, ["generate", str(SEED_000), "--format", "md", "--count", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Quiz: Kim Jong Un")
    assert "## Answer key" in text
    assert all(f"{n}. " in text for n in range(1, 5))
    assert "5. " not in text.split("## Answer key")[0]


def test_several_paths_make_one_quiz(runner):
    result = runner.invoke(cli, ["generate", str(SEED_000), str(SEED_001)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_standard_input(runner):
    result = runner.invoke(cli, ["generate", "-"], input=SEED_000.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["title"] == "Kim Jong Un"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["generate", "missing-file.txt"], None, "no such file"),
        (["generate", "-"], "", "empty"),
        (["generate", "-"], "Too short. Really.", "five words"),
        (["generate", "-"], "El ayuntamiento votó a favor de construir una nueva biblioteca en el centro.", "English"),
        (["generate", str(SEED_000), "--format", "pdfx"], None, "unknown format"),
        (["generate", str(SEED_000), "--count", "0"], None, "count"),
        (["generate", "-", "-"], "x", "only once"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(runner, args, stdin, message):
    result = runner.invoke(cli, args, input=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_binary_file_is_refused(runner, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(cli, ["generate", str(binary)])
    assert result.exit_code == 2
    assert "binary" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_size_limit_from_environment(runner):
    result = runner.invoke(cli, ["generate", str(SEED_000)], env={"QUIZGEN_MAX_CHARS": "100"})
    assert result.exit_code == 2
    assert "too long" in result.stderr


def test_non_utf8_file_is_refused(runner, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le conseil a voté pour la bibliothèque de la ville, déjà.".encode("latin-1"))
    result = runner.invoke(cli, ["generate", str(latin)])
    assert result.exit_code == 2
    assert "UTF-8" in result.stderr


def test_help_lists_the_commands(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "generate" in result.output and "serve" in result.output
