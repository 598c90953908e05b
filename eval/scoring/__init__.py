"""Per-item scorers that need the index, the judge or ragas: retrieval rankings, ALCE citations, ragas.

They run once per item before the registry's metrics read their results (eval/metrics/catalog.py).
"""
