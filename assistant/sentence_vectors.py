"""The article's sentence vectors kept beside the index, so a cold question embeds only itself.

Why: a cold `pns ask` embedded the sentences of every chunk it retrieved (about 30 sentences: 0.5-2 s of a
cold answer on two busy cores), and a warm process embeds all of the article's sentences at warm-up anyway
(Assistant.warm_up). The vectors kept are exactly those: every article chunk's sentences in one batch, in
index order, so a cold answer now reads bit for bit the vectors a warm server or `pns eval run` computes
(a smaller batch pads differently and gives vectors ~1e-7 apart). The first process that needs them after a
build embeds them once and stores them (index/vector_cache.py, keyed by the model and the exact texts, under
HOME/index/sentences/); a read-only home just keeps them in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.vector_cache import load_or_embed

if TYPE_CHECKING:
    from assistant.sentences import SentenceBank
    from foundation.settings import Settings
    from index.models import Chunk

ARTICLE = "article"


def article_chunks(chunks: Sequence["Chunk"]) -> list["Chunk"]:
    """The article's chunks, in index order: the ones whose sentences are kept."""
    return [c for c in chunks if c.source_id == ARTICLE]


def load_article_sentences(settings: "Settings", bank: "SentenceBank", chunks: Sequence["Chunk"], model: str) -> None:
    """Fill `bank` with the article's sentence vectors: read from disk, or embedded in one batch and stored."""
    article = bank.missing(article_chunks(chunks))
    texts = bank.embedding_texts(article)
    if texts:
        bank.keep(article, load_or_embed(settings.index_dir / "sentences", model, texts, bank.embed))
