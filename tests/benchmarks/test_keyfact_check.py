"""The key-fact check's precision proxy counts a shown quote as required only when it is one of the item's required
facts, reads only the bank's items the run holds, and splits a bank by part (benchmarks/keyfact_check.py).

Why: the proxy is what says whether a recall gain came from longer answers; it must not count the related-reference
lines or the disclaimer as quotes, and a blind part must hold only blind items.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.keyfact_check import score_run, shown_quotes

REQUIRED = "Support groups and counseling can also help improve emotional well-being."
OTHER = "Patients may need long-term neurological monitoring, physical therapy, or hormonal treatments."


def _item(item_id: str, answer: str, recall: float) -> dict:
    return {"id": item_id, "status": "answered", "acceptable_statuses": ["answered"], "answer": answer,
            "scores": {"key_fact_recall": recall}}


def test_the_proxy_counts_required_quotes_per_part(tmp_path: Path) -> None:
    bank = tmp_path / "bank.jsonl"
    bank.write_text("\n".join(json.dumps({"id": i, "required_facts": [{"section_id": "s", "quote": REQUIRED}]})
                              for i in ("keyfact-studied-001", "keyfact-blind-002")) + "\n")
    answer = (f"{OTHER} [1] {REQUIRED} [2]\n\nRelated references for these passages:\n- [2] Someone (2020). A title."
              "\n\n---\nThe fixed disclaimer.")
    run = tmp_path / "run"
    run.mkdir()
    (run / "eval-20260101T000000Z.json").write_text(json.dumps({"items": [
        _item("keyfact-studied-001", answer, 1.0), _item("keyfact-blind-002", f"{OTHER} [1]", 0.0)]}))
    assert shown_quotes(answer) == [f"{OTHER} ", f" {REQUIRED} "]
    studied = score_run(str(run), bank, "studied")
    assert studied == {"items": 1, "key_fact_recall": 1.0, "quotes_per_answer": 2.0, "required_share": 0.5,
                       "first_required": 0.0}
    blind = score_run(str(run), bank, "blind")
    assert blind["items"] == 1 and blind["required_share"] == 0.0
    assert score_run(str(run), bank)["key_fact_recall"] == 0.5


def test_an_answer_opening_with_a_required_quote_counts_as_first_required(tmp_path: Path) -> None:
    bank = tmp_path / "bank.jsonl"
    bank.write_text(json.dumps({"id": "kf-studied-001", "required_facts": [{"section_id": "s", "quote": REQUIRED}]}) + "\n")
    run = tmp_path / "run"
    run.mkdir()
    (run / "eval-20260101T000000Z.json").write_text(json.dumps({"items": [
        _item("kf-studied-001", f"{REQUIRED} [1] {OTHER} [2]", 1.0)]}))
    assert score_run(str(run), bank)["first_required"] == 1.0
