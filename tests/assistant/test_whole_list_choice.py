"""Which list a list question expands whole (assistant/completion.whole_lists): the one its kept items favour together.

Why: with two items kept from each of two lists, the tie was broken by the single best item, and a lead of 0.005 for
the EMG bullet expanded the whole tests list (imaging, autoantibody panels) for a question about nerve symptoms.
"""

from __future__ import annotations


def test_two_kept_items_each_the_list_they_favour_together_is_expanded(warm_assistant) -> None:
    answer = warm_assistant.ask("what nerve symptoms happen, numbness or tingling kind of thing?").answer
    assert "Muscle weakness, difficulty walking" in answer
    assert "Autoantibody panels" not in answer and "computed tomography" not in answer
