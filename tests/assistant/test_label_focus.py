"""Label focus reads a question naming a rare word of a list's heading as asking for the whole list
(assistant/label_focus.py, names_heading).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.label_focus import HEADING_WEIGHT, names_heading


def test_a_rare_heading_word_names_the_list_a_common_one_does_not() -> None:
    weights = {"complementari": 0.67, "approach": 0.67, "common": 0.3, "symptom": 0.16}
    assert names_heading({"complementari", "therapi"}, {"complementari", "approach"}, weights)
    assert not names_heading({"common", "skin"}, {"common", "symptom"}, weights)
    assert not names_heading({"skin"}, {"complementari", "approach"}, weights)
    assert weights["common"] < HEADING_WEIGHT <= weights["complementari"]


def test_asking_for_the_complementary_therapies_keeps_every_item_of_their_list(warm_assistant) -> None:
    """"therapies" also names the "Physical Therapy and Rehabilitation:" label; the heading names the list."""
    answer = warm_assistant.ask("what are the complementary therapies for pns")
    for label in ("Nutritional Support:", "Physical Therapy and Rehabilitation:", "Alternative Medicine:"):
        assert label in answer.answer
