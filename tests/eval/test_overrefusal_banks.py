"""The self-written over-refusal banks 2 (symptoms), 3 (plain-language asks, round 10), 4 (other cancers, which
doctor, asks worded unlike the article, round 12) and 5 (asks beside the edge of what the article says, round 13) (eval/data/overrefusal_check{2,3,4}.jsonl, scored by
`benchmarks.overrefusal_check --bank=...`) load as eval set v2 items, hold their planned kinds, keep a third blind and
quote whole article sentences.

Why a test for a data file: its false- and correct-refusal rates are reported per part; a quote drifting from the
article would silently lower key-fact recall, and a control carrying a fact would count as answerable.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from benchmarks.overrefusal_check import bank_items, summarise
from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"
# bank, id prefix, least answerable asks, least controls (`not_found` only), least blind controls
BANKS = [pytest.param(DATA / "overrefusal_check2.jsonl", "overref2", 45, 18, 5, id="bank2"),
         pytest.param(DATA / "overrefusal_check3.jsonl", "overref3", 50, 22, 7, id="bank3"),
         pytest.param(DATA / "overrefusal_check4.jsonl", "overref4", 30, 15, 5, id="bank4"),
         pytest.param(DATA / "overrefusal_check5.jsonl", "overref5", 30, 15, 5, id="bank5")]


@pytest.mark.parametrize(("bank", "prefix", "answerable_min", "controls_min", "blind_controls_min"), BANKS)
def test_the_bank_has_its_planned_kinds_and_whole_sentence_quotes(bank: Path, prefix: str, answerable_min: int,
                                                                  controls_min: int, blind_controls_min: int) -> None:
    items = load_evalset_v2(bank)
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    controls = [i for i in items if i.acceptable_statuses == ["not_found"]]
    assert len(answerable) >= answerable_min and len(controls) >= controls_min
    assert len(answerable) + len(controls) == len(items)
    assert all(i.required_facts for i in answerable) and not any(i.required_facts for i in controls)
    assert not any(i.history for i in items)  # first turns only
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)
    assert not any("\n" in f.quote for i in items for f in i.required_facts)  # one line: no next bullet joined on


@pytest.mark.parametrize(("bank", "prefix", "answerable_min", "controls_min", "blind_controls_min"), BANKS)
def test_a_third_is_blind_in_both_kinds(bank: Path, prefix: str, answerable_min: int, controls_min: int,
                                        blind_controls_min: int) -> None:
    items = load_evalset_v2(bank)
    assert_a_third_blind(items, prefix)
    assert all(i.part == ("blind" if "-blind-" in i.id else "studied") for i in items)
    blind_controls = [i for i in items if i.part == "blind" and i.acceptable_statuses == ["not_found"]]
    assert len(blind_controls) >= blind_controls_min


@pytest.mark.parametrize("bank", [p.values[0] for p in BANKS])
def test_the_scorer_reads_this_bank(bank: Path) -> None:
    items = bank_items(bank)
    control = next(i for i, row in items.items() if row["acceptable_statuses"] == ["not_found"])
    rows = [{"id": control, "status": "answered", "status_ok": False, "scores": {}}]
    part = items[control]["part"]
    assert summarise(rows, items)[part]["correct_refusal_rate"] == 0.0
