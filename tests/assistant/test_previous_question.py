"""A follow-up that names nothing a pronoun could stand for is searched with the previous question in brackets."""

from __future__ import annotations

import pytest

from assistant.conversation import rewrite_followup
from assistant.previous_question import leans_on_previous, names_a_proposition, strip_connective, with_previous


@pytest.mark.parametrize(("previous", "question"), [
    ("how long do people live after lung cancer surgery", "what kind of rehab"),
    ("can kids get it", "what kind of follow-up care"),
])
def test_a_short_follow_up_without_a_topic_is_read_with_the_previous_question(previous: str, question: str) -> None:
    rewritten = rewrite_followup(question, [{"role": "user", "content": previous}])
    assert rewritten.startswith(question) and previous in rewritten


def test_the_previous_question_is_added_flat() -> None:
    assert with_previous("what kind of rehab", "what tests (for lems)?") == "what kind of rehab (what tests, for lems)?"


@pytest.mark.parametrize(("question", "previous", "expected"), [
    ("how does that happen", "can pns affect the kidneys", True),  # 'that' is the whole claim
    ("can those replace chemo", "what are the treatments", True),  # 'those' are the previous answer's items
    ("how is it treated", "what is lems", False),  # 'it' is the topic
])
def test_a_bare_that_or_those_names_a_proposition(question: str, previous: str, expected: bool) -> None:
    assert names_a_proposition(question, previous) is expected


def test_a_short_ask_with_its_own_topic_does_not_lean_on_the_previous_one() -> None:
    assert leans_on_previous("what kind of rehab")
    assert not leans_on_previous("what is lambert eaton syndrome")


def test_a_leading_connective_is_dropped() -> None:
    assert strip_connective("and so what causes it") == "So what causes it"
    assert strip_connective("ok, what now") == "What now"
