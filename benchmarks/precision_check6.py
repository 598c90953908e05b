"""Off-topic sentences on the self-written precision check bank 6, per part (studied, blind), by hand labels.

Why a sixth bank: banks 4 and 5 were studied in rounds 9 and 10, so a change tuned on them says little about new
asks. Bank 6 (round 11) is written afresh around four ways an answer drifts: a clarifying tail ("..., a blood
test?") whose generic word pulls sentences from another section, parallel lists (types vs symptoms, conventional vs
complementary) where the neighbouring list creeps in, a background definition shown for a specific ask, and a
neighbouring syndrome's sentences. Labelled the same way as banks 4 and 5 (scored by benchmarks/precision_labelled.py).

    pns eval run --evalset eval/data/precision_check6.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check6 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import precision_labelled

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check6.jsonl"
LABELS = precision_labelled.labels_of(BANK)


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of bank 6."""
    return precision_labelled.score(run_dir, part, BANK)


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
