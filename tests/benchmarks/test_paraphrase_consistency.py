"""The paraphrase consistency measure (benchmarks/paraphrase_consistency.py) reads a group's wordings together.

Why: a group whose wordings got different statuses, or whose key-fact recall differs between wordings, is what the
measure exists to show; one right wording must not hide a wrong one, and a part must keep only its own groups.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.paraphrase_consistency import score_run


def _row(item_id: str, status: str, recall: float | None, acceptable: tuple[str, ...] = ("answered",)) -> dict:
    return {"id": item_id, "status": status, "acceptable_statuses": list(acceptable), "answer": "",
            "scores": {"key_fact_recall": recall}}


def test_groups_report_status_consistency_and_key_fact_spread(tmp_path: Path) -> None:
    ids = {"para-studied-g01-0": "g01", "para-studied-g01-1": "g01", "para-blind-g03-0": "g03",
           "para-blind-g03-1": "g03", "para-studied-g02-0": "g02", "para-studied-g02-1": "g02"}
    bank = tmp_path / "bank.jsonl"
    bank.write_text("".join(json.dumps({"id": i, "group": g}) + "\n" for i, g in ids.items()))
    run = tmp_path / "run"
    run.mkdir()
    rows = [_row("para-studied-g01-0", "answered", 1.0), _row("para-studied-g01-1", "not_found", 0.0),
            _row("para-studied-g02-0", "not_found", None, ("not_found",)),
            _row("para-studied-g02-1", "not_found", None, ("not_found",)),
            _row("para-blind-g03-0", "answered", 1.0), _row("para-blind-g03-1", "answered", 0.5)]
    (run / "eval-20260101T000000Z.json").write_text(json.dumps({"items": rows}))
    studied = score_run(str(run), bank, "studied")
    assert studied["groups"] == 2 and studied["status_consistency"] == 0.5 and studied["all_correct_groups"] == 0.5
    assert studied["status_accuracy"] == 0.75 and studied["max_spread"] == 1.0 and studied["groups_with_spread"] == 1
    blind = score_run(str(run), bank, "blind")
    assert blind == {"groups": 1, "items": 2, "status_consistency": 1.0, "all_correct_groups": 1.0,
                     "status_accuracy": 1.0, "key_fact_recall": 0.75, "mean_spread": 0.5, "max_spread": 0.5,
                     "groups_with_spread": 1}
