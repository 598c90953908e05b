"""A follow-up naming a new subject and asking about it with a pronoun (assistant/subject_switch.py)."""

from __future__ import annotations

import pytest

from assistant.conversation import rewrite_followup
from assistant.subject_switch import new_subject_question, repeats_subject, switched_subject


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("and plasmapheresis, how does it work", "How does plasmapheresis work"),
        ("what about counselling is it worth it", "Is counselling worth it"),
        ("ok and pemphigus what is it", "What is pemphigus"),
        ("and the nodules, are they permanent", "Are nodules permanent"),
        # no subject of its own: left to the other rules
        ("and how is it treated", None),
        ("if you have it, can it come back", None),
        ("so basically, what is it", None),
        ("what about the skin ones", None),
        ("and acupuncture, does that help", None),  # 'that' may be the claim; only it/they/them are read as the subject
    ],
)
def test_switched_subject(question: str, rewritten: str | None) -> None:
    assert switched_subject(question) == rewritten


def test_the_pronoun_names_the_new_subject_not_the_previous_one() -> None:
    history = [{"role": "user", "content": "what is trousseau syndrome"}, {"role": "assistant", "content": "(reply)"}]
    assert rewrite_followup("and acanthosis nigricans, what causes it", history) == "What causes acanthosis nigricans"
    # the next turn's 'it' is the new subject too
    later = history + [{"role": "user", "content": "and acanthosis nigricans, what causes it"},
                       {"role": "assistant", "content": "(reply)"}]
    assert "acanthosis nigricans" in rewrite_followup("how is it treated", later).lower()


def test_a_new_subject_with_a_pronoun_is_answered_about_that_subject(warm_assistant) -> None:
    history = [{"role": "user", "content": "what does plasmapheresis do"}, {"role": "assistant", "content": "(reply)"}]
    answer = warm_assistant.ask("and rehab, what does it help with", history=history)
    assert answer.status == "answered" and "Rehabilitation" in answer.body, answer.body


def test_ones_narrowing_a_modified_plural_swaps_its_modifier() -> None:
    """'and in urban ones?' after a question about 'rural hospitals' asks about urban hospitals; the preposition
    is not the modifier (it used to read 'in urban' as one)."""
    history = [{"role": "user", "content": "why is care slower in rural hospitals"}, {"role": "assistant", "content": "x"}]
    assert rewrite_followup("and in urban ones?", history) == "why is care slower in urban hospitals?"


@pytest.mark.parametrize(
    ("question", "previous", "repeats"),
    [
        ("lems treatment", "sclc and lems connection", True),  # names the subject again: no brackets needed
        ("treatment options?", "how is lems treated", False),  # only the aspect is shared
        ("what kind of ongoing care", "do the symptoms go away after treatment", False),
        ("syndrome symptoms", "what is a paraneoplastic syndrome", False),  # the condition itself is no subject
    ],
)
def test_repeats_subject(question: str, previous: str, repeats: bool) -> None:
    assert repeats_subject(question, previous) is repeats


def test_a_keyword_follow_up_naming_the_subject_again_is_not_bracketed() -> None:
    history = [{"role": "user", "content": "sclc and lems connection"}, {"role": "assistant", "content": "..."}]
    assert rewrite_followup("lems treatment", history) == "lems treatment"


@pytest.mark.parametrize(
    ("question", "fresh"),
    [
        ("new question: who is most at risk overall", "who is most at risk overall"),
        ("unrelated but what is ivig", "what is ivig"),
        ("totally different q, can diet help", "can diet help"),
        ("ok switching topic how common is pns overall", "how common is pns overall"),
        ("on another note, is it genetic", "is it genetic"),
        ("unrelated to cancer can it happen", None),  # 'unrelated' is part of the question here
        ("new treatments coming?", None),  # 'new' qualifies the ask, it announces nothing
        ("other ones?", None),
        ("another question", None),  # nothing follows the announcement
    ],
)
def test_new_subject_question(question: str, fresh: str | None) -> None:
    assert new_subject_question(question) == fresh
