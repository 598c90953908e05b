"""Held-out bank 3: it loads as eval set v2 items, every quote is still in the article, and its shape holds.

Why a test for a data file: the bank is written once, before any tuning, and only run for before/after numbers.
A quote that drifts from the article (a cleaner change, a curly apostrophe) would silently lower key-fact recall
on every later run, so the drift must fail here instead.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bank_checks import assert_quotes_are_whole_sentences, assert_reference_ids_known

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import EvalItemV2, load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "holdout3.jsonl"
NOTE = "self-written held-out bank 3 (not eval set v2)"


@pytest.fixture(scope="module")
def items() -> list[EvalItemV2]:
    return load_evalset_v2(BANK)


@pytest.fixture(scope="module")
def article():
    return load_article(article_path(Settings()))


def test_the_bank_has_the_planned_composition(items: list[EvalItemV2]) -> None:
    assert all(i.id.startswith("h3-") and (i.note or "").startswith(NOTE) for i in items)
    first_turn = [i for i in items if not i.history and i.id.split("-")[1] not in ("hard", "emergency")]
    answerable = [i for i in first_turn if i.acceptable_statuses == ["answered"] and i.category != "bibliography"]
    assert len(answerable) == 60
    follow_ups = [i for i in items if i.category == "multi_turn"]
    assert len(follow_ups) == 25 and len({i.conversation_id for i in follow_ups}) == 15
    assert sum(i.acceptable_statuses == ["not_found"] for i in follow_ups) == 2
    counts = Counter(i.category for i in items)
    assert counts["emergency"] == 40 and counts["bibliography"] == 10 and counts["non_english"] == 5
    hard = [i for i in items if i.id.startswith("h3-hard-")]
    assert len(hard) == 40 and not any("emergency" in i.acceptable_statuses for i in hard)
    assert len(items) == 180


def test_every_required_fact_is_a_whole_sentence_of_its_section(items: list[EvalItemV2], article) -> None:
    assert_quotes_are_whole_sentences(items, article)


def test_reference_ids_exist_in_the_bibliography(items: list[EvalItemV2], settings: Settings) -> None:
    assert_reference_ids_known(items, settings)


def test_conversations_are_whole_and_alternate(items: list[EvalItemV2]) -> None:
    by_conversation: dict[str, list[EvalItemV2]] = {}
    for item in items:
        if item.conversation_id:
            by_conversation.setdefault(item.conversation_id, []).append(item)
    for turns in by_conversation.values():
        assert len({t.history[0].content for t in turns}) == 1, [t.id for t in turns]
        for turn in turns:
            roles = [h.role for h in turn.history]
            assert roles == ["user", "assistant"] * (len(roles) // 2), turn.id
        later = sorted(turns, key=lambda t: len(t.history))
        for earlier, nxt in zip(later, later[1:]):  # a later turn carries the earlier follow-up verbatim
            assert nxt.history[len(earlier.history)].content == earlier.question, nxt.id
