"""The article's sentence vectors stored by `pns index build` (index/sentence_vectors.py): keyed by the model and
the query-time encoder, and bit for bit what that encoder computes, so the first question after a build reads them."""

from __future__ import annotations

import numpy as np

from foundation.settings import Settings
from index.build import build_index
from index.chunk_sentences import embedding_texts
from index.numpy_encoder import NumpyEmbedding
from index.sentence_vectors import FOLDER, QUERY_ENCODER, article_chunks, encoder_key
from index.store import open_index
from index.vector_cache import keyed_file


def test_a_fresh_build_keeps_the_query_encoders_sentence_vectors(settings: Settings, embedder) -> None:
    report = build_index(settings, progress=False, embedder=embedder)
    article = article_chunks(open_index(settings).chunks())
    texts = embedding_texts(article)
    assert report["article_sentences"] == len(texts) > 50
    model = settings.index.embedding_model
    stored = keyed_file(settings.index_dir / FOLDER, encoder_key(model, QUERY_ENCODER), texts)
    assert stored.is_file(), "pns index build did not store the article's sentence vectors"
    assert QUERY_ENCODER == NumpyEmbedding.__name__ == type(open_index(settings).embedder).__name__
    expected = np.asarray(NumpyEmbedding(model).embed(texts), dtype=np.float32)  # what answering would embed
    assert np.array_equal(np.load(stored), expected)
    written = stored.stat().st_mtime_ns
    again = build_index(settings, progress=False, embedder=embedder)  # up to date: kept, not embedded again
    assert again["up_to_date"] and again["article_sentences"] == len(texts)
    assert stored.stat().st_mtime_ns == written


def test_every_article_sentence_is_embedded_under_its_heading(built_index_home: Settings) -> None:
    article = article_chunks(open_index(built_index_home).chunks())
    texts = embedding_texts(article)
    headed = [c for c in article if c.section_path]
    assert headed and all(t.split(": ", 1)[0] in {c.section_path[-1] for c in headed} for t in texts[:10])
