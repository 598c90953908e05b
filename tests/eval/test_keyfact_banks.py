"""The self-written key-fact check banks (eval/data/keyfact_check*.jsonl, described in eval/data/README.md): each
loads as eval set v2 items, every quote is a whole unit (or sentence) of the article, each planned kind of question
is asked, and its blind part is as large and as marked as planned.

Why: their before/after key-fact recall is read per part and per kind; a quote drifting from the article would
silently lower recall, and an item without a part or a kind would be read in neither. One row per bank
(bank_shapes.Shape); what only one bank plans is a named test below the table.
"""

from __future__ import annotations

import pytest
from bank_shapes import Shape, article, assert_kinds, assert_loads_with_whole_quotes, assert_parts, items_of

LAY_AND_CLINICIAN = {"hurried": True, "askers": True, "part_field": True}
BANKS = [
    Shape("keyfact_check", "keyfact", 50, "only answered", first_turns=False, one_sentence=True, blind="half"),
    Shape("keyfact_check3", "keyfact3", 55, "only answered"),
    Shape("keyfact_check4", "keyfact4", 60, "answerable", hurried=True, kind_least=5, kinds=frozenset({
        "test meaning", "prognosis", "cause", "who treats", "first signs", "does x help", "how long", "simple words"})),
    Shape("keyfact_check5", "lay8", 60, "facts or not_found", hurried=True, part_field=True, kind_least=5,
          kinds=frozenset({"outlook", "survival", "cure", "heredity", "contagion", "prevention", "untreated",
                           "specialist", "cost/access", "recurrence", "living with it", "children"})),
    Shape("keyfact_check6", "kf9", 72, "answerable", one_sentence=True, kind_least=3, **LAY_AND_CLINICIAN,
          kinds=frozenset({"untreated", "outlook", "specialist", "cause", "syndrome", "symptom", "test", "treatment",
                           "research", "definition"})),
    Shape("keyfact_check7", "kf11", 60, "answerable", one_sentence=True, kind_least=2, facts_noted=True,
          **LAY_AND_CLINICIAN, kinds=frozenset({"definition", "mechanism", "syndrome", "symptom", "cancer", "test",
                                                "treatment", "followup", "team", "prognosis", "region", "research"})),
    Shape("keyfact_check8", "kf13", 60, "only answered", one_sentence=True, kind_least=3, facts_noted=True,
          **LAY_AND_CLINICIAN, kinds=frozenset({"prognosis", "test", "specialist", "persistence", "prevalence",
                                                "difference", "signs", "treatment"})),
    Shape("keyfact_check9", "kf14", 60, "only answered", one_sentence=True, kind_least=9, facts_noted=True,
          **LAY_AND_CLINICIAN, kinds=frozenset({"prognosis", "long-term", "list", "lead-in", "prevalence"})),
    Shape("keyfact_check11", "kf16", 60, "answerable", one_sentence=True, kind_least=10, facts_noted=True,
          **LAY_AND_CLINICIAN, kinds=frozenset({"speed", "test", "reason", "specialist", "frequency", "age"})),
    Shape("keyfact_check13", "kfr17", 54, "answerable", one_sentence=True, kind_least=12, facts_noted=True,
          kinds_in_parts=True, **LAY_AND_CLINICIAN, kinds=frozenset({"topical", "syndrome", "misconception"})),
]


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_bank_loads_and_its_quotes_are_whole_article_units(shape: Shape) -> None:
    assert_loads_with_whole_quotes(shape)


@pytest.mark.parametrize("shape", [s for s in BANKS if s.kinds], ids=str)
def test_every_kind_is_asked_several_times_and_typed_as_planned(shape: Shape) -> None:
    assert_kinds(shape)


@pytest.mark.parametrize("shape", BANKS, ids=str)
def test_the_blind_part_is_as_large_and_as_marked_as_planned(shape: Shape) -> None:
    assert_parts(shape)


def test_bank_3_asks_every_part_of_the_article() -> None:
    asked = {f.section_id.split("/")[0] for i in items_of("keyfact_check3") for f in i.required_facts}
    tops = {s.id.split("/")[0] for s in article().sections}
    assert tops - asked <= {"introduction"} | {t for t in tops if "takeaway" in t}


def test_bank_7_has_items_needing_several_sentences() -> None:
    assert sum(len(i.required_facts) >= 2 for i in items_of("keyfact_check7")) >= 15


def test_bank_8_names_both_sides_of_each_difference() -> None:
    differences = [i for i in items_of("keyfact_check8") if "kind: difference" in (i.note or "")]
    assert sum(len(i.required_facts) == 2 for i in differences) >= len(differences) - 1


def test_bank_9_lists_need_their_items() -> None:
    lists = [i for i in items_of("keyfact_check9") if "kind: list" in (i.note or "")]
    assert sum(len(i.required_facts) >= 3 for i in lists) >= 5


def test_bank_11_lets_only_its_age_asks_abstain_and_asks_every_kind_in_both_parts() -> None:
    """The article gives no age: an age ask must accept not_found, so an honest abstention is no miss; every other
    ask is answered. Each kind is in both parts, so the blind part reads every frame."""
    items = items_of("keyfact_check11")
    for item in items:
        age = "kind: age;" in (item.note or "")
        assert item.acceptable_statuses == (["answered", "not_found"] if age else ["answered"]), item.id
    kinds = {"speed", "test", "reason", "specialist", "frequency", "age"}
    for part in ("blind", "studied"):
        assert {n.split("kind: ")[1].split(";")[0] for i in items if i.part == part for n in [i.note or ""]} == kinds


def test_bank_12_lists_ask_every_item_of_their_list() -> None:
    """A list ask over a whole article list (types, symptoms, tests, treatments, prognosis factors) requires each of
    its items, so an answer showing half the list cannot pass on key facts."""
    lists = [i for i in items_of("keyfact_check12") if "kind: list" in (i.note or "")]
    assert sum(len(i.required_facts) >= 3 for i in lists) >= 12


def test_bank_13_lets_only_its_age_claim_abstain_and_asks_whole_lists() -> None:
    """The article gives no age, so the age claim may abstain; every other ask must be answered. A plain topical
    ask over a whole article list (symptoms, tests, treatments, types) requires every item of that list."""
    items = items_of("keyfact_check13")
    assert sum(i.acceptable_statuses == ["answered", "not_found"] for i in items) == 1
    assert all(i.acceptable_statuses == ["answered"] for i in items if "kind: misconception" not in (i.note or ""))
    lists = [i for i in items if "kind: topical" in (i.note or "") and "list" in i.tags]
    assert len(lists) >= 10 and all(len(i.required_facts) >= 3 for i in lists)
