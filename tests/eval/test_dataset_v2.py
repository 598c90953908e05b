"""Evaluation set v2: what issue 11 asks of it, every quote still in the article, and loud validation."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bank_checks import assert_quotes_map_back, assert_reference_ids_known

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import CATEGORIES_V2, EvalItemV2, load_evalset_v2, parse_evalset_v2
from eval.errors import EvalError
from foundation.settings import Settings


@pytest.fixture(scope="module")
def items() -> list[EvalItemV2]:
    return load_evalset_v2()


@pytest.fixture(scope="module")
def article():
    return load_article(article_path(Settings()))


def _item(**changes: object) -> dict:
    base = {"id": "v2-definition-900", "version": "2.0.0", "category": "definition", "question": "whats pns",
            "history": [], "conversation_id": None, "reference_answer": "A rare disorder.",
            "required_facts": [{"section_id": "introduction", "quote": "Paraneoplastic syndromes are rare"}],
            "acceptable_statuses": ["answered"], "expected_reference_ids": [], "tags": ["lowercase"]}
    return base | changes


def test_the_set_has_what_issue_11_asks(items: list[EvalItemV2]) -> None:
    counts = Counter(i.category for i in items)
    assert len(items) >= 150 and len({i.id for i in items}) == len(items)
    assert len({i.version for i in items}) == 1 and set(counts) == set(CATEGORIES_V2)
    assert counts["emergency"] >= 80
    assert len({i.conversation_id for i in items if i.conversation_id}) >= 25
    tags = Counter(t for i in items for t in i.tags)
    for tag in ("typo", "lowercase", "no_apostrophe", "abbreviation", "misconception", "simple_words", "list",
                "multi_part", "two_sections", "bibliography", "follow_up", "long_message", "non_english"):
        assert tags[tag] > 0, tag


def test_every_required_fact_is_an_exact_substring_of_its_section(items: list[EvalItemV2], article) -> None:
    assert_quotes_map_back(items, article)


def test_reference_ids_exist_in_the_bibliography(items: list[EvalItemV2], settings: Settings) -> None:
    assert_reference_ids_known(items, settings)


def test_conversations_are_whole(items: list[EvalItemV2]) -> None:
    by_conversation: dict[str, list[EvalItemV2]] = {}
    for item in items:
        if item.conversation_id:
            by_conversation.setdefault(item.conversation_id, []).append(item)
    for turns in by_conversation.values():
        firsts = {t.history[0].content for t in turns}
        assert len(firsts) == 1, [t.id for t in turns]  # every turn of a conversation starts the same way


def test_the_v1_vocabulary_reads_v2_items() -> None:
    item = EvalItemV2.model_validate(_item(acceptable_statuses=["answered", "not_found"]))
    assert item.expected_status == "answered" and item.answerable
    assert item.reference_contexts == item.required_facts


@pytest.mark.parametrize(("changes", "message"), [
    ({"category": "astrology"}, r":1: category"),
    ({"acceptable_statuses": ["maybe"]}, r":1: acceptable_statuses.0"),
    ({"acceptable_statuses": []}, r":1: acceptable_statuses"),
    ({"tags": ["spicy"]}, r":1: tags.0"),
    ({"category": "emergency", "acceptable_statuses": ["answered"]}, "emergency items accept exactly"),
    ({"category": "multi_turn"}, "multi_turn items need a history"),
    ({"history": [{"role": "user", "content": "hi"}]}, "only multi_turn items"),
    ({"required_facts": []}, "need required_facts or expected_reference_ids"),
    ({"category": "bibliography"}, "bibliography items need expected_reference_ids"),
    ({"version": "1.0.0"}, r":1: version"),
    ({"surprise": 1}, r":1: surprise"),
])
def test_malformed_items_name_the_line_and_the_problem(changes: dict, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        parse_evalset_v2([json.dumps(_item(**changes))], source="x")


def test_malformed_files_name_the_line(tmp_path: Path) -> None:
    good = json.dumps(_item())
    with pytest.raises(EvalError, match=r"x:3: not valid JSON"):
        parse_evalset_v2([good, "", "{oops"], source="x")
    with pytest.raises(EvalError, match="duplicate id"):
        parse_evalset_v2([good, good], source="x")
    with pytest.raises(EvalError, match="not found"):
        load_evalset_v2(tmp_path / "missing.jsonl")
    (tmp_path / "latin1.jsonl").write_bytes(b"\xe9\xff")
    with pytest.raises(EvalError, match="not UTF-8"):
        load_evalset_v2(tmp_path / "latin1.jsonl")
