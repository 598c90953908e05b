"""Errors of the index stage."""

from foundation.errors import PNSError

BUILD_HINT = "run `pns index build`"  # the one fix named by every missing/corrupt-index message


class IndexStoreError(PNSError):
    """The index is missing, corrupt, incompatible or its store is unreachable."""


class ChromaUnreachableError(IndexStoreError):
    """The Chroma server named by PNS_CHROMA_URL does not answer: start it, or unset the variable (no rebuild helps)."""
