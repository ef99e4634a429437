"""People are named in full in every stem: a surname alone becomes the full name the article gives,
whatever the tagger took it for, and nothing else does."""

from __future__ import annotations

import pytest

from quizgen.questions import true_false, wh

FULL_NAMES = [
    # a surname the tagger reads as a place or a body
    ("Romelu Lukaku scored twice for Belgium against Panama in Sochi.",
     "Lukaku did not score a third goal for Belgium in Sochi.", "Romelu Lukaku"),
    ("BBC correspondent Rupert Wingfield-Hayes was expelled from North Korea in May.",
     "Wingfield-Hayes was interrogated by North Korean officials for eight hours in Pyongyang.",
     "Rupert Wingfield-Hayes"),
    # the source of an 'According to ...'
    ("Steve Whitmore, a representative for the Los Angeles Sheriff's office, spoke to LA Weekly.",
     "Whitmore said Daniel Montalvo left his job in Los Angeles on September 24.", "Steve Whitmore"),
]

NOT_A_SURNAME = [
    # 'UN' is no part of Kim Jong Un's name; an acronym is no surname
    ("Kim Jong Un visited a munitions factory in Pyongyang.",
     "The UN placed strong new sanctions on North Korea in March.", "Kim Jong Un"),
    ("Pro-Beijing DAB candidate Ben Chan won a seat in Kowloon.",
     "The DAB won seven seats in the Legislative Council in Hong Kong.", "Pro-Beijing DAB"),
]


def _prompts(parse_sentences, before: str, sentence: str) -> list[str]:
    sentences, context = parse_sentences(f"{before} {sentence}")
    last = sentences[-1]
    return [c.question.prompt for c in true_false.generate(last, context) + wh.generate(last, context)]


@pytest.mark.parametrize(("before", "sentence", "full"), FULL_NAMES)
def test_a_surname_alone_is_named_in_full(parse_sentences, before, sentence, full):
    prompts = _prompts(parse_sentences, before, sentence)
    assert prompts and all(full in p for p in prompts), prompts


@pytest.mark.parametrize(("before", "sentence", "never"), NOT_A_SURNAME)
def test_no_other_word_becomes_a_name(parse_sentences, before, sentence, never):
    prompts = _prompts(parse_sentences, before, sentence)
    assert prompts and not any(never in p for p in prompts), prompts
