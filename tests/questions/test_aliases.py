"""A name the article defines in brackets is the same answer: never in its own stem, accepted when typed."""

from __future__ import annotations

from quizgen.models import Question
from quizgen.pipeline import _accepted, _stem_names_answer
from quizgen.questions.base import Candidate

TEXT = "The Tokyo Electric Power Company (TEPCO) reported deadly levels of radiation at the plant in March 2011."


def _asking(sentence, prompt: str) -> Candidate:
    question = Question(type="short_answer", prompt=prompt, answer="the Tokyo Electric Power Company",
                        evidence=[], focus="organisation")
    return Candidate(question, sentence, answer_label="ORG")


def test_a_stem_naming_the_answer_by_its_abbreviation_is_refused(parse_sentences):
    sentences, context = parse_sentences(TEXT)
    named = _asking(sentences[0], "According to TEPCO, which organisation reported deadly levels of radiation?")
    plain = _asking(sentences[0], "Which organisation reported deadly levels of radiation at the plant in March 2011?")
    assert _stem_names_answer(named, context) and not _stem_names_answer(plain, context)


def test_the_abbreviation_is_an_accepted_answer(parse_sentences):
    _, context = parse_sentences(TEXT)
    assert "TEPCO" in _accepted("the Tokyo Electric Power Company", "ORG", context)


PKK = "Rebels of the Kurdistan Workers' Party (PKK) attacked a police post in Hakkari in October 2011."


def test_an_abbreviation_keeps_its_spelling_and_stands_for_the_whole_name_only(parse_sentences):
    """Each is accepted as the article writes it; 'Party' or 'Workers' Party' alone is no PKK (which
    abbreviates the Kurdish name: the name is the run of capitalised words before the bracket)."""
    _, context = parse_sentences(f"{TEXT} {PKK}")
    assert _accepted("TEPCO", "ORG", context) == ["TEPCO", "Tokyo Electric Power Company"]
    assert _accepted("the Kurdistan Workers' Party", "ORG", context) == [
        "the Kurdistan Workers' Party", "Kurdistan Workers' Party", "PKK"]
    assert _accepted("PKK", "ORG", context) == ["PKK", "Kurdistan Workers' Party"]
    assert _accepted("Workers' Party", "ORG", context) == ["Workers' Party"]
    assert not context.same_thing("Workers' Party", "PKK")
