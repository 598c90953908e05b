"""Ablation under grouped CV on dev: a second embedder's cosines as ranker features, and paragraph completion.

    python -m benchmarks.rescore_cv --model-dir DIR   # DIR: a sentence-transformers folder (all-mpnet-base-v2)

Why: every feature of the learned ranker comes from MiniLM similarity and word overlap, so it barely beats
the hand score. A stronger embedder (all-mpnet-base-v2) used only to re-score the candidate sentences (the
index stays MiniLM) might separate answer sentences better; a short paragraph shown whole might complete
answers cut mid-thought. Each lever is measured with the harness of benchmarks/train_ranker.py: grouped
5-fold CV over dev conversations, the ranker fitted on the other folds plus the generated questions, the
real enriched composer composing the held-out questions. Also timed: one question through the second
embedder (the per-query cost the answer path would add). Writes benchmarks/results/rescore_cv.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex
from benchmarks.train_ranker import (FOLDS, auc_of, summary_of, dev_cases, fit, generated_cases, rules, shown_scores)

RESULTS = Path(__file__).resolve().parent / "results" / "rescore_cv.json"
EXTRA_FEATURES = ("unit_cosine", "question_cosine", "unit_cosine_gap", "question_cosine_gap")


class SecondEmbedder:
    """Cosines of a question with each candidate's unit text and its generated questions, in a second model's space.

    Unit and generated-question vectors are embedded once (the index-build-time part); each question once more.
    """

    def __init__(self, model: Any, enriched: Any, texts: list[str]) -> None:
        self.model, self.enriched = model, enriched
        self.units = self.embed([u.unit.text for u in enriched.units])
        self.row_of = {id(u): i for i, u in enumerate(enriched.units)}
        self.questions = self.embed(texts)
        self.cache: dict[str, Any] = {}

    def embed(self, texts: list[str]) -> Any:
        return self.model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)

    def query(self, text: str) -> Any:
        if text not in self.cache:
            self.cache[text] = self.embed([text])[0]
        return self.cache[text]

    def __call__(self, query: str, items: Any) -> list[list[float]]:
        q = self.query(query)
        rows = []
        for item in items:
            if item is None:
                rows.append([0.0, 0.0])
                continue
            unit = float(self.units[self.row_of[id(item)]] @ q)
            qrows = [r for r in item.question_rows if r not in self.enriched.held_out]
            rows.append([unit, float((self.questions[qrows] @ q).max()) if qrows else 0.0])
        best = [max((r[i] for r in rows), default=0.0) for i in (0, 1)]
        return [[*r, r[0] - best[0], r[1] - best[1]] for r in rows]


def evaluate(parts: Any, dev: list[Any], generated: list[Any], extra: Any, paragraphs: bool,
             folds: int) -> dict[str, Any]:
    """Best selection rule (by F1 of recall and the precision proxy) of the C=1 ranker, out of fold."""
    from sklearn.model_selection import GroupKFold

    from assistant.enriched_compose import Levers

    fold_of = {}
    for f, (_, val) in enumerate(GroupKFold(n_splits=folds).split(dev, groups=[c.group for c in dev])):
        fold_of.update({dev[i].id: f for i in val})
    per_rule: dict[int, list[Any]] = {}
    aucs = []
    for f in range(folds):
        train = [d for d in dev if fold_of[d.id] != f] + generated
        val = [d for d in dev if fold_of[d.id] == f]
        ranker = fit(train, 1.0, 1.0)
        aucs.append(auc_of(val, ranker))
        for r, rule in enumerate(rules()):
            levers = Levers(ranker=True, keep_probability=rule["keep_probability"], keep_margin=rule["keep_margin"],
                            max_sentences=rule["max_sentences"], filter_only=rule["mode"] == "filter",
                            paragraphs=paragraphs)
            per_rule.setdefault(r, []).extend(shown_scores(parts, c, ranker, levers, extra) for c in val)
    table = [{**rule, **summary_of(per_rule[r])} for r, rule in enumerate(rules())]
    return {"cv_roc_auc": aucs, "best_rule": max(table, key=lambda row: row["f1"])}


def time_query(model: Any, questions: list[str]) -> dict[str, float]:
    import torch

    out = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        model.encode(questions[:2])
        times = []
        for q in questions[:40]:
            t = time.perf_counter()
            model.encode([q], normalize_embeddings=True)
            times.append((time.perf_counter() - t) * 1000)
        out[f"threads_{threads}_p50_ms"] = round(statistics.median(times), 1)
    torch.set_num_threads(2)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir", required=True)
    p.add_argument("--folds", type=int, default=FOLDS)
    args = p.parse_args()
    from sentence_transformers import SentenceTransformer

    from assistant.api import Assistant
    from assistant.enriched_compose import Levers
    from corpus.enrichment import load_enrichment
    from foundation.settings import Settings
    from index.enrichment_vectors import enrichment_texts

    assistant = Assistant(Settings().override(answer={"learned_ranker": False}))
    assistant.warm_up()
    parts = assistant.parts()
    index = ArticleIndex.load(assistant.corpus.article)
    model = SentenceTransformer(args.model_dir, device="cpu", local_files_only=True)
    texts = enrichment_texts(load_enrichment(assistant.settings.home), assistant.corpus.article)
    t0 = time.perf_counter()
    second = SecondEmbedder(model, parts.enriched, texts)
    build_s = time.perf_counter() - t0
    dev, generated = dev_cases(assistant, index, second), generated_cases(parts, second)
    width = len(dev[0].rows[0])
    base_dev = [_narrow(c, width - len(EXTRA_FEATURES)) for c in dev]
    base_gen = [_narrow(c, width - len(EXTRA_FEATURES)) for c in generated]
    report: dict[str, Any] = {"dev_questions": len(dev), "generated_questions": len(generated), "folds": args.folds,
                              "second_embedder": os.path.basename(args.model_dir.rstrip("/")),
                              "embed_units_and_questions_s": round(build_s, 1),
                              "query_embed": time_query(model, [c.extra["question"] for c in dev]), "levers": {}}
    for paragraphs in (False, True):
        report["levers"][f"hand score{' + paragraphs' if paragraphs else ''}"] = summary_of(
            [shown_scores(parts, c, None, Levers(ranker=False, paragraphs=paragraphs)) for c in base_dev])
        report["levers"][f"ranker (MiniLM features){' + paragraphs' if paragraphs else ''}"] = evaluate(
            parts, base_dev, base_gen, None, paragraphs, args.folds)
        report["levers"][f"ranker + second-embedder cosines{' + paragraphs' if paragraphs else ''}"] = evaluate(
            parts, dev, generated, second, paragraphs, args.folds)
        print(json.dumps(report["levers"], indent=1), flush=True)
    RESULTS.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


def _narrow(case: Any, width: int) -> Any:
    from dataclasses import replace

    return replace(case, rows=[r[:width] for r in case.rows])


if __name__ == "__main__":
    main()
