"""The self-written key-fact check bank 3 (eval/data/keyfact_check3.jsonl): hurried single-topic first-turn
questions, every section of the article asked, every quote a whole unit of its section, one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall,
and an item without a part would be read in neither.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check3.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 55
    assert all(i.required_facts and i.acceptable_statuses == ["answered"] and not i.history for i in items)
    article = load_article(article_path(Settings()))
    assert_quotes_are_whole_sentences(items, article)
    asked = {f.section_id.split("/")[0] for i in items for f in i.required_facts}
    tops = {s.id.split("/")[0] for s in article.sections}
    assert tops - asked <= {"introduction"} | {t for t in tops if "takeaway" in t}  # every part of the article asked


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    assert_a_third_blind(load_evalset_v2(BANK), "keyfact3")
