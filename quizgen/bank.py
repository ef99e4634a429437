"""The distractor bank: named entities by finer type, one entry per article they came from.

quizgen ships a bank built from its sample articles (``quizgen/data/bank.json``); rebuild it with
``python -m quizgen.bank``. A quiz draws on the bank's articles that share the most names with
its own first, so a question about North Korea is offered other people from Korean news,
not footballers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from quizgen.nlp import ParsedArticle
from quizgen.questions.context import QuizContext

BANK_PATH = Path(__file__).parent / "data" / "bank.json"
BankEntry = dict[str, list[str]]


def build_bank(parsed: list[ParsedArticle]) -> list[BankEntry]:
    """One entry per article: its entity names by finer type, persons under their full names."""
    entries = [_entry(QuizContext([p], [])) for p in parsed]
    votes: dict[str, Counter] = {}
    for entry in entries:
        for label, names in entry.items():
            for name in names if label != "ROLES" else ():
                votes.setdefault(name, Counter())[label] += 1
    return [
        {label: names if label == "ROLES" else [n for n in names if _label_agrees(n, label, votes)]
         for label, names in sorted(entry.items())}
        for entry in entries
    ]


def _entry(context: QuizContext) -> BankEntry:
    out: BankEntry = {}
    for label, counter in context.entities.items():
        names = [context.full_name(t) if label == "PERSON" else t for t, _ in counter.most_common()]
        names = [n for n in dict.fromkeys(names) if context.plausible(label, n)]
        if names:
            out[label] = names
    roles = {name: context.role(name) for name in out.get("PERSON", []) if context.role(name)}
    if roles:
        out["ROLES"] = roles
    return out


def _label_agrees(name: str, label: str, votes: dict[str, Counter]) -> bool:
    """Keep a name only under the label spaCy gives it most often across the articles."""
    if len(name) < 3 or re.fullmatch(r"[A-Z]{2,}s", name):
        return False
    return votes[name].most_common(1)[0][0] == label


@lru_cache(maxsize=1)
def shipped_bank() -> list[BankEntry]:
    """The bank built from the sample articles, or an empty one if the file is missing or unreadable."""
    try:
        data = json.loads(BANK_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def main() -> None:
    from quizgen.ingest import load
    from quizgen.nlp import parse_many
    from quizgen.samples import sample_paths

    articles = [load(str(p)) for p in sample_paths()]
    for number, article in enumerate(articles):
        article.id = f"a{number}"
    bank = build_bank(parse_many(articles))
    BANK_PATH.write_text(json.dumps(bank, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {BANK_PATH} ({sum(len(v) for e in bank for v in e.values())} names from {len(bank)} articles)")


if __name__ == "__main__":
    main()
