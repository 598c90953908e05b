"""Off-topic sentences on the self-written precision check bank 8, per part (studied, blind), by hand labels.

Why an eighth bank: banks 4 to 7 were studied in rounds 9 to 12. Bank 8 (round 13) is written afresh around five ask
shapes whose answer is one or two sentences but whose words reach into other sections: one **organ** or body part
("does pns affect the kidnies"), a named **term** ("whats acanthosis nigracans"), a **how** ("how do they find a
hidden tumor"), a **which** pick inside a list ("which scans do they use"), and a **when** ("when do symptoms usualy
start"). Labelled the same way as banks 4 to 7 (scored by benchmarks/precision_labelled.py).

    pns eval run --evalset eval/data/precision_check8.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check8 DIR studied|blind
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import precision_labelled

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check8.jsonl"
LABELS = precision_labelled.labels_of(BANK)


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, quotes per answer, required share and hand-labelled precision of bank 8."""
    return precision_labelled.score(run_dir, part, BANK)


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
