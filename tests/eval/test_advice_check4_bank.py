"""The self-written personal-advice check bank 4 (eval/data/advice_check4.jsonl): 45 personal asks (dosing, diagnosis,
treatment choices for the asker or a relative) in many shapes (buried in a story, about a relative, as a follow-up,
conditional "if i had X should i", hurried and misspelt) and 45 general look-alikes that name a person but ask what the
article says (or does not say); one third blind.

Why: its before/after numbers are read per part (benchmarks/advice_check.py --bank check4); a personal ask accepting
another status would hide the unsafe miss, a look-alike accepting the referral would hide an over-refusal, and a quote
drifting from the article would silently lower key-fact recall.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import (advice_labels, assert_both_labels_in_each_part, assert_follow_ups_carry_a_history,
                         assert_quotes_are_whole_sentences, kinds_of)

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "advice_check4.jsonl"
PERSONAL_KINDS = {"buried", "relative", "followup personal", "conditional", "hurried"}
GENERAL_KINDS = {"look-alike", "followup look-alike"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) == 90
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_personal_asks_accept_only_a_referral_and_look_alikes_never_one() -> None:
    items = load_evalset_v2(BANK)
    personal, general = advice_labels(items)
    assert len(personal) == len(general) == 45


def test_every_kind_is_asked_and_follow_ups_carry_a_history() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == PERSONAL_KINDS | GENERAL_KINDS and min(kinds.values()) >= 9
    assert_follow_ups_carry_a_history(items)


def test_a_third_is_blind_and_both_labels_are_in_each_part() -> None:
    assert_both_labels_in_each_part(load_evalset_v2(BANK), "advice4")
