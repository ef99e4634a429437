"""Finishing a stem: full names, explicit dates, attribution, capitalisation and the final mark."""

from __future__ import annotations

import re

from quizgen.dates import make_explicit
from quizgen.nlp import Sentence
from quizgen.questions.clauses import is_anaphoric, quoted_tokens, render
from quizgen.questions.context import (PLACE_PREPOSITIONS, QuizContext, clean_entity, finer_type,
                                       looks_like_organisation, name_key)


MAX_STEM_WORDS = 32


def fits(prompt: str | None) -> bool:
    """A stem short enough to read at a glance."""
    return prompt is not None and len(prompt.split()) <= MAX_STEM_WORDS


def about_the_reporting(clause) -> bool:
    """'Wikinews has learned that ...', 'The BBC spoke with ...': the outlet at work, not the story."""
    from quizgen.questions.clauses import REPORTING_VERBS

    subject = clause.subject
    if subject is None or clause.verb.lemma_ not in REPORTING_VERBS | {"learn", "speak", "interview", "contact"}:
        return False
    names = [e for e in subject.doc.ents if e.root.i == subject.i]
    return bool(names) and finer_type(names[0].label_, clean_entity(names[0].text)) == "ORG_MEDIA"


def subject_stands_alone(sentence: Sentence, subject, context: QuizContext) -> bool:
    """A named subject, or a 'he'/'she' the sentence before resolves, or 'the country' the article is about;
    not 'the pair' or 'they'."""
    if not is_anaphoric(subject) or context.antecedent(sentence, subject) is not None:
        return True
    return _the_country(subject) and context.main_country(sentence.article) is not None


def _the_country(token) -> bool:
    return token.lower_ == "country" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def name_replacements(sentence: Sentence, context: QuizContext) -> dict[int, str]:
    """Token replacements that give each person's full name ('Kim' -> 'Kim Jong Un', 'he' -> 'Kim Jong Un')."""
    key = (id(sentence.article), sentence.start)
    if key not in context.replacements:
        context.replacements[key] = _name_replacements(sentence, context)
    return context.replacements[key]


def _name_replacements(sentence: Sentence, context: QuizContext) -> dict[int, str]:
    replace: dict[int, str] = {}
    country = context.main_country(sentence.article)
    for token in sentence.span:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" \
                and (name := context.antecedent(sentence, token)):
            replace[token.i] = name
        if country and _the_country(token):
            replace[token.i] = country
            replace.update({c.i: "" for c in token.children if c.dep_ == "det"})
    expanded = set()
    for token in sentence.span:  # a bare 'the <noun>' said as the article named it
        children = list(token.lefts)
        if token.dep_ == "compound" or [c.lower_ for c in children] != ["the"]:
            continue
        if token.pos_ == "NOUN" and token.lemma_ not in expanded \
                and (fuller := context.fuller_mention(sentence, token)):
            replace[children[0].i] = ""  # 'the ban' -> "President Trump's travel ban", as the article first did
            replace[token.i] = fuller
            expanded.add(token.lemma_)
        if token.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "prep" for c in token.rights) \
                and (titled := context.titled(sentence, token)):
            replace[children[0].i] = ""  # 'the President' -> 'President Jacob Zuma', the one the article named
            replace[token.i] = titled
    replace.update(_spelled_out_abbreviations(sentence, context, replace))
    in_names = {t.i for ent in sentence.span.ents for t in ent}
    for token in sentence.span:  # a surname the tagger missed: "Basya said ..."
        if token.pos_ == "PROPN" and token.i not in in_names and token.dep_ != "compound" and token.i not in replace \
                and not (token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN") \
                and not _given_as_a_name(token):  # 'Junius Ho' is not 'Cyd Ho'
            full = context.full_names.get(name_key(token.text))
            if full and len(full.split()) > 1 and full.split()[-1] == token.text:
                replace[token.i] = full
    for ent in sentence.span.ents:
        if ent.root.dep_ == "compound" or _given_as_a_name(ent[0]) or (ent.label_ != "PERSON" and (
                not context.lone_surname(clean_entity(ent.text)) or _after_a_place_word(ent))):
            continue  # "the Biden administration" stays as written; "Lukaku" tagged as a place is a person
        name = clean_entity(ent.text)
        full = context.full_name(name)
        if len(full) > len(name) and ent.text.startswith(name):
            replace[ent[0].i] = full + ent.text[len(name):]
            for token in ent[1:]:
                replace[token.i] = ""
    return replace


_ABBREVIATION = re.compile(r"[A-Z]{2,8}")  # 'RPG', not 'SpaceX', which is better known than its long name
_DETERMINERS = frozenset("the a an this that its their his her our 's ’s".split())


def _spelled_out_abbreviations(sentence: Sentence, context: QuizContext, replace: dict[int, str]) -> dict[int, str]:
    """An abbreviation the article defined earlier, spelled out where the sentence uses it first: 'the RPG
    survey' -> 'the Ryanair Pilots Group survey', 'MOM has ordered' -> 'the Ministry of Manpower has
    ordered'; 'Ministry of Manpower (MOM)' when it comes again. Not inside a quotation or a hyphenated
    word, nor where the sentence spells it out itself."""
    spelled: dict[int, str] = {}
    quoted = quoted_tokens(list(sentence.span))
    said = name_key(sentence.text)
    seen: set[str] = set()
    for token in sentence.span:
        if not _ABBREVIATION.fullmatch(token.text) or token.i in quoted or token.i in replace:
            continue
        longs = [long for key, long in context.aliases_of(token.text).items() if len(long) > len(token.text)]
        if not longs or token.text in seen:
            continue
        long = max(longs, key=len)
        if name_key(long) in said or _in_brackets(token):
            continue
        seen.add(token.text)
        before = token.doc[token.i - 1] if token.i > sentence.span.start else None
        if before is not None and not before.whitespace_:
            continue  # 'non-NPT countries'
        the = "the " if token.dep_ != "compound" and (before is None or before.lower_ not in _DETERMINERS) \
            and looks_like_organisation(long) else ""  # 'African Union soldiers', 'the Ministry of Manpower has'
        again = sum(t.text == token.text for t in sentence.span) > 1
        spelled[token.i] = f"{the}{long} ({token.text})" if again else f"{the}{long}"
    return spelled


def _in_brackets(token) -> bool:
    """'(MOM)' right after the name it abbreviates."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _given_as_a_name(token) -> bool:
    """'the factory known as Zanon', 'a dog called Rex': the name is the thing's, whoever else bears it."""
    before = token.doc[max(0, token.i - 2):token.i]
    words = [t.lower_ for t in before]
    return bool(words) and (words[-1] in ("called", "named", "dubbed")
                            or (words[-1] == "as" and len(before) == 2 and before[0].lemma_ in ("know", "refer")))


def _after_a_place_word(ent) -> bool:
    """'met in Washington': a name after a preposition of place is a place, whatever else it names."""
    return ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 and ent.doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS


def phrase(tokens: list, sentence: Sentence, context: QuizContext) -> str:
    """Render tokens with full names, without asides in brackets."""
    return phrase_with(tokens, sentence, context, {})


def phrase_with(tokens: list, sentence: Sentence, context: QuizContext, replace: dict[int, str]) -> str:
    """Render tokens with full names and further token replacements, without asides in brackets."""
    replace = {**name_replacements(sentence, context), **replace}
    return render(tokens, {**replace, **_asides(tokens, replace)})


def _asides(tokens: list, replace: dict[int, str]) -> dict[int, str]:
    """Bracketed words to drop from a stem: '30 miles (48 km)' with the miles blanked gives the answer
    away, and '(March 4)' after the date made explicit says it twice. Kept when the blank is inside,
    and inside a quotation, whose words are someone's own."""
    dropped: dict[int, str] = {}
    inside: list[int] = []
    quoted = quoted_tokens(tokens)
    for token in tokens:
        if token.text == "(" and token.i not in quoted:
            inside = [token.i]
        elif inside:
            inside.append(token.i)
            if token.text == ")":
                if not any("___" in replace.get(i, "") for i in inside):
                    dropped.update({i: "" for i in inside})
                inside = []
    return dropped


def finish(text: str, sentence: Sentence, *, attribution: str | None = None, question: bool = True) -> str | None:
    """Make relative times explicit, add 'According to X', capitalise, end with '?' or '.'."""
    explicit = make_explicit(text, sentence.article.date)
    if explicit is None:
        return None
    text = explicit.strip().rstrip(",;:")
    if attribution:
        text = re.sub(r"^that\s+", "", text)  # 'said that Hugo Chavez ...' -> 'According to ..., Hugo Chavez ...'
        text = f"According to {attribution}, {text[0].lower() + text[1:] if _lower_ok(text) else text}"
    text = text[0].upper() + text[1:]
    text = re.sub(r"\s+", " ", text)
    abbreviation = re.search(r"\b(?:[A-Z]\.){2,}$", text)  # 'U.S.' keeps its last full stop
    text = re.sub(r"[\s,;:.?!]+$", "", text) + ("." if abbreviation and question else "")
    text = re.sub(r"[,;:]([\"”’])$" if not question else r"[,;:.]([\"”’])$", r"\1", text)  # 'democracy"?'
    if not quotes_balanced(text) or not brackets_balanced(text):
        return None
    if not question and re.search(r"[.?!][\"”’]$", text):
        return text  # 'would be a "significant public benefit."' ends already
    return text + ("?" if question else ".")


def brackets_balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def quotes_balanced(text: str) -> bool:
    """Straight quotes pair up and curly quotes open before they close."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


_LOWER_AFTER_COMMA = frozenset("Who What Where When Which How In On At The A An Several Some Many Only About Nearly "
                               "Almost Over More Most Just".split())


def _lower_ok(text: str) -> bool:
    """Whether the first word is an ordinary word that 'According to X, ...' puts in lower case."""
    return text.split()[0] in _LOWER_AFTER_COMMA
