"""The second embedder's article passage vectors: stored by `pns index build`, covering what answering splits."""

from __future__ import annotations

import numpy as np

from assistant.sentences import split_sentences
from corpus.article import load_article
from corpus.paths import article_path
from foundation.model_registry import ENGINE_MODELS, SECOND_EMBEDDER
from foundation.settings import Settings
from index.second_vectors import ensure_for_build, passage_key, passage_texts, vectors_file


def test_every_sentence_answering_quotes_has_a_stored_vector(built_index_home: Settings) -> None:
    from index.store import open_index

    spec = ENGINE_MODELS[SECOND_EMBEDDER]
    texts = passage_texts(load_article(article_path(built_index_home)))
    stored = vectors_file(built_index_home, spec.name, spec.weights_sha256, texts)
    assert stored.is_file(), "pns index build did not store the second embedder's vectors"
    vectors = np.load(stored)
    assert vectors.shape == (len(texts), spec.dimension)
    known = set(texts)
    article_chunks = [c for c in open_index(built_index_home).chunks() if c.source_id == "article"]
    sentences = [passage_key(s.text) for c in article_chunks for s in split_sentences(c)]
    assert sentences and not [s for s in sentences if s not in known]


def test_build_step_reuses_stored_vectors(settings: Settings) -> None:
    first = ensure_for_build(settings)
    again = ensure_for_build(settings)
    assert first["embedded"] == first["passages"] > 50
    assert again == {**first, "embedded": 0}
