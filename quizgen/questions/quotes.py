"""Quote questions: who said a quoted statement."""

from __future__ import annotations

import re

from quizgen.models import Question
from quizgen.nlp import Sentence
from quizgen.questions.base import Candidate, sentence_span, token_span
from quizgen.questions.clauses import REPORTING_VERBS
from quizgen.questions.context import QuizContext, clean_entity, finer_type, looks_like_organisation
from quizgen.questions.stems import finish

_QUOTE = re.compile(r"“([^”]{20,})”|\"([^\"]{20,})\"")
_QUOTE_CLOSING = re.compile(r"^[“\"]?([^”\"]{20,})[”\"]")
SPEAKER_WH = {"PERSON": "Who", "ORG": "Which organisation", "ORG_MEDIA": "Which news organisation"}
MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 6, 24


def generate(sentence: Sentence, context: QuizContext) -> list[Candidate]:
    """'“The factory occupies ...,” Kim said.' -> 'Who said: “The factory occupies ...”?'"""
    pattern = _QUOTE_CLOSING if sentence.in_quotation else _QUOTE
    match = next((m for m in pattern.finditer(sentence.text) if _well_formed(next(g for g in m.groups() if g))), None)
    if not match:
        return []
    speaker = _named_speaker(sentence.span, sentence.span.start_char + match.start(),
                             sentence.span.start_char + match.end())
    if speaker is None:
        return []
    quote = next(g for g in match.groups() if g).strip().rstrip(",.")
    if not MIN_QUOTE_WORDS <= len(quote.split()) <= MAX_QUOTE_WORDS:
        return []
    if _opens_with_a_verb(sentence, sentence.span.start_char + match.start()):
        return []  # '“is covered by comprehensive bans”': the quote's subject stayed outside it
    answer = context.full_name(speaker.text) if speaker.label_ == "PERSON" else clean_entity(speaker.text)
    if answer.lower() in quote.lower() or speaker.text.lower() in quote.lower():
        return []
    label = finer_type(speaker.label_, clean_entity(speaker.text))
    prompt = finish(f"{SPEAKER_WH[label]} said: “{quote}”", sentence)
    if prompt is None:
        return []
    question = Question(
        type="multiple_choice",
        prompt=prompt,
        answer=answer,
        evidence=[sentence_span(sentence)],
        focus="quote",
        answer_span=token_span(sentence, speaker),
        explanation=f"The article says: “{sentence.text.strip()}”",
        kind="quote_speaker",
    )
    return [Candidate(question, sentence, answer_label=label, needs_distractors=True, prior=0.8)]


def _well_formed(quoted: str) -> bool:
    """Words that sit inside their quotation marks: not the stretch between two quotations
    ('” and said the Iranians had agreed only to “'), which opens or ends with a space or a comma."""
    return not (quoted[:1].isspace() or quoted[-1:].isspace() or quoted[:1] in ",;:.")


def _opens_with_a_verb(sentence: Sentence, quote_at: int) -> bool:
    first = next((t for t in sentence.span if t.idx > quote_at and not t.is_punct), None)
    return first is not None and first.text[:1].islower() and first.pos_ in ("VERB", "AUX")


def _named_speaker(span, quote_at: int, quote_end: int):
    """The named person (or news agency) whose words the quote is: the subject of the innermost
    reporting verb around it. 'Trump said that Kim had called the tests "a great success"' has no
    named speaker the parse can vouch for, so None."""
    around = [t for t in span if t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB"
              and min(x.idx for x in t.subtree) <= quote_at <= max(x.idx for x in t.subtree)]
    if not around:
        return None
    verb = min(around, key=lambda t: len(list(t.subtree)))
    inside = [t for t in span if quote_at < t.idx < quote_end]
    owners = [a for a in (inside[0].ancestors if inside else []) if not quote_at <= a.idx < quote_end]
    for owner in owners:
        if owner is verb:
            break
        if owner.pos_ == "VERB" and owner.lemma_ not in REPORTING_VERBS \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in owner.children):
            return None  # the quote is someone else's words inside the report ("Kim had called the tests ...")
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        for ent in span.ents:
            if ent.root.i == child.i and (ent.label_ == "PERSON" or (
                    ent.label_ == "ORG" and looks_like_organisation(ent.text))):
                return ent
    return None
