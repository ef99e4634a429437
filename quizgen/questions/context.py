"""What generators know beyond one sentence: the quiz's entities, full names, times, and the bank."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from wordfreq import zipf_frequency

from quizgen.nlp import ParsedArticle
from quizgen.questions.clauses import REPORTING_VERBS
from quizgen.questions.roles import ROLE_WORDS as _ROLE_WORDS, compatible, role_of, role_word

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_entity(text: str) -> str:
    """Entity text without a possessive ending or stray quotes ('Biden’s' -> 'Biden')."""
    text = _POSSESSIVE.sub("", text.strip()).strip("\"“”‘’' ")
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()  # 'The World Health Organisation (WHO' cut at its bracket
    return text


TITLES = frozenset(
    "taoiseach constable assistant deputy detective sergeant inspector superintendent commissioner mr mrs ms dr "
    "sir dame lord lady judge justice rep sen gov prime former colonel lieutenant".split()) | frozenset(_ROLE_WORDS)


# titles that stand before a name ('President Jacob Zuma', 'Governor Chris Christie'), so that a bare
# 'the President' can be said in full
NAMEABLE_TITLES = frozenset("president king queen prince princess governor mayor judge general senator "
                            "chancellor premier pope ambassador sheriff".split())


def without_title(name: str) -> str:
    """'Taoiseach Leo Varadkar' -> 'Leo Varadkar', 'Constable Steve Barry' -> 'Steve Barry': a title the tagger
    took into a person's name. Two words always stay ('Pope Francis')."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Compare names ignoring case, hyphens, 'the' and punctuation: 'Kim Jong-Un' ~ 'Kim Jong Un'."""
    text = re.sub(r"^the\s+", "", clean_entity(text), flags=re.IGNORECASE)
    return re.sub(r"[\W_]+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(name_key(value))
    names |= {"united states", "us", "u s", "america", "uk", "britain", "russia", "iran", "syria", "south korea",
              "north korea", "vietnam", "laos", "bolivia", "venezuela", "tanzania", "taiwan", "palestine"}
    return frozenset(names)


_ORG_WORDS = re.compile(
    r"\b(office|council|department|ministry|party|agency|union|nations|committee|court|association|corporation|"
    r"institute|university|college|school|company|inc|ltd|group|police|army|navy|force|bank|organi[sz]ation|"
    r"federation|league|club|fund|foundation|commission|parliament|congress|senate|assembly|service|news|times|"
    r"post|press|guardian|network|channel|airlines?|industries|authority|board|bureau|centre|center|church)\b",
    re.IGNORECASE,
)


# 'the Kurdistan Workers' Party (PKK)': capitalised words (with 'of', 'and', 'the' between) and a bracketed
# abbreviation; the abbreviation's letters need not be the words' initials (PKK is Kurdish).
_DEFINED_ABBREVIATION = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the|de|du)\s+)*)+[A-Z][\w'’.-]*)\s+\(([A-Z][A-Za-z]{1,7})\)")


def _named_by(words: list[str], abbreviation: str) -> str:
    """Which of the words before '(PKK)' are the name it abbreviates (see ``QuizContext._aliases``)."""
    starts = [start for start, word in enumerate(words) if word[:1].isupper() and word.lower() not in _STOP]
    spelled = next((start for start in starts if _spells(" ".join(words[start:]), abbreviation)), None)
    if spelled is None:
        spelled = len(words)
        while spelled > 0 and words[spelled - 1][:1].isupper() and words[spelled - 1].lower() not in _STOP:
            spelled -= 1
    return " ".join(words[spelled:])


def _spells(name: str, abbreviation: str) -> bool:
    """Whether a name can be what an abbreviation stands for: it starts with the abbreviation's first
    letter and holds its letters in order ('Tokyo Electric Power Company' for TEPCO, 'Ministry of
    Manpower' for MOM; not 'Kurdistan Workers' Party' for PKK, named in Kurdish)."""
    letters = iter(name.lower())
    return name[:1].lower() == abbreviation[:1].lower() and all(c in letters for c in abbreviation.lower())


_PLACE_WORD = re.compile(
    r"\b(Road|Street|Avenue|Lane|Drive|Square|Park|Bridge|River|Hall|Center|Centre|Station|Airport|Stadium|"
    r"Arena|Museum|VR|Inc|Ltd|Shuttle|Space|Ship|Hospital|Church|School|University|College|"
    r"FC|United|Albion|Rovers|Athletic|Wanderers|Cars|Motors|Limited|Group|Services|Airways|Airlines)\b|&")
# ... and clubs and firms the tagger took for people: 'Worthing United', 'Smith & Sons Cars'


def looks_like_organisation(name: str) -> bool:
    """An acronym (BBC, KCNA) or a name with an organisation word (Home Office, United Nations).

    spaCy's small model tags many people and things ORG; asking 'Which organisation ...?' about
    them is the NER error the rubric warns of.
    """
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.]{1,7}", bare)) or bool(_ORG_WORDS.search(bare))


_MEDIA = re.compile(
    r"\b(BBC|VOA|CNN|Reuters|AFP|AP|KCNA|Yonhap|Xinhua|News|Times|Post|Guardian|Telegraph|Herald|Journal|"
    r"Tribune|Press|Radio|TV|Television|Broadcasting|Wikinews|Agency)\b")


def finer_type(label: str, text: str) -> str:
    """Split GPE into countries and other places, and ORG into news media and other bodies, so an
    option is of the answer's own kind (no broadcaster offered as the body that imposed sanctions)."""
    if label == "GPE":
        return "COUNTRY" if name_key(text) in country_names() else "GPE_OTHER"
    if label == "ORG" and _MEDIA.search(text):
        return "ORG_MEDIA"
    return label


_NAME_PARTICLES = frozenset("al el bin ibn de da di du del della dos das van von der den la le ter".split())
TIME_ZONES = frozenset("UTC GMT EST EDT CST CDT MST MDT PST PDT BST CET CEST EET EEST IST JST KST AEST AEDT HKT "
                       "SGT".split())
MAX_OPTIONS = 12  # candidate distractors kept per question: enough to choose three well
STORY_LABELS = ("PERSON", "ORG", "ORG_MEDIA", "GPE_OTHER", "FAC", "EVENT", "LOC")
RELATED_BANK_NAMES = 3  # a bank article sharing this many names with the quiz reports on the same story


@dataclass
class QuizContext:
    """Entities and times across every article of one quiz, plus distractor candidates from a bank."""

    parsed: list[ParsedArticle]
    bank: list[dict[str, list[str]]] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    persons: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)
    not_people: set[str] = field(default_factory=set)  # names also tagged as places or bodies, or affiliations
    attested: set[str] = field(default_factory=set)  # people with a title or role, or the doer of a verb
    replacements: dict = field(default_factory=dict)  # per-sentence name replacements, filled by stems
    descriptions: dict = field(default_factory=dict)  # per-article descriptions of people, filled by identity
    _main_countries: dict = field(default_factory=dict)
    _predicates: dict = field(default_factory=dict)
    _lemma_counts: dict = field(default_factory=dict)  # article -> its word counts
    _lemma_mentions: dict = field(default_factory=dict)  # (article, lemma) -> mentions_of's answer
    _mentions_named: dict = field(default_factory=dict)
    _mentions_first: dict = field(default_factory=dict)
    _titled: dict = field(default_factory=dict)  # article -> title word -> the people it names with it
    surnames: set[str] = field(default_factory=set)
    placed: Counter = field(default_factory=Counter)  # names used after 'in', 'at', 'to': places
    within: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # place -> places it lies in

    def __post_init__(self) -> None:
        person_names: list[str] = []
        acting: list[str] = []  # people the articles show as people: titled, given a role, doing something
        speaking: list[str] = []  # people the articles quote or report as saying something
        found_roles: dict[str, str] = {}
        mentions: dict[int, list[str]] = {}
        for parsed in self.parsed:
            for doc in parsed.docs:
                for ent in doc.ents:
                    text = clean_entity(ent.text)
                    if ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 \
                            and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS:
                        self.placed[name_key(text)] += 1  # 'in Washington': used as a place
                    if ent.label_ in ("GPE", "LOC", "NORP") and (outer := _place_after_comma(ent)):
                        self.within[name_key(text)].add(name_key(outer))  # 'Cayce, South Carolina'
                    if ent.label_ in ENTITY_LABELS and text and text[0].isupper():
                        self.entities[finer_type(ent.label_, text)][text] += 1
                        mentions.setdefault(id(parsed.article), []).append(text)
                        if ent.label_ != "PERSON":
                            self.not_people.add(name_key(text))
                        elif _affiliation(ent) or _named_as_a_thing(ent) or _half_of_a_name(ent):
                            self.not_people.add(name_key(text))
                        if ent.label_ == "PERSON":
                            titled, text = without_title(text) != text, without_title(text)
                            if titled or _acts(ent):
                                acting.append(text)
                            if _speaks(ent):
                                speaking.append(text)
                            person_names.append(text)
                            role = role_of(ent)
                            if role:
                                found_roles.setdefault(text, role)
                                acting.append(text)
        self.persons = {name_key(n) for n in person_names}
        self.surnames = self.persons | {key.split()[-1] for key in self.persons if key}
        self.full_names = _full_names(person_names)
        self.roles = {name_key(self.full_name(name)): role for name, role in found_roles.items()}
        self.attested = {name_key(self.full_name(name)) for name in acting}
        self.speakers = {name_key(self.full_name(name)) for name in speaking}
        self._all_keys = {name_key(t) for counter in self.entities.values() for t in counter}
        self._main_subjects = {article: _standout(Counter(name_key(self.full_name(t)) for t in texts))
                               for article, texts in mentions.items()}

    def nested(self, one: str, other: str) -> bool:
        """Whether the articles place one of two places inside the other ('Lochboisdale, South Uist',
        'South Uist, Scotland'): then the one is no false alternative to the other."""
        return self._lies_in(name_key(one), name_key(other)) or self._lies_in(name_key(other), name_key(one))

    def _lies_in(self, inner: str, outer: str) -> bool:
        seen, todo = set(), [inner]
        while todo:
            place = todo.pop()
            for container in self.within.get(place, ()):
                if container == outer:
                    return True
                if container not in seen:
                    seen.add(container)
                    todo.append(container)
        return False

    def main_country(self, article) -> str | None:
        """The country an article is about ('the country' in news means it): the one its headline names,
        else the one it names most, if one stands out."""
        if id(article) not in self._main_countries:
            parsed = self._parsed_of(article)
            counts = Counter(clean_entity(e.text) for doc in (parsed.docs if parsed else []) for e in doc.ents
                             if e.label_ == "GPE" and finer_type("GPE", clean_entity(e.text)) == "COUNTRY")
            in_title = [c for c in counts if c.lower() in (article.title or "").lower()]
            self._main_countries[id(article)] = in_title[0] if len(in_title) == 1 else _standout(counts)
        return self._main_countries[id(article)]

    def shared_predicate(self, sentence, verb) -> bool:
        """True when another sentence of the article has the same verb and object: then 'Who ...?' has
        several right answers."""
        objects = _objects(verb)
        index = self._predicates.get(id(sentence.article))
        if index is None:
            index = self._predicates[id(sentence.article)] = _predicate_index(self._parsed_of(sentence.article))
        return any(len(index.get((verb.lemma_, obj), ())) > 1 for obj in objects)

    def mentions_of(self, article, lemma: str) -> int:
        """How many words of the article start with ``lemma`` ('broadcast' counts 'broadcasts')."""
        key = (id(article), lemma)
        if key not in self._lemma_mentions:
            counts = self._lemma_counts.get(id(article))
            if counts is None:
                counts = self._lemma_counts[id(article)] = Counter(re.findall(r"[a-z]+", article.text.lower()))
            self._lemma_mentions[key] = sum(n for word, n in counts.items() if word.startswith(lemma))
        return self._lemma_mentions[key]

    def _parsed_of(self, article):
        return next((p for p in self.parsed if p.article is article), None)

    def central(self, sentence) -> bool:
        """Worth asking about: early in the article, or about what its headline or main subject is about.

        A copy of a side remark ('Hundreds of vendors offered products') tests nothing.
        """
        parsed = self._parsed_of(sentence.article)
        if parsed is None or sentence.index <= max(2, len(parsed.sentences) // 3):
            return True
        title = {w.lower() for w in (sentence.article.title or "").split() if len(w) > 3}
        words = {t.lower_ for t in sentence.span if t.is_alpha and len(t) > 3}
        main = self.main_subject(sentence.article)
        return bool(title & words) or (main is not None and main in name_key(sentence.text))

    def main_subject(self, article) -> str | None:
        """The name the article mentions most (as a name key): its main subject."""
        return self._main_subjects.get(id(article))

    def _bank_names(self, label: str) -> list[str]:
        """The bank's names of one type from the one article closest to this quiz, if it shares several names."""
        related = sorted((e for e in self.bank if self._shared_names(e) >= RELATED_BANK_NAMES),
                         key=self._shared_names, reverse=True)
        for entry in related:  # the quiz's own articles may be in the bank: skip entries with nothing new
            new = [n for n in entry.get(label, []) if name_key(n) not in self._all_keys]
            if new:
                return new
        return []

    def _shared_names(self, entry: dict[str, list[str]]) -> int:
        """Names of people, bodies and events the entry shares with the quiz: countries and nationalities,
        which many unrelated stories share, do not count."""
        return sum(1 for label, names in entry.items() if label in STORY_LABELS
                   for name in names if name_key(name) in self._all_keys)

    def plausible(self, label: str, text: str) -> bool:
        """Not an NER slip: 'Biden' tagged as a place, 'Korea' cut out of 'North Korea', 'Atwood' as an ORG."""
        if re.fullmatch(r"[A-Z]{2,}s", text):
            return False  # "ICBMs": a plural acronym is a thing, not a name
        if text.strip().upper() in TIME_ZONES:
            return False  # '0735 UTC': a clock's zone, whatever the tagger says
        if label == "PERSON":
            full = self.full_name(text)
            return _shaped_like_a_name(full) and not _PLACE_WORD.search(full) and name_key(full) not in self.not_people
        if name_key(text) in self.surnames or self._is_fragment(text):
            return False
        if label in ("ORG", "ORG_MEDIA") and " " not in text.strip() and not text.isupper() \
                and zipf_frequency(text.lower(), "en") >= 4.0:
            return False  # "Court", "State", "Education": a common word, not a body's name
        return label not in ("ORG", "ORG_MEDIA") or looks_like_organisation(text)

    def _is_fragment(self, text: str) -> bool:
        """A one-word name cut out of a longer one: 'Korea' from 'North Korea'."""
        key = name_key(text)
        return " " not in key and any(other != key and (other.endswith(" " + key) or other.startswith(key + " ")) for other in self._all_keys)

    def lone_surname(self, text: str) -> bool:
        """A single word that is the surname of exactly one person the articles name in full, and is
        not used more often as a place ('in Washington' in an article that also names Anna Washington);
        being tagged as a place does not count, as the tagger takes surnames for places ('Lukaku')."""
        key = name_key(text)
        if " " in text.strip() or text.isupper() or len(self.full_names.get(key, "").split()) < 2:
            return False
        as_place = self.placed[key]
        full = name_key(self.full_names[key])
        as_person = sum(n for name, n in self.entities.get("PERSON", Counter()).items()
                        if name_key(name) in (key, full))
        return as_place < as_person

    def full_name(self, text: str) -> str:
        """The longest form of a person's name the quiz's articles give ('Kim' -> 'Kim Jong Un')."""
        bare = without_title(clean_entity(text))
        return self.full_names.get(name_key(bare), bare)

    def attributed(self, clause) -> str | None:
        """Who a clause's 'According to X' names, in full when X is a person named in full elsewhere
        ('According to Whitmore' -> 'According to Steve Whitmore')."""
        source = clause.attribution
        if source is None or " " in source.strip():
            return source
        full = self.full_names.get(name_key(source))
        return full if full and len(full.split()) > 1 and full.split()[-1] == source.strip() else source

    def role(self, name: str) -> str | None:
        """What the articles say a person is (a leader, an expert, a player), if they say it."""
        key = name_key(name)
        if key in self.roles:
            return self.roles[key]
        return next((entry.get("ROLES", {}).get(name) for entry in self.bank if name in entry.get("ROLES", {})), None)

    def same_thing(self, one: str, other: str) -> bool:
        """One name under two forms: 'US' and 'the United States', or an abbreviation the articles define
        ('the Kurdistan Workers' Party (PKK)')."""
        if same_referent(one, other, True):
            return True
        return name_key(clean_entity(other)) in self.aliases_of(one) \
            or name_key(clean_entity(one)) in self.aliases_of(other)

    def aliases_of(self, name: str) -> dict[str, str]:
        """Other names the articles define for ``name``, key -> as the article spells it: {'pkk': 'PKK'}
        for the Kurdistan Workers' Party."""
        return self._aliases.get(name_key(clean_entity(name)), {})

    def sides(self, name: str) -> set[str]:
        """The countries, nations and bodies named in the same sentences as a person, as keys: the sides
        a person is on in a match or a dispute ('Marcus Berg' with Sweden, 'Harry Kane' with England)."""
        return self._sides.get(name_key(self.full_name(name)), set())

    @cached_property
    def _sides(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for parsed in self.parsed:
            for sentence in parsed.sentences:
                ents = sentence.span.ents
                groups = side_keys(ents)
                for ent in ents:
                    if ent.label_ == "PERSON":
                        found.setdefault(name_key(self.full_name(ent.text)), set()).update(groups)
        return found

    @cached_property
    def _aliases(self) -> dict[str, dict[str, str]]:
        """Abbreviations the articles define in brackets, both ways, as key -> {key: the article's spelling}:
        'pkk' <-> "kurdistan workers' party". Where the name starts is unsure ('Rebels of the Kurdistan
        Workers' Party (PKK)'), so it is the longest capitalised tail that can spell the abbreviation, else
        (an abbreviation of a name in another language) the run of capitalised words before the bracket;
        a shorter tail is no alias ('Party' is no PKK, and 'Workers' Party' may be Brazil's)."""
        aliases: dict[str, dict[str, str]] = {}
        for parsed in self.parsed:
            for match in _DEFINED_ABBREVIATION.finditer(parsed.article.text):
                words, short = match.group(1).split(), match.group(2)
                long = clean_entity(_named_by(words, short))
                aliases.setdefault(name_key(long), {})[name_key(short)] = short
                aliases.setdefault(name_key(short), {})[name_key(long)] = long
        return aliases

    def same_kind(self, label: str, exclude: str, use_bank: bool = True, own_must=None) -> list[str]:
        """Candidate distractors of one finer type: the quiz's own names first (most mentioned first),
        then names from bank articles about the same story (sharing several names with this quiz).
        People of another known role are left out: an expert is no option for a leader. ``own_must``,
        a test of a name, is what the quiz's own names must also pass (the bank keeps no sentences to test)."""
        return [name for name, _ in self._same_kind(label, exclude, use_bank, own_must)]

    def own_and_banked(self, label: str, exclude: str, own_must=None) -> tuple[list[str], list[str]]:
        """``same_kind`` in one pass, split into the quiz's own names and the bank's."""
        found = self._same_kind(label, exclude, True, own_must, strict_roles=True)
        return [name for name, banked in found if not banked], [name for name, banked in found if banked]

    def _same_kind(self, label: str, exclude: str, use_bank: bool, own_must,
                   strict_roles: bool = False) -> list[tuple[str, bool]]:
        """(name, whether it comes from the bank) for ``same_kind``; ``strict_roles`` (for options) keeps
        only people of the answer's role, or of none when it has none."""
        out: list[tuple[str, bool]] = []
        own = [self.full_name(t) if label == "PERSON" else t
               for t, _ in self.entities.get(label, Counter()).most_common() if self.plausible(label, t)]
        if own_must is not None:
            own = [name for name in own if own_must(name)]
        banked = [t for t in self._bank_names(label) if self.plausible(label, t)] if use_bank else []
        answer_role = self.role(exclude) if label == "PERSON" else None
        facility = bool(_PLACE_WORD.search(exclude))
        for name, from_bank in [(n, False) for n in own] + [(n, True) for n in banked]:
            if len(out) >= MAX_OPTIONS:
                break
            if label == "PERSON" and not compatible(answer_role, self.role(name), strict_roles):
                continue
            if label in ("ORG", "ORG_MEDIA") and bool(_PLACE_WORD.search(name)) != facility:
                continue  # "Johnson Space Center" is a site, not a body like NASA
            if not self.same_thing(name, exclude) and not any(self.same_thing(name, o) for o, _ in out):
                out.append((name, from_bank))
        return out

    def fuller_mention(self, sentence, noun) -> str | None:
        """How the article first named what a bare 'the <noun>' points back to, when it named it more
        fully: 'the ban' -> "President Trump's travel ban", 'the memorial' -> 'the Chiang Kai Shek Memorial'.

        Only the modifiers before the noun are taken (names, adjectives, possessives), and only when the
        whole article names one such thing: with 'New Territories West' and 'Hong Kong Island'
        constituencies, 'the constituency' could be either. None when the first mention comes later.
        """
        named = self._named_mentions(sentence.article).get(noun.lemma_.lower(), [])
        if len({text.lower() for _, text, _, _ in named}) != 1 or named[0][0] >= sentence.index:
            return None
        if self._first_mentions(sentence.article).get(noun.lemma_.lower(), sentence.index) < named[0][0]:
            return None  # 'the workers' of the story came first; 'Subway workers' later are others
        _, text, possessive, proper_head = named[0]
        head = proper_head or noun.text  # 'Memorial' as its name is spelled; 'bans' keeps its number
        return f"{text} {head}" if possessive else f"the {text} {head}"

    def _named_mentions(self, article) -> dict[str, list[tuple[int, str, bool, str | None]]]:
        """noun lemma -> (sentence index, the naming words before it, whether they are a possessive, the
        noun as written when it is part of a name), for every mention of a noun with a name before it."""
        key = id(article)
        if key not in self._mentions_named:
            found: dict[str, list[tuple[int, str, bool, str | None]]] = {}
            parsed = self._parsed_of(article)
            for sentence in parsed.sentences if parsed else []:
                for token in sentence.span:
                    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" or not _says_which(token):
                        continue
                    words = _left_modifiers(token)
                    if words:
                        text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
                        found.setdefault(token.lemma_.lower(), []).append(
                            (sentence.index, text, any(t.dep_ == "case" for t in words),
                             token.text if token.pos_ == "PROPN" else None))
            self._mentions_named[key] = found
        return self._mentions_named[key]

    def _first_mentions(self, article) -> dict[str, int]:
        """noun lemma -> the index of the sentence that first mentions it, named or not."""
        key = id(article)
        if key not in self._mentions_first:
            first: dict[str, int] = {}
            parsed = self._parsed_of(article)
            for sentence in parsed.sentences if parsed else []:
                for token in sentence.span:
                    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
                        first.setdefault(token.lemma_.lower(), sentence.index)
            self._mentions_first[key] = first
        return self._mentions_first[key]

    def titled(self, sentence, title) -> str | None:
        """Who a bare 'the President' or 'the governor' is: 'President Jacob Zuma', when the article gives
        that title to one person only and named them before this sentence. None for a title the article
        gives to two people, or to no one named."""
        word = title.lower_
        if word not in NAMEABLE_TITLES:
            return None
        holders = self._title_holders(sentence.article).get(word, [])
        if len({name for _, name in holders}) != 1 or holders[0][0] >= sentence.index:
            return None
        return f"{word.capitalize()} {holders[0][1]}"

    def _title_holders(self, article) -> dict[str, list[tuple[int, str]]]:
        """title word -> (sentence index, full name) for each person the article names with that title."""
        key = id(article)
        if key not in self._titled:
            found: dict[str, list[tuple[int, str]]] = {}
            parsed = self._parsed_of(article)
            for sentence in parsed.sentences if parsed else []:
                for ent in sentence.span.ents:
                    if ent.label_ != "PERSON":
                        continue
                    inside = ent[0].lower_ if len(ent) > 1 and ent[0].lower_ in NAMEABLE_TITLES else None
                    word = inside or role_word(ent)
                    if word in NAMEABLE_TITLES:
                        name = self.full_name(without_title(clean_entity(ent.text)))
                        found.setdefault(word, []).append((sentence.index, name))
            self._titled[key] = found
        return self._titled[key]

    def antecedent(self, sentence, pronoun) -> str | None:
        """The person 'he' or 'she' stands for: the one person the sentence before names, if just one.

        None when the pronoun isn't he/she, when the sentence itself names someone before it,
        or when the sentence before names nobody, several people, or one who is not its subject.
        """
        if pronoun.lower_ not in ("he", "she"):
            return None
        if any(e.label_ == "PERSON" and e.end <= pronoun.i for e in sentence.span.ents):
            return None
        parsed = next((p for p in self.parsed if p.article is sentence.article), None)
        if parsed is None or sentence.index == 0:
            return None
        previous = parsed.sentences[sentence.index - 1]
        if sentence.paragraph_index - previous.paragraph_index > 1:
            return None
        names = {name_key(self.full_name(e.text)): self.full_name(e.text)
                 for e in previous.span.ents if e.label_ == "PERSON"}
        if len(names) != 1:
            return None
        heads = [t for c in previous.span.root.children if c.dep_ in ("nsubj", "nsubjpass") for t in (c, *c.conjuncts)]
        if any(t.lower_ in ("he", "she", "they") for t in heads):
            return None  # 'He and Elaine divorced. He met Cynthia': 'he' is the other one
        person = next(e for e in previous.span.ents if e.label_ == "PERSON")
        # 'He owned a car that once belonged to Jiang Zemin. He funded schools': 'he' is not Jiang Zemin;
        # 'Martin, best known for theories about Barack Obama, ran in 1988. He received 19 votes': nor Obama
        return next(iter(names.values())) if in_the_subject(person.root, heads) else None


def in_the_subject(token, heads) -> bool:
    """Whether a token belongs to the subject itself ('Former deputy director ... Hussein Rashid Mohammed',
    'The Biden administration'), not to a clause inside it ('Martin, best known for theories about Obama')."""
    while token.i not in {h.i for h in heads}:
        if token.dep_ in ("acl", "relcl", "advcl", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
    return True


def side_keys(ents) -> set[str]:
    """The nations and bodies among some entities that could be a side (a team, a party, a country in a
    dispute), as keys: not a place something happened in ('detained in Pyongyang')."""
    return {name_key(clean_entity(e.text)) for e in ents if e.label_ in ("NORP", "ORG") or (
        e.label_ == "GPE" and not (e.start > 0 and e.doc[e.start - 1].lower_ in PLACE_PREPOSITIONS))}


PLACE_PREPOSITIONS = frozenset("in at to from near into across outside around toward towards".split())
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case"})


def _place_after_comma(ent) -> str | None:
    """'South Uist' in 'Lochboisdale, South Uist': a place named right after another and a comma, as a
    place entity or, where the tagger missed it, a run of proper nouns."""
    doc = ent.doc
    start = ent.end + 1
    if start >= len(doc) or doc[ent.end].text != ",":
        return None
    if doc[start].ent_iob_ == "B" and doc[start].ent_type_ in ("GPE", "LOC", "NORP"):
        outer = next(e for e in doc.ents if e.start == start)
        return clean_entity(outer.text)
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "GPE", "LOC"):
        end += 1
    return doc[start:end].text if end > start else None


def _left_modifiers(noun) -> list:
    """The words before a noun that name which one it is ('President Trump's travel', 'Chiang Kai Shek'),
    up to five; none without a name among them ('the prototype orbiter' may be another orbiter), or with
    a number or pronoun."""
    words = [t for t in noun.doc[noun.left_edge.i:noun.i]]
    while words and words[0].dep_ == "det" and words[0].tag_ != "WP$":
        words = words[1:]  # 'the', 'a'
    if any(t.dep_ not in _NAMING_DEPS or t.like_num or t.tag_ in ("WP$", "PRP$") for t in words):
        return []  # 'a 2 meter high pig', 'whose boat', 'their tests': not a name to borrow
    naming = [t for t in words if t.text[:1].isupper() and not t.is_stop  # 'prototype orbiter' may be another
              and (t.i != t.sent.start or t.pos_ == "PROPN" or t.ent_type_)]  # 'Heavy storms' opens a sentence
    return words if naming and len(words) <= 5 else []


_COMPARING = frozenset("like unlike as than".split())


def _says_which(noun) -> bool:
    """A mention that says which thing is meant, as a fact: 'the ban' may borrow "President Trump's travel
    ban" from 'a court blocked President Trump's travel ban', not 'an E-type asteroid' from 'it cannot be
    an E-type asteroid', nor 'California's Golden Gate Bridge' from 'built in the image of ...'."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no", "another", "either") for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ == "pobj":
        if head.lower_ in _COMPARING or head.head.pos_ not in ("VERB", "AUX"):
            return False  # 'like X', 'the image of X'
        head = head.head
    elif noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return not any(c.dep_ == "neg" for c in head.children)


def _predicate_index(parsed) -> dict[tuple[str, str], set[int]]:
    """(verb lemma, object lemma) -> the sentences of the article that have it."""
    index: dict[tuple[str, str], set[int]] = {}
    for sentence in parsed.sentences if parsed else []:
        for token in sentence.span:
            for obj in _objects(token):
                index.setdefault((token.lemma_, obj), set()).add(sentence.index)
    return index


def _shaped_like_a_name(full: str) -> bool:
    """Two or more words, each capitalised or a particle ('Ludwig van Beethoven'); none in capitals
    ('HMP Glasgow'), none lower-case ('Cyanogen mod'), and no title last ('Irish Taoiseach')."""
    words = full.split()
    return len(words) >= 2 and words[-1].lower() not in TITLES \
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) \
        and not any(len(w) > 1 and w.isalpha() and w.isupper() for w in words)


def _acts(ent) -> bool:
    """A name as the subject of a verb ('Weir won', 'Gbagbo was ordered'): a person, where a tagger's
    slip is mostly a place, a body or a prize that things happen in or are won ('at HMP Glasgow',
    'member of Civic Platform', 'won Best Rap Performance')."""
    token = _past_conjuncts(ent.root)
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB"


def _speaks(ent) -> bool:
    """A name as the subject of a reporting verb: '..., said Jerzy Buzek', 'Gorbachev told Interfax'."""
    token = _past_conjuncts(ent.root)
    return token.dep_ == "nsubj" and token.head.lemma_ in REPORTING_VERBS


def _past_conjuncts(token):
    """The first of joined names, which carries their role: 'Eden Hazard' in 'Eden Hazard and Axel Witsel played'."""
    while token.dep_ == "conj":
        token = token.head
    return token


def _half_of_a_name(ent) -> bool:
    """A person's name the tagger cut in two ('Elkin Alonso' + 'Serna Moreno'): no option, no answer."""
    return any(other.label_ == "PERSON" and (other.end == ent.start or other.start == ent.end) and _name_like(other)
               for other in ent.doc.ents if other is not ent)


def _name_like(ent) -> bool:
    """Every word capitalised, and no possessive: 'Serna Moreno', not "Pro-Beijing DAB's" or 'nonpartisan'."""
    return all(t.text[:1].isupper() for t in ent) and ent[-1].tag_ != "POS" and not ent.text.endswith(("'s", "’s"))


def _objects(verb) -> set[str]:
    """What a verb is done to: its object, else (passive or intransitive) the nouns of its prepositions
    ('was booked for his bad foul' -> foul; 'scored from the penalty spot' -> spot)."""
    direct = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
    if direct:
        return direct
    return {o.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "agent")
            for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"}


_THING_OF = frozenset(
    "temple tomb church mosque cathedral palace city town village island province region district county port "
    "university kingdom republic lake mount river valley desert".split())
_FIRM_BEFORE = frozenset("pt firm company builders builder contractor contractors maker manufacturer operator "
                         "airline carrier group".split())
_FIRM_AFTER = frozenset("inc inc. ltd ltd. corp corp. co. plc gmbh ag".split())
_THING_SAID = _THING_OF | _FIRM_BEFORE | frozenset(  # what an appositive calls a place, a firm or a work
    "location place site landmark building monument restaurant hotel bar beach museum park square street "
    "creek band ship film movie book song album newspaper magazine".split())


def _named_as_a_thing(ent) -> bool:
    """A name the tagger took for a person that the words around show to be a place, a firm or a work:
    'the Temple of Taposiris Magna', 'builders PT Hutama Karya', 'Karya Ltd', 'The Good Dinosaur', 'Ross
    Mirador, a famous location'."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before == "of" and ent.start > 1 and doc[ent.start - 2].lemma_.lower() in _THING_OF:
        return True
    if before == "the":
        return True  # "Pixar's The Good Dinosaur": a person's name takes no 'the'
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if before in _FIRM_BEFORE or after in _FIRM_AFTER:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in _THING_SAID for c in ent.root.children):
        return True  # 'The Agustín Ross Mirador, a famous location in front of the beach'
    owned = ent.end if ent[-1].lower_ in ("'s", "’s") else ent.end + 1 if after in ("'s", "’s") else len(doc)
    return owned < len(doc) and doc[owned].text in _NAMED_AFTER_SOMEONE  # "Saint Patrick's Day parade"


_NAMED_AFTER_SOMEONE = frozenset("Day Cathedral Church Chapel College Hospital Square Park Bridge School University "
                                 "Street Road Avenue Stadium Hall Island Bay Falls".split())


def _affiliation(ent) -> bool:
    """'Cheng Chung-tai of Civic Passion', 'Civic Passion's Wong Yeung-tat': a name a person belongs to
    is a party or a body, whatever the tagger says."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "from") and root.head.head.ent_type_ == "PERSON":
        return True
    return root.dep_ == "poss" and root.head.ent_type_ == "PERSON"


def _standout(counts: Counter) -> str | None:
    """The most counted key, if it was counted at least twice and more often than any other."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _full_names(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest form that ends with it (a surname), else starts with it.

    Among several fuller forms the most mentioned wins: 'Mohamed' -> 'Ahmed Mohamed'; among as many
    mentions the first named, as a story names its subject before the relatives who share the surname
    ('Barlow' is John Perry Barlow, not his father Norman Barlow named later).
    """
    counts = Counter(name_key(n) for n in names)
    spelled = {name_key(n): n for n in names}
    first = {key: index for index, key in reversed(list(enumerate(name_key(n) for n in names)))}
    result: dict[str, str] = {}
    for key, name in spelled.items():
        longer = [k for k in spelled if len(k) > len(key)]
        fuller = [k for k in longer if k.endswith(" " + key)] or [k for k in longer if k.startswith(key + " ")]
        best = max(fuller, key=lambda k: (counts[k], -first[k]), default=key)
        result[key] = spelled[best]
    by_surname: dict[str, set[str]] = {}
    for key, name in spelled.items():
        words = name.split()
        surname = name_key(words[-1])  # 'Wingfield-Hayes' is one surname
        if len(words) > 1 and len(surname) >= 3:
            by_surname.setdefault(surname, set()).add(result[key])
    for surname, fullest in by_surname.items():
        if surname not in result and len(fullest) == 1 and surname not in country_names():
            result[surname] = fullest.pop()  # 'Lukaku' tagged as a place still means Romelu Lukaku
    return result


_STOP = frozenset({"the", "of", "and", "a", "an", "in", "for", "on", "at", "to"})
_ALIASES = {
    "us": "united states", "u s": "united states", "usa": "united states", "u s a": "united states",
    "america": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "un": "united nations", "eu": "european union",
    "dprk": "north korea", "rok": "south korea", "prc": "china",
}
_GOVERNMENT_SEATS = {  # capitals that news uses for their governments
    "washington": "united states", "pyongyang": "north korea", "seoul": "south korea", "beijing": "china",
    "moscow": "russia", "kremlin": "russia", "white house": "united states",
}


def canonical(key: str) -> str:
    """A name key under its usual form: 'us' -> 'united states'."""
    return _ALIASES.get(key, key)


@lru_cache(maxsize=65536)
def same_referent(one: str, other: str, seats: bool = False) -> bool:
    """True when two names may name one thing: a variant, a part, an alias or an acronym of the other.

    'US' ~ 'the United States', 'Kim' ~ 'Kim Jong Un', 'UAAR' ~ 'Union of Rationalist Atheists and Agnostics';
    with ``seats``, also a capital standing for its government: 'Washington' ~ 'the United States'.
    """
    a, b = name_key(one), name_key(other)
    a, b = _ALIASES.get(a, a), _ALIASES.get(b, b)
    if seats:
        a, b = _GOVERNMENT_SEATS.get(a, a), _GOVERNMENT_SEATS.get(b, b)
    if a == b:
        return True
    if a in country_names() and b in country_names():
        return False  # "Sudan" and "South Sudan" are two countries, not a name and its part
    left, right = set(a.split()) - _STOP, set(b.split()) - _STOP
    if left and right and (left <= right or right <= left):
        return True
    return _acronym_of(one, other) or _acronym_of(other, one)


def _acronym_of(short: str, long: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not (2 <= len(letters) <= 8 and letters.isupper()):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", long) if w.lower() not in _STOP]
    initials = "".join(w[0] for w in words).upper()
    return len(words) >= 2 and (letters in initials or sorted(letters) == sorted(initials))


_NEEDS_THE = re.compile(r"^(united|u\.s\.|us$|uk$|netherlands|philippines|european|white house|kremlin|pentagon)",
                        re.IGNORECASE)


def with_article(name: str) -> str:
    """'United States' -> 'the United States': names that take 'the' in running text."""
    return f"the {name}" if _NEEDS_THE.match(name) else name
