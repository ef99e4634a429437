"""What a person is in the story, read off the words around the name: a leader, an expert, a player.

A distractor for a leader should be another leader ("North Korean leader Kim Jong Un",
"Former US President Donald Trump"), not the expert quoted further down.
"""

from __future__ import annotations

ROLE_GROUPS = {
    "politician": "leader president minister chancellor premier king queen prince governor senator mayor "
                  "secretary ambassador diplomat lawmaker politician candidate councillor chairman dictator".split(),
    "expert": "expert analyst professor researcher scientist scholar economist doctor director".split(),
    "journalist": "journalist correspondent reporter editor cameraman producer columnist".split(),
    "sportsperson": "player striker midfielder defender goalkeeper captain coach manager forward "
                    "winger referee athlete".split(),
    "official": "official spokesman spokeswoman spokesperson officer general commander chief".split(),
    "artist": "actor actress singer artist author writer novelist illustrator director musician".split(),
}
_WORD_TO_GROUP = {word: group for group, words in ROLE_GROUPS.items() for word in words}
ROLE_WORDS = frozenset(_WORD_TO_GROUP)


def role_of(ent) -> str | None:
    """The role group a sentence gives a person entity, from a title before the name or an appositive."""
    word = role_word(ent)
    return _WORD_TO_GROUP[word] if word else None


def role_word(ent) -> str | None:
    """The role word a sentence gives a person entity, from a title before the name ('President' before
    'Jacob Zuma') or an appositive ('Jacob Zuma, the president')."""
    doc = ent.doc
    for token in reversed(doc[max(ent.sent.start, ent.start - 4):ent.start]):
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"):
            break
        if token.lower_ in _WORD_TO_GROUP:
            return token.lower_
    for child in ent.root.children:
        if child.dep_ == "appos" and child.lower_ in _WORD_TO_GROUP:
            return child.lower_
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.lower_ in _WORD_TO_GROUP:
        return head.lower_
    return None


def compatible(answer_role: str | None, option_role: str | None, strict: bool = False) -> bool:
    """A person may stand in for another unless the story gives them different roles; ``strict``, only one
    of the same role, or one the story gives no role to for one it gives none to (two ministers are no
    options for the boy killed in a school fight)."""
    if strict:
        return answer_role == option_role
    return answer_role is None or option_role is None or answer_role == option_role
