"""The self-written retrieval check bank (eval/data/retrieval_check.jsonl): first-turn questions typed the way people
type (lay words for medical terms, typos, abbreviations, hurried fragments, questions needing two sections), each with
the article sentences a complete answer needs, one third blind.

Why: the bank is read through retrieval recall@k / MRR (a chunk is relevant when it covers a required quote), so a
quote drifting from the article would silently lower recall, and an item without a part or a kind would be read in
neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "retrieval_check.jsonl"
KINDS = {"lay words", "typo", "abbreviation", "hurried", "two sections", "list"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(i.required_facts and i.acceptable_statuses[0] == "answered" and not i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_every_kind_is_asked_several_times_and_two_section_items_need_two_sections() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 2
    assert_typed_in_a_hurry(items)
    two = [i for i in items if "two_sections" in i.tags]
    assert len(two) >= 7 and all(len({f.section_id for f in i.required_facts}) >= 2 for i in two)


def test_a_third_is_blind_and_the_note_and_field_say_which_part() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "retrieval")
    assert all(i.part == ("blind" if "-blind-" in i.id else "studied") for i in items)
