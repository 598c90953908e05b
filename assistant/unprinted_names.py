"""Names a first turn asks about that the article never prints, typed in lower case: an institution ("is mayo clinic
good for pns") or an abbreviation only the cited sources define, whose meaning is far from everything the article
says ("vgcc antibody test what does it show").

Why: the support gate flags a name it can see by its shape (a capitalised word mid-sentence, a digit, a drug
ending: assistant/abstention.unknown_specific_terms); typed fast and in lower case, a name has no shape, and the
rest of the question ("good for pns", "antibody test") is close to some sentence of this one-subject article, so
the answer showed the nearest passage about something else. Every check reads the article itself: a word the
article uses in any form names nothing it lacks, and the glossary's abbreviations (built from the article and its
sources) are exempt unless the article prints neither the short nor the long form and no article sentence is near
the long form in meaning. Places typed in lower case were tried too (a word's closeness to named places under the
sentence model) and left out: a bank's answerable regional question naming a place was refused, where the article's
global sentences answer it in general.

Such a turn passed the similarity gate, so it is on the article's subject: the caller answers `not_found`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.word_forms import stem
from foundation.vectors import unit_rows

Embed = Callable[[Sequence[str]], Sequence[Sequence[float]]]

# An abbreviation's long form at most this close to every article sentence names something the article does not
# speak of: "voltage-gated calcium channel" 0.10, "NMDA receptor" 0.20, while "plasma exchange" (plasmapheresis)
# is 0.33 and every other long form of the glossary the article does not print is 0.37 or more.
FAR_FROM_ARTICLE = 0.25
# "mayo clinic", "st judes hospital", "md anderson cancer center": a name before an institution's kind.
_INSTITUTION = re.compile(r"\b(?P<name>[a-z][a-z'’-]*)\s+(?:clinics?|hospitals?|(?:cancer\s+|medical\s+)?cent(?:er|re)s?|"
                          r"institutes?|university)\b")
_WORD = re.compile(r"[a-z][a-z0-9]*")


@dataclass(frozen=True)
class ArticleText:
    """What the article prints: its words, their stems, and its sentence vectors (unit rows)."""

    text: str
    words: frozenset[str]
    stems: frozenset[str]
    sentences: np.ndarray

    @classmethod
    def of(cls, text: str, sentence_vectors: Sequence[Sequence[float]]) -> "ArticleText":
        words = frozenset(_WORD.findall(text.lower()))
        return cls(text.lower(), words, frozenset(stem(w) for w in words), unit_rows(sentence_vectors))

    def uses(self, word: str) -> bool:
        """The article prints `word` in some form ("hips" for "hip", "genes" is not "genetically")."""
        return word in self.words or stem(word) in self.stems


@dataclass(frozen=True)
class Lexicon:
    """The words a name check must leave alone, and the glossary's long form of a short form."""

    corpus: frozenset[str]       # every word of the article, its sources and bibliography
    known: frozenset[str]        # reference names, glossary short forms, contractions (Triage.known_terms)
    common: frozenset[str]       # the most frequent English words: never an institution's name
    is_stopword: Callable[[str], bool]
    long_form: Callable[[str], str | None]


def unprinted_names(question: str, article: ArticleText, lexicon: Lexicon, embed: Embed) -> list[str]:
    """The names in `question` the article never prints (module docstring), in the question's order."""
    words = [w for w in dict.fromkeys(_WORD.findall(question.lower()))
             if len(w) >= 2 and not lexicon.is_stopword(w) and not article.uses(w)]
    found = [w for w in words if _far_abbreviation(w, article, lexicon, embed)]
    found += [n for n in institutions(question, article, lexicon) if n not in found]
    return found


def _far_abbreviation(word: str, article: ArticleText, lexicon: Lexicon, embed: Embed) -> bool:
    long = lexicon.long_form(word)
    if long is None or long.lower() in article.text:
        return False
    content = [w for w in _WORD.findall(long.lower()) if not lexicon.is_stopword(w)]
    if not content or all(w in lexicon.common for w in content):  # "vs" -> "versus": a function word, no name
        return False
    vector = unit_rows(embed([long]))[0]
    return float((article.sentences @ vector).max()) < FAR_FROM_ARTICLE


def institutions(question: str, article: ArticleText, lexicon: Lexicon) -> list[str]:
    """Institutions named by a word neither the corpus nor everyday English uses ("mayo clinic"; not "a good clinic",
    "the local hospital", "a cancer center")."""
    found: list[str] = []
    for m in _INSTITUTION.finditer(question.lower()):
        name = m.group("name").rstrip("'’s") if m.group("name").endswith(("'s", "’s")) else m.group("name")
        if (len(name) >= 3 and not lexicon.is_stopword(name) and name not in lexicon.common and name not in lexicon.corpus
                and name not in lexicon.known and not article.uses(name)):
            found.append(m.group(0))
    return found
