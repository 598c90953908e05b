"""Our assistant vs a plain llama-index query engine, side by side in one run, on the same index.

Measured (all warm: both sides load the model and run every question once before timing):
- answer latency p50/p95: `Assistant.ask` (extractive default: input check, follow-up rewriting,
  safety rules, hybrid retrieval, sentence selection, citation resolution and validation,
  disclaimer) vs the baseline query engine (`benchmarks/baseline.py`: dense retrieval wrapped in a
  Response, no text synthesis). Questions are the whole evalset (every category, multi-turn
  histories included), interleaved question by question so machine noise hits both sides alike.
  Our hybrid retriever alone is timed too, to show where our time goes.
- retrieval recall@5 on the evalset's answerable items: ours (the hybrid Retriever the assistant
  uses, and the passages the assistant actually returned in `Answer.context_ids`) vs the baseline
  retriever (dense, `similarity_top_k=5`). A reference quote counts as found when a top-5 chunk
  covers it (eval.metrics.covers: overlap of at least half the quote or half the chunk).
  Both sides get the same standalone question (follow-ups rewritten by our conversation module);
  the baseline is also scored on the raw question, which is all a plain query engine would see.
- throughput under concurrency, in process: N threads sharing one engine, M requests in total.

Run: .venv/bin/python -m benchmarks.answer_vs_baseline [--home DIR] [--passes 3] [--threads 20 --requests 200]
Writes benchmarks/results/answer_vs_baseline.json. Needs a built index in HOME (built if missing).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from benchmarks.measure import machine, ratio, summarise_ms, write_result
from corpus.paths import article_path

TARGET_P50_MS = 150.0
TARGET_P95_MS = 400.0


def _recall_block(scores: list[dict[str, float]]) -> dict[str, float]:
    keys = scores[0].keys() if scores else []
    return {k: round(statistics.fmean(s[k] for s in scores), 4) for k in keys}


def retrieval_scores(ranked: list[Any], spans: list[tuple[int, int]], k: int) -> dict[str, float]:
    from eval.metrics import reciprocal_rank, recall_at_k, span_hits

    return {
        f"recall@{k}": recall_at_k(ranked, spans, k),
        f"hit@{k}": float(any(span_hits(ranked, spans, k))),
        "mrr": reciprocal_rank(ranked, spans, k),
    }


def concurrent_run(fn: Callable[[int], Any], threads: int, requests: int, check: Callable[[Any], bool]) -> dict[str, Any]:
    """`requests` calls spread over `threads` workers; errors counted, never raised."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        t = time.perf_counter()
        try:
            ok = check(fn(i))
            err = None if ok else "check failed"
        except Exception as exc:  # noqa: BLE001 - counted
            err = f"{type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - t) * 1000
        with lock:
            latencies.append(ms)
            if err:
                errors.append(err)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    return {"threads": threads, "requests": requests, "errors": len(errors), "error_samples": errors[:3],
            "wall_s": round(wall, 2), "throughput_rps": round(requests / wall, 2), "latency": summarise_ms(latencies)}


@dataclass
class Engines:
    """Both sides, warmed up, over the same built index."""

    assistant: Any
    retriever: Any      # our hybrid Retriever on the assistant's own SearchIndex
    index: Any
    baseline: Any       # benchmarks.baseline.LlamaIndexBaseline
    base_index: Any     # the baseline's own SearchIndex: same collection, its own copy of the model
    warm_up_s: dict[str, float]


def open_engines(settings: Any, k: int) -> Engines:
    """Build the index if missing, then warm up ours and the baseline (ours first; see the warm_up_s note)."""
    from assistant.api import Assistant
    from assistant.retrieval import Retriever
    from benchmarks.baseline import LlamaIndexBaseline
    from index.errors import IndexStoreError
    from index.store import open_index

    try:
        open_index(settings)
    except IndexStoreError:
        from index.build import build_index

        print(f"no usable index in {settings.home}: building it", file=sys.stderr)
        build_index(settings, progress=False)
    t = time.perf_counter()
    assistant = Assistant(settings)
    assistant.warm_up()
    ours_s = time.perf_counter() - t
    index = assistant.parts().index  # the SearchIndex the assistant opened: our retriever runs on exactly it
    t = time.perf_counter()
    base_index = open_index(settings)
    baseline = LlamaIndexBaseline.over(base_index, top_k=k)
    return Engines(assistant, Retriever(index, top_k=k), index, baseline, base_index,
                   {"ours": round(ours_s, 2), "baseline": round(time.perf_counter() - t, 2)})


def measure_quality(engines: Engines, items: list[Any], article: Any, k: int) -> dict[str, Any]:
    """Retrieval recall/hit/MRR on the answerable items, ours vs the baseline (same and raw question)."""
    from assistant.conversation import rewrite_followup
    from eval.dataset import quote_spans

    ours_retriever, ours_answer, base_same, base_raw = [], [], [], []
    for item in (i for i in items if i.answerable):
        spans = quote_spans(item, article)
        standalone = rewrite_followup(item.question, item.history_dicts())
        ours_retriever.append(retrieval_scores([h.chunk for h in engines.retriever.retrieve(standalone).hits], spans, k))
        answer = engines.assistant.ask(item.question, item.history_dicts())
        ours_answer.append(retrieval_scores([engines.index.chunk(i) for i in answer.context_ids], spans, k))
        base_same.append(retrieval_scores([engines.base_index.chunk(i) for i in engines.baseline.retrieve_ids(standalone)], spans, k))
        base_raw.append(retrieval_scores([engines.base_index.chunk(i) for i in engines.baseline.retrieve_ids(item.question)], spans, k))
    recall_key = f"recall@{k}"
    quality: dict[str, Any] = {
        "items": len(ours_retriever),
        "ours_hybrid_retriever": _recall_block(ours_retriever),
        "ours_assistant_contexts": _recall_block(ours_answer),
        "baseline_dense_same_question": _recall_block(base_same),
        "baseline_dense_raw_question": _recall_block(base_raw),
    }
    quality["ratio_recall_ours_vs_baseline"] = ratio(quality["ours_hybrid_retriever"][recall_key],
                                                     quality["baseline_dense_same_question"][recall_key])
    quality["ratio_recall_ours_vs_baseline_raw"] = ratio(quality["ours_assistant_contexts"][recall_key],
                                                         quality["baseline_dense_raw_question"][recall_key])
    return quality


def measure_latency(engines: Engines, questions: list[tuple[str, Any, str]], passes: int) -> dict[str, Any]:
    """Warm latency, interleaved question by question so machine noise hits both sides alike."""
    from assistant.disclaimer import has_disclaimer

    for q, h, s in questions:  # warm pass, untimed: caches, lazy imports, allocator
        engines.assistant.ask(q, h)
        engines.baseline.query(q)
        engines.retriever.retrieve(s)
    ask_ms, base_ms, retr_ms = [], [], []
    by_status: dict[str, list[float]] = {}
    missing_disclaimer = 0
    for _ in range(passes):
        for q, h, s in questions:
            t = time.perf_counter()
            answer = engines.assistant.ask(q, h)
            ask_ms.append((time.perf_counter() - t) * 1000)
            by_status.setdefault(answer.status, []).append(ask_ms[-1])
            missing_disclaimer += not has_disclaimer(answer.answer)
            t = time.perf_counter()
            engines.baseline.query(q)
            base_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            engines.retriever.retrieve(s)
            retr_ms.append((time.perf_counter() - t) * 1000)
    ours, base = summarise_ms(ask_ms), summarise_ms(base_ms)
    return {
        "questions": len(questions),
        "passes": passes,
        "ours_assistant_ask": ours,
        "ours_hybrid_retrieval_only": summarise_ms(retr_ms),
        "baseline_query_engine": base,
        "ratio_p50_ours_vs_baseline": ratio(ours["p50_ms"], base["p50_ms"]),
        "ratio_p95_ours_vs_baseline": ratio(ours["p95_ms"], base["p95_ms"]),
        "ours_by_status": {k: summarise_ms(v) for k, v in sorted(by_status.items())},
        "missing_disclaimer": missing_disclaimer,
        "targets": {"p50_ms": TARGET_P50_MS, "p95_ms": TARGET_P95_MS,
                    "met": bool(ours["p50_ms"] is not None and ours["p50_ms"] < TARGET_P50_MS
                                and ours["p95_ms"] < TARGET_P95_MS)},
        "warm_up_s": {**engines.warm_up_s,
                      "note": "in one process, ours first: the baseline's warm-up finds torch imported and the model "
                              "files cached, so compare cold starts in startup.json instead"},
    }


def measure_concurrency(engines: Engines, questions: list[tuple[str, Any, str]], threads: int, requests: int) -> dict[str, Any]:
    """In process: the engines themselves shared by `threads` workers, no HTTP."""
    from assistant.disclaimer import has_disclaimer

    if requests <= 0:
        return {}
    pick = lambda i: questions[i % len(questions)]  # noqa: E731
    concurrency: dict[str, Any] = {
        "ours_assistant_ask": concurrent_run(lambda i: engines.assistant.ask(pick(i)[0], pick(i)[1]), threads, requests,
                                             lambda a: a.status != "error" and has_disclaimer(a.answer)),
        "baseline_query_engine": concurrent_run(lambda i: engines.baseline.query(pick(i)[0]), threads, requests,
                                                lambda r: len(r.source_nodes) > 0),
    }
    concurrency["ratio_throughput_ours_vs_baseline"] = ratio(concurrency["ours_assistant_ask"]["throughput_rps"],
                                                             concurrency["baseline_query_engine"]["throughput_rps"])
    return concurrency


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="PNS_HOME with a built index (default: settings)")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the evalset per side")
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="requests per side in the concurrency run (0: skip)")
    parser.add_argument("--out-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.conversation import rewrite_followup
    from corpus.article import load_article
    from eval.dataset import load_evalset

    settings = Settings(home=args.home) if args.home else Settings()
    engines = open_engines(settings, args.k)
    items = load_evalset()
    quality = measure_quality(engines, items, load_article(article_path(settings)), args.k)
    questions = [(i.question, i.history_dicts(), rewrite_followup(i.question, i.history_dicts())) for i in items]
    latency = measure_latency(engines, questions, args.passes)
    report = {
        "benchmark": "answer_vs_baseline",
        "machine": machine(),
        "index": {k: engines.index.status().get(k) for k in ("chunks", "collection", "embedding_model", "dimension", "chunk_size")},
        "baseline": "llama-index VectorStoreIndex.from_vector_store(ChromaVectorStore(same collection), "
                    "embed_model=same BundledEmbedding); as_retriever(similarity_top_k=5); "
                    "as_query_engine(response_synthesizer=NoText) (no LLM call)",
        "retrieval": quality,
        "latency": latency,
        "concurrency_in_process": measure_concurrency(engines, questions, args.threads, args.requests),
    }
    path = write_result("answer_vs_baseline", report, args.out_dir)
    recall_key, ours, base = f"recall@{args.k}", latency["ours_assistant_ask"], latency["baseline_query_engine"]
    print(f"recall@{args.k}: ours {quality['ours_hybrid_retriever'][recall_key]:.3f} (assistant contexts "
          f"{quality['ours_assistant_contexts'][recall_key]:.3f}) vs baseline {quality['baseline_dense_same_question'][recall_key]:.3f} "
          f"(raw question {quality['baseline_dense_raw_question'][recall_key]:.3f}); ratio {quality['ratio_recall_ours_vs_baseline']}")
    print(f"latency p50/p95 ms: ours {ours['p50_ms']}/{ours['p95_ms']} vs baseline {base['p50_ms']}/{base['p95_ms']} "
          f"(ratio {latency['ratio_p50_ours_vs_baseline']}/{latency['ratio_p95_ours_vs_baseline']}); wrote {path}")
    return report


if __name__ == "__main__":
    main()
