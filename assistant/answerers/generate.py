"""The generative answerer: an LLM writes the answer from the numbered passages; code keeps only what they support.

The prompt and the per-sentence support check are assistant/generate.py; this module adapts them to
the Answerer interface and gets the model (settings.llm.backend) from foundation.llm, on warm-up or first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answerers.base import Draft, Evidence, LazyLLM

if TYPE_CHECKING:
    from foundation.llm import LLM
    from foundation.settings import Settings

NO_SUPPORTED_SENTENCE = "generation: no supported sentence"


class GenerateAnswerer:
    """Model-written answers, every sentence support-checked against the passages it cites."""

    name = "generate"

    def __init__(self, settings: "Settings", llm: "LLM | None" = None) -> None:
        self._model = LazyLLM(settings, llm)

    def warm_up(self) -> None:
        self._model().warm_up()

    def draft(self, evidence: Evidence) -> Draft:
        from assistant.generate import generate_answer

        parts = evidence.parts
        generated = generate_answer(evidence.question, evidence.retrieval.hits, self._model(), parts.bank, parts.resolver)
        flags = list(generated.flags)
        if not generated.citations:
            flags.append(NO_SUPPORTED_SENTENCE)
        return Draft(body=generated.body, citations=generated.citations, flags=flags)


def create(settings: "Settings", llm: "LLM | None" = None) -> GenerateAnswerer:
    """Registered in assistant/answerers/registry.py; `llm` injects a ready model (tests: a scripted fake)."""
    return GenerateAnswerer(settings, llm)
