"""The self-written key-fact check bank 11 (eval/data/keyfact_check11.jsonl): first-turn asks whose answer is a speed
or onset, a test, a reason ("why ..."), a specialist, a frequency or an age; one third blind.

Why: its numbers, key-fact recall and whether the answer's first quote is a required one, measure whether the
composer puts the sentence that says what the question's frame asks for first; a quote drifting from the article
would silently lower recall, an item without a part would be read in neither part, and an age ask (the article
gives no age) must accept not_found so an honest abstention is not scored as a miss.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check11.jsonl"
KINDS = {"speed", "test", "reason", "specialist", "frequency", "age"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history and i.required_facts and "answered" in i.acceptable_statuses for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_only_the_age_asks_may_abstain() -> None:
    for item in load_evalset_v2(BANK):
        age = "kind: age;" in (item.note or "")
        assert item.acceptable_statuses == (["answered", "not_found"] if age else ["answered"]), item.id


def test_every_kind_is_asked_in_a_hurry_by_both_askers() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 10
    assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_in_every_kind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf16")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
    assert set(kinds_of([i for i in items if i.part == "blind"])) == KINDS
    assert set(kinds_of([i for i in items if i.part == "studied"])) == KINDS
