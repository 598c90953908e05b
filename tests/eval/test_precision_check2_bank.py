"""The self-written precision bank 2 loads as eval set v2 items, a third of it is blind, its quotes are whole article
sentences, and its labels (also fine / must not appear) name article sentences of its own items only
(eval/data/precision_check2.jsonl, eval/data/precision_check2_labels.json).

Why: its before/after numbers (benchmarks/precision_check2.py) count a shown sentence as required, fine, must-not or
unlisted by its exact text; a label that drifted from the article would silently count as unlisted.
"""

from __future__ import annotations

import json

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.precision_check2 import BANK, LABELS, article_sentences
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings


def test_the_bank_loads_a_third_is_blind_and_its_quotes_are_whole_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert_a_third_blind(items, "prec2")
    assert all(i.part and i.id.startswith(f"prec2-{i.part}-") for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    assert sum(i.category == "multi_turn" for i in items) >= 6 and sum("list" in i.tags for i in items) >= 5


def test_every_label_is_an_article_sentence_of_its_own_item_and_not_a_required_one() -> None:
    items = {i.id: i for i in load_evalset_v2(BANK)}
    labels = json.loads(LABELS.read_text())
    sentences = set(article_sentences())
    assert set(labels) == set(items)
    for item_id, label in labels.items():
        required = {f.quote for f in items[item_id].required_facts}
        listed = label["also_ok"] + label["must_not"]
        assert set(listed) <= sentences and not set(listed) & required, item_id
        assert not set(label["also_ok"]) & set(label["must_not"]), item_id
