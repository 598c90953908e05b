"""Can a threshold on the answer's best score tell dev's answerable questions from the unanswerable ones it answers?

    python -m benchmarks.abstain_scores [--model-dir DIR]   # DIR: a second embedder (all-mpnet-base-v2), optional

For every dev item that must be answered or must be `not_found`, and that the shipped pipeline answers (so the
cosine gate let it through), the best candidate's scores: hand score, MiniLM cosine, the generated-question
cosine, and (with --model-dir) the second embedder's unit / generated-question cosines. For each score a
threshold is chosen on the other folds (grouped by conversation, 5 folds; the threshold that keeps the most
items right) and applied to the held-out fold: how many unanswerable items it would turn into `not_found`,
and how many answerable ones it would wrongly drop. Writes benchmarks/results/abstain_scores.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "abstain_scores.json"


def item_scores(assistant: Any, second: Any) -> list[dict[str, Any]]:
    from assistant.ranked_choice import rank_candidates
    from assistant.pipeline import understand
    from benchmarks.answer_metrics import load_items

    parts, settings = assistant.parts(), assistant.settings
    rows = []
    for item in load_items("dev"):
        acceptable = set(item["acceptable_statuses"])
        if ("answered" in acceptable) == ("not_found" in acceptable):
            continue
        if assistant.ask(item["question"], history=item.get("history") or []).status != "answered":
            continue
        understood = understand(settings, item["question"], item.get("history") or [], assistant.triage)
        if understood.triaged is None or understood.triaged.bibliography is not None:
            continue
        retrieval = parts.retriever.retrieve(parts.with_author_topics(understood.query), pool=True)
        focus = retrieval.query_vector or parts.index.embed_query(retrieval.query)
        full = retrieval.full_vector or focus
        _, feats = rank_candidates(retrieval.query, focus, full, retrieval.candidates, parts.bank, parts.enriched, None,
                                   second)
        if not feats:
            continue
        best = [max(f[i] for f in feats) for i in range(len(feats[0]))]
        scores = {"hand_score": best[11], "full_similarity": best[1], "question_similarity": best[3]}
        if second is not None:
            scores.update({"second_unit_cosine": best[22], "second_question_cosine": best[23]})
        rows.append({"id": item["id"], "group": item.get("conversation_id") or item["id"],
                     "answerable": "answered" in acceptable, **{k: round(v, 4) for k, v in scores.items()}})
    return rows


def cross_validate(rows: list[dict[str, Any]], score: str, folds: int = 5) -> dict[str, Any]:
    from sklearn.model_selection import GroupKFold

    caught = lost = 0
    thresholds = []
    for train, val in GroupKFold(n_splits=folds).split(rows, groups=[r["group"] for r in rows]):
        tr = [rows[i] for i in train]
        grid = sorted({r[score] for r in tr}) + [max(r[score] for r in tr) + 1]
        # keep the most items right; on a tie the lowest threshold (drop as few answers as possible)
        best = max(grid, key=lambda t: (sum((r[score] >= t) == r["answerable"] for r in tr), -t))
        below = [r for r in tr if r[score] < best]
        t = best if not below else (best + max(r[score] for r in below)) / 2
        thresholds.append(round(t, 4))
        for i in val:
            r = rows[i]
            caught += (not r["answerable"]) and r[score] < t
            lost += r["answerable"] and r[score] < t
    return {"thresholds": thresholds, "unanswerable_caught": caught, "answerable_lost": lost,
            "unanswerable_answered": sum(not r["answerable"] for r in rows)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir")
    args = p.parse_args()
    from assistant.api import Assistant
    from foundation.settings import Settings

    assistant = Assistant(Settings())
    assistant.warm_up()
    second = None
    if args.model_dir:
        from sentence_transformers import SentenceTransformer

        from benchmarks.rescore_cv import SecondEmbedder
        from corpus.enrichment import load_enrichment
        from index.enrichment_vectors import enrichment_texts

        model = SentenceTransformer(args.model_dir, device="cpu", local_files_only=True)
        texts = enrichment_texts(load_enrichment(assistant.settings.home), assistant.corpus.article)
        second = SecondEmbedder(model, assistant.parts().enriched, texts)
    rows = item_scores(assistant, second)
    scores = [k for k in rows[0] if k not in ("id", "group", "answerable")]
    report = {"items": len(rows), "answerable": sum(r["answerable"] for r in rows),
              "by_score": {s: cross_validate(rows, s) for s in scores},
              "unanswerable_rows": [r for r in rows if not r["answerable"]],
              "lowest_answerable": {s: sorted(r[s] for r in rows if r["answerable"])[:3] for s in scores}}
    RESULTS.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
