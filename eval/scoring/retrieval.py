"""Retrieval scoring: recall@k / MRR / nDCG for dense, BM25, hybrid and the passages the answer used.

A required quote is located in Article.text and a chunk is relevant when it covers the quote's span
(eval.metrics.ranking.covers), so nothing depends on chunk ids, which change with chunking settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpus.models import Article
from eval.dataset import quote_spans
from eval.metrics.ranking import ndcg_at_k, recall_at_k, reciprocal_rank
from eval.results import ItemResult

K_VALUES = (1, 3, 5, 10)
RETRIEVAL_DEPTH = max(K_VALUES)
RETRIEVERS = ("dense", "bm25", "hybrid")


@dataclass(frozen=True)
class _Span:
    """A cited quote as a span, so the chunk-coverage rules apply to it too."""

    id: str
    source_id: str
    start: int
    end: int


def _rankings(res: ItemResult, index: Any, retriever: Any, known: dict[str, Any]) -> dict[str, list[Any]]:
    query = res.standalone_question or res.item.question
    rankings = {
        "dense": [h.chunk for h in index.dense_search(query, RETRIEVAL_DEPTH)],
        "bm25": [h.chunk for h in index.lexical_search(query, RETRIEVAL_DEPTH)],
        "hybrid": [h.chunk for h in retriever.retrieve(query, "hybrid", RETRIEVAL_DEPTH).hits],
    }
    if res.context_ids:
        rankings["assistant"] = [known[c] for c in res.context_ids if c in known]
    return rankings


def score_retrieval(results: Sequence[ItemResult], index: Any, retriever: Any, article: Article) -> None:
    """Fill `retrieval` (and `answer_span_recall`) of every item that must be answered and has required facts."""
    known = {c.id: c for c in index.chunks()}
    for res in results:
        item = res.item
        if item.expected_status != "answered" or not item.required_facts:
            continue
        spans = quote_spans(item, article)
        if res.status == "answered":
            # does the answer itself quote the reference spans? (a cheap, judge-free correctness check)
            cited = [_Span(f"cite{n}", src, a, b) for n, (src, a, b) in enumerate(res.cited_spans)]
            res.answer_span_recall = recall_at_k(cited, spans, len(cited)) if cited else 0.0
        for name, ranked in _rankings(res, index, retriever, known).items():
            scores = {f"recall@{k}": recall_at_k(ranked, spans, k) for k in K_VALUES}
            scores["mrr"] = reciprocal_rank(ranked, spans)
            scores["ndcg@5"] = ndcg_at_k(ranked, spans, 5)
            scores["ndcg@10"] = ndcg_at_k(ranked, spans, 10)
            res.retrieval[name] = scores


def summarise_retrieval(results: Sequence[ItemResult]) -> dict[str, dict[str, float]]:
    """Mean of every ranking score per retriever, with the number of items."""
    from eval.metrics.stats import mean

    out: dict[str, dict[str, float]] = {}
    for name in (*RETRIEVERS, "assistant"):
        rows = [r.retrieval[name] for r in results if name in r.retrieval]
        if rows:
            out[name] = {key: mean(row[key] for row in rows) for key in rows[0]} | {"n": len(rows)}
    return out
