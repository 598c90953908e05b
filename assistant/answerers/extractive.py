"""The extractive answerer (the default): the composed sentences of the passages, verbatim, cited.

The selection itself is assistant/compose.py; this answerer turns the composition the support
gate already judged into citations, and names the related references when the question asks
where a statement comes from (or names an author).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.answerers.base import Draft, Evidence

if TYPE_CHECKING:
    from foundation.settings import Settings


class ExtractiveAnswerer:
    """Answers with the passages' own sentences: nothing to load, nothing to hallucinate."""

    name = "extractive"

    def warm_up(self) -> None:
        """Nothing to load: the sentence vectors belong to the index parts, warmed with them."""

    def draft(self, evidence: Evidence) -> Draft:
        from assistant.replies import reference_paragraph
        from assistant.retrieval import asks_for_reference

        resolver = evidence.parts.resolver
        retrieved = [h.chunk for h in evidence.retrieval.candidates]
        citations = resolver.cite_composition(evidence.composition, retrieved, evidence.question)
        body = evidence.composition.body
        if asks_for_reference(evidence.question) or evidence.search_question != evidence.question:
            body = f"{body}\n\n{reference_paragraph(citations)}"
        resolver.check(body, citations, retrieved)
        return Draft(body=body, citations=citations)


def create(settings: "Settings", llm: Any | None = None) -> ExtractiveAnswerer:
    """Registered in assistant/answerers/registry.py; takes no model."""
    return ExtractiveAnswerer()
