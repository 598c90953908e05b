"""Retrieval ranking metrics: recall@k, MRR and nDCG over reference spans located in the article.

Relevance is defined by offsets, not ids: chunk ids are content hashes that change with chunking
settings, so an eval item's reference quotes are located in Article.text and a chunk is relevant to
a quote when their character ranges overlap enough (see `covers`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

Span = tuple[int, int]


class HasSpan(Protocol):
    id: str
    source_id: str
    start: int
    end: int


def covers(chunk: HasSpan, span: Span, source_id: str = "article") -> bool:
    """A chunk covers a reference span when it overlaps at least half of the span, or half of itself.

    Why both halves: a short quote inside a long chunk is covered when most of the quote is there; a
    long quote split across chunks is covered by each chunk that is mostly inside it. A chunk that only
    grazes the quote with its overlap tokens does not count.
    """
    if chunk.source_id != source_id:
        return False
    overlap = min(chunk.end, span[1]) - max(chunk.start, span[0])
    if overlap <= 0:
        return False
    return overlap >= 0.5 * (span[1] - span[0]) or overlap >= 0.5 * (chunk.end - chunk.start)


def relevant_chunk_ids(chunks: Iterable[HasSpan], spans: Sequence[Span]) -> set[str]:
    """Ids of the index's chunks that cover at least one reference span."""
    return {c.id for c in chunks for s in spans if covers(c, s)}


def span_hits(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> list[bool]:
    """For each reference span: is it covered by one of the top-k chunks?"""
    top = ranked[:k]
    return [any(covers(c, s) for c in top) for s in spans]


def recall_at_k(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> float:
    """Share of reference spans covered by the top-k chunks (1.0 when every supporting quote was found)."""
    if not spans:
        return float("nan")
    hits = span_hits(ranked, spans, k)
    return sum(hits) / len(hits)


def reciprocal_rank(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int | None = None) -> float:
    """1 / rank of the first chunk covering any reference span (0 when none in the top-k)."""
    for rank, chunk in enumerate(ranked[: k or len(ranked)], start=1):
        if any(covers(chunk, s) for s in spans):
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> float:
    """Binary nDCG@k where a chunk gains 1 when it covers a span no higher-ranked chunk covered.

    Why novelty: a quote split over two chunks should not make the ideal ranking need both, and a
    second chunk repeating the same quote adds nothing for the reader. IDCG assumes one chunk per span.
    """
    if not spans:
        return float("nan")
    seen: set[int] = set()
    dcg = 0.0
    for rank, chunk in enumerate(ranked[:k], start=1):
        new = {i for i, s in enumerate(spans) if i not in seen and covers(chunk, s)}
        if new:
            seen |= new
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(k, len(spans)) + 1))
    return dcg / ideal if ideal else 0.0


