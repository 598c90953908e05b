"""The self-written unanswerable bank (eval/data/unanswerable_check.jsonl, scored by benchmarks/unanswerable_check.py)
loads as eval set v2 items, holds both kinds, keeps a third blind and quotes whole article sentences.

Why a test for a data file: its refusal rates are reported per part; a quote drifting from the article would silently
lower key-fact recall, and an unanswerable item carrying facts would count as answerable.
"""

from __future__ import annotations

from bank_checks import assert_quotes_are_whole_sentences

from benchmarks.unanswerable_check import BANK, bank_items, confusion
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings


def test_the_bank_has_both_kinds_a_blind_third_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK)
    answerable = [i for i in items if i.acceptable_statuses == ["answered"]]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert len(answerable) >= 40 and len(unanswerable) >= 40 and len(answerable) + len(unanswerable) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in unanswerable)
    assert not any(i.history for i in items)  # first turns only
    blind = [i for i in items if i.part == "blind"]
    assert all(i.part in ("studied", "blind") for i in items) and abs(len(blind) * 3 - len(items)) <= 3
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_the_scorer_tells_the_wrong_refusal_from_an_answer() -> None:
    bank = bank_items()
    no = [i for i, row in bank.items() if row["part"] == "studied" and row["acceptable_statuses"] == ["not_found"]]
    yes = next(i for i, row in bank.items() if row["part"] == "studied" and "answered" in row["acceptable_statuses"])
    rows = [{"id": no[0], "status": "out_of_scope"}, {"id": no[1], "status": "answered"},
            {"id": yes, "status": "out_of_scope"}]
    studied = confusion(rows, bank)["studied"]
    assert studied == {"unanswerable_answered": 0.5, "unanswerable_out_of_scope": 0.5, "answerable_out_of_scope": 1.0,
                       "off_topic_out_of_scope": None}
    assert confusion(rows, bank)["blind"]["unanswerable_answered"] is None
