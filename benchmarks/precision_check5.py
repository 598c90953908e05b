"""Off-topic sentences on the self-written precision check bank 5, per part (studied, blind), by hand labels.

Why a fifth bank: bank 4's phrasings were studied in round 9, so a change tuned on them says little about new asks.
Bank 5 is written afresh (round 10) and labelled the same way: every sentence main's answers showed, in both parts,
is hand-labelled as helping to answer the question or not (eval/data/precision_check5_labels.json); the blind
part's labels are read only in aggregate. A shown sentence nobody labelled counts against precision (strict) and
is reported as unlabelled.
Key-fact recall (the eval's own metric) and sentences per answer say whether fewer sentences cost required facts.

    pns eval run --evalset eval/data/precision_check5.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check5 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.precision_check3 import common_scores, score_rows

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check5.jsonl"
LABELS = BANK.with_name("precision_check5_labels.json")


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, sentences (quotes) per answer, required share and hand-labelled precision."""
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    items, rows = score_rows(run_dir, part, BANK, labels)
    total = max(sum(r["shown"] for r in rows), 1)
    return {**common_scores(items, rows),
            "hand_precision": round(sum(r["helpful"] for r in rows) / total, 3),
            "unlabelled_shown": sum(r["unlabelled"] for r in rows),
            "dangling": sum(bool((i.get("details") or {}).get("dangling")) for i in items)}

if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
