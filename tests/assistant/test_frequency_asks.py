"""A follow-up asking how common the thing just discussed is, when no shown sentence says it of that thing
(assistant/frequency_asks.py).

Wording here is this file's own (not an eval item nor a check-bank item); the article text is quoted from the article.
"""

from __future__ import annotations

from assistant.followup import FollowUp
from assistant.frequency_asks import frequency_unaddressed

CLOTS = ("Clotting disorders: Trousseau syndrome causes blood clots to form in different parts of the body and is often "
         "seen in pancreatic or lung cancer.")
REGIONS = ("The occurrence of paraneoplastic syndromes differs globally, and they are often influenced by the most "
           "common types of cancer in a region.")


def _context(previous: str) -> FollowUp:
    return FollowUp(ask="", previous=previous, previous_answer="")


def test_a_frequency_of_a_named_thing_needs_a_sentence_naming_it_and_saying_how_often() -> None:
    assert frequency_unaddressed("how common is it", _context("what is dermatomyositis"), REGIONS) == ["how common"]
    assert frequency_unaddressed("is that rare", _context("what is trousseau syndrome"), CLOTS) == []


def test_the_condition_itself_and_other_asks_are_left_to_the_other_checks() -> None:
    assert frequency_unaddressed("how common is it", _context("what is pns"), REGIONS) == []
    assert frequency_unaddressed("how is it treated", _context("what is dermatomyositis"), REGIONS) == []


def test_how_common_after_a_named_syndrome_is_not_found(warm_assistant) -> None:
    history = [{"role": "user", "content": "what is cerebellar degeneration"},
               {"role": "assistant", "content": "Neurological: Disorders affecting the brain, spinal cord, and peripheral "
                                                "nerves, such as Lambert-Eaton myasthenic syndrome and paraneoplastic "
                                                "cerebellar degeneration. [1]"}]
    assert warm_assistant.ask("how often does that happen", history).status == "not_found"
