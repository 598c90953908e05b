"""The fourth self-written unanswerable bank (eval/data/unanswerable_check4.jsonl, scored by
benchmarks/unanswerable_check.py --bank) loads as eval set v2 items, holds answerable controls written the same way as
its on-topic unanswerable asks and off-topic ones, keeps a third blind and quotes whole article sentences.

Why a test for a data file: the bank measures abstention in both directions, so an unanswerable item carrying facts,
too few controls, or a quote drifting from the article would hide a change that simply refuses more.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, kinds_of

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK4 = Path(__file__).resolve().parents[2] / "eval" / "data" / "unanswerable_check4.jsonl"


def test_bank4_has_controls_unanswerable_and_off_topic_asks_a_blind_third_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK4)
    answerable = [i for i in items if i.acceptable_statuses == ["answered"]]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    off_topic = [i for i in items if i.acceptable_statuses == ["out_of_scope"]]
    assert len(items) >= 45 and len(answerable) >= 15 and len(unanswerable) >= 25 and len(off_topic) >= 5
    assert len(answerable) + len(unanswerable) + len(off_topic) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in items if i not in answerable)
    assert not any(i.history for i in items)  # first turns only
    for part in ("blind", "studied"):  # both directions are measured in each part
        mine = [i for i in items if f"part: {part}" in (i.note or "")]
        assert {s for i in mine for s in i.acceptable_statuses} == {"answered", "not_found", "out_of_scope"}
    kinds = kinds_of(items)
    assert kinds["bare phrase"] >= 3 and kinds["answerable look-alike (bare phrase)"] >= 3
    assert kinds["figures"] >= 5 and kinds["answerable look-alike (named condition)"] >= 3
    assert_a_third_blind(items, "unanswerable4")
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
