"""Off-topic sentences on a self-written precision bank whose every shown sentence is hand-labelled (banks 4 to 7).

Why one scorer: banks 4 (round 9), 5 (round 10), 6 (round 11) and 7 (round 12) are labelled the same way: every
sentence main's answers showed, in both parts, is marked as helping to answer the question or not; the blind part's
labels are read only in aggregate. Each round writes a fresh bank because the earlier ones' phrasings were studied, so
a change tuned on them says little about new asks; what each bank asks and why is its section in eval/data/README.md.
A shown sentence nobody labelled counts against precision (strict) and is reported as unlabelled. Key-fact recall
(the eval's own metric) and quotes per answer say whether fewer sentences cost required facts.

    pns eval run --evalset eval/data/precision_check7.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_labelled precision_check7 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.precision_check3 import common_scores, score_rows

DATA = Path(__file__).resolve().parents[1] / "eval" / "data"


def bank_path(bank: str) -> Path:
    """A bank named as on the command line: `precision_check7` (in eval/data/) or a path to its .jsonl; an unknown
    name exits with a message rather than scoring nothing."""
    path = Path(bank) if bank.endswith(".jsonl") else DATA / f"{bank}.jsonl"
    if not path.is_file():
        raise SystemExit(f"no such bank: {bank} (expected {path})")
    return path


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


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: python -m benchmarks.precision_labelled BANK RUN_DIR studied|blind")
    print(json.dumps(score(sys.argv[2], sys.argv[3], bank_path(sys.argv[1]))))
