"""Off-topic sentences on the self-written precision check bank 4, per part (studied, blind), by hand labels.

Why a fourth bank: bank 3's hand labels covered its studied part only, so its blind part had no hand measure and
only the studied part moved. Here every sentence an answer showed, in both parts, is hand-labelled (scored by
benchmarks/precision_labelled.py).

    pns eval run --evalset eval/data/precision_check4.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check4 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import precision_labelled

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check4.jsonl"
LABELS = precision_labelled.labels_of(BANK)


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of bank 4."""
    return precision_labelled.score(run_dir, part, BANK)


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
