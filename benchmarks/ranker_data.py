"""Training pairs for the sentence ranker: generated questions against their candidate sentences.

    python -m benchmarks.ranker_data label   # the local LLM labels the pairs (slow; cached, resumable)
    python -m benchmarks.ranker_data train   # fit the logistic regression -> assistant/data/ranker.json

Why generated questions: they are not eval questions (no dev or test item is used to train), there is
one or more per article unit, and the pool the composer draws candidates from for each of them holds
the hard negatives (sentences on the same topic that do not answer it). Labels are the local model's
P(yes) for "does this sentence help answer the question?" (the llm-select prompt). The 1.5B model leans
to yes (median P(yes) 0.82 over all pairs, 0.88 for a question's own sentence), so P(yes) only ranks:
a pair counts helpful at P(yes) >= LABEL_THRESHOLD, the median of the questions' own sentences. Features are computed with the question's own row held out of its unit's generated questions.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "assistant" / "data" / "ranker_labels.jsonl"
CANDIDATES_PER_QUESTION = 5
LABEL_THRESHOLD = 0.85
QUESTIONS_PER_UNIT = (0,)  # the first (patient) question of each unit ...
EVERY_NTH_UNIT = 2         # ... of every second unit: ~165 pairs, ~15 min on 2 cores shared with another model run


def _assistant() -> Any:
    from assistant.api import Assistant
    from foundation.settings import Settings

    settings = Settings().override(answer={"learned_ranker": False})
    assistant = Assistant(settings)
    assistant.warm_up()
    return assistant


def training_questions(parts: Any, per_unit: tuple[int, ...]) -> list[tuple[str, int, Any]]:
    """(question, its vector row, its unit) for the chosen generated questions of every enriched unit."""
    out = []
    for item in parts.enriched.units[::EVERY_NTH_UNIT]:
        for i in per_unit:
            if item.record is not None and i < len(item.record.questions):
                out.append((item.record.questions[i], item.question_rows[i], item))
    return out


def candidate_rows(parts: Any, question: str, row: int, limit: int | None) -> list[tuple[Any, list[float]]]:
    """The composer's candidates for `question` (best first) with their features, its own row held out."""
    from assistant.ranked_choice import rank_candidates

    parts.enriched.held_out = {row}
    try:
        retrieval = parts.retriever.retrieve(question, pool=True)
        focus = retrieval.query_vector or parts.index.embed_query(retrieval.query)
        scored, feats = rank_candidates(retrieval.query, focus, retrieval.full_vector or focus, retrieval.candidates,
                                        parts.bank, parts.enriched, None)
    finally:
        parts.enriched.held_out = set()
    pairs = [(s, x) for s, x in zip(scored, feats) if not s.sentence.is_lead_in and len(s.sentence.text.split()) >= 4]
    return pairs[:limit] if limit else pairs


def label(limit_questions: int | None) -> None:
    from tqdm import tqdm

    from assistant.answerers.llm_select import PROMPT
    from foundation.llm import load_llm

    assistant = _assistant()
    parts = assistant.parts()
    llm = load_llm(assistant.settings.llm, home=assistant.settings.home)
    done = {(r["question"], r["sentence"]) for r in map(json.loads, LABELS.read_text().splitlines())} if LABELS.is_file() else set()
    questions = training_questions(parts, QUESTIONS_PER_UNIT)[: limit_questions or None]
    with LABELS.open("a", encoding="utf-8") as out:
        for question, row, item in tqdm(questions, desc="labelling", unit="question"):
            for s, _ in candidate_rows(parts, question, row, CANDIDATES_PER_QUESTION):
                if (question, s.sentence.text) in done:
                    continue
                p = llm.yes_probability(PROMPT.format(question=question, sentence=s.sentence.display))
                source = item.start <= s.sentence.chunk.start + s.sentence.start < item.end
                out.write(json.dumps({"question": question, "sentence": s.sentence.text, "p_yes": round(p, 4),
                                      "from_unit": source, "model": llm.model}, ensure_ascii=False) + "\n")
                out.flush()


def train() -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    from assistant.ranker import FEATURES, RANKER_FILE

    labels = {(r["question"], r["sentence"]): r for r in map(json.loads, LABELS.read_text().splitlines())}
    assistant = _assistant()
    parts = assistant.parts()
    X, y, groups = [], [], []
    for n, (question, row, _) in enumerate(training_questions(parts, QUESTIONS_PER_UNIT)):
        for s, x in candidate_rows(parts, question, row, None):
            lab = labels.get((question, s.sentence.text))
            if lab is not None:
                X.append(x)
                y.append(int(lab["p_yes"] >= LABEL_THRESHOLD))
                groups.append(n)
    X_arr, y_arr = np.asarray(X, dtype=float), np.asarray(y)
    mean, scale = X_arr.mean(axis=0), np.maximum(X_arr.std(axis=0), 1e-3)  # a constant feature keeps scale 1e-3
    model = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced")
    cv = cross_val_score(model, (X_arr - mean) / scale, y_arr, cv=5, scoring="roc_auc")
    model.fit((X_arr - mean) / scale, y_arr)
    doc = {"features": list(FEATURES), "weights": model.coef_[0].round(5).tolist(), "bias": round(float(model.intercept_[0]), 5),
           "mean": mean.round(5).tolist(), "scale": scale.round(5).tolist(), "pairs": len(y), "positives": int(y_arr.sum()),
           "questions": len(set(groups)), "label_threshold": LABEL_THRESHOLD, "cv_roc_auc": round(float(cv.mean()), 4), "labels": str(LABELS.relative_to(REPO)),
           "trained_by": "python -m benchmarks.ranker_data train (scikit-learn LogisticRegression, balanced)"}
    RANKER_FILE.write_text(json.dumps(doc, indent=1) + "\n")
    print(json.dumps({k: v for k, v in doc.items() if k not in ("mean", "scale")}, indent=1))
    return doc


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("step", choices=["label", "train"])
    p.add_argument("--limit", type=int, default=None, help="label: only the first N questions")
    args = p.parse_args()
    label(args.limit) if args.step == "label" else train()


if __name__ == "__main__":
    main()
