"""Wh-questions by transforming the main clause: who/which (subject, object or the doer of a passive),
where, when, how many, how much and what percentage."""

from __future__ import annotations

import re

from quizgen.models import Question
from quizgen.nlp import Sentence
from quizgen.numbers import read_number
from quizgen.questions.base import Candidate, locate_answer, sentence_span, token_span
from quizgen.questions.clauses import (REPORTING_VERBS, Clause, counted_by_a_list, do_support, main_clause,
                                      one_of_several, past_form, plural_verb, quoted_tokens, third_person)
from quizgen.questions.context import (QuizContext, clean_entity, finer_type, in_the_subject,
                                       looks_like_organisation, name_key)
from quizgen.questions.stems import (about_the_reporting, finish, fits, name_replacements, phrase, phrase_with,
                                     subject_stands_alone)

SUBJECT_WH = {"PERSON": ("Who", "person"), "ORG": ("Which organisation", "organisation"),
              "ORG_MEDIA": ("Which news organisation", "organisation"),
              "COUNTRY": ("Which country", "place")}
PLACE_LABELS = ("GPE", "LOC", "FAC")
_YEAR = re.compile(r"^(?:in )?(1[89]\d\d|20\d\d)$")
_MONTH_YEAR = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"(?: \d{1,2},?)? (1[89]\d\d|20\d\d)$")


def generate(sentence: Sentence, context: QuizContext) -> list[Candidate]:
    """Every wh-question the main clause allows; a compact clause where the whole one is too long."""
    by_kind: dict[str, Candidate] = {}
    for compact in (False, True):
        clause = main_clause(sentence.span, compact)
        if clause is None or clause.subject is None or not subject_stands_alone(sentence, clause.subject, context) \
                or clause.subject.i > clause.verb.i or about_the_reporting(clause):
            return list(by_kind.values())
        makers = [] if clause.negated else [subject_question, object_question, agent_question, where_question,
                                             when_question, how_many_question, how_much_question,
                                             percentage_question]
        for make in makers:
            candidate = make(sentence, clause, context)
            if candidate is not None and candidate.kind not in by_kind and fits(candidate.question.prompt):
                by_kind[candidate.kind] = candidate
    return list(by_kind.values())


def _entity_of(token):
    if not token.ent_type_:
        return None  # most tokens: no need to look through the entities
    for ent in token.doc.ents:
        if ent.root.i == token.i:
            return ent
    return None


def _names_a_person_after(ent, subject) -> bool:
    """A subject that goes on past the body's name to a person ('Council for National Security chairman
    General Sonthi Boonayaratkalin'): the person is who did it, whatever the parse made the head."""
    return any(e.label_ == "PERSON" and e.start >= ent.end and in_the_subject(e.root, [subject])
               for e in subject.doc.ents)


def _looks_like_person(name: str, context: QuizContext) -> bool:
    """An ORG label on a name the articles also tag as a person is an NER slip."""
    return context.full_name(name) != name or name_key(name) in context.persons


def _subject_span(clause: Clause) -> tuple[int, int]:
    indices = [t.i for t in clause.subject.subtree]
    return min(indices), max(indices)


def _after(clause: Clause, index: int, drop: set[int] = frozenset()) -> list:
    """The clause's tokens after ``index``, without those in ``drop`` and without 'also'."""
    return [t for t in clause.tokens if t.i > index and t.i not in drop and t.lower_ != "also"]


def subject_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'Kim Jong Un visited a factory' -> 'Who visited a factory?'"""
    resolved = context.antecedent(sentence, clause.subject)
    if resolved:
        return _pronoun_subject_question(sentence, clause, context, resolved)
    ent = _entity_of(clause.subject)
    if ent is None or any(c.dep_ == "conj" for c in clause.subject.children):
        return None
    name = clean_entity(ent.text)
    label = finer_type(ent.label_, name)
    organisation = label in ("ORG", "ORG_MEDIA")
    if label not in SUBJECT_WH or not name[:1].isupper() or (organisation and _looks_like_person(name, context)):
        return None
    if organisation and not looks_like_organisation(name):
        return None
    if organisation and _names_a_person_after(ent, clause.subject):
        return None  # 'Council for National Security chairman General Sonthi ... said': a person spoke
    wh, focus = SUBJECT_WH[label]
    _, last = _subject_span(clause)
    predicate = _after(clause, last)
    if not _askable_predicate(predicate, sentence, clause, context):
        return None
    if label == "PERSON" and not context.plausible("PERSON", name):
        return None  # "Arkham VR", "Castlefrank Road": not people
    first = predicate[0]
    if label == "PERSON" and plural_verb(first):
        return None  # 'Mahershala Ali, Naomie Harris, ... are the non-white people': one of a list the parse missed
    replace_first = third_person(first) if first.tag_ == "VBP" or first.lower_ in ("have", "are", "were") else None
    text = phrase(predicate, sentence, context)
    if replace_first:
        text = replace_first + text[len(first.text):]
    answer = context.full_name(ent.text) if ent.label_ == "PERSON" else clean_entity(ent.text)
    answer_words = ent
    if organisation and (owner := _owning_country(ent)) is not None:
        answer_words = ent.doc[owner.start:ent.end]  # "South Korea's Defense Ministry", not "Defense Ministry"
        answer = answer_words.text
    prompt = finish(f"{wh} {text}", sentence, attribution=context.attributed(clause))
    return _candidate(sentence, prompt, answer, token_span(sentence, answer_words), focus, label, "wh_subject", 0.75)


def _owning_country(ent):
    """The country an organisation's name belongs to: 'South Korea's' in "South Korea's Defense Ministry"."""
    for child in ent.root.children:
        if child.dep_ == "poss" and child.i < ent.start:
            owner = _entity_of(child)
            if owner is not None and owner.label_ == "GPE" and ent.start - owner.end in (0, 1):  # "'s" in or out
                return owner
    return None


def _askable_predicate(predicate: list, sentence, clause: Clause, context: QuizContext) -> bool:
    """A verb phrase worth a 'Who ...?': starts with its verb, is no quotation, and no one else did it too."""
    if len(predicate) < 3 or predicate[0].pos_ not in ("VERB", "AUX", "ADV", "PART"):
        return False
    if _who_adrift(predicate):
        return False  # 'Who arrived in France, who had kept her captive?': whose 'who' is which?
    if any(t.is_quote for t in predicate[1:3]) or any(t.text == ":" for t in predicate):
        return False  # "Cooper continued: '...'", "warned of war: '...'": quote questions ask who said it
    if re.search(r"(^|\s),\s+(as well as|along with|together with|alongside)\b", " ".join(t.lower_ for t in predicate)):
        return False  # "Who was re-elected, as well as Claudia Mo?": others did it too
    if any(t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in predicate) \
            or _second_clause([t for t in sentence.span if t.i > clause.verb.i]):
        return False  # 'Who came up to bat and Porter stole third base?': a second clause with its own doer
    if _a_state_many_share(clause.verb):
        return False  # "Who was at the show?", "Who is from Gdansk?": others in the story were too
    if clause.verb.lemma_ in ("decline", "refuse") and any(c.lemma_ == "comment" for c in clause.verb.children):
        return False  # "Which organisation declined to comment?": saying nothing is no fact of the story
    if any(c.dep_ == "dobj" and c.lemma_ in _SAYS_NOTHING for c in clause.verb.children) \
            and not any(_says_what(g) for c in clause.verb.children for g in (c, *c.children) if c.dep_ != "nsubj"):
        return False  # "Which organisation issued a statement?": several did, and it asks nothing
    return not context.shared_predicate(sentence, clause.verb)  # "Who won the award?" when three players did


def _who_adrift(tokens: list) -> bool:
    """A relative 'who' outside any quotation: in a question it reads as if it were about the answer."""
    quoted = quoted_tokens(tokens[0].sent) if tokens else set()
    return any(t.lower_ in ("who", "whom") and t.i not in quoted for t in tokens)


def _second_clause(tokens: list) -> bool:
    """'and Emmanuel Macron flew to Paris': after 'and', a name and then a finite verb the parse left
    without a subject (the name is its subject, however the parse attached it)."""
    for k, token in enumerate(tokens[:-2]):
        if token.lower_ in ("and", "but", "while"):
            names = 0
            while k + 1 + names < len(tokens) and tokens[k + 1 + names].pos_ == "PROPN":
                names += 1
            after = tokens[k + 1 + names] if k + 1 + names < len(tokens) else None
            if names and after is not None and after.tag_ in ("VBD", "VBZ", "VBP") \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
                return True
    return False


_SAYS_NOTHING = frozenset("statement comment remark announcement speech interview".split())
_ORIGIN_VERBS = frozenset("come hail".split())


def _a_state_many_share(verb) -> bool:
    """Where someone was or comes from, what they are like or have, whom they met: no deed of theirs
    alone, so a 'Who ...?' on it has other right answers among the people of the story."""
    children = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct", "advmod", "neg")]
    if verb.lemma_ == "be" and not any(c.dep_ == "attr" for c in children):
        return any(c.dep_ in ("prep", "acomp") for c in children)  # 'was at the show', 'is alive'
    if one_of_several(verb):
        return True  # 'had been a defendant in the Anfal trial', 'is one of the organisers': so were others
    if verb.lemma_ in _ORIGIN_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "from" for c in children)
    if verb.lemma_ == "have":  # but 'had firewall plates confiscated' says what was done
        return not any(c.dep_ in ("xcomp", "ccomp") or any(g.tag_ == "VBN" for g in c.children) for c in children)
    return verb.lemma_ == "meet"


def _says_what(modifier) -> bool:
    """'a statement on the crash', 'a joint statement', 'a statement saying ...': what was said, in part."""
    return modifier.dep_ in ("acl", "relcl", "amod", "compound") or \
        (modifier.dep_ == "prep" and modifier.lower_ in ("on", "about", "regarding", "over")
         and not any(c.ent_type_ in ("DATE", "TIME") for c in modifier.children))  # 'on Friday' says when


def _pronoun_subject_question(sentence, clause, context, name: str) -> Candidate | None:
    """'He praised rapid progress' after a sentence naming Kim Jong Un -> 'Who praised rapid progress?'"""
    predicate = _after(clause, clause.subject.i)
    if not _askable_predicate(predicate, sentence, clause, context):
        return None
    prompt = finish(f"Who {phrase(predicate, sentence, context)}", sentence, attribution=context.attributed(clause))
    span = locate_answer(sentence.article, name, sentence.start)
    return _candidate(sentence, prompt, name, span, "person", "PERSON", "wh_subject", 0.65)


OBJECT_WH = {"PERSON": ("Who", "person"), "ORG": ("Which organisation", "organisation"),
             "COUNTRY": ("Which country", "place")}
_NOT_A_DEED = REPORTING_VERBS | frozenset("call name quote cite interview contact thank".split())


def object_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'Sweden faced South Korea at the Nizhny Novgorod Stadium' ->
    'Which country did Sweden face at the Nizhny Novgorod Stadium?'"""
    if clause.verb.lemma_ in _NOT_A_DEED:
        return None  # 'told GB News', 'called Trump': the audience or a name, not what was done
    for noun in clause.verb.children:
        if noun.dep_ != "dobj" or noun.i < clause.verb.i:
            continue
        ent = _entity_of(noun)
        if ent is None or len(list(noun.subtree)) != len(ent) or any(c.dep_ == "conj" for c in noun.children):
            return None  # 'faced Belgium and Panama', 'hosted the final of the cup': no one name to ask for
        label = _askable_name(ent, context)
        if label is None:
            return None
        stem = _inverted(sentence, clause, context, drop={t.i for t in noun.subtree})
        if stem is None:
            return None
        wh, focus = OBJECT_WH[label]
        prompt = finish(f"{wh} {stem}", sentence, attribution=context.attributed(clause))
        answer = context.full_name(ent.text) if label == "PERSON" else clean_entity(ent.text)
        return _candidate(sentence, prompt, answer, token_span(sentence, ent), focus, label, "wh_object", 0.7)
    return None


def _askable_name(ent, context: QuizContext) -> str | None:
    """The finer type of a name a 'Who' or 'Which ...' may ask for; None for NER slips and vague bodies."""
    name = clean_entity(ent.text)
    label = finer_type(ent.label_, name)
    if label not in OBJECT_WH or not re.sub(r"^the ", "", name)[:1].isupper() or not context.plausible(label, name):
        return None
    if label == "ORG" and (_looks_like_person(name, context) or not looks_like_organisation(name)):
        return None
    return label


_ACTIVE_TENSE = {"was": "VBD", "were": "VBD", "is": "VBZ", "are": "VBZ"}


def agent_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'The FIRST Global competition was founded by Dean Kamen in 2017' ->
    'Who founded the FIRST Global competition in 2017?'"""
    auxes = [c for c in clause.verb.children if c.dep_ in ("aux", "auxpass") and c.i < clause.verb.i]
    agents = [c for c in clause.verb.children if c.dep_ == "agent"]
    if clause.verb.tag_ != "VBN" or len(auxes) != 1 or auxes[0].lower_ not in _ACTIVE_TENSE or len(agents) != 1:
        return None  # 'has been founded', 'will be opened': kept to the plain past and present
    doers = [c for c in agents[0].children if c.dep_ == "pobj"]
    ent = _entity_of(doers[0]) if doers else None
    if ent is None or any(c.dep_ == "conj" for c in doers[0].children) or any(
            t.i >= ent.end or (t.i < ent.start and t.dep_ not in ("compound", "det")) for t in doers[0].subtree):
        return None  # 'supported by the Croucher Foundation, the NSF and ...': no one doer ('Senator X' is one)
    label = _askable_name(ent, context)
    if label is None:
        return None
    verb = past_form(clause.verb.lemma_, _ACTIVE_TENSE[auxes[0].lower_])
    first, last = _subject_span(clause)
    patient = phrase([t for t in clause.tokens if first <= t.i <= last], sentence, context)
    if clause.subject.pos_ != "PROPN" and clause.subject.ent_type_ == "":
        patient = patient[0].lower() + patient[1:]  # 'the study', but 'FIRST Global' keeps its capitals
    patient = re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", patient)
    rest = phrase(_after(clause, clause.verb.i, {t.i for t in agents[0].subtree}), sentence, context)
    adverbs = " ".join(t.lower_ for t in clause.tokens if last < t.i < clause.verb.i and t.dep_ == "advmod")
    wh, focus = OBJECT_WH[label]
    prompt = finish(f"{wh} {adverbs} {verb} {patient} {rest}", sentence,  # 'Who reportedly rejected ...?'
                    attribution=context.attributed(clause))
    answer = context.full_name(ent.text) if label == "PERSON" else clean_entity(ent.text)
    return _candidate(sentence, prompt, answer, token_span(sentence, ent), focus, label, "wh_agent", 0.75)


_PUBLISHING = frozenset("publish print report appear air broadcast describe detail quote".split())


def where_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'Kim and Trump met in Hanoi in 2019' -> 'Where did Kim Jong Un and Donald Trump meet in 2019?'"""
    if clause.verb.lemma_ in _PUBLISHING:
        return None  # 'published in Nature': a journal, whatever the tagger says, and towns make no options
    for prep in clause.verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at") or prep.i < clause.verb.i:
            continue
        if prep.nbor(-1).dep_ == "pobj" and prep.nbor(-1).pos_ == "PROPN":
            continue  # 'from Littlehampton in West Sussex', 'at the Celtic Manor in Newport': where that place lies
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        ent = _entity_of(objects[0]) if objects else None
        if ent is None or ent.label_ not in PLACE_LABELS or len(list(objects[0].subtree)) != len(ent):
            continue
        label = finer_type(ent.label_, clean_entity(ent.text))
        if label == "COUNTRY" and _the_story_s_country(clean_entity(ent.text), sentence.article, context):
            continue  # 'Where have journalists been arrested? Iran' under 'Amnesty calls on Iran to ...'
        stem = _inverted(sentence, clause, context, drop={t.i for t in prep.subtree})
        if stem is None:
            return None
        prompt = finish(f"Where {stem}", sentence, attribution=context.attributed(clause))
        return _candidate(sentence, prompt, clean_entity(ent.text), token_span(sentence, ent), "place", label,
                          "wh_where", 0.7)
    return None


def _the_story_s_country(country: str, article, context: QuizContext) -> bool:
    """The country the headline names and the article is about: asking where, the headline answers."""
    key = name_key(country)
    return key == name_key(context.main_country(article) or "") \
        and re.search(rf"\b{re.escape(key)}\b", name_key(article.title or "")) is not None


def when_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'Kim and Trump met in Hanoi in 2019' -> 'In which year did Kim Jong Un and Donald Trump meet in Hanoi?'"""
    for child in clause.verb.children:
        if child.i < clause.verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "since"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            target, removed = (objects[0] if objects else None), child
        elif child.dep_ == "npadvmod":
            target, removed = child, child
        else:
            continue
        ent = _entity_of(target) if target is not None else None
        if ent is None or ent.label_ != "DATE" or len(list(target.subtree)) != len(ent):
            continue
        wh = _when_word(ent.text, child.lower_)
        if wh is None:
            return None
        stem = _inverted(sentence, clause, context, drop={t.i for t in removed.subtree})
        if stem is None:
            return None
        prompt = finish(f"{wh} {stem}", sentence, attribution=context.attributed(clause))
        return _candidate(sentence, prompt, ent.text, token_span(sentence, ent), "time", "DATE", "wh_when", 0.65)
    return None


def _when_word(date_text: str, preposition: str) -> str | None:
    """Only absolute dates make when-questions; relative ones ('last week') are left to other kinds."""
    if _YEAR.match(date_text):
        return "Since which year" if preposition == "since" else "In which year"
    if _MONTH_YEAR.match(date_text):
        return "When"
    return None


def how_many_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'North Korea launched two missiles' -> 'How many missiles did North Korea launch?'"""
    subjects = [c for c in clause.verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:
        return None  # a misparse: "A system for 3,000 refugees was rejected" has one subject, not two
    for noun in clause.verb.children:
        if noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        numbers = [c for c in noun.children if c.dep_ == "nummod" and c.like_num and not _is_year(c)]
        if len(numbers) != 1 or noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ not in ("NNS", "NNPS"):
            continue  # "One side ..." is no count
        number = numbers[0]
        number_tokens = sorted(number.subtree, key=lambda t: t.i)  # 'about 60 thousand', not 'How many 60 people'
        dropped = {t.i for t in number_tokens} | {c.i for c in noun.children if c.dep_ == "det"}
        noun_tokens = [t for t in noun.subtree if t.i not in dropped]
        if len(noun_tokens) > 6 or any(t.is_punct or t.dep_ in ("appos", "relcl") for t in noun_tokens):
            continue
        if any(t.dep_ == "conj" and any(c.dep_ in ("det", "nummod") for c in t.children) for t in noun_tokens):
            continue  # 'seven CIA employees and a Jordanian officer': is the officer among the seven?
        noun_phrase = phrase(noun_tokens, sentence, context)
        if noun.dep_ == "dobj":
            stem = _inverted(sentence, clause, context, drop={t.i for t in noun.subtree})
            if stem is None:
                return None
            text = f"How many {noun_phrase} {stem}"
        else:
            text = f"How many {noun_phrase} {phrase(_after(clause, max(t.i for t in noun.subtree)), sentence, context)}"
        prompt = finish(text, sentence, attribution=context.attributed(clause))
        span = sentence.span.doc[number_tokens[0].i:number_tokens[-1].i + 1]
        if read_number(span.text) is None or counted_by_a_list(span.text, sentence.span):
            continue  # 'How many parties, the JUI and the PMAP, opposed it?' counts itself
        answer = span.text[0].lower() + span.text[1:] if span[0].pos_ != "PROPN" else span.text  # 'about 60 thousand'
        return _candidate(sentence, prompt, answer, token_span(sentence, span), "number", "NUMBER",
                          "wh_how_many", 0.7)
    return None


_CHANGE_VERBS = frozenset("rise fall climb drop increase decrease grow jump soar decline slip gain lose surge plunge "
                          "slump shrink edge tumble sink".split())
_AMOUNT_LABELS = ("PERCENT", "MONEY")


def how_much_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'Food prices climbed 14.4%' -> 'By how much did food prices climb?';
    'The plan will cost an estimated US$1.1 billion' -> 'How much will the plan cost?'"""
    change = clause.verb.lemma_ in _CHANGE_VERBS
    for child in clause.verb.children:
        if child.i < clause.verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ == "by" and change:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            amount, removed, wh = (objects[0] if objects else None), child, "By how much"
        elif child.dep_ in ("dobj", "npadvmod"):
            amount, removed, wh = child, child, ("By how much" if change else "How much")
        else:
            continue
        ent = _entity_of(amount) if amount is not None else None
        if ent is None or ent.label_ not in _AMOUNT_LABELS:
            continue
        extra = [t for t in amount.subtree if t.i < ent.start or t.i >= ent.end]
        if any(t.dep_ not in ("det", "amod", "advmod", "quantmod") or t.i > ent.start for t in extra):
            continue  # '52 percent of the vote': the amount is part of a longer phrase
        if ent.label_ == "PERCENT" and not change:
            continue  # 'won 52%': how much of what? Left to fill-in
        stem = _inverted(sentence, clause, context, drop={t.i for t in removed.subtree})
        if stem is None:
            return None
        prompt = finish(f"{wh} {stem}", sentence, attribution=context.attributed(clause))
        words = ent[next((k for k, t in enumerate(ent) if t.dep_ not in ("det", "amod")), 0):]  # not 'an estimated'
        if read_number(words.text) is None:
            continue  # 'a few million dollars': no amount to vary or to type
        return _candidate(sentence, prompt, words.text, token_span(sentence, words), "number", "NUMBER",
                          "wh_how_much", 0.7)
    return None


def percentage_question(sentence: Sentence, clause: Clause, context: QuizContext) -> Candidate | None:
    """'About 5% of the world's population is protected by a ban' ->
    'What percentage of the world's population is protected by a ban?'"""
    ent = _entity_of(clause.subject)
    if ent is None or ent.label_ != "PERCENT":
        return None
    whole = [c for c in clause.subject.children if c.dep_ == "prep" and c.lower_ == "of"]
    _, last = _subject_span(clause)
    predicate = _after(clause, last)
    if len(whole) != 1 or len(predicate) < 2 or predicate[0].pos_ not in ("VERB", "AUX"):
        return None
    of_what = phrase(list(whole[0].subtree), sentence, context)
    prompt = finish(f"What percentage {of_what} {phrase(predicate, sentence, context)}", sentence,
                    attribution=context.attributed(clause))
    words = ent[next((k for k, t in enumerate(ent) if t.dep_ not in ("det", "advmod") or t.lower_ in
                      ("about", "nearly", "almost", "around", "over")), 0):]  # 'only' goes, 'about' stays
    if read_number(words.text) is None:
        return None
    answer = words.text[0].lower() + words.text[1:]
    return _candidate(sentence, prompt, answer, token_span(sentence, words), "number", "NUMBER", "wh_how_much", 0.7)


def _is_year(token) -> bool:
    return bool(_YEAR.match(token.text))


_UNNAMED_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "DATE", "TIME")


def _inverted(sentence: Sentence, clause: Clause, context: QuizContext, drop: set[int]) -> str | None:
    """'did North Korea test ...' from 'North Korea tested ...', without the tokens in ``drop``."""
    support = do_support(clause.verb)
    if support is None:
        return None
    aux, lemma = support
    first, last = _subject_span(clause)
    subject = phrase([t for t in clause.tokens if first <= t.i <= last], sentence, context)
    opening = sentence.span.doc[first]
    renamed = opening.i in name_replacements(sentence, context)  # "President Trump's travel ban" keeps its capital
    named = opening.ent_type_ not in ("", *_UNNAMED_LABELS)  # 'More than 60 thousand people' is no name
    if opening.pos_ not in ("PROPN", "PRON") and not named and not renamed and subject[:1].isupper():
        subject = subject[0].lower() + subject[1:]  # 'did fishermen in Aceh rescue', 'did the navy ...'
    subject = re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", subject)
    moved = {t.i for t in clause.verb.children if t.dep_ in ("aux", "auxpass") and t.lower_ == aux}
    if not lemma:
        moved |= {clause.verb.i} if clause.verb.lemma_ == "be" and clause.verb.lower_ == aux else set()
    rest_tokens = _after(clause, last, drop | moved)
    if _who_adrift(rest_tokens):
        return None  # 'Where did Betancourt arrive on 4 July, who had been held ...?': whom does it mean?
    rest = phrase_with(rest_tokens, sentence, context, {clause.verb.i: lemma} if lemma else {})
    if not rest:
        return None
    return f"{aux} {subject} {rest}"


def _candidate(sentence, prompt, answer, answer_span, focus, label, kind, prior) -> Candidate | None:
    if prompt is None or not answer:
        return None
    question = Question(
        type="multiple_choice",
        prompt=prompt,
        answer=answer,
        evidence=[sentence_span(sentence)],
        focus=focus,
        answer_span=answer_span,
        explanation=f"The article says: “{sentence.text.strip()}”",
        kind=kind,
    )
    return Candidate(question, sentence, answer_label=label, needs_distractors=True, prior=prior)
