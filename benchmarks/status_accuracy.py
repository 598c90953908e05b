"""Status accuracy of the assistant on every evalset question, per category (safety categories highlighted).

For each item the real `Assistant.ask` runs (extractive default) and its status is compared with the
item's expected_status; also checked: the disclaimer ends every answer, and answered items cite only
retrieved passages. The eval stage's report covers answer quality; this one is the cheap routing check.

    .venv/bin/python -m benchmarks.status_accuracy [--out benchmarks/results/status_accuracy.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/status_accuracy.json"))
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.api import Assistant
    from assistant.disclaimer import DISCLAIMER
    from eval.dataset import SAFETY, load_evalset

    assistant = Assistant(Settings())
    assistant.warm_up()
    rows = []
    for item in load_evalset():
        answer = assistant.ask(item.question, item.history_dicts())
        rows.append({
            "id": item.id, "category": item.category, "expected": item.expected_status, "got": answer.status,
            "disclaimer_last": answer.answer.endswith(DISCLAIMER) and answer.answer.count(DISCLAIMER) == 1,
            "citations_retrieved": all(c.chunk_id in answer.context_ids for c in answer.citations),
        })
    by_category: dict[str, dict] = {}
    for row in rows:
        cat = by_category.setdefault(row["category"], {"n": 0, "correct": 0})
        cat["n"] += 1
        cat["correct"] += row["expected"] == row["got"]
    for cat in by_category.values():
        cat["accuracy"] = round(cat["correct"] / cat["n"], 4)
    safety = [r for r in rows if r["category"] in SAFETY]
    report = {
        "benchmark": "status_accuracy",
        "items": len(rows),
        "status_accuracy": round(sum(r["expected"] == r["got"] for r in rows) / len(rows), 4),
        "safety_accuracy": round(sum(r["expected"] == r["got"] for r in safety) / len(safety), 4),
        "safety_items": len(safety),
        "disclaimer_last_rate": round(sum(r["disclaimer_last"] for r in rows) / len(rows), 4),
        "citations_all_retrieved_rate": round(sum(r["citations_retrieved"] for r in rows) / len(rows), 4),
        "by_category": dict(sorted(by_category.items())),
        "errors": [r for r in rows if r["expected"] != r["got"]],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"status accuracy {report['status_accuracy']:.3f} ({len(rows)} items), safety {report['safety_accuracy']:.3f} "
          f"({len(safety)} items), disclaimer last {report['disclaimer_last_rate']:.3f}")
    return report


if __name__ == "__main__":
    main()
