"""The article's sentences grouped into the units an answer shows whole (a bullet with its later sentences, or one
sentence), with their vectors, and which of them a conversation has shown.

Why its own module: two follow-up readings need the same view of the article ("tell me more" after one list item,
assistant/item_mentions.py; "any others?", assistant/other_items.py): which unit the last answer showed, what the
conversation has shown already, and the units not shown yet, each with the sentence model's vector the index kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from assistant.next_passages import MIN_WORDS, flat_answer, seen_in
from foundation.vectors import unit_rows

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.enriched import EnrichedUnits
    from assistant.sentences import SentenceBank
    from index.chunk_sentences import Sentence
    from index.models import Chunk


@dataclass(frozen=True)
class ArticleUnits:
    """The article's sentences in order, each one's unit (the index of the unit's first sentence) and vector."""

    sentences: list["Sentence"]
    unit_of: list[int]
    vectors: np.ndarray  # one unit-length row per sentence

    def members(self, unit: int) -> list[int]:
        """The sentences of one unit, in order."""
        return [i for i, u in enumerate(self.unit_of) if u == unit]

    def quoted_units(self, answer: str) -> list[int]:
        """The units an answer's text shows (lead-ins, which answer nothing, left out), in article order."""
        shown = flat_answer(answer)
        return sorted({self.unit_of[i] for i, s in enumerate(self.sentences)
                       if not s.is_lead_in and seen_in(s, shown)})

    def showable(self, i: int, shown: str) -> bool:
        """A sentence the conversation has not shown (`shown` flattened) that is a sentence to show (no lead-in, no
        heading-like fragment)."""
        s = self.sentences[i]
        return not s.is_lead_in and len(s.text.split()) >= MIN_WORDS and not seen_in(s, shown)

    @cached_property
    def framing(self) -> frozenset[int]:
        """The units of the article's own frame ("Imagine experiencing ...", "This article comprehensively examines
        ...") and of a sentence leaning on one ("This is a common presentation ..."): they introduce the article and
        answer no "any others?" (assistant/other_items.py; assistant/article_frame.py drops them from composed answers
        for the same reason). Kept with the units (built once per index): every "any others?" turn re-matched them."""
        from assistant.compose import FRAMING
        from assistant.points_back import leans_back

        found: set[int] = set()
        for i, s in enumerate(self.sentences):
            if FRAMING.match(s.text) or (i and self.unit_of[i - 1] in found and leans_back(s.text)):
                found.add(self.unit_of[i])
        return frozenset(found)


def article_units(bank: "SentenceBank", chunks: Sequence["Chunk"], enriched: "EnrichedUnits | None" = None) -> ArticleUnits:
    """Every article sentence once, in article order, with its unit and its stored vector (overlapping chunks repeat
    sentences; the first copy is kept: assistant/comparison.article_sentence_rows). A sentence is in the
    unit before it when the article's units (corpus/units.py, through `enriched`) say so, else when it goes on a
    bullet's line. Built once per loaded index (`Parts.article_units`): it depends on nothing but the build."""
    from assistant.comparison import article_sentence_rows

    sentences: list[Sentence] = []
    rows: list[np.ndarray] = []
    unit_of: list[int] = []
    for s, v in article_sentence_rows(bank, chunks):
        follows = bool(sentences) and not s.is_bullet and sentences[unit_of[-1]].is_bullet \
            and _one_unit(sentences[-1], s, enriched)
        unit_of.append(unit_of[-1] if follows else len(sentences))
        sentences.append(s)
        rows.append(np.asarray(v, dtype=float))
    vectors = unit_rows(rows) if rows else np.zeros((0, 0))
    return ArticleUnits(sentences=sentences, unit_of=unit_of, vectors=vectors)


def _one_unit(before: "Sentence", after: "Sentence", enriched: "EnrichedUnits | None") -> bool:
    """The two sentences belong to one article unit: by the units' offsets when known (a chunk may end inside a
    bullet, and the line break between chunks is in neither), else by the text between them."""
    if enriched is not None:
        one, two = enriched.for_sentence(before), enriched.for_sentence(after)
        if one is not None and two is not None:
            return one is two
    return _same_line(before, after)


def _same_line(before: "Sentence", after: "Sentence") -> bool:
    """The two sentences stand on one line of the article (a bullet's later sentence), read from whichever chunk
    holds the text between them: a chunk may end inside a bullet."""
    start, end = before.chunk.start + before.end, after.chunk.start + after.start
    for chunk in (after.chunk, before.chunk):
        if chunk.start <= start <= end <= chunk.end:
            return "\n" not in chunk.text[start - chunk.start:end - chunk.start]
    return False


def composed(composition: "Composition", chosen: Sequence["Sentence"]) -> "Composition":
    """`composition` showing `chosen` instead (in the order given), its scores kept for the support gate."""
    from assistant.compose import Composition
    from assistant.quotes import join_quotes, render

    quotes = join_quotes(list(chosen))
    return Composition(body=render(quotes), quotes=quotes, scored=composition.scored,
                       support_rank=composition.support_rank, probability=composition.probability)
