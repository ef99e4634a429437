"""Assemble blind-judging packets: one article and its default quiz each, nothing else.

    .venv/bin/python bench/judge/make_packets.py OUTDIR [ARTICLE ...] [--together]

With no ARTICLE, every sample article. With --together, one packet of one quiz over all the
ARTICLEs (several reports of one story, with its comparison questions). Writes OUTDIR/INSTRUCTIONS.md (the judging instructions with
the rubric inlined) and one OUTDIR/<article>.md packet per article. Hand a judge the instructions and
packets only: never the code, the candidates or what the generator meant. Tally the judges' answers
with bench/judge/tally.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from quizgen.ingest import load
from quizgen.pipeline import make_quiz
from quizgen.samples import sample_paths

HERE = Path(__file__).parent
RUBRIC_CANDIDATES = (HERE.parents[2] / "shared" / "quality" / "RUBRIC.md", HERE / "RUBRIC.md")


def packet(paths: list[str], count: int = 10) -> str:
    articles = [load(path) for path in paths]
    quiz = make_quiz(articles, count=count)
    lines = [f"# Packet: {' + '.join(Path(p).name for p in paths)}", ""]
    for number, article in enumerate(articles, 1):
        lines += [f"## Article {number}" if len(articles) > 1 else "## Article", ""]
        if article.title:
            lines += [f"**{article.title}**", ""]
        if article.date:
            lines += [f"Dated {article.date.isoformat()}", ""]
        lines += [article.text, ""]
    lines += ["## Quiz", ""]
    for q in quiz.questions:
        lines.append(f"### {q.id} ({q.type.replace('_', ' ')})")
        lines.append(q.prompt)
        for letter, choice in zip("ABCDE", q.choices if q.type == "multiple_choice" else []):
            lines.append(f"- {letter}. {choice}")
        lines.append(f"Keyed answer: {q.answer}")
        lines.append("")
    return "\n".join(lines)


def main(out: Path, paths: list[str], together: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rubric_path = next((p for p in RUBRIC_CANDIDATES if p.exists()), None)
    rubric = rubric_path.read_text(encoding="utf-8") if rubric_path else "(see quality/RUBRIC.md)"
    instructions = (HERE / "INSTRUCTIONS.md").read_text(encoding="utf-8").replace("RUBRIC_TEXT", rubric)
    (out / "INSTRUCTIONS.md").write_text(instructions, encoding="utf-8")
    if together:
        name = "+".join(Path(p).stem[:12] for p in paths)
        (out / f"{name}.md").write_text(packet(paths, count=12), encoding="utf-8")
        print(f"wrote 1 packet over {len(paths)} articles and INSTRUCTIONS.md to {out}")
        return
    for path in paths or [str(p) for p in sample_paths()]:
        (out / f"{Path(path).stem}.md").write_text(packet([path]), encoding="utf-8")
    print(f"wrote {len(paths or sample_paths())} packets and INSTRUCTIONS.md to {out}")


if __name__ == "__main__":
    args = sys.argv[2:]
    main(Path(sys.argv[1]), [a for a in args if a != "--together"], "--together" in args)
