"""Wrong options: of the answer's kind and role, from the article (nearest paragraph first), never a
variant of the answer or a name the stem uses; numbers near the answer and in order."""

from __future__ import annotations

import pytest

from quizgen.distractors import _one_family_or_spelling, arrange, distractors_for
from quizgen.pipeline import _with_options
from quizgen.questions import fill_blank, quotes, wh
from quizgen.rank import stable_rng


def _subject_candidate(parse_sentences, text: str, extra: str = ""):
    sentences, context = parse_sentences(text, extra)
    made = {c.kind: c for c in wh.generate(sentences[0], context)}
    return made["wh_subject"], context


def test_people_for_a_person_leaders_for_a_leader(parse_sentences):
    candidate, context = _subject_candidate(
        parse_sentences, "North Korean leader Kim Jong Un visited a munitions factory in Pyongyang.",
        "President Emmanuel Macron met former US President Donald Trump in Seoul. President Joe Biden spoke in Washington. "
        "Korea expert Bruce Bennett spoke to VOA in Santa Monica.")
    options = distractors_for(candidate, context)
    assert set(options) == {"Donald Trump", "Emmanuel Macron", "Joe Biden"}  # no expert, no place


def test_no_official_for_someone_the_story_gives_no_role(parse_sentences):
    """Judged over all rounds, 'who' options were absurd in 38% of option sets: ministers offered as the boy
    killed in a school fight. Someone the story gives no role gets options given none either."""
    candidate, context = _subject_candidate(
        parse_sentences, "Munzer Al-Hiraki was killed in an after-school fight in Riyadh in January.",
        "Foreign Affairs Minister Lawrence Cannon spoke in Ottawa. Minister Stockwell Day met families in Ottawa. "
        "Mohamed Kohail wrote to Stephen Harper in March. Sultan Kohail was held in Riyadh. "
        "Ahmed Nasser saw the fight in Riyadh.")
    options = distractors_for(candidate, context)
    assert "Lawrence Cannon" not in options and "Stockwell Day" not in options, options
    assert "Mohamed Kohail" in options, options


def test_no_variant_of_the_answer_and_nothing_the_stem_names(parse_sentences):
    candidate, context = _subject_candidate(
        parse_sentences, "The United States imposed sanctions on Russia over the war.",
        "The US and China met in Geneva. America, Japan, France and Germany sent envoys to Russia.")
    options = distractors_for(candidate, context)
    assert "US" not in options and "America" not in options  # the answer under other names
    assert "Russia" not in options  # the stem names it
    assert len(options) == 3


def test_the_people_of_the_same_paragraph_come_first(parse_sentences):
    match_a = ("In Sochi, Belgium beat Panama. Romelu Lukaku doubled the lead for Belgium after Dries Mertens "
               "scored. Eden Hazard and Axel Witsel also played.")
    match_b = ("\n\nIn Volgograd, England beat Tunisia. Harry Kane scored twice. Jesse Lingard, John Stones and "
               "Harry Maguire had chances.")
    sentences, context = parse_sentences(match_a, match_b)
    candidate = next(c for s in sentences for c in wh.generate(s, context) if c.question.answer == "Romelu Lukaku")
    options = distractors_for(candidate, context)  # best first; Dries Mertens is named in the stem
    assert set(options[:2]) == {"Eden Hazard", "Axel Witsel"}, options


def test_numbers_near_the_answer_in_order(parse_sentences):
    sentences, context = parse_sentences(
        "North Korea has carried out six weapons tests since the start of the year in Pyongyang.",
        "Two missiles flew 300 kilometres. Three more tests followed in March.")
    candidate = next(c for c in fill_blank.generate(sentences[0], context) if c.answer_label == "NUMBER")
    candidate.needs_distractors = True
    candidate.question.type = "multiple_choice"
    options = distractors_for(candidate, context)
    assert len(options) == 3 and "six" not in options
    arranged = arrange("six", options, "NUMBER", stable_rng(None, "x"))
    values = [{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "twelve": 12}.get(o, 0) for o in arranged]
    assert values == sorted(values) and all(values)


def test_the_article_s_other_numbers_are_options_only_near_the_answer(parse_sentences):
    """16 or 19 months tempt no one for a six-month truce, whatever else the article counts."""
    sentences, context = parse_sentences(
        "Hamas and Israel agreed to a truce of six months in Cairo in June 2008.",
        "Rockets killed 16 people in Sderot. Israel closed 19 crossings. Talks in Cairo lasted eight days.")
    candidate = next(c for c in fill_blank.generate(sentences[0], context) if c.answer_label == "NUMBER")
    options = distractors_for(candidate, context)
    assert len(options) == 3 and not {"16", "19", "sixteen", "nineteen"} & set(options), options
    assert "eight" in options  # the article's own number near the answer comes first


def test_a_bound_is_asked_open(parse_sentences):
    sentences, context = parse_sentences("Fishermen in Aceh rescued over 700 migrants from a sinking boat.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_how_many")
    assert candidate.question.answer == "over 700"
    assert candidate.question.prompt == "How many migrants did fishermen in Aceh rescue from a sinking boat?"
    assert distractors_for(candidate, context) == []  # 'over 350' is also true of 'over 700'


def test_without_three_good_options_the_question_is_short_answer(parse_sentences):
    candidate, context = _subject_candidate(parse_sentences, "Angela Merkel opened the summit in Brussels.")
    context.bank = []
    prepared = _with_options(candidate, context, None)
    assert prepared.question.type == "short_answer" and prepared.question.choices == []


def test_a_number_opening_its_sentence_is_not_the_one_capitalised_option(parse_sentences):
    sentences, context = parse_sentences(
        "Roughly 40 people remain missing after the flood in Ohio.",
        "Rescuers found 20 people near Dayton. 100 soldiers joined the search in Cincinnati.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_how_many")
    prepared = _with_options(candidate, context, None)
    assert prepared.question.type == "multiple_choice", prepared.question
    assert prepared.question.answer == "roughly 40" and "roughly 40" in prepared.question.choices
    assert all(option[:1].islower() or option[:1].isdigit() for option in prepared.question.choices)


def test_a_firm_or_a_place_the_tagger_calls_a_person_is_no_option_for_who(parse_sentences):
    candidate, context = _subject_candidate(
        parse_sentences, "Health minister Nila Moeloek visited survivors in a hospital in Samarinda.",
        "Construction firm PT Waskita Karya built the bridge in 2001. Governor Awang Faroek spoke in Samarinda. "
        "Rescuer Adam Nur swam ashore. Police chief Boy Amar led the search. Pilgrims prayed at the Temple of "
        "Gunung Kawi in Bali.")
    options = distractors_for(candidate, context)
    assert options and not any(name in options for name in ("Waskita Karya", "Gunung Kawi")), options


def test_an_abbreviation_the_article_defines_is_the_same_option(parse_sentences):
    sentences, context = parse_sentences(
        "Rebels of the Kurdistan Workers' Party (PKK) attacked a base near Hakkari in October.",
        "Turkey blamed the PKK for the attack in Ankara. Hamas and Hezbollah and the Taliban issued statements "
        "in Gaza and Kabul. The Islamic State and al-Qaeda were named by NATO in Brussels.")
    assert context.same_thing("PKK", "the Kurdistan Workers' Party")
    options = context.same_kind("ORG", "NATO", use_bank=False)
    assert not ({"PKK", "Kurdistan Workers' Party", "the Kurdistan Workers' Party"} <= set(options)) and \
        sum(1 for o in options if "PKK" in o or "Kurdistan" in o) <= 1, options


def test_amounts_of_money_keep_their_currency_and_stay_in_range(parse_sentences):
    sentences, context = parse_sentences("The European Union will spend an estimated US$1.1 billion on the plan.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_how_much")
    options = distractors_for(candidate, context)
    assert len(options) == 3 and all(o.startswith("US$") and o.endswith(" billion") for o in options), options
    assert "US$0.1 billion" not in options  # a tenth of the answer tempts no one


def test_a_change_in_per_cent_gets_per_cent_options(parse_sentences):
    sentences, context = parse_sentences("China's consumer price index climbed 6.4% in June 2011.",
                                         "Food prices rose 14.4% and pork rose 65%. The index rose 5.5% in May.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_how_much")
    options = distractors_for(candidate, context)
    assert len(options) == 3 and all(o.endswith("%") for o in options) and "6.4%" not in options, options


def test_a_count_gets_whole_numbers_only(parse_sentences):
    """'How many nations ...?' never offers '2.2', whatever percentages the article gives."""
    sentences, context = parse_sentences("Three nations scored higher than Australia in the survey in 2013.",
                                         "Australia's score rose 2.2% and its literacy 1.3% in the same survey.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_how_many")
    options = distractors_for(candidate, context)
    assert options and all("." not in o for o in options), options


@pytest.mark.parametrize(("text", "extra", "spellings"), [
    # 'Governnor Sobisch' (a typo keeps its title on) is the answer, Jorge Sobisch, again
    ("Governor Jorge Sobisch ordered the police to evict the workers in Neuquen.",
     "Raul Godoy spoke for the workers in Neuquen. Governnor Sobisch refused to meet Raul Godoy in May. "
     "Esteban Magnani wrote a book about the factory in Buenos Aires. Luis Zanon left Argentina in 2001.",
     {"sobisch"}),
    # 'Anwar al-Awlaki' and 'Anwar Al-Aulaqi' are one man spelt two ways
    ("Judge Rosemary Collyer dismissed the lawsuit in Washington in April 2014.",
     "Anwar al-Awlaki was killed in Yemen in 2011. The family of Anwar Al-Aulaqi sued Leon Panetta in 2012. "
     "David Petraeus and Leon Panetta were named in the suit. Nasser al-Awlaki spoke to reporters in Sanaa.",
     {"al-awlaki", "al-aulaqi"}),
])
def test_one_person_is_one_option(parse_sentences, text, extra, spellings):
    candidate, context = _subject_candidate(parse_sentences, text, extra)
    named = [candidate.question.answer, *distractors_for(candidate, context)]
    assert sum(1 for n in named if n.split()[-1].lower() in spellings) <= 1, named


@pytest.mark.parametrize(("one", "other", "same"), [
    ("Dr Tan", "Tan Heok Hui", True),  # a Chinese name gives the family name first
    ("Mr Lee", "Lee Kwok Wai", True),
    ("Dr Tan", "Lee Kwok Wai", False),
    ("Anwar Al-Aulaqi", "Anwar al-Awlaki", True),
    ("Kyle Busch", "Kurt Busch", True),  # brothers a student cannot tell apart
    ("Phillip Chan", "Lee Kwok Wai", False),
])
def test_one_person_or_family_is_one_option(one, other, same):
    assert _one_family_or_spelling(one, other) is same


def test_people_the_story_shows_acting_come_before_a_name_the_tagger_only_guessed(parse_sentences):
    """'Kutai Kartanegara' (a regency the tagger calls a person) is no option while people who said or did
    something in the story are left."""
    story = ("Residents of Kutai Kartanegara mourned the victims. Governor Awang Faroek Ishak said rescuers found "
             "20 bodies. President Susilo Bambang Yudhoyono ordered an inquiry. Mayor Bambang Widaryatmo led the rescue.")
    sentences, context = parse_sentences(
        "Health minister Endang Rahayu Sedyaningsih visited survivors in Parikesit Hospital.", story)
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_subject")
    options = distractors_for(candidate, context)
    assert len(options) == 3 and "Kutai Kartanegara" not in options, options


def test_a_place_option_is_a_name_the_article_uses_as_a_place(parse_sentences):
    """'the Cueca' is a dance the tagger calls a place; Copiapó and Pichilemu are places things happen in.
    Two real places are too few: the question goes short answer."""
    sentences, context = parse_sentences(
        "Sebastián Piñera opened the new stadium in Valparaíso in September 2010.",
        "Thousands danced the Cueca in Copiapó and in Pichilemu.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_where")
    assert distractors_for(candidate, context) == ["Copiapó", "Pichilemu"]


def test_a_person_named_by_one_word_is_asked_open(parse_sentences):
    """'Sombat' among 'Nicholas Farrelly' and 'Brad Adams' stands out as the key."""
    sentences, context = parse_sentences(
        "“Let's escalate the anti-coup movement three times a day together,” Sombat said in Bangkok.",
        "Analyst Nicholas Farrelly said the salute spread fast. Activist Brad Adams said arrests followed. "
        "Prime Minister Yingluck Shinawatra spoke in Bangkok.")
    (candidate,) = quotes.generate(sentences[0], context)
    assert candidate.question.answer == "Sombat"
    assert distractors_for(candidate, context) == []


def test_people_shown_acting_are_found_past_many_names_the_tagger_only_guessed(parse_sentences):
    """More names than the twelve candidates kept per question, none shown as a person (only 'fans of'
    them), come first by mentions; the three people who act in the story are still the options."""
    names = ("Marco Bela", "Sergio Veneto", "Luis Prado", "Rita Augusta", "Tomas Roma", "Paulo Luna",
             "Joao Real", "Sara Nova", "Maria Silva", "Jorge Santos", "Lucia Ferreira", "Miguel Pereira",
             "Ana Oliveira", "Rosa Martins")
    listing = " ".join(f"Fans of {n} cheered. Fans of {n} sang." for n in names)
    sentences, context = parse_sentences(
        "Ana Lopes opened the new tram line in Lisbon on Monday.",
        f"{listing} Engineer Rui Costa said the line cost 40 million euros. Pedro Nunes praised the "
        "builders. Carla Dias led the protest against the fares.")
    candidate = next(c for c in wh.generate(sentences[0], context) if c.kind == "wh_subject")
    assert sorted(distractors_for(candidate, context)) == ["Carla Dias", "Pedro Nunes", "Rui Costa"]


def test_who_said_offers_only_people_the_story_shows_speaking(parse_sentences):
    """Not the late subject of a tribute nor her husband, who say nothing in it: with fewer than three
    speakers left the question is asked open."""
    sentences, context = parse_sentences(
        "“The world has lost one of the most inspiring human rights defenders,” said Jerzy Buzek in Brussels.",
        "Yelena Bonner died in Boston on Saturday. She married Andrei Sakharov in 1972. Mikhail Gorbachev said "
        "she was a remarkable woman. Victoria Nuland told reporters in Washington that Bonner was brave.")
    (candidate,) = quotes.generate(sentences[0], context)
    assert candidate.question.answer == "Jerzy Buzek"
    assert sorted(distractors_for(candidate, context)) == ["Mikhail Gorbachev", "Victoria Nuland"]
