"""Multi-part questions answer each part, a list question naming one bullet's label gets that bullet, and only
labelled lists are expanded whole (assistant/multi_part.py, assistant/enriched_compose.py, assistant/completion.py).

Checked on the real index, the real bundled embedder and the committed enrichment. Each end-to-end question
below was answered the other way before these levers (self-written key-fact bank, eval/data/keyfact_check.jsonl,
and dev): 'list the neurologic symptoms' showed all seven symptom bullets; 'which diseases can it be mistaken
for, list them' showed all seven Key Takeaways; the definition part of 'what is ... and how is it treated'
showed the article's opening framing; 'when is it used' searched without its subject.
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from assistant.multi_part import (PART_SENTENCES, as_list_ask, carry_subject, figure_free_parts, part_length,
                                  split_question)
from corpus.enrichment import PACKAGED_ENRICHMENT

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")


def test_a_later_part_that_points_back_carries_the_first_parts_words() -> None:
    parts = carry_subject(split_question("how does plasma exchange work and when is it used"))
    assert parts == ["how does plasma exchange work", "when is it used (plasma exchange work)"]
    # a part that names its own subject is searched as written
    assert carry_subject(split_question("what does ivig do and can people recover completely")) == [
        "what does ivig do", "can people recover completely"]
    assert carry_subject(["what is it"]) == ["what is it"]


def test_a_part_naming_only_the_subject_or_asking_for_a_list_lets_the_composer_decide_its_length() -> None:
    assert part_length("what is paraneoplastic syndrome") is None
    assert part_length("how is it treated") is None and part_length("what tests find it") is None
    assert part_length("can people recover completely") == PART_SENTENCES
    assert part_length("what causes it") is None  # answered from the definition, which a fixed count turns off
    # a plural noun phrase asked for whole is composed as a list; a list ask is left as typed
    assert as_list_ask("what are the skin changes") == "list the skin changes"
    assert as_list_ask("what are the complementary treatments") == "what are the complementary treatments"  # a list ask
    assert as_list_ask("what are the symptoms") == "what are the symptoms"
    assert as_list_ask("what does ivig do") == "what does ivig do"


def test_two_things_in_one_ask_become_two_parts() -> None:
    assert split_question("wat r the joint symptoms and the kidney ones") == ["wat r the joint symptoms",
                                                                             "the kidney symptoms"]
    assert split_question("how is ivig different from steroids") == ["what does ivig do", "what does steroids do"]
    assert split_question("which cancers cause it n what tests find it") == ["which cancers cause it",
                                                                            "what tests find it"]
    assert split_question("what does it do to the skin and the blood") == ["what does it do to the skin and the blood"]


def test_it_is_not_given_a_subject_that_is_the_syndrome_or_a_plural_aspect() -> None:
    assert carry_subject(["what are the symptoms", "how is it treated"]) == ["what are the symptoms", "how is it treated"]
    assert carry_subject(["is pns contagious", "what causes it"]) == ["is pns contagious", "what causes it"]


def test_only_a_mix_of_figure_and_other_parts_is_answered_in_part() -> None:
    assert figure_free_parts("which cancers are linked to it and whats the survival rate") == (
        "which cancers are linked to it", ["whats the survival rate"])
    assert figure_free_parts("whats the survival rate") is None
    assert figure_free_parts("whats the survival rate and how much does it cost") is None


def test_the_answerable_part_of_a_question_asking_for_an_absent_figure_is_answered(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what are the hormone symptoms and what calcium level is dangerous")
    assert answer.status == "answered"
    assert "Unexplained weight gain or loss" in answer.body
    assert "give no figure for" in answer.body and "calcium level is dangerous" in answer.body
    assert warm_assistant.ask("what calcium level is dangerous").status == "not_found"


def test_a_cause_part_is_answered_from_the_definition(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("is pns contagious and what causes it").body
    assert "not directly caused by the cancer cells themselves" in body


def test_a_list_part_shows_the_whole_list(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("what are the symptoms and how is it treated").body
    for label in ("Clotting disorders:", "Kidney (Renal):", "Immunotherapy and Corticosteroids:", "Plasmapheresis and"):
        assert label in body


def test_only_a_list_whose_items_carry_labels_counts_as_an_enumeration(warm_assistant: Assistant) -> None:
    from assistant.completion import labelled

    enriched = warm_assistant.parts().enriched
    assert enriched is not None
    by_section: dict[str, list] = {}
    for unit in enriched.units:
        if unit.unit.is_bullet:
            by_section.setdefault(unit.unit.section_id, []).append(unit)
    assert labelled(enriched.list_members(by_section["diagnostic-procedures/advanced-diagnostic-tests"][0]))
    assert not labelled(enriched.list_members(by_section["key-takeaways"][0]))


def test_a_list_question_naming_one_label_gets_that_bullet(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("list the neurologic symptoms of pns").body
    assert "Muscle weakness, difficulty walking" in body
    assert "Hormonal:" not in body and "Skin Changes:" not in body
    # asking for the others keeps the rest of the list
    others = warm_assistant.ask("what other symptoms are there besides the neurological ones").body
    assert "Hormonal:" in others


def test_a_list_of_takeaways_is_not_expanded_from_one_of_them(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("which diseases can it be mistaken for, list them").body
    # the diseases it is mistaken for: the sentence naming them, or the one naming their kinds ("mistaken for" is
    # searched as the article's "mimic", assistant/normalise.rephrase_idioms)
    assert ("multiple sclerosis, lupus, myasthenia gravis" in body
            or "symptoms overlap with many other neurological, autoimmune, and infectious diseases" in body)
    assert "Effective treatment focuses on managing the underlying cancer" not in body


def test_a_definition_and_treatment_question_gets_both_without_the_framing(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("what is paraneoplastic syndrome and how is it treated").body
    assert "group of rare disorders that occur when the immune system reacts abnormally" in body
    assert "Managing paraneoplastic syndromes requires treating both" in body
    assert "Imagine experiencing" not in body and "This article comprehensively" not in body


def test_a_part_pointing_back_is_answered_about_its_subject(warm_assistant: Assistant) -> None:
    body = warm_assistant.ask("how does plasma exchange work and when is it used").body
    assert "Plasmapheresis and Intravenous Immunoglobulin (IVIG)" in body
    assert "a combination of tests are typically used" not in body


def test_idioms_using_all_or_each_ask_for_no_list() -> None:
    from assistant.list_questions import hints_list

    assert not hints_list("do the symptoms come on slowly or all of a sudden")
    assert not hints_list("can pns make you tired all the time")
    assert hints_list("what are all the tests") and hints_list("any other symptoms")
    assert hints_list("all of a sudden i need every option")  # a real list word beside the idiom still counts


def test_a_refused_multi_part_question_answers_the_parts_answered_alone(warm_assistant: Assistant) -> None:
    """assistant/part_support.py: the part the article never speaks of ("the risks of a lumbar puncture") is named, the
    other answered as it is alone; a question whose parts are all refused alone stays refused."""
    answer = warm_assistant.ask("what does a lumbar puncture look for and what are the risks of a lumbar puncture")
    assert answer.status == "answered"
    assert "do not answer “what are the risks of a lumbar puncture”" in answer.body
    assert "oligoclonal bands" in answer.body
    assert warm_assistant.ask("what are the risks of a lumbar puncture").status == "not_found"
    assert warm_assistant.ask("what are the risks of a lumbar puncture and how much does ivig cost").status != "answered"


def test_a_comparison_whose_one_side_is_refused_stays_refused(warm_assistant: Assistant) -> None:
    """A comparison's sides are parts, not separate asks (part_support.compares)."""
    assert warm_assistant.ask("does it differ in children versus adults").status == "not_found"
