"""The self-written claims first-turn bank loads as eval set v2 items, its quotes are whole article sentences, and
half of it is the blind part (eval/data/claims_check.jsonl, scored per part by benchmarks/hurried_check.py).

Why: its before/after numbers are reported per part; a quote drifting from the article would silently lower
key-fact recall, and an id outside the two parts would be counted in neither.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.hurried_check import PARTS, part_of
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "claims_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 40 and all(i.id.startswith("claims-") and not i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())))


def test_half_is_blind_and_each_part_holds_both_kinds() -> None:
    items = load_evalset_v2(BANK)
    parts = [part_of(i.id) for i in items]
    assert set(parts) == set(PARTS) and parts.count("blind") * 2 == len(items)
    for part in PARTS:
        mine = [i for i in items if part_of(i.id) == part]
        unanswerable = [i for i in mine if i.acceptable_statuses == ["not_found"]]
        assert all(not i.required_facts for i in unanswerable)
        assert all(i.required_facts and "answered" in i.acceptable_statuses for i in mine if i not in unanswerable)
        assert abs(len(unanswerable) * 2 - len(mine)) <= 2, part
