"""Vectors kept on disk beside the index as .npy files, keyed by what they were computed from.

Why one place: the enrichment's question vectors, the article's word vectors, the second embedder's passage
vectors and the article's sentence vectors (assistant/sentence_vectors.py) are all derived data that can be
recomputed at any time, so a damaged file is embedded again and a read-only home still serves the
process from memory; both rules belong to one reader and one writer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
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


def keep_derived(path: Path, write: Callable[[Path], None], tmp_suffix: str = ".tmp") -> None:
    """Write a derived file through `write(temporary path)` and rename it into place, so a reader sees the old file
    or the whole new one; a read-only home is not an error (the data can be computed again, and the caller keeps
    it in memory). Shared by every cache under HOME that holds what the program can recompute."""
    from foundation.atomic_files import replace_atomically

    try:
        replace_atomically(path, write, tmp_suffix)
    except OSError:
        pass


def store_vectors(path: Path, vectors: Any) -> None:
    """Write `vectors` to `path` atomically (`keep_derived`; np.save names its file *.npy)."""
    import numpy as np

    keep_derived(path, lambda tmp: np.save(tmp, vectors), ".tmp.npy")


def keyed_file(folder: Path, model: str, texts: Sequence[str], prefix: str = "") -> Path:
    """The file under `folder` for `texts` embedded by `model`: a new model or text list gets a new file.

    `model` is everything the vectors were computed by (a name, or a name and its weights' checksum on lines of
    their own); `prefix` starts the file name, so a folder shared by models shows whose file is whose.
    """
    digest = hashlib.sha256("\n".join([model, *texts]).encode()).hexdigest()[:24]
    return folder / f"{prefix}{digest}.npy"


def load_or_embed(folder: Path, model: str, texts: Sequence[str], embed: Callable[[Sequence[str]], Any] | None,
                  prefix: str = "") -> Any:
    """A (len(texts), dim) float32 array: from `folder` when stored, else embedded with `embed` and stored;
    None when nothing is stored and there is no `embed` (a caller without the model reads only what is kept)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    path = keyed_file(folder, model, texts, prefix)
    stored = read_vectors(path, len(texts))
    if stored is not None or embed is None:
        return stored
    vectors = np.asarray(embed(list(texts)), dtype=np.float32)
    store_vectors(path, vectors)
    return vectors
