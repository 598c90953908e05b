"""The self-written comparison and contrast check banks (eval/data/comparison_check.jsonl: hurried "difference
between X and Y", "is X the same as / like Y", "X vs Y", "tell X from Y"; eval/data/contrast_check.jsonl: questions
that also exclude something, "not the alternative ones", "besides", "except", or ask either/or), some as follow-ups,
one third blind.

Why: their before/after numbers are read per part; a quote drifting from the article would silently lower recall, an
item without a part would be read in neither, and an item whose comparison the article does not make must say so
(and accept not_found). One row per bank (bank_shapes.Shape).
"""

from __future__ import annotations

import pytest
from bank_checks import kinds_of
from bank_shapes import Shape, assert_loads_with_whole_quotes, assert_parts, items_of

BANKS = [Shape("comparison_check", "compare", 30, "answerable", first_turns=False),
         Shape("contrast_check", "contrast", 50, "answerable", first_turns=False)]
FOLLOW_UPS = {"comparison_check": 3, "contrast_check": 8}  # at least this many items carry a history


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_loads_and_its_quotes_are_whole_article_units(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)
    assert sum(bool(i.history) for i in items_of(shape.bank)) >= FOLLOW_UPS[shape.bank]


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_unmade_comparisons_say_so_and_accept_not_found(shape: Shape) -> None:
    for item in items_of(shape.bank):
        unmade = "not made" in (item.note or "") or "partly made" in (item.note or "")
        assert set(item.acceptable_statuses) == ({"answered", "not_found"} if unmade else {"answered"}), item.id


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_a_third_is_blind_and_the_note_says_which_part(shape: Shape) -> None:
    assert_parts(shape)


def test_contrast_items_name_their_part_and_every_kind_of_contrast_is_in_both_parts() -> None:
    items = items_of("contrast_check")
    assert all(i.part in i.id for i in items)
    for part in ("studied", "blind"):
        kinds = {k.removesuffix(" follow-up") for k in kinds_of(i for i in items if i.part == part)}
        assert {"negation", "exclusion", "comparison", "versus", "either-or"} <= kinds, part
