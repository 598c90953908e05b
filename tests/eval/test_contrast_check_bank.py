"""The self-written contrast check bank (eval/data/contrast_check.jsonl): hurried questions that exclude something
("not the alternative ones", "besides", "other than", "except", "apart from"), compare two things ("X vs Y", "is X the
same as Y", "difference between"), or ask either/or, some as follow-ups, one third blind.

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
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "contrast_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 50
    assert all(i.required_facts for i in items)
    assert sum(bool(i.history) for i in items) >= 8  # follow-ups
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=False)


def test_every_kind_of_contrast_is_in_both_parts() -> None:
    items = load_evalset_v2(BANK)
    for part in ("studied", "blind"):
        kinds = {k.removesuffix(" follow-up") for k in kinds_of(i for i in items if i.part == part)}
        assert {"negation", "exclusion", "comparison", "versus", "either-or"} <= kinds, part


def test_unmade_comparisons_say_so_and_accept_not_found() -> None:
    for item in load_evalset_v2(BANK):
        unmade = "not made" in (item.note or "") or "partly made" in (item.note or "")
        assert set(item.acceptable_statuses) == ({"answered", "not_found"} if unmade else {"answered"}), item.id


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "contrast")
    assert all(i.part in i.id for i in items)
