"""Pick the chunk size by retrieval quality instead of guessing.

For each (chunk size, overlap, heading prefix) we chunk the article exactly as the index build
does, embed the chunks with the bundled model and ask two question sets:
- benchmarks/data/section_questions.jsonl: 36 paraphrased patient questions -> expected section(s),
  written for this measurement;
- eval/data/evalset.jsonl (when present): its answerable single-turn items, whose
  reference_contexts give the expected section and a quote.
Metrics (k = 5): section recall@5 and MRR for dense, BM25 and hybrid (reciprocal-rank fusion);
quote hit@5 (a top-5 chunk overlaps an expected quote's span); and the mean word-piece tokens of
the top 5, i.e. what an answerer must read. Cosine ranking is computed exactly with numpy on the
same unit vectors Chroma stores (the corpus is ~50 chunks, where HNSW is exact anyway).

Run: .venv/bin/python -m benchmarks.index.chunk_size  -> benchmarks/results/chunk_size.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from corpus.paths import article_path

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "benchmarks" / "data" / "section_questions.jsonl"
EVALSET = REPO / "eval" / "data" / "evalset.jsonl"
OUT = REPO / "benchmarks" / "results" / "chunk_size.json"
K = 5
SIZES = (32, 48, 64, 96, 128, 160, 192, 256, 512)
OVERLAPS = (0, 20, 48)
RRF_K = 60


def load_questions() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    own = [json.loads(l) for l in QUESTIONS.read_text(encoding="utf-8").splitlines() if l.strip()]
    evalset: list[dict[str, Any]] = []
    if EVALSET.exists():
        for line in EVALSET.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            ctx = item.get("reference_contexts") or []
            if ctx and not item.get("history"):
                evalset.append({"question": item["question"], "sections": sorted({c["section_id"] for c in ctx}),
                                "quotes": [c["quote"] for c in ctx if c.get("quote")]})
    return own, evalset


def quote_spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    spans = []
    for q in quotes:
        at = text.find(q)
        if at < 0:
            at = text.find(q.rstrip("."))
        if at >= 0:
            spans.append((at, at + len(q)))
    return spans


def whole(text: str, chunk: Any) -> bool:
    """The chunk starts and ends on a sentence or line boundary (a citation reads as whole sentences)."""
    starts = chunk.start == 0 or text[chunk.start - 1] == "\n" or text[chunk.start - 2 : chunk.start] in (". ", "? ", "! ")
    ends = chunk.text.endswith((".", "?", "!", ":", ")")) or text[chunk.end : chunk.end + 1] in ("\n", "")
    return starts and ends


def rrf(*rankings: list[int]) -> list[int]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for r, i in enumerate(ranking):
            scores[i] = scores.get(i, 0.0) + 1.0 / (RRF_K + r + 1)
    return sorted(scores, key=lambda i: -scores[i])


def evaluate(chunks: list[Any], vecs: np.ndarray, qvecs: np.ndarray, items: list[dict[str, Any]],
             lexical: Any, text: str, tok: Any) -> dict[str, float]:
    sims = qvecs @ vecs.T
    out: dict[str, list[float]] = {f"{r}_{m}": [] for r in ("dense", "bm25", "hybrid") for m in ("recall@5", "mrr")}
    out |= {"quote_hit@5": [], "top5_tokens": []}
    id_pos = {c.id: i for i, c in enumerate(chunks)}
    for qi, item in enumerate(items):
        dense = list(np.argsort(-sims[qi]))
        bm25 = [id_pos[i] for i, _ in lexical.search(item["question"], 20)]
        ranked = {"dense": dense[:20], "bm25": bm25, "hybrid": rrf(dense[:20], bm25)}
        want = set(item["sections"])
        for name, ranking in ranked.items():
            top = ranking[:K]
            hits = [r for r, i in enumerate(top) if chunks[i].section_id in want]
            out[f"{name}_recall@5"].append(1.0 if hits else 0.0)
            out[f"{name}_mrr"].append(1.0 / (hits[0] + 1) if hits else 0.0)
        top = dense[:K]
        out["top5_tokens"].append(sum(len(tok(chunks[i].text)) for i in top))
        spans = quote_spans(text, item.get("quotes", []))
        if spans:
            hit = any(chunks[i].start < e and s < chunks[i].end for i in top for s, e in spans)
            out["quote_hit@5"].append(1.0 if hit else 0.0)
    return {k: round(float(np.mean(v)), 4) if v else None for k, v in out.items()}


def main() -> int:
    from corpus.article import load_article
    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from index.chunking import chunk_documents, embedding_text, model_tokenizer
    from index.embedding import BundledEmbedding
    from index.lexical import LexicalIndex

    settings = Settings()
    article = load_article(article_path(settings))
    own, evalset = load_questions()
    embedder = BundledEmbedding(settings.index.embedding_model)
    tok = model_tokenizer(settings.index.embedding_model)
    max_tokens = embedder.max_tokens
    started = time.perf_counter()
    qv = {name: np.array([embedder.embed_query(i["question"]) for i in items]) for name, items in
          (("own", own), ("evalset", evalset)) if items}
    rows = []
    for size in SIZES:
        for overlap in OVERLAPS:
            if overlap >= size // 2:
                continue
            chunks = chunk_documents(article, chunk_size=size, chunk_overlap=overlap, tokenizer=tok)
            for prefix in (True, False):
                texts = [embedding_text(c) if prefix else c.text for c in chunks]
                vecs = np.array(embedder.embed(texts))
                lexical = LexicalIndex.build([c.id for c in chunks], texts)
                row: dict[str, Any] = {
                    "chunk_size": size, "chunk_overlap": overlap, "heading_prefix": prefix, "chunks": len(chunks),
                    "max_chunk_tokens": max(len(tok(t)) for t in texts),
                    "truncated_chunks": sum(len(tok(t)) > max_tokens - 2 for t in texts),
                    "whole_sentence_chunks": round(sum(whole(article.text, c) for c in chunks) / len(chunks), 3),
                }
                for name, items in (("own", own), ("evalset", evalset)):
                    if items:
                        row[name] = evaluate(chunks, vecs, qv[name], items, lexical, article.text, tok)
                rows.append(row)
                print(f"size={size:>3} overlap={overlap:>2} prefix={prefix!s:<5} chunks={len(chunks):>3} "
                      f"own dense r@5={row['own']['dense_recall@5']:.3f} hybrid r@5={row['own']['hybrid_recall@5']:.3f} "
                      + (f"| eval dense r@5={row['evalset']['dense_recall@5']:.3f} quote@5={row['evalset']['quote_hit@5']:.3f} "
                         f"hybrid r@5={row['evalset']['hybrid_recall@5']:.3f}" if evalset else ""), file=sys.stderr)

    def key(r: dict[str, Any]) -> tuple[float, ...]:
        sets = [r[n] for n in ("own", "evalset") if n in r]
        recall = np.mean([s["dense_recall@5"] + s["hybrid_recall@5"] for s in sets]) / 2
        mrr = np.mean([s["dense_mrr"] + s["hybrid_mrr"] for s in sets]) / 2
        quote = np.mean([s["quote_hit@5"] or 0 for s in sets if s.get("quote_hit@5") is not None] or [0])
        return (round(float(recall), 3), round(float(quote), 3), round(float(mrr), 3), -r["truncated_chunks"])

    best = max(rows, key=key)
    result = {
        "model": settings.index.embedding_model, "model_max_tokens": max_tokens, "k": K,
        "question_sets": {"own": {"path": str(QUESTIONS.relative_to(REPO)), "items": len(own)},
                          "evalset": {"path": str(EVALSET.relative_to(REPO)), "items": len(evalset),
                                      "note": "answerable single-turn items with reference_contexts"}},
        "selection": "max mean(dense, hybrid) section recall@5 over both sets, then quote hit@5, then MRR, "
                     "then fewer truncated chunks. Differences of ~0.03 are one question: treat close rows as ties.",
        "chosen": {k: best[k] for k in ("chunk_size", "chunk_overlap", "heading_prefix")},
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["chosen"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
