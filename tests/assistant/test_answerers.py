"""Answerers sit behind one interface, chosen by settings.answer.answerer through the registry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.answerers.base import Draft, Evidence, LazyLLM
from assistant.answerers.extractive import ExtractiveAnswerer
from assistant.answerers.generate import GenerateAnswerer
from assistant.answerers.registry import ANSWERERS, create_answerer
from assistant.api import Assistant
from assistant.disclaimer import DISCLAIMER
from assistant.errors import AssistantError
from assistant.pipeline import gather
from foundation.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_the_registry_builds_the_configured_answerer(settings: Settings) -> None:
    assert isinstance(create_answerer(settings), ExtractiveAnswerer)
    assert isinstance(create_answerer(settings.override(answer={"answerer": "generate"})), GenerateAnswerer)
    assert isinstance(create_answerer(settings.override(answer={"answerer": "ollama"})), GenerateAnswerer)


def test_an_unregistered_answerer_is_a_clear_error(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name the settings allow but this build does not register names the ones it has."""
    monkeypatch.delitem(ANSWERERS, "llm-select")
    with pytest.raises(AssistantError, match="'llm-select' answerer is not available.*extractive"):
        Assistant(settings.override(answer={"answerer": "llm-select"}))


def test_the_extractive_answerer_drafts_cited_verbatim_sentences(warm_assistant) -> None:
    parts = warm_assistant.parts()
    question = "What is Trousseau syndrome?"
    draft = ExtractiveAnswerer().draft(gather(parts, question, question))
    assert draft.citations and "Trousseau" in draft.body
    text = parts.resolver.article.text
    for citation in draft.citations:
        assert text[citation.start:citation.end] == citation.quote


class CountingAnswerer:
    """A minimal answerer satisfying the protocol: it wraps the extractive one and records what it saw."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[Evidence] = []

    def warm_up(self) -> None:
        pass

    def draft(self, evidence: Evidence) -> Draft:
        self.seen.append(evidence)
        inner = ExtractiveAnswerer().draft(evidence)
        return Draft(body=inner.body, citations=inner.citations, flags=["counted"])


def test_any_answerer_plugs_into_the_pipeline(built_index_home: Settings, warm_assistant) -> None:
    assistant = Assistant(built_index_home, index=warm_assistant.parts().index)
    assistant.answerer = counting = CountingAnswerer()
    answer = assistant.ask("What is Trousseau syndrome?")
    assert answer.status == "answered" and answer.answerer == "counting" and "counted" in answer.flags
    assert counting.seen and counting.seen[0].question == "What is Trousseau syndrome?"
    assert answer.answer.endswith(DISCLAIMER)
    refusal = assistant.ask("What is the capital of France?")  # the gate refuses before any answerer runs
    assert refusal.status == "out_of_scope" and len(counting.seen) == 1


def test_the_assistant_never_branches_on_the_answerer_name() -> None:
    """The registry is the only reader of settings.answer.answerer; the API and the pipeline just call the answerer."""
    for module in ("assistant/api.py", "assistant/pipeline.py"):
        tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
        reads = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "answerer"
                 and isinstance(n.value, ast.Attribute) and n.value.attr == "answer"]
        assert not reads, f"{module} reads settings.answer.answerer"
        for compare in (n for n in ast.walk(tree) if isinstance(n, ast.Compare)):
            literals = {getattr(x, "value", None) for x in [compare.left, *compare.comparators]}
            assert not literals & set(ANSWERERS), f"{module} compares against an answerer name"


def test_a_model_answerer_loads_its_model_once_and_uses_a_given_one(settings: Settings,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import foundation.llm

    given = object()
    assert LazyLLM(settings, given)() is given  # type: ignore[arg-type]
    loads: list[object] = []
    monkeypatch.setattr(foundation.llm, "load_llm", lambda config, home: loads.append(config) or given)
    lazy = LazyLLM(settings)
    assert lazy() is given and lazy() is given and len(loads) == 1
