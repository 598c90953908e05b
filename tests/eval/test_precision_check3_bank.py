"""The self-written precision bank 3 loads as eval set v2 first-turn items, a third of it is blind, its quotes are
whole article sentences, and its hand labels name article sentences of its own studied items only
(eval/data/precision_check3.jsonl, eval/data/precision_check3_labels.json).

Why: benchmarks/precision_check3.py counts a shown sentence as required, lead-in or hand-labelled by its exact text;
a quote or label that drifted from the article would silently count against precision.
"""

from __future__ import annotations

import json

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.precision_check3 import BANK, LABELS, article_units, lead_ins
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings


def test_the_bank_loads_a_third_is_blind_and_its_quotes_are_whole_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert_a_third_blind(items, "prec3")
    assert all(i.part and i.id.startswith(f"prec3-{i.part}-") for i in items)
    assert all(not i.history and i.acceptable_statuses == ["answered"] for i in items)
    assert all(i.question == i.question.lower() and "'" not in i.question for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    askers = [i.note.split("asker: ")[1].split(";")[0] for i in items]
    assert {"lay", "clinician"} == set(askers) and askers.count("clinician") >= 10


def test_labels_cover_only_studied_items_and_name_article_sentences() -> None:
    items = {i.id: i for i in load_evalset_v2(BANK)}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    sentences = {u[2] for u in article_units()}
    assert labels and all(items[i].part == "studied" for i in labels)
    for item_id, label in labels.items():
        assert set(label["helpful"]) | set(label["not_helpful"]) <= sentences, item_id
        assert not set(label["helpful"]) & set(label["not_helpful"]), item_id


def test_a_lead_in_is_the_sentence_a_pointing_back_fact_needs_or_its_list_line() -> None:
    units = article_units()
    texts = [u[2] for u in units]
    however = next(t for t in texts if t.startswith("However, others may have chronic"))
    assert lead_ins({however}, units) == {texts[texts.index(however) - 1]}
    clotting = next(t for t in texts if t.startswith("Clotting disorders:"))
    assert lead_ins({clotting}, units) == {"Paraneoplastic syndromes may involve several organ systems:"}
    first = next(t for t in texts if t.startswith("Paraneoplastic syndromes are a group"))
    assert lead_ins({first}, units) == set()
