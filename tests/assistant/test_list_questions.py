"""Which questions ask for a list of items (and which yes/no questions do not, though they say "kinds" or "all")."""

from __future__ import annotations

import pytest

from assistant.list_questions import asks_for_list


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Which cancers are linked to paraneoplastic syndromes?", True), ("What symptoms can they cause?", True),
     ("How is it diagnosed?", True), ("What are the main types?", True), ("What is Trousseau syndrome?", False),
     ("What does this syndrome mean?", False), ("Why is it so hard to get the right diagnosis?", False),
     # a yes/no question asks whether something holds, not for the items; "are there ..." / "can you ..." still do
     ("can other kinds of cancer cause it too", False), ("do all patients recover", False),
     ("are there other kinds of treatment", True), ("does it have different types of symptoms", False),
     # a plural list noun after any two words: "the conventional treatments", "the complementary therapies"
     ("what are the conventional treatments for it", True), ("what are the complementary therapies", True),
     ("what are the chances of getting better", False), ("what are side effects of the treatments", False)],
)
def test_list_questions_are_recognised(question: str, expected: bool) -> None:
    assert asks_for_list(question) is expected
