"""The support gate's lay-word signal (assistant/support_gate.lay_similarity), on the real corpus and index."""

from __future__ import annotations

from assistant.pipeline import gather
from assistant.support_gate import lay_similarity


def _lay_similarity(assistant, question: str) -> float:
    parts = assistant.parts()
    return lay_similarity(gather(parts, question, question))


def test_a_question_asked_wholly_in_lay_words_is_judged_by_the_article_words_it_stands_for(warm_assistant) -> None:
    threshold = warm_assistant.settings.answer.abstain_threshold
    assert _lay_similarity(warm_assistant, "is it terminal") >= threshold  # "paraneoplastic syndromes outlook"
    assert _lay_similarity(warm_assistant, "can my dog eat it") == 0.0  # asks more than its lay word ('diet')
    assert _lay_similarity(warm_assistant, "is it sudden") >= threshold  # "... can rapidly progress"
    assert _lay_similarity(warm_assistant, "is it purple") == 0.0  # no lay word: the question's own cosine decides


def test_a_lay_question_that_was_too_far_from_every_sentence_is_answered(warm_assistant) -> None:
    answer = warm_assistant.ask("can it kill you")
    assert answer.status == "answered", answer.flags


def test_a_property_the_lay_map_words_as_the_article_does_is_answered(warm_assistant) -> None:
    """ "is it fatal" and "is it sudden" were refused as unknown subjects; the lay map gives the article's words."""
    for question in ("is it fatal", "is it sudden"):
        answer = warm_assistant.ask(question)
        assert answer.status == "answered", (question, answer.flags)
    assert warm_assistant.ask("is it contagious").status == "not_found"  # no lay word: still the article's silence
