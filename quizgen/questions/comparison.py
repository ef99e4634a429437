"""Questions that compare reports of one story; each cites every article it uses.

- which report: "Which report says that ...?" with the sources as options: a fact both
  reports give ("Both reports") or a detail only one gives ("Only the report titled ...");
- quote wording: both reports quote one phrase in different words; the options pair each
  report with a wording, and the explanation sets the two evidence spans side by side;
- sequence: "Which of the following happened first?" over events the reports date (relative dates
  already resolved against each article's, or the story's, date).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date

from quizgen.crosscheck import content, coverage, merge_reports
from quizgen.dates import day_label, find_times
from quizgen.models import Article, Question, Span
from quizgen.nlp import ParsedArticle, Sentence
from quizgen.questions.base import Candidate, sentence_span
from quizgen.questions.clauses import clause_tokens, has_pronoun, is_anaphoric, main_clause
from quizgen.questions.context import QuizContext
from quizgen.questions.stems import finish, fits, phrase, quotes_balanced

BOTH = "Both reports"
SAME_FACT, NEW_DETAIL = 0.6, 0.3  # coverage by the other report's closest sentence
PRIOR = {"which_report": 0.85, "quote_wording": 0.85, "sequence": 0.9}
PER_KIND = 2
MAX_EVENTS, MAX_EVENT_WORDS = 4, 20
_QUOTE = re.compile(r"“([^”]{8,120})”|\"([^\"]{8,120})\"")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_FILE_OR_URL = re.compile(r"[./\\]|^https?:", re.IGNORECASE)


def source_labels(articles: list[Article]) -> dict[str, str]:
    """How questions name each report: by outlet, else title, else date, else position; all distinct.

    Call it before a story lends its date to undated reports, so a lent date names nothing.
    """
    undated = any(a.date is None for a in articles)

    def choices(number: int, article: Article) -> list[str]:
        out = []
        if article.source and not _FILE_OR_URL.search(article.source):
            out.append(f"the {article.source} report")
        if article.title:
            out.append(f"the report titled “{article.title}”")
        opening = " ".join(article.text.split()[:5]).rstrip(",;:")
        if opening:
            out.append(f"the report that begins “{opening} …”")
        if article.date and not undated:  # an undated report borrows the story's date: dates would not tell them apart
            out.append(f"the report dated {day_label(article.date)}")
        return out + [f"report {number}"]

    options = {a.id: choices(n, a) for n, a in enumerate(articles, 1)}
    labels = {}
    for article in articles:
        taken = [o for other, opts in options.items() if other != article.id for o in opts]
        labels[article.id] = next(o for o in options[article.id] if o not in taken)
    return labels


def across_reports(candidates: list[Candidate], parsed: list[ParsedArticle], context: QuizContext,
                   labels: dict[str, str]) -> list[Candidate]:
    """The quiz's candidates with facts merged across reports, plus the comparison questions."""
    return merge_reports(candidates, parsed) + generate(parsed, context, labels)


def generate(parsed: list[ParsedArticle], context: QuizContext, labels: dict[str, str]) -> list[Candidate]:
    """Comparison candidates over every pair of reports, at most ``PER_KIND`` of each kind a pair."""
    out = []
    for i, first in enumerate(parsed):
        for second in parsed[i + 1:]:
            out += which_report(first, second, context, labels)[:PER_KIND]
            out += which_report(second, first, context, labels)[:PER_KIND]
            out += quote_wording(first, second, labels)[:1]
    if len(parsed) > 1:
        out += sequence(parsed, context, labels)
    return out


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _question(kind: str, prompt: str, answer: str, choices: list[str], evidence: list[Span],
              explanation: str, sentence: Sentence) -> Candidate:
    question = Question(type="multiple_choice", prompt=prompt, answer=answer, choices=choices,
                        accepted_answers=[answer], evidence=evidence, focus="comparison",
                        explanation=explanation, kind=kind)
    return Candidate(question, sentence, answer_label="SOURCE", prior=PRIOR[kind])


def _anchor(sentence: Sentence) -> Sentence:
    """A copy of the sentence to hang a question on that asks about several reports, not this
    sentence's fact: it doesn't use up the sentence's place in the quiz (rank.select allows one
    question of a type a sentence)."""
    return replace(sentence)


# -- which report ---------------------------------------------------------------------


def which_report(own: ParsedArticle, other: ParsedArticle, context: QuizContext,
                 labels: dict[str, str]) -> list[Candidate]:
    """'Which report says that ...?' for the statements of ``own``, best-attested first."""
    found = []
    for sentence in own.sentences:
        statement = _statement(sentence, context)
        if statement is None:
            continue
        text, tokens = statement
        facts = {t: w for t, w in content(sentence).items() if t in {x.lemma_.lower() for x in tokens}}
        closest = max(other.sentences, key=lambda s: coverage(facts, content(s)))
        share = coverage(facts, content(closest))
        if NEW_DETAIL < share < SAME_FACT:
            continue
        both = share >= SAME_FACT
        found.append((share if both else 1 - share, _which(sentence, closest, text, both, labels)))
    return [c for _, c in sorted(found, key=lambda pair: -pair[0]) if c is not None]


def _statement(sentence: Sentence, context: QuizContext) -> tuple[str, list] | None:
    """The sentence's main clause as a statement that stands alone, and its tokens."""
    clause = main_clause(sentence.span, compact=True)
    if clause is None or clause.subject is None or clause.negated or is_anaphoric(clause.subject):
        return None
    tokens = [t for t in clause.tokens if t.lower_ != "also"]
    if len(tokens) < 6 or has_pronoun([t for t in tokens if t.i != clause.subject.i]) or '"' in sentence.text:
        return None
    text = phrase(tokens, sentence, context)
    if tokens[0].pos_ != "PROPN" and tokens[0].ent_type_ == "":
        text = text[0].lower() + text[1:]
    return text, tokens


def _which(sentence: Sentence, closest: Sentence, text: str, both: bool, labels: dict[str, str]) -> Candidate | None:
    prompt = finish(f"Which report says that {text}", sentence)
    if not fits(prompt):
        return None
    own, other = labels[sentence.article.id], labels[closest.article.id]
    choices = [BOTH, f"Only {own}", f"Only {other}"]
    if both:
        answer = BOTH
        explanation = (f"Both reports give this fact. {_capital(own)}: “{sentence.text}” "
                       f"{_capital(other)}: “{closest.text}”")
    else:
        answer = f"Only {own}"
        explanation = (f"Only {own} gives this detail: “{sentence.text}” The closest {other} comes "
                       f"is: “{closest.text}”")
    evidence = [sentence_span(sentence), sentence_span(closest)]
    return _question("which_report", prompt, answer, choices, evidence, explanation, sentence)


# -- quote wording ------------------------------------------------------------------------


@dataclass
class _Quote:
    sentence: Sentence
    words: list[str]


def _quotes(parsed: ParsedArticle) -> list[_Quote]:
    out = []
    for sentence in parsed.sentences:
        for match in _QUOTE.finditer(sentence.text):
            quoted = (match.group(1) or match.group(2)).strip(" ,.;:")
            out.append(_Quote(sentence, quoted.split()))
    return out


def _comparable(words: list[str]) -> str:
    return re.sub(r"[\W_]+", " ", " ".join(words).casefold()).strip()


def quote_wording(first: ParsedArticle, second: ParsedArticle, labels: dict[str, str]) -> list[Candidate]:
    """Both reports quote one phrase, in different words: which report writes which?"""
    out = []
    for a in _quotes(first):
        for b in _quotes(second):
            if _comparable(a.words) == _comparable(b.words):
                continue
            if difflib.SequenceMatcher(None, _comparable(a.words), _comparable(b.words)).ratio() < 0.8:
                continue
            candidate = _wording_question(a, b, labels)
            if candidate is not None:
                out.append(candidate)
    return sorted(out, key=lambda c: -len(c.question.answer))  # the biggest difference first


def _spelling_only(one: str, other: str) -> bool:
    """'temporally-suspended' against 'temporarily suspended': a typo or a hyphen, not a different wording."""
    plain = [re.sub(r"[\W_]+", "", text.casefold()) for text in (one, other)]
    return difflib.SequenceMatcher(None, *plain).ratio() >= 0.85


def _wording_question(a: _Quote, b: _Quote, labels: dict[str, str]) -> Candidate | None:
    """'The two reports quote “all … activities” differently. What does each report write?'"""
    matcher = difflib.SequenceMatcher(None, [w.casefold() for w in a.words], [w.casefold() for w in b.words])
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changes) != 1:
        return None
    _, i1, i2, j1, j2 = changes[0]
    in_a, in_b = " ".join(a.words[i1:i2]), " ".join(b.words[j1:j2])
    if not in_a or not in_b or _spelling_only(in_a, in_b):
        return None
    frame = " ".join(a.words[:i1] + ["…"] + a.words[i2:])
    if frame == "…":
        return None
    la, lb = labels[a.sentence.article.id], labels[b.sentence.article.id]
    answer = f"{_capital(la)} has “{in_a}”; {lb} has “{in_b}”"
    choices = [answer, f"{_capital(la)} has “{in_b}”; {lb} has “{in_a}”",
               f"Both reports have “{in_a}”", f"Both reports have “{in_b}”"]
    prompt = f"The two reports quote “{frame}” differently. What does each report write?"
    explanation = (f"Side by side: {la} writes “{a.sentence.text}” and {lb} writes “{b.sentence.text}” "
                   "Reports of one event often quote the same words differently: compare before you quote.")
    evidence = [sentence_span(a.sentence), sentence_span(b.sentence)]
    return _question("quote_wording", prompt, answer, choices, evidence, explanation, _anchor(a.sentence))


# -- sequence -------------------------------------------------------------------------------


@dataclass
class Event:
    """Something a report dates: what happened, from when to when, and the sentence that says so."""

    text: str
    first_day: date
    last_day: date
    when: str
    sentence: Sentence


def timeline(parsed: list[ParsedArticle], context: QuizContext) -> list[Event]:
    """The dated events of the reports, earliest first."""
    events = [e for p in parsed for s in p.sentences if (e := _event(s, context)) is not None]
    return sorted(events, key=lambda e: (e.first_day, e.last_day))


def _event(sentence: Sentence, context: QuizContext) -> Event | None:
    """A clause with exactly one time that dates its verb: the event without its time."""
    times = _times(sentence)
    for verb in _verbs(sentence):
        tokens = clause_tokens(verb, compact=True)
        subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or is_anaphoric(subject) or any(t.dep_ == "neg" for t in verb.children):
            continue
        dating = [(time, prep) for time in times if (prep := _dates_verb(time[0], verb)) is not False]
        if len(dating) != 1:
            continue
        (time_tokens, first_day, last_day, when), prep = dating[0]
        dropped = {t.i for t in time_tokens} | ({prep.i} if prep is not None else set())
        kept = [t for t in tokens if t.i not in dropped]
        if any(t in kept for other in times for t in other[0]):
            continue  # another time in the clause: the event has two dates
        if subject.pos_ != "PROPN" and has_pronoun([t for t in kept if t.i != subject.i]):
            continue  # a pronoun after a named subject points back to it: "North Korea warned it would ..."
        for words in (kept, _without_noun_modifiers(kept, verb)):
            text = phrase(words, sentence, context).strip(" ,;:\"")
            if 5 <= len(text.split()) <= MAX_EVENT_WORDS and quotes_balanced(text):
                return Event(_capital(text), first_day, last_day, when, sentence)
    return None


def _without_noun_modifiers(tokens: list, verb) -> list:
    """'... conducted tests of an upgraded missile' -> '... conducted tests': a shorter event."""
    def modifies_noun(token) -> bool:
        return any(t.dep_ in ("prep", "cc", "conj") and t.head.pos_ == "NOUN" and t.head.i > verb.i
                   for t in (token, *token.ancestors))
    return [t for t in tokens if not modifies_noun(t)]


def _verbs(sentence: Sentence) -> list:
    root = sentence.span.root
    clause = main_clause(sentence.span)
    return [root] + ([clause.verb] if clause is not None and clause.verb != root else [])


def _dates_verb(time_tokens: list, verb):
    """The preposition that ties a time to the verb ('on Tuesday'), None when it hangs on the verb
    directly ('last week'), False when it dates something else."""
    head = next((t.head for t in time_tokens if t.head not in time_tokens), None)
    if head == verb or head is not None and head.dep_ == "ccomp" and head.head == verb and _before_subject(time_tokens, head):
        return None
    return head if head is not None and head.dep_ == "prep" and head.head == verb else False


def _before_subject(time_tokens: list, clause_verb) -> bool:
    """'said last week it would ...': a time before the reported clause's subject dates the saying."""
    subject = next((t for t in clause_verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and time_tokens[-1].i < subject.i


def _times(sentence: Sentence) -> list[tuple[list, date, date, str]]:
    """The times of a sentence: relative ones resolved against the article's date, and years."""
    starts = {sentence.offset(t): t for t in sentence.span}
    out = []
    for ref in find_times(sentence.text, sentence.article.date):
        covered = [t for offset, t in starts.items() if sentence.start + ref.start <= offset < sentence.start + ref.end]
        if covered and not ref.phrase.lower().startswith("a day"):
            covered = [t for t in covered if t.lower_ not in ("on", "in")]
            out.append((covered, ref.first_day, ref.last_day, ref.answer))
    for ent in sentence.span.ents:
        year = _YEAR.fullmatch(ent.text.strip())
        if ent.label_ == "DATE" and year:
            value = int(year.group(1))
            out.append((list(ent), date(value, 1, 1), date(value, 12, 31), str(value)))
    return out


def sequence(parsed: list[ParsedArticle], context: QuizContext, labels: dict[str, str]) -> list[Candidate]:
    """'Which of these happened first?' over three or four events with separate dates, from several reports."""
    chosen: list[Event] = []
    for event in timeline(parsed, context):
        clash = next((c for c in chosen if not (event.first_day > c.last_day or event.last_day < c.first_day)), None)
        if clash is None:
            chosen.append(event)
        elif (clash.first_day, clash.last_day) == (event.first_day, event.last_day) and _rarer(event, clash, chosen):
            chosen[chosen.index(clash)] = event  # the same time in a report not yet used
    if len(chosen) > MAX_EVENTS and len({e.sentence.article.id for e in chosen[-MAX_EVENTS:]}) > 1:
        chosen = chosen[-MAX_EVENTS:]
    chosen = chosen[:MAX_EVENTS]
    if len(chosen) < 3 or len({e.sentence.article.id for e in chosen}) < 2:
        return []
    lines = "; ".join(f"{e.when}: {e.text} ({labels[e.sentence.article.id]})" for e in chosen)
    evidence = [sentence_span(e.sentence) for e in chosen]
    return [_question("sequence", "Which of the following happened first?", chosen[0].text,
                      [e.text for e in chosen], evidence, f"On a timeline: {lines}.",
                      _anchor(min((e.sentence for e in chosen), key=lambda s: s.index)))]


def _rarer(event: Event, clash: Event, chosen: list[Event]) -> bool:
    """True when ``event``'s report has fewer events chosen than ``clash``'s."""
    def used(e: Event) -> int:
        return sum(c.sentence.article is e.sentence.article for c in chosen)
    return used(event) < used(clash) - 1
