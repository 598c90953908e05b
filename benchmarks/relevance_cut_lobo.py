"""The learned relevance cut judged bank by bank on writers it never saw: leave-one-bank-out.

    PNS_HOME=... python -m benchmarks.relevance_cut_lobo    # writes benchmarks/results/relevance_cut_lobo.json

Why: the shipped cut was trained on the studied parts of every precision bank and judged on their blind parts, so the
blind questions' writers (and often their phrasings' twins) were in the training set; it then cost dev key facts it
had never been judged on. Here, for each held-out bank B of banks 4-9, the model is fitted on the OTHER banks' studied
labels only (benchmarks/train_relevance_cut.feature_rows), its threshold is chosen on the OTHER banks' studied answers
at the cut (benchmarks/relevance_cut_points.standing_rows), and it is scored on B's blind answers at the cut: the
helpful, unhelpful and required sentences it would drop, and the labelled precision of what stands before and after.

Operating points (`GUARDS`): which blocks no threshold may cut. "model_top" is the shipped rule (the block the model
rates best, and the protected ones); "best_scored" also keeps the block of the composer's best-scored sentence;
"safe" also keeps the first shown block and the block of the article's closest sentence to the question (rank 1):
the sentences that look required. Threshold rules: "no_helpful" (the highest dropping no helpful studied sentence) and
"odds" (the highest dropping no required studied sentence and at least ODDS unhelpful per helpful one).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.relevance_cut_points import block_scores

RESULTS = Path(__file__).resolve().parent / "results" / "relevance_cut_lobo.json"
HELD_OUT = ("precision_check4", "precision_check5", "precision_check6", "precision_check7", "precision_check8",
            "precision_check9")
GUARDS = ("model_top", "best_scored", "safe")
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 15))
ODDS = 3.0


def guarded_blocks(sentences: Sequence[dict[str, Any]], p: Sequence[float], guard: str) -> set[int]:
    """The blocks of one answer at the cut that `guard` keeps whatever their probability (module docstring)."""
    from assistant.relevance_cut import FEATURES

    keep = {s["block"] for s in sentences if s["protected"]}
    keep.add(sentences[max(range(len(p)), key=lambda i: p[i])]["block"])
    if guard in ("best_scored", "safe"):
        keep.add(max(sentences, key=lambda s: s["score"])["block"])
    if guard == "safe":
        keep.add(sentences[0]["block"])
        keep |= {s["block"] for s in sentences if s["x"][FEATURES.index("inverse_rank")] >= 1.0}
    return keep


def cut_counts(rows: Sequence[dict[str, Any]], prob: Callable[[Sequence[float]], float], threshold: float,
               guard: str) -> dict[str, int]:
    """What a block cut at `threshold` under `guard` drops among `rows` (answers at the cut), and what stood before."""
    out = {"standing": 0, "helpful_standing": 0, "helpful": 0, "unhelpful": 0, "unlabelled": 0, "required": 0,
           "answers_changed": 0}
    for row in rows:
        ss = row["sentences"]
        out["standing"] += len(ss)
        out["helpful_standing"] += sum(bool(s["helps"]) for s in ss)
        if len({s["block"] for s in ss}) < 2:
            continue
        p, best = block_scores(ss, prob)
        keep = guarded_blocks(ss, p, guard)
        gone = {b for b, q in best.items() if q < threshold and b not in keep}
        out["answers_changed"] += bool(gone)
        for s in ss:
            if s["block"] in gone:
                out["unlabelled" if s["helps"] is None else "helpful" if s["helps"] else "unhelpful"] += 1
                out["required"] += s["required"]
    return out


def precision(counts: dict[str, int], after: bool) -> float:
    """Labelled precision of the standing sentences (an unlabelled one counts against), before or after the cut."""
    dropped = counts["helpful"] + counts["unhelpful"] + counts["unlabelled"] if after else 0
    helpful = counts["helpful_standing"] - (counts["helpful"] if after else 0)
    return round(helpful / max(counts["standing"] - dropped, 1), 3)


def choose_threshold(rows: Sequence[dict[str, Any]], prob: Callable[[Sequence[float]], float], guard: str,
                     rule: str) -> float:
    """The highest threshold whose cut of `rows` (studied answers of the training banks) keeps to `rule`."""
    chosen = 0.0
    for t in THRESHOLDS:
        c = cut_counts(rows, prob, t, guard)
        ok = c["helpful"] == 0 if rule == "no_helpful" else (
            c["required"] == 0 and c["unhelpful"] >= ODDS * max(c["helpful"], 1))
        if ok and c["unhelpful"] > 0:
            chosen = t
    return chosen


def fit(rows: Sequence[dict[str, Any]]) -> Callable[[Sequence[float]], float]:
    """A logistic model on labelled pairs, fitted as train_relevance_cut fits the shipped one."""
    import numpy as np

    from benchmarks.train_relevance_cut import fit_standardised

    model, mean, scale = fit_standardised(list(rows))
    return lambda x: float(model.predict_proba(((np.asarray(x, dtype=float) - mean) / scale)[None, :])[0, 1])


def main() -> dict[str, Any]:
    from sklearn.metrics import roc_auc_score

    from benchmarks.relevance_cut_points import standing_rows
    from benchmarks.train_relevance_cut import feature_rows

    pairs = feature_rows()
    answers = standing_rows()
    report: dict[str, Any] = {"folds": {}}
    totals: dict[str, dict[str, int]] = {}
    for bank in HELD_OUT:
        prob = fit([r for r in pairs if r["bank"] != bank and r["part"] == "studied"])
        train = [r for r in answers if r["bank"] != bank and r["part"] == "studied"]
        test = [r for r in answers if r["bank"] == bank and r["part"] == "blind"]
        flat = [s for r in test for s in r["sentences"] if s["helps"] is not None]
        fold: dict[str, Any] = {"blind_answers": len(test), "blind_labelled_standing": len(flat)}
        if len({s["helps"] for s in flat}) == 2:
            fold["blind_auc"] = round(roc_auc_score([s["helps"] for s in flat], [prob(s["x"]) for s in flat]), 3)
        for guard in GUARDS:
            for rule in ("no_helpful", "odds"):
                t = choose_threshold(train, prob, guard, rule)
                c = cut_counts(test, prob, t, guard)
                key = f"{guard}/{rule}"
                fold[key] = {"threshold": t, **c, "precision_before": precision(c, False),
                             "precision_after": precision(c, True)}
                total = totals.setdefault(key, {})
                for k, v in c.items():
                    total[k] = total.get(k, 0) + v
        report["folds"][bank] = fold
    report["pooled_blind"] = {k: {**v, "precision_before": precision(v, False), "precision_after": precision(v, True)}
                              for k, v in totals.items()}
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    result = main()
    for bank, fold in result["folds"].items():
        print(bank, {k: v for k, v in fold.items() if not isinstance(v, dict)})
        for key, v in fold.items():
            if isinstance(v, dict):
                print("  ", key, v)
    print("pooled blind")
    for key, v in result["pooled_blind"].items():
        print("  ", key, v)
