"""Follow-up bank 3 (self-written, held out): it loads as eval set v2 items, every quote is a whole sentence of the
article, and its shape holds.

Why a test for a data file: the bank is written once, before any change, and only run for before/after numbers;
a quote that drifts from the article would silently lower key-fact recall on every later run.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_quotes_are_whole_sentences

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "followup_check3.jsonl"


def test_bank_3_has_its_planned_shape_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 24 and len({i.conversation_id for i in items}) >= 16
    assert all(i.category == "multi_turn" and i.history for i in items)
    assert sum(i.acceptable_statuses == ["not_found"] and not i.required_facts for i in items) == 4
    for item in items:
        roles = [h.role for h in item.history]
        assert roles == ["user", "assistant"] * (len(roles) // 2), item.id
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
