"""The self-written key-fact check bank 5 (eval/data/keyfact_check5.jsonl): hurried lay first-turn questions about
what patients ask most (outlook, survival, cure, heredity, contagion, prevention, the untreated course, which
specialist, cost and access, recurrence, living with it, children), every quote a whole unit of its section, one
third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall,
an item the article is silent on must accept not_found, and an item without a part would be read in neither.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check5.jsonl"
KINDS = {"outlook", "survival", "cure", "heredity", "contagion", "prevention", "untreated", "specialist",
         "cost/access", "recurrence", "living with it", "children"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history for i in items)
    assert all(i.required_facts or "not_found" in i.acceptable_statuses for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_every_kind_is_asked_several_times_and_typed_in_a_hurry() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 5
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "lay8")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
