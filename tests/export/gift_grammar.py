"""A GIFT reader written from the published grammar (Moodle Docs, "GIFT format"), for the tests only.

It knows: ``//`` comment lines; questions separated by blank lines; an optional ``::title::``; an
optional ``[format]``; question text, an answer block in braces and text after it (missing word);
``T``/``TRUE``/``F``/``FALSE`` answers; ``=right`` and ``~wrong`` answers with optional ``%weight%``
and ``#feedback``; ``####general feedback``; and the escapes ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``.
Any other backslash is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:\\"
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""


@dataclass
class Question:
    title: str
    format: str
    text: str
    after: str
    kind: str  # truefalse, multichoice or shortanswer
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str = ""


Tokens = list[tuple[str, bool]]  # (character, was escaped)


def tokens(raw: str) -> Tokens:
    out: Tokens = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw) and raw[i + 1] in SPECIAL:
            out.append((raw[i + 1], True))
            i += 2
        elif ch == "\\" and i + 1 < len(raw) and raw[i + 1] == "n":
            out.append(("\n", True))
            i += 2
        else:
            out.append((ch, False))
            i += 1
    return out


def text(toks: Tokens) -> str:
    return "".join(ch for ch, _ in toks)


def find(toks: Tokens, seq: str, start: int = 0) -> int:
    """Index of the first unescaped occurrence of ``seq``, or -1."""
    for i in range(start, len(toks) - len(seq) + 1):
        if all(toks[i + j] == (c, False) for j, c in enumerate(seq)):
            return i
    return -1


def split(toks: Tokens, chars: str) -> list[Tokens]:
    """Split before each unescaped character of ``chars``, keeping it at the start of its part."""
    parts: list[Tokens] = []
    for tok in toks:
        if tok[0] in chars and not tok[1]:
            parts.append([tok])
        elif parts:
            parts[-1].append(tok)
        elif text([tok]).strip():
            raise ValueError(f"text before the first answer: {text(toks)!r}")
    return parts


def blocks(source: str) -> list[str]:
    out, current = [], []
    for line in source.split("\n"):  # GIFT lines end at \n only (not at U+2028 and friends)
        if line.strip().startswith("//"):
            continue
        if line.strip():
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def parse_answers(toks: Tokens) -> tuple[str, list[Answer], str]:
    general = ""
    cut = find(toks, "####")
    if cut != -1:
        general, toks = text(toks[cut + 4:]).strip(), toks[:cut]
    head = text(toks).strip()
    tf = re.match(r"^(TRUE|FALSE|T|F)\b", head)
    if tf and all(not esc for _, esc in toks):
        right = tf.group(1).startswith("T")
        return "truefalse", [Answer("true", 1.0 if right else 0.0), Answer("false", 0.0 if right else 1.0)], general
    answers = []
    for part in split(toks, "=~"):
        marker, body = part[0][0], part[1:]
        cut = find(body, "#")
        feedback = text(body[cut + 1:]).strip() if cut != -1 else ""
        body = body[:cut] if cut != -1 else body
        raw = text(body).lstrip()
        fraction = 1.0 if marker == "=" else 0.0
        weight = WEIGHT.match(raw) if not any(esc for _, esc in body[:1]) else None
        if weight:
            fraction, raw = float(weight.group(1)) / 100, raw[weight.end():]
        answers.append(Answer(raw.strip(), fraction, feedback))
    kind = "multichoice" if any(p[0][0] == "~" for p in split(toks, "=~")) else "shortanswer"
    return kind, answers, general


def parse(source: str) -> list[Question]:
    questions = []
    for block in blocks(source):
        toks = tokens(block)
        title = ""
        if find(toks, "::") == 0:
            end = find(toks, "::", 2)
            title, toks = text(toks[2:end]).strip(), toks[end + 2:]
        fmt = "moodle"
        lead = text(toks)
        stripped = len(lead) - len(lead.lstrip())
        match = re.match(r"\[(html|plain|moodle|markdown)\]", lead[stripped:])
        if match:
            fmt, toks = match.group(1), toks[stripped + match.end():]
        opening = find(toks, "{")
        closing = find(toks, "}", opening + 1)
        if opening == -1 or closing == -1:
            raise ValueError(f"no answer block in {block!r}")
        kind, answers, general = parse_answers(toks[opening + 1:closing])
        questions.append(Question(title, fmt, text(toks[:opening]).strip(), text(toks[closing + 1:]).strip(),
                                  kind, answers, general))
    return questions
