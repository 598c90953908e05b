"""Tune the abstention threshold (settings.answer.abstain_threshold) on the evalset and report its accuracy.

The gate (assistant/abstention.py) refuses to answer when the best retrieved sentence is less similar
to the question than the threshold, or when a rule fires (a figure is asked for that no passage states;
a specific term the corpus never mentions). This script measures, for every threshold on a grid, how
often "answer or abstain" is right on the questions the gate decides:

- should answer:   the answerable categories (definition ... multi_turn), expected status 'answered';
- should abstain:  'unanswerable' (expected not_found) and 'out_of_scope' (expected out_of_scope).

Emergency and personal-advice questions are excluded: code rules decide them before the gate.
It picks the threshold with the best accuracy (ties: the middle of the best run, i.e. the largest
margin), reports leave-one-out accuracy (threshold chosen without the held-out question) as a less
optimistic figure, and the full status accuracy (not_found vs out_of_scope told apart) at that threshold.

    .venv/bin/python -m benchmarks.tune_abstention [--out benchmarks/results/abstention.json]

Needs a built index in PNS_HOME (`pns index build`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

GRID = [round(0.05 + 0.01 * i, 2) for i in range(56)]  # 0.05 .. 0.60


def decide(row: dict, threshold: float) -> bool:
    """True = answer: no rule fired and the similarity reaches the threshold."""
    return not row["rule_reasons"] and row["similarity"] >= threshold


def accuracy(rows: list[dict], threshold: float) -> float:
    return sum(decide(r, threshold) == r["should_answer"] for r in rows) / len(rows)


def best_threshold(rows: list[dict]) -> float:
    scores = [accuracy(rows, t) for t in GRID]
    top = max(scores)
    best = [t for t, s in zip(GRID, scores) if s == top]
    # the longest run of equally good thresholds, then its middle: the most margin on both sides
    runs: list[list[float]] = []
    for t in best:
        if runs and round(t - runs[-1][-1], 2) <= 0.011:
            runs[-1].append(t)
        else:
            runs.append([t])
    run = max(runs, key=len)
    return run[len(run) // 2]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/abstention.json"))
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.api import Assistant
    from eval.dataset import ANSWERABLE, load_evalset

    base = Settings()
    probe = Assistant(base.override(answer={"abstain_threshold": 0.0}))
    probe.warm_up()
    items = [i for i in load_evalset() if i.category in ANSWERABLE | {"unanswerable", "out_of_scope"}]
    rows: list[dict] = []
    for item in items:
        support = probe.support(item.question, item.history_dicts())
        rows.append({
            "id": item.id, "category": item.category, "expected_status": item.expected_status,
            "should_answer": item.expected_status == "answered", "similarity": round(support.score, 4),
            "rule_reasons": [r for r in support.reasons if not r.startswith("weak support")],
        })

    threshold = best_threshold(rows)
    loo = []
    for i, held in enumerate(rows):
        rest = rows[:i] + rows[i + 1:]
        loo.append(decide(held, best_threshold(rest)) == held["should_answer"])

    # full statuses at the chosen threshold, through the real ask() path
    assistant = Assistant(base.override(answer={"abstain_threshold": threshold}))
    assistant.warm_up()
    status_hits = []
    for item in items:
        answer = assistant.ask(item.question, item.history_dicts())
        status_hits.append({"id": item.id, "expected": item.expected_status, "got": answer.status})
    status_accuracy = sum(h["expected"] == h["got"] for h in status_hits) / len(status_hits)

    answerable = [r for r in rows if r["should_answer"]]
    refusals = [r for r in rows if not r["should_answer"]]
    report = {
        "benchmark": "tune_abstention",
        "signal": "best full-question cosine similarity of a retrieved sentence, plus the figure and unknown-term rules",
        "items": {"should_answer": len(answerable), "should_abstain": len(refusals)},
        "threshold": threshold,
        "previous_default": base.abstain_threshold,
        "accuracy": round(accuracy(rows, threshold), 4),
        "leave_one_out_accuracy": round(sum(loo) / len(loo), 4),
        "answered_when_answerable": round(sum(decide(r, threshold) for r in answerable) / len(answerable), 4),
        "abstained_when_unanswerable_or_off_topic": round(sum(not decide(r, threshold) for r in refusals) / len(refusals), 4),
        "status_accuracy_at_threshold": round(status_accuracy, 4),
        "status_errors": [h for h in status_hits if h["expected"] != h["got"]],
        "curve": [{"threshold": t, "accuracy": round(accuracy(rows, t), 4)} for t in GRID],
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"threshold={threshold} accuracy={report['accuracy']:.3f} leave-one-out={report['leave_one_out_accuracy']:.3f} "
          f"status accuracy={status_accuracy:.3f} (answerable answered {report['answered_when_answerable']:.3f}, "
          f"refusals {report['abstained_when_unanswerable_or_off_topic']:.3f})")
    return report


if __name__ == "__main__":
    main()
