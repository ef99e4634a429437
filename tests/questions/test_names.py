"""People are named in full in every stem: a surname alone becomes the full name the article gives,
whatever the tagger took it for, and nothing else does."""

from __future__ import annotations

import pytest

from quizgen.questions import true_false, wh
from quizgen.questions.stems import phrase

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
    # a name given to a thing after 'known as' or 'called' is the thing's, not its owner's
    ("Luis Zanon owned a tile factory in Neuquen until 2001.",
     "Workers in Argentina ran the factory known as Zanon after the owner left in 2001.", "Luis Zanon"),
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


FULLER_MENTIONS = [
    # a bare 'the <noun>' borrows the names the article first gave it
    ("President Donald Trump's travel ban took effect in January.",
     "Afghanistan was not covered by the ban in July.", "Trump's travel ban"),
    ("Lanterns fill the Chiang Kai Shek Memorial in Taipei every February.",
     "Student groups from Kaohsiung decorated one side of the memorial with scenes.",
     "the Chiang Kai Shek Memorial"),
    ("Environment Canada's sensitive document was found on a street in Ottawa in March.",
     "The document detailed security flaws of the NEMISIS database.", "Environment Canada's sensitive document"),
]

NOT_FULLER = [
    # 'several', 'whose', a number: nothing that names which one
    ("Several scenarios were considered by researchers at MIT in 2014.",
     "The scenarios showed crop losses in India by 2050.", "Several scenarios"),
    ("Fishermen rescued 700 asylum seekers whose boat sank off Aceh.",
     "Fuad Basya said the asylum seekers left the boat near Langsa.", "whose boat"),
    ("A 2 meter high rotating pig stood in Taipei in 2007.",
     "Crowds in Taipei photographed the pig in March.", "meter high"),
    # a capital that only opens a sentence names nothing
    ("Heavy storms hit Florida in March.", "Governor Ron DeSantis blamed the storms for the damage in Tampa.",
     "Heavy storms"),
    # a common noun alone may name another of its kind: Enterprise was the prototype orbiter, not Atlantis
    ("NASA gave Enterprise, the prototype orbiter, to a museum in New York.",
     "Atlantis will go on display in Florida after the orbiter's last flight.", "prototype"),
    # a mention that compares, denies or says 'a': not which one the article means
    ("Engineers in Ohio built the tower in the image of Paris's Eiffel tower in 1990.",
     "A worker fell from the tower in May.", "Eiffel"),
    ("Ohio built a bridge like London's Tower bridge in 2001.", "A truck hit the bridge in May.", "Tower"),
    # the story named its own workers first; the named ones that came later are others
    ("Workers at a tile factory in Neuquen took over the plant in 2001. Buenos Aires Subway workers marched "
     "with them in May.", "A court ordered the police to evict the workers in July.", "Subway"),
    ("Jeff Gordon took the lead on lap 2 at Indianapolis. Kevin Harvick's lead lasted ten laps in May.",
     "Jeff Gordon kept the lead for the last 20 laps in Indianapolis.", "Harvick's lead"),
    ("Astronomers in Chile said the rock cannot be a C-type asteroid.", "The asteroid passed Earth in March.",
     "C-type"),
]


def _rendered(parse_sentences, before: str, sentence: str) -> str:
    """The sentence as every stem renders its words (full names, fuller mentions)."""
    sentences, context = parse_sentences(f"{before} {sentence}")
    return phrase(list(sentences[-1].span), sentences[-1], context)


@pytest.mark.parametrize(("before", "sentence", "fuller"), FULLER_MENTIONS)
def test_a_bare_definite_is_named_as_the_article_first_did(parse_sentences, before, sentence, fuller):
    assert fuller in _rendered(parse_sentences, before, sentence)


@pytest.mark.parametrize(("before", "sentence", "never"), NOT_FULLER)
def test_words_that_do_not_name_are_not_borrowed(parse_sentences, before, sentence, never):
    rendered = _rendered(parse_sentences, before, sentence)
    assert never.lower() not in rendered.lower() and rendered.startswith(sentence.split()[0]), rendered


def test_a_definite_is_not_named_when_the_article_names_two_such(parse_sentences):
    """Two constituencies named: 'the geographical constituency' could be either."""
    before = ("Nathan Law won in the Hong Kong Island geographical constituency. Elizabeth Quat won in the "
              "New Territories East geographical constituency.")
    rendered = _rendered(parse_sentences, before, "Eddie Chu had the most votes in the geographical constituency.")
    assert "Island geographical" not in rendered and "East geographical" not in rendered, rendered


def test_a_place_is_not_taken_for_a_person_of_that_name(parse_sentences):
    """'Washington' stays a place in an article that also names Anna Washington."""
    before = "Anna Washington, a teacher from Ohio, wrote to Congress."
    rendered = _rendered(parse_sentences, before, "Joe Biden met Emmanuel Macron in Washington on Monday.")
    assert "Anna Washington" not in rendered, rendered


def test_an_unclosed_bracket_is_cut_from_a_name():
    from quizgen.questions.context import clean_entity

    assert clean_entity("The World Health Organisation (WHO") == "The World Health Organisation"
    assert clean_entity("The World Health Organisation (WHO)") == "The World Health Organisation (WHO)"


def test_a_first_name_keeps_its_own_surname(parse_sentences):
    """Where the articles call someone else 'Ho' (Cyd Ho), 'Junius Ho' stays Junius Ho."""
    sentences, context = parse_sentences("The pro-Beijing camp candidates elected were New People Party's "
                                         "Michael Tien and pro-establishment nonpartisan Junius Ho.")
    context.full_names["ho"] = "Cyd Ho"
    context.replacements.clear()
    rendered = phrase(list(sentences[0].span), sentences[0], context)
    assert "Junius Ho" in rendered and "Cyd Ho" not in rendered, rendered


def test_asides_in_brackets_go_but_not_inside_a_quotation(parse_sentences):
    rendered = _rendered(parse_sentences, "Officials met in Ohio.",
                         "The Supreme Council of Antiquities (SCA) dug near Alexandria in 2009.")
    assert rendered.startswith("The Supreme Council of Antiquities dug near"), rendered
    quoted = _rendered(parse_sentences, "Officials met in Ohio.",
                       "The form asked \"Were you held during your journey to (or in) the UK?\" in 2023.")
    assert "(or in)" in quoted, quoted


def test_he_is_the_person_the_sentence_before_is_about(parse_sentences):
    rendered = _rendered(parse_sentences, "Kim Jong Un visited a munitions factory in Pyongyang.",
                         "He called for stronger defenses at the factory in Pyongyang.")
    assert rendered.startswith("Kim Jong Un called"), rendered


def test_he_is_not_a_person_the_sentence_before_names_in_passing(parse_sentences):
    before = ("Lai Changxing ran a smuggling ring in Xiamen. "
              "He owned a car that once belonged to President Jiang Zemin.")
    rendered = _rendered(parse_sentences, before, "He funded schools and an airport in Xiamen.")
    assert "Jiang Zemin" not in rendered, rendered


def test_a_surname_shared_by_relatives_named_as_often_is_the_one_named_first(parse_sentences):
    """A story names its subject before the relatives who share the surname: 'Okafor' is Grace Okafor."""
    sentences, context = parse_sentences(
        "Novelist Grace Okafor died in Lagos on Monday. Born to teacher Samuel Okafor and his wife Ada Okafor, "
        "she grew up in Enugu. In 2004, Okafor won the Caine Prize for her first novel.")
    made = true_false.generate(sentences[-1], context) + wh.generate(sentences[-1], context)
    assert made and all(c.question.answer == "Grace Okafor" or c.question.prompt.startswith("Grace Okafor won")
                        for c in made), [(c.question.prompt, c.question.answer) for c in made]


def test_he_is_the_subject_whatever_its_relative_clause_says(parse_sentences):
    before = "John Perry Barlow, who said he loved cattle, moved to Wyoming in 1971."
    rendered = _rendered(parse_sentences, before, "He founded a digital rights group in San Francisco in 1990.")
    assert rendered.startswith("John Perry Barlow founded"), rendered


def test_he_is_not_a_person_named_in_a_clause_inside_the_subject(parse_sentences):
    """'Martin' (the tagger's no person) is the subject; Barack Obama is named inside its clause."""
    before = ("Martin, best known for spreading multiple conspiracy theories concerning the birth and religion of "
              "U.S. President Barack Obama, previously ran for the Democratic Party presidential nomination in 1988.")
    rendered = _rendered(parse_sentences, before, "In 2012, he received a total of 19 votes in the New Hampshire "
                         "Primary.")
    assert "Obama" not in rendered, rendered


def test_he_is_the_person_a_title_and_its_office_lead_up_to(parse_sentences):
    """The parse hangs the name on 'director of operations for ...': it is still the subject's name."""
    before = ("Former deputy director of operations for the Iraqi Armed Forces Hussein Rashid Mohammed was "
              "sentenced to death in Baghdad.")
    rendered = _rendered(parse_sentences, before, "He interrupted the judge during the reading of the verdict.")
    assert rendered.startswith("Hussein Rashid Mohammed interrupted"), rendered


def test_he_is_not_the_other_one_of_a_pair(parse_sentences):
    """'He and Elaine divorced in 1995.' names one person, but 'he' in the next sentence is the other."""
    before = "John Perry Barlow married Elaine Parker in 1977. He and Elaine divorced in 1995."
    rendered = _rendered(parse_sentences, before, "He met Cynthia Horner in San Francisco in 1993.")
    assert "Elaine" not in rendered, rendered


def test_a_time_zone_is_no_organisation(parse_sentences):
    """'(0735 UTC)' is tagged as an organisation: it is never an option, a swap or a blank."""
    _, context = parse_sentences("The collision happened at 2:35 am local time (0735 UTC) in Cayce, South Carolina.")
    assert not context.plausible("ORG", "UTC") and not context.plausible("ORG", "GMT")
    assert context.plausible("ORG", "National Transportation Safety Board")


@pytest.mark.parametrize(("text", "name", "thing"), [
    ("The tornado struck during the Saint Patrick's Day parade in Atlanta.", "Saint Patrick", True),
    ("Fans gathered at St Andrew's Square in Glasgow on Friday.", "St Andrew", True),
    ("Builders PT Hutama Karya finished the bridge in Jakarta.", "Hutama Karya", True),
    ("Mayor Shirley Franklin's office said the city was lucky.", "Shirley Franklin", False),
    ("Last year, Pixar's The Good Dinosaur also missed the nomination.", "Good Dinosaur", True),  # a film
])
def test_a_name_that_names_a_thing_is_no_person(nlp, text, name, thing):
    """The tagger's 'person' inside a day, a square or a firm's name is no option for 'Who ...?'."""
    from spacy.tokens import Span

    from quizgen.questions.context import _named_as_a_thing

    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    ent = Span(doc, start, start + len(name.split()), label="PERSON")
    assert _named_as_a_thing(ent) is thing


def test_a_person_has_every_name_capitalised_and_none_in_capitals(parse_sentences):
    """'Cyanogen mod' tagged as a person is a product, 'HMP Barlinnie' a prison; 'Ludwig van Beethoven' and
    'J. K. Rowling' are people."""
    _, context = parse_sentences("Steve Kondik founded Cyanogen in Seattle in 2013 with Kirt McMaster.")
    assert not context.plausible("PERSON", "Cyanogen mod") and not context.plausible("PERSON", "HMP Barlinnie")
    assert context.plausible("PERSON", "Ludwig van Beethoven") and context.plausible("PERSON", "Kirt McMaster")
    assert context.plausible("PERSON", "J. K. Rowling")
    assert not context.plausible("PERSON", "Irish Taoiseach")  # a title, not a name


@pytest.mark.parametrize(("name", "bare"), [
    ("Taoiseach Leo Varadkar", "Leo Varadkar"),
    ("Assistant Chief Constable Steve Barry", "Steve Barry"),
    ("President Joe Biden", "Joe Biden"),
    ("Pope Francis", "Pope Francis"),  # two words always stay
    ("Kim Jong Un", "Kim Jong Un"),
])
def test_a_title_the_tagger_took_into_a_name_is_no_part_of_it(name, bare):
    from quizgen.questions.context import without_title

    assert without_title(name) == bare


def test_a_who_answer_is_the_name_without_its_title(parse_sentences):
    sentences, context = parse_sentences("Taoiseach Leo Varadkar praised the vote in Dublin as a great act of democracy.")
    made = {c.kind: c.question for c in wh.generate(sentences[0], context)}
    assert made["wh_subject"].answer == "Leo Varadkar"


@pytest.mark.parametrize(("name", "person"), [
    ("Worthing United", False), ("Brighton & Hove Albion", False), ("Elite Cars", False),
    ("Andy Hill", True), ("Matt Grimstone", True),
])
def test_clubs_and_firms_are_no_people(parse_sentences, name, person):
    """The tagger's 'people' that name a club or a firm are no options for 'Who ...?'."""
    _, context = parse_sentences("Matt Grimstone played for Worthing United in Sussex. Andy Hill flew the jet.")
    assert context.plausible("PERSON", name) is person


def test_a_name_the_tagger_cut_in_two_is_no_person(parse_sentences):
    """'Elkin Alonso' + 'Serna Moreno' are halves of one runner's name: two options for one man."""
    _, context = parse_sentences("The silver went to Elkin Alonso Serna Moreno of Colombia. "
                                 "Masahiro Okamura of Japan finished third.")
    assert not context.plausible("PERSON", "Elkin Alonso") and not context.plausible("PERSON", "Serna Moreno")
    assert context.plausible("PERSON", "Masahiro Okamura")


SPELLED_OUT = [
    # an abbreviation the article defined is spelled out where a stem uses it: a student may not know it
    ("Goss is a member of Ryanair Pilots Group (RPG), a union.",
     "The RPG survey found that 90% of pilots were worried.", "The Ryanair Pilots Group survey"),
    # a body named alone takes 'the'; one used as a modifier does not
    ("The Ministry of Manpower (MOM) inspected the aquarium in Singapore.",
     "MOM has ordered a halt to animal transfers.", "the Ministry of Manpower has ordered"),
    ("Troops of the African Union (AU) patrol Mogadishu.",
     "Two AU soldiers died in a mortar attack in March.", "Two African Union soldiers"),
    # used twice in the sentence: the long name once, with the short one after it for the second
    ("Troops of the African Union (AU) patrol Mogadishu.",
     "Two AU soldiers died in a mortar attack on an AU clinic.", "African Union (AU) soldiers"),
]

NOT_SPELLED_OUT = [
    # someone's own words stay as said
    ("The Ministry of Manpower (MOM) inspected the aquarium in Singapore.",
     'Chan said: "MOM has ordered a halt to animal transfers."', "Ministry"),
    # part of a hyphenated word
    ("India has not signed the Nuclear Non-Proliferation Treaty (NPT).",
     "Australia will sell uranium to non-NPT countries such as India.", "Treaty"),
    # an abbreviation the article never defines stays as it is
    ("Goss is a pilot for Ryanair in Dublin.", "The RPG survey found that 90% of pilots were worried.", "Group"),
]


@pytest.mark.parametrize(("before", "sentence", "spelled"), SPELLED_OUT)
def test_a_defined_abbreviation_is_spelled_out(parse_sentences, before, sentence, spelled):
    assert spelled in _rendered(parse_sentences, before, sentence)


@pytest.mark.parametrize(("before", "sentence", "never"), NOT_SPELLED_OUT)
def test_an_abbreviation_stays_where_spelling_it_out_would_change_words(parse_sentences, before, sentence, never):
    assert never not in _rendered(parse_sentences, before, sentence)


TITLED = [
    # a bare title the article gave one person before: that person, titled
    ("President Jacob Zuma spoke to students in Durban on Monday.",
     "The President's comments were published in a local newspaper.", "President Jacob Zuma's comments"),
    ("Bahrain's King Hamad met ministers from Saudi Arabia in Manama.",
     "The King welcomed the talks with India.", "King Hamad welcomed"),
    ("Governor Chris Christie closed the state beaches in New Jersey.",
     "Photographers found the governor on a closed beach in July.", "Governor Chris Christie on"),
]

NOT_TITLED = [
    # two people with the title: 'the President' could be either
    ("President Barack Obama met President Hu Jintao in Beijing.", "The President praised the talks in March.",
     "Obama"),
    # the president of something else
    ("President Jacob Zuma met bankers in Durban.", "The president of the bank praised the talks in March.",
     "Zuma"),
    # no one named with the title
    ("Talks between the two countries ended in Beijing.", "The President praised the talks in March.", "Beijing"),
]


@pytest.mark.parametrize(("before", "sentence", "titled"), TITLED)
def test_a_bare_title_names_the_one_person_the_article_gave_it(parse_sentences, before, sentence, titled):
    assert titled in _rendered(parse_sentences, before, sentence)


@pytest.mark.parametrize(("before", "sentence", "never"), NOT_TITLED)
def test_a_bare_title_stays_when_it_could_be_anyone(parse_sentences, before, sentence, never):
    rendered = _rendered(parse_sentences, before, sentence)
    assert never not in rendered and rendered.startswith("The "), rendered


def test_a_name_an_appositive_calls_a_place_is_no_person(parse_sentences):
    """'Ross Mirador, a famous location': no 'Who was completely destroyed?', no option for a 'who'."""
    sentences, context = parse_sentences("The Agustín Ross Mirador, a famous location in front of the beach in "
                                         "Pichilemu, was completely destroyed.")
    assert not context.plausible("PERSON", "Ross Mirador")
    assert not [c for c in wh.generate(sentences[0], context) if c.question.prompt.startswith("Who")]
