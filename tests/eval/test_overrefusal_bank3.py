"""The self-written plain-language over-refusal bank 3 (eval/data/overrefusal_check3.jsonl, scored by
`benchmarks.overrefusal_check --bank=...`) loads as eval set v2 items, holds its planned kinds, keeps a third blind
and quotes whole article sentences.

Why a test for a data file: its false- and correct-refusal rates are reported per part; a quote drifting from the
article would silently lower key-fact recall, and a control carrying a fact would count as answerable.
"""

from __future__ import annotations

from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.overrefusal_check import bank_items, summarise
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "overrefusal_check3.jsonl"


def test_the_bank_has_its_planned_kinds_and_whole_sentence_quotes() -> None:
    items = load_evalset_v2(BANK)
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    controls = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert len(answerable) >= 50 and len(controls) >= 22 and len(answerable) + len(controls) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in controls)
    assert not any(i.history for i in items)  # first turns only
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    assert not any("\n" in f.quote for i in items for f in i.required_facts)  # one line: no next bullet joined on


def test_a_third_is_blind_in_both_kinds() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "overref3")
    assert all(i.part == ("blind" if "-blind-" in i.id else "studied") for i in items)
    blind_controls = [i for i in items if i.part == "blind" and i.acceptable_statuses == ["not_found"]]
    assert len(blind_controls) >= 7


def test_the_scorer_reads_this_bank() -> None:
    bank = bank_items(BANK)
    control = next(i for i, row in bank.items() if row["acceptable_statuses"] == ["not_found"])
    rows = [{"id": control, "status": "answered", "status_ok": False, "scores": {}}]
    part = bank[control]["part"]
    assert summarise(rows, bank)[part]["correct_refusal_rate"] == 0.0
