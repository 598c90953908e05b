"""Vectors kept on disk beside the index as .npy files, keyed by what they were computed from.

Why one place: the enrichment's question vectors and the second embedder's passage vectors are both derived data
that can be recomputed at any time, so a damaged file is embedded again and a read-only home still serves the
process from memory; both rules belong to one reader and one writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_vectors(path: Path, rows: int) -> Any | None:
    """The stored (rows, dim) array at `path`, or None when it is missing, damaged or of another length."""
    import numpy as np

    if not path.is_file():
        return None
    try:
        stored = np.load(path)
    except (OSError, ValueError):
        return None  # a damaged file is simply embedded again
    return stored if stored.shape[0] == rows else None


def store_vectors(path: Path, vectors: Any) -> None:
    """Write `vectors` to `path` atomically; a read-only home is not an error (the caller keeps them in memory)."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
    except OSError:
        pass
