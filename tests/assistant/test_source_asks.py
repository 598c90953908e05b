"""A follow-up that asks only for sources ("refs?", "refs for that", "refs for the emg bit") becomes the bibliography
question about what was just asked, and a later turn continues the question before it."""

from __future__ import annotations

import pytest
from conversation_turns import history

from assistant.conversation import rewrite_followup
from assistant.source_asks import asks_for_sources, source_question


@pytest.mark.parametrize(("question", "expected"), [
    ("refs?", "sources for what is trousseau syndrome"),
    ("ref", "sources for what is trousseau syndrome"),
    ("refs for that", "sources for what is trousseau syndrome"),
    ("and the source for this?", "sources for what is trousseau syndrome"),
    ("refs for the emg bit", "sources for the emg"),
])
def test_a_bare_source_ask_is_about_the_previous_question_or_the_part_it_names(question: str, expected: str) -> None:
    assert source_question(question, "what is trousseau syndrome?") == expected


@pytest.mark.parametrize("question", ["any studies on kids?", "is there evidence for that", "what causes it",
                                      "which references are statpearls chapters", "refs from 2023?"])
def test_other_asks_are_no_bare_source_asks(question: str) -> None:
    assert not asks_for_sources(question)


def test_a_source_ask_in_a_conversation_is_rewritten_and_the_next_turn_skips_it() -> None:
    turns = history("what is trousseau syndrome")
    assert rewrite_followup("refs?", turns) == "sources for what is trousseau syndrome"
    later = turns + [{"role": "user", "content": "refs?"}, {"role": "assistant", "content": "Varki 2007."}]
    assert "sources" not in rewrite_followup("how is it treated", later).lower()
    assert "trousseau" in rewrite_followup("how is it treated", later).lower()
