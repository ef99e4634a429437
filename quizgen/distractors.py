"""Wrong options of the same kind as the answer: entities, numbers, dates.

Rules (DESIGN.md): same finer type, from the quiz's articles first and then the bank;
never a variant or part of the answer or anything the stem names; similar length;
numbers and dates in order; the key's position varied by a seeded shuffle.
"""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

from quizgen.numbers import nearby_values, numbers_in, read_number
from quizgen.questions.base import Candidate
from quizgen.questions.context import TITLES, QuizContext, canonical, name_key, same_referent

NEEDED = 3
BOUNDS = frozenset({"over", "more than", "less than", "fewer than", "at least", "up to", "under", "nearly", "almost"})
_YEAR = re.compile(r"^(?:(.*) )?(1[89]\d\d|20\d\d)$")


def distractors_for(candidate: Candidate, context: QuizContext) -> list[str]:
    """Up to three distractors, best first; fewer when good ones can't be found."""
    answer = candidate.question.answer
    label = candidate.answer_label
    if label == "NUMBER":
        pool = _number_options(answer, candidate.sentence.article.text)
    elif label == "DATE":
        pool = _date_options(answer)
    elif label == "PERSON" and len(answer.split()) == 1:
        return []  # 'Sombat' among full names stands out: a person named by one word is asked open
    else:
        shown = _shown_as_one(label, context, candidate.question.kind)
        own, banked = context.own_and_banked(label, answer, own_must=shown)
        banked = banked[:10]
        near = _paragraph_distances(candidate)
        pool = sorted(own, key=lambda o: (near(o), length_gap(o, answer))) + \
            sorted(banked, key=lambda o: length_gap(o, answer))
    if label == "NUMBER":  # distinct values already; 'US$2 billion' and 'US$1 billion' share every word
        return [o for o in pool if not re.search(rf"(?<![\w.]){re.escape(o)}(?!\w)", candidate.question.prompt)][:NEEDED]
    prompt_key = name_key(candidate.question.prompt)
    chosen: list[str] = []
    for option in pool:
        key = name_key(option)
        in_prompt = not key or any(re.search(rf"\b{re.escape(form)}\b", prompt_key) for form in {key, canonical(key)})
        if in_prompt or same_referent(option, answer) or any(same_referent(option, c) for c in chosen):
            continue
        if label == "PERSON" and any(_one_family_or_spelling(option, other) for other in (answer, *chosen)):
            continue  # 'Governnor Sobisch' beside 'Jorge Sobisch', 'Anwar Al-Aulaqi' beside 'Anwar al-Awlaki'
        chosen.append(option)
        if len(chosen) == NEEDED:
            break
    return chosen


def _shown_as_one(label: str, context: QuizContext, kind: str = ""):
    """The test an option of the quiz's own articles must pass to be what the label says, or None: a name
    the tagger only guessed is no person ('Formula Renault', 'Santiago Centro'), and a place must be used
    as one somewhere ('the cueca' is a dance). For who said a quotation, people the articles show saying
    something: not the late subject of a tribute, nor a newspaper the tagger took for a person."""
    if label == "PERSON" and kind == "quote_speaker":
        return lambda name: name_key(name) in context.speakers
    if label == "PERSON":
        return lambda name: name_key(name) in context.attested
    if label in ("GPE_OTHER", "LOC", "FAC"):
        return lambda name: bool(context.placed[name_key(name)])
    return None


def _one_family_or_spelling(one: str, other: str) -> bool:
    """The same surname, or the same first name with a surname spelt alike: one person twice, or two of
    one family a student cannot tell apart."""
    a, b = one.casefold().split(), other.casefold().split()
    if not a or not b:
        return False
    if any(len(x) == 2 and x[0].rstrip(".") in TITLES and x[1] in y for x, y in ((a, b), (b, a))):
        return True  # 'Dr Tan' beside 'Tan Heok Hui': the family name comes first in Chinese names
    return a[-1] == b[-1] or (len(a) > 1 and len(b) > 1 and a[0] == b[0]
                              and SequenceMatcher(None, a[-1], b[-1]).ratio() >= 0.75)


def _paragraph_distances(candidate: Candidate):
    """option -> how many paragraphs lie between the question's sentence and the nearest mention of the
    option (a person also by surname): the players of the same match tempt most. Never named: 99."""
    sentence = candidate.sentence
    text = sentence.article.text
    starts = sentence.article.paragraph_starts
    person = candidate.answer_label == "PERSON"

    def distance(option: str) -> int:
        words = [w for w in ((option, option.split()[-1]) if person else (option,)) if len(w) > 2]
        found = [m.start() for w in words for m in re.finditer(rf"\b{re.escape(w)}\b", text)]
        if not found:
            return 99
        paragraphs = [sum(1 for s in starts if s <= at) - 1 for at in found]
        return min(abs(p - sentence.paragraph_index) for p in paragraphs)

    return distance


def arrange(answer: str, distractors: list[str], label: str, rng: random.Random) -> list[str]:
    """Numbers and dates in order; anything else shuffled so the key's position varies."""
    options = [answer] + distractors
    if label in ("NUMBER", "DATE"):
        return sorted(options, key=_sort_key)
    rng.shuffle(options)
    return options


def _sort_key(option: str) -> float:
    number = read_number(option)
    if number is not None:
        return number.value
    match = _YEAR.match(option)
    return float(match.group(2)) if match else 0.0


def length_gap(option: str, answer: str) -> int:
    """How far an option's length is from the answer's: a much longer or shorter option stands out."""
    return abs(len(option.split()) - len(answer.split())) * 10 + abs(len(option) - len(answer)) // 4


def _number_options(answer: str, article_text: str) -> list[str]:
    number = read_number(answer)
    if number is None or number.qualifier in BOUNDS:
        return []  # "over 350" is also true of "over 700": a bound is asked open
    return [number.render(v) for v in nearby_values(number, numbers_in(article_text))]


def _date_options(answer: str) -> list[str]:
    match = _YEAR.match(answer)
    if not match:
        return []
    prefix, year = match.group(1), int(match.group(2))
    return [f"{prefix} {y}" if prefix else str(y) for y in (year - 1, year + 1, year - 2, year + 2)]
