"""The pooled relevance labels: every bank's human labels, and the judge's few-shot examples drawn only from tuning."""

from __future__ import annotations

import json
from collections import Counter

from benchmarks.judge_rubric import RELEVANCE_SHOTS
from eval.relevance_pool import BANKS, DATA, SEVENTY_FOUR, load_pool


def test_the_pool_holds_every_bank_with_both_labels() -> None:
    pool = load_pool()
    counts = Counter((p.bank, p.helps) for p in pool)
    assert {b for b, _ in counts} == set(BANKS)
    assert all(counts[(b, True)] >= 20 and counts[(b, False)] >= 20 for b in BANKS), counts
    assert sum(p.bank == SEVENTY_FOUR for p in pool) == 74 and len(pool) >= 1200
    assert {"precision_check6", "precision_check7", "precision_check8", "precision_check9"} <= set(BANKS)  # every labelled bank joins
    assert all(p.sentence and not p.sentence.startswith("- ") for p in pool)


def test_bank2_counts_required_facts_as_helpful_and_keeps_the_earlier_questions() -> None:
    items = {i["id"]: i for i in map(json.loads, (DATA / "precision_check2.jsonl").read_text().splitlines())}
    pool = [p for p in load_pool(banks=("precision_check2",))]
    first = next(iter(items.values()))
    quote = first["required_facts"][0]["quote"]
    assert any(p.item_id == first["id"] and p.sentence == quote and p.helps for p in pool)
    followups = [p for p in pool if items[p.item_id]["history"]]
    assert followups and all(p.earlier_questions for p in followups)


def test_the_few_shot_examples_are_verbatim_studied_labels_of_a_tuning_bank() -> None:
    tuning = {(p.question, p.sentence, p.helps) for p in load_pool(banks=("precision_check3",)) if p.part == "studied"}
    assert set(RELEVANCE_SHOTS) <= tuning
    held_out = {(p.question, p.sentence) for p in load_pool(banks=(SEVENTY_FOUR, "precision_check4", "precision_check5"))}
    assert not {(q, s) for q, s, _ in RELEVANCE_SHOTS} & held_out
    assert Counter(h for _, _, h in RELEVANCE_SHOTS) == Counter({True: 2, False: 2})
