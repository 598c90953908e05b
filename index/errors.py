"""Errors of the index stage."""

from foundation.errors import PNSError


class IndexStoreError(PNSError):
    """The index is missing, corrupt, incompatible or its store is unreachable."""
