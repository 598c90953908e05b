"""Train the learned relevance cut on the STUDIED parts' hand labels, judge it on the BLIND parts' (never tuned on).

    PNS_HOME=... python -m benchmarks.train_relevance_cut            # fit, report, write assistant/data/relevance_cut.json
    PNS_HOME=... python -m benchmarks.train_relevance_cut --no-write # report only (benchmarks/results/relevance_cut.json)

Why this split: the pooled labels (eval/relevance_pool.py, precision banks 2-8) carry each item's part; a model fitted
on the studied part and scored on the blind part is scored on questions nobody tuned anything on. Only first turns are
used: the cut runs on first turns only (a follow-up's focus vector is the rewrite's). The features are computed as the
pipeline computes them: the triaged question (assistant/pipeline.understand), retrieved as gather() retrieves it, its
focused and whole vectors, against the article's sentences (assistant/relevance_cut.ArticleScale).

Reported on the blind part: AUC of the model and of the single cosine gap the off-topic cut reads, and, at each
threshold, how many helpful / unhelpful labelled sentences a cut would drop (the share of required facts dropped is what
key-fact recall would lose). The threshold written here (the highest whose studied-part drop has at most
MAX_HELPFUL_LOSS of the helpful sentences and at least ODDS times as many unhelpful ones) is a first guess only: the
shipped one is chosen where the cut acts, by benchmarks/relevance_cut_points.py (run it after this).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.relevance_cut import FEATURES, MODEL_FILE

RESULTS = Path(__file__).resolve().parent / "results" / "relevance_cut.json"
PRECISION_BANKS = ("precision_check2", "precision_check3", "precision_check4", "precision_check5", "precision_check6",
                   "precision_check7", "precision_check8", "precision_check9")
MAX_HELPFUL_LOSS = 0.03
ODDS = 4.0
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))


def feature_rows() -> list[dict[str, Any]]:
    """One row per first-turn labelled pair: bank, item, part, helps, required, and FEATURES."""
    from assistant.answer_focus import names_distinctive
    from assistant.api import Assistant
    from assistant.compose import question_terms
    from assistant.pipeline import understand
    from assistant.relevance_cut import ArticleScale
    from eval.relevance_pool import DATA, clean_sentence, load_pool
    from foundation.settings import Settings

    assistant = Assistant(Settings())
    parts = assistant.parts()
    assert parts.enriched is not None
    chunks = parts.index.chunks()
    where: dict[str, Any] = {}
    for c in chunks:
        if c.source_id == "article":
            for s in parts.bank.sentences(c.id):
                where.setdefault(clean_sentence(s.text), s)
    required = {}
    for bank in PRECISION_BANKS:
        for line in (DATA / f"{bank}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                required[item["id"]] = {clean_sentence(f["quote"]) for f in item.get("required_facts", [])}
    rows: list[dict[str, Any]] = []
    scales: dict[str, tuple[ArticleScale, set[str]] | None] = {}
    for pair in load_pool(banks=PRECISION_BANKS):
        if pair.earlier_questions or pair.part not in ("studied", "blind") or pair.sentence not in where:
            continue
        if pair.question not in scales:
            understood = understand(assistant.settings, pair.question, [], assistant.triage)
            if understood.triaged is None:
                scales[pair.question] = None
                continue
            retrieval = parts.retriever.retrieve(parts.with_author_topics(understood.query), pool=True)
            scales[pair.question] = (ArticleScale(retrieval.query_vector, retrieval.full_vector, parts.bank, chunks),
                                     question_terms(retrieval.query))
        got = scales[pair.question]
        if got is None:
            continue
        scale, q_terms = got
        sentence = where[pair.sentence]
        distinctive = names_distinctive(q_terms, parts.bank.terms(sentence.chunk.id)[sentence.index], parts.bank.weights)
        x = scale.features(sentence, q_terms, parts.enriched.for_sentence(sentence), distinctive)
        rows.append({"bank": pair.bank, "item": pair.item_id, "part": pair.part, "helps": pair.helps,
                     "required": pair.sentence in required.get(pair.item_id, set()), "x": x})
    return rows


def drops(rows: list[dict[str, Any]], p: list[float], threshold: float, only: str = "") -> dict[str, Any]:
    """What a cut at `threshold` drops among `rows` (only the non-distinctive ones when only='plain')."""
    out = {"helpful": 0, "unhelpful": 0, "required": 0}
    for r, q in zip(rows, p):
        if q >= threshold or (only == "plain" and r["x"][FEATURES.index("distinctive")]):
            continue
        out["helpful" if r["helps"] else "unhelpful"] += 1
        out["required"] += r["required"]
    totals = {"helpful": sum(r["helps"] for r in rows), "unhelpful": sum(not r["helps"] for r in rows),
              "required": sum(r["required"] for r in rows)}
    return {**out, **{f"{k}_share": round(out[k] / max(totals[k], 1), 3) for k in totals}}


def fit_standardised(rows: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    """A logistic model on labelled pairs' standardised features, with the mean and scale it was fitted under: the
    shipped cut's fit, and each fold's in the leave-one-bank-out check (benchmarks/relevance_cut_lobo.py)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.array([r["x"] for r in rows], dtype=float)
    y = np.array([r["helps"] for r in rows], dtype=int)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    return LogisticRegression(C=1.0, max_iter=2000).fit((X - mean) / scale, y), mean, scale


def main(write: bool) -> dict[str, Any]:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    rows = feature_rows()
    studied = [r for r in rows if r["part"] == "studied"]
    blind = [r for r in rows if r["part"] == "blind"]
    y = np.array([r["helps"] for r in studied], dtype=int)
    model, mean, scale = fit_standardised(studied)

    def prob(part: list[dict[str, Any]]) -> list[float]:
        Z = (np.array([r["x"] for r in part], dtype=float) - mean) / scale
        return [float(v) for v in model.predict_proba(Z)[:, 1]]

    p_studied, p_blind = prob(studied), prob(blind)
    gap = FEATURES.index("cosine_gap")
    yb = [r["helps"] for r in blind]
    report: dict[str, Any] = {
        "pairs": {"studied": len(studied), "blind": len(blind),
                  "studied_helpful": int(y.sum()), "blind_helpful": int(sum(yb))},
        "auc": {"studied_model": round(roc_auc_score(y, p_studied), 3),
                "blind_model": round(roc_auc_score(yb, p_blind), 3),
                "blind_cosine_gap": round(roc_auc_score(yb, [r["x"][gap] for r in blind]), 3),
                "blind_cosine": round(roc_auc_score(yb, [r["x"][0] for r in blind]), 3),
                "blind_overlap": round(roc_auc_score(yb, [r["x"][FEATURES.index("overlap")] for r in blind]), 3)},
        "per_threshold": {str(t): {"studied": drops(studied, p_studied, t), "blind": drops(blind, p_blind, t),
                                   "studied_plain": drops(studied, p_studied, t, "plain"),
                                   "blind_plain": drops(blind, p_blind, t, "plain")} for t in THRESHOLDS},
        "coefficients": dict(zip(FEATURES, [round(float(w), 3) for w in model.coef_[0]])),
    }
    chosen = 0.0
    for t in THRESHOLDS:
        d = drops(studied, p_studied, t, "plain")
        if d["helpful_share"] <= MAX_HELPFUL_LOSS and d["unhelpful"] >= ODDS * max(d["helpful"], 1):
            chosen = t
    report["threshold"] = chosen
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if write:
        MODEL_FILE.write_text(json.dumps({
            "features": list(FEATURES), "weights": [float(w) for w in model.coef_[0]],
            "bias": float(model.intercept_[0]), "mean": [float(v) for v in mean], "scale": [float(v) for v in scale],
            "threshold": chosen, "trained_on": "studied parts of precision_check2-8, first turns",
            "pairs": len(studied), "blind_auc": report["auc"]["blind_model"]}, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    result = main(not parser.parse_args().no_write)
    print(json.dumps({k: result[k] for k in ("pairs", "auc", "threshold", "coefficients")}, indent=1))
