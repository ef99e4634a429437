"""A readable Markdown quiz: questions, then an answer key with evidence."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Escape Markdown and HTML so article text shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def export(document: dict) -> bytes:
    titles = [a.get("title") or a.get("source") or a["id"] for a in document["articles"]]
    lines = [f"# Quiz: {_md('; '.join(t for t in titles if t))}", ""]
    for number, q in enumerate(document["questions"], 1):
        lines.append(f"{number}. {_md(q['prompt'])}")
        if q["type"] == "true_false":
            lines.append("   - True / False")
        for letter, choice in zip("ABCDE", q.get("choices") or []):
            if q["type"] == "multiple_choice":
                lines.append(f"   - {letter}. {_md(choice)}")
        lines.append("")
    lines += ["## Answer key", ""]
    for number, q in enumerate(document["questions"], 1):
        evidence = " … ".join(_md(e["text"]) for e in q["evidence"])
        lines.append(f"{number}. **{_md(q['answer'])}**: {_md(q['explanation'])}")
        lines.append(f"   > {evidence}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")
