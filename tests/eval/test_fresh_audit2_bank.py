"""The second fresh audit bank (eval/data/fresh_audit2.jsonl): 121 questions written from the article alone, before
reading any code, in the proportions of eval set v2 (first turns of every kind, follow-up conversations, emergencies
buried in chatter and their look-alikes, personal advice, bibliography, on-topic asks the article does not answer,
other languages), half blind.

Why: it is the team's estimate of an unseen set, read per part; a quote drifting from the article would silently
lower recall, an unknown reference id would make a source ask unanswerable, and a conversation split across the
parts would let a studied turn show a blind turn's history.
"""

from __future__ import annotations

from bank_checks import assert_reference_ids_known
from bank_shapes import Shape, assert_conversations_whole, assert_loads_with_whole_quotes, assert_parts, items_of
from foundation.settings import Settings

SHAPE = Shape("fresh_audit2", "fresh2", 120, "", first_turns=False, blind="half", part_field=True)


def test_the_bank_loads_and_its_quotes_are_whole_article_units() -> None:
    assert_loads_with_whole_quotes(SHAPE)


def test_half_is_blind_and_each_conversation_sits_in_one_part() -> None:
    assert_parts(SHAPE)
    assert_conversations_whole(items_of(SHAPE.bank))


def test_every_category_is_in_both_parts() -> None:
    items = items_of(SHAPE.bank)
    assert {i.category for i in items if i.part == "blind"} == {i.category for i in items if i.part == "studied"}


def test_answerable_items_name_facts_or_references_and_the_references_exist() -> None:
    items = items_of(SHAPE.bank)
    assert all(i.required_facts or i.expected_reference_ids for i in items if i.acceptable_statuses[0] == "answered")
    assert not any(i.required_facts for i in items if "answered" not in i.acceptable_statuses)
    assert_reference_ids_known(items, Settings())
