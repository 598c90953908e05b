"""The build-time enrichment as answering reads it: units mapped onto the index's chunks and sentences.

Why a mapping: retrieval returns chunks and the composer splits them into sentences, while the enrichment
is per article unit (corpus/units.py). An answer sentence is matched to the unit containing its first
character (article offsets), so each sentence can use its unit's generated questions, standalone reading,
antecedent need and sentence-level references; a sentence with no record (a newly added source) simply
has none of them and is scored as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.points_back import unit_needs_previous
from corpus.units import Unit, article_units

if TYPE_CHECKING:
    from assistant.sentences import Sentence
    from corpus.enrichment import Enrichment, UnitEnrichment
    from corpus.models import Article
    from foundation.settings import Settings
    from index.models import Chunk, ScoredChunk


@dataclass
class EnrichedUnit:
    unit: Unit
    start: int  # offsets in Article.text
    end: int
    record: "UnitEnrichment | None"
    question_rows: list[int] = field(default_factory=list)  # rows of EnrichedUnits.vectors
    standalone_row: int | None = None

    @property
    def needs_previous(self) -> bool:
        """Read with its predecessor (assistant/points_back.py owns what points back)."""
        return unit_needs_previous(self.unit.text, bool(self.record and self.record.needs_previous))

    @property
    def reference_ids(self) -> list[str]:
        """The references the enrichment linked to this unit's own sentences (none without a record)."""
        return [link.reference_id for link in self.record.references] if self.record else []


class EnrichedUnits:
    """Article units with their enrichment and the vectors of their generated texts."""

    def __init__(self, article: "Article", enrichment: "Enrichment", vectors: Any, texts: Sequence[str]) -> None:
        starts = {s.id: s.start for s in article.sections}
        self.article_text = article.text
        self.units: list[EnrichedUnit] = []
        self.vectors = vectors
        row = 0
        for unit in article_units(article):
            record = enrichment.get(unit)
            item = EnrichedUnit(unit, starts[unit.section_id] + unit.start, starts[unit.section_id] + unit.end, record)
            if record is not None:
                item.question_rows = list(range(row, row + len(record.questions)))
                row += len(record.questions)
                if record.standalone != unit.text:
                    item.standalone_row = row
                    row += 1
            self.units.append(item)
        if row != len(texts):
            raise ValueError(f"enrichment vectors: {len(texts)} texts for {row} rows")
        self._by_start = sorted(self.units, key=lambda u: u.start)
        self.held_out: set[int] = set()
        self.enriched = sum(u.record is not None for u in self.units)

    @classmethod
    def load(cls, settings: "Settings", article: "Article", embed: Any) -> "EnrichedUnits":
        """Read the records in use and their stored vectors (embedding them only when the build did not)."""
        from corpus.enrichment import load_enrichment
        from index.enrichment_vectors import enrichment_texts, load_or_embed

        enrichment = load_enrichment(settings.home)
        texts = enrichment_texts(enrichment, article)
        return cls(article, enrichment, load_or_embed(settings, texts, embed), texts)

    def at(self, offset: int) -> EnrichedUnit | None:
        """The unit containing article offset `offset`."""
        for item in self._by_start:
            if item.start <= offset < item.end:
                return item
        return None

    def for_sentence(self, sentence: "Sentence") -> EnrichedUnit | None:
        """The unit holding the sentence's middle character (a bullet sentence starts at its '- ' marker)."""
        if sentence.chunk.source_id != "article":
            return None
        return self.at(sentence.chunk.start + (sentence.start + sentence.end) // 2)

    def predecessor(self, item: EnrichedUnit) -> EnrichedUnit | None:
        """The unit just before `item` in the same section, or None: what a unit that points back is read with."""
        i = self.units.index(item)
        prev = self.units[i - 1] if i > 0 else None
        return prev if prev is not None and prev.unit.section_id == item.unit.section_id else None

    def successor(self, item: EnrichedUnit) -> EnrichedUnit | None:
        """The unit just after `item` in the same section, or None (a section's end ends a paragraph)."""
        i = self.units.index(item)
        after = self.units[i + 1] if i + 1 < len(self.units) else None
        return after if after is not None and after.unit.section_id == item.unit.section_id else None

    def list_members(self, item: EnrichedUnit) -> list[EnrichedUnit]:
        """The bullets of `item`'s list (same section, contiguous) and the lead-in line they hang from, if any."""
        same = [u for u in self.units if u.unit.section_id == item.unit.section_id]
        i = same.index(item)
        lo = hi = i
        while lo > 0 and same[lo - 1].unit.is_bullet:
            lo -= 1
        while hi + 1 < len(same) and same[hi + 1].unit.is_bullet:
            hi += 1
        members = same[lo : hi + 1]
        if lo > 0 and same[lo - 1].unit.is_lead_in:
            members.insert(0, same[lo - 1])
        return members

    def question_similarity(self, item: EnrichedUnit | None, query_vector: Any) -> float:
        """Best cosine of the question with the unit's generated questions (0 without any).

        Rows in `self.held_out` are skipped: training the ranker on a generated question must not let that
        question match itself (benchmarks/train_ranker.py holds it out).
        """
        rows = [r for r in item.question_rows if r not in self.held_out] if item is not None else []
        if not rows:
            return 0.0
        return float((self.vectors[rows] @ query_vector).max())

    def standalone_similarity(self, item: EnrichedUnit | None, query_vector: Any) -> float | None:
        """Cosine of the question with the unit's standalone reading (its antecedent substituted), or None where
        the unit has none: "These syndromes ..." matches a question only once it says what it refers to."""
        if item is None or item.standalone_row is None:
            return None
        return float(self.vectors[item.standalone_row] @ query_vector)

    def rank_chunks(self, chunks: Sequence["Chunk"], query_vector: Any, k: int) -> list["ScoredChunk"]:
        """Article chunks ranked by their units' best generated-question / standalone similarity to the question."""
        from index.models import ScoredChunk

        import numpy as np

        if self.vectors.shape[0] == 0:
            return []
        q = np.asarray(query_vector, dtype=np.float32)
        sims = self.vectors @ q
        unit_best: list[tuple[int, int, float]] = []
        for item in self.units:
            rows = item.question_rows + ([item.standalone_row] if item.standalone_row is not None else [])
            rows = [r for r in rows if r not in self.held_out]
            if rows:
                unit_best.append((item.start, item.end, float(sims[rows].max())))
        scored = []
        for chunk in chunks:
            if chunk.source_id != "article":
                continue
            best = max((s for a, b, s in unit_best if a < chunk.end and chunk.start < b), default=None)
            if best is not None:
                scored.append((best, chunk))
        scored.sort(key=lambda sc: -sc[0])
        return [ScoredChunk(chunk=c, score=s, rank=i, retriever="questions") for i, (s, c) in enumerate(scored[:k], start=1)]

    def links_for_span(self, start: int, end: int) -> list[str] | None:
        """Sentence-level reference ids of the units a cited span covers (strongest first); None when not enriched."""
        covered = [u for u in self.units if u.start < end and start < u.end]
        if not covered or any(u.record is None for u in covered):
            return None
        scores: dict[str, float] = {}
        for u in covered:
            for link in u.record.references:  # type: ignore[union-attr]
                scores[link.reference_id] = max(scores.get(link.reference_id, 0.0), link.score)
        return sorted(scores, key=lambda r: -scores[r])
