"""Follow-ups written as several sentences, corrections and returns to an earlier subject
(assistant/conversation.one_question, the correction ellipsis, assistant/subject_switch.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.conversation import one_question, rewrite_followup
from assistant.subject_switch import is_adverb


def _users(*questions: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": q} for q in questions]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Great, that helps. Which tests come first?", "Which tests come first?"),  # a remark is dropped
        ("She has had fevers for weeks. Could that be related?", "She has had fevers for weeks. Could that be related?"),
        ("and for the kids? would they need scans", "and for the kids, would they need scans"),
        ("What is pemphigus? Is it itchy?", "What is pemphigus? Is pemphigus itchy?"),
        ("what is anemia", "what is anemia"),
    ],
)
def test_one_question(message: str, question: str) -> None:
    assert one_question(message) == question


@pytest.mark.parametrize(
    ("history", "question", "rewritten"),
    [
        (("what are the kidney signs",), "no i meant the hormone ones", "what are the hormone signs?"),
        (("what are the neurological types",), "sorry, i meant the skin type", "what are the skin types?"),
        (("how is anemia treated", "tell me about the weather"), "ok back to anemia, is it common", "Is anemia common"),
        (("what are the hormone signs",), "and skin signs?", "what are the skin signs?"),
        (("what are the skin signs",), "whats the cause of it, who gets it",
         "What's the cause of the skin signs, who gets the skin signs"),
    ],
)
def test_corrections_returns_and_clauses(history: tuple[str, ...], question: str, rewritten: str) -> None:
    assert rewrite_followup(question, _users(*history)) == rewritten


@pytest.mark.parametrize(("word", "adverb"), [("basically", True), ("simply", True), ("only", True),
                                              ("family", False), ("anomaly", False), ("symptoms", False)])
def test_an_ly_word_is_an_adverb_only_when_a_word_remains_without_it(word: str, adverb: bool) -> None:
    assert is_adverb(word) is adverb
