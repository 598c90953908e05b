"""The self-written key-fact check bank 7 (eval/data/keyfact_check7.jsonl): first-turn lay and clinician questions
over every section of the article (definition, mechanism, each syndrome family, symptoms, cancers and risk, each
test, each treatment, follow-up, who treats it, prognosis, regions, research), a quarter of them needing two or
more article sentences (a sentence and its neighbour, or a lead-in and its list), one third blind.

Why: its before/after numbers measure whether the composer shows the sentence(s) that actually answer instead of
a summary line; a quote drifting from the article would silently lower recall, and an item without a part would
be read in neither part.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "keyfact_check7.jsonl"
KINDS = {"definition", "mechanism", "syndrome", "symptom", "cancer", "test", "treatment", "followup", "team",
         "prognosis", "region", "research"}


def test_the_bank_loads_and_every_item_needs_whole_article_sentences() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(not i.history and i.required_facts and "answered" in i.acceptable_statuses for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


def test_every_section_family_is_asked_and_some_need_several_sentences() -> None:
    items = load_evalset_v2(BANK)
    kinds = kinds_of(items)
    assert set(kinds) == KINDS and min(kinds.values()) >= 2
    assert sum(len(i.required_facts) >= 2 for i in items) >= 15
    assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)
    assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    assert_typed_in_a_hurry(items)


def test_a_third_is_blind_and_the_part_field_agrees_with_the_id() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "kf11")
    assert all(i.part and f"-{i.part}-" in i.id for i in items)
