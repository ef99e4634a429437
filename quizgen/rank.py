"""Filters that reject flawed candidates, scoring, and assembly of the quiz.

Over-generate, then filter and rank: a teacher wants ten good questions, not forty mixed ones.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from functools import lru_cache

from wordfreq import zipf_frequency

from quizgen.dates import QUOTATION, has_bare_relative_time
from quizgen.numbers import read_number, states_a_figure
from quizgen.questions.base import Candidate
from quizgen.questions.clauses import HABITUAL
from quizgen.questions.context import name_key, same_referent
from quizgen.questions.stems import fits

_SUBJECT_PRONOUN = re.compile(r"^(?:According to [^,]+, )?(he|she|it|they|we|i|you|this|that|these|those)\b",
                              re.IGNORECASE)
_POINTING_BACK = re.compile(r"\b(this|these|those|him|them)\b(?! (?:week|month|year)\b)"
                            r"|\b(he|she|her|his|hers|they|their|its|it)\b", re.IGNORECASE)
_POINTING_DEFINITE = re.compile(
    r"\b[Tt]he (boy|girl|boys|girls|man|woman|men|women|game|match|constituency|ban|finals?|team|pair|agency|"
    r"company|group|incident|attack|deal|plan|project|study|report|statement|decision|competition|contest|"
    r"video|site|website|document|date|case|ruling|forms|idea|law|request|broadcasts|scheme|measure|policy|"
    r"proposal|event|crisis|region|bill|news|rush|claims?|movie|film|seat|remarks|comments|crew|programme|program|"
    r"criticism|offen[cs]e|letter|collaboration|move)"
    r"\b(?!\s+(of|in|at|for|that|which|who|where|between)\b)(?!['’]s? \w+ (of|in))")
_QUOTED_CLAIM = re.compile(r"[“\"](\S+\s+){3,}\S+?[”\"]")  # four words or more in quotation marks
_POINTING_ADVERB = re.compile(
    r"\b(then|thereafter|afterwards|there)\b(?!\s+(is|are|was|were|will|would|has|have|had|may|might|could|"
    r"seems?|remains?|appears?)\b)", re.IGNORECASE)
_COMMA_VERB = re.compile(r"\w, (had|has|have|was|were|is|are|will|would|did|does)\b")
_HABITUAL = re.compile(rf"\b({'|'.join(sorted(HABITUAL))})\b", re.IGNORECASE)
_OPENS_BACK = re.compile(
    r"^(Other|Another|Both|Such|One such) "
    r"|^(Most|Many|Some|Several|All|None|The rest) (were|was|are|is|had|have|of them)\b"
    r"|\bas much\b|\bsuch (documents|cases|claims)\b"
    r"|\b(consequently|as a result|in response|(minutes|moments|hours|days) later|at the time)\b"
    r"|\ba similar\b|\bonce again\b|^(Immediately|Afterwards|Subsequently|Later), "
    r"|\bthe (next|following|previous|preceding) (\w+ )?(laps?|minutes?|hours?|days?|weeks?|games?|matches|rounds?)\b",
    re.IGNORECASE)
_COUNTED_BEFORE = re.compile(  # 'The remaining four satellites', 'None of the twelve', 'The 69-year-old': which?
    r"^(?:According to [^,]+, )?(?:(?:None|Each|All|Both|Some|Most|Many|Several|One|Two|Three) of |Of )?"
    r"[Tt]he (?:remaining |other |last |first )?"
    r"(?:(?!(?:1[89]|20)\d\d\b)\d+%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)"
    r"(?:-year-old)?\b(?![-.,]\d|-)")
_COMPARATIVE = re.compile(r"\b(higher|lower|greater|larger|smaller|fewer|better|worse)\b", re.IGNORECASE)
_UNFINISHED_COMPARISON = re.compile(  # 'a different view', 'seven times as high': from what, as what?
    r"\ba different (?!\w+ (from|to|than)\b)\w+"
    r"|\bas (high|low|large|small|big|long|much|many|likely|good|bad)\b(?!.*\bas\b)", re.IGNORECASE)
# brackets, a cut quotation ('..., "?'), and the marks one leaves behind (', "Troops out!"' cut to ',!"')
_EDITORIAL = re.compile(r"\[|\]|\(\(|\(\)|,\s*[\"”]\s*[?.]$|^\W|\w \"[,.]|[,;:]\s*[!?]")
_REPORTED_SUBJECT = re.compile(
    r"\b(said|says|stated|states|warned|warns|added|told \w+|announced|claimed|declared|believes|believed|thinks|"
    r"thought|confirmed|reported|insisted|argued|noted|explained|promised|vowed|threatened|indicated|hoped)"
    r"(?: [\w’'-]+){0,7}? (that )?(he|she|it|they)$", re.IGNORECASE)
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
_SPACED_DASH = re.compile(r"(?<![\d\s]) [-–—] (?!\d)|(?<=[^\d\s]) [-–—] (?=\d)|(?<=\d) [-–—] (?=[^\d\s])")
_CUT_TO_A_WORD = re.compile(r"^(Days|Weeks|Months|Years|Hours|Minutes|Moments|Decades|Shortly|Soon),")
_BAD_ENDINGS = re.compile(r"\b(and|or|but|of|the|a|an|to|that|which|who|in|on|at|for|with|by|as|from|said)[?.]$",
                          re.IGNORECASE)


def rejection(candidate: Candidate) -> str | None:
    """Why a candidate is unfit to ask, or None when it passes every filter."""
    q = candidate.question
    prompt = q.prompt
    outside_quote = _outside_quotes(prompt)
    if not fits(prompt):
        return "stem too long"
    if _EDITORIAL.search(prompt):
        return "editorial marks or a cut quotation"
    if _HABITUAL.search(outside_quote):
        return "a habit, not a reading check ('regularly launches')"
    if _unresolved_pronoun(outside_quote, _sole_person(candidate.sentence)):
        return "unresolved pronoun"
    if has_bare_relative_time(outside_quote):
        return "bare relative time"
    if _COMMA_VERB.search(outside_quote):
        return "a clause cut out before its verb"
    if _DOUBLED.search(prompt):
        return "doubled word"
    if _SPACED_DASH.search(outside_quote):
        return "a sentence broken by dashes: its parse reads across them"
    if _CUT_TO_A_WORD.match(prompt):
        return "an opening phrase cut down to one word ('Days, Bowie passed away')"
    if re.search(r"(?<!\w)@\w", outside_quote):
        return "a social media handle in the stem: '@POTUS' names its owner"
    if _BAD_ENDINGS.search(prompt):
        return "clause fragment at the end"
    if len(re.findall(r"\baccording to\b", outside_quote, re.IGNORECASE)) > 1:
        return "two attributions ('According to Carlos Lage, ... according to Prensa Latina')"
    if outside_quote.count(";") >= 2:
        return "a list ('Matt Kenseth, 661; Jimmie Johnson, 628; ...'), not a sentence"
    if ";" in outside_quote and q.type in ("true_false", "fill_blank"):
        # judged over all rounds: 1 of 16 such statements acceptable, blanks 38% (55% without)
        return "two clauses joined by a semicolon: the simplified halves no longer fit together"
    if q.type in ("multiple_choice", "short_answer", "fill_blank") and _answer_in_stem(q.answer, prompt):
        return "answer in the stem"
    if q.type == "true_false" and _restates_headline(q.prompt, candidate.sentence.article.title):
        return "restates the headline: true or false, the headline settles it"
    if q.type in ("multiple_choice", "short_answer", "fill_blank") \
            and (why := _headline_gives(q, candidate.answer_label, candidate.sentence.article.title)):
        return why
    if q.type == "true_false" and len(prompt.split()) < 4:
        return "a statement of under four words ('Suci died.'): it tests nothing"
    if _demonstrative(prompt, candidate.sentence):
        return "unresolved pronoun: 'that plan', with the plan in another sentence"
    if q.type == "multiple_choice" and len(q.choices) < (3 if candidate.answer_label == "SOURCE" else 4):
        return "too few distractors"
    return None


def soft_flaw(candidate: Candidate) -> str | None:
    """A flaw a teacher fixes in seconds ('the broadcasts' that the stem does not explain): such a
    question is used only when a short article leaves nothing better."""
    q = candidate.question
    outside_quote = _outside_quotes(q.prompt)
    if candidate.kind == "identity":
        # judged over all rounds: 41% of 'Who is X?' acceptable and 33% unacceptable (sets 20-21: 3 of 28
        # judgements acceptable); a leader's title is world knowledge, and others' titles make odd options
        return "'Who is X?' asks a title, often world knowledge, with other people's titles as options"
    if _points_back(outside_quote, _definites_pointing_back(candidate.sentence)):
        return "a definite description that points back ('the boy', 'the game')"
    if _OPENS_BACK.search(outside_quote):
        return "opens with a word that points back ('Both countries', 'Other candidates')"
    if _COUNTED_BEFORE.search(q.prompt):
        return "opens with a group counted before ('The remaining four satellites', 'None of the twelve')"
    if q.type in ("true_false", "fill_blank") and _opens_with_a_bare_the(q.prompt, candidate.sentence):
        # judged over all rounds: 28% of such statements acceptable and 49% unacceptable, against 54% and 21%
        return "opens with a bare 'the' and a noun ('The sale would ...', 'The duo decided ...'): which one?"
    if _POINTING_ADVERB.search(outside_quote):
        return "an adverb that points to the sentence before ('would then choose', 'were there')"
    if q.type == "true_false" and _QUOTED_CLAIM.search(q.prompt) \
            and not re.search(r"\b(According to|said|says)\b", q.prompt):
        return "someone's quoted words given as a fact, without who said them"
    if q.type == "true_false" and _named_after_it(candidate.sentence):
        return "the subject's name gives the statement away ('Comic Corps collects comics')"
    if q.type == "true_false" and not _names_something(candidate.sentence):
        return "a general statement (no one, no place, number or date): guessable without reading"
    if q.type in ("multiple_choice", "short_answer") and _names_nothing(q.prompt):
        return "a short stem that names no one, nothing and no number: many could fit ('Who scored a penalty?')"
    if (_COMPARATIVE.search(outside_quote) and not re.search(r"\bthan\b", outside_quote)) \
            or _UNFINISHED_COMPARISON.search(outside_quote):
        return "a comparison without what it compares with ('Which country is higher at 2.2%?', 'seven times as high')"
    if re.search(r"\brespectively\b", outside_quote):
        return "pairs two lists ('..., respectively'): hard to read as one question"
    if word := _unknown_word(outside_quote):
        return f"a word no dictionary has ('{word}'): a typo copied from the article"
    if q.type == "true_false" and q.answer == "True" and not states_a_figure(q.prompt):
        # on unseen articles (rounds 19-21) judges accepted 70% of true statements with a number or
        # date and 31% of those without ("The investigation has been a major focus for Brazilian media")
        return "a true statement with no figure to check: often filler, true whatever one read"
    return None


def _demonstrative(prompt: str, sentence) -> bool:
    """'that plan' as the sentence used it ('that' as a determiner, not a conjunction) still in the stem:
    it points to another sentence ('that night' after the day it names points within the stem)."""
    span = getattr(sentence, "span", None)
    if span is None:
        return False
    pointers = {f"{t.lower_} {t.head.lower_}" for t in span
                if t.lower_ == "that" and t.dep_ == "det" and t.head.ent_type_ not in ("DATE", "TIME")}
    return any(re.search(rf"\b{re.escape(p)}\b", prompt.lower()) for p in pointers)


def _opens_with_a_bare_the(prompt: str, sentence) -> bool:
    """The statement opens with its subject, 'the' and one common noun (or a number) and nothing to say which
    ('The sale would be ...', 'The duo decided ...'; not 'The rescued members', 'The missile tests')."""
    span = getattr(sentence, "span", None)
    if span is None:
        return False
    subjects = [c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    words = list(subjects[0].subtree)
    return len(words) == 2 and words[0].lower_ == "the" and words[1].pos_ in ("NOUN", "NUM") \
        and words[1].text.islower() and words[1].lemma_ not in _KNOWN_ONES \
        and prompt.startswith(f"The {words[1].text} ")


def _restates_headline(statement: str, title: str | None) -> bool:
    """Most of the headline's words in a statement: 'The Senate passed the bailout bill' (or its denial)
    under 'US Senate passes bailout bill' is answered before reading a line."""
    headline = _content_words(title or "")
    return len(headline) >= 4 and len(headline & _content_words(statement)) >= 0.6 * len(headline)


_PLACE_LABELS = frozenset({"GPE", "GPE_OTHER", "LOC", "COUNTRY", "FAC"})


def _headline_gives(q, label: str, title: str | None) -> str | None:
    """Why the headline answers an asked question before a line is read, or None.

    Judges marked such questions unacceptable about a third of the time (against 5% for other short
    answers): the place the headline sets the story in ('Where have 36 people been executed?' under
    '... beheading in Saudi Arabia'), or a name the headline gives for the very deed asked ('Who
    posthumously won five Grammys?' under 'Adele and David Bowie each win five Grammys')."""
    key = name_key(q.answer)
    headline = name_key(title or "")
    if not key or states_a_figure(q.answer) or not re.search(rf"\b{re.escape(key)}\b", headline):
        return None  # a count the headline gives ('among seven arrested') still checks the reading
    setting = rf"\b(in|at|over|near|across|around|off|outside)\s+(the\s+)?([a-z]+\s+)?{re.escape(key)}\b"
    if label in _PLACE_LABELS and re.search(setting, headline):
        return "asks for the place the headline sets the story in"
    rest = _stems(re.sub(rf"\b{re.escape(key)}\b", " ", headline)) - _stems(key)
    shared = rest & _stems(q.prompt)
    if len(rest) >= 2 and shared and len(shared) >= 0.5 * len(rest):
        return "the headline gives the answer: it names who or what did the deed asked about"
    return None


_FILLER_WORDS = frozenset("each both all also more most over after than into some".split())


def _stems(text: str) -> set[str]:
    """Content words and figures with their endings cut ('expelled', 'expels' -> 'expel'), to compare wordings."""
    stems = set()
    for word in re.findall(r"[a-z]{3,}|\d+", text.lower()):
        if word in _STOPWORDS or word in _FILLER_WORDS:
            continue
        word = re.sub(r"(?<=\w\w)(ies)$", "y", word)
        word = re.sub(r"(?<=\w\w)(ing|ed|es|s|e)$", "", word)
        word = re.sub(r"([b-df-hj-np-tv-z])\1$", r"\1", word)
        stems.add(word)
    return stems


def _outside_quotes(prompt: str) -> str:
    """The stem without the quoted words in it: a pronoun inside a quotation is the speaker's own."""
    return QUOTATION.sub("", prompt)


def _names_nothing(stem: str) -> bool:
    """A stem of at most eight words with no name, title or figure after its first word."""
    words = stem.split()
    return len(words) <= 8 and not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words[1:])


def _points_back(stem: str, nouns: set[str] = frozenset()) -> bool:
    """'the boy', 'the game' (or another of ``nouns``) with nothing earlier in the stem they could mean
    ('... broadcasting propaganda ... if the broadcasts stop' is fine)."""
    matches = list(_POINTING_DEFINITE.finditer(stem))
    if nouns:
        pattern = rf"\b[Tt]he ({'|'.join(map(re.escape, sorted(nouns)))})\b(?!\s+(of|in|at|for|that|which|who))"
        matches += re.finditer(pattern, stem)
    for match in matches:
        root = match.group(1).lower()[:5]
        if root not in stem[: match.start()].lower():
            return True
    return False


# Nouns whose 'the' names one thing everyone knows: 'the government', 'the world'.
_KNOWN_ONES = frozenset(
    "world government police public economy internet military army navy media weather environment nation "
    "country future past sun moon".split())


def _definites_pointing_back(sentence) -> set[str]:
    """Bare 'the <noun>' phrases of a sentence whose noun the article (or its headline) used before it:
    'the site', 'the broadcasts', 'the demonstration' mean something a stem on its own does not say."""
    span = getattr(sentence, "span", None)
    if span is None:
        return set()
    article = sentence.article
    before = f"{article.title or ''} {article.text[:sentence.start]}".lower()
    nouns = set()
    for token in span:
        children = list(token.children)
        if token.pos_ != "NOUN" or token.dep_ == "compound" or token.lemma_.lower() in _KNOWN_ONES:
            continue
        if [c.lower_ for c in children] != ["the"] or children[0].dep_ != "det":
            continue  # 'the missile tests', 'the site of the attack' say which
        if re.search(rf"\b{re.escape(token.lemma_.lower()[:5])}", before):
            nouns.add(token.lower_)
    return nouns


_SPECIFIC_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW DATE TIME PERCENT MONEY QUANTITY CARDINAL".split())


def _named_after_it(sentence) -> bool:
    """A named subject whose name holds what the rest of the sentence says it does: 'Comic Corps ...
    collects donations of comics'."""
    span = getattr(sentence, "span", None)
    if span is None:
        return False
    subjects = [c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    inside = {t.i for t in subjects[0].subtree}
    named = {t.lower_[:5] for t in subjects[0].subtree if t.pos_ == "PROPN" and len(t) > 3}
    told = {t.lower_[:5] for t in span if t.i not in inside and t.pos_ in ("NOUN", "VERB") and len(t) > 3}
    return bool(named & told)


def _names_something(sentence) -> bool:
    """A person, place, body, date or exact number ('hundreds of vendors' is none)."""
    span = getattr(sentence, "span", None)
    return span is None or any(
        ent.label_ in _SPECIFIC_LABELS and (ent.label_ != "CARDINAL" or read_number(ent.text) is not None)
        for ent in span.ents)


def _unknown_word(stem: str) -> str | None:
    """A word no English word list has: lower-case ('technlogy'), or capitalised and one letter away
    from a common word ('Technlogy' in a name); most often a typo copied from the article."""
    for word in re.findall(r"(?<![\w’'-])[A-Za-z]{4,}(?![\w’'-])", stem):
        lower = word.lower()
        if zipf_frequency(lower, "en") > 0:
            continue
        if word.islower() or (len(word) >= 6 and _one_edit_from_common(lower)):
            return word
    return None


@lru_cache(maxsize=4096)
def _one_edit_from_common(word: str) -> bool:
    """Whether dropping, doubling, swapping or changing one letter gives an everyday word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} \
        | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters}
    return any(zipf_frequency(e, "en") >= 3.5 for e in edits if e != word)


def _sole_person(sentence) -> str | None:
    """The one person a sentence names (under one name or its parts), if it names exactly one."""
    span = getattr(sentence, "span", None)
    people = {e.text for e in span.ents if e.label_ == "PERSON"} if span is not None else set()
    longest = max(people, key=len, default=None)
    if longest and all(set(p.split()) <= set(longest.split()) for p in people):  # 'Li' is no part of 'Libya'
        return longest
    return None


_PERSONAL = frozenset({"he", "she", "his", "her", "him", "hers"})


def _unresolved_pronoun(stem: str, sole_person: str | None = None) -> bool:
    """A pronoun with nothing before it to point to, or a demonstrative pointing outside the stem.

    'Who declared his country ...', 'Pyongyang restarted its tests' and 'North Korea said it would'
    resolve inside the stem; 'He said ...', 'those overtures' and '..., it was not attacked' do not.
    When the sentence names just one person, 'he' after that person (or after 'Who', when the answer
    is that person) means them: 'Who was arrested after he brought a clock to school?'
    """
    if _SUBJECT_PRONOUN.match(stem):
        return True
    for match in _POINTING_BACK.finditer(stem):
        if match.group(1):
            return True
        pronoun = match.group(2).lower()
        if sole_person and pronoun in _PERSONAL and re.search(
                rf"\b(Who|{re.escape(sole_person.split()[-1])})\b", stem[: match.start()]):
            continue
        if match.group(2).lower() == "they":
            return True  # "X said they ...": who 'they' are is rarely X
        if match.group(2).lower() in ("he", "she", "it"):
            if not _REPORTED_SUBJECT.search(stem[: match.end()]) or (pronoun == "it" and stem.startswith("Who ")):
                return True  # 'Who said it was a great act?': a person's 'it' is something else
            continue
        before = re.sub(r"^((The|A|An|In|On|At|According to|Where|When|How|Why)\b ?)+", "",
                        stem[: match.start()])  # 'Where was their study published?': no name before 'their'
        if pronoun == "its":  # a body or a country, never the person a 'Who' asks for
            before = re.sub(r"\bWho\b", "", before)
        elif pronoun in _PERSONAL:  # 'Which organisation announced his death?': no person before 'his'
            before = re.sub(r"^(Which|What) ", "", before)
        if not re.search(r"\b(Who|[A-Z][\w’'-]+)\b", before):
            return True
    return False


def _answer_in_stem(answer: str, prompt: str) -> bool:
    key = name_key(answer)
    return bool(key) and re.search(rf"\b{re.escape(key)}\b", name_key(prompt.replace("_____", " "))) is not None


def score(candidate: Candidate, subject_counts: Counter, sentences_in_article: int,
          main_subject: str | None = None) -> float:
    """Prior of the kind, lead position, closeness to the headline, centrality of the answer, length of the stem;
    less for asking which country or body an article about that very country or body is about."""
    q = candidate.question
    position = candidate.sentence.index / max(sentences_in_article, 1)
    lead = 0.2 * (1 - position)
    title = _content_words(candidate.sentence.article.title or "")
    headline = 0.15 * min(len(title & _content_words(candidate.sentence.text)), 3) / 3 if title else 0.0
    centrality = min(subject_counts[name_key(q.answer)], 4) * 0.03 if q.type == "multiple_choice" else 0.0
    repeated_subject = 0.1 if subject_counts[name_key(q.answer)] > 4 else 0.0
    if q.type in ("multiple_choice", "short_answer") and candidate.answer_label in ("COUNTRY", "ORG") \
            and name_key(q.answer) == main_subject:
        repeated_subject += 0.15  # "Which country ...?" in an article all about that country
    words = len(q.prompt.split())
    # a statement of twelve words or fewer has often lost its context: judged over all rounds, 49% of
    # such true/false statements acceptable and 20% unacceptable, against 60% and 13% of longer ones
    brevity = 0.1 if (13 <= words <= 25 if q.type == "true_false" else 8 <= words <= 22) else 0.0
    # a question that asks (who, where, how many) was judged acceptable far more often than a copied
    # sentence with a blank or a 'not' (rounds 15-16: about 85% against under 60%)
    asked = 0.1 if q.type in ("multiple_choice", "short_answer") else 0.0
    total = candidate.prior * 0.6 + lead + headline + centrality + brevity + asked - repeated_subject
    return max(0.0, min(1.0, total))


def select(candidates: list[Candidate], count: int, seed: int | None) -> list[Candidate]:
    """The best ``count`` candidates, with variety of kinds, spread over the text, no repeats or give-aways.

    One question a sentence: two on one sentence test one fact twice or give each other away. Passes
    loosen step by step only to fill a short quiz: first each kind is capped, true/false kept even,
    statements at most three in ten and true ones one in ten; then the caps go; then statements make
    four in ten; then true and false may lean further apart; last, two questions may share a sentence
    if neither gives the other away, more true statements may come, and questions with a soft flaw
    (see ``soft_flaw``) may come in, two in ten at most and only while the quiz has fewer than half its
    count: a short article gets a short quiz rather than one padded with questions to fix. No pass keys
    one answer twice.
    """
    jitter = random.Random(seed) if seed is not None else None
    ranked = sorted(
        candidates,
        key=lambda c: -(c.question.score + (jitter.uniform(-0.15, 0.15) if jitter else 0.0)),
    )
    chosen: list[Candidate] = []
    type_cap = max(2, (count * 3 + 9) // 10)
    passes = (
        dict(cap=type_cap, share=0.3, lean=0),
        dict(cap=count, share=0.3, lean=0),
        dict(cap=count, share=0.4, lean=1),
        dict(cap=count, share=0.4, lean=2),
        dict(cap=count, share=0.4, lean=2, shared=True),
    )
    for number, rules in enumerate(passes, 1):
        for candidate in ranked:
            if len(chosen) >= count:
                break
            if candidate.soft_flaw and (number < len(passes) or _soft_flaws(chosen) >= max(1, count // 5)
                                        or len(chosen) >= (count + 1) // 2):
                # judged over all rounds: 46% of such questions acceptable and 22% unacceptable, against
                # 64% and 15% for the others; a teacher fixes one or two in a short quiz, not a full one
                continue
            if candidate not in chosen and _fits(candidate, chosen, count, **rules):
                chosen.append(candidate)
    _vary_kinds(ranked, chosen)
    return sorted(chosen, key=lambda c: -c.question.score)


MIN_KINDS = 3
MAX_WHO_SAID = 2


def _soft_flaws(chosen: list[Candidate]) -> int:
    return sum(1 for c in chosen if c.soft_flaw)


def _vary_kinds(ranked: list[Candidate], chosen: list[Candidate]) -> None:
    """Fewer than three kinds of question: trade the best question of a missing kind for the one or two
    it clashes with (the same answer asked another way, the same sentence), when their kinds stay in the
    quiz; one with a soft flaw only when no other will do."""
    for candidate in sorted(ranked, key=lambda c: c.soft_flaw is not None):
        kinds = Counter(c.question.type for c in chosen)
        if len(kinds) >= MIN_KINDS:
            return
        if candidate.question.type in kinds:
            continue
        clashes = [c for c in chosen if _conflicts(candidate, [c], shared=True)]
        leaving = Counter(c.question.type for c in clashes)
        if 1 <= len(clashes) <= 2 and all(kinds[kind] > n for kind, n in leaving.items()):
            chosen[chosen.index(clashes[0])] = candidate
            for clash in clashes[1:]:
                chosen.remove(clash)


def _fits(candidate: Candidate, chosen: list[Candidate], count: int, *, cap: int, share: float,
          lean: int, shared: bool = False) -> bool:
    kind = candidate.question.type
    if sum(1 for c in chosen if c.question.type == kind) >= cap or _conflicts(candidate, chosen, shared):
        return False
    if candidate.kind == "quote_speaker" and sum(1 for c in chosen if c.kind == "quote_speaker") >= MAX_WHO_SAID:
        return False  # a third 'Who said: ...?' reads as a template, with the same speakers as options
    if candidate.kind == "identity" and any(c.kind == "identity" for c in chosen):
        return False  # two 'Who is X?' share their options: each gives the other's answer away
    if kind != "true_false":
        return True
    statements = sum(1 for c in chosen if c.question.type == "true_false")
    if statements + 1 > max(2, int(count * share)):
        return False  # a quiz of copied sentences tests little
    if candidate.answer_label == "DENIAL" and \
            any(c.answer_label == "DENIAL" for c in chosen):
        return False  # 'X did not ...' made by adding 'not' reads as a template: one a quiz at most
    if candidate.question.answer == "True" and not shared and \
            sum(1 for c in chosen if c.question.answer == "True") >= max(1, int(count * share / 2)):
        return False  # a true statement is the article's own words: it tests recognition at best
    return not _unbalances_true_false(candidate, chosen, lean)


def _unbalances_true_false(candidate: Candidate, chosen: list[Candidate], lean: int = 0) -> bool:
    """Keep true and false statements even (within ``lean`` + 1), so 'always True' is no strategy."""
    answers = Counter(c.question.answer for c in chosen if c.question.type == "true_false")
    mine, other = answers[candidate.question.answer], answers["False" if candidate.question.answer == "True" else "True"]
    return mine - other >= 1 + lean


def _conflicts(candidate: Candidate, chosen: list[Candidate], shared: bool = False) -> bool:
    """A second question on one sentence, an answer keyed twice, or one question giving another away.

    ``shared`` lets two questions share a sentence when neither gives the other away. Give-aways and
    answers keyed twice never pass.
    """
    if any(_same_answer(candidate, other) for other in chosen):
        return True  # the second question on one answer gives the first away, whatever it asks
    for other in chosen:
        if other.sentence is candidate.sentence and "identity" not in (candidate.kind, other.kind) and (
            not shared or "true_false" in (candidate.question.type, other.question.type)
            or same_referent(candidate.question.answer, other.question.answer)
        ):
            return True
        if _reveals(other, candidate) or _reveals(candidate, other):
            return True
    return False


def _same_answer(one: Candidate, other: Candidate) -> bool:
    """The same thing keyed twice: a name under any of its forms, or the very same words otherwise; or
    the count a false statement changed, asked again ('Six soldiers were killed' beside 'How many
    soldiers were killed? thirteen')."""
    if "true_false" in (one.question.type, other.question.type):
        tested = [c.changed if c.question.type == "true_false" else c.question.answer for c in (one, other)]
        return None not in tested and _same_count(*tested)
    if {one.answer_label, other.answer_label} & {"SOURCE", "STATEMENT", "DENIAL"}:
        return one.question.answer.casefold() == other.question.answer.casefold()
    return same_referent(one.question.answer, other.question.answer, True)


def _same_count(one: str, other: str) -> bool:
    """'thirteen' and '13'."""
    a, b = read_number(one), read_number(other)
    return a is not None and b is not None and a.value == b.value


def _reveals(asker: Candidate, answered: Candidate) -> bool:
    """True when ``asker``'s stem names ``answered``'s answer: a student who meets the name in one
    question looks for it among the next one's options. The story's main actors (in the headline or
    named again and again), whom every reader knows, only while the stem speaks of the same fact
    ('Belgium defeated Panama 3-0' gives away 'Which country faced Panama?'). A false statement
    gives nothing away."""
    if answered.kind == "identity" and answered.question.answer_span is not None:
        # "English captain Harry Kane scored" (true or false) tells who Harry Kane is
        return answered.question.answer_span.text.lower() in asker.question.prompt.lower()
    if asker.question.answer == "False":
        return False  # a false statement gives nothing away
    if answered.question.type == "true_false":  # a stem that states the statement settles it
        statement = _content_words(answered.question.prompt)
        return len(statement & _content_words(asker.question.prompt)) >= 0.8 * max(len(statement), 1)
    key = name_key(answered.question.answer)
    if len(key) < 3 or re.search(rf"\b{re.escape(key)}\b", name_key(asker.question.prompt)) is None:
        return False
    article = answered.sentence.article
    named = re.findall(rf"\b{re.escape(key)}\b", name_key(f"{article.title or ''} \n {article.text}"))
    in_title = re.search(rf"\b{re.escape(key)}\b", name_key(article.title or "")) is not None
    if not in_title and len(named) < 4:
        return True
    if asker.sentence is answered.sentence or _names(answered.question.prompt) & _names(asker.question.prompt) - {key}:
        return True  # the stem names the answer beside a name the question asks about: one fact
    asked, source = _content_words(asker.question.prompt), _content_words(answered.sentence.text)
    shared = (asked & source) - set(key.split())
    return len(shared) >= max(2, 0.25 * min(len(asked), len(source)))


_STOPWORDS = frozenset(
    "the a an of and or to in on at for with by from as is was were are be been has have had that this which who "
    "what when where how many did does do it its their his her they he she said says according not".split()
)


def _names(text: str) -> set[str]:
    """The capitalised words of a stem after its first, as name keys: 'Panama', 'Fisht'."""
    return {name_key(w) for w in re.findall(r"(?<=\s)[A-Z][\w’'-]{2,}", text)}


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOPWORDS}


def stable_rng(seed: int | None, text: str) -> random.Random:
    """A random source that depends only on the seed and the text: same input, same quiz."""
    digest = hashlib.sha256(f"{seed}|{text}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def difficulty(candidate: Candidate) -> str:
    """Easy for lead facts and names, hard for late details, numbers and key terms."""
    q = candidate.question
    points = 0
    points += candidate.sentence.index > 6
    points += q.focus in ("number", "term", "time")
    points += len(candidate.sentence.text.split()) > 28
    points += q.type in ("fill_blank", "short_answer")
    return ("easy", "medium", "medium", "hard", "hard")[points]
