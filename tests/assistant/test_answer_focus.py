"""What kind of answer a question wants, and which shown sentences cannot stand (assistant/answer_focus.py).

Sentences here are the article's own or written for these tests; questions are written for these tests (not eval items).
"""

from __future__ import annotations

import pytest

from assistant.answer_focus import (about_distinctive, answer_length, asks_definition_only, demonstrative_phrases,
                                    names_distinctive, topic_terms, unresolved)
from assistant.retrieval import strip_subject
from assistant.sentences import content_terms


@pytest.mark.parametrize("question", ["paraneoplastic syndromes explained in plain english please",
                                      "define pns", "what are paraneoplastic syndromes exactly",
                                      "pns meaning, short version", "what does paraneoplastic even mean",
                                      "what does pns stand for"])
def test_a_question_naming_only_the_subject_asks_for_the_definition(question: str) -> None:
    assert asks_definition_only(question, strip_subject(question))


@pytest.mark.parametrize("question", ["what is trousseau syndrome", "what causes paraneoplastic syndromes",
                                      "who gets paraneoplastic syndromes", "what is it", "simple words for the kidney symptoms"])
def test_a_question_about_something_else_does_not(question: str) -> None:
    assert not asks_definition_only(question, strip_subject(question))


def test_a_demonstrative_inside_a_sentence_names_its_words() -> None:
    text = "Although most cases occur in people with these common cancers, the syndromes can also be linked to others."
    assert demonstrative_phrases(text) == [(text.index("these"), content_terms("common cancers"))]


@pytest.mark.parametrize("text", ["These suppress the immune system's attack on healthy tissues.",
                                  "Lumbar Puncture (Spinal Tap): This procedure can help identify markers.",
                                  "Since these syndromes result from an abnormal immune response, suppressing this response helps."])
def test_an_opening_reference_the_subject_or_a_word_named_before_is_not_unresolved(text: str) -> None:
    assert not unresolved(text)


def test_a_demonstrative_is_resolved_by_the_sentence_before_or_by_a_shown_sentence() -> None:
    text = "A thorough workup is key to distinguishing the syndromes from these conditions."
    assert unresolved(text)
    assert not unresolved(text, context="Conditions such as lupus can mimic the syndromes.")
    cancers = "Although most cases occur in people with these common cancers, others are linked too."
    assert unresolved(cancers, shown=("Cancer cells are attacked.",))  # 'cancer' alone does not name 'common cancers'
    assert not unresolved(cancers, shown=("Commonly associated cancers include lung cancer.",))


def test_only_distinctive_question_words_relate_a_sentence() -> None:
    weights = {"cancer": 0.18, "brain": 0.77, "spread": 0.9}
    q_terms = content_terms("is it when the cancer spreads to the brain")
    assert not names_distinctive(q_terms, content_terms("Commonly associated cancers include lung cancer."), weights)
    assert names_distinctive(q_terms, content_terms("Disorders affecting the brain and spinal cord."), weights)


def test_a_distinctive_word_protects_only_where_it_is_the_heading_or_the_bullets_label() -> None:
    weights = {"skin": 0.6, "sign": 0.5, "assess": 0.8, "chang": 0.4, "healthcar": 0.7}
    q_terms = content_terms("skin signs of pns")
    passing = "Healthcare providers will assess neurological function, skin changes and any signs of cancer."
    heading = content_terms("Diagnostic Procedures Initial Clinical Assessment")
    assert names_distinctive(q_terms, content_terms(passing), weights)  # shares the words ...
    assert not about_distinctive(q_terms, content_terms(passing), topic_terms(passing, heading), weights)  # ... in passing
    bullet = "Skin Changes: Rashes, itching, or thickening of the skin."
    assert about_distinctive(q_terms, content_terms(bullet), topic_terms(bullet, set()), weights)  # its label
    assert about_distinctive(q_terms, content_terms(passing), topic_terms(passing, content_terms("Skin signs")), weights)
    # a later sentence of a bullet is about the bullet's label: topic_terms reads the unit's text
    unit = "Hematologic (blood-related): Fatigue and pale skin. Some patients may have abnormal blood cell levels."
    later = content_terms("Some patients may have abnormal blood cell levels.")
    blood = content_terms("too many red blood cells")
    assert about_distinctive(blood, later, topic_terms(unit, set()), {"blood": 0.5, "cell": 0.5})
    assert not about_distinctive(blood, later, topic_terms("Some patients may have abnormal blood cell levels.", set()),
                                 {"blood": 0.5, "cell": 0.5})


def test_why_and_how_questions_may_take_more_sentences_than_others() -> None:
    assert answer_length("why is it so hard to diagnose") > answer_length("can it cause seizures")
    assert answer_length("how do doctors tell it apart") == answer_length("why is it so hard to diagnose")


def _chosen(section_id: str, text: str, score: float, section_path: tuple[str, ...] = ("Section",)):
    from types import SimpleNamespace

    chunk = SimpleNamespace(section_id=section_id, section_path=section_path, id=section_id)
    return SimpleNamespace(sentence=SimpleNamespace(chunk=chunk, text=text), score=score)


def test_beside_the_best_sentence_stays_its_own_section_or_a_distinctive_question_word() -> None:
    """A sentence from elsewhere in the article that matches only the question's common words goes; one from the best
    sentence's section family, one naming a rare question word, and the definition stay (keep_near_best)."""
    from types import SimpleNamespace

    from assistant.answer_focus import keep_near_best

    weights = {"symptom": 0.16, "worsen": 0.77, "progress": 0.77, "lupus": 0.77, "rare": 0.6}
    best = _chosen("symptoms-and-clinical-presentation", "symptoms can rapidly progress", 0.3)
    sibling = _chosen("symptoms-and-clinical-presentation/common-symptoms", "common symptoms are listed", 0.28)
    elsewhere = _chosen("diagnostic-procedures/differential-diagnosis", "other diseases mimic the symptoms", 0.27)
    naming = _chosen("diagnostic-procedures/differential-diagnosis", "lupus can mimic it", 0.26)
    definition = _chosen("what-are-paraneoplastic-syndromes", "they are rare disorders", 0.25,
                         ("What Are Paraneoplastic Syndromes?",))
    texts = {id(s.sentence.chunk): s.sentence.text for s in (best, sibling, elsewhere, naming, definition)}
    for s in (best, sibling, elsewhere, naming, definition):
        s.sentence.chunk.id, s.sentence.index = id(s.sentence.chunk), 0
    bank = SimpleNamespace(weights=weights, terms=lambda chunk_id: [content_terms(texts[chunk_id])])
    kept = keep_near_best([best, sibling, elsewhere, naming, definition],
                          content_terms("how fast do symptoms worsen or lupus"), bank)
    assert kept == [best, sibling, naming, definition]
    assert keep_near_best([best], set(), bank) == [best]
