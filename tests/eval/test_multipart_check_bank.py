"""The self-written multi-part check bank (eval/data/multipart_check.jsonl) loads as eval set v2 items, its quotes
are whole article sentences or bullets, its notes say which part each fact answers, and a third is blind.

Why: benchmarks.multipart_check reads "every part answered" from the notes; a note whose fact parts do not line
up with the facts would silently count a part as unanswered (or answered), and an item in neither half is read
in neither.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.multipart_check import bank_items
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "multipart_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 45
    assert_quotes_are_whole_sentences([i for i in items if i.required_facts],
                                      load_article(article_path(Settings())), one_sentence=False)


def test_every_fact_names_its_parts_and_every_answerable_part_has_a_fact() -> None:
    for item_id, spec in bank_items(BANK).items():
        assert len(spec["fact_parts"]) == len(spec["facts"]), item_id
        covered = set().union(*spec["fact_parts"]) if spec["fact_parts"] else set()
        assert covered | spec["unanswered"] == set(range(1, spec["parts"] + 1)), item_id
        assert not covered & spec["unanswered"], item_id
        assert spec["statuses"] == (["answered"] if covered else ["not_found"]), item_id


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    assert_a_third_blind(load_evalset_v2(BANK), "multi")
