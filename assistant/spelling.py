"""Typo correction against the corpus vocabulary (symspellpy), so "siezure" and "simptoms" still match.

Why the corpus and not a dictionary of misspellings: the words that matter for answering are the
article's and its bibliography's own (paraneoplastic, plasmapheresis, Trousseau, Varki), and the
words the safety rules look for (seizure, unconscious, breathing). A British spelling the corpus spells the American
way ("tumour", "anaemia") is given the corpus's spelling first (assistant/dual_spellings.py). SymSpell (a maintained library)
finds the closest of those by Damerau edit distance in microseconds.

What is never touched: a word already known (the corpus, the glossary, or English: symspellpy's
bundled frequency list of 82,765 English words, used only as a set of words to leave alone), a
word with a digit, an abbreviation in capitals, a capitalised name in mid-sentence (an author or a
place the corpus may not know), and anything shorter than three letters. Words of three or four
letters are only un-swapped ("teh", "whta") or given back a doubled letter typed once ("blod" -> "blood"): any
other edit of a short word finds some other short word ("derm" -> "term", "thx" -> "the"). Longer words may differ
by one edit, and words of eight letters or more by two, provided the first and last letters agree ("uncontious" -> "unconscious",
but the antibody "recoverin" never becomes "recovery"). A final g dropped the way people talk
("havin", "shakin") is put back first, when that makes a corpus or safety word: SymSpell alone would
make "havin" the nearer "haven"; a dropped g with a typo besides ("brethin", "siezin") is mended to a safety word only.

A word of five letters or more that is neither known nor near a corpus or safety word is, last, mended to the
most frequent of the common English words (symspellpy's list, the first ENGLISH_TARGETS) one edit away
("famlies" -> "families", "completly" -> "completely", "permanant" -> "permanent"): left as typed, the lay
phrase it belongs to ("does it run in families") reached neither the lay-word map nor retrieval, and the
question was judged off topic. Shorter words are never mended this way ("mri" is no "mir"), nor a word whose
first six letters begin a corpus word ("reversable" stays: retrieval reaches the article's "reverse" by them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from symspellpy import SymSpell, Verbosity

from assistant.dual_spellings import american_spellings
from assistant.speller_dictionary import load_or_build_symspell

ENGLISH_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
MIN_LENGTH = 3
LONG_WORD = 8  # words this long may be two edits away
SHORT_WORD = 4  # words this short may only have two letters swapped
ENGLISH_TARGETS = 30_000  # the most frequent English words a typo outside the corpus may be mended to
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
RUN_TOGETHER_RANK = 1_000  # both halves of a word typed without its space are among this many most frequent English words
SHORT_HALF_RANK = 200  # ... and a two-letter half among this many
# suffixes that make a new word of a known one ('rouse' -> 'rousable'): such a word is left as typed, not mended to English
DERIVATIONAL_SUFFIXES = ("able", "ible", "ness", "less", "ment")
STEM = 6  # leading letters a typo shares with a corpus word when it is left to retrieval rather than mended to English
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# two words typed for one (Speller.joined): a lower-case pair, the first maybe capitalised, apart by a space or hyphen
_PAIR = re.compile(r"(?<![\w'-])([A-Za-z][a-z]+)[ -]([a-z]+)(?![\w'-])")
JOINED_LEAST = 8  # a joined word is at least this long (a term, not "in to" -> "into")
JOINED_COUNT = 2  # ... and occurs at least this often in the corpus
_CORPUS_WORD = re.compile(r"[a-z]+")
_VOWELS = re.compile(r"[aeiouy]")
# The words a question opens with. A known word typed first whose two swapped neighbouring letters make one of them
# ("dose diet make a difference") is that opener typed in a hurry, a real word the unknown-word search never sees;
# unless the word after it makes the typed word a noun or a name ("dose of ivig", "dose for a child", "dose 2").
QUESTION_OPENERS = frozenset("does what when which where who why how can could should would will did is are was were "
                             "has have".split())
_OPENER_NOUN_AFTER = re.compile(r"^\s*(?:[\d(]|(?:of|for|per|to|in|on|at|with|and|or|is|was|be|by|from|when|if|too|"
                                r"should|would|could|can|will|do|does)\b|[?.!,:;]|$)", re.IGNORECASE)


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
    english_ranks: dict[str, int] = field(default_factory=dict, repr=False)  # common English word -> frequency rank
    unmended: frozenset[str] = frozenset()  # words never mended to English (the lay map's own: 'neuro' is no 'nero')
    _symspell: SymSpell = field(init=False, repr=False)
    _by_consonants: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries = [(word, count + 1) for word, count in self.corpus_counts.items()]
        # safety words: found, but a corpus word of equal distance wins (sorted: one order, so one cache file)
        entries += [(word, 1) for word in sorted(self.targets) if word not in self.corpus_counts]
        self._symspell = load_or_build_symspell(entries, self.cache_dir)
        self.known = self.known | frozenset(self.corpus_counts) | self.targets
        # each safety word under its consonants, once: the vowel-less word it stands for (ties: the corpus's more
        # frequent word, then the shorter)
        ranked = sorted(self.targets, key=lambda w: (-self.corpus_counts.get(w, 0), len(w), w), reverse=True)
        self._by_consonants = {_VOWELS.sub("", w): w for w in ranked}

    @classmethod
    def build(cls, corpus_texts: Iterable[str], targets: Iterable[str] = (), known: Iterable[str] = (),
              english: frozenset[str] | None = None, cache_dir: Path | None = None,
              ranking: Sequence[str] | None = None, unmended: Iterable[str] = ()) -> "Speller":
        """A speller whose corrections are the words of `corpus_texts` plus `targets` (e.g. the safety words);
        `cache_dir` (under HOME) keeps its built dictionary for the next process (assistant/speller_dictionary.py);
        `ranking` (english_word_ranking(), when the caller has read it already) gives the common English words a
        typo outside the corpus is mended to; `unmended` words are never mended to English (they may still be corrected
        to a corpus word, as before)."""
        counts = corpus_word_counts(corpus_texts)
        english = english_words() if english is None else english
        ranking = english_word_ranking() if ranking is None else ranking
        ranks = {w: i for i, w in enumerate(ranking[:ENGLISH_TARGETS])}
        return cls(counts, english | frozenset(w.lower() for w in known), frozenset(w.lower() for w in targets),
                   cache_dir, ranks, frozenset(w.lower() for w in unmended))

    def is_known(self, word: str) -> bool:
        """True for a word the speller must leave alone (a corpus, glossary, safety or common English word), also
        checked with its apostrophes dropped."""
        return word.lower().replace("'", "") in self.known or word.lower() in self.known

    def correct_word(self, word: str) -> str | None:
        """The corpus word `word` is a typo of (or the two common words it runs together, `_run_together`), or None
        when it is known or nothing is close enough."""
        low = word.lower()
        if len(low) < MIN_LENGTH or "'" in low:
            return None
        if (american := self._american(low)) is not None:
            return american
        if self.is_known(low):
            return None
        if low.endswith("in") and (low + "g" in self.targets or low + "g" in self.corpus_counts):
            return low + "g"  # a dropped g: 'havin', 'shakin', 'bleedin' (but the antibody 'recoverin' stays)
        # a dropped g and a typo besides: 'brethin' -> 'breathing', 'siezin' -> 'seizing'; never when the word with its g
        # is English already ('worryin' is 'worrying', no typo of the safety word 'working' two edits away)
        if (low.endswith("in") and len(low) > SHORT_WORD and low + "g" not in self.known
                and (mended := self._safety_word(low + "g")) is not None):
            return mended
        unvowelled = self._unvowelled(low) if len(low) >= SHORT_WORD and not _VOWELS.search(low) else None
        if unvowelled is not None:
            return unvowelled
        distance = 2 if len(low) >= LONG_WORD else 1
        found = [s for s in self._symspell.lookup(low, Verbosity.CLOSEST, max_edit_distance=distance)
                 if _plausible(low, s.term, s.distance)]
        if found and found[0].term == low:
            return None
        mended = self._english(low) if not found else None
        if not found and mended is None:
            return None  # nothing would mend it: left to retrieval as before, never split
        # a letter typed wrong is likelier than one left out: 'varky' is 'varki' before it is 'vary';
        # the word itself breaks a tie ('grandta': grandma or grandpa), or the answer would depend on the
        # order SymSpell happens to return its suggestions in, which changes from one process to the next
        mended = max(found, key=lambda s: (len(s.term) == len(low), s.count, s.term)).term if found else mended
        if self.english_ranks.get(mended, RUN_TOGETHER_RANK * 2) < RUN_TOGETHER_RANK * 2:
            return mended  # a common word one edit away ('anythink' -> 'anything') is as likely as a lost space
        return self._run_together(low) or mended

    def _american(self, low: str) -> str | None:
        """The corpus's American spelling of a British-spelled word ("tumour" -> "tumor", assistant/dual_spellings.py),
        else None: only for a word the corpus (and the safety rules) never spell so themselves. Why before the known
        check: a British spelling is an English word, which the speller otherwise leaves alone."""
        if low in self.corpus_counts or low in self.targets:
            return None
        return next((w for w in american_spellings(low) if w in self.corpus_counts), None)

    def _run_together(self, low: str) -> str | None:
        """Two common English words typed without the space between them ('aswell' -> 'as well', 'infact' -> 'in
        fact'), else None. Why: a dropped space is a likelier slip than a stray letter, and
        'aswell', one edit from the corpus's 'swell', turned "lung cancer or others aswell" into a question about
        swelling. Only a word the edit search would mend to a rarer word is split (one that nothing mends stays as
        typed), a safety word included ('noone' is 'no one', not 'noose'; the rules also read the typed text). Both
        halves must be frequent words (a two-letter half a very frequent one: the ranking holds 'co' and
        'mon'), so a name or a term is never split; a dropped g ('feelin') and a word sharing its leading letters with
        a corpus word ('underreported') are left to the checks that read them. The split whose rarer half is the
        more frequent wins."""
        if len(low) <= SHORT_WORD or not self.english_ranks or (low.endswith("in") and low + "g" in self.english_ranks):
            return None
        if any(w.startswith(low[:STEM]) for w in self.corpus_counts):
            return None
        ranks = self.english_ranks

        def rank(half: str) -> int:
            found = ranks.get(half, RUN_TOGETHER_RANK)
            return found if len(half) > 2 or found < SHORT_HALF_RANK else RUN_TOGETHER_RANK

        rarer, at = min((max(rank(low[:i]), rank(low[i:])), i) for i in range(2, len(low) - 1))
        return f"{low[:at]} {low[at:]}" if rarer < RUN_TOGETHER_RANK else None

    def _safety_word(self, low: str) -> str | None:
        """The safety word (a target) `low` is a typo of, by the same edit bounds as any word, else None: only the
        rules' own words, so a dropped g never turns an unknown word into some other corpus word."""
        distance = 2 if len(low) >= LONG_WORD else 1
        found = [s.term for s in self._symspell.lookup(low, Verbosity.CLOSEST, max_edit_distance=distance)
                 if s.term in self.targets and _plausible(low, s.term, s.distance)]
        return min(found, key=lambda w: (len(w) != len(low), w)) if found else None

    def _english(self, low: str) -> str | None:
        """The most frequent common English word one edit (a letter left out, added, changed, or two swapped)
        from `low` with the same first and last letters, for a word of five letters or more that no corpus or safety
        word is near; else None."""
        if len(low) <= SHORT_WORD or not self.english_ranks or low in self.unmended:
            return None
        stem = low[:STEM]
        if len(low) > STEM and any(w.startswith(stem) for w in self.corpus_counts):
            return None  # 'reversable': retrieval already reaches the corpus's 'reverse' by its leading letters
        # first and last letters kept: 'recoverin' (an antibody) is no 'recovering', a name gains no plural 's'
        near = [w for w in _one_edit(low) if w in self.english_ranks and w[0] == low[0] and w[-1] == low[-1]]
        stem = self.derived_stem(low)
        if stem is not None:  # 'rousable' is no 'reusable'; 'treatible' is still 'treatable' (the same stem)
            near = [w for w in near if w.startswith(stem)]
        return min(near, key=lambda w: (self.english_ranks[w], w)) if near else None

    def derived_stem(self, low: str) -> str | None:
        """The stem as typed when `low` is a known English word plus a derivational suffix ('rousable' = 'rous(e)' +
        'able'), else None: such a word is a word in its own right that the frequency list happens to lack, and an
        English word one edit away is a mend only when it keeps that stem ('treatible' -> 'treatable'). Why: mended to
        the most frequent English word one edit away it became an unrelated one ('barely rousable' -> 'barely
        reusable') before the safety rules and the learned check read it. The stem may have lost a final e or doubled
        its last consonant ('forgettable'); a stem shorter than three letters is no stem."""
        for suffix in DERIVATIONAL_SUFFIXES:
            stem = low[: -len(suffix)]
            if not low.endswith(suffix) or len(stem) < MIN_LENGTH:
                continue
            undoubled = stem[:-1] if len(stem) > MIN_LENGTH and stem[-1] == stem[-2] else stem
            if any(form in self.known for form in (stem, stem + "e", undoubled)):
                return stem
        return None

    def _unvowelled(self, low: str) -> str | None:
        """A word of four letters or more typed without its vowels ('chst', 'brth', 'bldng') is the safety word with
        exactly those consonants in that order, when there is one (ties: the corpus's more frequent word, then the
        shorter): texting drops vowels, and an edit distance of two or three would find any short word. Three
        consonants are too few to tell ('sht' is no 'shoot')."""
        return self._by_consonants.get(low)

    def swapped_opener(self, word: str, text: str, start: int, end: int) -> str | None:
        """The question opener a sentence's first word was typed for by swapping two neighbouring letters ("dose" ->
        "does", `QUESTION_OPENERS`), else None: only a known word (an unknown one is SymSpell's), never when the word
        after it reads the typed word as itself ("dose of ivig")."""
        low = word.lower()
        before = text[:start].rstrip()
        if len(low) < 3 or low in QUESTION_OPENERS or not self.is_known(low) or (before and before[-1] not in ".?!"):
            return None
        if _OPENER_NOUN_AFTER.match(text[end:]):
            return None
        swaps = {low[:i] + low[i + 1] + low[i] + low[i + 2:] for i in range(len(low) - 1)}
        return next((w for w in sorted(swaps) if w in QUESTION_OPENERS), None)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with typos corrected (case of a first capital kept) and the (typo, correction) pairs made."""
        shouting = sum(c.isupper() for c in text) > sum(c.islower() for c in text)
        text, changes = self.joined(text)
        pieces: list[str] = []
        last = 0
        for m in _WORD.finditer(text):
            word = m.group(0)
            if not shouting and _is_protected(word, text, m.start()):
                continue
            fixed = self.swapped_opener(word, text, m.start(), m.end()) or self.correct_word(word)
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


    def joined(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with each term typed as two words ("para neoplastic", "immuno therapy", "auto antibodies") written
        as the one corpus word they make, and the (typed, joined) pairs.

        Why: each half alone is a word (or near one), so the word-by-word search leaves them, and "types of para
        neoplastic syndromes" searched "neoplastic syndromes", a term the article never uses, and was refused. Only
        a corpus word of JOINED_LEAST letters or more that no common English word is (a medical term, not "any one"
        -> "anyone") is made, and only from halves of three letters or more."""
        changes: list[tuple[str, str]] = []

        def join(m: re.Match[str]) -> str:
            first, second = m.group(1), m.group(2)
            word = (first + second).lower()
            if (len(first) < MIN_LENGTH or len(second) < MIN_LENGTH or len(word) < JOINED_LEAST
                    or self.corpus_counts.get(word, 0) < JOINED_COUNT or word in self.english_ranks):
                return m.group(0)
            changes.append((m.group(0), word))
            return word if first.islower() else word[:1].upper() + word[1:]

        return _PAIR.sub(join, text), changes


def _one_edit(word: str) -> set[str]:
    """Every string one Damerau edit from `word` (Norvig's edits1): for a word of n letters about 54n + 25."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS})


def _plausible(typed: str, word: str, distance: int) -> bool:
    """Short words only by a swap of letters or a doubled letter typed once ('blod' is 'blood': a slip of the same
    key, never another letter); two edits only with the first and last letters kept, a silent final e left off
    counting as kept ('unrespondsiv' is 'unresponsive': people spell by sound and drop the e)."""
    if len(typed) <= SHORT_WORD:
        return sorted(typed) == sorted(word) or word in {typed[:i] + typed[i] + typed[i:] for i in range(len(typed))}
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
