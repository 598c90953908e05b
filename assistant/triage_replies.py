"""The replies triage decides on its own, before any passage is retrieved.

Why here and not in pipeline.py: the pipeline names its steps; what these three replies say (an
emergency found only after normalising the typing, a question in another language, a question about
the bibliography answered from its parsed entries) belongs with triage (assistant/triage.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.models import Answer
from assistant.replies import reply

if TYPE_CHECKING:
    from assistant.parts import Parts
    from assistant.triage import Triaged


def triaged_reply(triaged: "Triaged") -> Answer | None:
    """An emergency found after normalising, or a question not in English; None when neither."""
    from assistant.language import unsupported_language_message
    from assistant.safety import emergency_message

    if triaged.verdict.category == "emergency":
        return reply("emergency", emergency_message(triaged.verdict), standalone=triaged.standalone,
                     flags=[f"safety: {triaged.verdict.rule}", *triaged.flags()])
    if not triaged.language.english:
        guess = triaged.language
        return reply("unsupported_language", unsupported_language_message(guess), standalone=triaged.standalone,
                     flags=[f"language: {guess.code or 'unknown'} ({guess.confidence:.2f}), "
                            f"English words {guess.english_share:.0%}"])
    return None


def bibliography_reply(parts: "Parts", triaged: "Triaged") -> Answer:
    """A question about the bibliography itself, answered from the parsed entries and citing them; `not_found`
    when no entry fits (a writer, source or year the bibliography lacks): the reply then says so."""
    from assistant.bibliography_answer import answer_bibliography

    assert triaged.bibliography is not None
    result = answer_bibliography(triaged.bibliography, parts.resolver.references, parts.resolver)
    return reply("answered" if result.citations else "not_found", result.body, citations=result.citations, contexts=result.contexts,
                 context_ids=result.context_ids, standalone=triaged.standalone,
                 flags=[f"bibliography: {triaged.bibliography.kind}", *triaged.flags()])
