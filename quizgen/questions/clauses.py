"""Sentence simplification over spaCy's parse: the main clause, its subject, its attribution.

Pure functions over tokens; the generators build their stems from what these return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getInflection

from quizgen.numbers import small_count

REPORTING_VERBS = frozenset(
    "say tell report confirm announce add state claim warn note write explain insist reveal show "
    "suggest argue believe think accuse deny indicate".split()
)
PRONOUNS = frozenset(
    "he she it they him her them his hers its their theirs this these those we us our i me my you your "
    "himself herself itself themselves".split()
)
_DROP_AT_EDGES = frozenset({"punct", "cc", "mark"})
HABITUAL = frozenset("regularly usually often always generally typically frequently sometimes".split())
GENDERED = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})


@dataclass
class Clause:
    """The main clause of a sentence: its verb, subject and the tokens that belong to it."""

    verb: object  # spacy Token
    subject: object | None
    tokens: list  # spacy Tokens in order
    attribution: str | None  # "KCNA" for "KCNA said that ..."

    @property
    def negated(self) -> bool:
        return any(t.dep_ == "neg" for t in self.verb.children)


def main_clause(sent, compact: bool = False) -> Clause | None:
    """The clause a question can be asked about, with reporting frames peeled off.

    ``compact`` also drops relative clauses, adverbial clauses and participle phrases,
    for sentences whose whole clause makes too long a stem. Worked out once a sentence (every
    generator asks for it) and kept with the parse; callers must not change it.
    """
    found = sent.doc.user_data.setdefault("quizgen_main_clauses", {})
    key = (sent.start, sent.end, compact)
    if key not in found:
        found[key] = _main_clause(sent, compact)
    return found[key]


def _main_clause(sent, compact: bool) -> Clause | None:
    root = sent.root
    attribution = None
    if root.lemma_ in REPORTING_VERBS:
        complements = [t for t in root.children if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX")]
        complements = complements or _misattached_complements(root)
        if len(complements) > 1 and any(_subject(c) is None for c in complements):
            return None  # 'revealed that a defector called the Sea Org was persuaded': a clause lost its subject
        if complements and any(c.dep_ == "auxpass" for c in root.children):
            return None  # 'Petraeus was told Bahrain sought support': he heard it, and who said it is unsaid
        if complements and not _keeps_frame(_subject(root), _subject(complements[0])):
            reporter = _subject(root)
            if reporter is not None and any(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")
                                            for t in reporter.subtree):  # not 'one source from October 2004'
                attribution = _reporter_name(reporter)
                if len(attribution.split()) > MAX_ATTRIBUTION_WORDS:
                    return None  # 'According to Executive director of the Dallas chapter of ...': misread
            root = complements[0]
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(root)
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        return None  # '... an action filed in Dublin that also targets Channel 4': 'that' is no one to ask about
    tokens = clause_tokens(root, compact)
    if not tokens or any(_misparsed_verb(t) for t in tokens if t.i != root.i):
        return None
    return Clause(root, _subject(root), tokens, attribution)


_CLAUSE_LINKS = frozenset({"ccomp", "relcl", "advcl", "xcomp", "conj", "acl", "csubj", "pcomp", "parataxis"})


def _misparsed_verb(token) -> bool:
    """A finite verb with its own subject hung on the clause as an object or attribute ('Myanmar is
    mainly Buddhist and the United Nations rates ...' read as 'is ... rates'): the parse is wrong."""
    return token.tag_ in ("VBZ", "VBD", "VBP") and token.dep_ not in _CLAUSE_LINKS \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


MAX_ATTRIBUTION_WORDS = 8


def _misattached_complements(verb) -> list:
    """'said in a separate cable that Kim did not attend': the parser hangs the that-clause on 'cable'."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for token in prep.subtree:
            if token.dep_ in ("relcl", "acl") and token.pos_ in ("VERB", "AUX") and _subject(token) is not None \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                out.append(token)
    return out


def _keeps_frame(reporter, inner_subject) -> bool:
    """Keep 'North Korea said it would ...' whole: the pronoun inside needs the reporter to stand for."""
    if reporter is None:
        return False
    if reporter.lower_ in PRONOUNS:
        return True
    return inner_subject is not None and inner_subject.lower_ in PRONOUNS


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    return None


OPTIONAL_IN_COMPACT = frozenset({"relcl", "advcl", "acl", "appos", "parataxis", "npadvmod"})


def clause_tokens(verb, compact: bool = False) -> list:
    """The verb's subtree without coordinated clauses, comma-set adverbials, appositives and edge punctuation."""
    dropped: set[int] = set()
    if compact:
        for token in verb.subtree:
            if token.dep_ in OPTIONAL_IN_COMPACT and token.i != verb.i and not _names_its_head(token) \
                    and not _inside_a_time(token) and not _done_to_the_object(token):
                dropped |= _with_commas(token) if token.dep_ == "appos" else {t.i for t in token.subtree}
                first = min(t.i for t in token.subtree)
                if first > 0 and token.doc[first - 1].text == "," and token.dep_ != "relcl":
                    dropped.add(first - 1)
    for child in verb.children:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if child.dep_ in ("conj", "parataxis") and (child.pos_ in ("VERB", "AUX") or own_subject):
            dropped |= {t.i for t in child.subtree}
            dropped |= {t.i for t in verb.children if t.dep_ == "cc" and t.i < child.i and t.i > verb.i}
        elif child.dep_ in ("advcl", "advmod", "prep", "npadvmod") and _comma_set(child, verb) \
                and child.lower_ not in SCOPE_ADVERBS:
            dropped |= {t.i for t in child.subtree}
        elif child.dep_ == "relcl" or (child.i > verb.i and _relative(child)):
            # a relative clause hung on a verb is misparsed: its noun is elsewhere ('arrived in France, ...,
            # who had kept her captive')
            dropped |= {t.i for t in child.subtree}
        elif child.dep_ == "mark":
            dropped.add(child.i)
    for token in verb.subtree:
        if token.dep_ == "appos" and _comma_before(token) and _closed_after(token) and not _names_its_head(token) \
                and not any(a.dep_ == "appos" and a.i not in dropped for a in token.ancestors):
            dropped |= _with_commas(token)  # 'from Irving, Texas,' inside a kept appositive stays whole
    tokens = [t for t in verb.subtree if t.i not in dropped]
    return _trim(tokens)


# 'Traditionally, NASA launched from Florida': without it the clause says something else
SCOPE_ADVERBS = frozenset("traditionally historically previously formerly originally initially once "
                          "normally typically generally usually".split())


def _relative(clause) -> bool:
    """A clause whose subject is 'which' or 'who', however the parse labelled it ('..., which stretches
    from Afghanistan to North Pakistan' read as an adverbial clause of 'hit')."""
    return clause.dep_ in ("advcl", "ccomp", "conj") and clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children)


def _done_to_the_object(token) -> bool:
    """'had firewall plates ... confiscated by NASCAR': without the participle, 'had plates' says nothing."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "dobj" \
        and token.head.head.lemma_ in ("have", "get")


def _inside_a_time(token) -> bool:
    """'year' in 'a year ago', 'days' in 'two days later': part of a time phrase, not a modifier of its own."""
    return token.dep_ == "npadvmod" and token.ent_type_ == "DATE" and token.head.ent_type_ == "DATE" \
        and token.head.pos_ not in ("VERB", "AUX")


def _with_commas(appositive) -> set[int]:
    """An appositive's tokens and the commas that set it off: ', a practising homeopath,'."""
    ids = {t.i for t in appositive.subtree}
    first, last = min(ids), max(ids)
    doc = appositive.doc
    return ids | {i for i in (first - 1, last + 1) if 0 <= i < len(doc) and doc[i].text == ","}


def _comma_set(child, verb) -> bool:
    """True when a modifier is set off from its verb by a comma ("Meanwhile, ..." or "..., saying ...")."""
    doc = child.doc
    if child.i < verb.i:
        last = max(t.i for t in child.subtree)
        return last + 1 < len(doc) and doc[last + 1].text == ","
    first = min(t.i for t in child.subtree)
    return first > 0 and doc[first - 1].text == ","


def _names_its_head(appos) -> bool:
    """'Co-founder of Google, Sergey Brin, ...': the appositive is the name, so it stays."""
    return appos.ent_type_ == "PERSON" or (appos.pos_ == "PROPN" and appos.head.pos_ == "NOUN")


def _comma_before(token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in (",", "(", "—", "–")


def _closed_after(token) -> bool:
    """The phrase ends where the sentence or a comma, bracket or dash closes it: 'the voice of Batman in
    Batman: The Animated Series' parsed short of its title must not be cut at the colon."""
    last = max(t.i for t in token.subtree)
    doc = token.doc
    return last + 1 >= len(doc) or doc[last].text == "," or doc[last + 1].text in (",", ")", "—", "–", ".", ";")


_EDGE_PUNCTUATION = frozenset(",;:.-—–!?")


def _trim(tokens: list) -> list:
    """Drop conjunctions, markers and separating punctuation at either end (not '%' or closing quotes)."""
    while tokens and (tokens[0].dep_ in _DROP_AT_EDGES or tokens[0].text in _EDGE_PUNCTUATION):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ in ("cc", "mark") or tokens[-1].text in _EDGE_PUNCTUATION):
        tokens = tokens[:-1]
    return tokens


def _reporter_name(reporter) -> str:
    """'Major general Fuad Basya, spokesman for the military' -> 'Major general Fuad Basya';
    'Executive director of the Dallas chapter of ... Alia Salem' -> 'Alia Salem'."""
    subtree = {t.i for t in reporter.subtree}
    people = [e for e in reporter.doc.ents if e.label_ == "PERSON" and e.root.i in subtree]
    if people and len(subtree) > 6:
        return people[0].text
    dropped = {t.i for child in reporter.children if child.dep_ in ("appos", "relcl", "acl", "punct")
               for t in child.subtree}
    return _lower_determiner(render([t for t in reporter.subtree if t.i not in dropped]))


def _lower_determiner(text: str) -> str:
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", text)


BACK_POINTING_NOUNS = frozenset(
    "president minister leader spokesman spokeswoman spokesperson official chairman chief agency team company "
    "firm group man woman boy girl child pair couple family country government party ministry department "
    "organisation organization report reports statement decision move deal plan project study incident attack "
    "event city town club victim suspect player singer actor author journalist reporter researcher side "
    "visitors hosts champions holders".split()
)


def plural_verb(token) -> bool:
    """'unveil', 'are', 'were': after one person's name, a sign of a list the parse did not join."""
    return token.tag_ == "VBP" or token.lower_ in ("are", "were")


def one_of_several(verb) -> bool:
    """'was a defendant in the Anfal trial', 'is one of the organisers': so were others of the story."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and (c.lower_ == "one" or any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children))
        for c in verb.children)


def is_anaphoric(subject) -> bool:
    """'The pair', 'the agency', 'The President', 'Sixteen', 'The Portuguese': a definite noun, a bare
    number or a nationality pointing back to someone unnamed.

    Generic definites ('the police', 'the storm', 'the festival') stand alone and pass.
    """
    if subject.lower_ in PRONOUNS:
        return True
    if subject.like_num and not any(c.dep_ == "prep" for c in subject.children):
        return True  # 'Sixteen were non-white': sixteen of the jurors named in another sentence
    if subject.ent_type_ == "NORP" and [c.lower_ for c in subject.children] == ["the"]:
        return True  # 'The Portuguese ...': Mourinho, named in another sentence
    if any(c.dep_ in ("det", "amod") and c.lower_ in ("another", "other") for c in subject.children):
        return True  # "Another expert, ...", "Other pro-Beijing candidates ..."
    named = [t for t in subject.subtree if t.pos_ == "PROPN" and t.lower_ not in BACK_POINTING_NOUNS]
    if named or subject.lower_ not in BACK_POINTING_NOUNS or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "this", "that", "these", "those", "another", "both")
               for c in subject.children)


CONNECTIVES = frozenset(
    "however meanwhile also instead subsequently then therefore thus still nevertheless consequently "
    "furthermore moreover additionally later earlier".split()
)


def counted_by_a_list(number_text: str, span) -> bool:
    """A small count the sentence's own list of names gives away: 'two people, Teresa Shook and Bob
    Bland', 'the two parties' after naming both, 'three other locations, the Baa Atoll and ...'."""
    count = small_count(number_text)
    return count is not None and count in _names_listed(span)


def _names_listed(span) -> set[int]:
    """How many items each list of the sentence has that names something."""
    counts = set()
    for token in span:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        items, todo = [token], [token]
        while todo:
            conjuncts = [c for c in todo.pop().children if c.dep_ == "conj"]
            items += conjuncts
            todo.extend(conjuncts)
        names = [t for t in items if t.ent_type_ or t.pos_ in ("NOUN", "PROPN")]  # not a verb the parse put first
        if len(names) > 1 and any(t.ent_type_ or any(c.ent_type_ for c in t.children) for t in names):
            counts.add(len(names))
    return counts


def quoted_tokens(tokens) -> set[int]:
    """The indices of the tokens inside quotation marks (double, curly, or single ones opened after a
    space: 'the teams' coach' has an apostrophe, not a quotation)."""
    inside: set[int] = set()
    opened = None
    for token in tokens:
        previous = token.doc[token.i - 1] if token.i > 0 else None
        opening = token.text in ('“', '‘') or (token.text in ('"', "'") and opened is None and (
            previous is None or previous.whitespace_) and not token.whitespace_)
        if opened is None and opening:
            opened = token.text
        elif opened is not None and token.text in ('"', "'", '”', '’') and (
                token.text == opened or opened in ('“', '‘')):
            opened = None
        elif opened is not None:
            inside.add(token.i)
    return inside


def render(tokens: list, replace: dict[int, str] | None = None) -> str:
    """Join tokens with their own spacing; ``replace`` maps a token index to new text ('' drops it).

    A dropped token hands its trailing space to the text before it, so 'Wingfield-Hayes was'
    with the name replaced reads '_____ was', not '_____was'.
    """
    replace = dict(replace or {})
    first = tokens[0].i if tokens else None
    for token in tokens:  # "also", "instead", "subsequently" point back to the sentence before
        following_comma = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","
        standalone = not list(token.children) and (
            token.i == first or following_comma or token.lower_ in ("also", "instead", "subsequently"))
        if token.dep_ == "advmod" and token.lower_ in CONNECTIVES and standalone and token.i not in replace:
            replace[token.i] = ""
            following = token.i + 1 < len(token.doc) and token.doc[token.i + 1]
            if following and following.text == "," and following.i not in replace:
                replace[following.i] = ""
    present = {t.i for t in tokens}
    doc = tokens[0].doc if tokens else None
    for token in tokens:  # the commas round a connective taken out: 'is, [however,] illegal' ('X, also Y' keeps its)
        if token.lower_ in CONNECTIVES or token.text != "," or token.i + 2 >= len(doc):
            continue
        connective, after = doc[token.i + 1], doc[token.i + 2]
        if connective.lower_ in CONNECTIVES and connective.dep_ == "advmod" and after.text == "," and (
                connective.i not in present or replace.get(connective.i) == ""):
            replace.setdefault(token.i, "")
            replace.setdefault(after.i, "")
    texts: list[str] = []
    spaces: list[str] = []
    for i, token in enumerate(tokens):
        adjacent = i + 1 < len(tokens) and tokens[i + 1].i == token.i + 1
        space = token.whitespace_ if adjacent else " "
        if replace.get(token.i, None) == "":
            if spaces:
                spaces[-1] = space
            continue
        texts.append(replace.get(token.i, token.text))
        spaces.append(space)
    out = "".join(t + s for t, s in zip(texts, spaces)).strip()
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r",(\s*,)+", ",", out)
    out = re.sub(r"([;:]),", r"\1", out)
    out = re.sub(r"\(\s*\)|\[\s*\]", "", out)
    return re.sub(r"\s{2,}", " ", out)


def has_pronoun(tokens: list) -> bool:
    """A pronoun a reader can't resolve without the sentence before (possessive 'its' included)."""
    for token in tokens:
        lower = token.lower_
        if lower in ("this", "these", "that", "those") and token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue  # determiners ("this factory") are judged by the relative-time filter
        if lower in PRONOUNS and token.pos_ in ("PRON", "DET"):
            return True
    return False


def do_support(verb) -> tuple[str, str] | None:
    """For "X tested Y": ('did', 'test'). For an auxiliary verb: (aux, rest). None if unknown."""
    auxes = [t for t in verb.children if t.dep_ in ("aux", "auxpass") and t.i < verb.i]
    if auxes:
        return auxes[0].text.lower(), ""
    if verb.lemma_ == "be":
        return verb.text.lower(), ""
    if verb.tag_ == "VBD":
        return "did", verb.lemma_
    if verb.tag_ == "VBZ":
        return "does", verb.lemma_
    if verb.tag_ == "VBP":
        return "do", verb.lemma_
    return None


def third_person(verb) -> str:
    """The verb's form after 'Who': 'have' -> 'has', 'were' -> 'was', 'launch' -> 'launches'."""
    forms = {"have": "has", "are": "is", "were": "was", "do": "does"}
    lower = verb.text.lower()
    if lower in forms:
        return forms[lower]
    if verb.tag_ == "VBP":
        inflected = getInflection(verb.lemma_, tag="VBZ")
        return inflected[0] if inflected else verb.text
    return verb.text


def past_form(lemma: str, tag: str = "VBD") -> str:
    inflected = getInflection(lemma, tag=tag)
    return inflected[0] if inflected else lemma
