"""A short sentence's clause is read alone only when the rest is the writer's aside about the writing.

Why: "planning to jump tonight, just want someone to know" was missed (p 0.48 whole, 0.81 for its first clause), but
reading every short sentence's clauses alone added false triggers (round 16): a clause cut loses "shes home now" or
"already". Synthetic phrasings (self-written, not corpus content).
"""

from __future__ import annotations

import pytest

from assistant.emergency_model import pieces
from assistant.writer_aside import aside_clauses, is_aside


def test_a_plan_told_with_an_aside_is_read_without_it() -> None:
    assert aside_clauses("planning to jump tonight, just want someone to know") == ["planning to jump tonight"]
    assert "planning to jump tonight" in pieces("planning to jump tonight, just want someone to know", drop_reassurances=True)


@pytest.mark.parametrize("sentence", [
    "she took too many pills, shes home now",  # the rest tells how it ended
    "he collapsed, already seen by the gp",
    "i had a fit, is that lems",  # a question is no aside
    "my dad has trouble swallowing pills, is that myasthenia",
    "planning to jump tonight",  # one clause: its own sentence
])
def test_no_clause_is_read_alone_when_the_rest_keeps_a_person_a_time_an_outcome_or_a_question(sentence: str) -> None:
    assert aside_clauses(sentence) == []


@pytest.mark.parametrize(("rest", "aside"), [("just want someone to know", True), ("sorry for the long text", True),
                                             ("not sure who else to tell", True), ("shes home now", False),
                                             ("i was fine after", False), ("what should i do", False)])
def test_an_aside_is_the_writer_speaking_of_the_writing(rest: str, aside: bool) -> None:
    assert is_aside(rest) is aside
