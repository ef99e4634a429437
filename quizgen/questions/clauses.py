"""Sentence simplification over spaCy's parse: the main clause, its subject, its attribution.

Pure functions over tokens; the generators build their stems from what these return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getInflection

REPORTING_VERBS = frozenset(
    "say tell report confirm announce add state claim warn note write explain insist reveal show "
    "suggest argue believe think accuse deny indicate".split()
)
PRONOUNS = frozenset(
    "he she it they him her them his hers its their theirs this these those we us our i me my you your "
    "himself herself itself themselves".split()
)
_DROP_AT_EDGES = frozenset({"punct", "cc", "mark"})


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
    for sentences whose whole clause makes too long a stem.
    """
    root = sent.root
    attribution = None
    if root.lemma_ in REPORTING_VERBS:
        complements = [t for t in root.children if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX")]
        if complements:
            reporter = _subject(root)
            if reporter is not None and reporter.lower_ in PRONOUNS:
                return None  # "he said ...": whose claim it is can't be named
            if reporter is not None and any(t.pos_ == "PROPN" for t in reporter.subtree):
                attribution = _lower_determiner(subtree_text(reporter))
            root = complements[0]
    if root.pos_ not in ("VERB", "AUX"):
        return None
    tokens = clause_tokens(root, compact)
    if not tokens:
        return None
    return Clause(root, _subject(root), tokens, attribution)


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
            if token.dep_ in OPTIONAL_IN_COMPACT and token.i != verb.i:
                dropped |= {t.i for t in token.subtree}
                if token.i > 0 and token.doc[token.i - 1].text == "," and token.dep_ != "relcl":
                    dropped.add(token.i - 1)
    for child in verb.children:
        if child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX"):
            dropped |= {t.i for t in child.subtree}
            dropped |= {t.i for t in verb.children if t.dep_ == "cc" and t.i < child.i and t.i > verb.i}
        elif child.dep_ in ("advcl", "advmod", "prep", "npadvmod") and _comma_set(child, verb):
            dropped |= {t.i for t in child.subtree}
        elif child.dep_ == "mark":
            dropped.add(child.i)
    for token in verb.subtree:
        if token.dep_ == "appos" and _comma_before(token):
            dropped |= {t.i for t in token.subtree}
    tokens = [t for t in verb.subtree if t.i not in dropped]
    return _trim(tokens)


def _comma_set(child, verb) -> bool:
    """True when a modifier is set off from its verb by a comma ("Meanwhile, ..." or "..., saying ...")."""
    doc = child.doc
    if child.i < verb.i:
        last = max(t.i for t in child.subtree)
        return last + 1 < len(doc) and doc[last + 1].text == ","
    first = min(t.i for t in child.subtree)
    return first > 0 and doc[first - 1].text == ","


def _comma_before(token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in (",", "(", "—", "–")


def _trim(tokens: list) -> list:
    while tokens and (tokens[0].dep_ in _DROP_AT_EDGES or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ in _DROP_AT_EDGES or tokens[-1].is_punct) and tokens[-1].text not in ('"', "”", "’", ")"):
        tokens = tokens[:-1]
    return tokens


def _lower_determiner(text: str) -> str:
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", text)


def is_anaphoric(subject) -> bool:
    """'The pair', 'the agency', 'the team': a definite common noun pointing back to something unnamed."""
    if subject.lower_ in PRONOUNS:
        return True
    if subject.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in subject.subtree):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "another")
               for c in subject.children)


def subtree_text(token) -> str:
    return render(list(token.subtree))


def render(tokens: list, replace: dict[int, str] | None = None) -> str:
    """Join tokens with their own spacing; ``replace`` maps a token index to new text ('' drops it)."""
    replace = replace or {}
    parts = []
    for i, token in enumerate(tokens):
        text = replace.get(token.i, token.text)
        if text == "" and token.i in replace:
            continue
        space = token.whitespace_ if i + 1 < len(tokens) and tokens[i + 1].i == token.i + 1 else " "
        parts.append(text + space)
    out = "".join(parts).strip()
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r",(\s*,)+", ",", out)
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
