"""False refusals on answerable questions and correct refusals on unanswerable ones, per part of the self-written
over-refusal bank (eval/data/overrefusal_check.jsonl).

Why its own scorer: the "the article never says this" checks trade one error for the other; status accuracy over the
whole bank hides which way a change moved. An answerable item (one that accepts `answered`) is falsely refused when
its status is `not_found` or `out_of_scope`; an unanswerable item (accepting only `not_found`) is correctly refused
when its status is `not_found`. The bank's `blind` part is read only through these aggregates until the last change.

    pns eval run --evalset eval/data/overrefusal_check.jsonl --judge none --no-ragas --no-progress --out DIR
    python -m benchmarks.overrefusal_check BEFORE_DIR AFTER_DIR [--rows] [--bank=eval/data/overrefusal_check2.jsonl]

`--bank` scores another bank of the same shape (the symptom bank overrefusal_check2.jsonl).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from statistics import mean

from benchmarks.measure import report_items

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "overrefusal_check.jsonl"
PARTS = ("studied", "blind")
REFUSALS = ("not_found", "out_of_scope")


def bank_items(path: Path = BANK) -> dict[str, dict]:
    """The bank's items by id (each run row names its item; its part and acceptable statuses live in the bank)."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def rate(flags: list[bool]) -> float | None:
    """The share of true flags, rounded (None for no items)."""
    return round(mean(flags), 3) if flags else None


def summarise(rows: list[dict], bank: dict[str, dict]) -> dict[str, dict[str, float | int | None]]:
    """Per part and overall: false-refusal rate (answerable), correct-refusal rate (unanswerable), key-fact recall."""
    out: dict[str, dict[str, float | int | None]] = {}
    for part in (*PARTS, "all"):
        mine = [r for r in rows if part == "all" or bank[r["id"]].get("part") == part]  # older banks have no parts
        answerable = [r for r in mine if "answered" in bank[r["id"]]["acceptable_statuses"]]
        unanswerable = [r for r in mine if bank[r["id"]]["acceptable_statuses"] == ["not_found"]]
        recall = [r["scores"]["key_fact_recall"] for r in answerable if r["scores"].get("key_fact_recall") is not None]
        out[part] = {
            "answerable": len(answerable), "unanswerable": len(unanswerable),
            "false_refusal_rate": rate([r["status"] in REFUSALS for r in answerable]),
            "correct_refusal_rate": rate([r["status"] == "not_found" for r in unanswerable]),
            "status_accuracy": rate([r["status_ok"] for r in mine]),
            "key_fact_recall": round(mean(recall), 3) if recall else None,
        }
    return out


def studied_rows(rows: list[dict], bank: dict[str, dict]) -> list[str]:
    """One line per studied item (never the blind part): ok mark, status, question."""
    return [f"{'ok ' if r['status_ok'] else 'BAD'} {r['status']:<15} kf={r['scores'].get('key_fact_recall')} "
            f"{r['id']} {r['question']}" for r in rows if bank[r["id"]].get("part", "studied") == "studied"]


if __name__ == "__main__":
    runs = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--bank=")]
    bank = bank_items(Path(chosen[0]) if chosen else BANK)
    print(json.dumps({name: summarise(report_items(d), bank)
                      for name, d in zip(("before", "after"), runs, strict=False)}, indent=1))
    if "--rows" in sys.argv:
        print("\n".join(studied_rows(report_items(runs[-1]), bank)))
