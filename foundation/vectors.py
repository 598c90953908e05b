"""Vectors scaled to unit length, and the cosine of two: the one way every stage normalises an embedding.

Why on the ground floor: the index's encoder, the sentence bank's readers (the article's units, a list item's
mentions, a family's symptoms bullet), the claim check's word families, the figure words and the learned emergency
check all compare sentence-model vectors by cosine, and each had written its own row normalisation (some guarded
against a zero row, some not). One helper keeps them the same, guard included (a zero row stays zero instead of NaN).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

TINY_NORM = 1e-12  # a zero (or all but zero) row is divided by this, not by 0: it stays zero


def unit_rows(rows: "np.ndarray | Sequence[Sequence[float]]", dtype: Any = float) -> np.ndarray:
    """`rows` as a `dtype` matrix whose every row has unit length (a zero row stays zero)."""
    matrix = np.asarray(rows, dtype=dtype)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), TINY_NORM)


def cosine(u: Sequence[float], v: Sequence[float]) -> float:
    """The cosine of two vectors, read as float32 as the encoder gives them (0.0 when either is zero)."""
    a, b = np.asarray(u, dtype=np.float32), np.asarray(v, dtype=np.float32)
    return float(a @ b / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))
