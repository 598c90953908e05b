"""The self-written emergency check bank 8 (eval/data/emergency_check8.jsonl): its shape, its blind third, and that
nothing trains on it.

Why: its before/after numbers are read per part; an item without a part would be read in neither, a blind part of
the wrong size would say little, and a bank text that also trained the emergency model would measure nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from bank_checks import assert_a_third_blind

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "emergency_check8.jsonl"


def _rows() -> list[dict]:
    lines = BANK.read_text(encoding="utf-8").splitlines()
    assert "_about" in json.loads(lines[0])
    return [json.loads(line) for line in lines[1:] if line.strip()]


def test_the_bank_holds_enough_of_each_label_in_many_kinds() -> None:
    rows = _rows()
    labels = Counter(r["label"] for r in rows)
    assert set(labels) == {"emergency", "none"} and labels["emergency"] >= 95 and labels["none"] >= 95
    assert len({r["kind"] for r in rows if r["label"] == "emergency"}) >= 8
    assert len({r["text"] for r in rows}) == len(rows)


def test_a_third_of_each_label_is_blind_and_the_note_says_which_part() -> None:
    rows = _rows()
    assert all(r["id"].split("-")[1] == r["part"] for r in rows)
    assert_a_third_blind([SimpleNamespace(**r) for r in rows], "check8")
    for label in ("emergency", "none"):
        assert_a_third_blind([SimpleNamespace(**r) for r in rows if r["label"] == label], "check8")


def test_the_bank_is_never_a_training_source() -> None:
    from benchmarks.emergency_data import CHECK8, CHECK_BANKS, training_rows

    assert CHECK8 == BANK and BANK in CHECK_BANKS
    assert not {r["text"] for r in _rows()} & {r.text for r in training_rows()}
