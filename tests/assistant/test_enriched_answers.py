"""Answers that use the committed enrichment (corpus/data/enrichment.jsonl): no model at run time.

Checked on the real index and the real bundled embedder: shown sentences never dangle, a list question
gets every item of its list, related references come from sentence-level links, every lever can be
switched off, and without enrichment records the plain composer answers and `pns index status` says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.ranker import FEATURES, load_ranker
from corpus.enrichment import PACKAGED_ENRICHMENT, load_enrichment
from corpus.units import article_units, opens_with_reference
from foundation.settings import Settings

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")

QUESTIONS = [
    "what are paraneoplastic syndromes",
    "is paraneoplastic syndrome when the cancer spreads to your brain?",
    "why is it hard to diagnose",
    "what are the integrative approaches and should i talk to my doctor about them",
    "which cancers are linked to paraneoplastic syndromes",
]


def _shown_units(assistant: Assistant, answer) -> list:
    article = assistant.corpus.article
    starts = {s.id: s.start for s in article.sections}
    spans = [(c.start, c.end) for c in answer.citations]
    return [u for u in article_units(article)
            if any(starts[u.section_id] + u.start < b and a < starts[u.section_id] + u.end for a, b in spans)]


def test_no_shown_sentence_points_at_something_not_shown(warm_assistant: Assistant) -> None:
    for question in QUESTIONS:
        answer = warm_assistant.ask(question)
        shown = _shown_units(warm_assistant, answer)
        keys = {(u.section_id, u.index) for u in shown}
        for u in shown:
            if u.index > 0 and opens_with_reference(u.text):
                assert (u.section_id, u.index - 1) in keys, (question, u.text)


def test_a_list_question_gets_every_item(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what are the different types of paraneoplastic syndromes")
    for label in ("Neurological:", "Endocrine:", "Dermatologic:", "Hematologic:"):
        assert label in answer.body


def test_related_references_come_from_the_sentence(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what is trousseau syndrome")
    trousseau = [c for c in answer.citations if "Trousseau" in c.quote]
    assert trousseau and all([r.id for r in c.references] == ["varki2007"] for c in trousseau)


def test_every_lever_can_be_switched_off(built_index_home: Settings) -> None:
    from benchmarks.dev_ablation import LEVERS, config

    off = Assistant(built_index_home.override(answer=config("before")))
    parts = off.parts()
    assert parts.enriched is None and parts.ranker is None and parts.retriever.extra_ranking is None
    assert set(LEVERS) <= set(built_index_home.answer.model_fields)


def test_without_records_the_plain_composer_answers_and_status_says_so(settings: Settings, tmp_path: Path) -> None:
    from index.build import build_index
    from index.store import index_status

    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert load_enrichment(tmp_path, empty).records == {}
    (settings.home / "enrichment.jsonl").parent.mkdir(parents=True, exist_ok=True)
    (settings.home / "enrichment.jsonl").write_text("")  # HOME's (empty) records take precedence over the packaged ones
    build_index(settings, progress=False)
    status = index_status(settings)
    assert status["enrichment"]["enriched"] == 0 and status["enrichment"]["units"] > 60
    assistant = Assistant(settings)
    assert assistant.parts().enriched is None
    assert assistant.ask("What is Trousseau syndrome?").status == "answered"


def test_the_committed_ranker_matches_the_features() -> None:
    ranker = load_ranker()
    assert ranker is not None and len(ranker.weights) == len(FEATURES)
    assert 0.0 <= ranker.probability([0.5] * len(FEATURES)) <= 1.0


def test_multi_part_questions_are_split_at_a_new_question() -> None:
    from assistant.multi_part import split_question

    assert split_question("what does ivig do and can people recover completely") == ["what does ivig do",
                                                                                      "can people recover completely"]
    assert split_question("is it curable? how is it treated") == ["is it curable", "how is it treated"]
    assert split_question("what are the signs and symptoms") == ["what are the signs and symptoms"]


def test_a_multi_part_question_gets_both_parts(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what does ivig do and can people recover completely")
    assert "Intravenous Immunoglobulin" in answer.body and "recovery" in answer.body


def test_a_first_turn_list_question_grows_only_related_paragraph_continuations(warm_assistant: Assistant) -> None:
    """"what other diseases can look like this" keeps the mimics sentence; the symptoms paragraph's next points
    (how fast symptoms progress, that they can come before the cancer) are not what was asked."""
    answer = warm_assistant.ask("what other diseases can look like this")
    assert "multiple sclerosis, lupus" in answer.body
    assert "rapidly progress" not in answer.body and "even before the diagnosis" not in answer.body
