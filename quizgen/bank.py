"""The distractor bank: named entities by finer type, gathered from a set of articles.

quizgen ships a bank built from its sample articles (``quizgen/data/bank.json``);
the web app builds one from the articles a teacher has stored. Rebuild the shipped one with
``python -m quizgen.bank``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from quizgen.nlp import ParsedArticle
from quizgen.questions.context import ENTITY_LABELS, QuizContext

BANK_PATH = Path(__file__).parent / "data" / "bank.json"
PER_LABEL = 60


def build_bank(parsed: list[ParsedArticle]) -> dict[str, list[str]]:
    """Entity names by finer type, most mentioned first, persons under their full names."""
    context = QuizContext(parsed)
    bank: dict[str, Counter] = defaultdict(Counter)
    for label, counter in context.entities.items():
        if label in ENTITY_LABELS or label in ("COUNTRY", "GPE_OTHER"):
            for text, count in counter.items():
                name = context.full_name(text) if label == "PERSON" else text
                bank[label][name] += count
    return {label: [name for name, _ in counter.most_common(PER_LABEL) if _label_agrees(name, label, bank)]
            for label, counter in sorted(bank.items())}


def _label_agrees(name: str, label: str, bank: dict[str, Counter]) -> bool:
    """Keep a name only under the label spaCy gives it most often, and only if it looks like a name."""
    if len(name) < 3 or not name[0].isupper() or (name.isupper() and name.endswith("s")):
        return False
    votes = {other: counter[name] for other, counter in bank.items() if counter[name]}
    if label != "PERSON" and name in bank.get("PERSON", {}):
        return False
    return max(votes, key=votes.get) == label


@lru_cache(maxsize=1)
def shipped_bank() -> dict[str, list[str]]:
    """The bank built from the sample articles, or an empty one if the file is missing."""
    try:
        return json.loads(BANK_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def main() -> None:
    from quizgen.ingest import load
    from quizgen.nlp import parse_many
    from quizgen.samples import sample_paths

    articles = [load(str(p)) for p in sample_paths()]
    for number, article in enumerate(articles):
        article.id = f"a{number}"
    bank = build_bank(parse_many(articles))
    BANK_PATH.write_text(json.dumps(bank, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {BANK_PATH} ({sum(len(v) for v in bank.values())} names)")


if __name__ == "__main__":
    main()
