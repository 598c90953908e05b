"""The self-written bibliography check banks load as eval set v2 items, name real entries and quote the article.

Why: the banks are scored before and after router changes (benchmarks/bibliography_check.py); an entry id that
stops existing or a quote that drifts from the article would silently move those numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bank_checks import assert_a_third_blind, assert_quotes_map_back, assert_reference_ids_known, kinds_of

from benchmarks.bibliography_check import HALF, aggregate, bank_parts
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"


@pytest.mark.parametrize(("name", "prefix", "size", "bibliography"), [
    ("bibliography_check.jsonl", "bibcheck-", 55, 48), ("bibliography_blind.jsonl", "bibblind-", 27, 24),
    ("bibliography_check2.jsonl", "bib2-", 35, 26), ("bibliography_check3.jsonl", "bib3-", 45, 41)])
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


def test_bank2_keeps_a_blind_third_and_asks_for_entries_the_bibliography_lacks_in_both_parts() -> None:
    items = load_evalset_v2(DATA / "bibliography_check2.jsonl")
    assert_a_third_blind(items, "bib2")
    for part in ("studied", "blind"):
        mine = [i for i in items if i.part == part]
        assert {s for i in mine for s in i.acceptable_statuses} == {"answered", "not_found"}
    absent = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert all(not i.expected_reference_ids and i.category == "unanswerable" for i in absent)
    kinds = kinds_of(items)
    assert kinds["absent author"] >= 5 and kinds["cited author typo"] >= 5 and kinds["co-author"] >= 3


def test_bank2_is_scored_by_part_with_its_absent_asks_counted(tmp_path: Path) -> None:
    bank = tmp_path / "bank.jsonl"
    bank.write_text("\n".join(json.dumps(row) for row in [
        {"id": "b-studied-1", "part": "studied", "acceptable_statuses": ["not_found"]},
        {"id": "b-blind-2", "part": "blind", "acceptable_statuses": ["answered"]}]), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    rows = [{"id": "b-studied-1", "category": "unanswerable", "status": "out_of_scope", "context_ids": [],
             "scores": {"status_accuracy": 0.0}},
            {"id": "b-blind-2", "category": "bibliography", "status": "answered", "context_ids": ["bibliography:x"],
             "scores": {"status_accuracy": 1.0, "bibliography_accuracy": 1.0}}]
    (run / "eval-1.json").write_text(json.dumps({"items": rows}), encoding="utf-8")
    result = bank_parts(str(run), bank)
    assert result["studied"]["absent_asks"] == 1 and result["studied"]["absent_asks_not_found"] == 0
    assert result["blind"]["bibliography_accuracy"] == 1.0 and result["all"]["items"] == 2


def test_bank3_keeps_a_blind_third_typed_fast_with_every_kind_of_field_ask() -> None:
    """Bank 3 (round 15): a field ask (volume, issue, pages, publisher, DOI, URL, authors, type) and a list or
    supporting-reference ask in each part, so a change that helps only the studied wording shows in the blind part."""
    items = load_evalset_v2(DATA / "bibliography_check3.jsonl")
    assert_a_third_blind(items, "bib3")
    assert all(i.question == i.question.lower() and "'" not in i.question for i in items)
    for part in ("studied", "blind"):
        mine = [i for i in items if i.part == part]
        assert {s for i in mine for s in i.acceptable_statuses} == {"answered", "not_found"}
        assert {"supports claim", "cite for topic"} <= set(kinds_of(mine))
    kinds = kinds_of(items)
    assert all(kinds[k] >= 3 for k in ("volume", "issue", "pages", "publisher", "doi", "url", "authors", "type"))
    assert all(i.expected_reference_ids for i in items if i.acceptable_statuses == ["answered"])
