"""Retrieval ranking metrics on hand-made spans whose answers are known."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from eval.metrics.ranking import covers, ndcg_at_k, recall_at_k, reciprocal_rank, relevant_chunk_ids


@dataclass
class C:
    id: str
    start: int
    end: int
    source_id: str = "article"


CHUNKS = [C("a", 0, 100), C("b", 90, 200), C("c", 200, 300), C("d", 300, 400), C("s", 0, 100, "graber2023")]


def test_covers_needs_real_overlap_and_the_article() -> None:
    assert covers(C("x", 0, 100), (10, 50))
    assert not covers(C("x", 0, 100), (95, 195))  # grazes 5 of 100 chars
    assert covers(C("x", 100, 150), (0, 400))  # a chunk lying inside a long quote
    assert not covers(C("s", 0, 100, "graber2023"), (10, 50))
    assert relevant_chunk_ids(CHUNKS, [(120, 180)]) == {"b"}


def test_recall_mrr_ndcg() -> None:
    spans = [(120, 180), (310, 390)]
    ranked = [CHUNKS[2], CHUNKS[1], CHUNKS[0], CHUNKS[3]]  # c, b, a, d
    assert recall_at_k(ranked, spans, 1) == 0.0
    assert recall_at_k(ranked, spans, 2) == 0.5
    assert recall_at_k(ranked, spans, 4) == 1.0
    assert reciprocal_rank(ranked, spans) == 0.5
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at_k(ranked, spans, 4) == pytest.approx((1 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert ndcg_at_k([CHUNKS[1], CHUNKS[3]], spans, 5) == pytest.approx(1.0)
    assert math.isnan(recall_at_k(ranked, [], 5))
