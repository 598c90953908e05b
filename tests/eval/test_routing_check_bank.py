"""The self-written routing check bank (eval/data/routing_check.jsonl): article questions that use a bibliography
word, real bibliography questions, kinds/types/all/list wording, and definitions with typos; one third blind.

Why: its before/after numbers are read per part and per kind; a quote drifting from the article or an unknown
reference id would silently lower a number, and an item without a part or a kind would be read in neither.
"""

from __future__ import annotations

from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_quotes_are_whole_sentences, assert_reference_ids_known

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "routing_check.jsonl"
KINDS = {"bib-word", "bibliography", "list-word-single", "list-whole", "definition-typo"}


def test_the_bank_loads_with_whole_quotes_and_known_references() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 50
    article = load_article(article_path(Settings()))
    assert_quotes_are_whole_sentences([i for i in items if i.required_facts], article)
    assert_reference_ids_known([i for i in items if i.expected_reference_ids], Settings())
    for item in items:  # a bibliography question names its entries; every other item its article sentences
        assert bool(item.expected_reference_ids) == (item.category == "bibliography") != bool(item.required_facts)


def test_a_third_is_blind_and_every_note_names_its_kind_and_part() -> None:
    items = load_evalset_v2(BANK)
    blind = [i for i in items if i.id.startswith("routing-blind-")]
    assert len(blind) + len([i for i in items if i.id.startswith("routing-studied-")]) == len(items)
    assert abs(len(blind) - len(items) / 3) <= 1
    for item in items:
        note = item.note or ""
        assert f"part: {'blind' if item in blind else 'studied'}" in note
        assert note.split("kind: ")[1].split(";")[0] in KINDS
