"""The article's word vectors: stored by `pns index build`, read instead of embedded by the family finder."""

from __future__ import annotations

import numpy as np

from corpus.article import load_article
from corpus.paths import article_path
from corpus.vocabulary import article_words
from foundation.settings import Settings
from index.vector_cache import keyed_file
from index.word_vectors import word_vectors


def test_the_build_stores_a_vector_for_every_article_word(built_index_home: Settings) -> None:
    words = article_words(load_article(article_path(built_index_home)).text)
    stored = keyed_file(built_index_home.index_dir / "words", built_index_home.index.embedding_model, words)
    assert stored.is_file(), "pns index build did not store the article's word vectors"
    vectors = np.load(stored)
    assert vectors.shape[0] == len(words) > 300


def test_stored_word_vectors_are_read_not_embedded_again(built_index_home: Settings) -> None:
    words = article_words(load_article(article_path(built_index_home)).text)
    calls: list[int] = []

    def counting_embed(texts):
        calls.append(len(texts))
        return np.ones((len(texts), 3))

    vectors = word_vectors(built_index_home, words, counting_embed)
    assert calls == [] and vectors.shape[0] == len(words)
    fresh = word_vectors(built_index_home, ["synthetic", "wordlist"], counting_embed)  # not stored: embedded once
    again = word_vectors(built_index_home, ["synthetic", "wordlist"], counting_embed)
    assert calls == [2] and fresh.shape == again.shape == (2, 3)


def test_article_words_are_distinct_sorted_and_long_enough() -> None:
    assert article_words("The PNS, the nerves; nerves and skin changes.") == ["changes", "nerves", "skin"]
