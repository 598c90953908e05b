"""Replacing a file so that a reader sees the old one or the whole new one, never half of each.

Why one owner on the ground floor: the corpus (sources manifest, fetch log, source files and their
extraction cache, section links) and the index (the pointer `current.json`, the list of owned collections,
the chunk cache, vectors and the speller's dictionary kept beside it) all replace files that another process
may be reading. One temp file in the same folder, written, fsynced, made world-readable and renamed over
the target keeps that rule, and the temp files' names, in one place: the index's garbage collection
recognises a leftover of a hard kill by `is_leftover(name)`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"


def replace_atomically(path: Path, write: Callable[[Path], None], suffix: str = TEMP_SUFFIX) -> None:
    """Have `write(temporary path)` write the new content, then rename it over `path`.

    The temporary file is hidden (`.<name>.<random><suffix>`) in `path`'s folder, so the rename never crosses a
    file system; it is removed again when writing fails, and the error (a full disk, a read-only folder) is
    raised for the caller to turn into its own stage's error. `suffix` lets a writer that insists on an ending
    (numpy's np.save adds `.npy` otherwise) keep it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; what we keep under HOME is readable data
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, flushed to disk before the rename (a crash leaves the old file)."""

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomically(path, write)


def atomic_write_json(path: Path, data: Any, indent: int | None = 2) -> None:
    """Replace `path` with `data` as UTF-8 JSON (non-ASCII kept as is) and a final newline."""
    atomic_write(path, (json.dumps(data, indent=indent, ensure_ascii=False) + "\n").encode("utf-8"))


def is_leftover(name: str) -> bool:
    """Whether a file name is one of our temporary files (left behind only when a process was killed mid-write)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)
