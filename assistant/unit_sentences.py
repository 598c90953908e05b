"""The composer's sentences that make up one enrichment unit, through the article's chunks indexed once.

Why an index: a unit (an article sentence or bullet, assistant/enriched.py) is read from every chunk that overlaps
it, since a long bullet can straddle two chunks (~48 tokens each). Scanning every chunk of the corpus for each unit
cost a pass over all chunks per unit, and one answer reads tens of units (antecedents, whole lists, paragraphs,
the definition); here the article's chunks are sorted by start once per question and each unit finds its own by
bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING

from assistant.sentences import Sentence, SentenceBank
from corpus.corpus import ARTICLE_SOURCE_ID

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit
    from index.models import Chunk


class UnitSentences:
    """Called with a unit: its sentences (a two-sentence bullet gives two), in article order."""

    def __init__(self, chunks: Iterable["Chunk"], bank: SentenceBank) -> None:
        self._chunks = sorted((c for c in chunks if c.source_id == ARTICLE_SOURCE_ID), key=lambda c: c.start)
        self._starts = [c.start for c in self._chunks]
        self._reach = list(accumulate((c.end for c in self._chunks), max))  # the furthest end of any chunk so far
        self.bank = bank

    def owners(self, start: int, end: int) -> list["Chunk"]:
        """The article's chunks that overlap [start, end), by start (chunks may overlap each other)."""
        i = bisect_left(self._starts, end)  # chunks from i on start at or after `end`
        found: list["Chunk"] = []
        while i > 0 and self._reach[i - 1] > start:  # no chunk at or before i - 1 reaches past `start` otherwise
            i -= 1
            if self._chunks[i].end > start:
                found.append(self._chunks[i])
        return found[::-1]

    def __call__(self, item: "EnrichedUnit") -> list[Sentence]:
        owners = self.owners(item.start, item.end)
        if not owners:
            return []
        self.bank.ensure(owners)
        return [s for owner in owners for s in self.bank.sentences(owner.id)
                if item.start <= owner.start + (s.start + s.end) // 2 < item.end]
