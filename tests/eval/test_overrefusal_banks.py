"""The self-written over-refusal banks (eval/data/overrefusal_check*.jsonl, scored by benchmarks/overrefusal_check.py):
each loads as eval set v2 items, holds answerable asks and `not_found` controls in the planned numbers, keeps a third
blind (conversations whole, controls in the blind part too) and quotes whole article sentences.

Why a test for a data file: the false- and correct-refusal rates are reported per part; a quote drifting from the
article would silently lower key-fact recall, a conversation split across parts would leak the blind part, and a
quote running into the next bullet would ask for a line no answer shows alone. One row per bank (bank_shapes.Shape).
"""

from __future__ import annotations

import pytest
from bank_shapes import (DATA, Shape, assert_classes, assert_conversations_whole, assert_loads_with_whole_quotes,
                         assert_parts, items_of)

from benchmarks.overrefusal_check import bank_items, summarise

# bank 1 holds follow-up turns inside short conversations and marks its parts in the part field only
BANKS = [
    Shape("overrefusal_check", "overrefusal", 70, first_turns=False, one_sentence=True, blind="field", blind_slack=6,
          answerable=40, refusals=30, only_classes=True),
    Shape("overrefusal_check2", "overref2", 63, one_sentence=True, part_field=True, answerable=45, refusals=18,
          only_classes=True),
    Shape("overrefusal_check3", "overref3", 72, one_sentence=True, part_field=True, answerable=50, refusals=22,
          only_classes=True),
    Shape("overrefusal_check4", "overref4", 45, one_sentence=True, part_field=True, answerable=30, refusals=15,
          only_classes=True),
    Shape("overrefusal_check5", "overref5", 45, one_sentence=True, part_field=True, answerable=30, refusals=15,
          only_classes=True),
]
BLIND_CONTROLS = {"overrefusal_check2": 5, "overrefusal_check3": 7, "overrefusal_check4": 5, "overrefusal_check5": 5}  # at least, as planned


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_has_its_planned_classes_and_whole_sentence_quotes(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)
    assert_classes(shape)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_a_third_is_blind_and_conversations_stay_whole(shape: Shape) -> None:
    assert_parts(shape)
    assert_conversations_whole(items_of(shape.bank))


@pytest.mark.parametrize("bank", sorted(BLIND_CONTROLS))
def test_first_turn_banks_quote_one_line_and_hold_blind_controls(bank: str) -> None:
    items = items_of(bank)
    assert not any("\n" in f.quote for i in items for f in i.required_facts)  # one line: no next bullet joined on
    blind_controls = [i for i in items if i.part == "blind" and i.acceptable_statuses == ["not_found"]]
    assert len(blind_controls) >= BLIND_CONTROLS[bank]


def test_bank_1_holds_follow_up_turns_inside_short_conversations() -> None:
    answerable = [i for i in items_of("overrefusal_check") if "answered" in i.acceptable_statuses]
    assert sum(bool(i.history) for i in answerable) >= 10


def test_the_scorer_counts_refusals_per_part() -> None:
    bank = bank_items()
    studied = [i for i, row in bank.items() if row["part"] == "studied"]
    yes = next(i for i in studied if "answered" in bank[i]["acceptable_statuses"])
    no = next(i for i in studied if bank[i]["acceptable_statuses"] == ["not_found"])
    rows = [{"id": yes, "status": "not_found", "status_ok": False, "scores": {"key_fact_recall": 0.0}},
            {"id": no, "status": "not_found", "status_ok": True, "scores": {}}]
    result = summarise(rows, bank)["studied"]
    assert result["false_refusal_rate"] == 1.0 and result["correct_refusal_rate"] == 1.0
    assert result["status_accuracy"] == 0.5 and summarise(rows, bank)["blind"]["false_refusal_rate"] is None


@pytest.mark.parametrize("bank", sorted(BLIND_CONTROLS))
def test_the_scorer_reads_this_bank(bank: str) -> None:
    items = bank_items(DATA / f"{bank}.jsonl")
    control = next(i for i, row in items.items() if row["acceptable_statuses"] == ["not_found"])
    rows = [{"id": control, "status": "answered", "status_ok": False, "scores": {}}]
    part = items[control]["part"]
    assert summarise(rows, items)[part]["correct_refusal_rate"] == 0.0
