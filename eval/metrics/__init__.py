"""Metrics: ranking (retrieval), ALCE citations, behaviour, what answers show, and the registry of them all.

`eval.metrics.catalog.METRICS` is the one list of report metrics; the ranking functions are re-exported
here because the benchmarks score retrieval with them too.
"""

from eval.metrics.ranking import covers, ndcg_at_k, recall_at_k, reciprocal_rank, relevant_chunk_ids, span_hits

__all__ = ["covers", "ndcg_at_k", "recall_at_k", "reciprocal_rank", "relevant_chunk_ids", "span_hits"]
