"""The one keyed cache of derived vectors (index/vector_cache.py): its file names and who may embed."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.vector_cache import keyed_file, load_or_embed


def test_a_file_is_keyed_by_model_and_texts_and_may_name_its_model(tmp_path: Path) -> None:
    texts = ["synthetic one", "synthetic two"]
    plain = keyed_file(tmp_path, "model-a", texts)
    assert plain == keyed_file(tmp_path, "model-a", list(texts))
    assert plain != keyed_file(tmp_path, "model-b", texts) and plain != keyed_file(tmp_path, "model-a", texts[:1])
    named = keyed_file(tmp_path, "model-a", texts, prefix="model-a-")
    assert named.name == "model-a-" + plain.name


def test_without_an_embedder_only_stored_vectors_are_read(tmp_path: Path) -> None:
    texts = ["synthetic one", "synthetic two"]
    assert load_or_embed(tmp_path, "m", texts, None, prefix="m-") is None
    embedded = load_or_embed(tmp_path, "m", texts, lambda batch: np.ones((len(batch), 3)), prefix="m-")
    assert (tmp_path / keyed_file(tmp_path, "m", texts, "m-").name).is_file()
    stored = load_or_embed(tmp_path, "m", texts, None, prefix="m-")
    assert stored is not None and stored.dtype == np.float32 and (stored == embedded).all()
