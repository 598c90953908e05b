"""The article's sentence vectors kept beside the index (assistant/sentence_vectors.py): a cold process reads,
bit for bit, the vectors a warm one embeds, and embeds nothing but the question."""

from __future__ import annotations

import numpy as np

from assistant.sentences import SentenceBank
from foundation.settings import Settings


def test_kept_vectors_are_the_warm_ones_and_a_cold_load_embeds_nothing(built_index_home: Settings) -> None:
    from assistant.sentence_vectors import load_article_sentences
    from index.sentence_vectors import article_chunks
    from index.store import open_index

    index = open_index(built_index_home)
    chunks = index.chunks()
    warm = SentenceBank(index.embed_passages)
    warm.ensure(article_chunks(chunks))  # what Assistant.warm_up computes
    model = "synthetic-test-key"  # a key of its own: the test's file is not the live one
    first = SentenceBank(index.embed_passages)
    load_article_sentences(built_index_home, first, chunks, model)  # embeds once and stores
    calls: list[int] = []

    def counting(texts):
        calls.append(len(texts))
        return index.embed_passages(texts)

    cold = SentenceBank(counting)
    load_article_sentences(built_index_home, cold, chunks, model)
    assert calls == [], "a stored sentence vector was embedded again"
    for c in article_chunks(chunks):
        assert np.array_equal(cold.vectors(c.id), warm.vectors(c.id))
        assert [s.text for s in cold.sentences(c.id)] == [s.text for s in warm.sentences(c.id)]
    cold.ensure(article_chunks(chunks))
    assert calls == []


def test_a_cold_answer_reads_the_builds_sentence_vectors(built_index_home: Settings, monkeypatch) -> None:
    """The first question after `pns index build` embeds no article sentence: load_parts reads what the build kept."""
    from assistant.parts import load_parts
    from corpus.corpus import Corpus
    from index.sentence_vectors import article_chunks
    from index.store import open_index

    index = open_index(built_index_home)  # the query-time (numpy) encoder, as a cold `pns ask` opens it
    calls: list[int] = []
    embed = index.embed_passages

    def counting(texts):
        calls.append(len(texts))
        return embed(texts)

    monkeypatch.setattr(index, "embed_passages", counting)
    parts = load_parts(built_index_home, index, Corpus.load(built_index_home))
    assert calls == [], "the article's sentences were embedded instead of read"
    article = article_chunks(index.chunks())
    assert article and all(len(parts.bank.vectors(c.id)) == len(parts.bank.sentences(c.id)) for c in article)
    warm = SentenceBank(embed)
    warm.ensure(article)  # what Assistant.warm_up computes
    assert all(np.array_equal(parts.bank.vectors(c.id), warm.vectors(c.id)) for c in article)
