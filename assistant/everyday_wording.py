"""A first question that names its subject only by a pronoun and asks in everyday words the article words otherwise:
"how fast does it come on" ("rapidly"), "why is it so hard to pin down" ("difficult").

Why: a first turn is read as being about the article's subject only when every word is the corpus's own
(assistant/conversation.resolve_first_turn), so these stayed as typed, retrieved nothing (best similarity 0.01 to
0.13) and were refused as out of scope, though each asks what one article sentence says. What the ask needs is read
from the sentence model, not from a table of phrasings: an everyday word (the triage's common-English list) that is
a near-synonym of an article word (`Triage.near_synonym`, the threshold the yes/no family hints already use) is
evidence that the question is worded from the article's side; and nothing in it may name another subject (every
word the corpus's or everyday English). "is it raining in paris", "tell me a joke about it" and "how much does it
cost to fly to paris" have no such word (or an uncommon one), so they stay out of scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.question_words import ASK_AUXILIARIES, WH_SPELLINGS, WH_WORDS

# A pronoun standing for the subject. "they" and "them" are left out (mostly the doctors: "why do they need a csf
# test"), and so is "that" (it mostly introduces a clause).
_PRONOUN = re.compile(r"\b(?:it|this)\b", re.IGNORECASE)
# "they" or "them" beside "it" is someone doing something to it ("how do they actually test for it"): the subject
# is then not only a pronoun for the condition, and the first pronoun would be read as the condition.
_OTHERS = re.compile(r"\b(?:they|them)\b", re.IGNORECASE)
# A question that opens with its question word or auxiliary: one that opens with a thing named ("autoantibody panel
# whats it for", "nerve conduction test what does it show") or an order ("list every test used to diagnose it") has
# "it" stand for that thing, not for the condition.
_OPENING = frozenset((*WH_WORDS, *WH_SPELLINGS, *ASK_AUXILIARIES))
# A short ask only: in a longer message "it" as often stands for something else it names ("whether starting treatment
# quickly changes anything or if it all ends up the same"), measured on paraphrase_check's studied part.
_MOST_WORDS = 8
_WORD = re.compile(r"[a-z]+")
_SHORTEST = 4  # the near-synonym look-up's own floor (three-letter words are too often other words' fragments)


def near_worded(question: str, is_corpus_word: Callable[[str], bool], common: Collection[str],
                near_synonym: Callable[[str], tuple[str, ...]]) -> dict[str, str]:
    """The everyday words of a pronoun-subject question that are near-synonyms of an article word, each with that
    word ({"fast": "rapidly"}); {} when the subject is named, a word is neither the corpus's nor everyday English,
    or no everyday word has an article near-synonym."""
    if not _PRONOUN.search(question) or _OTHERS.search(question):
        return {}
    typed = _WORD.findall(question.lower().replace("'", ""))
    if len(typed) > _MOST_WORDS or not typed or typed[0] not in _OPENING:
        return {}
    words = [w for w in _WORD.findall(question.lower()) if len(w) >= 3]
    if not words or not all(is_corpus_word(w) or w in common for w in words):
        return {}
    if any(is_corpus_word(w) and w not in common for w in words):
        return {}  # a word only the corpus uses names the subject ("... cerebellar degeneration, is it genetic")
    found: dict[str, str] = {}
    for word in dict.fromkeys(words):
        if len(word) < _SHORTEST or is_corpus_word(word):
            continue
        synonym = near_synonym(word)
        if synonym and synonym[0] != word:
            found[word] = synonym[0]
    return found
