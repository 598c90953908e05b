"""The root of the project's exceptions, and the errors of what every stage shares.

Library code raises PNSError subclasses; only the edges (CLI, UI, API, MCP) turn them into user
messages, so a user never sees a stack trace and tests can assert on the kind of failure. Each stage
defines its own errors in its own package (`corpus.errors`, `index.errors`, ...), all deriving from this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class PNSError(Exception):
    """Base class: every expected failure in the project derives from this."""


class ModelUnavailableError(PNSError):
    """A bundled model (embedder or GGUF) is not installed, fails its checksum, or cannot be loaded."""


class LLMError(PNSError):
    """An LLM backend is not configured, not reachable, or answered with something unusable."""


def first_problem(exc: ValidationError, top: str) -> tuple[str, str]:
    """Where (the dotted field path, or `top` for the whole value) and what of a validation error's first problem.

    Why: a file a user edits (the sources manifest, an item bank) is reported as one line naming the field
    that is wrong, not pydantic's multi-line dump; every loader words that line from these two parts.
    """
    first = exc.errors()[0]
    return ".".join(str(p) for p in first["loc"]) or top, first["msg"]


def quoted(value: object, limit: int = 60) -> str:
    """`value` as repr() for a message, cut to about `limit` characters with its full length said.

    Why: a message echoes what a user sent (an id, a query) so they can see what was not found; an id pasted
    together with a whole document must not make the message as long as the document.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(str(value))} characters)"
