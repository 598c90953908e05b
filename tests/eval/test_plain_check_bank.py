"""The self-written plain check bank (eval/data/plain_check.jsonl): the plainest first-turn questions typed with the
abbreviations people use (pns, sclc, lems, ms, ivig, ct, emg, mri, pet, csf, siadh), "what are the symptoms of pns",
"how is pns treated", "is lems the same as pns", one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall, an
item without a part would be read in neither, a kind missing from the blind part could not show whether a change
generalises to it, and an item without an abbreviation would not measure what the bank is for.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, kinds_of

BANK = Path(__file__).resolve().parents[2] / "eval" / "data" / "plain_check.jsonl"
KINDS = {"symptoms", "treatment", "diagnosis", "cause", "outlook", "what-is", "relation"}
ABBREVIATIONS = {"pns", "sclc", "lems", "ms", "ivig", "ct", "emg", "mri", "pet", "csf", "siadh"}


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    items = load_evalset_v2(BANK)
    assert len(items) >= 60
    assert all(i.required_facts and i.acceptable_statuses == ["answered"] and not i.history for i in items)
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=False)


def test_every_question_is_plain_lowercase_and_types_an_abbreviation() -> None:
    for item in load_evalset_v2(BANK):
        assert item.question == item.question.lower(), item.id
        assert set(re.findall(r"[a-z]+", item.question)) & ABBREVIATIONS, item.id


def test_every_kind_is_in_both_parts() -> None:
    items = load_evalset_v2(BANK)
    for part in ("studied", "blind"):
        assert set(kinds_of(i for i in items if i.part == part)) == KINDS, part


def test_a_third_is_blind_and_the_note_says_which_part() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "plain")
    assert all(i.part in i.id for i in items)
