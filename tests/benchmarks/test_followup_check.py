"""The follow-up check splits a bank's run by the `part` each bank line carries and counts a turn as followed with
the eval's own metric and with "at least one required fact shown" (benchmarks/followup_check.py).

Why: the blind part of a follow-up bank is read only through these aggregates, so a turn counted in the wrong part,
or an answered turn counted as followed although it showed none of its facts, would hide a regression.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.followup_check import score_run


def _row(item_id: str, status_ok: bool, recall: float | None, success: float) -> dict:
    return {"id": item_id, "status_ok": status_ok,
            "scores": {"key_fact_recall": recall, "follow_up_success": success}}


def test_parts_and_both_success_counts(tmp_path: Path) -> None:
    bank = tmp_path / "bank.jsonl"
    bank.write_text("\n".join(json.dumps({"id": i, "part": p}) for i, p in
                              (("c1-1", "studied"), ("c1-2", "studied"), ("c2-1", "blind"))) + "\n")
    run = tmp_path / "run"
    run.mkdir()
    (run / "eval-20260101T000000Z.json").write_text(json.dumps({"items": [
        _row("c1-1", True, 0.25, 0.0),   # right status, one of four facts: followed, below the eval's half
        _row("c1-2", False, None, 0.0),  # wrong status
        _row("c2-1", True, None, 1.0),   # an unanswerable turn refused
        _row("other", True, None, 1.0),  # not in the bank: left out
    ]}))
    scores = score_run(str(run), bank)
    assert scores["studied"] == {"turns": 2, "follow_up_success": 0.0, "success_one_fact": 0.5,
                                 "status_accuracy": 0.5, "key_fact_recall": 0.25}
    assert scores["blind"]["turns"] == 1 and scores["blind"]["follow_up_success"] == 1.0
    assert scores["all"]["turns"] == 3
