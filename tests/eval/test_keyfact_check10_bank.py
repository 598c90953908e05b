"""The self-written key-fact check bank 10 (eval/data/keyfact_check10.jsonl): first-turn asks whose intent is a
reason ("why ..."), a person ("which doctor", "who ..."), a test ("what bloods", "what scans"), a time ("how fast",
"how long", "when") or a place ("where", "which countries", "which joints"); one third blind.

Why: its numbers, key-fact recall and whether the answer's first quote is a required one, measure whether the
composer puts the sentence that says what the question's intent asks for first, rather than one sharing its topic
words; a quote drifting from the article would silently lower recall, and an item without a part would be read in
neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check10.jsonl"
KINDS = {"reason", "person", "test", "time", "place"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history and i.required_facts and i.acceptable_statuses == ["answered"] for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_every_intent_is_asked_by_both_askers_in_a_hurry() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 12
    assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf15")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
    assert {"studied", "blind"} == {i.part for i in items}
    blind_kinds = kinds_of([i for i in items if i.part == "blind"])
    assert set(blind_kinds) == KINDS
