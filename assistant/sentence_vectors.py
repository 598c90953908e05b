"""The article's sentence vectors read from beside the index, so a cold question embeds only itself.

Why: a cold `pns ask` embedded the sentences of every chunk it retrieved (about 30 sentences: 0.5-2 s of a
cold answer on two busy cores), and a warm process embeds all of the article's sentences at warm-up anyway
(Assistant.warm_up). The vectors kept are exactly those: every article chunk's sentences in one batch, in
index order, so a cold answer reads bit for bit the vectors a warm server or `pns eval run` computes (a
smaller batch pads differently and gives vectors ~1e-7 apart). `pns index build` stores them for the
query-time encoder (index/sentence_vectors.py); a process answering with another encoder, or a home built
before the build stored them, embeds them once and stores them; a read-only home keeps them in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.sentence_vectors import article_chunks, sentence_vectors

if TYPE_CHECKING:
    from assistant.sentences import SentenceBank
    from foundation.settings import Settings
    from index.models import Chunk


def load_article_sentences(settings: "Settings", bank: "SentenceBank", chunks: Sequence["Chunk"], model: str) -> None:
    """Fill `bank` with the article's sentence vectors: read from disk, or embedded in one batch and stored;
    `model` is the key (index.sentence_vectors.encoder_key: the model and the encoder's class)."""
    article = bank.missing(article_chunks(chunks))
    if article:
        bank.keep(article, sentence_vectors(settings, article, model, bank.embed))
