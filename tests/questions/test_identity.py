"""Who is who: a person's description where the article introduces them, with the other people's
descriptions as the options."""

from __future__ import annotations

import pytest

from quizgen.questions import identity

MATCH = ("English captain Harry Kane scored twice against Tunisia in Volgograd. Swedish captain Andreas Granqvist "
         "scored a penalty against South Korea. Panama coach Hernan Dario Gomez praised his players in Sochi. "
         "English defender Kyle Walker was booked for a foul on Fakhreddine Ben Youssef. Belgian striker Romelu "
         "Lukaku scored twice against Panama.")

DESCRIBED = [
    # a title before the name; 'the' for a post with one holder, 'a'/'an' as the words sound
    (MATCH, "Harry Kane", "the English captain"),
    (MATCH, "Kyle Walker", "an English defender"),
    # an appositive after the name
    ("Fuad Basya, a spokesman for the Indonesian military, said the boat sank near Aceh. "
     "US State Department spokesman Jeff Rathke urged Malaysia to help. Malaysian Prime Minister Najib Razak "
     "met officials in Kuala Lumpur. Rohingya leader Muhammad Yunus spoke to the BBC in Dhaka.",
     "Fuad Basya", "a spokesman for the Indonesian military"),
    ("John Cornyn, a US Senator from Texas, criticised NASA in Houston. NASA administrator Charles "
     "Bolden announced the decision in Florida. Washington governor Chris Gregoire praised the Museum of "
     "Flight. Bonnie Dunbar, a former astronaut, led the Seattle bid.",
     "John Cornyn", "a US Senator from Texas"),
]

NOT_DESCRIBED = [
    # three described people are too few for three wrong options
    ("English captain Harry Kane scored twice against Tunisia in Volgograd. Swedish captain Andreas Granqvist "
     "scored a penalty against South Korea. Panama coach Hernan Dario Gomez praised his players in Sochi.",
     "Harry Kane"),
    # 'his father' points back; two people both called 'Prime Minister' leave each option true of both
    ("Ahmed Mohamed, a student at MacArthur High School, built a clock in Irving. Mohamed Elhassan Mohamed, "
     "his father, spoke to reporters in Texas. Prime Minister Rishi Sunak spoke in London. "
     "Prime Minister Boris Johnson spoke in Kent. Facebook creator Mark Zuckerberg invited him to California.",
     "Mohamed Elhassan Mohamed"),
]


def _questions(parse_sentences, text: str) -> dict:
    sentences, context = parse_sentences(text)
    return {c.question.prompt: c.question for s in sentences for c in identity.generate(s, context)}


@pytest.mark.parametrize(("text", "name", "description"), DESCRIBED)
def test_who_is_who(parse_sentences, text, name, description):
    question = _questions(parse_sentences, text)[f"Who is {name}?"]
    assert question.answer == description
    assert len(question.choices) == 4 and description in question.choices
    assert question.answer_span is not None
    sentences, _ = parse_sentences(text)
    written = sentences[0].article.text[question.answer_span.start:question.answer_span.end]
    assert description.endswith(written)


@pytest.mark.parametrize(("text", "name"), NOT_DESCRIBED)
def test_no_question_without_four_clear_descriptions(parse_sentences, text, name):
    assert f"Who is {name}?" not in _questions(parse_sentences, text)


def test_a_title_cut_out_of_a_hyphenated_word_is_no_description(parse_sentences):
    """'old engineer' out of '54-year-old engineer' would make 'an old engineer'."""
    text = MATCH + " The 54-year-old engineer Michael Kempf died in the crash near Cayce."
    questions = _questions(parse_sentences, text)
    assert "Who is Michael Kempf?" not in questions
    assert not any("an old engineer" in q.choices for q in questions.values())


def test_options_are_the_other_peoples_descriptions(parse_sentences):
    question = _questions(parse_sentences, MATCH)["Who is Harry Kane?"]
    # 'an English defender' is left out: the article does not say the English captain is no defender
    assert set(question.choices) == {"the English captain", "the Swedish captain", "the Panama coach",
                                     "a Belgian striker"}


def test_a_statement_naming_the_description_gives_the_who_is_who_away(parse_sentences):
    from quizgen.models import Question, Span
    from quizgen.questions.base import Candidate
    from quizgen.rank import _conflicts

    sentences, context = parse_sentences(MATCH)
    who = next(c for s in sentences for c in identity.generate(s, context) if c.question.prompt == "Who is Harry Kane?")
    statement = Candidate(Question(type="true_false", prompt="English captain Harry Kane scored twice against Panama.",
                                   answer="False", choices=["True", "False"],
                                   evidence=[Span("a1", 0, 5, "x")], focus="event"), sentences[1])
    assert _conflicts(statement, [who])
