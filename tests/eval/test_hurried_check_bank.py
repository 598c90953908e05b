"""The self-written hurried first-turn bank loads as eval set v2 items, its quotes are in the article, and about a
third of it is the blind part (eval/data/hurried_check.jsonl, benchmarks/hurried_check.py).

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
from bank_checks import assert_quotes_map_back

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "hurried_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_in_the_article() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60 and all(i.id.startswith("hurried-") and not i.history for i in items)
    assert_quotes_map_back(items, load_article(article_path(Settings())))


def test_every_item_is_in_one_part_and_the_blind_part_is_about_a_third() -> None:
    items = load_evalset_v2(BANK)
    parts = [part_of(i.id) for i in items]
    assert set(parts) == set(PARTS)
    assert 0.3 <= parts.count("blind") / len(items) <= 0.4


def test_the_classes_the_bank_covers_are_each_present_in_both_parts() -> None:
    items = load_evalset_v2(BANK)
    for part in PARTS:
        kinds = {i.category for i in items if part_of(i.id) == part}
        assert {"prognosis", "unanswerable", "personal_advice", "treatment", "misconception"} <= kinds, part
