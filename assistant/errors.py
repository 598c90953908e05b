"""Errors of the assistant stage."""

from foundation.errors import PNSError


class AssistantError(PNSError):
    """Answering failed in a way the user should be told about."""
