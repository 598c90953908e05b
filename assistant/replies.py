"""Every Answer is made here: replies for each outcome, and failures turned into friendly answers.

Why one place: the disclaimer is set on every Answer by `reply`, and the body is cleaned of any
copy of it, so no path (answer, refusal, error) can lose or duplicate it. Failures become answers
with status 'error' and a message that says what to do; a stack trace never reaches a user.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from assistant.disclaimer import DISCLAIMER, clean_body
from assistant.errors import AssistantError
from assistant.models import Answer, Citation, Status
from foundation.errors import PNSError
from index.errors import IndexStoreError

logger = logging.getLogger("pns.assistant")

ERROR_MESSAGE = (
    "Sorry, something went wrong while answering this question. Please try again; if it keeps happening, "
    "rebuilding the index with `pns index build` may help."
)


def reply(status: Status, body: str, *, citations: list[Citation] | None = None, contexts: list[str] | None = None,
          context_ids: list[str] | None = None, standalone: str | None = None, flags: list[str] | None = None,
          answerer: str = "extractive") -> Answer:
    """An Answer for `status`: the body without any copy of the disclaimer, and the one fixed disclaimer."""
    return Answer(
        status=status, body=clean_body(body), disclaimer=DISCLAIMER, citations=citations or [],
        contexts=contexts or [], context_ids=context_ids or [], standalone_question=standalone,
        answerer=answerer, flags=flags or [],
    )


def index_error_message(exc: Exception) -> str:
    """What a user is told when the index is missing or broken: what happened and the step that fixes it
    (`pns index build`, or for an unreachable Chroma server: start it or unset PNS_CHROMA_URL)."""
    from index.errors import ChromaUnreachableError, IndexNotWritableError

    detail = str(exc).rstrip(".")
    if "pns index build" in detail or isinstance(exc, (ChromaUnreachableError, IndexNotWritableError)):  # names the step
        return f"The search index is not available: {detail}, then ask again."
    return f"The search index is not available: {detail}. Run `pns index build`, then ask again."


def failure_reply(exc: Exception) -> Answer:
    """The answer for a question whose answering raised `exc` (the API edge: nothing escapes as a trace)."""
    from assistant.input import InvalidQuestion

    if isinstance(exc, InvalidQuestion):
        return reply("invalid_input", str(exc))
    if isinstance(exc, AssistantError):
        logger.warning("answering failed: %s", exc)
        return reply("error", f"Sorry, I could not answer this question: {exc}", flags=["error: AssistantError"])
    if isinstance(exc, IndexStoreError):
        return reply("error", index_error_message(exc), flags=["error: IndexStoreError"])
    if isinstance(exc, PNSError):  # corpus files missing or malformed, an LLM down: the message names what
        return reply("error", f"Sorry, I could not answer this question: {exc}", flags=[f"error: {type(exc).__name__}"])
    if os.environ.get("PNS_DEBUG"):
        logger.exception("answering failed", exc_info=exc)
    else:
        logger.error("answering failed: %s: %s", type(exc).__name__, exc)
    return reply("error", ERROR_MESSAGE, flags=[f"error: {type(exc).__name__}"])


def reference_paragraph(citations: Sequence[Citation]) -> str:
    """For 'which source says ...' questions: the related references of the cited passages, named in the text."""
    from assistant.citations import reference_label

    lines: list[str] = []
    seen: set[str] = set()
    for c in citations:
        for ref in c.references:
            if ref.id not in seen:
                seen.add(ref.id)
                lines.append(f"- [{c.marker}] {reference_label(ref)}")
    if not lines:
        return "The article lists no bibliography entry that could be linked to these passages."
    return ("Related references for these passages (inferred from the article's bibliography; the article has "
            "no inline citations):\n" + "\n".join(lines))
