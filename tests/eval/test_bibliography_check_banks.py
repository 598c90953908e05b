"""The self-written bibliography check banks load as eval set v2 items, name real entries and quote the article.

Why: the banks are scored before and after router changes (benchmarks/bibliography_check.py); an entry id that
stops existing or a quote that drifts from the article would silently move those numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bank_checks import assert_quotes_map_back, assert_reference_ids_known

from benchmarks.bibliography_check import HALF, aggregate
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"


@pytest.mark.parametrize(("name", "prefix", "size", "bibliography"), [
    ("bibliography_check.jsonl", "bibcheck-", 55, 48), ("bibliography_blind.jsonl", "bibblind-", 27, 24)])
def test_banks_load_name_real_entries_and_quote_the_article(name, prefix, size, bibliography) -> None:
    items = load_evalset_v2(DATA / name)
    assert len(items) == size and all(i.id.startswith(prefix) and "self-written" in (i.note or "") for i in items)
    assert sum(i.category == "bibliography" for i in items) == bibliography
    assert_reference_ids_known(items, Settings())
    assert_quotes_map_back(items, load_article(article_path(Settings())))


def test_the_studied_half_is_the_first_half_by_id() -> None:
    items = sorted(load_evalset_v2(DATA / "bibliography_check.jsonl"), key=lambda i: i.id)
    assert items[HALF - 1].id == "bibcheck-027" and items[HALF].id == "bibcheck-028"


def test_a_non_bibliography_item_answered_from_the_bibliography_counts_as_a_lookup() -> None:
    rows = [{"category": "definition", "context_ids": ["bibliography:graber2023"], "scores": {"status_accuracy": 1.0}},
            {"category": "bibliography", "context_ids": ["bibliography:graber2023"],
             "scores": {"status_accuracy": 1.0, "bibliography_accuracy": 0.0}}]
    result = aggregate(rows)
    assert result["lookups_on_non_bibliography_items"] == 1 and result["bibliography_accuracy"] == 0.0
