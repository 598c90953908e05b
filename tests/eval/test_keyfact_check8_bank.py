"""The self-written key-fact check bank 8 (eval/data/keyfact_check8.jsonl): first-turn asks whose answer is one or
two particular article sentences that a summary line does not carry: outlook and what it depends on, which test or
who examines, whether symptoms last after the cancer is treated, how common it is and where, "difference between X
and Y" (a sentence for each side) and the signs of a named syndrome; one third blind.

Why: its before/after numbers measure whether the composer shows the sentence(s) that actually answer (both sides
of a comparison, the bullet that names the syndrome); a quote drifting from the article would silently lower recall,
and an item without a part would be read in neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check8.jsonl"
KINDS = {"prognosis", "test", "specialist", "persistence", "prevalence", "difference", "signs", "treatment"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history and i.required_facts and i.acceptable_statuses == ["answered"] for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_every_kind_is_asked_and_each_difference_names_both_sides() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 3
    differences = [i for i in items if "kind: difference" in (i.note or "")]
    assert sum(len(i.required_facts) == 2 for i in differences) >= len(differences) - 1
    assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf13")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
    assert {"studied", "blind"} == {i.part for i in items}
