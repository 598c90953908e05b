"""The evaluation set is only useful if every item still matches the article it was written from."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bank_checks import assert_quotes_map_back, assert_reference_ids_known

from corpus.article import load_article
from eval.errors import EvalError
from foundation.settings import Settings
from eval.dataset import CATEGORIES, EvalItem, filter_items, load_evalset, parse_evalset
from corpus.paths import article_path


@pytest.fixture(scope="module")
def items() -> list[EvalItem]:
    return load_evalset()


@pytest.fixture(scope="module")
def article():
    return load_article(article_path(Settings()))


def test_set_is_large_enough_and_ids_unique(items: list[EvalItem]) -> None:
    assert len(items) >= 60
    assert len({i.id for i in items}) == len(items)
    assert len({i.version for i in items}) == 1


def test_every_category_is_valid_and_present(items: list[EvalItem]) -> None:
    counts = Counter(i.category for i in items)
    assert set(counts) == set(CATEGORIES)
    assert counts["emergency"] >= 5 and counts["personal_advice"] >= 5 and counts["out_of_scope"] >= 5
    assert counts["unanswerable"] >= 8 and counts["multi_turn"] >= 6 and counts["reference_lookup"] >= 6


def test_every_quote_maps_back_to_its_section_in_the_article_text(items: list[EvalItem], article) -> None:
    assert_quotes_map_back(items, article)


def test_statuses_match_categories(items: list[EvalItem]) -> None:
    expected = {"unanswerable": "not_found", "out_of_scope": "out_of_scope", "emergency": "emergency",
                "personal_advice": "personal_advice"}
    for item in items:
        assert item.expected_status == expected.get(item.category, "answered"), item.id
        if item.category == "multi_turn":
            assert item.history and item.history[-1].role == "assistant"


def test_reference_ids_exist_in_the_bibliography(items: list[EvalItem], settings: Settings) -> None:
    assert_reference_ids_known(items, settings)


def test_malformed_lines_raise_eval_error_with_the_line(tmp_path: Path, items: list[EvalItem]) -> None:
    good = json.dumps(items[0].model_dump())
    with pytest.raises(EvalError, match=r":2: not valid JSON"):
        parse_evalset([good, "{oops"], source="x")
    bad = dict(items[0].model_dump(), category="astrology")
    with pytest.raises(EvalError, match=r":1: category"):
        parse_evalset([json.dumps(bad)], source="x")
    with pytest.raises(EvalError, match="duplicate id"):
        parse_evalset([good, good], source="x")
    with pytest.raises(EvalError, match="not found"):
        load_evalset(tmp_path / "missing.jsonl")


def test_limit_spreads_across_categories(items: list[EvalItem]) -> None:
    picked = filter_items(items, limit=12)
    assert len(picked) == 12 and len({i.category for i in picked}) == 12
    assert {i.category for i in filter_items(items, ["emergency"])} == {"emergency"}
    with pytest.raises(EvalError, match="unknown categories"):
        filter_items(items, ["nope"])
