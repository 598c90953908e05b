"""The self-written precision banks 4 to 9 load as eval set v2 first-turn items, a third of each is blind, their
quotes are whole article sentences, and their hand labels (both parts) name article sentences of their own items
(eval/data/precision_check{4,...,11}.jsonl and their _labels.json).

Why: benchmarks/precision_labelled.py counts a shown sentence as helpful by its exact text; a quote or label that
drifted from the article would silently count against precision.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.precision_check3 import article_units
from benchmarks.precision_labelled import bank_path, labels_of
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

# one row per bank scored by benchmarks.precision_labelled: its file, its labels, its id prefix
BANKS = [pytest.param(bank_path(f"precision_check{n}"), labels_of(bank_path(f"precision_check{n}")), f"prec{n}",
                      id=f"bank{n}") for n in (4, 5, 6, 7, 8, 9, 10, 11)]
# bank 9 (round 15) is 45 lay questions only, written to test the learned cut on new writers; the others hold 60+
# items of which 10+ are a clinician's
# bank 10 (round 16) likewise: 45 lay questions, its blind labels mechanical (a shown sentence helps iff required)
# bank 11 (round 17) likewise: 45 lay first turns by the kind of answer they ask (definition, yes/no, single fact,
# list, symptoms of one kind), blind labels mechanical
SIZES = {"prec9": (45, 0), "prec10": (45, 0), "prec11": (45, 0)}


@pytest.mark.parametrize(("bank", "labels", "prefix"), BANKS)
def test_the_bank_loads_a_third_is_blind_and_its_quotes_are_whole_sentences(bank: Path, labels: Path, prefix: str) -> None:
    items = load_evalset_v2(bank)
    least_items, least_clinician = SIZES.get(prefix, (60, 10))
    assert len(items) >= least_items
    assert_a_third_blind(items, prefix)
    assert all(i.part and i.id.startswith(f"{prefix}-{i.part}-") for i in items)
    assert all(not i.history and i.acceptable_statuses[0] == "answered" for i in items)
    # bank 7 lets a person's own symptom or outlook ("is that a pns thing") be personal_advice too
    assert all(set(i.acceptable_statuses) <= {"answered", "personal_advice"} for i in items)
    assert all(i.question == i.question.lower() and "'" not in i.question for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    askers = [i.note.split("asker: ")[1].split(";")[0] for i in items]
    assert set(askers) <= {"lay", "clinician"} and askers.count("clinician") >= least_clinician


@pytest.mark.parametrize(("bank", "labels", "prefix"), BANKS)
def test_labels_name_article_sentences_of_bank_items_in_both_parts(bank: Path, labels: Path, prefix: str) -> None:
    items = {i.id: i for i in load_evalset_v2(bank)}
    labelled = json.loads(labels.read_text(encoding="utf-8"))
    sentences = {u[2] for u in article_units()}
    assert labelled and set(labelled) <= set(items)
    assert {items[i].part for i in labelled} == {"studied", "blind"}
    for item_id, label in labelled.items():
        assert set(label["helpful"]) | set(label["not_helpful"]) <= sentences, item_id
        assert not set(label["helpful"]) & set(label["not_helpful"]), item_id
