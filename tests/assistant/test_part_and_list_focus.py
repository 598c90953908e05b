"""Multi-part questions answer each part, a list question naming one bullet's label gets that bullet, and only
labelled lists are expanded whole (assistant/multi_part.py, assistant/enriched_compose.py).

Checked on the real index, the real bundled embedder and the committed enrichment. Each end-to-end question
below was answered the other way before these levers (self-written key-fact bank, eval/data/keyfact_check.jsonl,
and dev): 'list the neurologic symptoms' showed all seven symptom bullets; 'which diseases can it be mistaken
for, list them' showed all seven Key Takeaways; the definition part of 'what is ... and how is it treated'
showed the article's opening framing; 'when is it used' searched without its subject.
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from assistant.multi_part import PART_SENTENCES, carry_subject, part_length, split_question
from corpus.enrichment import PACKAGED_ENRICHMENT

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")


def test_a_later_part_that_points_back_carries_the_first_parts_words() -> None:
    parts = carry_subject(split_question("how does plasma exchange work and when is it used"))
    assert parts == ["how does plasma exchange work", "when is it used (plasma exchange work)"]
    # a part that names its own subject is searched as written
    assert carry_subject(split_question("what does ivig do and can people recover completely")) == [
        "what does ivig do", "can people recover completely"]
    assert carry_subject(["what is it"]) == ["what is it"]


def test_a_part_naming_only_the_subject_lets_the_composer_decide_its_length() -> None:
    assert part_length("what is paraneoplastic syndrome") is None
    assert part_length("how is it treated") == PART_SENTENCES


def test_only_a_list_whose_items_carry_labels_counts_as_an_enumeration(warm_assistant: Assistant) -> None:
    from assistant.enriched_compose import _labelled

    enriched = warm_assistant.parts().enriched
    assert enriched is not None
    by_section: dict[str, list] = {}
    for unit in enriched.units:
        if unit.unit.is_bullet:
            by_section.setdefault(unit.unit.section_id, []).append(unit)
    assert _labelled(enriched.list_members(by_section["diagnostic-procedures/advanced-diagnostic-tests"][0]))
    assert not _labelled(enriched.list_members(by_section["key-takeaways"][0]))


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
    from assistant.enriched_compose import hints_list

    assert not hints_list("do the symptoms come on slowly or all of a sudden")
    assert not hints_list("can pns make you tired all the time")
    assert hints_list("what are all the tests") and hints_list("any other symptoms")
    assert hints_list("all of a sudden i need every option")  # a real list word beside the idiom still counts
