"""Correct and false refusals, and which refusal, per part of the self-written unanswerable check bank
(eval/data/unanswerable_check.jsonl, or bank 2: eval/data/unanswerable_check2.jsonl with --bank).

Why its own scorer: an on-topic question the article does not answer must get `not_found` (the article is about this
but does not say it), not `out_of_scope` (the tool's "I only cover this subject") and not an answer; its answerable
look-alikes, phrased the same way, must not be refused. The over-refusal scorer's per-part rates are reused and the
confusion between the two refusals is added. The `blind` part is read only through these aggregates.

    pns eval run --evalset eval/data/unanswerable_check.jsonl --judge none --no-ragas --no-progress --out DIR
    python -m benchmarks.unanswerable_check BEFORE_DIR AFTER_DIR [--rows] [--bank eval/data/unanswerable_check2.jsonl]

Bank 2 also holds off-topic items (accepting only `out_of_scope`): their share refused as off topic is reported, so
the line between "not covered" and "off topic" is measured from both sides.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.measure import report_items
from benchmarks.overrefusal_check import rate, summarise

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "unanswerable_check.jsonl"


def bank_items(bank: Path = BANK) -> dict[str, dict]:
    """The bank's items by id (a run row names its item; its part and acceptable statuses live in the bank)."""
    rows = (json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def confusion(rows: list[dict], bank: dict[str, dict]) -> dict[str, dict[str, float | None]]:
    """Per part: the share of unanswerable items answered, refused out_of_scope, of answerable ones out_of_scope, and
    of off-topic ones refused as off topic (None where a bank has none)."""
    out: dict[str, dict[str, float | None]] = {}
    for part in ("studied", "blind", "all"):
        mine = [r for r in rows if part == "all" or bank[r["id"]]["part"] == part]
        no = [r for r in mine if bank[r["id"]]["acceptable_statuses"] == ["not_found"]]
        yes = [r for r in mine if "answered" in bank[r["id"]]["acceptable_statuses"]]
        off = [r for r in mine if bank[r["id"]]["acceptable_statuses"] == ["out_of_scope"]]
        out[part] = {"unanswerable_answered": rate([r["status"] == "answered" for r in no]),
                     "unanswerable_out_of_scope": rate([r["status"] == "out_of_scope" for r in no]),
                     "answerable_out_of_scope": rate([r["status"] == "out_of_scope" for r in yes]),
                     "off_topic_out_of_scope": rate([r["status"] == "out_of_scope" for r in off])}
    return out


def scores(run_dir: str, bank: dict[str, dict]) -> dict[str, dict]:
    """The over-refusal rates per part, each with its refusal confusion."""
    rows = report_items(run_dir)
    merged = summarise(rows, bank)
    for part, extra in confusion(rows, bank).items():
        merged[part].update(extra)
    return merged


def studied_rows(run_dir: str, bank: dict[str, dict]) -> list[str]:
    """One line per studied item (never the blind part): ok mark, status, question."""
    return [f"{'ok ' if r['status_ok'] else 'BAD'} {r['status']:<13} kf={r['scores'].get('key_fact_recall')} "
            f"{r['id']} {r['question']}" for r in report_items(run_dir) if bank[r["id"]]["part"] == "studied"]


def arguments(argv: list[str]) -> tuple[list[str], Path]:
    """The run folders and the bank (`--bank PATH`, else bank 1)."""
    bank, runs, rest = BANK, [], iter(argv)
    for arg in rest:
        if arg == "--bank":
            bank = Path(next(rest))
        elif not arg.startswith("--"):
            runs.append(arg)
    return runs, bank


if __name__ == "__main__":
    runs, path = arguments(sys.argv[1:])
    items = bank_items(path)
    print(json.dumps({name: scores(d, items) for name, d in zip(("before", "after"), runs, strict=False)}, indent=1))
    if "--rows" in sys.argv:
        print("\n".join(studied_rows(runs[-1], items)))
