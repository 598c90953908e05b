"""The retrieval-lever benchmark's weighted fusion is the assistant's reciprocal rank fusion when every weight is 1, a
weight of 0 leaves its ranking out, and a larger weight lifts that ranking's passages (benchmarks/retrieval_levers.py).

Why: the benchmark weighs levers by fusing the same rankings several ways; if its fusion drifted from
assistant.retrieval.reciprocal_rank_fusion, its "shipped" row would not be what the assistant ranks.
"""

from __future__ import annotations

from assistant.retrieval import reciprocal_rank_fusion
from benchmarks.retrieval_levers import LEVERS, weighted_rrf
from index.models import Chunk, ScoredChunk


def _ranking(ids: list[int], retriever: str) -> list[ScoredChunk]:
    return [ScoredChunk(chunk=Chunk(id=f"c{i}", source_id="article", section_id="s", section_path=["S"], position=i,
                                    text=f"text {i}", start=i * 10, end=i * 10 + 6), score=1.0 / r, rank=r, retriever=retriever)
            for r, i in enumerate(ids, start=1)]


RANKINGS = [_ranking([1, 2, 3, 4], "dense"), _ranking([4, 3, 5], "bm25"), _ranking([6, 1], "questions"), []]


def _ids(hits) -> list[str]:
    return [h.chunk.id for h in hits]


def test_every_weight_one_is_the_assistants_fusion() -> None:
    for k in (10, 60):
        assert _ids(weighted_rrf(RANKINGS, (1, 1, 1, 1), k)) == _ids(reciprocal_rank_fusion(RANKINGS, k))


def test_a_zero_weight_leaves_a_ranking_out_and_a_larger_one_lifts_it() -> None:
    assert _ids(weighted_rrf(RANKINGS, (1, 1, 0, 0), 60)) == _ids(reciprocal_rank_fusion(RANKINGS[:2]))
    assert "c6" not in _ids(weighted_rrf(RANKINGS, (1, 1, 0, 0), 60))
    assert _ids(weighted_rrf(RANKINGS, (1, 1, 3, 0), 60)).index("c6") < _ids(weighted_rrf(RANKINGS, (1, 1, 1, 0), 60)).index("c6")


def test_the_shipped_lever_is_named_once_and_fuses_dense_and_bm25_only() -> None:
    shipped = [lever for lever in LEVERS if "(shipped)" in lever.name]
    assert len(shipped) == 1 and shipped[0].weights == (1, 1, 0, 0) and shipped[0].rrf_k == 60
