"""Column-block products (index/column_blocks.py) are used only where they give one product's exact bits.

Real parts: this machine's numpy/OpenBLAS and the bundled model's own weight matrices.
"""

from __future__ import annotations

import numpy as np
import pytest

from foundation.settings import Settings
from index.column_blocks import BLOCK_COLUMNS, TRIED_ROWS, blocked_product, column_blocks, splittable
from index.numpy_encoder import NumpyEmbedding


@pytest.fixture(scope="module")
def encoder():
    return NumpyEmbedding(Settings().index.embedding_model).warm_up()


def test_blocks_cover_every_column_once() -> None:
    weight = np.arange(3 * 300, dtype=np.float32).reshape(3, 300)
    blocks = column_blocks(weight)
    assert [b.shape[1] for _, b in blocks] == [BLOCK_COLUMNS, BLOCK_COLUMNS, 300 - 2 * BLOCK_COLUMNS]
    assert np.array_equal(np.concatenate([b for _, b in blocks], axis=1), weight)
    assert splittable(weight[:, :BLOCK_COLUMNS]) is None  # nothing to split


def test_kept_blocks_give_the_products_bits_for_the_models_matrices(encoder) -> None:
    rng = np.random.default_rng(7)
    for name, (weight, _) in encoder._dense.items():
        blocks = encoder._blocks.get(name)
        if blocks is None:
            continue
        for rows in (*TRIED_ROWS, 1, 7, 41):  # row counts the load-time check did not try too
            x = rng.standard_normal((rows, weight.shape[0])).astype(np.float32)
            assert np.array_equal(blocked_product(x, blocks, weight.shape[1]), x @ weight), (name, rows)


def test_the_encoders_vectors_are_the_same_with_and_without_blocks(encoder) -> None:
    assert encoder._blocks  # on this machine's BLAS the 384-deep matrices split (else this test proves nothing)
    batches = [["What is a paraneoplastic syndrome, in simple terms?", "cost", "how is lems treated"],  # few rows: blocks
               ["cost"], [" ".join(["onconeural antibodies"] * 40)]]  # one short text; more rows than MAX_ROWS
    with_blocks = [encoder.encode(b) for b in batches]
    kept, encoder._blocks = encoder._blocks, {}
    try:
        without = [encoder.encode(b) for b in batches]
    finally:
        encoder._blocks = kept
    assert all(np.array_equal(a, b) for a, b in zip(with_blocks, without))
