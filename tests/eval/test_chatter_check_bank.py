"""The self-written chatter check bank (eval/data/chatter_check.jsonl): plain first-turn questions wrapped in
greetings, apologies, who-told-me clauses, a clause naming the topic with a question pointing back at it, "asking for
my mum", "quick question -", a trailing "i read about it online" and filler words, one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall, an
item without a part would be read in neither, and a kind missing from the blind part could not show whether a change
generalises to it.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "chatter_check.jsonl"
KINDS = {"greeting", "apology", "who-told-me", "pointer", "for-someone", "quick-question", "read-online", "filler"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(i.required_facts and i.acceptable_statuses == ["answered"] and not i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=False)


def test_every_kind_of_chatter_is_in_both_parts() -> None:
    items = load_evalset_v2(BANK)
    for part in ("studied", "blind"):
        assert set(kinds_of(i for i in items if i.part == part)) == KINDS, part


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "chatter")
    assert all(i.part in i.id for i in items)
