"""The root of the project's exceptions, and the errors of what every stage shares.

Library code raises PNSError subclasses; only the edges (CLI, UI, API, MCP) turn them into user
messages, so a user never sees a stack trace and tests can assert on the kind of failure. Each stage
defines its own errors in its own package (`corpus.errors`, `index.errors`, ...), all deriving from this.
"""


class PNSError(Exception):
    """Base class: every expected failure in the project derives from this."""


class ModelUnavailableError(PNSError):
    """A bundled model (embedder or GGUF) is not installed, fails its checksum, or cannot be loaded."""


class LLMError(PNSError):
    """An LLM backend is not configured, not reachable, or answered with something unusable."""
