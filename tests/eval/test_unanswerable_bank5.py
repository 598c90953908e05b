"""The fifth self-written unanswerable bank (eval/data/unanswerable_check5.jsonl, scored by
benchmarks/unanswerable_check.py --bank) loads as eval set v2 items, pairs its on-topic unanswerable asks (names,
figures and details the article never gives) with answerable look-alikes and off-topic asks, keeps a third blind and
quotes whole article sentences.

Why a test for a data file: the bank measures abstention in both directions; an unanswerable item carrying facts, too
few look-alikes, or a quote drifting from the article would hide a change that simply refuses more.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, kinds_of

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK5 = Path(__file__).resolve().parents[2] / "eval" / "data" / "unanswerable_check5.jsonl"


def test_bank5_has_look_alikes_unanswerable_and_off_topic_asks_a_blind_third_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK5)
    answerable = [i for i in items if i.acceptable_statuses == ["answered"]]
    unanswerable = [i for i in items if i.acceptable_statuses == ["not_found"]]
    off_topic = [i for i in items if i.acceptable_statuses == ["out_of_scope"]]
    assert len(items) >= 40 and len(answerable) >= 12 and len(unanswerable) >= 25 and len(off_topic) >= 5
    assert len(answerable) + len(unanswerable) + len(off_topic) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in items if i not in answerable)
    assert not any(i.history for i in items)  # first turns only
    for part in ("blind", "studied"):  # both directions are measured in each part
        mine = [i for i in items if i.part == part]
        assert {s for i in mine for s in i.acceptable_statuses} == {"answered", "not_found", "out_of_scope"}
    kinds = kinds_of(items)
    assert kinds["names it never gives"] >= 5 and kinds["figures"] >= 4 and kinds["named antibody"] >= 3
    assert sum(n for k, n in kinds.items() if k.startswith("answerable look-alike")) == len(answerable)
    assert_a_third_blind(items, "unanswerable5")
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
