"""The self-written key-fact check bank 9 (eval/data/keyfact_check9.jsonl): first-turn asks whose answer a section's
lead-in line does not carry: the prognosis or the risk of dying (the outcomes and factors, not "the outlook depends
on several factors"), what happens long term, every item of a list (types, tests, treatments, symptoms), a
section's real content behind its opening line, and how common it is and where; one third blind.

Why: its before/after numbers measure whether the composer goes past a lead-in to the sentences that answer and
shows a list whole; a quote drifting from the article would silently lower recall, and an item without a part
would be read in neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check9.jsonl"
KINDS = {"prognosis", "long-term", "list", "lead-in", "prevalence"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history and i.required_facts and i.acceptable_statuses == ["answered"] for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_every_kind_is_asked_and_lists_need_their_items() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 9
    lists = [i for i in items if "kind: list" in (i.note or "")]
    assert sum(len(i.required_facts) >= 3 for i in lists) >= 5
    assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf14")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
    assert {"studied", "blind"} == {i.part for i in items}
