"""What the article's own sentences say about a word a yes/no question hinges on.

Why more than "is the word in the corpus": a word can be in the article and still say nothing about what was asked.
- "can eating sugar cause it": "sugar" is there ("irregular blood sugar levels"), "eating" is not; a cause phrase
  is the article's only when its content words stand together in one of its sentences (`together`).
- "is pns infectious": "infectious" is there, but only for the *other* diseases PNS is mistaken for ("overlap with
  many other neurological, autoimmune, and infectious diseases"); a word the article uses only after "other" says
  nothing about the condition itself (`predicated`).
- "can you inherit it", "is pns hereditary": neither word is there, but the article says "Some people may be
  genetically predisposed to developing paraneoplastic syndromes". Words of one family share no stem, so the
  family is read from the bundled sentence model: the asked word (and its "-ed" form: "inherit" -> "inherited")
  against the article's words used in a sentence that names the condition (`family`).
- "can pns cause kidney stones", "does it cause low blood pressure": every word may be the article's ("kidney",
  "low") and still no sentence says the asked thing; the sentence standing for most of the asked words tells which
  word it leaves out (`uncovered`). For an effect of the condition, a word naming a cancer's site ("lung cancer")
  says where the cancer is, not what the condition does to the body ("does pns affect the lungs").
Forms are compared by their Snowball stem (PyStemmer), so "genetic", "genetically" and "eats", "eating" match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.word_forms import stem
from corpus.sentence_split import rough_sentences
from corpus.vocabulary import article_words

# A word the asked word's vector is at least this close to is one of its family (MiniLM cosine, single words;
# measured on the article's words: 'inherited' ~ 'genetics' 0.56, 'hereditary' ~ 'genetics' 0.67, while
# 'fatal' ~ 'severe' 0.54 and 'contagious' ~ 'viral' 0.49 stay apart).
FAMILY_SIMILARITY = 0.55
_WORD = re.compile(r"[a-z]+")
# "other X, Y and Z diseases" lists what the condition is mistaken for, up to the clause's verb or connective.
_OTHER = re.compile(r"\bother\b(.*?)(?=\b(?:can|may|might|could|which|that|is|are|to|with|making|leading|including)\b|"
                    r"[.;:]|$)")
# A kind of thing followed by its members in brackets ("gastrointestinal disturbances (nausea, vomiting, diarrhea)"): the
# two words before the bracket name the kind; "e.g." marks examples, not the whole membership, so such a list is none.
_ENUMERATED = re.compile(r"\b([a-z]+)\s+([a-z]+)\s*\((?!e\.g\.)([^()]*,[^()]*)\)")
# The sentence names the condition itself.
_NAMES_CONDITION = re.compile(r"\b(?:paraneoplastic|these syndromes)\b")
# The sentence says what causes it ("not directly caused by the cancer cells themselves but ...").
_SAYS_CAUSE = re.compile(r"\bcaus")
# The word after a cancer's site ("lung cancer", "ovarian cancers").
_CANCER = frozenset({"cancer", "cancers"})
# A sentence that places a symptom in these places it everywhere a question may place it: "blood clots to form in
# different parts of the body" covers "clots in the legs"; "muscle weakness" covers "weak in the legs" and "skin rashes"
# "a rash on your arms" (muscles and skin are everywhere), while "shoulder, neck, and hip pain" does not cover "pain
# in the eyes". Stems; a tissue must qualify the symptom itself (the word before it), the body may stand anywhere.
_ANYWHERE = "bodi"
_EVERY_PART = frozenset({"muscl", "skin"})

Embed = Callable[[Sequence[str]], Sequence[Sequence[float]]]


class ClaimEvidence:
    """The article's sentences as stems: where each stem stands, and where it stands only as 'other ...'."""

    def __init__(self, text: str) -> None:
        self.sentences: list[frozenset[str]] = []
        self.ordered: list[list[str]] = []  # each sentence's stems in order (where a word stands next to another)
        self.effect_sentences: list[frozenset[str]] = []  # the same, less the words naming a cancer's site
        self.naming_sentences: list[frozenset[str]] = []  # the sentences that name the condition
        plain: set[str] = set()  # stems used at least once outside an "other ..." list
        causes: set[str] = set()  # stems of sentences that say what causes the condition
        mistaken_for: set[str] = set()  # stems of "other ..." lists: what the condition is mistaken for
        self.condition_words: set[str] = set()  # words (not stems) of sentences that name the condition
        self.enumerated: set[str] = set()  # stems of kinds the article lists the members of in brackets
        for sentence in (s.strip().lower() for s in rough_sentences(text, lines=True)):
            words = _WORD.findall(sentence)
            self.sentences.append(frozenset(stem(w) for w in words))
            self.ordered.append([stem(w) for w in words])
            self.effect_sentences.append(frozenset(stem(w) for w, after in zip(words, [*words[1:], ""], strict=True)
                                                   if after not in _CANCER))
            self.enumerated |= {stem(m.group(i)) for m in _ENUMERATED.finditer(sentence) for i in (1, 2)}
            contrasted = [_WORD.findall(m.group(1)) for m in _OTHER.finditer(sentence)]
            others = {stem(w) for group in contrasted for w in group}
            plain |= {stem(w) for w in words} - others
            mistaken_for |= others
            if _NAMES_CONDITION.search(sentence):
                self.naming_sentences.append(self.sentences[-1])
                self.condition_words |= {w for w in words if len(w) >= 4 and stem(w) not in others}
                if _SAYS_CAUSE.search(sentence):
                    causes |= {stem(w) for w in words}
        self.plain = frozenset(plain)
        self.cause_stems = frozenset(causes)
        self.contrasted_stems = frozenset(mistaken_for)
        self.words = article_words(text)  # sorted, as index/word_vectors.py stores their vectors

    def together(self, words: Iterable[str]) -> bool:
        """Every word's stem stands in one and the same article sentence."""
        stems = {stem(w) for w in words}
        return any(stems <= sentence for sentence in self.sentences)

    def uncovered(self, choices: Sequence[Sequence[frozenset[str]]], *, effect: bool = False,
                  naming: bool = False) -> list[int]:
        """The positions of the asked words that the article sentence standing for most of them leaves out (empty
        when one sentence stands for all). Each asked word comes as its choices: stem sets, one of which the sentence
        must hold whole (the word itself, "memory problems" for "forgetful"). With `effect`, a cancer's site is no
        word of the sentence (module docstring); with `naming`, only sentences naming the condition count (a risk
        is one of the condition's where the article says so: "genetically predisposed to developing ...")."""
        best = list(range(len(choices)))
        sentences = self.naming_sentences if naming else self.effect_sentences if effect else self.sentences
        for sentence in sentences:
            missing = [i for i, options in enumerate(choices) if not any(o <= sentence for o in options)]
            if len(missing) < len(best):
                best = missing
            if not best:
                break
        return best

    def placed_everywhere(self, choices: Sequence[Sequence[frozenset[str]]]) -> bool:
        """Some sentence holding every asked word (as `uncovered` reads them) places what it says everywhere in the
        body: it names the body, or the muscles or skin right before one of those words ("Muscle weakness"). Such a sentence
        answers the same symptom asked of one place ("weak in the legs"); one that names other places does not."""
        for stems, ordered in zip(self.sentences, self.ordered, strict=True):
            if not all(any(o <= stems for o in options) for options in choices):
                continue
            held = {s for options in choices for o in options if o <= stems for s in o}
            if _ANYWHERE in stems or any(a in _EVERY_PART and b in held for a, b in zip(ordered, ordered[1:])):
                return True
        return False

    def predicated(self, word: str) -> bool:
        """The word's stem is used at least once other than in an 'other ...' list (module docstring), or the word
        is a compound of a word the article uses of the condition ("autoimmune": "immune response")."""
        word = word.lower()
        return stem(word) in self.plain or any(len(w) >= 5 and w != word and w in word for w in self.condition_words)

    def contrasted(self, word: str) -> bool:
        """The word stands in an "other ..." list: a kind of disease the condition is mistaken for ("other
        infections can mimic paraneoplastic syndromes"), so "is it an infection" is answered no by the article."""
        return stem(word.lower()) in self.contrasted_stems

    def speaks_to_cause(self, words: Iterable[str]) -> bool:
        """A word of an asked cause is one of the subject's own (the cancer, the tumour, the immune response) that
        the article uses where it says what causes the condition: whatever else the phrase says ("is it caused by
        the cancer spreading to the brain"), the article answers it, yes or no ("not directly caused by the cancer
        cells themselves"). A word of those sentences that is not the subject's ("cell phones") does not count."""
        from assistant.safety import mentions_topic

        return any(stem(w) in self.cause_stems and mentions_topic(w, core_only=True) for w in words)

    def lists_members(self, word: str) -> bool:
        """The article names the word's kind with its members in brackets ("gastrointestinal disturbances (nausea,
        vomiting, diarrhea)"): it says which ones it means, so a word it never uses is not one of them merely by
        being of that kind ("constipation" is gastrointestinal, but not listed)."""
        return stem(word.lower()) in self.enumerated

    def spread(self, word: str) -> int:
        """How many article sentences use the word's stem (a broad word is used in many)."""
        return sum(stem(word.lower()) in sentence for sentence in self.sentences)

    def uses_stem(self, word: str) -> bool:
        """Some article sentence uses the word's stem ("diagnosed": "diagnosis")."""
        return any(stem(word) in sentence for sentence in self.sentences)


class WordFamily:
    """The article's words close in meaning to an asked word (see the module docstring), by the sentence model."""

    def __init__(self, evidence: ClaimEvidence, embed: Embed, threshold: float = FAMILY_SIMILARITY,
                 stored: Embed | None = None) -> None:
        """`stored` gives the article words' vectors kept beside the index (index/word_vectors.py), so only the
        asked word is embedded at question time; without it they are embedded on first use."""
        self.words = evidence.words
        self.stored = stored
        self.condition_words = evidence.condition_words
        self.embed = embed
        self.threshold = threshold
        self._matrix = None
        self._known: dict[str, tuple[str, ...]] = {}
        self._scores: dict[str, list[tuple[str, float]]] = {}

    def _vectors(self, texts: Sequence[str]):
        return self._normalised(self.embed(list(texts)))

    @staticmethod
    def _normalised(rows: Sequence[Sequence[float]]):
        from foundation.vectors import unit_rows

        return unit_rows(rows)

    def of(self, word: str) -> tuple[str, ...]:
        """The article's words in `word`'s family that it uses in a sentence naming the condition, closest first:
        what a claim about the condition may be worded as ("inherit" -> "genetics")."""
        return tuple(w for w in self.near(word) if w in self.condition_words)

    def near(self, word: str, threshold: float | None = None) -> tuple[str, ...]:
        """The article's words in `word`'s family, closest first (empty when none is close enough): search hints
        ("reversable" -> "reverse", "fast" -> "rapidly"); `threshold` asks for closer ones than the family's."""
        word = word.lower()
        if threshold is not None:
            self.near(word)
            return tuple(w for w, score in self._scores[word] if score >= threshold)
        if word not in self._known:
            if self._matrix is None:
                self._matrix = self._normalised(self.stored(self.words)) if self.stored else self._vectors(self.words)
            forms = [word] + ([word + ("d" if word.endswith("e") else "ed")] if not word.endswith(("ed", "y", "s")) else [])
            scores = (self._vectors(forms) @ self._matrix.T).max(axis=0)
            order = scores.argsort()[::-1]
            self._scores[word] = [(self.words[i], float(scores[i])) for i in order[:5]]
            self._known[word] = tuple(w for w, score in self._scores[word] if score >= self.threshold)
        return self._known[word]
