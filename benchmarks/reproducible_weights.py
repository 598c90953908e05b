"""Training the learned checks reproducibly: the same rows give byte-identical weight files.

Why: the emergency and personal-advice weights (assistant/data/*.npz) are committed, and a retraining is judged by
what it moves on the check banks. When a retraining on unchanged data also moves items (round 13 saw items near p 0.5
move with no new row), nobody can tell the new data's effect from the noise of the run. Three things made a run
differ from the last on the same rows: numpy's `savez_compressed` stamps each member of the zip with the wall clock,
the meta carried the training day, and the BLAS and OpenMP pools sum in an order that depends on how many threads
they get (the encoder's matrix products and the solver's gradients). So the weights are written with fixed zip
stamps in a fixed member order, the meta carries no date (its `training_sha256` names the data; git dates the file),
and training runs with one thread in every native pool.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from foundation.atomic_files import atomic_write

# the earliest time a zip member can carry (DOS time starts in 1980): any fixed value would do
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# the environment variables the native pools read when they start (set before numpy is imported, they also bind it)
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def npz_bytes(arrays: Mapping[str, Any]) -> bytes:
    """The arrays as an .npz archive (what `np.load` reads), deflated, members in the order given, every member
    stamped ZIP_EPOCH and mode 0644: the bytes depend on the arrays only."""
    import numpy as np

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_npz(path: Path, arrays: Mapping[str, Any]) -> None:
    """Replace `path` with the arrays' reproducible archive (atomically: a reader never sees half a model)."""
    atomic_write(Path(path), npz_bytes(arrays))


@contextmanager
def single_threaded() -> Iterator[None]:
    """Every native thread pool (BLAS, OpenMP) limited to one thread while training runs, and the variables set for
    pools started inside (a solver's): a sum is then added in one order on any machine."""
    import numpy  # noqa: F401  (the pools a library brings are limited only once it is loaded)
    import scipy.linalg  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: "1" for name in THREAD_VARIABLES})
    try:
        with threadpool_limits(limits=1):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
