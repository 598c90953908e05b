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


def test_shown_units_read_a_bullet_with_its_heading_and_a_type_bullet_with_its_symptoms_bullet() -> None:
    from types import SimpleNamespace

    from assistant.support_gate import shown_units

    def sentence(text: str, section: str, bullet: bool) -> SimpleNamespace:
        return SimpleNamespace(text=text, is_bullet=bullet, chunk=SimpleNamespace(section_id=f"article/{section}"))

    kind = sentence("Neurological: Disorders such as Lambert-Eaton myasthenic syndrome.", "types-of-pns", True)
    signs = sentence("Neurological: Muscle weakness.", "common-symptoms", True)
    prose = sentence("Diagnosis is hard.", "diagnosis", False)
    units = shown_units([SimpleNamespace(sentences=[prose, kind, signs])])
    assert units == ["Diagnosis is hard.",
                     "types of pns: Neurological: Disorders such as Lambert-Eaton myasthenic syndrome. "
                     "common symptoms: Neurological: Muscle weakness."]
    assert shown_units([SimpleNamespace(sentences=[signs, kind])]) == [  # a symptoms bullet first pairs with nothing
        "common symptoms: Neurological: Muscle weakness.",
        "types of pns: Neurological: Disorders such as Lambert-Eaton myasthenic syndrome."]
