"""Errors of the index stage."""

from foundation.errors import PNSError

BUILD_HINT = "run `pns index build`"  # the one fix named by every missing/corrupt-index message


class IndexStoreError(PNSError):
    """The index is missing, corrupt, incompatible or its store is unreachable."""


class ChromaUnreachableError(IndexStoreError):
    """The Chroma server named by PNS_CHROMA_URL does not answer: start it, or unset the variable (no rebuild helps)."""


class IndexNotWritableError(IndexStoreError):
    """HOME's index folder cannot be written (a read-only disk or folder): embedded Chroma writes even to read, so
    the fix is a writable folder, not a rebuild."""


def not_writable(index_dir: object, exc: BaseException) -> IndexNotWritableError:
    """The one message for an index folder we may not write, naming the step that fixes it."""
    reason = getattr(exc, "strerror", None) or str(exc).strip() or type(exc).__name__
    return IndexNotWritableError(
        f"cannot write in the index folder {index_dir} ({reason}): make it writable, or set PNS_HOME to a "
        "writable folder (the index is kept there, and embedded Chroma writes even to answer)"
    )
