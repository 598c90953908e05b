"""What guards a build: one build per index folder at a time, and write failures said as index errors.

Why apart from the build's logic: both are about the folder the build writes into, not about chunks or vectors,
and every write of a build (owned.json, the chunk table, BM25 files, the pointer) is under them.
"""

from __future__ import annotations

import errno
import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.errors import IndexStoreError, not_writable


@contextmanager
def write_failures_are_index_errors(index_dir: Path) -> Iterator[None]:
    """A full disk (ENOSPC, or a quota: EDQUOT) or a read-only folder (EROFS, EACCES) while building is an
    IndexStoreError that names the fix, not a bare OSError.

    Our own writes can hit either anywhere; since the pointer switch is the last write, the live index is
    untouched whenever this fires.
    """
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES):
            raise not_writable(index_dir, exc) from exc
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise IndexStoreError(
            f"the disk is full: no space left to write the index in {index_dir} ({exc.strerror or exc}); "
            "the previous index is still in use — free some space and run `pns index build` again"
        ) from exc


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build per index folder at a time (two would race on the pointer and on GC)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexStoreError(f"another `pns index build` is running on {index_dir}") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
