"""The article cut into sentences with offsets, so an answer's citations can be read as shown sentences.

Why our own segmentation (nltk's Punkt, untrained, with the article's abbreviations): the metrics ask
which article sentences an answer shows and what comes before each one in the article. That must not
depend on how the answerer happens to cut sentences today, and Punkt keeps "e.g." and "Dr." intact
where a pretrained model would need a download. Bullet lines are units of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from corpus.models import Article

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "dr", "al", "approx", "fig", "no", "st", "mr", "mrs", "ms", "n.d"})
_BULLET = re.compile(r"^[-•*]\s+")


@dataclass(frozen=True)
class ArticleSentence:
    """One sentence (or bullet item) of a section: Article.text[start:end] == text."""

    section_id: str
    index: int  # position within its section
    start: int
    end: int
    text: str


def _tokenizer() -> "PunktSentenceTokenizer":
    """Punkt told the article's abbreviations, so that "e.g." or "Dr." ends no sentence (nltk loaded only here)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_article(article: Article) -> list[ArticleSentence]:
    """Every section's sentences in article order (bullet dashes left outside the sentence)."""
    tokenizer = _tokenizer()
    out: list[ArticleSentence] = []
    for section in article.sections:
        index = 0
        offset = section.start
        for line in section.text.split("\n"):
            bullet = _BULLET.match(line)
            skip = bullet.end() if bullet else 0
            for a, b in tokenizer.span_tokenize(line[skip:]):
                start = offset + skip + a
                out.append(ArticleSentence(section.id, index, start, offset + skip + b, article.text[start:offset + skip + b]))
                index += 1
            offset += len(line) + 1
    return out


class SentenceMap:
    """Article sentences by position, with the lookups the answer metrics need."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = split_article(article)

    @cached_property
    def _positions(self) -> dict[tuple[str, int], int]:
        return {(s.section_id, s.index): n for n, s in enumerate(self.sentences)}

    def covered(self, start: int, end: int) -> list[ArticleSentence]:
        """Sentences shown by a cited span: at least half of the sentence lies inside [start, end)."""
        out = []
        for s in self.sentences:
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and overlap * 2 >= s.end - s.start:
                out.append(s)
        return out

    def predecessor(self, sentence: ArticleSentence) -> ArticleSentence | None:
        """The sentence printed just before it in the same section (None for a section's first sentence)."""
        if sentence.index == 0:
            return None
        return self.sentences[self._positions[(sentence.section_id, sentence.index)] - 1]

    def locate(self, section_id: str, text: str) -> tuple[int, int] | None:
        """Article offsets of `text` inside the named section (None when it is not there verbatim)."""
        try:
            section = self.article.section(section_id)
        except KeyError:
            return None
        pos = section.text.find(text)
        return None if pos < 0 else (section.start + pos, section.start + pos + len(text))


# Words that open a sentence by pointing back at something said before it.
ANAPHORS = frozenset({"this", "these", "that", "those", "it", "its", "they", "their", "them", "such", "both",
                      "he", "she", "his", "her", "the latter", "the former"})
_CONNECTIVE = re.compile(r"^(?:however|additionally|also|moreover|furthermore|in addition|therefore|thus|still),?\s+", re.I)
_DEICTIC = re.compile(r"^this (?:article|page|guide|review)\b", re.I)  # points at the document, not at a sentence


def opens_with_reference(text: str) -> bool:
    """Does the sentence open with This/These/It/They/Such/... (after an optional connective)?"""
    body = _CONNECTIVE.sub("", _BULLET.sub("", text.strip()))
    if _DEICTIC.match(body):
        return False
    words = re.findall(r"[A-Za-z]+", body[:40].lower())
    if not words:
        return False
    return words[0] in ANAPHORS or " ".join(words[:2]) in ANAPHORS


def shown_sentences(spans: Sequence[tuple[int, int]], sentences: SentenceMap) -> list[ArticleSentence]:
    """Article sentences an answer shows, in the order the answer shows them (each once)."""
    seen: set[int] = set()
    out: list[ArticleSentence] = []
    for start, end in spans:
        for s in sentences.covered(start, end):
            if s.start not in seen:
                seen.add(s.start)
                out.append(s)
    return out
