"""Elliptical follow-ups: the fragment is found and put into the previous question."""

from __future__ import annotations

import pytest
from conversation_turns import history

from assistant.conversation import rewrite_followup
from assistant.ellipsis import elliptical_fragment, head_noun, resolve_ellipsis
from assistant.topics import DEFAULT_TOPIC, topic_of


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("What symptoms can paraneoplastic syndromes cause?", "What about the kidneys?",
         "What symptoms can paraneoplastic syndromes cause in the kidneys?"),
        ("What symptoms can paraneoplastic syndromes cause in the kidneys?", "And the skin?",
         "What symptoms can paraneoplastic syndromes cause in the skin?"),
        ("What are the symptoms of Lambert-Eaton myasthenic syndrome?", "What about treatment?",
         "What is the treatment of Lambert-Eaton myasthenic syndrome?"),
        ("What is Trousseau syndrome?", "How about its causes?", "What are the causes of Trousseau syndrome?"),
        ("What is Trousseau syndrome?", "What about Cushing's syndrome?", "What is Cushing's syndrome?"),
    ],
)
def test_elliptical_follow_ups_are_completed(previous: str, question: str, expected: str) -> None:
    assert rewrite_followup(question, history(previous)) == expected


@pytest.mark.parametrize(("question", "fragment"), [
    ("And the skin?", "the skin"), ("what about the kidneys", "the kidneys"), ("no i meant the skin ones", "the skin ones"),
    ("and for dermatomyositis?", "for dermatomyositis"), ("blood tests?", "blood tests"),
    ("What is Trousseau syndrome?", None), ("what about how it is treated", None), ("how is it treated?", None),
])
def test_the_fragment_of_an_elliptical_follow_up(question: str, fragment: str | None) -> None:
    assert elliptical_fragment(question) == fragment


@pytest.mark.parametrize(("previous", "fragment", "expected"), [
    ("how is pns treated", "in children", "how is pns treated in children?"),
    ("how is lems treated", "for dermatomyositis", "how is dermatomyositis treated?"),
    ("what symptoms can pns cause", "the skin ones", "what skin symptoms can pns cause?"),
    ("which symptoms show up first", "the blood ones", "which blood symptoms show up first?"),
])
def test_the_fragment_narrows_or_swaps_the_previous_question(previous: str, fragment: str, expected: str) -> None:
    assert resolve_ellipsis(fragment, previous, topic_of(previous) or DEFAULT_TOPIC) == expected


def test_the_head_noun_is_the_previous_questions_first_class_noun() -> None:
    head = head_noun("what symptoms can pns cause")
    assert head is not None and head.group(0) == "symptoms"
    assert head_noun("how is it treated") is None


def test_a_bare_class_noun_names_no_kind_to_narrow_by() -> None:
    """'and the types?' asks the types of the subject; 'the' is no modifier ('What are the the pns?' before)."""
    from assistant.ellipsis import resolve_ellipsis

    assert resolve_ellipsis("the types", "what is pns", "pns") == "What are the types of pns?"
    assert resolve_ellipsis("the skin ones", "what symptoms can pns cause", "pns") == "what skin symptoms can pns cause?"


def test_a_predicate_before_a_preposition_is_no_topic() -> None:
    """'what diet is best for pns' is about the diet: 'and exercise?' asks the same of exercise, and an aspect asked
    of something ('which treatment is best for lems') is about that thing, not about 'best'."""
    from assistant.conversation import rewrite_followup
    from assistant.topics import topic_of

    assert topic_of("what diet is best for pns") == "diet"
    assert topic_of("which treatment is best for lems") == "lems"
    assert topic_of("what symptoms can pns cause") == "pns"
    history = [{"role": "user", "content": "what diet is best for pns"}, {"role": "assistant", "content": "..."}]
    assert rewrite_followup("and exercise?", history) == "what exercise is best for pns?"


def test_a_body_part_after_a_yes_no_side_step_narrows_the_list_question_before_it() -> None:
    """'does that include seizures' asked for no class of things: 'what about the skin' asks the list question again
    for the skin; a modifier the chain put in is swapped, not given an article ('what kidneys symptoms ...')."""
    turns = history("what symptoms do pns cause", "does that include seizures")
    assert rewrite_followup("what about the skin", turns) == "what skin symptoms do pns cause?"
    assert rewrite_followup("and the kidneys?", history("what symptoms do pns cause", "does that include seizures",
                                                       "what about the skin")) == "what kidneys symptoms do pns cause?"
    assert rewrite_followup("what about the skin", history("does pns affect the brain")) == "does pns affect the skin?"
    assert resolve_ellipsis("the skin", "Is pns serious", DEFAULT_TOPIC, ()) == "Is pns serious in the skin?"


def test_a_bare_plural_class_noun_asks_which_of_that_class_the_subject_involves() -> None:
    """'cancers?' after 'what is trousseau syndrome' asks which cancers, not 'what is cancers'."""
    assert rewrite_followup("cancers?", history("what is trousseau syndrome")) == \
        "Which cancers does trousseau syndrome involve?"
