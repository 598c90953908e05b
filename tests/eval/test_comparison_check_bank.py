"""The self-written comparison check bank (eval/data/comparison_check.jsonl): hurried "difference between X and Y",
"is X the same as / like Y", "X vs Y", "tell X from Y" questions, some as follow-ups, one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall, an
item without a part would be read in neither, and an item whose comparison the article does not make must say so
(and accept not_found).
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "comparison_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 30
    assert all(i.required_facts for i in items)
    assert sum(bool(i.history) for i in items) >= 3  # follow-ups
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=False)


def test_unmade_comparisons_say_so_and_accept_not_found() -> None:
    for item in load_evalset_v2(BANK):
        unmade = "not made" in (item.note or "") or "partly made" in (item.note or "")
        assert set(item.acceptable_statuses) == ({"answered", "not_found"} if unmade else {"answered"}), item.id


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    assert_a_third_blind(load_evalset_v2(BANK), "compare")
