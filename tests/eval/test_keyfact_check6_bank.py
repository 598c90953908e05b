"""The self-written key-fact check bank 6 (eval/data/keyfact_check6.jsonl): first-turn lay and clinician questions
whose answer needs one specific article sentence (outlook, untreated course, who treats it, causes and mechanism,
named syndromes, symptoms, tests, treatment, research), every quote a whole unit of its section, one third blind.

Why: its before/after numbers measure which sentences the composer chooses and shows; a quote drifting from the
article would silently lower recall, and an item without a part would be read in neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check6.jsonl"
KINDS = {"untreated", "outlook", "specialist", "cause", "syndrome", "symptom", "test", "treatment", "research",
         "definition"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 72
    assert all(not i.history and i.required_facts and "answered" in i.acceptable_statuses for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_many_kinds_are_asked_by_lay_people_and_clinicians_typing_in_a_hurry() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 3
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf9")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
