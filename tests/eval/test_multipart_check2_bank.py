"""The self-written multi-part check bank 2 (eval/data/multipart_check2.jsonl): complete lists and two or three asks
in one message, typed the way people type. It loads as eval set v2 items, its quotes are whole article sentences or
bullets, its notes say which part each fact answers, and a third is blind (ids, notes and the part field agree).

Why: benchmarks.multipart_check reads "every part answered" and "list items shown" from the notes; a note whose fact
parts do not line up with the facts would silently count a part as answered or not, and an unmarked item is read in
neither part.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.multipart_check import bank_items
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "multipart_check2.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert not any(i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=False)


def test_every_fact_names_its_parts_and_every_answerable_part_has_a_fact() -> None:
    specs = bank_items(BANK)
    for item_id, spec in specs.items():
        assert len(spec["fact_parts"]) == len(spec["facts"]), item_id
        covered = set().union(*spec["fact_parts"]) if spec["fact_parts"] else set()
        assert covered | spec["unanswered"] == set(range(1, spec["parts"] + 1)), item_id
        assert not covered & spec["unanswered"], item_id
        assert spec["statuses"] == ["answered"], item_id
    assert sum(bool(s["lists"]) for s in specs.values()) >= 20  # complete lists are half of what the bank asks
    assert sum(s["parts"] >= 2 for s in specs.values()) >= 40


def test_a_third_is_blind_and_the_part_field_agrees() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "multi2")
    assert all(f"-{i.part}-" in i.id for i in items)
