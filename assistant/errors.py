"""Errors of the assistant stage."""

from foundation.errors import PNSError


class AssistantError(PNSError):
    """Answering failed in a way the user should be told about."""


class UnknownPassageError(AssistantError):
    """A chunk id that the live index does not hold (mistyped, or the index was rebuilt since it was cited)."""
