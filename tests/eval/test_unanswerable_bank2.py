"""The second self-written unanswerable bank (eval/data/unanswerable_check2.jsonl, scored by
benchmarks/unanswerable_check.py --bank) loads as eval set v2 items, holds answerable look-alikes, on-topic asks the
article does not answer and off-topic ones, keeps a third blind and quotes whole article sentences.

Why a test for a data file: its refusal rates are reported per part and per kind of refusal; an unanswerable item
carrying facts would count as answerable, and a quote drifting from the article would silently lower key-fact recall.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.unanswerable_check import arguments, bank_items, confusion
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK2 = Path(__file__).resolve().parents[2] / "eval" / "data" / "unanswerable_check2.jsonl"


def test_bank2_has_the_three_kinds_a_blind_third_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK2)
    answerable = [i for i in items if i.acceptable_statuses == ["answered"]]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    off_topic = [i for i in items if i.acceptable_statuses == ["out_of_scope"]]
    assert len(items) >= 70 and len(answerable) >= 35 and len(unanswerable) >= 35 and len(off_topic) >= 5
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in items if i not in answerable)
    assert not any(i.history for i in items)  # first turns only
    assert_a_third_blind(items, "unanswerable2")
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_the_scorer_reads_bank2_and_counts_off_topic_refusals() -> None:
    runs, path = arguments(["BEFORE", "--bank", str(BANK2), "AFTER", "--rows"])
    assert runs == ["BEFORE", "AFTER"] and path == BANK2
    bank = bank_items(path)
    off = [i for i, row in bank.items() if row["part"] == "studied" and row["acceptable_statuses"] == ["out_of_scope"]]
    rows = [{"id": off[0], "status": "out_of_scope"}, {"id": off[1], "status": "not_found"}]
    assert confusion(rows, bank)["studied"]["off_topic_out_of_scope"] == 0.5
    assert confusion(rows, bank)["blind"]["off_topic_out_of_scope"] is None
