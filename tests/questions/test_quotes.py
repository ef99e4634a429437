"""Quote questions: who said a quoted statement, only when the speaker is named."""

from __future__ import annotations

import pytest

from quizgen.questions import quotes

OTHERS = "Donald Trump met Joe Biden in Washington. Angela Merkel spoke in Rome. Emmanuel Macron visited Paris."

CASES = [
    ("“We are in contact with all relevant parties to find a solution to this crisis,” Najib Razak said.",
     "Who said: “We are in contact with all relevant parties to find a solution to this crisis”?", "Najib Razak"),
    ("“Seventeen years ago, this would not have been possible at all,” said Hamdullah Mohib.",
     "Who said: “Seventeen years ago, this would not have been possible at all”?", "Hamdullah Mohib"),
    ("Bruce Bennett said: \"If they have more than a few, they're not purely defensive.\"",
     "Who said: “If they have more than a few, they're not purely defensive”?", "Bruce Bennett"),
    ("“The factory occupies a very important position in the national defense strategy,” Kim said.",
     "Who said: “The factory occupies a very important position in the national defense strategy”?", "Kim"),
]

NONE = [
    "\"It is a consistent position of us and of the world,\" said a defense ministry spokesman.",  # unnamed
    "He said, \"We will not give up on the people of this town.\"",  # a pronoun speaker
    "\"Foolhardy provocation deserves harsh punishment\", said KCNA.",  # too short to test reading
    "Angela Merkel said the talks had been \"useful\".",  # one word quoted
    # the quote is Kim's words inside Trump's report: Trump would be the wrong key
    "Donald Trump said that Kim Jong Un had called the missile tests “a great success for the defence of our "
    "nation” in a letter.",
    # a quote that opens with its verb left its subject outside: 'Who said: “remains in stable condition”?'
    "Cuban parliamentary speaker Ricardo Alarcon said that Fidel Castro \"remains in stable condition after the "
    "surgery\".",
    # the words between two quotations are no quotation: 'Who said: “and said the Iranians had agreed only to”?'
    "Angela Merkel said the plan was a \"serious error\" and said the ministers had agreed only to \"minor changes\" "
    "that \"can be reversed within weeks\".",
]


@pytest.mark.parametrize(("sentence", "prompt", "answer"), CASES)
def test_who_said(parse_sentences, sentence, prompt, answer):
    sentences, context = parse_sentences(sentence, OTHERS)
    (candidate,) = quotes.generate(sentences[0], context)
    assert candidate.question.prompt == prompt
    assert candidate.question.answer == answer
    assert candidate.question.focus == "quote"


@pytest.mark.parametrize("sentence", NONE)
def test_no_quote_question(parse_sentences, sentence):
    sentences, context = parse_sentences(sentence, OTHERS)
    assert quotes.generate(sentences[0], context) == []
