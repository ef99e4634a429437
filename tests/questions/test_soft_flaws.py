"""Soft flaws read from the parse: a question that has one is used only when nothing better is left.

Each row is a real-looking article (the sentence asked about comes after the ones it leans on) and
the statement or question a generator made from its last sentence.
"""

from __future__ import annotations

import pytest

from quizgen.models import Question, Span
from quizgen.questions import true_false
from quizgen.questions.base import Candidate
from quizgen.rank import soft_flaw

POINTS_BACK = [
    ("Hackers attacked the website of the Church of Scientology in January. The site was down for four hours.",
     "The site was down for four hours.", "points back"),
    ("South Korea began broadcasting propaganda from loudspeakers along the border in August. "
     "North Korea said the broadcasts amounted to an act of war.",
     "Which country said the broadcasts amounted to an act of war?", "points back"),
    ("Sony showed a PlayStation VR demonstration of Batman at the expo. The demonstration took players to "
     "Wayne Manor in Gotham.", "The demonstration took players to Wayne Manor in Gotham.", "points back"),
]

STANDS_ALONE = [
    # the noun is new here: 'the' names something the sentence itself says
    ("Hackers attacked the website of the Church of Scientology in January.",
     "Hackers attacked the website of the Church of Scientology in January."),
    # modified: 'the missile tests' says which
    ("North Korea launched two missiles in March. The missile tests worried Japan.",
     "The missile tests worried Japan."),
    # one of the things everyone knows
    ("The government of Italy raised taxes in July. The government said schools in Rome must pay.",
     "The government said schools in Rome must pay."),
]

GENERAL = [
    ("Several scenarios were considered because of uncertainty about ozone pollution.", "general statement"),
    ("Hundreds of vendors offered products new and old.", "general statement"),  # 'hundreds' counts nothing
]

SPECIFIC = [
    "The rescued members included Bangladeshis and Rohingya.",
    "Fishermen rescued over 700 asylum seekers in Aceh.",
]

TYPOS = [
    ("Afghan girls won an award for technlogy at the FIRST Global Challenge.", "technlogy"),
    ("Officials said the misile landed near the port of Wonsan.", "misile"),
    # capitalised inside a name, one letter away from an everyday word
    ("Dean Kamen founded For Inspiration and Recognition of Science and Technlogy in New Hampshire.", "Technlogy"),
]

NOT_TYPOS = [
    # a name no word list has is no typo
    "Major general Fuad Basya spoke to reporters in Langsa on Friday.",
]


def _made_from(sentence, prompt: str, kind: str = "true_false", answer: str = "False") -> Candidate:
    question = Question(type=kind, prompt=prompt, answer=answer if kind == "true_false" else "North Korea",
                        choices=["True", "False"] if kind == "true_false" else [],
                        evidence=[Span("a1", sentence.start, sentence.end, sentence.text)], focus="event")
    return Candidate(question, sentence)


def _flaw_of(parse_sentences, text: str, prompt: str | None = None, kind: str = "true_false",
             answer: str = "False") -> str | None:
    """The soft flaw of a question made from the last sentence of ``text`` (its own words by default)."""
    sentences, _ = parse_sentences(text)
    return soft_flaw(_made_from(sentences[-1], prompt or text, kind, answer))


@pytest.mark.parametrize(("text", "prompt", "reason"), POINTS_BACK)
def test_a_definite_the_article_explained_earlier_is_a_soft_flaw(parse_sentences, text, prompt, reason):
    kind = "short_answer" if prompt.endswith("?") else "true_false"
    assert reason in (_flaw_of(parse_sentences, text, prompt, kind) or "")


@pytest.mark.parametrize(("text", "prompt"), STANDS_ALONE)
def test_a_definite_that_says_which_is_no_flaw(parse_sentences, text, prompt):
    assert _flaw_of(parse_sentences, text, prompt) is None


@pytest.mark.parametrize(("text", "reason"), GENERAL)
def test_a_statement_naming_nothing_is_a_soft_flaw(parse_sentences, text, reason):
    assert reason in (_flaw_of(parse_sentences, text) or "")


@pytest.mark.parametrize("text", SPECIFIC)
def test_a_statement_naming_people_places_or_numbers_is_no_flaw(parse_sentences, text):
    assert _flaw_of(parse_sentences, text) is None


# a true statement must state a figure: 'The investigation has been a major focus' is true whatever one read
TRUE_WITHOUT_FIGURE = [
    ("Prosecutors in Lyon said the inquiry has been a major focus for French media.", True),
    ("Scientists at the University of Leeds warned that the projections for Europe are quite consistent.", True),
    ("Prosecutors in Lyon said the inquiry into the crash has taken 14 months.", False),
    ("A storm destroyed forty homes in the village of Alba.", False),
    ("The museum in Cairo reopened in 2021.", False),
]


@pytest.mark.parametrize(("text", "flawed"), TRUE_WITHOUT_FIGURE)
def test_a_true_statement_without_a_figure_is_a_soft_flaw(parse_sentences, text, flawed):
    reason = _flaw_of(parse_sentences, text, answer="True") or ""
    assert ("no figure" in reason) is flawed, reason
    assert _flaw_of(parse_sentences, text, answer="False") is None  # a changed fact says something either way


# 'The sale would ...': which sale? judged over all rounds, 28% of such statements acceptable (54% of others)
BARE_THE = [
    ("The sale would be the first of its kind to a Gulf state in 2008.", True),
    ("The duo decided to join together to help the hackers in 1990.", True),
    ("The missile tests worried Japan in March 2022.", False),  # 'missile' says which tests
    ("The government said schools in Rome must pay 422,000 euros.", False),  # one everyone knows
    ("A storm destroyed forty homes in the village of Alba.", False),
]


@pytest.mark.parametrize(("text", "flawed"), BARE_THE)
def test_a_statement_opening_with_a_bare_the_is_a_soft_flaw(parse_sentences, text, flawed):
    reason = _flaw_of(parse_sentences, text, answer="False") or ""
    assert ("bare 'the'" in reason) is flawed, reason


@pytest.mark.parametrize(("text", "typo"), TYPOS)
def test_a_copied_typo_is_a_soft_flaw(parse_sentences, text, typo):
    assert typo in (_flaw_of(parse_sentences, text) or "")


def test_according_to_names_the_person_in_full(parse_sentences):
    text = ("Major general Fuad Basya, spokesman for the Indonesian military, said fishermen first noticed the "
            "boat near Aceh. Basya said the asylum seekers may have left the boat on purpose near Langsa.")
    sentences, context = parse_sentences(text)
    prompts = [c.question.prompt for c in true_false.generate(sentences[-1], context)]
    assert prompts and all(p.startswith("According to Fuad Basya, ") for p in prompts), prompts


def test_he_after_who_is_the_one_person_the_sentence_names(parse_sentences):
    from quizgen.rank import rejection

    sentences, _ = parse_sentences("Ahmed Mohamed was arrested at his school in Irving after he brought a clock.")
    alone = _made_from(sentences[0], "Who was arrested at his school in Irving after he brought a clock?",
                       "short_answer")
    assert rejection(alone) is None
    two, _ = parse_sentences("Ahmed Mohamed met Barack Obama after he brought a clock to the White House.")
    ambiguous = _made_from(two[0], "Who met Barack Obama after he brought a clock to the White House?", "short_answer")
    assert "unresolved pronoun" in (rejection(ambiguous) or "")


@pytest.mark.parametrize("text", NOT_TYPOS)
def test_a_rare_name_is_no_typo(parse_sentences, text):
    assert "dictionary" not in (_flaw_of(parse_sentences, text) or "")


def test_quoted_words_given_as_a_fact_are_a_soft_flaw(parse_sentences):
    sentences, _ = parse_sentences("Iodine deficiency is \"the sleeper health issue in Australia\", a report by the "
                                   "University of Sydney says.")
    unattributed = _made_from(sentences[0], 'Iodine deficiency is "the sleeper health issue in Australia".')
    assert "quoted words" in (soft_flaw(unattributed) or "")
    attributed = _made_from(sentences[0], 'According to the University of Sydney, iodine deficiency is "the sleeper '
                                          'health issue in Australia".')
    assert "quoted words" not in (soft_flaw(attributed) or "")
    scare_quotes = _made_from(sentences[0], 'The Afghan girls were granted "parole" status in Washington.')
    assert "quoted words" not in (soft_flaw(scare_quotes) or "")


def test_a_name_that_tells_the_fact_is_a_soft_flaw(parse_sentences):
    sentences, _ = parse_sentences("Volunteer organization Comic Corps of Canada collects donations of comics.")
    given_away = "Volunteer organization Comic Corps of Canada does not collect donations of comics."
    assert "gives the statement away" in (soft_flaw(_made_from(sentences[0], given_away)) or "")
    others, _ = parse_sentences("The Canadian garrison of the 501st Legion raised money for Make-A-Wish Foundation.")
    assert "gives the statement away" not in (soft_flaw(_made_from(others[0], others[0].text)) or "")
