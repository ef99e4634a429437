"""Who is who: 'Who is Fuad Basya?' -> 'a spokesman for the Indonesian military', with what the
article says the other people are as the options.

A person's description is read where the article introduces them: an appositive after the name
('Steve Whitmore, a representative for the LA Sheriff's office,') or a title before it ('BBC
correspondent Rupert Wingfield-Hayes'). The question needs four described people, so that every option
is a real description from the same story and wrong for this person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizgen.distractors import arrange, length_gap
from quizgen.models import Question, Span
from quizgen.nlp import Sentence
from quizgen.questions import roles
from quizgen.questions.base import Candidate, sentence_span
from quizgen.questions.context import QuizContext, name_key
from quizgen.rank import stable_rng

MIN_PEOPLE = 4
MAX_WORDS = 12
# Posts with one holder at a time in the body they are named with: 'the' English captain.
ONE_HOLDER = frozenset(
    "president minister secretary captain coach manager referee mayor ambassador leader chairman chancellor "
    "premier governor king queen director chief commander founder creator editor head".split())
ROLE_WORDS = roles.ROLE_WORDS | frozenset(
    "representative member founder owner head activist student teacher lawyer attorney judge detective "
    "investigator worker engineer astronaut commentator blogger creator administrator".split())


@dataclass(frozen=True)
class Description:
    """What one sentence says a person is."""

    name: str  # the person's full name
    text: str  # 'a spokesman for the Indonesian military'
    sentence: Sentence
    start: int  # article offsets of the words as written
    end: int


def generate(sentence: Sentence, context: QuizContext) -> list[Candidate]:
    described = descriptions(sentence.article, context)
    if len(described) < MIN_PEOPLE:
        return []
    out = []
    for this in (d for d in described if d.sentence is sentence):
        others = [d.text for d in described if d.name != this.name and not _shares_a_qualifier(d.text, this.text)]
        wrong = sorted(others, key=lambda text: (length_gap(text, this.text), text))[:3]
        if len(wrong) < 3:
            continue
        prompt = f"Who is {this.name}?"
        written = sentence.article.text[this.start:this.end]
        question = Question(
            type="multiple_choice",
            prompt=prompt,
            answer=this.text,
            choices=arrange(this.text, wrong, "ROLE", stable_rng(None, prompt)),
            accepted_answers=[this.text],
            evidence=[sentence_span(sentence)],
            focus="person",
            answer_span=Span(sentence.article.id, this.start, this.end, written),
            explanation=f"The article says: “{sentence.text.strip()}”",
            kind="identity",
        )
        out.append(Candidate(question, sentence, answer_label="ROLE", prior=0.55))  # 42% acceptable unseen
    return out


def descriptions(article, context: QuizContext) -> list[Description]:
    """One description for each person the article describes, where it first does (cached)."""
    key = id(article)
    if key not in context.descriptions:
        parsed = next((p for p in context.parsed if p.article is article), None)
        found: dict[str, Description] = {}
        for sentence in parsed.sentences if parsed else []:
            for ent in sentence.span.ents:
                if ent.label_ != "PERSON":
                    continue
                name = context.full_name(ent.text)
                if len(name.split()) < 2 or name_key(name) in found or name.split()[0].lower() in ROLE_WORDS:
                    continue  # 'Astronaut Bonnie Dunbar': the tagger took the title into the name
                words = _appositive(ent) or _title(ent)
                if words:
                    found[name_key(name)] = _described(name, words, sentence)
        described = [d for d in found.values() if d is not None]
        texts = [d.text.lower() for d in described]
        # two people given the same words ('Prime Minister') leave each option true of both
        context.descriptions[key] = [d for d in described if texts.count(d.text.lower()) == 1]
    return context.descriptions[key]


def _appositive(ent) -> list:
    """', a representative for the LA Sheriff's office,' after the name."""
    doc = ent.doc
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end or doc[ent.end].text != ",":
            continue
        if child.pos_ != "NOUN" and not (child.pos_ == "PROPN" and child.lower_ in ROLE_WORDS):
            continue  # another name, not a description
        words = [t for t in child.subtree]
        last = words[-1].i + 1
        if last < len(doc) and doc[last].text not in (",", ".", ";", ")"):
            return []  # parsed short of its end
        return words
    return []


def _title(ent) -> list:
    """'BBC correspondent' before the name: the words attached to it, ending in a role."""
    doc = ent.doc
    words = []
    for token in reversed(list(doc[ent.sent.start:ent.start])):
        if token.dep_ not in ("compound", "amod", "nmod") or not (token.head.i in range(ent.start, ent.end)
                                                                  or token.head.i in {w.i for w in words}):
            break
        words.insert(0, token)
    if words and words[0].i > 0 and doc[words[0].i - 1].text in ("-", "–"):
        return []  # 'old engineer' cut out of '54-year-old engineer'
    return words if words and words[-1].lower_ in ROLE_WORDS else []


def _described(name: str, words: list, sentence: Sentence) -> Description | None:
    if not 2 <= len(words) <= MAX_WORDS or any(
            t.pos_ == "PRON" or t.tag_ in ("PRP$", "WDT", "WP") or t.is_quote or t.pos_ == "VERB" for t in words):
        return None  # 'his father', 'who ...', quotations: not a description that stands alone
    written = "".join(t.text_with_ws for t in words).strip().rstrip(",;")
    text = written[0].lower() + written[1:] if words[0].lower_ in ("former", "ex") else written
    if words[0].pos_ != "DET" and not any(t.dep_ == "case" for t in words):
        text = f"{_article(words, written)} {written}"
    start = sentence.offset(words[0])
    return Description(name, text, sentence, start, start + len(written))


def _article(words: list, written: str) -> str:
    """'the' for a post there is one of ('the English captain', 'the Home Secretary'), else 'a' or 'an'
    as the first word sounds ('a US Senator', 'an Environment Canada spokesperson')."""
    role = next((t.lower_ for t in reversed(words) if t.lower_ in ROLE_WORDS), "")
    if role in ONE_HOLDER and not any(t.lower_ in ("former", "ex") for t in words):
        return "the"
    return _indefinite(written)


@lru_cache(maxsize=1)
def _inflect():
    import inflect

    return inflect.engine()


def _indefinite(phrase: str) -> str:
    return _inflect().a(phrase).split()[0]


def _shares_a_qualifier(option: str, answer: str) -> bool:
    """'an English defender' may be as true of the English captain as of Kyle Walker: an option that
    shares a qualifying word with the answer ('English', 'Environment Canada') is not clearly wrong."""
    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[\w’'.-]+", text)} - {"a", "an", "the", "of", "for", "to", "in"}

    roles = [w for w in words(answer) & words(option) if w in ROLE_WORDS]  # 'spokesman' of another body is wrong
    return bool((words(option) & words(answer)) - set(roles)) or option.lower() == answer.lower()

