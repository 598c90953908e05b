"""A question's frame (how fast, where, which doctor, what tests) names the kind of answer it asks for, and a
sentence saying that kind of thing shares it like an asked word (assistant/question_intent.py).

The phrasings here are not keyfact_check10's: they check the frame reading and the families, not answers to known
questions.
"""

from __future__ import annotations

import pytest

from assistant.question_intent import family_of, frame_family, intent_of, says, with_frame


@pytest.mark.parametrize(("question", "intent"), [
    ("why do people with cancer get this", None),  # a reason is not read (module docstring)
    ("how quickly do symptoms show up", "time"),
    ("when do the symptoms usually start", "time"),
    ("where is it seen more often", "place"),
    ("which countries report it", "place"),
    ("who looks after these patients", "person"),
    ("what kind of specialist handles it", "person"),
    ("which tests confirm it", "test"),
    ("how do they check for it", "test"),
    ("what is a paraneoplastic syndrome", None),
    ("what are the symptoms", None),
    ("can it be cured", None),
    ("what kind of blood problems happen", None),  # "blood" alone names a topic, not a test ("bloods" does)
    ("what bloods will they take", "test"),
])
def test_the_frame_names_the_kind_of_answer_asked(question: str, intent: str | None) -> None:
    assert intent_of(question) == intent


def test_a_sentence_says_a_kind_by_a_word_of_its_family_in_any_form() -> None:
    assert says(family_of("time", "how fast"), "Weakness can progress rapidly.")
    assert says(family_of("place", "where"), "Rates differ between countries.")
    assert not says(family_of("place", "where"), "Rates differ between cancers.")
    assert says(family_of("test", "what tests"), "An MRI scan looks for a tumour.")
    assert not says(family_of("test", "what tests"), "These therapies remove harmful antibodies.")  # a treatment


def test_a_place_in_the_body_is_answered_by_the_bodys_parts_not_by_countries() -> None:
    body = frame_family("where in the body does it show")
    assert says(body, "It affects several organ systems.") and not says(body, "Rates differ between countries.")


def test_a_profession_asked_is_not_answered_by_people_in_general() -> None:
    assert says(frame_family("who gets it"), "It develops in people with cancer.")
    doctor = frame_family("which doctor should we see")
    assert not says(doctor, "It develops in people with cancer.")
    assert says(doctor, "Access to neurologists is limited.")


def test_the_frame_counts_as_one_more_asked_word() -> None:
    assert with_frame(0.5, 2.0, 1.0, said=True) == pytest.approx((0.5 * 2 + 1) / 3)
    assert with_frame(0.5, 2.0, 1.0, said=False) == pytest.approx(1 / 3)
    assert frame_family("what is it") == ()


def test_a_question_word_inside_a_clause_is_no_frame() -> None:
    assert intent_of("is it when the cancer spreads to the brain") is None
    assert intent_of("ok so when does it start") == "time"


def test_how_often_asks_a_frequency_said_by_a_frequency_word() -> None:
    """Round 14: "how often" is a frame (assistant/worded_frequency.py); "how common" names its word and needs none."""
    assert intent_of("how often does it happen") == "frequency"
    assert intent_of("what changes how often it is found") is None  # inside a clause
    assert intent_of("how common is it") is None
    assert says(frame_family("how often does it happen"), "These disorders are rare.")
    assert not says(frame_family("how often does it happen"), "Some patients recover.")
