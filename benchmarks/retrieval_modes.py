"""Dense vs BM25 vs hybrid retrieval on the evalset's answerable questions: recall@k, hit@k, MRR.

A reference context counts as found when a retrieved article chunk overlaps its quote's span in the
cleaned article (chunk ids are content hashes, so spans are the stable key). Follow-up questions are
rewritten with their history first, exactly as the assistant does.

    .venv/bin/python -m benchmarks.retrieval_modes [--k 5] [--out benchmarks/results/retrieval_modes.json]

Needs a built index in PNS_HOME (`pns index build`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from corpus.paths import article_path

# (name, retriever mode, focus): "focus" embeds the question without the subject phrase for dense search.
MODES = (("dense_full_question", "dense", False), ("dense", "dense", True), ("bm25", "bm25", True),
         ("hybrid_full_question", "hybrid", False), ("hybrid", "hybrid", True))


def _overlaps(chunk, span: tuple[int, int]) -> bool:
    return chunk.source_id == "article" and chunk.start < span[1] and span[0] < chunk.end


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/retrieval_modes.json"))
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.conversation import rewrite_followup
    from assistant.retrieval import Retriever
    from corpus.article import load_article
    from eval.dataset import load_evalset, quote_spans
    from index.store import open_index

    settings = Settings()
    article = load_article(article_path(settings))
    index = open_index(settings)
    index.warm_up()
    retriever = Retriever(index, top_k=args.k)
    items = [i for i in load_evalset() if i.answerable]

    results: dict[str, dict] = {}
    for name, mode, focus in MODES:
        recalls, hits, rrs, times = [], [], [], []
        misses: list[str] = []
        for item in items:
            spans = quote_spans(item, article)
            question = rewrite_followup(item.question, item.history_dicts())
            started = time.perf_counter()
            retrieval = retriever.retrieve(question, mode=mode, top_k=args.k, focus=focus)
            times.append((time.perf_counter() - started) * 1000)
            chunks = [h.chunk for h in retrieval.hits]
            found = [any(_overlaps(c, s) for c in chunks) for s in spans]
            recalls.append(sum(found) / len(spans))
            hits.append(float(any(found)))
            first = next((r for r, c in enumerate(chunks, start=1) if any(_overlaps(c, s) for s in spans)), None)
            rrs.append(1.0 / first if first else 0.0)
            if not all(found):
                misses.append(item.id)
        results[name] = {
            f"recall@{args.k}": round(statistics.mean(recalls), 4),
            f"hit@{args.k}": round(statistics.mean(hits), 4),
            "mrr": round(statistics.mean(rrs), 4),
            "ms_median": round(statistics.median(times), 1),
            "incomplete": misses,
        }
    report = {
        "benchmark": "retrieval_modes",
        "k": args.k,
        "items": len(items),
        "index": {k: index.status().get(k) for k in ("chunks", "chunk_size", "chunk_overlap", "embedding_model")},
        "rrf_k": 60,
        "reranker": "none (no cross-encoder weights are available offline)",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for mode, r in results.items():
        print(f"{mode:20} recall@{args.k}={r[f'recall@{args.k}']:.3f} hit@{args.k}={r[f'hit@{args.k}']:.3f} "
              f"mrr={r['mrr']:.3f} median={r['ms_median']}ms")
    return report


if __name__ == "__main__":
    main()
