"""The self-written clinician check bank (eval/data/clinician_check.jsonl): terse clinician shorthand ("LEMS tx
options", "CSF findings in PNS", "source for the Trousseau claim"), eight kinds, one third blind.

Why: its before/after numbers are read per part; a quote drifting from the article would silently lower recall, a
reference id no entry has would make a source ask unanswerable, and a kind missing from the blind part could not show
whether a change generalises to it.
"""

from __future__ import annotations

from bank_checks import assert_reference_ids_known
from bank_shapes import Shape, assert_kinds, assert_loads_with_whole_quotes, assert_parts, items_of
from foundation.settings import Settings

SHAPE = Shape("clinician_check", "clin", 60, "", one_sentence=True, kind_least=8, facts_noted=True,
              part_field=True, kinds_in_parts=True, kinds=frozenset({"workup", "treatment", "test role", "findings", "ddx",
                                                "named syndrome", "outcome", "source"}))


def test_the_bank_loads_and_its_quotes_are_whole_article_sentences() -> None:
    assert_loads_with_whole_quotes(SHAPE)


def test_every_kind_is_asked_eight_times_and_each_note_counts_its_facts() -> None:
    assert_kinds(SHAPE)


def test_a_third_is_blind_and_every_kind_is_in_both_parts() -> None:
    assert_parts(SHAPE)


def test_source_asks_name_real_entries_and_the_others_name_article_sentences() -> None:
    items = items_of(SHAPE.bank)
    sources = [i for i in items if i.category == "bibliography"]
    assert len(sources) == 8 and all(i.expected_reference_ids and not i.required_facts for i in sources)
    assert all(i.required_facts and i.acceptable_statuses == ["answered"] for i in items if i not in sources)
    assert_reference_ids_known(sources, Settings())
