"""Settings: the answerer and the LLM backend are separate choices; the old PNS_ANSWERER names still work."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from foundation.settings import Settings


@pytest.mark.parametrize("legacy", ["llamacpp", "openai", "ollama"])
def test_a_legacy_answerer_name_means_generate_with_that_backend(monkeypatch: pytest.MonkeyPatch, legacy: str) -> None:
    monkeypatch.setenv("PNS_ANSWERER", legacy)
    settings = Settings()
    assert settings.answer.answerer == "generate"
    assert settings.llm.backend == legacy


def test_the_new_names_are_kept_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PNS_ANSWERER", "generate")
    monkeypatch.setenv("PNS_LLM_BACKEND", "ollama")
    settings = Settings()
    assert (settings.answer.answerer, settings.llm.backend) == ("generate", "ollama")
    assert Settings().override(answer={"answerer": "extractive"}).answer.answerer == "extractive"


def test_override_with_a_legacy_name_also_sets_the_backend(settings: Settings) -> None:
    changed = settings.override(answer={"answerer": "openai"})
    assert (changed.answer.answerer, changed.llm.backend) == ("generate", "openai")
    assert settings.answer.answerer == "extractive"  # the original is untouched


def test_a_legacy_name_contradicting_an_explicit_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PNS_ANSWERER", "openai")
    monkeypatch.setenv("PNS_LLM_BACKEND", "ollama")
    with pytest.raises(ValidationError, match="contradicts PNS_LLM_BACKEND=ollama"):
        Settings()


def test_an_unknown_answerer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PNS_ANSWERER", "oracle")
    with pytest.raises(ValidationError):
        Settings()
