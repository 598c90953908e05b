"""A plural aspect asked of the condition gets the labelled list whose heading owns it (assistant/aspect_lists.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.aspect_lists import asked_aspects, heading_terms, owning_list


def test_only_single_plural_aspect_nouns_are_asked() -> None:
    assert asked_aspects("so what r the symptoms of pns") == {"symptom"}
    assert asked_aspects("pns treatments and tests") == {"treatment", "test"}
    assert asked_aspects("what is the prognosis of pns") == set()        # singular: no list asked
    assert asked_aspects("risk factors for pns") == set()                # 'factors' heads the prognosis list, not this
    assert asked_aspects("what if pns is left (symptoms progress)") == set()  # a triage gloss is not the ask


def test_a_heading_is_read_from_its_section_id() -> None:
    assert heading_terms("symptoms-and-clinical-presentation/common-symptoms") == {"common", "symptom"}


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("what are the symptoms of paraneoplastic syndromes (pns)", "symptoms-and-clinical-presentation/common-symptoms"),
        ("paraneoplastic treatments?", "treatment-and-management/conventional-medical-treatments"),
        ("which tests do they run for pns", "diagnostic-procedures/advanced-diagnostic-tests"),
        ("name the types of paraneoplastic syndrome", "what-are-paraneoplastic-syndromes/types-of-paraneoplastic-syndromes"),
    ],
)
def test_the_list_under_the_heading_owning_the_aspect_answers_it(parts, query: str, section: str) -> None:
    members = owning_list(query, parts.enriched)
    assert members is not None and {m.unit.section_id for m in members} == {section}
    assert sum(m.unit.is_bullet for m in members) >= 3


@pytest.mark.parametrize(
    "query",
    [
        "what are the symptoms of lambert eaton",            # a named member, not the condition itself
        "what hormonal symptoms does pns give you",          # narrowed to what one item names
        "What are the endocrine symptoms of paraneoplastic syndromes?",  # ... an item of another list (the types)
        "unusual symptoms in pns apart from the usual",      # ... a word of another section (atypical symptoms)
        "what are the causes of pns",                        # no labelled list's heading owns 'causes'
        "what is the treatment for pns",                     # singular
    ],
)
def test_no_list_where_the_ask_is_not_the_aspect_of_the_condition(parts, query: str) -> None:
    assert owning_list(query, parts.enriched) is None


def test_the_abbreviated_plain_ask_gets_the_symptom_list_and_not_the_diagnosis_sentences(warm_assistant) -> None:
    answer = warm_assistant.ask("what are the symptoms of pns")
    for label in ("Neurological: Muscle weakness", "Hormonal:", "Skin Changes:", "Kidney (Renal):"):
        assert label in answer.answer
    assert "a combination of tests are typically used" not in answer.answer
