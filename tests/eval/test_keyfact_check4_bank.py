"""The self-written key-fact check bank 4 (eval/data/keyfact_check4.jsonl): hurried single-topic questions of the
kinds patients ask (what a test result means, is it deadly / the outlook, why, who treats it, first signs, does X
help, how long, in simple words), every quote a whole unit of its section, one third blind.

Why: its before/after numbers are read per part and per question kind; a quote drifting from the article would
silently lower recall, and an item without a part or a kind would be read in neither.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check4.jsonl"
KINDS = {"test meaning", "prognosis", "cause", "who treats", "first signs", "does x help", "how long", "simple words"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(i.required_facts and "answered" in i.acceptable_statuses and not i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_every_kind_is_asked_several_times_and_typed_in_a_hurry() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 5
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    assert_a_third_blind(load_evalset_v2(BANK), "keyfact4")
