"""Hand-judged precision and key-fact recall on the self-written precision check bank, split in two halves.

Why two halves: eval/data/precision_check.jsonl (40 self-written questions) was run and judged by hand once
before the composer changes; the first 20 items (by id) were then used to study failures while developing, the
last 20 were kept blind (only this script's aggregate numbers were looked at), so their before -> after is a
held-out check of whether the changes generalise. Labels: benchmarks/results/precision_check_labels.json,
keyed like the audit bank's (item id -> the sentence's first 60 characters -> helps or not).

    python -m benchmarks.precision_check BEFORE_RUN_DIR AFTER_RUN_DIR [--rows]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.fresh_audit import judge_item, load_items, summary

LABELS = Path(__file__).parent / "results" / "precision_check_labels.json"
HALF = 20


def halves(run_dir: str, labels: dict[str, dict[str, bool]]) -> dict[str, dict[str, dict]]:
    """Judged rows of one run: the development half (first 20 ids), the held-out half (last 20) and all."""
    rows = {i["id"]: judge_item(i, labels) for i in load_items(run_dir)}
    ids = sorted(rows)
    return {"first20": {k: rows[k] for k in ids[:HALF]}, "last20": {k: rows[k] for k in ids[HALF:]}, "all": rows}


def compare(before_dir: str, after_dir: str) -> dict[str, dict[str, dict]]:
    """Before/after summaries per half."""
    labels = json.loads(LABELS.read_text())
    before, after = halves(before_dir, labels), halves(after_dir, labels)
    return {part: {"before": summary(before[part]), "after": summary(after[part])} for part in before}


if __name__ == "__main__":
    print(json.dumps(compare(*sys.argv[1:3]), indent=1))
