"""Off-topic sentences on the self-written precision check bank 7, per part (studied, blind), by hand labels.

Why a seventh bank: banks 4 to 6 were studied in rounds 9 to 11, so a change tuned on them says little about new
asks. Bank 7 (round 12) is written afresh around five ask shapes whose answers should be short: one named symptom
("can pns cause seizures"), a yes/no about one fact ("is pns rare"), a "why" ("why do they do a spinal tap"), what
one test or treatment is for ("what does physical therapy do"), and a short ask inside a personal story ("my uncle
has lung cancer ... the doctor said trousseau, what is that"). Labelled the same way as banks 4 to 6 (scored by
benchmarks/precision_labelled.py).

    pns eval run --evalset eval/data/precision_check7.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check7 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import precision_labelled

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check7.jsonl"
LABELS = precision_labelled.labels_of(BANK)


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of bank 7."""
    return precision_labelled.score(run_dir, part, BANK)


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
