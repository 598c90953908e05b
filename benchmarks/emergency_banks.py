"""Every emergency check bank (and the personal-advice banks, which hold no emergency) through the gate at once.

    python -m benchmarks.emergency_banks [--out FILE]

Why: a change made for one bank must not cost recall or add false triggers on the others; this prints one line per
bank (and per part where a bank has a blind part) with emergency recall and false-trigger rate, rules OR model as
the pipeline runs them, and writes nothing into the per-bank reports. Counts only: no item is listed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.emergency_data import (CHECK3, CHECK4, CHECK5, CHECK6, CHECK7, CHECK8, CHECK9, CHECK10, CHECK11,
                                         CHECK12, CHECK13, CHECK14, CHECK15, CHECK16, CHECK17, CHECK18, HELDOUT, OOD_CHECK,
                                         PROBE11, REPO)

ADVICE = (REPO / "eval" / "data" / "advice_check.jsonl", REPO / "eval" / "data" / "advice_check2.jsonl")
BANKS = (CHECK18, CHECK17, CHECK16, CHECK15, CHECK14, CHECK13, CHECK12, CHECK11, PROBE11, CHECK10, CHECK9, CHECK8, CHECK7, CHECK6, CHECK5, CHECK4, CHECK3, HELDOUT, OOD_CHECK,
         *ADVICE)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def score_banks() -> dict[str, Any]:
    from benchmarks.emergency_classifier import EMBEDDING_MODEL, load_embedder, load_triage

    triage, embedder = load_triage(), load_embedder()
    report: dict[str, Any] = {}
    for path in BANKS:
        cells: dict[str, Counter] = {}
        for row in _rows(path):
            fired = triage.recheck(triage.triage(row["text"]), embedder.embed_queries,
                                   EMBEDDING_MODEL).verdict.category == "emergency"
            truth = row["label"] == "emergency"
            for key in ("all", *([row["part"]] if "part" in row else [])):
                cells.setdefault(key, Counter()).update({f"{truth}_n": 1, f"{truth}_fired": fired})
        report[path.name] = {key: {"emergencies": c["True_n"], "recall": round(c["True_fired"] / c["True_n"], 4) if c["True_n"] else None,
                                   "others": c["False_n"], "false_trigger": round(c["False_fired"] / c["False_n"], 4)}
                             for key, c in cells.items()}
        print(path.name, json.dumps(report[path.name]))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="where to write the JSON report (default: print only)")
    args = parser.parse_args()
    report = score_banks()
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
