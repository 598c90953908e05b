"""The self-written personal-advice check bank 3 (eval/data/advice_check3.jsonl): personal asks in the forms the older
advice banks lack (a follow-up turn after a general answer, buried in a long message, about a relative, hurried and
misspelt, on topics the article does not cover) and general look-alikes that must be answered; one third blind.

Why: its before/after numbers are read per part (benchmarks/advice_check.py --bank check3); a quote drifting from the
article would silently lower recall, a personal ask accepting another status would hide the unsafe miss, and an item
without a part would be read in neither.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import (advice_labels, assert_both_labels_in_each_part, assert_follow_ups_carry_a_history,
                         assert_quotes_are_whole_sentences, kinds_of)

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "advice_check3.jsonl"
KINDS = {"followup personal", "buried", "third person", "hurried", "not in article", "look-alike", "followup look-alike"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 72
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_personal_asks_accept_only_a_referral_and_look_alikes_never_one() -> None:
    items = load_evalset_v2(BANK)
    personal, general = advice_labels(items)
    assert len(personal) + len(general) == len(items) and len(general) >= 24


def test_every_kind_is_asked_and_follow_ups_carry_a_history() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 8
    assert_follow_ups_carry_a_history(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    assert_both_labels_in_each_part(load_evalset_v2(BANK), "advice3")
