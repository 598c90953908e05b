"""A few rows times a wide weight matrix, in column blocks: the same bits as one product, in a third of the time.

Why: a warm question is 15-60 tokens, and for so few rows OpenBLAS's packed GEMM spends most of a (rows, 384) x
(384, 1536) product copying the 2.4 MB weight matrix into its packing buffer; a product narrow enough takes its
small-matrix path, which packs nothing (on the 2-core box: 3 rows 525 -> 140 us, 16 rows 553 -> 267 us, 60 rows
1022 -> 808 us in 128-column blocks). A column of the product is the same dot products either way, and where the inner
dimension fits one of the packed path's blocks the two paths add them in the same order, so the bits agree: on this
OpenBLAS they do for the model's 384-deep matrices and do not for its 1536-deep one. Which matrices may be split is
therefore not assumed: `splittable` multiplies both ways on the matrix's own shape at load and keeps the blocks only
where every tried row count gives identical bits, so the encoder's vectors (and every answer) stay what they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

BLOCK_COLUMNS = 128  # the narrowest blocks measured fastest for 3-120 rows (index/column_blocks docstring)
MAX_ROWS = 128       # more rows than this: one product (the packing cost is spread over enough rows)
TRIED_ROWS = (2, 3, 5, 8, 13, 16, 24, 33, 47, 64, 96, 128)  # row counts checked for identical bits at load


def column_blocks(weight: "np.ndarray", columns: int = BLOCK_COLUMNS) -> list[tuple[slice, "np.ndarray"]]:
    """`weight` cut into contiguous blocks of `columns` columns, each with the output columns it fills."""
    import numpy as np

    return [(slice(i, min(i + columns, weight.shape[1])), np.ascontiguousarray(weight[:, i : i + columns]))
            for i in range(0, weight.shape[1], columns)]


def blocked_product(x: "np.ndarray", blocks: list[tuple[slice, "np.ndarray"]], width: int) -> "np.ndarray":
    """x @ (the matrix `blocks` were cut from), block by block into one (rows, width) float32 array."""
    import numpy as np

    out = np.empty((x.shape[0], width), dtype=np.float32)
    for cols, block in blocks:
        np.matmul(x, block, out=out[:, cols])
    return out


def splittable(weight: "np.ndarray", seed: int = 0) -> list[tuple[slice, "np.ndarray"]] | None:
    """The column blocks of `weight` when multiplying by them gives exactly the bits of one product for every row
    count up to MAX_ROWS tried here (TRIED_ROWS), else None (the caller keeps one product)."""
    import numpy as np

    if weight.shape[1] <= BLOCK_COLUMNS:
        return None
    blocks = column_blocks(weight)
    rows = np.random.default_rng(seed).standard_normal((max(TRIED_ROWS), weight.shape[0])).astype(weight.dtype)
    for n in TRIED_ROWS:
        x = rows[:n]
        if not np.array_equal(blocked_product(x, blocks, weight.shape[1]), x @ weight):
            return None
    return blocks
