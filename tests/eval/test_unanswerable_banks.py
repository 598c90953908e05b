"""The self-written unanswerable banks (eval/data/unanswerable_check*.jsonl, scored by
benchmarks/unanswerable_check.py): each loads as eval set v2 first turns, holds answerable look-alikes, on-topic
asks the article does not answer and (from bank 2) off-topic asks in the planned numbers (from bank 3 each answerable
item a look-alike of a refusal kind), keeps a third blind and
quotes whole article sentences.

Why a test for a data file: the refusal rates are reported per part; a quote drifting from the article would silently
lower key-fact recall, and an unanswerable item carrying facts would count as answerable. One row per bank
(bank_shapes.Shape); the scorer's own checks follow the table.
"""

from __future__ import annotations

import pytest
from bank_checks import kinds_of
from bank_shapes import DATA, Shape, assert_classes, assert_kinds, assert_loads_with_whole_quotes, assert_parts, items_of

from benchmarks.unanswerable_check import BANK, arguments, bank_items, confusion

BANKS = [
    Shape("unanswerable_check", "unanswerable", 80, one_sentence=True, blind="field", answerable=40, refusals=40,
          only_classes=True),
    Shape("unanswerable_check2", "unanswerable2", 70, one_sentence=True, answerable=35, refusals=35, off_topic=5),
    Shape("unanswerable_check3", "unanswerable3", 70, one_sentence=True, answerable=30, refusals=35, off_topic=5,
          only_classes=True, counts=(("bare symptom", 3), ("answerable look-alike (bare symptom)", 3))),
    Shape("unanswerable_check4", "unanswerable4", 45, one_sentence=True, answerable=15, refusals=25, off_topic=5,
          only_classes=True, counts=(("bare phrase", 3), ("answerable look-alike (bare phrase)", 3), ("figures", 5),
                                     ("answerable look-alike (named condition)", 3))),
    Shape("unanswerable_check5", "unanswerable5", 40, one_sentence=True, answerable=12, refusals=25, off_topic=5,
          only_classes=True, counts=(("names it never gives", 5), ("figures", 4), ("named antibody", 3))),
    Shape("unanswerable_check6", "unanswerable6", 51, one_sentence=True, answerable=21, refusals=30, only_classes=True,
          part_field=True, hurried=True, counts=(("figures", 4), ("named antibody", 4), ("drugs it never names", 4),
                                                 ("costs", 4), ("places", 3), ("timelines", 4), ("comparisons", 4))),
    Shape("unanswerable_check7", "unanswerable7", 62, one_sentence=True, answerable=26, refusals=36, only_classes=True,
          part_field=True, hurried=True, counts=(("genetic testing", 3), ("support groups", 2), ("diet", 3),
                                                 ("exercise", 2), ("pregnancy", 2), ("children", 2), ("places", 3),
                                                 ("answerable look-alike (symptom in other words)", 4))),
    Shape("unanswerable_check8", "unanswerable8", 60, one_sentence=True, answerable=30, refusals=30, only_classes=True,
          part_field=True, hurried=True, counts=(("figures", 5), ("places", 4), ("costs", 3), ("genetic testing", 3),
                                                 ("prevention", 3), ("bare symptom", 4),
                                                 ("answerable look-alike (symptom in other words)", 10))),
]
PAIRED = ["unanswerable_check3", "unanswerable_check4", "unanswerable_check5"]  # banks written as refusal/look-alike pairs


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_has_its_classes_a_blind_third_and_whole_sentence_quotes(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)
    assert_classes(shape)
    assert_kinds(shape)
    assert_parts(shape)


@pytest.mark.parametrize("bank", PAIRED)
def test_both_directions_are_measured_in_each_part(bank: str) -> None:
    items = items_of(bank)
    for part in ("blind", "studied"):
        mine = [i for i in items if f"part: {part}" in (i.note or "")]
        assert {s for i in mine for s in i.acceptable_statuses} == {"answered", "not_found", "out_of_scope"}


@pytest.mark.parametrize("bank", PAIRED)
def test_every_answerable_item_is_a_look_alike_of_a_refusal_kind(bank: str) -> None:
    items = items_of(bank)
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    assert sum(n for k, n in kinds_of(items).items() if k.startswith("answerable look-alike")) == len(answerable)


def test_the_scorer_tells_the_wrong_refusal_from_an_answer() -> None:
    bank = bank_items()
    no = [i for i, row in bank.items() if row["part"] == "studied" and row["acceptable_statuses"] == ["not_found"]]
    yes = next(i for i, row in bank.items() if row["part"] == "studied" and "answered" in row["acceptable_statuses"])
    rows = [{"id": no[0], "status": "out_of_scope"}, {"id": no[1], "status": "answered"},
            {"id": yes, "status": "out_of_scope"}]
    studied = confusion(rows, bank)["studied"]
    assert studied == {"unanswerable_answered": 0.5, "unanswerable_out_of_scope": 0.5, "answerable_out_of_scope": 1.0,
                       "off_topic_out_of_scope": None}
    assert confusion(rows, bank)["blind"]["unanswerable_answered"] is None


def test_the_scorer_reads_bank2_and_counts_off_topic_refusals() -> None:
    bank2 = DATA / "unanswerable_check2.jsonl"
    runs, path = arguments(["BEFORE", "--bank", str(bank2), "AFTER", "--rows"])
    assert runs == ["BEFORE", "AFTER"] and path == bank2 and BANK == DATA / "unanswerable_check.jsonl"
    bank = bank_items(path)
    off = [i for i, row in bank.items() if row["part"] == "studied" and row["acceptable_statuses"] == ["out_of_scope"]]
    rows = [{"id": off[0], "status": "out_of_scope"}, {"id": off[1], "status": "not_found"}]
    assert confusion(rows, bank)["studied"]["off_topic_out_of_scope"] == 0.5
    assert confusion(rows, bank)["blind"]["off_topic_out_of_scope"] is None


@pytest.mark.parametrize("bank", ["unanswerable_check6", "unanswerable_check7", "unanswerable_check8"])
def test_banks_6_and_7_pair_each_refusal_kind_with_answerable_twins_in_both_parts(bank: str) -> None:
    """Banks 6 and 7 (rounds 15, 16) have no off-topic asks: their point is the on-topic refusal against its near-twin
    answer, so each part must hold both, and every answerable item is a look-alike of a refusal kind."""
    items = items_of(bank)
    for part in ("blind", "studied"):
        assert {s for i in items if i.part == part for s in i.acceptable_statuses} == {"answered", "not_found"}
    answerable = [i for i in items if i.acceptable_statuses == ["answered"]]
    assert sum(n for k, n in kinds_of(items).items() if k.startswith("answerable look-alike")) == len(answerable)
