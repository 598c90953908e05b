"""Typo correction against the corpus vocabulary (symspellpy), so "siezure" and "simptoms" still match.

Why the corpus and not a dictionary of misspellings: the words that matter for answering are the
article's and its bibliography's own (paraneoplastic, plasmapheresis, Trousseau, Varki), and the
words the safety rules look for (seizure, unconscious, breathing). SymSpell (a maintained library)
finds the closest of those by Damerau edit distance in microseconds.

What is never touched: a word already known (the corpus, the glossary, or English: symspellpy's
bundled frequency list of 82,765 English words, used only as a set of words to leave alone), a
word with a digit, an abbreviation in capitals, a capitalised name in mid-sentence (an author or a
place the corpus may not know), and anything shorter than three letters. Words of three or four
letters are only un-swapped ("teh", "whta"): any other edit of a short word finds some other short
word ("derm" -> "term", "thx" -> "the"). Longer words may differ by one edit, and words of eight
letters or more by two, provided the first and last letters agree ("uncontious" -> "unconscious",
but the antibody "recoverin" never becomes "recovery"). A final g dropped the way people talk
("havin", "shakin") is put back first, when that makes a corpus or safety word: SymSpell alone would
make "havin" the nearer "haven".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from symspellpy import SymSpell, Verbosity

from assistant.speller_dictionary import built_symspell

ENGLISH_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
MIN_LENGTH = 3
LONG_WORD = 8  # words this long may be two edits away
SHORT_WORD = 4  # words this short may only have two letters swapped
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_CORPUS_WORD = re.compile(r"[a-z]+")
_VOWELS = re.compile(r"[aeiouy]")


def english_word_ranking() -> tuple[str, ...]:
    """The English words symspellpy ships (lower case, no apostrophes), most frequent first: read it once and
    take the subsets from it, rather than re-reading the 82,765-line file for each."""
    text = resources.files("symspellpy").joinpath(ENGLISH_WORDS_FILE).read_text(encoding="utf-8")
    return tuple(line.split(" ", 1)[0] for line in text.splitlines() if line)


def english_words(most_common: int | None = None) -> frozenset[str]:
    """Words a typo fixer must leave alone (`english_word_ranking`); `most_common` keeps only the first n."""
    return frozenset(english_word_ranking()[:most_common])


def corpus_word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each lower-case word occurs in `texts` (hyphenated and possessive forms split)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in _CORPUS_WORD.findall(text.lower().replace("’", "'")) if len(w) >= 2)
    return counts


@dataclass
class Speller:
    """Corrects unknown words to the closest corpus (or safety) word; see the module docstring."""

    corpus_counts: Counter[str]
    known: frozenset[str]
    targets: frozenset[str] = frozenset()
    cache_dir: Path | None = field(default=None, repr=False, compare=False)  # where the built dictionary is kept
    _symspell: SymSpell = field(init=False, repr=False)
    _by_consonants: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries = [(word, count + 1) for word, count in self.corpus_counts.items()]
        # safety words: found, but a corpus word of equal distance wins (sorted: one order, so one cache file)
        entries += [(word, 1) for word in sorted(self.targets) if word not in self.corpus_counts]
        self._symspell = built_symspell(entries, self.cache_dir)
        self.known = self.known | frozenset(self.corpus_counts) | self.targets
        # each safety word under its consonants, once: the vowel-less word it stands for (ties: the corpus's more
        # frequent word, then the shorter)
        ranked = sorted(self.targets, key=lambda w: (-self.corpus_counts.get(w, 0), len(w), w), reverse=True)
        self._by_consonants = {_VOWELS.sub("", w): w for w in ranked}

    @classmethod
    def build(cls, corpus_texts: Iterable[str], targets: Iterable[str] = (), known: Iterable[str] = (),
              english: frozenset[str] | None = None, cache_dir: Path | None = None) -> "Speller":
        """A speller whose corrections are the words of `corpus_texts` plus `targets` (e.g. the safety words);
        `cache_dir` (under HOME) keeps its built dictionary for the next process (assistant/speller_dictionary.py)."""
        counts = corpus_word_counts(corpus_texts)
        english = english_words() if english is None else english
        return cls(counts, english | frozenset(w.lower() for w in known), frozenset(w.lower() for w in targets),
                   cache_dir)

    def is_known(self, word: str) -> bool:
        return word.lower().replace("'", "") in self.known or word.lower() in self.known

    def correct_word(self, word: str) -> str | None:
        """The corpus word `word` is a typo of, or None when it is known or nothing is close enough."""
        low = word.lower()
        if len(low) < MIN_LENGTH or "'" in low or self.is_known(low):
            return None
        if low.endswith("in") and (low + "g" in self.targets or low + "g" in self.corpus_counts):
            return low + "g"  # a dropped g: 'havin', 'shakin', 'bleedin' (but the antibody 'recoverin' stays)
        unvowelled = self._unvowelled(low) if len(low) >= SHORT_WORD and not _VOWELS.search(low) else None
        if unvowelled is not None:
            return unvowelled
        distance = 2 if len(low) >= LONG_WORD else 1
        found = [s for s in self._symspell.lookup(low, Verbosity.CLOSEST, max_edit_distance=distance)
                 if _plausible(low, s.term, s.distance)]
        if not found or found[0].term == low:
            return None
        # a letter typed wrong is likelier than one left out: 'varky' is 'varki' before it is 'vary';
        # the word itself breaks a tie ('grandta': grandma or grandpa), or the answer would depend on the
        # order SymSpell happens to return its suggestions in, which changes from one process to the next
        best = max(found, key=lambda s: (len(s.term) == len(low), s.count, s.term))
        return best.term

    def _unvowelled(self, low: str) -> str | None:
        """A word of four letters or more typed without its vowels ('chst', 'brth', 'bldng') is the safety word with
        exactly those consonants in that order, when there is one (ties: the corpus's more frequent word, then the
        shorter): texting drops vowels, and an edit distance of two or three would find any short word. Three
        consonants are too few to tell ('sht' is no 'shoot')."""
        return self._by_consonants.get(low)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with typos corrected (case of a first capital kept) and the (typo, correction) pairs made."""
        shouting = sum(c.isupper() for c in text) > sum(c.islower() for c in text)
        changes: list[tuple[str, str]] = []
        pieces: list[str] = []
        last = 0
        for m in _WORD.finditer(text):
            word = m.group(0)
            if not shouting and _is_protected(word, text, m.start()):
                continue
            fixed = self.correct_word(word)
            if fixed is None:
                continue
            if word[:1].isupper():
                fixed = fixed.upper() if shouting else fixed[:1].upper() + fixed[1:]
            pieces.append(text[last: m.start()])
            pieces.append(fixed)
            last = m.end()
            changes.append((word, fixed))
        pieces.append(text[last:])
        return "".join(pieces), changes


def _plausible(typed: str, word: str, distance: int) -> bool:
    """Short words only by a swap of letters; two edits only with the first and last letters kept, a silent final
    e left off counting as kept ('unrespondsiv' is 'unresponsive': people spell by sound and drop the e)."""
    if len(typed) <= SHORT_WORD:
        return sorted(typed) == sorted(word)
    last_kept = typed[-1] == word[-1] or (word[-1] == "e" and typed[-1] == word[-2])
    return distance < 2 or (typed[0] == word[0] and last_kept)


def _is_protected(word: str, text: str, start: int) -> bool:
    """Capitals mark names and abbreviations: leave 'IVIG', 'CONTINUUM' and a mid-sentence 'Graber' alone."""
    if len(word) > 1 and word.isupper():
        return True
    if any(c.isupper() for c in word[1:]):
        return True
    if word[:1].isupper():
        before = text[:start].rstrip()
        return bool(before) and before[-1] not in ".?!:;\"'(“"
    return False
