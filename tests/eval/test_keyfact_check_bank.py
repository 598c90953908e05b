"""The self-written key-fact check bank (eval/data/keyfact_check.jsonl) loads as eval set v2 items, every quote
maps back to its own place in the article, and it is split into a studied and a blind half.

Why: its before/after key-fact recall is read per half; a quote drifting from the article would silently lower
recall, and an item without a part would be read in neither half.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_quotes_are_whole_sentences

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check.jsonl"


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 50
    assert all(i.required_facts and i.acceptable_statuses == ["answered"] for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_about_half_is_blind_and_the_note_says_which_part() -> None:
    items = load_evalset_v2(BANK)
    blind = [i for i in items if i.id.startswith("keyfact-blind-")]
    studied = [i for i in items if i.id.startswith("keyfact-studied-")]
    assert len(blind) + len(studied) == len(items)
    assert abs(len(blind) - len(studied)) <= 1
    assert all(f"part: {'blind' if i in blind else 'studied'}" in (i.note or "") for i in items)
