"""A short section whose heading the question names is shown whole (assistant/named_sections.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.named_sections import MAX_SENTENCES, short_sections


def test_short_prose_sections_without_subsections_only(parts) -> None:
    sections = short_sections(parts.enriched)
    assert "future-directions-and-research" in sections
    assert "prognosis-and-outcomes/long-term-outcomes" in sections
    assert "symptoms-and-clinical-presentation/common-symptoms" not in sections  # a list: completed as a list
    assert "prognosis-and-outcomes" not in sections                             # has subsections
    assert all(len(units) <= MAX_SENTENCES for units in sections.values())


def test_a_question_naming_the_research_heading_gets_the_whole_research_section(warm_assistant) -> None:
    answer = warm_assistant.ask("what research is happening on pns")
    assert "are being developed" in answer.answer
    assert "Several clinical trials are investigating novel drugs" in answer.answer
