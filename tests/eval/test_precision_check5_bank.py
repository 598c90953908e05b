"""The self-written precision bank 5 loads as eval set v2 first-turn items, a third of it is blind, its quotes are
whole article sentences, and its hand labels (both parts) name article sentences of its own items
(eval/data/precision_check5.jsonl, eval/data/precision_check5_labels.json).

Why: benchmarks/precision_check5.py counts a shown sentence as helpful by its exact text; a quote or label that
drifted from the article would silently count against precision.
"""

from __future__ import annotations

import json

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.precision_check3 import article_units
from benchmarks.precision_check5 import BANK, LABELS
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings


def test_the_bank_loads_a_third_is_blind_and_its_quotes_are_whole_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert_a_third_blind(items, "prec5")
    assert all(i.part and i.id.startswith(f"prec5-{i.part}-") for i in items)
    assert all(not i.history and i.acceptable_statuses == ["answered"] for i in items)
    assert all(i.question == i.question.lower() and "'" not in i.question for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    askers = [i.note.split("asker: ")[1].split(";")[0] for i in items]
    assert {"lay", "clinician"} == set(askers) and askers.count("clinician") >= 10


def test_labels_name_article_sentences_of_bank_items_in_both_parts() -> None:
    items = {i.id: i for i in load_evalset_v2(BANK)}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    sentences = {u[2] for u in article_units()}
    assert labels and set(labels) <= set(items)
    assert {items[i].part for i in labels} == {"studied", "blind"}
    for item_id, label in labels.items():
        assert set(label["helpful"]) | set(label["not_helpful"]) <= sentences, item_id
        assert not set(label["helpful"]) & set(label["not_helpful"]), item_id
