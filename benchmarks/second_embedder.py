"""Key-fact recall and warm latency with and without the second sentence embedder, per bank.

Banks: the dev split of eval set v2 and the self-written banks (fresh_audit, followup_check, followup_check2,
precision_check's first 20 studied items and, as an aggregate only, its last 20 held-out ones). Each
configuration is one warmed Assistant over the built index in PNS_HOME; weights are the second embedder's
share of the sentence similarity (0 = off). The affine map of e5 cosines onto MiniLM's scale is recomputed
from the corpus-derived pairs (generated questions x article passages) and printed beside the constants.

    .venv/bin/python -m benchmarks.second_embedder [--weights 0,0.25,0.5] -> benchmarks/results/second_embedder.json
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex, load_items
from benchmarks.answer_runs import ask_items, score_rows

DATA = Path(__file__).resolve().parents[1] / "eval" / "data"
OUT = Path(__file__).resolve().parent / "results" / "second_embedder.json"
BANKS = {"dev": None, "fresh_audit": ("fresh_audit.jsonl", None), "followup_check": ("followup_check.jsonl", None),
         "followup_check2": ("followup_check2.jsonl", None), "precision_check_first20": ("precision_check.jsonl", (0, 20)),
         "precision_check_last20": ("precision_check.jsonl", (20, 40))}


def bank_items(name: str) -> list[dict[str, Any]]:
    spec = BANKS[name]
    if spec is None:
        return load_items("dev")
    items = [json.loads(line) for line in (DATA / spec[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[spec[1][0]:spec[1][1]] if spec[1] else items


def calibration() -> dict[str, float]:
    """Mean and spread of both models' cosines over generated questions x article passages (the SCALE/SHIFT source)."""
    import numpy as np

    from corpus.article import load_article
    from corpus.enrichment import load_enrichment
    from corpus.paths import article_path
    from foundation.model_registry import load_engine_model
    from foundation.settings import Settings
    from index.embedding import BundledEmbedding
    from index.enrichment_vectors import enrichment_texts
    from index.second_vectors import passage_texts

    settings = Settings()
    article = load_article(article_path(settings))
    questions = [t for t in enrichment_texts(load_enrichment(settings.home), article) if t.endswith("?")]
    passages = passage_texts(article)
    e5 = load_engine_model()
    mini = BundledEmbedding(settings.index.embedding_model)
    e = (np.asarray(e5.query(questions)) @ np.asarray(e5.passage(passages)).T).ravel()
    m = (np.array([mini.embed_query(q) for q in questions]) @ np.array(mini.embed(passages)).T).ravel()
    scale = float(m.std() / e.std())
    return {"pairs": int(e.size), "e5_mean": float(e.mean()), "e5_std": float(e.std()), "minilm_mean": float(m.mean()),
            "minilm_std": float(m.std()), "correlation": float(np.corrcoef(e, m)[0, 1]), "scale": scale,
            "shift": float(m.mean() - scale * e.mean())}


def main() -> None:
    from assistant.api import Assistant
    from corpus.corpus import Corpus
    from foundation.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="0,0.25,0.5")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    base = Settings()
    corpus = Corpus.load(base)
    index = ArticleIndex.load(corpus.article)
    results: dict[str, Any] = {"calibration": calibration(), "banks": {}}
    for weight in [float(w) for w in args.weights.split(",")]:
        assistant = Assistant(base.override(answer={"second_embedder": weight > 0, "second_weight": weight}))
        assistant.warm_up()
        for bank in BANKS:
            items = bank_items(bank)
            rows = ask_items(lambda q, h: assistant.ask(q, history=h), items, index)
            scored = score_rows(rows, items, corpus.article, index)
            keep = ("items", "status_accuracy", "key_fact_recall", "key_fact_items", "dangling_rate", "related_reference_precision")
            row = {k: scored[k] for k in keep} | {"p50_ms": round(statistics.median(r["ms"] for r in rows), 1)}
            results["banks"].setdefault(bank, {})[str(weight)] = row
            print(bank, weight, row, flush=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
