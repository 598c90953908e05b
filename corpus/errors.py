"""Errors of the corpus stage."""

from foundation.errors import PNSError


class CorpusError(PNSError):
    """The article, bibliography, manifest or a source file is missing or malformed."""
