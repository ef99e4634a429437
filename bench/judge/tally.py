"""Tally blind judges' answers into the table of the question-quality issue.

    .venv/bin/python bench/judge/tally.py JUDGEMENTS.jsonl [...]

Each input line is a judge's JSON object {"packet", "id", "mark", "distractors_ok", "why"};
other lines (QUIZ: ...) are skipped. Prints per-packet counts, the totals and the shares.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict


def read(paths: list[str]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line.startswith("{"):
                    rows.append(json.loads(line))
    return rows


def main(paths: list[str]) -> None:
    rows = read(paths)
    by_packet: dict[str, Counter] = defaultdict(Counter)
    distractors = Counter()
    for row in rows:
        by_packet[row["packet"]][row["mark"]] += 1
        if row.get("distractors_ok") is not None:
            distractors[bool(row["distractors_ok"])] += 1
    print("| packet | questions | acceptable | minor | unacceptable |")
    print("|---|---|---|---|---|")
    total = Counter()
    for name, marks in sorted(by_packet.items()):
        total.update(marks)
        n = sum(marks.values())
        print(f"| {name} | {n} | {marks['acceptable']} | {marks['minor']} | {marks['unacceptable']} |")
    n = sum(total.values())
    print(f"| **all** | {n} | {total['acceptable']} | {total['minor']} | {total['unacceptable']} |")
    if n:
        print(f"\nacceptable {total['acceptable'] / n:.0%}, minor {total['minor'] / n:.0%}, "
              f"unacceptable {total['unacceptable'] / n:.0%}")
    mc = sum(distractors.values())
    if mc:
        print(f"multiple choice with all distractors plausible and wrong: {distractors[True]}/{mc} "
              f"({distractors[True] / mc:.0%})")


if __name__ == "__main__":
    main(sys.argv[1:])
