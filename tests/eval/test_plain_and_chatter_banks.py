"""The self-written plain and chatter check banks, one third blind each: eval/data/plain_check.jsonl (the plainest
first-turn questions typed with the abbreviations people use: "what are the symptoms of pns", "how is pns treated",
"is lems the same as pns") and eval/data/chatter_check.jsonl (plain first-turn questions wrapped in greetings,
apologies, who-told-me clauses, a clause naming the topic with a question pointing back at it, "asking for my mum",
"quick question -", a trailing "i read about it online" and filler words).

Why: their before/after numbers are read per part; a quote drifting from the article would silently lower recall, an
item without a part would be read in neither, and a kind missing from the blind part could not show whether a change
generalises to it. One row per bank (bank_shapes.Shape); the plain bank's abbreviation rule is a named test.
"""

from __future__ import annotations

import re

import pytest
from bank_shapes import Shape, assert_kinds, assert_loads_with_whole_quotes, assert_parts, items_of

FIRST_TURNS = {"statuses": "only answered", "part_field": True, "kinds_in_parts": True}
BANKS = [
    Shape("plain_check", "plain", 60, kinds=frozenset({"symptoms", "treatment", "diagnosis", "cause", "outlook",
                                                      "what-is", "relation"}), **FIRST_TURNS),
    Shape("chatter_check", "chatter", 60, kinds=frozenset({"greeting", "apology", "who-told-me", "pointer",
                                                          "for-someone", "quick-question", "read-online", "filler"}),
          **FIRST_TURNS),
]
ABBREVIATIONS = {"pns", "sclc", "lems", "ms", "ivig", "ct", "emg", "mri", "pet", "csf", "siadh"}


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_loads_and_its_quotes_are_whole_article_units(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_it_asks_exactly_the_planned_kinds(shape: Shape) -> None:
    assert_kinds(shape)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_a_third_is_blind_marked_in_id_note_and_part_and_every_kind_is_in_both_parts(shape: Shape) -> None:
    assert_parts(shape)


def test_every_plain_question_is_lowercase_and_types_an_abbreviation() -> None:
    for item in items_of("plain_check"):
        assert item.question == item.question.lower(), item.id
        assert set(re.findall(r"[a-z]+", item.question)) & ABBREVIATIONS, item.id
