"""Wh-questions by transforming declarative sentences: a table of sentence -> stem and answer."""

from __future__ import annotations

import pytest

from quizgen.questions import wh

OTHERS = ("Donald Trump met Joe Biden in Washington. Emmanuel Macron visited Paris and Berlin. "
          "China, Japan, South Korea and France sent envoys. Angela Merkel spoke in Berlin.")

CASES = [
    # subject: who / which country / which organisation
    ("Meanwhile, North Korean leader Kim Jong Un visited a munitions factory producing a \"major weapon system\".",
     "wh_subject", "Who visited a munitions factory producing a \"major weapon system\"?", "Kim Jong Un"),
    ("North Korea regularly launches ballistic missiles and had a series of such tests in late 2021.",
     "wh_subject", "Which country regularly launches ballistic missiles?", "North Korea"),
    ("The agency said that North Korea tested a modernized long-range cruise missile system on Tuesday.",
     "wh_subject", "Which country tested a modernized long-range cruise missile system on Tuesday 25 January 2022?",
     "North Korea"),
    ("Marie Curie won the Nobel Prize in 1903.", "wh_subject", "Who won the Nobel Prize in 1903?", "Marie Curie"),
    # a 'who' clause inside a who-question goes: whose 'who' would be which?
    ("Ingrid Betancourt thanked the Colombian soldiers in Bogota, who had rescued her from the jungle.", "wh_subject",
     "Who thanked the Colombian soldiers in Bogota?", "Ingrid Betancourt"),
    ("Ingrid Betancourt arrived in France on 4 July 2008, who had been held captive in the jungle for six years.",
     "wh_where", "Where did Ingrid Betancourt arrive on 4 July 2008?", "France"),
    # a number in two words is asked whole
    ("About 60 thousand people attended the parade in Dublin in June 2018.", "wh_how_many",
     "How many people attended the parade in Dublin in June 2018?", "about 60 thousand"),
    # a subject that opens with an amount keeps no capital inside the question
    ("Thousands of protesters marched in Paris in March 2019.", "wh_where",
     "Where did thousands of protesters march in March 2019?", "Paris"),
    ("Lionel Messi scored in the 10th minute and Sergio Aguero added a second goal.", "wh_subject",
     "Who scored in the 10th minute?", "Lionel Messi"),  # the second clause, with its own doer, goes
    ("Marie Curie was the first woman to win a Nobel Prize.", "wh_subject", "Who was the first woman to win a Nobel Prize?",
     "Marie Curie"),
    ("Fidel Castro had led Cuba since the 1959 Cuban Revolution.", "wh_subject",
     "Who had led Cuba since the 1959 Cuban Revolution?", "Fidel Castro"),
    ("Prime Minister Justin Trudeau visited Ottawa in June 2020.",
     "wh_subject", "Who visited Ottawa in June 2020?", "Justin Trudeau"),
    ("North Korea has expelled a group of BBC reporters.",
     "wh_subject", "Which country has expelled a group of BBC reporters?", "North Korea"),
    ("Rupert Wingfield-Hayes was detained in Pyongyang on Friday.",
     "wh_subject", "Who was detained in Pyongyang on Friday 28 January 2022?", "Rupert Wingfield-Hayes"),
    ("Former US President Donald Trump tried to reach an agreement with North Korea while in office.",
     "wh_subject", "Who tried to reach an agreement with North Korea while in office?", "Donald Trump"),
    ("Belgium defeated Panama 3–0 at the Fisht Stadium in Sochi.",
     "wh_subject", "Which country defeated Panama 3–0 at the Fisht Stadium in Sochi?", "Belgium"),
    ("Andreas Granqvist won the Man of the Match award.",
     "wh_subject", "Who won the Man of the Match award?", "Andreas Granqvist"),
    ("Harry Kane scored twice as England beat Tunisia.",
     "wh_subject", "Who scored twice as England beat Tunisia?", "Harry Kane"),
    ("The Home Office will issue questionnaires to 12,000 asylum seekers.",
     "wh_subject", "Which organisation will issue questionnaires to 12,000 asylum seekers?", "The Home Office"),
    ("Rishi Sunak has made tackling migration one of his main priorities.",
     "wh_subject", "Who has made tackling migration one of his main priorities?", "Rishi Sunak"),
    ("Mark Zuckerberg invited the boy to visit Facebook.",
     "wh_subject", "Who invited the boy to visit Facebook?", "Mark Zuckerberg"),
    ("Stan Lee made his final Canadian convention appearance in Toronto.",
     "wh_subject", "Who made his final Canadian convention appearance in Toronto?", "Stan Lee"),
    ("Nathan Law won a seat in the legislature with 50,818 votes.",
     "wh_subject", "Who won a seat in the legislature with 50,818 votes?", "Nathan Law"),
    ("John Kerry contacted Thailand's foreign minister.",
     "wh_subject", "Who contacted Thailand's foreign minister?", "John Kerry"),
    ("Colette Heald works at the Massachusetts Institute of Technology.",
     "wh_subject", "Who works at the Massachusetts Institute of Technology?", "Colette Heald"),
    ("The European Union fined Google 2.4 billion euros.",
     "wh_subject", "Which organisation fined Google 2.4 billion euros?", "The European Union"),
    ("The World Health Organization recommends that every country should iodise all edible salt.",
     "wh_subject", "Which organisation recommends that every country should iodise all edible salt?",
     "The World Health Organization"),
    # where: do-support and the copula
    ("Kim and Trump met in Hanoi in 2019 for a summit that left nuclear talks at a standstill.",
     "wh_where", "Where did Kim and Donald Trump meet in 2019 for a summit that left nuclear talks at a standstill?",
     "Hanoi"),
    ("Rupert Wingfield-Hayes was detained in Pyongyang on Friday.",
     "wh_where", "Where was Rupert Wingfield-Hayes detained on Friday 28 January 2022?", "Pyongyang"),
    ("The police arrested two men in Manchester on Tuesday.",
     "wh_where", "Where did the police arrest two men on Tuesday 25 January 2022?", "Manchester"),
    ("Tesla opened a factory in Berlin in 2022.", "wh_where", "Where did Tesla open a factory in 2022?", "Berlin"),
    # when: absolute dates only
    ("Kim and Trump met in Hanoi in 2019 for a summit that left nuclear talks at a standstill.",
     "wh_when", "In which year did Kim and Donald Trump meet in Hanoi for a summit that left nuclear talks at a standstill?",
     "2019"),
    ("Marie Curie won the Nobel Prize in 1903.", "wh_when", "In which year did Marie Curie win the Nobel Prize?", "1903"),
    ("Prime Minister Justin Trudeau visited Ottawa in June 2020.",
     "wh_when", "When did Prime Minister Justin Trudeau visit Ottawa?", "June 2020"),
    ("Tesla opened a factory in Berlin in 2022.", "wh_when", "In which year did Tesla open a factory in Berlin?", "2022"),
    # how many: object and subject counts, number words kept as words
    ("Three people were injured when a bus crashed in Lyon.",
     "wh_how_many", "How many people were injured when a bus crashed in Lyon?", "three"),
    ("The police arrested two men in Manchester on Tuesday.",
     "wh_how_many", "How many men did the police arrest in Manchester on Tuesday 25 January 2022?", "two"),
    ("The storm destroyed 40 homes in the village of Alba.",
     "wh_how_many", "How many homes did the storm destroy in the village of Alba?", "40"),
    ("The festival attracted 50,000 visitors to Edinburgh.",
     "wh_how_many", "How many visitors did the festival attract to Edinburgh?", "50,000"),
    # a quotation's own full stop goes before the question mark
    ("Leo Varadkar praised the vote in Dublin as \"a great act of democracy.\"",
     "wh_subject", "Who praised the vote in Dublin as \"a great act of democracy\"?", "Leo Varadkar"),
    # object: who / which country / which organisation
    ("In the first game of the day, Sweden faced South Korea at the Nizhny Novgorod Stadium.",
     "wh_object", "Which country did Sweden face at the Nizhny Novgorod Stadium?", "South Korea"),
    ("Prime Minister Justin Trudeau congratulated Leo Varadkar on Twitter.",
     "wh_object", "Who did Prime Minister Justin Trudeau congratulate on Twitter?", "Leo Varadkar"),
    ("Donald Trump asked the National Security Council to help the girls.",
     "wh_object", "Which organisation did Donald Trump ask to help the girls?", "the National Security Council"),
    # the doer of a passive: 'was introduced by Senator Barack Obama' -> 'Who introduced ...?'
    ("The bill was introduced by Senator Barack Obama in March 2007.",
     "wh_agent", "Who introduced the bill in March 2007?", "Barack Obama"),
    ("The lantern festival was opened by Mayor Hau Lung-bin in Taipei.",
     "wh_agent", "Who opened the lantern festival in Taipei?", "Hau Lung-bin"),
    ("The fast-track system for Afghan refugees was reportedly rejected by Prime Minister Boris Johnson in "
     "September 2021.", "wh_agent", "Who reportedly rejected the fast-track system for Afghan refugees in September "
     "2021?", "Boris Johnson"),
    # how much: amounts of money and changes in per cent, without 'an estimated'
    ("The European Union will spend an estimated US$1.1 billion on the plan.",
     "wh_how_much", "How much will the European Union spend on the plan?", "US$1.1 billion"),
    ("China's consumer price index climbed 6.4% in June 2011.",
     "wh_how_much", "By how much did China's consumer price index climb in June 2011?", "6.4%"),
    ("Food prices in China rose by 14.4 percent in June 2011.",
     "wh_how_much", "By how much did food prices in China rise in June 2011?", "14.4 percent"),
    # what percentage: a share as the subject, its hedge kept and 'only' left out
    ("About 5% of the world's population is protected by a complete ban on tobacco advertising.",
     "wh_how_much", "What percentage of the world's population is protected by a complete ban on tobacco "
     "advertising?", "about 5%"),
    ("Only 12 percent of the voters in Hong Kong supported the plan in 2016.",
     "wh_how_much", "What percentage of the voters in Hong Kong supported the plan in 2016?", "12 percent"),
]

NOTHING = [
    # a body's name the parse made the head of a person's title: the person spoke, not the body
    ("Council for National Security chairman General Sonthi Boonayaratkalin said he believed Sunday night's "
     "bombings were only meant to cause a disturbance.", "wh_subject"),
    # pronoun subjects, back-pointing nouns and bare relative times give no wh-question
    ("He said the talks would resume next week.", None),
    ("They were detained as the group was about to leave North Korea.", None),
    ("The team remained in Pyongyang before flying to Beijing on Monday.", None),
    ("It was the sixth missile test in recent weeks.", None),
    ("The minister said the plan would cost about 3 billion dollars.", None),
    ("The BBC reported that the journalist was interrogated for eight hours.", None),
    ("The scientists published their study in the journal Nature Climate Change.", None),
    # 'published in Nature': a journal is no place, whatever the tagger says
    ("Astronomers from Tennessee published the findings in Nature in August.", "wh_where"),
    # a coordinated subject is no single answer to "Who ...?"
    ("Kim and Trump met in Hanoi in 2019 for a summit that left nuclear talks at a standstill.", "wh_subject"),
    # a negated clause has countless right answers to "Who did not ...?"
    ("Angela Merkel did not attend the summit in Brussels.", None),
    # "Which place" would be vague: only countries are asked with "which"
    ("Apple announced a new phone in California.", "wh_subject"),
    # others did it too
    ("Ann Chiang was successfully re-elected in Kowloon West, as well as Claudia Mo of the Civic Party.",
     "wh_subject"),
    # an object question needs one named object that was acted on, not an audience or one of two
    ("Home Secretary Suella Braverman told GB News that the situation was unsustainable.", "wh_object"),
    ("Sweden faced South Korea and Mexico in the group stage in Russia.", "wh_object"),
    # several doers, or a tense kept out ('has been founded'): no agent question
    ("The study was supported by the Croucher Foundation and the US National Science Foundation in 2014.",
     "wh_agent"),
    ("The bill has been introduced by Senator Barack Obama in Washington.", "wh_agent"),
    # where someone was or is from, what they are like or have, whom they met: others in the story too
    ("Tina Tilley was at the show in Shoreham on Saturday.", "wh_subject"),
    ("Donald Tusk is from the city of Gdansk in Poland.", "wh_subject"),
    ("Matt Jones came from Littlehampton in West Sussex.", None),
    ("Andy Hill is alive but critically injured in hospital.", "wh_subject"),
    ("Tatyana McFadden had a chance at four gold medals in London.", "wh_subject"),
    ("Bruno Fernandes met Eliza Samudio in Rio de Janeiro in 2009.", "wh_subject"),
    # a second clause with its own doer is no part of the first one's deed, however the parse attached it
    ("Angela Merkel arrived in Rome and Emmanuel Macron flew to Paris on Friday 28 January 2022.", "wh_subject"),
    # what follows a colon is a quotation or a list, not part of what was done
    ("Angela Merkel, the German chancellor, warned of the risks of a long war: \"If in another five years a crisis "
     "breaks out in Paris or Berlin, it will be because of the deal that was signed this morning\".", "wh_subject"),
    # a place after another place or a body says where that one lies, not where it happened
    ("The leaders met at the Celtic Manor in Newport.", "wh_where"),
    # a statement, a comment: several bodies made one, and saying which asks nothing
    ("The International Air Transport Association issued a statement in Montreal on Friday.", "wh_subject"),
    # a share of something unnamed, or a percentage that is no change, is no 'how much'
    ("Nathan Law won 52 percent of the vote in Hong Kong.", "wh_how_much"),
    ("Angela Merkel won 34 percent in the election in Berlin.", "wh_how_much"),
    # a plural verb after a name: the subject is a list the parse did not join
    ("Mahershala Ali, Naomie Harris, Viola Davis, Dev Patel, and Octavia Spencer are the non-white people who are "
     "nominated for their supporting roles.", "wh_subject"),
    # one of several: others in the story were defendants too
    ("Saddam Hussein had been a defendant in the Anfal trial in Baghdad.", "wh_subject"),
    # heard, not said: who said it is unsaid
    ("General David Petraeus was told Bahrain sought Egyptian and Saudi support in Manama.", None),
    # a nationality or 'the side' for a team or a coach named in another sentence
    ("The Portuguese won his fourth European trophy in Stockholm.", None),
    ("The English side qualified for the Champions League in Stockholm.", None),
    # saying nothing is no fact of the story
    ("The Central Intelligence Agency declined to comment on the reports in Washington.", "wh_subject"),
    # a count beside something counted apart: is the officer among the seven?
    ("The bombing at the base in Khost killed seven CIA employees and a Jordanian officer in December.",
     "wh_how_many"),
    # a misparse ('rates' read as what Myanmar is) gives no question at all
    ("Myanmar is mainly Buddhist and the United Nations rates the Rohingya among the world's most persecuted "
     "groups.", None),
]


@pytest.mark.parametrize(("sentence", "kind", "prompt", "answer"), CASES)
def test_wh_question(parse_sentences, sentence, kind, prompt, answer):
    sentences, context = parse_sentences(sentence, OTHERS)
    made = {c.kind: c.question for c in wh.generate(sentences[0], context)}
    assert kind in made, f"no {kind} from: {sentence}"
    assert made[kind].prompt == prompt
    assert made[kind].answer == answer
    assert made[kind].evidence[0].text == sentences[0].text


@pytest.mark.parametrize(("sentence", "kind"), NOTHING)
def test_no_wh_question(parse_sentences, sentence, kind):
    sentences, context = parse_sentences(sentence, OTHERS)
    kinds = {c.kind for c in wh.generate(sentences[0], context)}
    assert (kind not in kinds) if kind else not kinds


def test_no_where_for_the_country_the_headline_sets_the_story_in(nlp):
    """'Where have journalists been arrested? Iran' under 'Amnesty calls on Iran to free journalists'."""
    from quizgen.ingest import parse_text
    from quizgen.nlp import parse_many
    from quizgen.questions.context import QuizContext

    def where(title: str, sentence: str) -> bool:
        article = parse_text(f"{title}\n\n{sentence} Iran's courts jailed twelve reporters in Tehran. Iran denies "
                             "holding political prisoners. A reporter from Canada was freed in Iran.")
        parsed = parse_many([article], nlp)[0]
        return "wh_where" in {c.kind for c in wh.generate(parsed.sentences[0], QuizContext([parsed], []))}

    assert not where("Amnesty calls on Iran to free journalists", "Dozens of journalists have been arrested in Iran.")
    assert where("Amnesty calls on Iran to free journalists", "Dozens of journalists have been arrested in Egypt.")
    assert where("Amnesty calls for journalists to be freed", "Dozens of journalists have been arrested in Iran.")


def test_a_reporter_too_long_to_name_gives_no_question(parse_sentences):
    sentence = ("Executive director of the Dallas chapter of the Council on American-Islamic Relations Alia Salem "
                "said Ahmed Mohamed wishes to use his newfound fame to spotlight social causes.")
    sentences, context = parse_sentences(sentence, OTHERS)
    assert wh.generate(sentences[0], context) == []
    short, context = parse_sentences("Alia Salem said Ahmed Mohamed wishes to use his newfound fame to spotlight "
                                     "social causes in Dallas.", OTHERS)
    assert any(c.question.prompt.startswith("According to Alia Salem") for c in wh.generate(short[0], context))


def test_no_who_question_when_another_did_the_same(parse_sentences):
    """'Who was booked for a bad foul?' has two right answers when two players were."""
    sentence = "English defender Kyle Walker was booked for a bad foul in Volgograd."
    extra = "Korean winger Hwang Hee-Chan was booked for a foul in Nizhny Novgorod."
    sentences, context = parse_sentences(sentence, extra)
    assert "wh_subject" not in {c.kind for c in wh.generate(sentences[0], context)}
    alone, context = parse_sentences(sentence, "Sweden beat South Korea in Nizhny Novgorod.")
    assert "wh_subject" in {c.kind for c in wh.generate(alone[0], context)}


def test_an_organisation_keeps_its_country(parse_sentences):
    sentence = "South Korea's Defense Ministry rejected the claim that North Korea is a nuclear power."
    sentences, context = parse_sentences(sentence, OTHERS)
    made = {c.kind: c.question for c in wh.generate(sentences[0], context)}
    assert made["wh_subject"].answer == "South Korea's Defense Ministry"
    assert made["wh_subject"].prompt == "Which organisation rejected the claim that North Korea is a nuclear power?"


def test_a_report_parsed_as_two_clauses_gives_no_question(parse_sentences):
    sentence = ("Recent reports have revealed that a defector from the elite group within Scientology called the "
                "Sea Org was first persuaded to travel back to a management building in California.")
    sentences, context = parse_sentences(sentence, OTHERS)
    from quizgen.questions import fill_blank, true_false

    made = [c.question.prompt for c in wh.generate(sentences[0], context) + true_false.generate(sentences[0], context)
            + fill_blank.generate(sentences[0], context)]
    assert not any(p.startswith(("A defector from the elite group within Scientology called", "Who called")) for p in made), made


def test_an_abbreviation_keeps_its_full_stop(parse_sentences):
    from quizgen.questions.stems import finish

    sentences, _ = parse_sentences("Donald Trump asked the council to help the Afghan girls enter the U.S.")
    assert finish("Who asked the council to help the Afghan girls enter the U.S.", sentences[0]) == \
        "Who asked the council to help the Afghan girls enter the U.S.?"


def test_a_subject_renamed_after_the_article_keeps_its_capitals(parse_sentences):
    sentences, context = parse_sentences(
        "President Donald Trump's travel ban took effect in January. The ban was blocked in Seattle in February.")
    made = {c.kind: c.question.prompt for c in wh.generate(sentences[1], context)}
    assert made["wh_where"] == "Where was President Donald Trump's travel ban blocked in February?", made


def test_the_compact_clause_keeps_a_time_phrase_whole(parse_sentences):
    """The compact clause drops modifiers such as 'on Tuesday', but not 'a year' out of 'a year ago'."""
    from quizgen.questions.clauses import main_clause, render

    sentences, _ = parse_sentences("China's consumer price index climbed 6.4% from a year ago, which surprised "
                                   "analysts in Beijing.")
    clause = main_clause(sentences[0].span, compact=True)
    assert "from a year ago" in render(clause.tokens, {}), render(clause.tokens, {})


def test_a_relative_clause_the_parse_hung_on_the_verb_goes(parse_sentences):
    """'who' belongs to FARC, but the parse hangs it on 'arrived': once the comma-set clause about FARC is
    dropped, 'arrived in France today, who had kept her captive' would read as if France had kept her."""
    from quizgen.questions.clauses import main_clause, render

    sentences, _ = parse_sentences(
        "Freed hostage Íngrid Betancourt arrived in France today, two days after being rescued from the "
        "Revolutionary Armed Forces of Colombia (FARC), who had kept her captive in the Colombian jungle for "
        "more than six years.")
    clause = main_clause(sentences[0].span)
    assert render(clause.tokens, {}) == "Freed hostage Íngrid Betancourt arrived in France today"


@pytest.mark.parametrize(("sentence", "clause"), [
    # 'which stretches ...' belongs to the mountain range the simplified clause leaves out
    ("A 7.5 magnitude earthquake hit Afghanistan, Pakistan and North India, with its epicenter in the Hindu Kush "
     "mountain range which stretches from Afghanistan to North Pakistan, causing damage to buildings.",
     "A 7.5 magnitude earthquake hit Afghanistan, Pakistan and North India"),
    # 'Traditionally' says when the rest held: without it the clause says something else
    ("Traditionally, NASA launched interplanetary spacecraft from Cape Canaveral in Florida.",
     "Traditionally, NASA launched interplanetary spacecraft from Cape Canaveral in Florida"),
])
def test_the_clause_keeps_its_meaning(parse_sentences, sentence, clause):
    from quizgen.questions.clauses import main_clause, render

    sentences, _ = parse_sentences(sentence)
    assert render(main_clause(sentences[0].span).tokens, {}) == clause


def test_a_clause_whose_subject_is_that_or_which_asks_nothing(parse_sentences):
    """'... a defamation action filed in Dublin that also targets Channel 4': not 'which organisation does
    that target?'."""
    sentences, context = parse_sentences(
        "Irish budget airline Ryanair have added newspaper publishers Associated Newspapers and Mirror Group to "
        "their legal targets in a High Court defamation action filed yesterday in Dublin that also targets "
        "Channel 4.")
    assert not any(" that target" in c.question.prompt for c in wh.generate(sentences[0], context))


def test_the_compact_clause_keeps_what_was_done_to_the_object(parse_sentences):
    """'had firewall plates ... confiscated by NASCAR': 'Who had firewall plates?' asks nothing."""
    sentences, context = parse_sentences(
        "Kevin Harvick had firewall plates, which protect the driver from smoke and fire, confiscated by NASCAR "
        "officials before the race in Indianapolis on Sunday afternoon in front of thousands of fans.")
    prompts = [c.question.prompt for c in wh.generate(sentences[0], context)]
    assert prompts and all("confiscated by NASCAR" in p for p in prompts), prompts
