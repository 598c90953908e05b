"""The one row normalisation and cosine (foundation/vectors.py) every stage's sentence-model comparisons share."""

from __future__ import annotations

import numpy as np

from foundation.vectors import cosine, unit_rows


def test_rows_come_back_unit_length_in_the_asked_dtype_and_a_zero_row_stays_zero() -> None:
    rows = unit_rows([[3.0, 4.0], [0.0, 0.0]], np.float32)
    assert rows.dtype == np.float32
    assert rows[0].tolist() == [np.float32(0.6), np.float32(0.8)]
    assert rows[1].tolist() == [0.0, 0.0]  # no NaN from a zero row
    assert unit_rows([[1.0, 1.0]]).dtype == np.float64


def test_the_helper_gives_what_each_module_computed_before_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    wide = rng.normal(size=(9, 384))
    assert np.array_equal(unit_rows(wide), wide / np.linalg.norm(wide, axis=1, keepdims=True))
    narrow = wide.astype(np.float32)
    before = narrow / np.maximum(np.linalg.norm(narrow, axis=1, keepdims=True), 1e-12)
    assert np.array_equal(unit_rows(narrow, np.float32), before)


def test_the_cosine_of_two_vectors_and_of_a_zero_one() -> None:
    assert abs(cosine([1.0, 0.0], [1.0, 1.0]) - 2 ** -0.5) < 1e-6
    assert cosine([0.0, 0.0], [1.0, 0.0]) == 0.0
