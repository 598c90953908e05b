"""The self-written status check bank (eval/data/status_check.jsonl) loads as eval set v2 items, holds about as many
answerable questions (each with a whole article sentence) as on-topic details the article does not give, and keeps a
third blind.

Why a test for a data file: the bank measures answered vs not_found both ways; an unanswerable item carrying facts
would count as answerable, and a quote drifting from the article would silently lower key-fact recall.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "status_check.jsonl"


def test_status_bank_is_balanced_blind_a_third_and_quotes_whole_sentences() -> None:
    items = load_evalset_v2(BANK)
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert len(items) >= 80 and len(answerable) + len(unanswerable) == len(items)
    assert abs(len(answerable) - len(unanswerable)) <= len(items) // 10
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in unanswerable)
    assert not any(i.history for i in items)  # first turns only
    assert len({i.question for i in items}) == len(items)
    assert_a_third_blind(items, "status9")
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
