"""The self-written abbreviation check bank (eval/data/abbreviation_check.jsonl, round 15): abbreviations typed fast
("pns symptoms?", "whats lems", "emg in lems", "pns w/u", "ms or pns"), lay and clinician askers, single and multi-part
asks, follow-ups and two personal asks, one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower key-fact
recall, and a blind part without the kinds the change aims at could not show whether it generalises.
"""

from __future__ import annotations

from bank_shapes import Shape, assert_kinds, assert_loads_with_whole_quotes, assert_parts, items_of

SHAPE = Shape("abbreviation_check", "abbr", 60, "", first_turns=False, askers=True, facts_noted=True,
              part_field=True, kinds=frozenset({"symptoms", "definition", "test", "treatment", "cancer link", "ddx",
                                                "prognosis", "multi part", "follow up", "personal"}))


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    assert_loads_with_whole_quotes(SHAPE)


def test_its_kinds_askers_and_fact_counts_are_as_noted() -> None:
    assert_kinds(SHAPE)


def test_a_third_is_blind_and_the_main_kinds_are_in_both_parts() -> None:
    assert_parts(SHAPE)
    for part in ("studied", "blind"):
        kinds = {i.note.split("kind: ")[1].split(";")[0] for i in items_of(SHAPE.bank) if i.part == part}
        assert {"symptoms", "definition", "test", "treatment", "multi part", "follow up"} <= kinds


def test_every_ask_but_the_personal_ones_must_be_answered_with_its_facts() -> None:
    for item in items_of(SHAPE.bank):
        personal = item.acceptable_statuses == ["personal_advice"]
        assert personal == (not item.required_facts), item.id
        assert "abbreviation" in item.tags
