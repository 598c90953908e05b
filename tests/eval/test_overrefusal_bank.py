"""The self-written over-refusal bank (eval/data/overrefusal_check.jsonl, scored by benchmarks/overrefusal_check.py)
loads as eval set v2 items, holds its planned kinds, keeps a third blind and quotes whole article sentences.

Why a test for a data file: its false- and correct-refusal rates are reported per part; a quote drifting from the
article would silently lower key-fact recall, and a conversation split across parts would leak the blind part.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_quotes_are_whole_sentences

from benchmarks.overrefusal_check import bank_items, summarise
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "overrefusal_check.jsonl"


def test_the_bank_has_its_planned_kinds_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK)
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert len(answerable) >= 40 and len(unanswerable) >= 30 and len(answerable) + len(unanswerable) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in unanswerable)
    assert sum(bool(i.history) for i in answerable) >= 10  # follow-up turns inside short conversations
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_a_third_is_blind_and_conversations_stay_whole() -> None:
    items = load_evalset_v2(BANK)
    blind = [i for i in items if i.part == "blind"]
    assert all(i.part in ("studied", "blind") for i in items)
    assert abs(len(blind) * 3 - len(items)) <= 6
    conversations = {i.conversation_id for i in items if i.conversation_id}
    assert all(len({i.part for i in items if i.conversation_id == c}) == 1 for c in conversations)


def test_the_scorer_counts_refusals_per_part() -> None:
    bank = bank_items()
    studied = [i for i, row in bank.items() if row["part"] == "studied"]
    yes = next(i for i in studied if "answered" in bank[i]["acceptable_statuses"])
    no = next(i for i in studied if bank[i]["acceptable_statuses"] == ["not_found"])
    rows = [{"id": yes, "status": "not_found", "status_ok": False, "scores": {"key_fact_recall": 0.0}},
            {"id": no, "status": "not_found", "status_ok": True, "scores": {}}]
    result = summarise(rows, bank)["studied"]
    assert result["false_refusal_rate"] == 1.0 and result["correct_refusal_rate"] == 1.0
    assert result["status_accuracy"] == 0.5 and summarise(rows, bank)["blind"]["false_refusal_rate"] is None
