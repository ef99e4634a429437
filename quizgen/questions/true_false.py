"""True/false statements from simplified sentences; false ones change one fact of substance."""

from __future__ import annotations

import re

from quizgen.models import Question
from quizgen.nlp import Sentence
from quizgen.numbers import nearby_values, read_number
from quizgen.questions.base import Candidate, sentence_span
from quizgen.questions.clauses import (GENDERED, HABITUAL, REPORTING_VERBS, counted_by_a_list, main_clause,
                                      one_of_several, past_form, plural_verb, quoted_tokens)
from quizgen.questions.context import QuizContext, clean_entity, finer_type, name_key, side_keys, with_article
from quizgen.questions.stems import about_the_reporting, finish, fits, phrase_with, subject_stands_alone

MIN_CLAUSE_TOKENS = 6
SWAPPABLE = ("PERSON", "ORG", "ORG_MEDIA", "COUNTRY", "GPE_OTHER")
SWAPPABLE_AS_SUBJECT = ("PERSON", "COUNTRY")
SWAPPABLE_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "nummod")
NOT_NEGATABLE = frozenset(
    "no not never none nobody nothing without neither nor hardly few some several many most all each every "
    "may might could would should can must unable fail failed fails refuse refused refuses lack lacked "
    "deny denied denies finally eventually already still just only even throughout entire entirely whole "
    "completely fully likely probably possibly reportedly allegedly apparently about around approximately "
    "roughly various".split()
)  # ... and 'unable', 'failed': 'did not become unable' is a double negative; 'was not finally taken'
#    and 'did not only ...' deny the adverb, not the fact; 'did not run throughout the weekend', 'did
#    not rebuild it entirely' and 'did not top the charts in various countries' may be read as true;
#    'was not likely murdered' denies a hedge
BOUNDS = frozenset({"over", "more than", "less than", "fewer than", "at least", "up to", "under", "nearly", "almost"})


def generate(sentence: Sentence, context: QuizContext) -> list[Candidate]:
    """A false statement where one can be made, and the true one; the ranker keeps the two in balance."""
    full = _statements(sentence, context, compact=False)
    if full and all(fits(c.question.prompt) for c in full):
        return full
    return [c for c in _statements(sentence, context, compact=True) if fits(c.question.prompt)]


def _statements(sentence: Sentence, context: QuizContext, compact: bool) -> list[Candidate]:
    clause = main_clause(sentence.span, compact)
    if clause is None or clause.subject is None or not subject_stands_alone(sentence, clause.subject, context):
        return []
    tokens = [t for t in clause.tokens if t.lower_ != "also"]
    if len(tokens) < MIN_CLAUSE_TOKENS or clause.subject.i > clause.verb.i or any(t.lower_ in HABITUAL for t in tokens):
        return []
    if any(c.lower_ in HABITUAL for c in clause.verb.children):
        return []  # 'Usually, IE is the #2 browser, but ...': the clause without its hedge is neither true nor false
    colon = next((t.i for t in sentence.span if t.text == ":"), None)
    if colon is not None and any(t.i > colon for t in tokens):
        return []  # a list or quotation after a colon does not survive the clause's simplification
    if tokens[-1].tag_ == "VB" or tokens[-1].dep_ in ("prep", "det", "aux"):
        return []  # "The robots were required to recognize.": the clause lost its object
    if sum(1 for c in clause.verb.children if c.dep_ in ("nsubj", "nsubjpass")) > 1:
        return []  # a misparse ("A system for 3,000 refugees was rejected" read with two subjects)
    if not _finite(clause.verb) or about_the_reporting(clause):
        return []  # "A defector from the group called the Sea Org.": no sentence at all
    out = []
    if clause.negated:
        out.append(_negation_removed(sentence, clause, tokens, context))
    else:
        out.append(_entity_swapped(sentence, tokens, context, context.attributed(clause))
                   or (_negation_added(sentence, clause, tokens, context) if context.central(sentence) else None))
        if context.central(sentence):
            out.append(_statement(sentence, tokens, context, {}, context.attributed(clause), true=True, note=""))
    return [c for c in out if c is not None]


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _negation_removed(sentence, clause, tokens, context) -> Candidate | None:
    """'Kim did not attend the tests' -> 'Kim Jong Un attended the tests.' (false)"""
    verb = clause.verb
    negs = [t for t in verb.children if t.dep_ == "neg"]
    auxes = [t for t in verb.children if t.dep_ == "aux" and t.lower_ in ("did", "does", "do")]
    if not negs or not auxes:
        return None
    tag = {"did": "VBD", "does": "VBZ", "do": "VBP"}[auxes[0].lower_]
    replace = {negs[0].i: "", auxes[0].i: "", verb.i: past_form(verb.lemma_, tag)}
    return _statement(sentence, tokens, context, replace, context.attributed(clause), true=False,
                      note="the article says the opposite")


def _negation_added(sentence, clause, tokens, context) -> Candidate | None:
    """'Team Estonia had to rebuild its robot' -> 'Team Estonia did not have to rebuild its robot.' (false)

    Only for a named subject and a plain statement: with 'some', a number, a modal or a negative word
    already in it, the denial need not be false.
    """
    verb, subject = clause.verb, clause.subject
    if subject.pos_ != "PROPN" or any(t.lower_ in NOT_NEGATABLE or t.lemma_ in NOT_NEGATABLE for t in tokens):
        return None
    if verb.lemma_ in REPORTING_VERBS or verb.lemma_ in ("observe", "note", "comment", "describe", "call"):
        return None  # 'The Deseret News did not observe that ...' denies the reporting, not the news
    if any(t.ent_type_ == "ORDINAL" for t in tokens):
        return None  # 'did not score a third goal': no third of his own, or not the team's third?
    if any(c.dep_ in ("det", "nummod") for c in subject.children if c.lower_ != "the"):
        return None
    if not _past_event(verb):
        return None
    if any(c.dep_ == "advmod" and c.i < verb.i and c.lower_ != "also" for c in verb.children):
        return None  # 'temporarily did not transfer power', 'effectively did not take control'
    if _goes_on_after_a_comma(verb, tokens):
        return None  # 'did not fly to Tanzania, where he will stay three nights': the rest says it did
    if any(c.dep_ == "acomp" for c in verb.children):
        return None  # 'did not become "very agitated"': a changed mood, not an event, and how far is unsaid
    auxes = [t for t in verb.children if t.dep_ == "auxpass" and t.i < verb.i]
    replace = {auxes[0].i: f"{auxes[0].text} not"} if auxes else {verb.i: f"did not {verb.lemma_}"}
    denial = _statement(sentence, tokens, context, replace, context.attributed(clause), true=False,
                        note="the article says it did")
    if denial is not None:
        denial.prior = 0.5  # a bare denial tests less than a changed fact, and no more than the true copy
        denial.answer_label = "DENIAL"  # the ranker keeps these few: 'did not' again and again is a template
    return denial


def _goes_on_after_a_comma(verb, tokens) -> bool:
    """After the verb, a comma that opens a clause of its own ('..., where he will stay', '..., which
    carried 300 people', '..., killing two'), not one inside a place or a date ('in Kourou, French Guiana')."""
    kept = {t.i for t in tokens}
    for t in tokens:
        if t.text != "," or t.i <= verb.i or t.i + 1 not in kept:
            continue
        after = t.doc[t.i + 1]
        if after.lower_ in ("where", "which", "who", "whose", "when", "while") or after.tag_ == "VBG" \
                or after.dep_ in ("relcl", "advcl") or after.head.dep_ in ("relcl", "advcl"):
            return True
    return False


def _past_event(verb) -> bool:
    """'Google set a delay', 'ProtoStar-1 was launched': a past event, whose denial is plainly false.
    Not a state ('Malaria is caused by'), a perfect ('has died') or a copula ('was in tears')."""
    auxes = [t for t in verb.children if t.dep_ in ("aux", "auxpass") and t.i < verb.i]
    if verb.lemma_ == "be" and verb.dep_ != "auxpass" and not auxes:
        return False
    if not auxes:
        return verb.tag_ == "VBD"
    return len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lower_ in ("was", "were") \
        and verb.tag_ == "VBN"


def _entity_swapped(sentence, tokens, context, attribution: str | None) -> Candidate | None:
    """Swap one named entity for another of the same kind from the quiz's articles, or change a number (false)."""
    token_ids = {t.i for t in tokens}
    doc = sentence.span.doc
    # a changed number or date first: another person or country can make an absurd statement
    measures = ("CARDINAL", "DATE", "TIME")
    ordered = [e for e in sentence.span.ents if e.label_ in measures] + \
        [e for e in sentence.span.ents if e.label_ not in measures]
    quoted = quoted_tokens(sentence.span)
    for ent in ordered:
        if not all(t.i in token_ids for t in ent) or ent.root.dep_ not in SWAPPABLE_ROLES:
            continue
        if ent.start in quoted:
            continue  # a changed word inside a quotation misquotes someone
        if ent.label_ in ("DATE", "TIME"):
            changed = _changed_time(ent, sentence)
            if changed:
                return _statement(sentence, tokens, context, {ent[0].i: changed, **{t.i: "" for t in ent[1:]}},
                                  attribution, true=False, note=f"it was {ent.text}, not {changed}")
            continue
        if ent.label_ != "CARDINAL" and not ent.text[:1].isupper():
            continue
        if ent.start > sentence.span.start and doc[ent.start - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # "North Korean leader Kim Jong Un": another name after a title makes nonsense
        if ent.root.dep_ == "pobj" and not _acted_on(ent.root.head):
            continue  # "the island of Lesbos", "the plant in Detroit": a place inside a description
        if _coordinated(ent):
            continue  # "Argentina and Mexico defended well": one of two changed reads as nonsense or half true
        if ent.label_ == "PERSON" and any(c.dep_ == "poss" for c in ent.root.children):
            continue  # "Civic Party's Jeremy Tam": another person would not be of that party
        if ent.label_ == "PERSON" and ent.root.dep_ == "nsubj" and plural_verb(ent.root.head):
            continue  # 'Vivienne Tam, ... unveil their collections': one of a list the parse did not join
        if ent.label_ == "PERSON" and any(t.lower_ in GENDERED for t in tokens):
            continue  # "Serena Williams won her first match": another person would not fit "her"
        if ent.label_ == "PERSON" and ent.end < len(doc) and doc[ent.end].lower_ in ("of", "from", ","):
            continue  # "Matthew Ingram of The Globe and Mail": the affiliation belongs to the person
        if ent.label_ == "CARDINAL":
            changed = _changed_number(ent, sentence)
            if changed:
                return _statement(sentence, tokens, context, {ent[0].i: changed, **{t.i: "" for t in ent[1:]}},
                                  attribution, true=False, note=f"the number is {ent.text}, not {changed}",
                                  changed=ent.text)
            continue
        if not _doer_or_place(ent) or (ent.root.dep_ == "nsubj" and one_of_several(ent.root.head)):
            continue  # 'reached out to South Korea', 'was a defendant in the trial': others may be true as well
        if any(char.isdigit() for char in ent.text) or (ent.end < len(doc) and doc[ent.end].text.isdigit()):
            continue  # 'Adam Air Flight 574' is a flight, whatever the tagger calls it: no person or body fits
        label = finer_type(ent.label_, clean_entity(ent.text))
        allowed = SWAPPABLE_AS_SUBJECT if ent.root.dep_ in ("nsubj", "nsubjpass") else SWAPPABLE
        if label not in allowed or not context.plausible(label, clean_entity(ent.text)):
            continue  # "Hanoi restarted its missile tests": a city as the doer is the government, not a place
        original = context.full_name(ent.text) if ent.label_ == "PERSON" else clean_entity(ent.text)
        others = [o for o in context.same_kind(label, original, use_bank=False)
                  if not _named_in(o, sentence.text, label)
                  and (label != "GPE_OTHER" and ent.root.dep_ != "pobj" or context.placed[name_key(o)])
                  and not context.nested(original, o)  # 'in Scotland' for 'in Lochboisdale' is still true
                  and (label != "PERSON" or _on_a_side_named(o, sentence, context))]
        if not others:
            continue
        replacement = others[0] if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else with_article(others[0])
        replace = {ent[0].i: replacement + ent.text[len(clean_entity(ent.text)):]}
        replace.update({t.i: "" for t in ent[1:]})
        return _statement(sentence, tokens, context, replace, attribution, true=False,
                          note=f"it was {original}, not {others[0]}")
    return None


def _on_a_side_named(person: str, sentence, context) -> bool:
    """Whether a person swapped in is ever named with a country, nation or body the sentence names: 'Harry
    Kane missed a chance to put Sweden in the lead' is absurd, 'Andreas Granqvist ...' is plainly false."""
    named = side_keys(sentence.span.ents)
    return not named or bool(named & context.sides(person))


def _named_in(name: str, text: str, label: str) -> bool:
    """The sentence names it already, a person even by surname alone: 'Bush referred to Bush's speech'."""
    key, words = name_key(name), name_key(text)
    if key in words:
        return True
    return label == "PERSON" and re.search(rf"\b{re.escape(key.split()[-1])}\b", words) is not None


def _coordinated(ent) -> bool:
    """An entity joined to another by 'and' or 'or': 'Syria and all refugees' with one changed is half
    true, and 'Germany and Mexico defended well' (of Argentina's match) is nonsense rather than false."""
    root = ent.root
    return any(c.dep_ == "conj" for c in root.children) or root.dep_ == "conj"


def _doer_or_place(ent) -> bool:
    """Who did it, or where it happened: one of each per event, so another one is plainly false. An
    object, a partner or a source is not exclusive ('Biden reached out to Japan' does not make
    'reached out to South Korea' false)."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside")


def _acted_on(preposition) -> bool:
    """'visited in Ottawa', 'sanctions on North Korea': the verb or its object reaches the entity."""
    if preposition.head.pos_ in ("VERB", "AUX"):
        return True
    return preposition.lower_ in ("on", "against", "with", "to", "from") and preposition.head.dep_ == "dobj"


_FUTURE = re.compile(r"\b(will|shall|(is|are) (due|to|scheduled|expected)|plans? to|expects? to)\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(in |since )?((?:19|20)\d\d)$")
_SPAN_OF_TIME = re.compile(r"^((?:the age of )?(?:about |nearly |almost )?)(\w+) (hours?|days?|weeks?|months?|years?)$",
                           re.IGNORECASE)


def _changed_time(ent, sentence) -> str | None:
    """A clearly different year ('in 2019' -> 'in 2016', one the article never names) or span of time
    ('four months' -> 'eight months'); none for dates relative to the article's ('on Tuesday')."""
    text = ent.text.strip()
    when = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "since", "by", "until") or text.startswith("in ")
    if (match := _YEAR_ONLY.match(text)) and when:  # not 'the 2018 World Cup', 'the 2014 protests': names
        year = int(match.group(2))
        named = set(re.findall(r"\b(?:19|20)\d\d\b", sentence.article.text))
        now = sentence.article.date.year if sentence.article.date else None
        future = _FUTURE.search(sentence.text) is not None
        # the same side of the article's own year: a vote 'early in 2016' moved to 2013 is past already
        ahead = year > now or (year == now and future) if now is not None else future
        steps = (3, 4) if ahead else (-3, -4)
        other = next((year + s for s in steps if str(year + s) not in named), None)
        return f"{match.group(1) or ''}{other}" if other else None
    if (match := _SPAN_OF_TIME.match(text)) and (number := read_number(match.group(2))) is not None \
            and 1 < number.value < 1000:
        return f"{match.group(1) or ''}{number.render(number.value * 2)} {match.group(3)}"
    return None


def _changed_number(ent, sentence) -> str | None:
    """A clearly different number: 'about 80' -> 'about 160'; none for bounds ('over 700' stays true at 350)."""
    number = read_number(ent.text)
    before = ent.doc[max(ent.start - 2, 0):ent.start].text.lower()
    if number is None or number.value <= 1 or 1800 <= number.value <= 2100 or number.qualifier in BOUNDS \
            or any(before.endswith(bound) for bound in BOUNDS) or counted_by_a_list(ent.text, sentence.span):
        return None  # 'three organisations, the CCR and the ACLU' would be false on its face
    if _figures_beside(ent, sentence) >= 2 or any(t.lower_ == "both" for t in sentence.span):
        return None  # 'dropped by 4,000 from 265,000 to 257,000', 'the three losses were both': sums give it away
    if number.qualifier:
        return number.render(number.value * 2)
    options = [v for v in nearby_values(number, []) if v > 1]
    return number.render(options[0]) if options else None


def _figures_beside(ent, sentence) -> int:
    """How many other counts the sentence gives (years and dates aside)."""
    return sum(1 for other in sentence.span.ents if other.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
               and other.start != ent.start and read_number(other.text) is not None)


def _statement(sentence, tokens, context, replace, attribution, *, true: bool, note: str,
               changed: str | None = None) -> Candidate | None:
    text = finish(phrase_with(tokens, sentence, context, replace), sentence, attribution=attribution, question=False)
    if text is None:
        return None
    verdict = "True" if true else "False"
    explanation = f"{verdict}: the article says “{sentence.text.strip()}”"
    if note:
        explanation += f" ({note})."
    question = Question(
        type="true_false",
        prompt=text,
        answer=verdict,
        choices=["True", "False"],
        evidence=[sentence_span(sentence)],
        focus="event",
        answer_span=None,
        explanation=explanation,
        kind="true_false",
    )
    # a changed fact tests more than a copied one, but both were judged far below the asked kinds on
    # unseen articles (rounds 17-18: false 41%, true 50%, who/how many 58-70%)
    return Candidate(question, sentence, answer_label="STATEMENT", prior=0.5 if true else 0.55, changed=changed)
