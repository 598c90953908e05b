"""Could hand relevance labels choose answer sentences better than the shipped ranker? A grouped cross-validation.

Why: issue 12 asks whether a sentence-relevance signal learned from people's judgements would cut off-topic
sentences. The labels are the hand-judged shown sentences of eval/data/sentence_relevance_labels.jsonl and the
precision-check and audit banks (benchmarks/results/{precision_check,fresh_audit}_labels.json, questions read from
a run of each bank). For each labelled sentence the real pipeline's candidate features (assistant/ranker.py
FEATURES; plus the second embedder's cosine when PNS_SECOND_EMBEDDER is on) are recomputed; a logistic regression
is scored by 5-fold cross-validation grouped by question (never memorised), next to the shipped ranker and e5 alone,
and for each drop threshold: how many shown sentences it would drop and how many of those a person judged helpful.

    python -m benchmarks.relevance_cv PRECISION_CHECK_RUN FRESH_AUDIT_RUN [--out FILE]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.fresh_audit import load_items
from benchmarks.keyfact_check import normalise_quote

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def labelled_pairs(precision_run: str, audit_run: str) -> list[tuple[str, str, bool]]:
    """(question, sentence prefix, helps) from the three hand-label files; a bank's follow-ups use their standalone question."""
    pairs = [(d["question"], d["sentence"][:60], d["helps"]) for d in map(json.loads, (
        ROOT / "eval" / "data" / "sentence_relevance_labels.jsonl").read_text().splitlines()) if d]
    for labels_file, run in (("precision_check_labels.json", precision_run), ("fresh_audit_labels.json", audit_run)):
        items = {i["id"]: i for i in load_items(run)}
        for item_id, sentences in json.loads((RESULTS / labels_file).read_text()).items():
            if item_id in items:
                question = items[item_id].get("standalone_question") or items[item_id]["question"]
                pairs += [(question, prefix, helps) for prefix, helps in sentences.items()]
    return pairs


def feature_rows(pairs: list[tuple[str, str, bool]]) -> dict[str, list]:
    """Each labelled sentence found among its question's candidates: feature row, label, question, shipped score, e5."""
    from assistant.api import Assistant
    from assistant.ranked_choice import rank_candidates
    from foundation.settings import Settings

    assistant = Assistant(Settings())
    assistant.warm_up()
    parts = assistant.parts()
    cache: dict[str, tuple] = {}
    out: dict[str, list] = {"x": [], "y": [], "group": [], "shipped": [], "e5": []}
    for question, prefix, helps in pairs:
        if question not in cache:
            r = parts.retriever.retrieve(question, pool=True)
            focus = r.query_vector or parts.index.embed_query(r.query)
            cache[question] = rank_candidates(r.query, focus, r.full_vector or focus, r.candidates, parts.bank,
                                              parts.enriched, parts.ranker)
        scored, rows = cache[question]
        key = normalise_quote(prefix)[:40]
        found = next(((s, x) for s, x in zip(scored, rows) if key in normalise_quote(s.sentence.text)), None)
        if found is None:
            continue
        s, x = found
        e5 = float(parts.bank.second.similarities(question, [s.sentence])[0]) if parts.bank.second is not None else None
        out["x"].append(list(x) + ([e5] if e5 is not None else []))
        out["y"].append(int(helps))
        out["group"].append(question)
        out["shipped"].append(s.score)
        out["e5"].append(e5)
    return out


def cross_validate(data: dict[str, list], c: float = 0.3, folds: int = 5) -> dict:
    """Grouped-CV AUCs and, per threshold, the sentences the learned filter would drop and the helpful ones among them."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = np.asarray(data["x"]), np.asarray(data["y"])
    pred = np.zeros(len(y))
    for train, test in GroupKFold(folds).split(x, y, data["group"]):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000)).fit(x[train], y[train])
        pred[test] = model.predict_proba(x[test])[:, 1]
    result = {"sentences": len(y), "helpful": int(y.sum()), "questions": len(set(data["group"])),
              "auc_shipped_ranker": round(float(roc_auc_score(y, data["shipped"])), 3),
              "auc_learned_grouped_cv": round(float(roc_auc_score(y, pred)), 3), "drop_below": {}}
    if all(e is not None for e in data["e5"]):
        result["auc_e5_alone"] = round(float(roc_auc_score(y, data["e5"])), 3)
    for t in (0.2, 0.3, 0.4, 0.5):
        dropped = pred < t
        result["drop_below"][str(t)] = {"dropped": int(dropped.sum()), "helpful_dropped": int(y[dropped].sum()),
                                        "precision_kept": round(float(y[~dropped].mean()), 3)}
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    out = Path(args[args.index("--out") + 1]) if "--out" in args else None
    report = cross_validate(feature_rows(labelled_pairs(args[0], args[1])))
    print(json.dumps(report, indent=1))
    if out is not None:
        out.write_text(json.dumps(report, indent=1) + "\n")
