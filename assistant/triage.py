"""Everything that reads a question before retrieval, built once per corpus: language, spelling,
abbreviations, safety and the bibliography router.

Why one object: the speller, the glossary and the language detector are all built from the same
corpus vocabulary (article + bibliography), and the Assistant must build them once, at load time,
from the Corpus it already holds (`Triage.from_corpus(assistant.corpus)`), never per question.

Order (cheapest and safest first): language -> normalise (apostrophes, typos, abbreviations) ->
safety rules on both the typed and the normalised text (an emergency found in either counts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.glossary import Glossary
from assistant.language import LanguageDetector, LanguageGuess
from assistant.normalise import CONTRACTIONS, Normalised, Normaliser
from assistant.safety import Verdict, classify, rule_words
from assistant.spelling import Speller, corpus_word_counts, english_words

if TYPE_CHECKING:
    from corpus.corpus import Corpus
    from corpus.models import Reference


def reference_texts(references: Iterable["Reference"]) -> list[str]:
    """The searchable words of each bibliography entry: authors, title, container, publisher."""
    return [" ".join([*r.authors, r.title, r.container or "", r.publisher or ""]) for r in references]


def reference_names(references: Iterable["Reference"]) -> frozenset[str]:
    """Lower-case words that name a reference rather than a medical subject: surnames, journals, sites."""
    words: set[str] = set()
    for r in references:
        for author in r.authors:
            words.update(re.findall(r"[a-z]+", author.split(",")[0].lower()))
        for part in (r.container, r.publisher, r.url):
            words.update(re.findall(r"[a-z]{2,}", (part or "").lower()))
    return frozenset(words)


@dataclass(frozen=True)
class Triaged:
    """One question after triage: its language, its normalised forms and the safety verdict."""

    language: LanguageGuess
    normalised: Normalised
    verdict: Verdict


class Triage:
    """Language, normalisation and safety for one corpus (see the module docstring)."""

    def __init__(self, glossary: Glossary, speller: Speller, language: LanguageDetector,
                 reference_words: frozenset[str] = frozenset()) -> None:
        self.glossary = glossary
        self.normaliser = Normaliser(speller, glossary)
        self.language = language
        self.reference_words = reference_words

    @classmethod
    def from_corpus(cls, corpus: "Corpus", english: frozenset[str] | None = None) -> "Triage":
        """Build the glossary, speller and language detector from the corpus vocabulary (milliseconds)."""
        glossary = Glossary.from_corpus(corpus)
        texts = [corpus.article.text, *reference_texts(corpus.references),
                 *(e.long for e in glossary.entries.values())]
        english = english_words() if english is None else english
        speller = Speller.build(texts, targets=rule_words(english), known=glossary.terms(), english=english)
        neutral = frozenset(corpus_word_counts(texts)) | glossary.terms()
        detector = LanguageDetector(english | frozenset(CONTRACTIONS), neutral)
        return cls(glossary, speller, detector, reference_names(corpus.references))

    def warm_up(self) -> None:
        self.language.warm_up()

    def normalise(self, question: str) -> Normalised:
        return self.normaliser.normalise(question)

    def triage(self, question: str) -> Triaged:
        """Language first (a foreign question is not spell-corrected), then normalise, then the safety rules."""
        guess = self.language.detect(question)
        normalised = self.normalise(question) if guess.english else Normalised(question, question, question)
        return Triaged(guess, normalised, self.classify(normalised))

    @staticmethod
    def classify(normalised: Normalised) -> Verdict:
        """The safety verdict; an emergency in the typed or the normalised text counts (recall first)."""
        verdict = classify(normalised.text)
        if verdict.category != "emergency":
            typed = classify(normalised.original)
            if typed.category == "emergency":
                return typed
        return verdict
