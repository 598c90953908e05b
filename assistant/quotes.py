"""Chosen sentences become the answer's numbered quotes and its body.

Why its own step: every composer (the plain and the enriched one, the comparison and multi-part answers, the
language-model selection) chooses sentences its own way but shows them the same way: in reading order, neighbouring
sentences of one passage merged into one quote, markers [1], [2] ... by first appearance, the article's quotes
first and a cited source's own sentences after them under FROM_SOURCES.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.sentences import Sentence
from corpus.corpus import ARTICLE_SOURCE_ID
from index.models import Chunk

if TYPE_CHECKING:
    from assistant.compose import Scored

FROM_SOURCES = "From the cited sources:"  # heads the quotes taken from a cited source's own text


@dataclass
class Quote:
    """A run of neighbouring sentences from one chunk, cited by one marker."""

    chunk: Chunk
    sentences: list[Sentence]
    marker: int = 0

    @property
    def start(self) -> int:
        """Where the quote begins in chunk.text: its first sentence's start."""
        return self.sentences[0].start

    @property
    def end(self) -> int:
        """Where the quote ends in chunk.text: its last sentence's end."""
        return self.sentences[-1].end

    @property
    def text(self) -> str:
        """The exact characters cited (chunk.text[start:end])."""
        return self.chunk.text[self.start : self.end]

    @property
    def display(self) -> str:
        """How the quote reads in the answer body: its sentences as each displays (no bullet dash, no stray [n])."""
        return " ".join(s.display for s in self.sentences)


def arrange(chosen: Sequence["Scored"]) -> list[Quote]:
    """Order for reading, then cut into quotes.

    Sections come in the order of their best sentence, a parent section's own sentences just before its first
    subsection's (the overview reads before the details); inside a section, sentences keep the article's
    order (so list items read Neurological, Endocrine, ... as printed); neighbouring sentences of one
    chunk merge into one quote with one marker.
    """
    section_rank: dict[str, float] = {}
    for s in chosen:  # chosen is best-first
        section_rank.setdefault(f"{s.sentence.chunk.source_id}/{s.sentence.chunk.section_id}", len(section_rank))
    for key in list(section_rank):  # a section's own opening ("Since symptoms vary widely, ...") leads its subsections
        children = [rank for other, rank in section_rank.items() if other.startswith(key + "/")]
        if children and min(children) < section_rank[key]:
            section_rank[key] = min(children) - 0.5
    ordered = sorted(  # the article's own sentences lead; a cited source's come after them
        (s.sentence for s in chosen),
        key=lambda x: (x.chunk.source_id != ARTICLE_SOURCE_ID, section_rank[f"{x.chunk.source_id}/{x.chunk.section_id}"],
                       x.chunk.position, x.index),
    )
    return join_quotes(ordered)


def join_quotes(ordered: Sequence[Sentence]) -> list[Quote]:
    """Numbered quotes for sentences in display order; a sentence right after the previous one in its chunk joins
    its quote, so one passage is cited once rather than as adjacent fragments."""
    quotes: list[Quote] = []
    for sentence in ordered:
        last = quotes[-1] if quotes else None
        if last is not None and last.chunk.id == sentence.chunk.id and sentence.index == last.sentences[-1].index + 1:
            last.sentences.append(sentence)
        else:
            quotes.append(Quote(sentence.chunk, [sentence]))
    for marker, quote in enumerate(quotes, start=1):
        quote.marker = marker
    return quotes


def render(quotes: Sequence[Quote]) -> str:
    """Answer body: each quote's readable text followed by its marker; cited sources' quotes under their own heading."""
    article = " ".join(f"{q.display} [{q.marker}]" for q in quotes if q.chunk.source_id == ARTICLE_SOURCE_ID)
    sources = " ".join(f"{q.display} [{q.marker}]" for q in quotes if q.chunk.source_id != ARTICLE_SOURCE_ID)
    if not sources:
        return article
    return f"{article}\n\n{FROM_SOURCES} {sources}" if article else f"{FROM_SOURCES} {sources}"
