"""When two spellings are forms of one word: the one owner of word-form matching for answering and triage.

Why one module: the same question ("is 'treatment' the word 'treat'?") was answered in several places with
slightly different copies (label focus, answer focus, paragraph relatedness, the claim evidence's stems, the
triage's corpus-word test), so a fix to one drifted from the others. All stems are the Snowball English stems
that BM25 indexes (index/lexical.py, PyStemmer), so "the same word" means the same thing to search and to
answering.

- `stem`: the Snowball stem of a word ("genetically" -> "genet").
- `same_family`: two stems of one word family ("treat" / "treatment", "diagnos" / "diagnosi"): equal, or one
  starts the other and both have at least FAMILY_PREFIX letters (shorter stems such as "us" / "use" collide);
  the sentence overlap score asks for five (assistant/sentences.py).
- `family_in`: `same_family` against a whole collection of stems at once; `FamilyIndex` when many words are asked
  of one collection.
- `in_vocabulary`: a word, an inflection of it ("change": "changes") or a longer word it clips ("chemo":
  "chemotherapy") is in a set of plain lower-case words.
"""

from __future__ import annotations

from collections.abc import Collection

from index.lexical import stem_word

FAMILY_PREFIX = 4  # letters both stems need before one starting the other counts as one family


def stem(word: str) -> str:
    """The Snowball stem of a word (lower-cased first)."""
    return stem_word(word.lower())


def same_family(a: str, b: str, prefix: int = FAMILY_PREFIX) -> bool:
    """Two stems of one word family: equal, or one starts the other (`prefix` letters at least)."""
    return a == b or (min(len(a), len(b)) >= prefix and (a.startswith(b) or b.startswith(a)))


def family_in(word: str, words: Collection[str], prefix: int = FAMILY_PREFIX) -> bool:
    """Whether `words` holds a word of `word`'s family (`same_family` with `prefix`), in one pass without a call per
    word: the sentence scorers ask it of every question word against every candidate sentence's words."""
    if len(word) < prefix:  # too short to start or be started: only the word itself
        return word in words
    return any(w.startswith(word) or (len(w) >= prefix and word.startswith(w)) for w in words)


class FamilyIndex:
    """Stems indexed by their starts, for `family_in` asked of many words against one collection: a word's family is
    found by set look-ups (the stems it starts, the starts of it that are stems) instead of a scan of the collection.
    `word in FamilyIndex(words, prefix)` is `family_in(word, words, prefix)`."""

    def __init__(self, words: Collection[str], prefix: int = FAMILY_PREFIX) -> None:
        self.words = frozenset(words)
        self.prefix = prefix
        self.starts = frozenset(w[:i] for w in self.words for i in range(prefix, len(w) + 1))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or len(word) < self.prefix:
            return word in self.words
        return word in self.starts or any(word[:i] in self.words for i in range(self.prefix, len(word)))


def inflections(word: str) -> set[str]:
    """The word with a plural ending added or taken off: the forms a plain word list spells it in."""
    return {word, word + "s", word + "es", word[:-1] if word.endswith("s") else word}


def in_vocabulary(word: str, vocabulary: Collection[str]) -> bool:
    """`vocabulary` has the word, an inflection of it, or a longer word it clips ("chemo": "chemotherapy")."""
    return any(form in vocabulary for form in inflections(word)) or any(v.startswith(word) for v in vocabulary)
