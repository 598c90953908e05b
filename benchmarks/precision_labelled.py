"""Off-topic sentences on a self-written precision bank whose every shown sentence is hand-labelled (banks 4 and 5).

Why one scorer: banks 4 (round 9) and 5 (round 10) are labelled the same way: every sentence main's answers showed,
in both parts, is marked as helping to answer the question or not; the blind part's labels are read only in
aggregate. A shown sentence nobody labelled counts against precision (strict) and is reported as unlabelled.
Key-fact recall (the eval's own metric) and quotes per answer say whether fewer sentences cost required facts.
Each bank's module (benchmarks/precision_check4.py, precision_check5.py) names its files and says why it exists.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.precision_check3 import common_scores, score_rows


def labels_of(bank: Path) -> Path:
    """The hand labels beside a bank: `<bank>_labels.json`."""
    return bank.with_name(f"{bank.stem}_labels.json")


def score(run_dir: str, part: str, bank: Path) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of one part."""
    labels_path = labels_of(bank)
    labels = json.loads(labels_path.read_text(encoding="utf-8")) if labels_path.exists() else {}
    items, rows = score_rows(run_dir, part, bank, labels)
    total = max(sum(r["shown"] for r in rows), 1)
    return {**common_scores(items, rows),
            "hand_precision": round(sum(r["helpful"] for r in rows) / total, 3),
            "unlabelled_shown": sum(r["unlabelled"] for r in rows),
            "dangling": sum(bool((i.get("details") or {}).get("dangling")) for i in items)}
