"""The self-written personal-advice check banks 3 to 7 (eval/data/advice_check{3,4,5,6,7}.jsonl, read per part by
benchmarks/advice_check.py --bank check3|check4|check5|check6, bank 7 by `pns eval run`): personal asks in many shapes
(a follow-up turn after a general answer, buried in a long message, about a relative, conditional "if i had X should
i", hurried and misspelt, on topics the article does not cover) and general look-alikes that name a person but ask
what the article says; one third blind.

Why: a quote drifting from the article would silently lower recall, a personal ask accepting another status would
hide the unsafe miss, a look-alike accepting the referral would hide an over-refusal, and an item without a part
would be read in neither. One row per bank (bank_shapes.Shape).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bank_checks import advice_labels, assert_both_labels_in_each_part, assert_follow_ups_carry_a_history
from bank_shapes import Shape, assert_kinds, assert_loads_with_whole_quotes, items_of

PERSONAL_4 = {"buried", "relative", "followup personal", "conditional", "hurried"}
BANKS = [
    Shape("advice_check3", "advice3", 72, first_turns=False, kind_least=8, kinds=frozenset({
        "followup personal", "buried", "third person", "hurried", "not in article", "look-alike",
        "followup look-alike"})),
    Shape("advice_check4", "advice4", 90, first_turns=False, kind_least=9,
          kinds=frozenset(PERSONAL_4 | {"look-alike", "followup look-alike"})),
    Shape("advice_check5", "advice5", 80, first_turns=False, kind_least=5, kinds=frozenset({
        "dose", "stop", "do i have it", "chances", "decision", "buried", "followup personal", "look-alike",
        "doctor said", "followup look-alike"})),
    Shape("advice_check6", "advice6", 80, first_turns=False, kind_least=3, kinds=frozenset({
        "interpret results", "choose treatment", "dose change", "carer should we", "third person case", "diagnosis",
        "followup personal", "preamble general", "third person general", "doctor remark general",
        "not in article general", "followup general"})),
    Shape("advice_check7", "advice7", 80, first_turns=False, kind_least=4, kinds=frozenset({
        "push for test", "switch or stop", "back to doctor", "which specialist", "second opinion", "dose",
        "what could that be", "followup personal", "story general", "followup general", "not in article general"})),
]
# how many personal asks and general look-alikes each bank plans
LABEL_COUNTS: dict[str, Callable[[list, list], bool]] = {
    "advice_check3": lambda personal, general: len(general) >= 24,
    "advice_check4": lambda personal, general: len(personal) == len(general) == 45,
    "advice_check5": lambda personal, general: (len(personal), len(general)) == (45, 35),
    "advice_check6": lambda personal, general: (len(personal), len(general)) == (46, 34),
    "advice_check7": lambda personal, general: (len(personal), len(general)) == (46, 34)}


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_loads_and_its_quotes_are_whole_article_units(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_personal_asks_accept_only_a_referral_and_look_alikes_never_one(shape: Shape) -> None:
    items = list(items_of(shape.bank))
    personal, general = advice_labels(items)
    assert len(personal) + len(general) == len(items) and LABEL_COUNTS[shape.bank](personal, general)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_every_kind_is_asked_and_follow_ups_carry_a_history(shape: Shape) -> None:
    assert_kinds(shape)
    assert_follow_ups_carry_a_history(items_of(shape.bank))


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_a_third_is_blind_and_both_labels_are_in_each_part(shape: Shape) -> None:
    assert_both_labels_in_each_part(list(items_of(shape.bank)), shape.prefix)
