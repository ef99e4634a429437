"""The rejection rules of rank.py, one row per flaw the rubric names (and the look-alikes that pass)."""

from __future__ import annotations

import pytest

from quizgen.models import Question, Span
from quizgen.questions.base import Candidate
from quizgen.rank import rejection, soft_flaw


class _Sentence:
    text = "A sentence."
    index = 0
    article = type("Article", (), {"title": None, "text": "A sentence."})()


def _candidate(prompt: str, answer: str = "Hanoi", kind: str = "short_answer", choices=()) -> Candidate:
    question = Question(type=kind, prompt=prompt, answer=answer, choices=list(choices),
                        evidence=[Span("a1", 0, 11, "A sentence.")], focus="place")
    return Candidate(question, _Sentence())


REJECTED = [
    ("He said the talks would resume in Geneva?", "unresolved pronoun"),
    ("They were detained before flying to Beijing?", "unresolved pronoun"),
    ("Where did those overtures come from?", "unresolved pronoun"),
    ("Who said during that time, it was not attacked by the United States?", "unresolved pronoun"),
    ("How many shells of them hit the area near the posts?", "unresolved pronoun"),
    ("Where was their study of the comet published?", "unresolved pronoun"),
    ("When did her first album reach number one in Canada?", "unresolved pronoun"),
    ("Who was arrested after leaving its elite group the Sea Org?", "unresolved pronoun"),
    ("According to the agency, he lauded the factory?", "unresolved pronoun"),
    ("According to the study, that is _____ children annually.", "unresolved pronoun"),
    ("Which organisation announced his death?", "unresolved pronoun"),
    ("What did the court give her father in June?", "unresolved pronoun"),
    ("Who told the BBC that it was named \"as a joke\"?", "unresolved pronoun"),
    ("What was tested on Tuesday?", "bare relative time"),
    ("Which country said last week it would bolster its defenses?", "bare relative time"),
    ("Who arrived in the city yesterday?", "bare relative time"),
    ("Who visited the factory this week?", "bare relative time"),
    ("In the past few days, several municipalities have started asking schools to pay taxes.", "bare relative time"),
    ("Which country has fired shells at the border in recent days?", "bare relative time"),
    ("The hashtag on Twitter, had become an international phenomenon.", "cut out before its verb"),
    ("Who said, \"We urge the governments of the region to work together, \"?", "editorial"),
    ("[...] in the meantime our deals are already yielding benefits.", "editorial"),
    # a quotation cut out after a comma leaves its marks behind
    ('Some people called for the withdrawal of Romanian troops from Iraq,!"!"', "editorial"),
    ("Who said the sentence was \"dangerous\" ((it)) and \"ideological\"?", "editorial"),
    ("Who met the the president in Hanoi?", "doubled word"),
    ("How many shots did low - Ghana have to Peru's two - the game?", "dashes"),
    ("Days, the singer died in a hospital in London.", "cut down to one word"),
    ("Who tweeted using his @POTUS account?", "handle"),
    ("Which country did the talks end with and?", "fragment"),
    ("Where did Kim Jong Un meet Donald Trump in Hanoi?", "answer in the stem"),
    ("According to Carlos Lage, who sent greetings to Bolivia according to Prensa Latina, who praised the plan?",
     "two attributions"),
    ("The standings after the race were Matt Kenseth, 661; Jimmie Johnson, 628; Kyle Busch, 609.", "a list"),
    ("Who visited a munitions factory producing weapons in the capital of the country that is known as the "
     "Democratic People's Republic of Korea during a week in which several tests were carried out by the army?",
     "too long"),
]

PASSES = [
    "Who declared his country was a nuclear state?",  # 'his' points to the Who
    "Which country said it would bolster its defenses against the United States?",  # 'it' after 'said'
    "Pyongyang restarted its missile tests after talks with the United States came to a halt?",
    "Which country tested a missile on Tuesday 25 January 2022?",  # the relative day made explicit
    "Where did the police arrest two men on Friday 28 January 2022?",
    "Who won the Man of the Match award in the game of Sweden against South Korea?",  # 'the game of ...'
    "Who said: “This is the biggest planting day the town has ever seen”?",  # pronouns inside a quote
    "There were no injuries in the attack on the Fisht Stadium in Sochi.",  # 'there were' points nowhere
    "Where did Adele perform her song Hello in 2016?",  # 'her' after a name
    "Sweden defeated South Korea 1 – 0 in Nizhny Novgorod.",  # a score is no dash
    "Most Canadians voted for the Liberal Party in 2015.",  # 'Most' of a named group
    "Which country scored higher than Australia in the survey of adult skills in 2013?",  # 'than' says
]


@pytest.mark.parametrize(("prompt", "reason"), REJECTED)
def test_rejected(prompt, reason):
    found = rejection(_candidate(prompt))
    assert found is not None and reason in found, found


SOFT = [
    ("Who was shown a yellow card early in the game?", "points back"),
    ("Who was elected with 58,825 votes, the highest in the constituency?", "points back"),
    ("Who personally asked the council to help the girls?", "points back"),
    ("Both countries have put their _____ on high levels of alert.", "opens with a word that points back"),
    ("Who scored from the penalty spot?", "many could fit"),
    ("Who was elected for the first time?", "many could fit"),
    ("Other pro-Beijing candidates elected were _____ and Horace Cheung.", "opens with a word that points back"),
    ("One such storm hit the coast of Oregon in 1962.", "opens with a word that points back"),
    ("Most were citizens of Canada, and 12 were from Mexico.", "opens with a word that points back"),
    ("The referee consequently showed Diego Costa a red card.", "opens with a word that points back"),
    ("Ronaldo had another chance minutes later but hit the post.", "opens with a word that points back"),
    ("Jeff Gordon would lead for the next ten laps in Indianapolis.", "opens with a word that points back"),
    ("Who rejected a similar fast-track system in London?", "opens with a word that points back"),
    ("Which country is higher at 2.2% in the survey of adult skills?", "a comparison without"),
    ("Maternal deaths in India's rural states are seven times as high.", "a comparison without"),
    ("Environmentalist Chalid Muhammad had a different view in Jakarta.", "a comparison without"),
    ("New Zealand once again played Chris Bond and Ryley Batt together in Sydney.", "points back"),
    ("Immediately, George W. Bush met George Mitchell in Washington.", "points back"),
    ("The government of Argentina was in chaos at the time.", "opens with a word that points back"),
    ("Voters would then choose between the new flag and their current flag early in 2016.", "points to the sentence"),
    ("Various local fan organizations were there in a charitable capacity.", "points to the sentence"),
    ("Which country tested a cruise missile and a warhead on Tuesday 25 January 2022 and on Thursday 27 January "
     "2022, respectively?", "respectively"),
    # an event, a thing or words the article told of before: which remarks, which crisis, which crew?
    ("According to U.N. Ambassador John Bolton, the remarks warrant a response from Caracas.", "points back"),
    ("How many students died in the rush near the gate in Delhi?", "points back"),
    ("How many major ISS components will the crew install in March 2008?", "points back"),
    ("Cannons were fired in Kathmandu in April 2015 to spread the news.", "points back"),
    # a group the article counted before: which satellites, which twelve, which 69-year-old?
    ("The remaining four satellites were prograde in March 2014.", "counted before"),
    ("None of the twelve had ever received any sort of dental care in Kansas.", "counted before"),
    ("The 69-year-old served _____ years after being linked to the 2002 Bali bombings.", "counted before"),
    ("The 18% average puts Indian female control of earnings equal to that in _____.", "counted before"),
    ("According to Turkey's news service, the five Turkish army officers were arrested in Istanbul.",
     "counted before"),
]


NOT_SOFT = [
    # a comparison that says what it compares with
    "As many as 80,000 people marched through Seoul in June.",
    "Environmentalist Chalid Muhammad had a different view from the minister in Jakarta.",
    "Maternal deaths in India are seven times as high as in Sri Lanka.",
    # the words that say which: 'the crisis in Darfur', 'the event of the year'
    "Kofi Annan is leading the panel trying to mediate the crisis in Darfur.",
    # a year, a magnitude or a measure names which one
    "The 2014 Games are the first Paralympics for Russia's wheelchair curling team in Sochi.",
    "The 8.6 quake off Sumatra was followed by a quake measuring 8.2 on the Richter Scale.",
    "The 131-page report by Environment Canada was found on Castlefrank Road in Kanata.",
]


@pytest.mark.parametrize("prompt", NOT_SOFT)
def test_look_alikes_of_soft_flaws_pass(prompt):
    assert soft_flaw(_candidate(prompt)) is None


@pytest.mark.parametrize(("prompt", "reason"), SOFT)
def test_soft_flaws_are_kept_for_short_articles_only(prompt, reason):
    candidate = _candidate(prompt)
    assert rejection(candidate) is None
    assert reason in soft_flaw(candidate)


def test_a_stem_may_name_what_its_definite_points_to():
    assert soft_flaw(_candidate("Which country said it would attack loudspeakers broadcasting propaganda if the "
                                "broadcasts do not stop?")) is None


@pytest.mark.parametrize("prompt", PASSES)
def test_passes(prompt):
    assert rejection(_candidate(prompt)) is None


def test_multiple_choice_needs_three_distractors():
    few = _candidate("Where did the summit take place in 2019?", kind="multiple_choice", choices=("Hanoi", "Seoul"))
    assert "too few distractors" in rejection(few)
    enough = _candidate("Where did the summit take place in 2019?", kind="multiple_choice",
                        choices=("Hanoi", "Seoul", "Pyongyang", "Washington"))
    assert rejection(enough) is None


def test_a_quoted_name_is_something_named():
    assert soft_flaw(_candidate('Who visited a munitions factory producing a "major weapon system"?')) is None


def test_there_were_points_nowhere():
    assert soft_flaw(_candidate("There were no injuries in the shelling of Yeoncheon in August 2015.")) is None


class _Headlined:
    def __init__(self, title: str) -> None:
        self.text, self.index = "A sentence.", 0
        self.article = type("Article", (), {"title": title, "text": "A sentence."})()


HEADLINES = [
    # (headline, statement, whether the headline settles it)
    ("US Senate passes revised bailout package", "The U.S. Senate did not pass a revised bailout package.", True),
    ("Japan's Diet passes abdication law for Emperor Akihito", "Japan's Diet passed a law on Emperor Akihito.", True),
    ("US Senate passes revised bailout package", "The bill needed 60 of the Senate's 100 votes to pass.", False),
    ("Flooding hits Kerala", "Flooding in Kerala did not hit the capital.", False),  # a short headline settles little
]


@pytest.mark.parametrize(("title", "statement", "settled"), HEADLINES)
def test_a_statement_the_headline_settles_is_rejected(title, statement, settled):
    question = Question(type="true_false", prompt=statement, answer="False", choices=["True", "False"],
                        evidence=[Span("a1", 0, 11, "A sentence.")], focus="event")
    found = rejection(Candidate(question, _Headlined(title)))
    assert (found is not None and "headline" in found) is settled, found


HEADLINE_ANSWERS = [
    # (headline, stem, answer, answer label, whether the headline gives the answer)
    ("Canadian still faces public beheading in Saudi Arabia", "Where have 36 people been executed?",
     "Saudi Arabia", "COUNTRY", True),  # the place the headline sets the story in
    ("Massive flooding in China; over 550 thousand evacuated",
     "Which country is engaged in a huge engineering project to move water north?", "China", "COUNTRY", True),
    ("NATO leaders meet for two day summit in Wales", "Where did the leaders of 28 countries gather in 2014?",
     "Wales", "GPE_OTHER", True),
    ("Adele and David Bowie each win five Grammys", "Who posthumously won five Grammys?", "David Bowie",
     "PERSON", True),  # the headline names who did the deed asked about
    ("Formula One driver Jules Bianchi dies aged 25", "Who died on the night of Friday 17 July 2015 at age 25?",
     "Jules Bianchi", "PERSON", True),
    ("North Korea Expels BBC Journalists", "Which country has expelled a group of BBC reporters?",
     "North Korea", "COUNTRY", True),
    ("Íngrid Betancourt returns to France", "Who arrived in France?", "Íngrid Betancourt", "PERSON", True),
    # look-alikes that pass
    ("Kim Jong Un", "Who visited a munitions factory that produces a major weapon system?", "Kim Jong Un",
     "PERSON", False),  # the headline is only the name: it does not say what he did
    ("Glasgow inmate John Clark accused of murder in Barlinnie prison",
     "Who appeared at Glasgow Sheriff Court charged with murdering his cellmate?", "John Clark", "PERSON",
     False),  # two of six headline words: the stem asks about the court hearing
    ("FIFA World Cup 2018 day five: Sweden, Belgium, England win three points",
     "Which country faced Panama at the Fisht Stadium in Sochi?", "Belgium", "COUNTRY", False),
    ("North Korea puts military in 'quasi-state of war'",
     "Which country fired artillery rounds at a loudspeaker in South Korea?", "North Korea", "COUNTRY", False),
    ("Brazilian footballer, ex-policeman among seven arrested for murder",
     "A footballer and a former police investigator are among _____ people arrested.", "seven", "CARDINAL",
     False),  # a count the headline gives still checks the reading
    ("Storm hits Manila", "Which city did the storm hit first?", "Cebu", "GPE", False),  # not in the headline
]


@pytest.mark.parametrize(("title", "stem", "answer", "label", "given"), HEADLINE_ANSWERS)
def test_an_answer_the_headline_gives_is_rejected(title, stem, answer, label, given):
    kind = "fill_blank" if "_____" in stem else "short_answer"
    candidate = _asked(stem, answer, kind, _Headlined(title))
    candidate.answer_label = label
    found = rejection(candidate)
    assert (found is not None and "headline" in found) is given, found


def _asked(prompt: str, answer: str, kind: str, sentence) -> Candidate:
    choices = ["True", "False"] if kind == "true_false" else []
    question = Question(type=kind, prompt=prompt, answer=answer, choices=choices,
                        evidence=[Span("a1", 0, 11, "A sentence.")], focus="place")
    return Candidate(question, sentence)


MATCH_DAY = ("Belgium beat Panama 3-0 in Sochi. Belgium led after Dries Mertens scored. Belgium then scored twice. "
             "Sweden beat South Korea. Belgium play England next.")


@pytest.mark.parametrize(("stem", "gives_away"), [
    # the story's main actor beside a name the other question asks about: one fact told twice
    ("Sweden defeated _____ 1-0; Belgium defeated debutants Panama 3-0.", True),
    # the main actor named in passing gives nothing away
    ("Sweden defeated _____ 1-0 in Nizhny Novgorod after a penalty by Belgium's neighbours.", False),
])
def test_a_main_actor_named_beside_the_same_fact_gives_the_answer_away(stem, gives_away):
    from quizgen.rank import _reveals

    story = _Headlined("World Cup day five")
    story.article.text = MATCH_DAY
    other = _Headlined("World Cup day five")
    other.article = story.article
    answered = _asked("Which country faced Panama at the Fisht Stadium in Sochi?", "Belgium", "short_answer", story)
    asker = _asked(stem, "South Korea", "fill_blank", other)
    assert _reveals(asker, answered) is gives_away


@pytest.mark.parametrize(("changed", "asked", "clash"), [
    ("thirteen", "thirteen", True),  # 'Six soldiers were killed' (false) beside 'How many soldiers were killed?'
    ("13", "thirteen", True),
    ("thirteen", "over 500", False),  # another count of the story: two facts
])
def test_a_false_statement_and_a_question_on_the_count_it_changed_are_one_fact(changed, asked, clash):
    from quizgen.rank import _conflicts

    statement = _candidate("Six Israeli soldiers were killed in Gaza on Sunday 20 July 2014.", answer="False",
                           kind="true_false")
    statement.changed = changed
    statement.sentence = _Sentence()
    question = _candidate("How many Israeli soldiers were reported killed in the Gaza Strip?", answer=asked,
                          kind="multiple_choice")
    question.sentence = _Sentence()
    assert _conflicts(statement, [question]) is clash


def test_who_is_who_only_fills_a_short_quiz():
    """'Who is Vladimir Putin?' (the Russian President): a title the world knows, others' titles as options."""
    candidate = _candidate("Who is Vladimir Putin?", answer="the Russian President", kind="multiple_choice",
                           choices=["the Russian President", "the British Prime Minister", "a British actor",
                                    "the U.S. President"])
    candidate.question.kind = "identity"
    assert rejection(candidate) is None
    assert "Who is X?" in soft_flaw(candidate)


def test_at_most_two_in_ten_questions_with_a_soft_flaw():
    from quizgen.rank import select

    flawed = []
    for n in range(10):
        candidate = _candidate(f"Who visited the site in Region {n} on the day?", answer=f"Person {n}")
        candidate.sentence = _Sentence()  # each its own sentence
        candidate.soft_flaw = "a definite description that points back"
        flawed.append(candidate)
    assert sum(1 for c in select(flawed, 10, None) if c.soft_flaw) == 2


@pytest.mark.parametrize(("clean", "flawed_kept"), [
    (0, 2),  # nothing better: two to fix, not ten
    (3, 2),  # three sound questions: two soft-flawed ones make the quiz half its count
    (4, 1),  # four: one makes five
    (5, 0),  # half the count already: the quiz stops short rather than take one to fix
    (8, 0),
])
def test_soft_flaws_only_fill_a_quiz_shorter_than_half_its_count(clean, flawed_kept):
    from quizgen.rank import select

    candidates = []
    for n in range(clean + 6):
        candidate = _candidate(f"Who visited the site in Region {n} on the day?", answer=f"Person {n}")
        candidate.sentence = _Sentence()
        candidate.soft_flaw = "a definite description that points back" if n >= clean else None
        candidates.append(candidate)
    chosen = select(candidates, 10, None)
    assert sum(1 for c in chosen if c.soft_flaw) == flawed_kept
    assert len(chosen) == min(10, clean + flawed_kept)


def test_at_most_two_who_said_questions():
    from quizgen.rank import select

    quotes = []
    for n in range(5):
        candidate = _candidate(f"Who said: “The village of Region {n} will recover”?", answer=f"Person {n}")
        candidate.question.kind = "quote_speaker"
        candidate.sentence = _Sentence()
        quotes.append(candidate)
    others = []
    for n in range(5):
        candidate = _candidate(f"Where did the floods reach on day {n}?", answer=f"Town {n}")
        candidate.sentence = _Sentence()
        others.append(candidate)
    chosen = select(quotes + others, 10, None)
    assert sum(1 for c in chosen if c.kind == "quote_speaker") == 2 and len(chosen) == 7


@pytest.mark.parametrize(("text", "asked"), [
    ("Inc. became known as the Brady Campaign in 2001 in honour of both Sarah Brady and James Brady.", False),
    ("and the workers took over the factory in Neuquen in 2001 after the owners left.", False),
    ("eBay opened a new office in Dublin in 2001 with two hundred workers.", True),
    ("Handgun Control became known as the Brady Campaign in 2001 in honour of both Bradys.", True),
])
def test_no_question_from_the_tail_of_a_sentence_cut_in_two(parse_sentences, text, asked):
    from quizgen.pipeline import _generators_for

    sentences, _ = parse_sentences(text)
    assert bool(_generators_for(sentences[0])) is asked


def test_at_most_one_who_is_who_question():
    from quizgen.rank import select

    candidates = []
    for n in range(4):
        candidate = _candidate(f"Who is Person {n}?", answer=f"the leader of group {n}", kind="multiple_choice")
        candidate.question.kind = "identity"
        candidate.sentence = _Sentence()
        candidates.append(candidate)
    assert sum(1 for c in select(candidates, 10, None) if c.kind == "identity") == 1


def test_a_byline_gives_no_question(parse_sentences):
    """'VOA's David Gollust reports from the State Department.' says who filed the story."""
    from quizgen.pipeline import _generators_for

    sentences, _ = parse_sentences("VOA's David Gollust reports from the State Department. "
                                   "David Gollust reported the sale of the bombs from the State Department in 2008.")
    assert _generators_for(sentences[0]) == () and _generators_for(sentences[1]) != ()


def test_a_statement_of_two_clauses_joined_by_a_semicolon_is_rejected():
    statement = _candidate("Barlow is survived by his ex-wife; the couple's three daughters and a granddaughter.",
                           answer="True", kind="true_false", choices=["True", "False"])
    asked = _candidate("Who advised the lower court in April 2009; the request was refused?")
    assert "semicolon" in (rejection(statement) or "") and "semicolon" not in (rejection(asked) or "")


def test_a_statement_of_under_four_words_tests_nothing():
    statement = _candidate("Suci died.", answer="True", kind="true_false", choices=["True", "False"])
    assert "under four words" in (rejection(statement) or "")


def test_a_demonstrative_left_from_the_sentence_is_unresolved(parse_sentences):
    """'Suci's death ended that plan.': which plan is in another sentence; 'said that' is no pointer."""
    sentences, _ = parse_sentences("Suci's death in March 2014 ended that plan in Cincinnati. "
                                   "Zoo officials said that Suci had a liver disease.")
    pointing = _asked("Suci's death in March 2014 ended that plan in Cincinnati.", "True", "true_false", sentences[0])
    plain = _asked("Zoo officials said that Suci had a liver disease.", "True", "true_false", sentences[1])
    assert "unresolved" in (rejection(pointing) or "") and rejection(plain) is None
