"""The project's exceptions.

Library code raises these; only the edges (CLI, UI, API) turn them into user messages,
so a user never sees a stack trace and tests can assert on the kind of failure.
"""


class PNSError(Exception):
    """Base class: every expected failure in the project derives from this."""


class CorpusError(PNSError):
    """The article, bibliography, manifest or a source file is missing or malformed."""


class IndexStoreError(PNSError):
    """The index is missing, corrupt, incompatible or its store is unreachable."""


class AssistantError(PNSError):
    """Answering failed in a way the user should be told about."""


class EvalError(PNSError):
    """The evaluation set or a judge run is broken."""
