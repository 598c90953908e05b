"""The follow-up content bank (self-written, held out): every turn is an answerable follow-up with required facts
that are whole sentences of the article, and a third of its turns, whole conversations, are marked blind.

Why a test for a data file: the bank measures which sentences an answered follow-up shows (key-fact recall, quotes
per answer, required share); a quote that drifts from the article would silently lower those numbers, and a blind
part that loses its mark, or splits a conversation, would be studied by the next round.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "followup_content_check.jsonl"


def test_bank_is_answerable_follow_ups_with_whole_sentence_facts_and_a_blind_third() -> None:
    items = load_evalset_v2(BANK)
    conversations = {i.conversation_id for i in items}
    assert len(items) >= 50 and len(conversations) >= 25
    assert all(i.category == "multi_turn" and i.acceptable_statuses == ["answered"] and i.required_facts
               for i in items)
    for item in items:
        roles = [h.role for h in item.history]
        assert roles == ["user", "assistant"] * (len(roles) // 2) and roles, item.id
        assert item.part in item.id
    assert_a_third_blind(items, "fucontent")
    assert all(len({i.part for i in items if i.conversation_id == c}) == 1 for c in conversations)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
