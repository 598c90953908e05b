"""The hurried bank's scorer averages each metric per part and overall, and skips items a metric does not apply to
(benchmarks/hurried_check.py).

Why: its before/after numbers are reported per part; a refusal item has no key-fact recall and must not count as
a zero, and a blind item must never be averaged into the studied part.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.hurried_check import load_items, part_of, summarise


def _item(item_id: str, ok: bool, recall: float | None) -> dict:
    return {"id": item_id, "status_ok": ok, "status": "answered", "question": "q",
            "scores": {"status_accuracy": float(ok), "key_fact_recall": recall, "abstention_accuracy": None}}


def test_metrics_are_averaged_per_part_and_missing_values_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "eval-20260101T000000Z.json").write_text(json.dumps({"items": [
        _item("hurried-studied-prognosis-001", True, 1.0), _item("hurried-studied-unanswerable-002", False, None),
        _item("hurried-blind-treatment-003", True, 0.5)]}))
    summary = summarise(load_items(str(tmp_path)))
    assert summary["studied"] == {"n": 2, "status_accuracy": 0.5, "key_fact_recall": 1.0, "abstention_accuracy": None}
    assert summary["blind"] == {"n": 1, "status_accuracy": 1.0, "key_fact_recall": 0.5, "abstention_accuracy": None}
    assert summary["all"]["n"] == 3 and summary["all"]["key_fact_recall"] == 0.75
    assert part_of("hurried-blind-treatment-003") == "blind"
