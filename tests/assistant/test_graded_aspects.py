"""A pronoun standing for an aspect that comes in degrees (assistant/graded_aspects.py), read in the rewrite.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest
from conversation_turns import history

from assistant.conversation import rewrite_followup
from assistant.graded_aspects import graded_aspect, graded_subject


@pytest.mark.parametrize(("question", "previous", "aspect"), [
    ("what makes it worse", "what is the outlook for lems", "outlook"),
    ("so what helps it", "prognosis of pns", "prognosis"),
    ("what causes it", "what is the outlook for lems", None),        # a cause is no degree of the outlook
    ("can it get worse", "what is the outlook for lems", None),      # a yes/no ask of the condition
    ("what makes it worse", "what are the symptoms of lems", None),  # no graded aspect asked before
])
def test_only_a_what_ask_of_worse_or_better_after_a_graded_aspect_carries_it(question: str, previous: str,
                                                                              aspect: str | None) -> None:
    assert graded_aspect(question, previous) == aspect


def test_the_carried_aspect_leaves_the_subject_for_the_next_other_ask() -> None:
    assert graded_subject("what makes it better", "what is the outlook for lems", "lems") == "the outlook of lems"
    assert graded_subject("is it curable", "what makes the outlook of lems worse", "the outlook of lems") == "lems"


def test_the_rewrite_asks_what_worsens_the_outlook_not_the_condition() -> None:
    turns = history("whats the outlook for lems")
    assert rewrite_followup("what makes it worse", turns) == "What makes the outlook of lems worse"
    assert rewrite_followup("can it go away", history("whats the outlook for lems", "what makes it worse")) == \
        "Can lems go away"
