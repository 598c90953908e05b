"""The evaluation set is only useful if every item still matches the article it was written from."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from corpus.article import load_article
from eval.errors import EvalError
from foundation.settings import Settings
from eval.dataset import CATEGORIES, EvalItem, filter_items, load_evalset, parse_evalset, quote_spans
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


def test_every_quote_is_an_exact_substring_of_its_section(items: list[EvalItem], article) -> None:
    by_id = {s.id: s.text for s in article.sections}
    for item in items:
        for ctx in item.reference_contexts:
            assert ctx.section_id in by_id, (item.id, ctx.section_id)
            assert ctx.quote in by_id[ctx.section_id], (item.id, ctx.quote)


def test_quote_spans_point_into_the_article_text(items: list[EvalItem], article) -> None:
    for item in items:
        for ctx, (start, end) in zip(item.reference_contexts, quote_spans(item, article), strict=True):
            assert article.text[start:end] == ctx.quote


def test_statuses_match_categories(items: list[EvalItem]) -> None:
    expected = {"unanswerable": "not_found", "out_of_scope": "out_of_scope", "emergency": "emergency",
                "personal_advice": "personal_advice"}
    for item in items:
        assert item.expected_status == expected.get(item.category, "answered"), item.id
        if item.category == "multi_turn":
            assert item.history and item.history[-1].role == "assistant"


def test_reference_ids_match_the_bibliography_when_it_exists(items: list[EvalItem], settings: Settings) -> None:
    bibliography = pytest.importorskip("corpus.bibliography")
    known = {r.id for r in bibliography.load_references(settings)}
    for item in items:
        assert set(item.expected_reference_ids) <= known, (item.id, item.expected_reference_ids)


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
