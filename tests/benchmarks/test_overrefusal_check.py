"""The over-refusal scorer reads banks with and without a studied/blind split."""

from __future__ import annotations

from benchmarks.overrefusal_check import studied_rows, summarise


def _row(item_id: str, status: str, ok: bool) -> dict:
    return {"id": item_id, "question": item_id, "status": status, "status_ok": ok, "scores": {"key_fact_recall": None}}


def test_a_bank_without_parts_is_scored_as_a_whole() -> None:
    bank = {"a": {"acceptable_statuses": ["answered"]}, "b": {"acceptable_statuses": ["not_found"]}}
    rows = [_row("a", "not_found", False), _row("b", "not_found", True)]
    out = summarise(rows, bank)
    assert out["all"]["false_refusal_rate"] == 1.0 and out["all"]["correct_refusal_rate"] == 1.0
    assert out["studied"]["answerable"] == 0 and out["blind"]["answerable"] == 0
    assert len(studied_rows(rows, bank)) == 2


def test_the_blind_part_is_never_listed() -> None:
    bank = {"s": {"part": "studied", "acceptable_statuses": ["answered"]},
            "b": {"part": "blind", "acceptable_statuses": ["answered"]}}
    rows = [_row("s", "answered", True), _row("b", "not_found", False)]
    assert [line.split()[-1] for line in studied_rows(rows, bank)] == ["s"]
    assert summarise(rows, bank)["blind"]["false_refusal_rate"] == 1.0
