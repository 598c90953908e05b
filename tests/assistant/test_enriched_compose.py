"""Which sentences the enriched composer shows, on the real index and the real bundled embedder.

Questions here are written for these tests (not eval items): a list question gets every item of its list,
asking for "the other ..." brings the list too, a long bullet split over two passages is shown whole, and a
"what is" question does not get bullets of an unrelated list.
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from corpus.enrichment import PACKAGED_ENRICHMENT

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")

TESTS = ("Imaging:", "Laboratory Tests:", "Electromyography (EMG)", "Lumbar Puncture")


def test_a_list_question_gets_every_item(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("list every advanced diagnostic test for paraneoplastic syndromes")
    assert answer.status == "answered"
    assert all(label in answer.body for label in TESTS), answer.body


def test_asking_for_the_others_brings_the_rest_of_the_list(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what other tests are there besides a lumbar puncture")
    assert sum(label in answer.body for label in TESTS) >= 3, answer.body


def test_a_bullet_split_over_two_passages_is_shown_whole(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("which blood problems cause tiredness and pale skin")
    if "Fatigue, pale skin" in answer.body:
        assert "too many red blood cells" in answer.body, answer.body


def test_a_what_is_question_gets_no_unrelated_bullets(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what is a paraneoplastic syndrome")
    assert answer.status == "answered"
    assert "immune" in answer.body
    for unrelated in ("Dermatologic:", "Hematologic:", "Clotting disorders:", "Kidney (Renal):"):
        assert unrelated not in answer.body, answer.body


def test_paragraph_of_finds_the_short_paragraph_around_a_sentence(warm_assistant: Assistant) -> None:
    from assistant.enriched_compose import paragraph_of

    enriched = warm_assistant.parts().enriched
    text = enriched.article_text
    item = enriched.at(text.index("Patients may need long-term neurological monitoring"))
    members = paragraph_of(item, enriched, text)
    assert [m.unit.text.split()[0] for m in members] == ["Ongoing", "Patients", "Support"]
    bullet = enriched.at(text.index("Imaging:"))
    assert paragraph_of(bullet, enriched, text) == [bullet]  # a list item is never a paragraph's sentence


def test_paragraph_completion_shows_the_continuation(built_index_home) -> None:
    question = "will patients need long-term neurological monitoring or physical therapy?"
    completed = Assistant(built_index_home.override(answer={"whole_paragraphs": True}))
    answer = completed.ask(question)
    assert answer.status == "answered" and "long-term neurological monitoring" in answer.body, answer.body
    assert "Support groups and counseling" in answer.body, answer.body
