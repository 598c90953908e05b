"""The self-written precision check bank loads as eval set v2 items, its quotes are in the article, and its hand
labels cover only its own items (eval/data/precision_check.jsonl, benchmarks/results/precision_check_labels.json).

Why: its before/after numbers are scored against hand labels; a quote drifting from the article would silently
lower key-fact recall, and a label keyed to a missing item would never be read.
"""

from __future__ import annotations

import json
from pathlib import Path

from bank_checks import assert_quotes_map_back

from benchmarks.precision_check import HALF, LABELS
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "precision_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_in_the_article() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) == 2 * HALF and all(i.id.startswith("prec-") for i in items)
    assert_quotes_map_back(items, load_article(article_path(Settings())))
    assert sum(i.acceptable_statuses == ["not_found"] for i in items) == 2


def test_every_label_belongs_to_an_item_and_is_a_sentence_prefix() -> None:
    ids = {i.id for i in load_evalset_v2(BANK)}
    labels = json.loads(LABELS.read_text())
    assert set(labels) <= ids
    assert all(isinstance(v, bool) and 0 < len(k) <= 60 for item in labels.values() for k, v in item.items())
