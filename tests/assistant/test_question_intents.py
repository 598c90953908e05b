"""What a hurried question asks for reaches the article's sentences that answer it (self-written key-fact bank 4's kinds:
is it deadly, first signs, who treats it, does X help, what a test result means, why is it called ...).

The phrasings here are not the bank's: they check the mechanism (lay words, idioms, label lead, list remarks), not
answers to known questions.
"""

from __future__ import annotations

import pytest

from assistant.answer_focus import asks_definition_only
from assistant.api import Assistant
from assistant.list_questions import hints_list
from assistant.lay_terms import lay_derived_terms, medical_words
from assistant.list_questions import asks_for_list
from assistant.normalise import rephrase_idioms
from assistant.retrieval import strip_subject


@pytest.mark.parametrize(("question", "medical"), [
    ("could paraneoplastic syndrome be fatal", "outlook"),
    ("do people die of it", "outlook"),
    ("he tested positive for anti-yo, what now", "autoantibody"),
    ("what type of doctor should we see", "neurologists"),
    ("which specialist handles it", "oncologists"),
    ("do the symptoms linger", "persist"),
])
def test_an_intent_word_brings_the_article_word_that_answers_it(question: str, medical: str) -> None:
    assert medical in medical_words(question)


def test_lay_derived_terms_are_the_words_the_asker_did_not_type() -> None:
    assert "outlook" in lay_derived_terms("is it deadly outlook")
    assert lay_derived_terms("what does ivig do") == set()


@pytest.mark.parametrize("question", ["earliest signs of it?", "warning signs to look out for",
                                      "how does it normally begin", "how do they usually start"])
def test_onset_wording_reads_as_the_articles_initially(question: str) -> None:
    searched = rephrase_idioms(question)
    assert "symptoms initially" in searched and "signs" not in searched


def test_a_kind_of_doctor_is_one_answer_not_a_list() -> None:
    assert not asks_for_list("what sort of doctor treats pns") and not hints_list("what sort of doctor treats pns")
    assert asks_for_list("what symptoms does it cause") and hints_list("what kinds of tests are there")


def test_why_is_it_called_asks_for_the_definition() -> None:
    question = "why is paraneoplastic syndrome called that"
    assert asks_definition_only(question, strip_subject(question))
    assert not asks_definition_only("why is it treated with steroids", strip_subject("why is it treated with steroids"))


def test_deadly_is_answered_by_the_outlook(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("could this syndrome kill you")
    assert answer.status == "answered"
    assert "The outlook for patients" in answer.body, answer.body


def test_first_signs_lead_with_the_onset_not_the_doctors_assessment(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what are the earliest signs")
    assert answer.body.startswith("Symptoms may be subtle initially"), answer.body


def test_a_label_named_by_the_question_leads(warm_assistant: Assistant) -> None:
    """"immunotherapy" is the first word of the "Immunotherapy and Corticosteroids:" bullet's label."""
    answer = warm_assistant.ask("is immunotherapy any good for it")
    assert "Immunotherapy and Corticosteroids:" in answer.body, answer.body


def test_a_lay_category_does_not_lead_with_its_bullet(warm_assistant: Assistant) -> None:
    """"blood" stands for "Hematologic", a list's category, not the item asked about: no label lead from it."""
    answer = warm_assistant.ask("they found autoantibodies in a blood sample, why test for those")
    assert "Hematologic" not in answer.body, answer.body


def test_the_last_item_of_a_list_brings_its_closing_remark(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("is massage therapy worth trying")
    assert "Alternative Medicine:" in answer.body, answer.body
    assert "These strategies should be discussed with a healthcare provider" in answer.body, answer.body


def test_another_item_does_not_bring_the_remark_it_would_dangle_after(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("is physical therapy useful")
    assert "Physical Therapy and Rehabilitation:" in answer.body, answer.body
    assert "These strategies" not in answer.body, answer.body
