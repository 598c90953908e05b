"""Off-topic sentences on the self-written precision check bank 5, per part (studied, blind), by hand labels.

Why a fifth bank: bank 4's phrasings were studied in round 9, so a change tuned on them says little about new asks.
Bank 5 is written afresh (round 10) and labelled the same way (scored by benchmarks/precision_labelled.py).

    pns eval run --evalset eval/data/precision_check5.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check5 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import precision_labelled

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check5.jsonl"
LABELS = precision_labelled.labels_of(BANK)


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of bank 5."""
    return precision_labelled.score(run_dir, part, BANK)


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
