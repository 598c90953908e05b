"""A lead-in chosen alone (assistant/lead_in.py): the one line of a top-level section that opens its subsections
brings the best candidate of each subsection, when the question names its topic and no subsection is shown yet.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.lead_in import lead_in_sections, with_subsection_bests


def _scored(section: str, score: float, start: int, source: str = "article"):
    chunk = SimpleNamespace(id=f"{section}-{start}", section_id=section, source_id=source, start=start)
    return SimpleNamespace(sentence=SimpleNamespace(chunk=chunk, index=0, start=0), score=score)


def test_only_one_line_sections_with_subsections_lead_in(parts) -> None:
    sections = lead_in_sections(parts.enriched)
    assert "prognosis-and-outcomes" in sections and "diagnostic-procedures" in sections
    assert "what-are-paraneoplastic-syndromes" not in sections   # the definition says more than one thing
    assert "treatment-and-management" not in sections            # two sentences of its own
    assert "future-directions-and-research" not in sections      # no subsections


def test_a_lead_in_alone_brings_each_subsections_best_in_article_order(parts) -> None:
    lead = _scored("prognosis-and-outcomes", 0.9, 10)
    factor_a, factor_b = _scored("prognosis-and-outcomes/factors-influencing-prognosis", 0.6, 20), \
        _scored("prognosis-and-outcomes/factors-influencing-prognosis", 0.5, 30)
    outcome = _scored("prognosis-and-outcomes/long-term-outcomes", 0.4, 40)
    elsewhere = _scored("treatment-and-management/long-term-management-strategies", 0.7, 50)
    scored = [lead, elsewhere, factor_a, factor_b, outcome]
    assert with_subsection_bests([lead], scored, parts.enriched, lambda s: True) == [lead, factor_a, outcome]


def test_nothing_joins_unless_the_lead_in_is_asked_best_and_alone_in_its_part(parts) -> None:
    lead = _scored("prognosis-and-outcomes", 0.9, 10)
    factor = _scored("prognosis-and-outcomes/factors-influencing-prognosis", 0.6, 20)
    other = _scored("introduction", 0.95, 5)
    scored = [other, lead, factor]
    assert with_subsection_bests([lead], scored, parts.enriched, lambda s: False) == [lead]     # not asked
    assert with_subsection_bests([other, lead], scored, parts.enriched, lambda s: True) == [other, lead]  # not best
    assert with_subsection_bests([lead, factor], scored, parts.enriched, lambda s: True) == [lead, factor]
    assert with_subsection_bests([], scored, parts.enriched, lambda s: True) == []


def test_the_prognosis_ask_gets_the_outcomes_not_only_the_line_announcing_them(warm_assistant) -> None:
    answer = warm_assistant.ask("what is the prognosis for pns")
    assert "depends on several factors" in answer.answer
    assert "partial or full recovery" in answer.answer


def test_a_list_ask_counts_a_chosen_lead_in_that_another_sentence_outscored(parts) -> None:
    lead = _scored("prognosis-and-outcomes", 0.7, 10)
    factor = _scored("prognosis-and-outcomes/factors-influencing-prognosis", 0.6, 20)
    other = _scored("key-takeaways", 0.95, 5)
    scored = [other, lead, factor]
    assert with_subsection_bests([other, lead], scored, parts.enriched, lambda s: True) == [other, lead]
    assert with_subsection_bests([other, lead], scored, parts.enriched, lambda s: True, listing=True) == [
        other, lead, factor]


def test_every_thing_that_affects_the_outlook_is_the_factor_list(warm_assistant) -> None:
    body = warm_assistant.ask("what are all the things that affect the outlook").body
    for label in ("Cancer type and stage:", "Early diagnosis and treatment:", "Degree of neurological"):
        assert label in body
